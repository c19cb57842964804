"""Exported HTML: structure, languages, safety; and axe-core in a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from ..conftest import run_cli


class Page(HTMLParser):
    """What the tests look at: elements with their attributes, and text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in wanted.items())
        ]


def test_translated_page_structure(exported: Path) -> None:
    html = (exported / "build/html/en/vektorer.html").read_text()
    page = Page(html)
    assert page.find("html")[0]["lang"] == "en"
    # No site-name in its config: the site is called after the project.
    assert "<title>Vectors in gene therapy – minimal</title>" in html
    assert (
        page.find("meta", name="description")[0]["content"]
        == "About vectors that carry genes into cells."
    )
    for landmark in ("header", "nav", "main", "footer"):
        assert page.find(landmark), landmark
    assert page.find("a", **{"class": "skip-link", "href": "#Main"})
    assert page.find("main", id="Main")
    alternates = {a["hreflang"]: a["href"] for a in page.find("link", rel="alternate")}
    assert alternates == {"da": "../da/vektorer.html", "en": "../en/vektorer.html"}
    assert page.find("a", hreflang="da", lang="da")[0]["href"] == "../da/vektorer.html"
    # Heading ids come from the Danish source: a link to #sådan-virker-det works in
    # every locale, and a translated heading breaks no link into the page.
    headings = [(t, a.get("id")) for t, a in page.elements if t in {"h1", "h2", "h3"}]
    assert headings == [("h1", "vektorer-i-genterapi"), ("h2", "sådan-virker-det"), ("h3", "typer")]
    assert page.find("th", scope="col")
    assert page.find(
        "img", alt="Drawing of a vector delivering a gene to a cell", src="../images/vektor.svg"
    )
    assert (exported / "build/html/images/vektor.svg").is_file()
    link = page.find("a", href="https://medicinraadet.dk")[0]
    assert link["title"] == "The Danish Medicines Council's website"


def test_untranslated_units_are_marked_with_the_source_language(exported: Path) -> None:
    html = (exported / "build/html/en/vektorer.html").read_text()
    assert '<li lang="da"><span lang="da">Vektoren finder cellerne.</span></li>' in html
    assert '<p lang="da"><span lang="da">En <strong>vektor</strong> er et transportsystem.' in html
    assert "Parts of this page are not translated yet and are shown in Danish." in html
    result = run_cli("export", "--locale", "en", "--format", "html")
    # 14 distinct texts: the title is also the h1, one unit in the catalog
    assert (
        "vektorer (en): 2 of 14 units not translated; shown in the source language" in result.stderr
    )


def test_translations_cannot_inject_markup(exported: Path) -> None:
    html = (exported / "build/html/en/vektorer.html").read_text()
    assert "<script" not in html
    assert "document.title" not in html  # removed with its content, as GitHub does
    assert "javascript:" not in html.split("<main", 1)[1].split("</main>")[0].replace(
        "[here](javascript:alert(1))", ""
    )  # shown as text at most, never as a link
    assert 'href="javascript' not in html


def test_index_and_root_pages(exported: Path) -> None:
    index = Page((exported / "build/html/da/index.html").read_text())
    assert index.find("html")[0]["lang"] == "da"
    assert index.find("a", href="vektorer.html")
    root = (exported / "build/html/index.html").read_text()
    assert 'href="da/index.html" hreflang="da" lang="da">Dansk</a>' in root
    assert 'href="en/index.html" hreflang="en" lang="en">English</a>' in root


def broken_links(html_root: Path) -> list[str]:
    """Every link and alternate of the exported pages whose local target is missing."""
    broken = []
    for path in sorted(html_root.rglob("*.html")):
        page = Page(path.read_text(encoding="utf-8"))
        for tag in ("a", "link"):
            for attributes in page.find(tag):
                href = attributes.get("href", "").split("#")[0]
                if href and ":" not in href and not (path.parent / href).is_file():
                    broken.append(f"{path.relative_to(html_root)}: {href}")
    return broken


def test_exporting_one_locale_links_only_to_pages_that_exist(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    html = root / "build/html"
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    assert not (html / "en").exists()
    assert broken_links(html) == []
    page = Page((html / "da/vektorer.html").read_text(encoding="utf-8"))
    assert [a["hreflang"] for a in page.find("a") if "hreflang" in a] == ["da"]
    # An earlier run's English pages are still there: the switch names them again.
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    page = Page((html / "da/vektorer.html").read_text(encoding="utf-8"))
    switch = {a["hreflang"]: a["href"] for a in page.find("a") if "hreflang" in a}
    assert switch == {"da": "../da/vektorer.html", "en": "../en/vektorer.html"}
    root_page = Page((html / "index.html").read_text(encoding="utf-8"))
    assert {a["hreflang"] for a in root_page.find("a")} == {"da", "en"}
    assert broken_links(html) == []


def test_unknown_export_locale_is_an_input_error(exported: Path) -> None:
    result = run_cli("export", "--locale", "sv")
    assert result.exit_code == 2
    assert "'sv' is not one of the project's locales" in result.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="needs Debian's chromium (CI installs it and must run this test)",
)


