"""A docs tree as real projects keep one: nested folders, repeated file names, no front
matter, cross-document links and anchors (tests/projects/docs-tree)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import polib
import pytest
from babel.messages.pofile import read_po

from .conftest import run_cli
from .export.pdfua import violations

Project = Callable[[str], Path]


@pytest.fixture
def tree(project: Project) -> Path:
    root = project("docs-tree")
    assert run_cli("extract").exit_code == 0
    return root


def test_catalogs_mirror_the_tree(tree: Path) -> None:
    locales = tree / "locales"
    found = sorted(p.relative_to(locales).as_posix() for p in locales.rglob("*.po*"))
    assert found == [
        "da/LC_MESSAGES/api/fs.po",
        "da/LC_MESSAGES/api/index.po",
        "da/LC_MESSAGES/guide/index.po",
        "da/LC_MESSAGES/index.po",
        "templates/api/fs.pot",
        "templates/api/index.pot",
        "templates/guide/index.pot",
        "templates/index.pot",
    ]
    with (locales / "da/LC_MESSAGES/api/fs.po").open("rb") as stream:
        catalog = read_po(stream, abort_invalid=True)
    assert "fs_open(path, flags)" in catalog
    # No front matter: the title is the first level-1 heading.
    assert catalog.header_comment.startswith('# Danish translation of "The fs module"')


def test_a_document_with_no_known_language_is_one_line(project: Project) -> None:
    root = project("docs-tree")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('source-language = "en"\n', ""))
    result = run_cli("extract")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "source/api/fs.md:1: error: the document's language is not known (add 'lang: en' to "
        "its front matter, put it in a folder named after a project locale (source/en/…), "
        "or set source-language in [tool.pipeline])"
    ]
    assert not (root / "locales").exists()


def test_the_language_folder_is_not_part_of_the_name(project: Project) -> None:
    root = project("minimal")
    nested = root / "source/en/api"
    nested.mkdir()
    (nested / "index.md").write_text("# API\n\nThe calls.\n")
    (root / "source/da/api").mkdir()
    (root / "source/da/api/index.md").write_text("# API\n\nKaldene.\n")
    result = run_cli("extract")
    assert result.exit_code == 2
    assert "document name 'api/index' is also used by source/da/api/index.md" in result.stderr


def translate(tree: Path, document: str, translations: dict[str, str]) -> None:
    path = tree / f"locales/da/LC_MESSAGES/{document}.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    catalog.save()


@pytest.fixture
def exported(tree: Path) -> Path:
    translate(tree, "api/fs", {"Errors": "Fejl", "The fs module": "Modulet fs"})
    result = run_cli("export", "--format", "html")
    assert result.exit_code == 0, result.stderr
    return tree / "build/html"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for name in ("href", "src"):
            if found.get(name) and tag != "link":
                self.hrefs.append(str(found[name]))


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text())
    return parser


def test_every_page_exists_in_every_locale_and_the_index_is_kept(exported: Path) -> None:
    pages = sorted(p.relative_to(exported).as_posix() for p in exported.rglob("*.html"))
    for lang in ("en", "da"):
        for name in ("index", "api/index", "api/fs", "guide/index"):
            assert f"{lang}/{name}.html" in pages
        # The project's own index.md keeps index.html; the list of documents goes beside it.
        assert f"{lang}/contents.html" in pages
    assert "Docs tree" in (exported / "en/index.html").read_text()
    assert "<title>Docs tree – docs-tree</title>" in (exported / "en/index.html").read_text()


def test_links_work_as_on_github_in_every_locale(exported: Path) -> None:
    broken = []
    for page in sorted(exported.rglob("*.html")):
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#Main"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or (parts.fragment and parts.fragment not in parse(target).ids):
                broken.append(f"{page.relative_to(exported)} → {href}")
    # Exactly the two links the source itself gets wrong, in both locales.
    assert broken == [
        "da/guide/index.html → missing.md",
        "da/guide/index.html → ../api/fs.html#no-such-heading",
        "en/guide/index.html → missing.md",
        "en/guide/index.html → ../api/fs.html#no-such-heading",
    ]


def test_heading_ids_follow_github_and_the_source(exported: Path) -> None:
    english, danish = parse(exported / "en/api/fs.html"), parse(exported / "da/api/fs.html")
    for expected in ("the-fs-module", "fs_openpath-flags", "errors", "errors-1", "flags"):
        assert expected in english.ids
    assert english.ids == danish.ids  # "Fejl" keeps the id of "Errors"
    assert '<h2 id="errors">Fejl</h2>' in (exported / "da/api/fs.html").read_text()


def test_pages_in_folders_find_their_stylesheet_and_image(exported: Path) -> None:
    html = (exported / "en/guide/index.html").read_text()
    assert 'href="../../assets/site.css"' in html
    assert 'src="../../guide/images/parts.svg"' in html
    assert (exported / "guide/images/parts.svg").is_file()
    assert (exported / "assets/site.css").is_file()


def test_check_finds_the_broken_links_with_the_nearest_anchor(tree: Path) -> None:
    result = run_cli("check", "--format", "json")
    assert result.exit_code == 1
    broken = [f for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert [(f["path"], f["line"], f["message"]) for f in broken] == [  # as they stand
        ("source/guide/index.md", 9, "link 'missing.md': source/guide/missing.md does not exist"),
        (
            "source/guide/index.md",
            9,
            "link '../api/fs.md#no-such-heading': source/api/fs.md has no heading or anchor "
            "'no-such-heading'",
        ),
    ]
    assert "11 relative links" in result.stderr


def test_a_translation_that_breaks_a_link_is_found_in_its_catalog(tree: Path) -> None:
    source = "[Opening a file](fs.md#fs_openpath-flags) explains the flags."
    translate(tree, "api/index", {source: "[Åbn en fil](fs.md#aabn-en-fil) forklarer flagene."})
    result = run_cli("check", "--format", "json")
    found = json.loads(result.stdout)
    assert [
        (f["path"], f["fix"])
        for f in found
        if f["rule"] == "links/broken" and f["path"].endswith(".po")
    ] == [("locales/da/LC_MESSAGES/api/index.po", "fs.md#fs_openpath-flags")]


def pdf_links(path: Path) -> list[str]:
    """Where the PDF's link annotations go: a URI, another PDF (`fs.pdf#anchor`), or
    "internal"."""
    import pikepdf

    found = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                action = annotation.get("/A")
                if action is not None and "/URI" in action:
                    found.append(str(action.URI))
                elif action is not None and action.get("/S") == "/GoToR":
                    place = action.D
                    anchor = f"#{place}" if isinstance(place, pikepdf.String) else ""
                    found.append(str(action.F.UF) + anchor)
                elif "/Dest" in annotation or (action is not None and "/D" in action):
                    found.append("internal")
    return found


def opens(pdf: Path, link: str) -> bool:
    """Does a link to another PDF open a file beside `pdf`, at a place that file names?"""
    import pikepdf

    name, _, anchor = link.partition("#")
    target = pdf.parent / name
    if not target.is_file():
        return False
    with pikepdf.open(target) as opened:
        return not anchor or anchor in map(str, list(opened.Root.Names.Dests.Names)[::2])


def test_pdf_links_go_inside_the_document_to_other_pdfs_or_to_the_web_site(
    tree: Path,
) -> None:
    assert run_cli("export", "--locale", "en", "--format", "pdf").exit_code == 0
    # No base URL: a link to another document goes to its PDF, beside this one. It was
    # plain text: the reader of a PDF could not follow it.
    index = tree / "build/pdf/en/api/index.pdf"
    links = ["fs.pdf", "fs.pdf#fs_openpath-flags", "../guide/index.pdf#getting-started"]
    assert pdf_links(index) == links
    assert all(opens(index, link) for link in links)
    assert violations(index) == []
    assert set(pdf_links(tree / "build/pdf/en/api/fs.pdf")) == {"internal"}
    pyproject = tree / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + 'base-url = "https://docs.example.org/"\n')
    assert run_cli("export", "--locale", "en", "--format", "pdf").exit_code == 0
    assert pdf_links(index) == [
        "https://docs.example.org/en/api/fs.html",
        "https://docs.example.org/en/api/fs.html#fs_openpath-flags",
        "https://docs.example.org/en/guide/index.html#getting-started",
    ]


def test_site_name_per_locale(tree: Path) -> None:
    pyproject = tree / "pyproject.toml"
    names = 'site-name = { en = "Our docs", da = "Vores dokumentation" }\n'
    pyproject.write_text(pyproject.read_text() + names)
    assert run_cli("export", "--format", "html").exit_code == 0
    assert (
        "<title>API reference – Vores dokumentation</title>"
        in (tree / "build/html/da/api/index.html").read_text()
    )
    assert ">Our docs</a>" in (tree / "build/html/en/api/index.html").read_text()


def test_a_site_name_for_an_unknown_locale_is_one_line(tree: Path) -> None:
    pyproject = tree / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + 'site-name = { dk = "Vores" }\n')
    result = run_cli("export")
    assert result.exit_code == 2
    assert "site-name has a name for 'dk', which is not a project locale" in result.stderr


SAMPLE = Path(__file__).parent.parent / "source"


def test_no_text_of_our_sample_content_is_in_the_package() -> None:
    from pipeline.source.markdown import read_document

    package = Path(__file__).parent.parent / "pipeline"
    code = "\n".join(
        p.read_text() for p in package.rglob("*") if p.suffix in {".py", ".j2", ".css"}
    ).lower()
    texts = {"patient information on gene therapy", "patientinformation om genterapi"}
    for path in SAMPLE.rglob("*.md"):
        for block in read_document(path).blocks:
            if len(block.text.split()) >= 4:
                texts.add(" ".join(block.text.split()).lower())
    assert [text for text in texts if text in code] == []


def test_readability_of_a_draft_outside_any_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "udkast.md").write_text("# Udkast\n\nEt kort udkast. Det har to sætninger.\n")
    result = run_cli("readability", "udkast.md", "--lang", "da", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert (document["path"], document["locale"], document["sentences"]) == ("udkast.md", "da", 2)
    assert not (tmp_path / "build").exists()  # no project: the HTML report only on request
    missing = run_cli("readability", "udkast.md")
    assert missing.exit_code == 2
    assert "udkast.md:1: error: the document's language is not known" in missing.stderr
    assert "pass --lang" in missing.stderr


def test_standard_input_is_read_by_readability_and_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "---\nlang: en\n---\n\n# Draft\n\nSee [the guide](guide.md) first.\n"
    from click.testing import CliRunner

    from pipeline.cli import main

    scored = CliRunner().invoke(main, ["readability", "-", "--format", "json"], input=text)
    assert scored.exit_code == 0, scored.stderr
    assert json.loads(scored.stdout)["documents"][0]["path"] == "<stdin>"
    checked = CliRunner().invoke(main, ["check", "-"], input=text)
    assert checked.exit_code == 0  # a pasted text has no folder its links start from
    assert "1 link of standard input to other files not checked" in checked.stderr
    Path("draft.md").write_text(text)
    checked = CliRunner().invoke(main, ["check", "draft.md"])
    assert checked.exit_code == 1  # by its path, they are judged
    assert "7: error: link 'guide.md': guide.md does not exist" in checked.stdout


def _stem(href: str) -> str:
    return re.sub(r"\.(md|html)(?=#|$)", "", href)


def test_real_docs_every_link_that_fails_in_html_is_a_finding(project: Project) -> None:
    """Node.js's own docs (an excerpt, tests/projects/node-docs/LICENSE): the links among
    the excerpt's pages work, and links/broken names each one that leads out of it."""
    root = project("node-docs")
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    result = run_cli("check", "--format", "json")
    assert result.exit_code == 1
    reported = {
        (Path(f["path"]).stem, _stem(f["message"].split("'")[1]))
        for f in json.loads(result.stdout)
        if f["rule"] == "links/broken"
    }
    html = root / "build/html/en"
    working, failing = 0, set()
    for page in html.glob("*.html"):
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href == "#Main" or page.name == "contents.html":
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_file() and (not parts.fragment or parts.fragment in parse(target).ids):
                working += 1
            else:
                failing.add((page.stem, _stem(href)))
    assert working >= 15
    assert failing
    assert failing <= reported


