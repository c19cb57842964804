"""Raw HTML and GitHub's extensions on our pages: kept, translated, accessible (#24)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import polib
import pytest

from ..conftest import run_cli
from .test_html import Page, check_in_chromium, needs_chromium

SOURCE = """---
lang: en
---

<h1 align="center">Gene therapy, briefly</h1>

<p align="center"><img src="../images/logo.png" alt="The clinic's logo" width="120"></p>

<a title="The clinic's website" href="https://example.org"><img align="right" alt="The clinic's sign" src="../images/logo.png"></a>

Press <kbd>Ctrl</kbd>+<kbd>P</kbd> to print this page.[^print] :printer:

> [!WARNING]
> Do not stop the treatment on your own.

## Before the treatment

- [x] Blood tests taken
- [ ] Consent form signed

<details>
<summary>What does <b>AAV</b> stand for?</summary>

Adeno-associated virus, a small virus that carries the gene.

</details>

!!! tip
    Bring a list of your medicines.

## After the treatment

<img src="../images/diagram.png" alt="How the gene reaches the cells">

Read more at https://www.ema.europa.eu.

![A remote chart](https://example.org/chart.png)

[^print]: The printed page has the same content.
"""

TRANSLATIONS = {
    "Gene therapy, briefly": "Genterapi kort fortalt",
    "The clinic's logo": "Klinikkens logo",
    "The clinic's website": "Klinikkens hjemmeside",
    "The clinic's sign": "Klinikkens skilt",
    "Press <kbd>Ctrl</kbd>+<kbd>P</kbd> to print this page.[^print] :printer:": (
        "Tryk på <kbd>Ctrl</kbd>+<kbd>P</kbd> for at udskrive siden.[^print] :printer:"
    ),
    "Do not stop the treatment on your own.": "Stop ikke behandlingen på egen hånd.",
    "Before the treatment": "Før behandlingen",
    "Blood tests taken": "Blodprøver taget",
    "Consent form signed": "Samtykkeerklæring underskrevet",
    "What does <b>AAV</b> stand for?": "Hvad står <b>AAV</b> for?",
    "Adeno-associated virus, a small virus that carries the gene.": (
        "Adeno-associeret virus, en lille virus, der bærer genet."
    ),
    "Bring a list of your medicines.": "Tag en liste over din medicin med.",
    "After the treatment": "Efter behandlingen",
    "How the gene reaches the cells": "Sådan når genet frem til cellerne",
    "Read more at https://www.ema.europa.eu.": "Læs mere på https://www.ema.europa.eu.",
    "A remote chart": "Et diagram på nettet",
    "The printed page has the same content.": "Den udskrevne side har det samme indhold.",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("rawhtml")
    (root / "source/en").mkdir(parents=True)
    (root / "source/images").mkdir()
    png = (Path(__file__).parents[2] / "source/images").glob("*.png")
    image = next(png, None)
    for name in ("logo.png", "diagram.png"):
        (root / "source/images" / name).write_bytes(image.read_bytes() if image else b"")
    (root / "source/en/treatment.md").write_text(SOURCE, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert run_cli("extract").exit_code == 0
        po = polib.pofile(str(root / "locales/da/LC_MESSAGES/treatment.po"))
        for entry in po:
            entry.msgstr = TRANSLATIONS.get(entry.msgid, "")
            assert entry.msgstr, f"no translation for {entry.msgid!r}"
        po.save()
        result = run_cli("export")
        assert result.exit_code == 0, result.stderr
        assert "remote image 'https://example.org/chart.png' is shown as its alt text" in (
            result.stderr
        )
        yield root


def test_raw_html_and_extensions_are_kept_and_translated(site: Path) -> None:
    html = (site / "build/html/da/treatment.html").read_text()
    page = Page(html)
    assert page.find("h1", id="genterapi-kort-fortalt") or page.find("h1", align="center")
    assert page.find("img", alt="Klinikkens logo", src="../images/logo.png")
    assert page.find("a", title="Klinikkens hjemmeside", href="https://example.org")
    assert page.find("img", alt="Klinikkens skilt", src="../images/logo.png")
    assert (site / "build/html/images/logo.png").is_file()  # copied like a Markdown image
    assert "<kbd>Ctrl</kbd>+<kbd>P</kbd>" in html
    assert "🖨" in html  # :printer:
    assert page.find("details")
    assert "<summary>Hvad står <b>AAV</b> for?</summary>" in html
    assert "Adeno-associeret virus" in html
    assert page.find("div", **{"class": "markdown-alert markdown-alert-warning"})
    assert '<p class="markdown-alert-title">Advarsel</p>' in html
    assert '<p class="admonition-title">Tip</p>' in html
    boxes = page.find("input", type="checkbox")
    assert [b.get("checked") for b in boxes] == ["", None] or len(boxes) == 2
    assert boxes[0]["aria-label"] == "Blodprøver taget"
    assert page.find("a", href="https://www.ema.europa.eu")  # a bare URL, linked
    assert page.find("img", src="https://example.org/chart.png", alt="Et diagram på nettet")
    assert page.find("section", role="doc-endnotes")
    assert page.find("a", role="doc-noteref", href="#fn1")
    assert '<h2 id="footnotes-title" class="footnotes-title">Fodnoter</h2>' in html
    assert page.find("a", role="doc-backlink", href="#fnref1")
    shown = " ".join(page.text)
    for markup in ("<kbd", "<details", "<img", "[!WARNING]", "!!!", "[^print]", "[ ]"):
        assert markup not in shown, markup


def test_html_headings_are_in_the_outline_and_the_pdf_bookmarks(site: Path) -> None:
    with pikepdf.open(site / "build/pdf/da/treatment.pdf") as pdf:
        with pdf.open_outline() as tree:
            titles = [item.title for item in tree.root]
        assert titles[0] == "Genterapi kort fortalt"
        text = "".join(
            str(page.get("/Contents").read_bytes()) for page in pdf.pages if "/Contents" in page
        )
        assert text
    html = (site / "build/html/da/treatment.html").read_text()
    assert "<title>Genterapi kort fortalt" in html


def test_an_html_image_without_alt_is_reported_at_its_source_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "source/images").mkdir(parents=True)
    (tmp_path / "source/images/diagram.png").write_bytes(b"")
    page = '# A page\n\nSome text.\n\n<p>\n  <img src="../images/diagram.png">\n</p>\n'
    findings, _ = _checked(tmp_path, monkeypatch, page, "a11y/missing-alt")
    assert {(f["path"], f["line"]) for f in findings} == {("source/en/page.md", 6)}


def test_the_same_image_twice_without_alt_is_two_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs-print-site-plugin's docs: the second figure of one image was not reported."""
    page = (
        '# Figures\n\n<figure>\n  <img src="https://example.org/a.png">\n</figure>\n\n'
        '<figure>\n  <img src="https://example.org/a.png">\n</figure>\n\n'
        "![](https://example.org/b.png)\n\n![](https://example.org/b.png)\n"
    )
    findings, _ = _checked(tmp_path, monkeypatch, page, "a11y/missing-alt")
    assert sorted(f["line"] for f in findings) == [4, 8, 11, 13]


def test_images_of_one_file_name_in_two_folders_are_two_findings_named_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two CI badges, both badge.svg, were one finding (review); "data.png" in the text
    was taken for the image's address."""
    page = (
        "# Badges\n\nSee data.png below.\n\n"
        "![](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)\n\n"
        "![](https://github.com/o/r/actions/workflows/docs.yml/badge.svg) ![](https://x.org/data.png)\n"
    )
    findings, _ = _checked(tmp_path, monkeypatch, page, "a11y/missing-alt")
    assert [(f["line"], f["message"]) for f in findings] == [
        (5, "image https://github.com/o/r/actions/workflows/ci.yml/badge.svg has no alt text"),
        (7, "image https://github.com/o/r/actions/workflows/docs.yml/badge.svg has no alt text"),
        (7, "image https://x.org/data.png has no alt text"),
    ]


def test_an_image_without_alt_is_found_at_its_line_not_at_an_example_in_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sphinx-book-theme's docs show each image's source in code before or after it: the
    findings pointed at the examples (lines 168 and 209), not at the images."""
    img = "![](https://example.org/a.png)"
    page = f"# Page\n\n```md\n{img}\n```\n\n{img}\n\n`{img}`\n\n{img}\n"
    findings, _ = _checked(tmp_path, monkeypatch, page, "a11y/missing-alt")
    assert sorted(f["line"] for f in findings) == [7, 11]


def test_a_missing_image_is_named_by_its_own_rule_not_as_an_image_without_a_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows a refused image without its address: "image  has no alt text" was
    reported at each locale's page line."""
    page = "# Page\n\nText.\n\n![](a.png)\n\n![](a.png)\n"
    findings, stdout = _checked(tmp_path, monkeypatch, page, "a11y/missing-alt")
    assert findings == []
    refused = [f for f in json.loads(stdout) if f["rule"] == "resource/refused-image"]
    assert [(f["path"], f["line"]) for f in refused] == [("source/en/page.md", 5)]


def test_an_image_without_alt_is_one_finding_though_a_translated_page_relinks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sphinx-book-theme's docs: the Danish page shows `../en/images/cool.jpg`, and the
    one missing alt was reported twice, once per locale."""
    (tmp_path / "source/en/images").mkdir(parents=True)
    (tmp_path / "source/en/images/cool.jpg").write_bytes(b"")
    findings, _ = _checked(
        tmp_path, monkeypatch, "# Page\n\n![](images/cool.jpg)\n", "a11y/missing-alt"
    )
    assert [f["message"] for f in findings] == ["image images/cool.jpg has no alt text"]


def _checked(
    root: Path, monkeypatch: pytest.MonkeyPatch, page: str, rule: str
) -> tuple[list[dict[str, object]], str]:
    """The findings of `rule` on an English page of a new project, and all of stdout."""
    (root / "source/en").mkdir(parents=True, exist_ok=True)
    (root / "source/en/page.md").write_text(page)
    (root / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(root)
    assert run_cli("extract").exit_code == 0
    result = run_cli("check", "--format", "json")
    return [f for f in json.loads(result.stdout) if f["rule"] == rule], result.stdout


def test_a_generic_link_text_is_reported_once_at_its_source_line_and_can_be_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was reported at each locale's page line (build/html/da/…), twice, and the
    ignore comment in the source, which the rules page documents, silenced nothing."""
    page = (
        "# Notes\n\nRead more [here](https://example.org).\n\n"
        "<!-- pipeline: ignore a11y/link-text -->\nRead it [here](https://example.com).\n\n"
        "See [here][docs].\n\n[docs]: https://example.net\n\n"
        'Or <a href="https://example.info">click here</a>.\n\n'
        # Hatch's: a page's .md link is .html on the page; a table's "here" shares its
        # address with a named link above it
        "The levels are [here](page.md#notes).\n\n[Markers](https://pep.org/508) exist.\n\n"
        "| name | meaning |\n|---|---|\n| version | See [here](https://pep.org/508) |\n"
    )
    findings, stdout = _checked(tmp_path, monkeypatch, page, "a11y/link-text")
    assert sorted((f["path"], f["line"]) for f in findings) == [
        ("source/en/page.md", 3),
        ("source/en/page.md", 10),  # a reference link: its definition's line
        ("source/en/page.md", 12),
        ("source/en/page.md", 14),
        ("source/en/page.md", 20),
    ]
    assert {f["data"].get("found") for f in findings} == {"here", "click here"}  # for editors
    assert "meta/unused-suppression" not in stdout


def test_translated_markdown_keeps_the_html_and_extensions(site: Path) -> None:
    written = (site / "build/markdown/da/treatment.md").read_text()
    assert written.startswith("---\nlang: da\n---\n")
    assert '<h1 align="center">Genterapi kort fortalt</h1>' in written
    assert '<img src="../images/logo.png" alt="Klinikkens logo" width="120">' in written
    assert (
        '<a title="Klinikkens hjemmeside" href="https://example.org"><img align="right" '
        'alt="Klinikkens skilt" src="../images/logo.png"></a>\n'
    ) in written
    assert "> [!WARNING]\n> Stop ikke behandlingen på egen hånd.\n" in written
    assert "- [x] Blodprøver taget\n- [ ] Samtykkeerklæring underskrevet\n" in written
    assert "!!! tip\n    Tag en liste over din medicin med.\n" in written
    assert "[^print]: Den udskrevne side har det samme indhold.\n" in written


@needs_chromium
def test_pages_with_raw_html_and_extensions_pass_axe(site: Path) -> None:
    check_in_chromium(sorted((site / "build/html").rglob("treatment.html")))


def test_untranslated_raw_html_is_marked_in_the_source_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starlette's index: a raw-HTML paragraph and badge images' alt texts left in
    English on the Danish page had no lang, so screen readers read them as Danish."""
    (tmp_path / "source/images").mkdir(parents=True)
    (tmp_path / "source/images/badge.png").write_bytes(b"")
    page = (
        "# Release notes\n\nThe newest changes.\n\n"
        '<p align="center">\n  <em>The little framework that shines.</em>\n</p>\n\n'
        '<p><img src="../images/badge.png" alt="Package version"> '
        '<img src="../images/badge.png" alt="Test suite" lang="en-GB"></p>\n'
    )
    _checked(tmp_path, monkeypatch, page, "")
    po = polib.pofile(str(tmp_path / "locales/da/LC_MESSAGES/page.po"))
    po.find("Release notes").msgstr = "Udgivelsesnoter"
    po.find("The newest changes.").msgstr = "De nyeste ændringer."
    po.save()
    assert run_cli("export").exit_code == 0
    html = (tmp_path / "build/html/da/page.html").read_text()
    assert '<span lang="en"><em>The little framework that shines.</em></span>' in html
    page_ = Page(html)
    assert page_.find("img", alt="Package version", lang="en")
    assert page_.find("img", alt="Test suite", lang="en-GB")  # its own lang kept, not doubled
    assert html.count('<img lang="en" src') == 1
    assert "De nyeste ændringer." in html
    assert not page_.find("p", lang="en")