def check_in_chromium(pages: list[Path]) -> None:
    """Load each page in Chromium: axe-core finds no WCAG A/AA violation, no script ran."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is missing: .ci/setup installs it"
    axe = Axe()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for path in pages:
            page = browser.new_page()
            page.goto(path.as_uri())
            assert page.title() != "pwned", f"a script ran in {path}"
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
            assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"
            page.close()
        browser.close()


@needs_chromium
def test_every_page_passes_axe_in_chromium_and_runs_no_injected_script(exported: Path) -> None:
    pages = sorted((exported / "build/html").rglob("*.html"))
    assert len(pages) == 7  # 2 documents × 2 locales, 2 indexes, the root
    check_in_chromium(pages)


def test_pages_parse_as_html5_without_errors(exported: Path) -> None:
    import html5lib

    for path in sorted((exported / "build/html").rglob("*.html")):
        parser = html5lib.HTMLParser(strict=True)
        parser.parse(path.read_text())  # raises on any parse error of the HTML5 spec
        assert not parser.errors, path


def test_a_pdf_needs_a_title(tmp_path: Path) -> None:
    from pipeline.export.to_pdf import write_pdf
    from pipeline.project.errors import PipelineError

    with pytest.raises(PipelineError, match="no title"):
        write_pdf(
            "<html lang='da'><body><p>x</p></body></html>", tmp_path / "x.html", tmp_path, " "
        )


def test_an_untranslated_heading_keeps_its_language_in_the_contents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The heading was marked lang="en" on the Danish page, its entry in the contents box
    was not: a screen reader read "Testing and Linting" with Danish sounds."""
    import polib

    (tmp_path / "source/en").mkdir(parents=True)
    sections = ["Before you start", "On the day", "After the treatment", "Testing and Linting"]
    text = "# Your visit\n\n" + "".join(f"## {name}\n\nSome text.\n\n" for name in sections)
    (tmp_path / "source/en/visit.md").write_text(text)
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(tmp_path / "locales/da/LC_MESSAGES/visit.po"))
    danish = {"Before you start": "Før du starter", "On the day": "På dagen"}
    danish |= {"After the treatment": "Efter behandlingen", "Some text.": "Noget tekst."}
    for entry in po:
        entry.msgstr = danish.get(entry.msgid, "")
    po.save()
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (tmp_path / "build/html/da/visit.html").read_text()
    contents = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="#testing-and-linting" lang="en">Testing and Linting</a>' in contents
    assert '<a href="#on-the-day">På dagen</a>' in contents


def test_the_untranslated_count_is_the_catalogs_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heading a page repeats is one unit to translate: Starlette's release notes
    said "791 of 791 units not translated" where `pipeline stats` said 637."""
    (tmp_path / "source/en").mkdir(parents=True)
    notes = "# Release notes\n\n## 1.1\n\n### Fixed\n\nA crash.\n\n## 1.0\n\n### Fixed\n\nA leak.\n"
    (tmp_path / "source/en/notes.md").write_text(notes)
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    stats = run_cli("stats").stdout.splitlines()
    assert stats[1].split()[:3] == ["da", "notes", "4"]  # "Fixed" once, and no "1.0"
    result = run_cli("export", "--format", "html")
    assert "notes (da): 4 of 4 units not translated" in result.stderr


@needs_chromium
def width_on_a_phone(page_file: Path) -> int:
    """The width a page takes in Chromium 320 px wide (WCAG 1.4.10: no sideways scroll)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 320, "height": 640})
        page.goto(page_file.as_uri())
        width = int(page.evaluate("document.documentElement.scrollWidth"))
        browser.close()
    return width


def test_a_long_code_line_wraps_on_a_phone_and_on_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hatch's docs: a page with a long command scrolled sideways (7,736 px wide), and
    the PDF cut the line off at the page's edge (WCAG 1.4.10, reflow at 320 px)."""
    import pikepdf

    line = "pip install " + " ".join(f"--option-{n}=value-{n}" for n in range(30))
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/setup.md").write_text(f"# Setup\n\nRun:\n\n```sh\n{line}\n```\n")
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("export", "--locale", "en").exit_code == 0
    assert width_on_a_phone(tmp_path / "build/html/en/setup.html") <= 320
    with pikepdf.open(tmp_path / "build/pdf/en/setup.pdf") as pdf:
        assert len(pdf.pages) == 1
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "build/pdf/en/setup.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "option-29=value-29" in text  # the end of the line is on the page


