"""Passages in another language and acronyms, marked in the exported HTML and PDF (#15)."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from ..conftest import REPO, run_cli
from .test_html import check_in_chromium, needs_chromium
from .test_pdf import walk

PAGE = """\
---
lang: da
---

# Nyt om ATMP'er

Lægemidler til avanceret terapi (ATMP'er) er nye. Forskerne bag studien »A Phase 3 Trial of \
Gene Therapy for Hemophilia B« fandt, at ATMP'er virker. Medicinrådet anbefaler screening \
in vivo.

Lægen sagde: The results were better than we had hoped. Det var gode nyheder.

Bogen hedder <span lang="en">Gene Therapy Today</span>, og den er god. Vi skriver \
<span lang="da">off-label brug</span> med vilje.

<!-- pipeline: ignore a11y/language-of-parts -->
Vi kalder det stadig *learning by doing* her på afdelingen.
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parts")
    (root / "source/da").mkdir(parents=True)
    (root / "source/da/studie.md").write_text(PAGE, encoding="utf-8")
    (root / "glossary.tbx").write_bytes((REPO / "source/glossary.tbx").read_bytes())
    (root / "pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["da", "en"]\nglossary = "glossary.tbx"\n'
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert run_cli("extract").exit_code == 0
        result = run_cli("export")
    assert result.exit_code == 0, result.stderr
    return root


def _html(root: Path) -> str:
    return (root / "build/html/da/studie.html").read_text(encoding="utf-8")


def test_passages_in_english_are_marked_with_exact_edges(exported: Path) -> None:
    spans = re.findall(r'<span lang="en">([^<]*)</span>', _html(exported))
    assert spans == [
        "A Phase 3 Trial of Gene Therapy for Hemophilia B",
        "The results were better than we had hoped.",
        "Gene Therapy Today",  # the author's own span, kept as written
    ]


def test_loanwords_latin_names_and_suppressed_blocks_are_not_marked(exported: Path) -> None:
    html = _html(exported)
    for text in ("screening", "in vivo", "Medicinrådet", "learning by doing"):
        assert re.search(rf'<span lang="en">[^<]*{text}', html) is None, text
    assert '<span lang="da">off-label brug</span>' in html  # the author said: Danish


def test_the_first_use_of_an_acronym_on_the_page_is_expanded(exported: Path) -> None:
    html = _html(exported)
    assert html.count("<abbr") == 1
    assert '<abbr title="lægemiddel til avanceret terapi">ATMP</abbr>' in html


def _pdf_marks(pdf_path: Path) -> tuple[set[str], list[str]]:
    """The languages of a PDF's spans and its expansions."""
    with pikepdf.open(pdf_path) as pdf:
        elements = walk(pdf.Root.StructTreeRoot)
        languages = {str(e.Lang) for e in elements if "/Lang" in e and e.get("/S") == "/Span"}
        return languages, [str(e.E) for e in elements if "/E" in e]


def test_the_pdf_gives_each_passage_its_language_and_the_acronym_its_expansion(
    exported: Path,
) -> None:
    with pikepdf.open(exported / "build/pdf/da/studie.pdf") as pdf:
        assert str(pdf.Root.Lang) == "da"
    languages, expansions = _pdf_marks(exported / "build/pdf/da/studie.pdf")
    assert languages == {"en", "da"}
    assert expansions == ["lægemiddel til avanceret terapi"]


@needs_chromium
def test_the_marked_page_passes_axe(exported: Path) -> None:
    check_in_chromium([exported / "build/html/da/studie.html"])


def test_english_in_the_danish_fallback_of_an_english_page_stays_english(
    exported: Path,
) -> None:
    # Nothing is translated: the English page shows the Danish text, English passages
    # and all. They were tagged lang="da" with it (and /Lang da in the PDF).
    html = (exported / "build/html/en/studie.html").read_text(encoding="utf-8")
    assert '<span lang="en">The results were better than we had hoped.</span>' in html
    assert _pdf_marks(exported / "build/pdf/en/studie.pdf")[0] == {"en", "da"}


def test_an_acronym_in_the_fallback_is_expanded_in_the_fallbacks_language(
    exported: Path,
) -> None:
    # It was expanded in the page's language: English words read in a Danish voice.
    html = (exported / "build/html/en/studie.html").read_text(encoding="utf-8")
    assert '<abbr title="lægemiddel til avanceret terapi">ATMP</abbr>' in html
    assert _pdf_marks(exported / "build/pdf/en/studie.pdf")[1] == [
        "lægemiddel til avanceret terapi"
    ]
