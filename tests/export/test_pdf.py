"""Exported PDFs opened for real: tags, languages, title, bookmarks, fonts, text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import polib
import pytest
from pypdf import PdfReader

from pipeline.export.to_pdf import url_fetcher

from ..conftest import run_cli


def walk(element: Any) -> list[Any]:
    kids = element.get("/K")
    children = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    found = [element]
    for kid in children:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += walk(kid)
    return found


def test_tagged_pdf_with_language_title_and_bookmarks(exported: Path) -> None:
    with pikepdf.open(exported / "build/pdf/en/vektorer.pdf") as pdf:
        root = pdf.Root
        assert str(root.Lang) == "en"
        assert bool(root.MarkInfo.Marked)
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf.docinfo["/Title"]) == "Vectors in gene therapy"
        elements = walk(root.StructTreeRoot)
        types = {str(e.get("/S")) for e in elements}
        assert {"/Document", "/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/Figure"} <= types
        outline = []
        with pdf.open_outline() as tree:
            stack = list(tree.root)
            while stack:
                item = stack.pop(0)
                outline.append(item.title)
                stack = list(item.children) + stack
        assert outline == ["Vectors in gene therapy", "How it works", "Types"]


def test_fallback_passages_carry_the_source_language(exported: Path) -> None:
    with pikepdf.open(exported / "build/pdf/en/vektorer.pdf") as pdf:
        tagged = [
            e for e in walk(pdf.Root.StructTreeRoot) if "/Lang" in e and e.get("/S") == "/Span"
        ]
        assert tagged
        assert {str(e.Lang) for e in tagged} == {"da"}
    with pikepdf.open(exported / "build/pdf/da/vektorer.pdf") as original:
        assert not [e for e in walk(original.Root.StructTreeRoot) if "/Lang" in e]


def test_text_is_extractable_and_is_the_translation(exported: Path) -> None:
    text = " ".join(
        page.extract_text() for page in PdfReader(exported / "build/pdf/en/vektorer.pdf").pages
    )
    flat = " ".join(text.split())
    assert "The doctor gives the treatment as an infusion." in flat
    assert "Vektoren finder cellerne." in flat  # the untranslated unit, in Danish
    danish = " ".join(
        p.extract_text() for p in PdfReader(exported / "build/pdf/da/vektorer.pdf").pages
    )
    assert "Sådan virker det" in danish  # æ, ø, å survive


def test_fonts_are_embedded(exported: Path) -> None:
    with pikepdf.open(exported / "build/pdf/da/vektorer.pdf") as pdf:
        fonts = []
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0] if descendants else font).FontDescriptor
                fonts.append(
                    any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                )
        assert fonts
        assert all(fonts)


def test_pages_are_a4_with_page_numbers(exported: Path) -> None:
    reader = PdfReader(exported / "build/pdf/da/vektorer.pdf")
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)
    assert "1 / " in reader.pages[0].extract_text()


def test_fetcher_reads_only_the_build_folder(tmp_path: Path) -> None:
    inside = tmp_path / "build" / "a.css"
    inside.parent.mkdir()
    inside.write_text("p{}")
    fetch = url_fetcher(tmp_path / "build")
    assert fetch(inside.as_uri()) is not None
    for url in (
        "file:///etc/passwd",
        (tmp_path / "secret.txt").as_uri(),
        "https://example.com/x.css",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetch(url)


def test_a_code_span_at_a_lines_end_is_moved_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hatch's intro on the Danish page (English kept, in a span): WeasyPrint broke
    `setuptools` into "s" and "etuptools" at a line's end."""
    from ..conftest import run_cli

    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/intro.md").write_text(
        "# Introduction\n\n## Existing project\n\nTo initialize an existing project, enter "
        "the directory containing the project and run the following:\n\n"
        "If your project has a `setup.py` file the command will automatically migrate "
        "`setuptools` configuration for you. Otherwise, this will interactively guide you "
        "through the setup process.\n"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "pdf").exit_code == 0
    for lang in ("en", "da"):
        text = "".join(
            page.extract_text() for page in PdfReader(f"build/pdf/{lang}/intro.pdf").pages
        )
        assert "setuptools" in text, text


def test_weasyprints_warnings_name_the_pdf_they_are_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator's link to a heading the page lacks: WeasyPrint's "error: No anchor
    #slutningen for internal URI reference" named no file (mkdocs-print-site-plugin)."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\nsource-language = "en"\n'
        "[tool.pipeline.export]\nmin-translated = 0\n"
    )
    Path("source").mkdir()
    Path("source/guide.md").write_text("# Guide\n\nSee [the end](#the-end).\n\n## The end\n")
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile("locales/da/LC_MESSAGES/guide.po")
    catalog.find("See [the end](#the-end).").msgstr = "Se [slutningen](#slutningen)."
    catalog.save()
    result = run_cli("export", "--format", "pdf")
    assert result.exit_code == 0
    assert (
        "warning: build/pdf/da/guide.pdf: WeasyPrint: No anchor #slutningen for internal URI "
        "reference (a link to an id the page lacks: `pipeline check` names its line)"
    ) in result.stderr
    assert "error:" not in result.stderr
    assert "guide.pdf" not in run_cli("export", "--locale", "en", "--format", "pdf").stderr