def test_a_page_not_translated_at_all_says_so_and_not_translated_from(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0  # no unit translated
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    html = (root / "build/html/en/vektorer.html").read_text()
    assert "This page is not translated yet and is shown in Danish." in html
    assert "Translated from" not in html
    assert "Parts of this page" not in html


def test_a_page_that_begins_at_a_lower_heading_is_titled_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # pino's lts.md: "## Long Term Support", titled "lts" (WCAG 2.4.2)
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en").mkdir(parents=True)
    Path("source/en/lts.md").write_text("## Long Term Support\n\nText.\n\n### Schedule\n\nMore.\n")
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    html = Path("build/html/en/lts.html").read_text()
    assert "<title>Long Term Support – " in html
    main = html.split('<main id="Main"', 1)[1]
    assert '<h1 id="long-term-support">Long Term Support</h1>' in main  # said once, as the h1
    assert main.count("Long Term Support") == 1
    assert '<h2 id="schedule">Schedule</h2>' in main


def danish_page(name: str, source: str, translations: dict[str, str]) -> str:
    """An English page `source`, some units translated into Danish, exported: its HTML."""
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en").mkdir(parents=True)
    Path(f"source/en/{name}.md").write_text(source)
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile(f"locales/da/LC_MESSAGES/{name}.po")
    for msgid, msgstr in translations.items():
        catalog.find(msgid).msgstr = msgstr
    catalog.save()
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    return Path(f"build/html/da/{name}.html").read_text().split('<main id="Main"', 1)[1]


def test_a_boxs_title_is_translated_and_an_untitled_box_is_titled_in_the_pages_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # Docusaurus' ":::tip My tip" stayed English on a Danish page
    html = danish_page(
        "boxes",
        "# Boxes\n\n:::tip My own tip\n\nKeep it.\n\n:::\n\n::: warning\nCareful.\n:::\n\n"
        "!!! example\n    Material's kinds too.\n",
        {"My own tip": "Mit eget tip"},
    )
    assert '<p class="admonition-title">Mit eget tip</p>' in html
    assert '<p class="admonition-title">Advarsel</p>' in html
    assert 'class="admonition warning" role="note"' in html
    assert '<p class="admonition-title">Eksempel</p>' in html  # was "Example", unmarked


def test_a_myst_version_note_is_titled_as_sphinx_titles_it_in_the_pages_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # ```{versionchanged} 2.1 was code: its text untranslated
    html = danish_page(
        "versions",
        "# Versions\n\n```{versionchanged} 2.1\nVisits end at eight.\n```\n\n"
        "```{versionadded} 2.5 The spam parameter.\n```\n",
        {"Visits end at eight.": "Besøg slutter klokken otte.", "The spam parameter.": "Spam."},
    )
    assert '<p class="admonition-title">Ændret i version 2.1</p>' in html
    assert '<p class="admonition-title">Tilføjet i version 2.5: Spam.</p>' in html
    assert "<p>Besøg slutter klokken otte.</p>" in html


def test_a_documents_own_abbreviations_are_marked_in_the_pages_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the definitions were shown as a paragraph, no <abbr>
    main = danish_page(
        "terms",
        "# Terms\n\nOur CI checks the HTML.\n\n"
        "*[HTML]: HyperText Markup Language\n*[CI]: Continuous Integration\n",
        {
            "Our CI checks the HTML.": "Vores CI tjekker HTML-koden.",
            "Continuous Integration": "Kontinuerlig integration",
        },
    )
    assert '<abbr title="Kontinuerlig integration">CI</abbr> tjekker' in main
    assert '<abbr title="HyperText Markup Language">HTML</abbr>-koden' in main
    assert "*[" not in main


def test_the_list_of_pages_marks_an_untranslated_title_with_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # mkdocstrings' Danish list named "Usage" in a Danish voice
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en").mkdir(parents=True)
    Path("source/en/usage.md").write_text("# Usage\n\nText.\n")
    Path("source/en/setup.md").write_text("# Setup\n\nText.\n")
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile("locales/da/LC_MESSAGES/setup.po")
    catalog.find("Setup").msgstr = "Opsætning"
    catalog.save()
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    listing = Path("build/html/da/index.html").read_text()
    assert '<a href="setup.html">Opsætning</a>' in listing
    assert '<a href="usage.html"><span lang="en">Usage</span></a>' in listing
    assert listing.index("Opsætning") < listing.index("Usage")  # sorted by the words shown


@pytest.mark.parametrize(
    ("source", "h1s", "shown"),
    [
        ("<h1>Raw title</h1>\n\n## Only section\n\nText.\n", 1, '<h2 id="only-section">'),
        ("An intro.\n\n## Only section\n\nText.\n", 1, '<h2 id="only-section">'),
        ("---\nlang: en\n---\n\n## Only section\n\nText.\n", 1, '<h1 id="only-section">'),
    ],
)
def test_a_page_has_one_h1_and_its_text_comes_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, h1s: int, shown: str
) -> None:
    """A raw HTML <h1> is the page's h1 (the section was a second one), and a section
    heading below an intro stays one (the intro stood above the page's h1)."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en").mkdir(parents=True)
    Path("source/en/page.md").write_text(source)
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    main = Path("build/html/en/page.html").read_text().split('<main id="Main"', 1)[1]
    assert main.count("<h1") == h1s
    assert shown in main
    assert main.index("<h1") < main.index("Text.")