def test_a_locale_folder_gives_the_language_without_front_matter(project: Project) -> None:
    root = project("minimal")
    (root / "source/da/noter").mkdir()
    (root / "source/da/noter/vektorer.md").write_text("# Noter om vektorer\n\nKorte noter.\n")
    result = run_cli("extract")
    assert result.exit_code == 0, result.stderr
    with (root / "locales/en/LC_MESSAGES/noter/vektorer.po").open("rb") as stream:
        catalog = read_po(stream, abort_invalid=True)
    assert catalog.locale_identifier == "en"
    assert catalog.header_comment.startswith('# English translation of "Noter om vektorer"')
    # The flat documents keep the catalog names they had.
    assert (root / "locales/en/LC_MESSAGES/vektorer.po").is_file()


def test_a_catalog_whose_document_is_gone_is_kept_and_named(tree: Path) -> None:
    (tree / "source/api/fs.md").unlink()
    (tree / "source/api/index.md").write_text("# API reference\n\nNo modules yet.\n")
    result = run_cli("extract")
    assert result.exit_code == 0
    assert "warning: locales/da/LC_MESSAGES/api/fs.po: no source document has this name" in (
        result.stderr
    )
    assert (tree / "locales/templates/api/fs.pot").is_file()


def test_a_markdown_file_outside_the_source_folder_is_scored_on_its_own(tree: Path) -> None:
    (tree / "notes.md").write_text("---\nlang: en\n---\n\n# Notes\n\nShort notes. Two of them.\n")
    result = run_cli("readability", "--no-report", "--format", "json", "notes.md")
    assert result.exit_code == 0, result.stderr
    [document] = json.loads(result.stdout)["documents"]
    assert (document["path"], document["role"], document["sentences"]) == (
        "notes.md",
        "original",
        2,
    )


