"""The sample content exported for real: every page passes axe, every PDF its checks."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from ..conftest import copy_of_the_project, run_cli
from .test_html import Page, check_in_chromium, needs_chromium
from .test_pdf import walk


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    copy_of_the_project(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = run_cli("export")
    assert result.exit_code == 0, result.stderr
    assert "12 HTML pages in build/html, 12 PDFs in build/pdf" in result.stdout
    assert "not translated" not in result.stderr  # the sample content is complete
    return root


def test_every_pdf_is_tagged_titled_and_bookmarked(sample: Path) -> None:
    pdfs = sorted((sample / "build/pdf").rglob("*.pdf"))
    assert len(pdfs) == 12
    for path in pdfs:
        lang = path.parent.name
        html = Page((sample / "build/html" / lang / path.with_suffix(".html").name).read_text())
        headings = [a for t, a in html.elements if t in {"h1", "h2", "h3"}]
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == lang, path
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle), path
            title = str(pdf.docinfo["/Title"])
            assert title, path
            assert (
                f"<title>{title} – "
                in (sample / "build/html" / lang / path.with_suffix(".html").name).read_text()
            )
            assert {"/H1", "/P", "/Figure"} <= {
                str(e.get("/S")) for e in walk(pdf.Root.StructTreeRoot)
            }
            with pdf.open_outline() as outline:
                count = 0
                stack = list(outline.root)
                while stack:
                    item = stack.pop(0)
                    count += 1
                    stack = list(item.children) + stack
            assert count == len(headings), path


@needs_chromium
def test_every_sample_page_passes_axe(sample: Path) -> None:
    pages = sorted((sample / "build/html").rglob("*.html"))
    assert len(pages) == 15  # 6 documents × 2 locales, 2 indexes, the root
    check_in_chromium(pages)