def test_what_a_new_user_found_on_real_docs(project: Project) -> None:
    """Found on fastify's and undici's docs (npm): same-page anchors on standard input,
    a folder with a README, #top, anchors a translation drops, titles from an h4."""
    root = project("docs-tree")
    source = root / "source"
    (source / "faq").mkdir()
    (source / "faq/README.md").write_text('# FAQ\n\n<a id="asked"></a>\nAsked often.\n')
    (source / "faq/serverless.md").write_text(
        '<h1 align="center">Serverless</h1>\n\n#### Should you use it?\n\n'
        'Maybe. See [the FAQ](./) and go [back up](#top).\n\n<a id="custom"></a>\n'
    )
    assert run_cli("extract").exit_code == 0
    with (root / "locales/da/LC_MESSAGES/faq/serverless.po").open("rb") as stream:
        units = [m.id for m in read_po(stream) if m.id]
    assert '<a id="custom"></a>' not in units  # an anchor alone is not text to translate
    translate(root, "faq/README", {'<a id="asked"></a> Asked often.': "Ofte stillet."})
    result = run_cli("check", "--format", "json")
    broken = [f for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert {f["path"] for f in broken} == {"source/guide/index.md"}
    assert run_cli("export", "--format", "html").exit_code == 0
    page = (root / "build/html/da/faq/serverless.html").read_text()
    assert 'href="../faq/README.html"' in page or 'href="README.html"' in page
    assert "<title>Serverless – docs-tree</title>" in page  # the raw HTML <h1> is its title
    assert 'id="asked"' in (root / "build/html/da/faq/README.html").read_text()
    listing = 'href="../contents.html">All articles</a>'
    assert listing in (root / "build/html/en/api/fs.html").read_text()
    text = "---\nlang: en\n---\n\n# T\n\n## Part\n\nSee [the part](#part).\n"
    from click.testing import CliRunner

    from pipeline.cli import main

    checked = CliRunner().invoke(main, ["check", "-"], input=text)
    assert "links/broken" not in checked.stdout


def test_a_heading_never_takes_an_id_of_the_page_template(project: Project) -> None:
    root = project("docs-tree")
    headings = "".join(f"## {name}\n\nText.\n\n" for name in ("Main", "Toc title", "Top"))
    (root / "source/layout.md").write_text(f"# Layout\n\n{headings}")
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (root / "build/html/en/layout.html").read_text()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {"main", "toc-title", "top"} <= set(ids)
