"""MyST's images, figures, list-tables and toctrees in our HTML, as Sphinx shows them.

Before, an ```{image}``` and a ```{toctree}``` were shown as code (`:alt: …` on the page,
in the source language), a figure as a box titled "Figur" without its image, and a
list-table as lists in lists.
"""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import polib
import pytest

from ..conftest import english_project, run_cli

NS = {"h": "http://www.w3.org/1999/xhtml"}
PAGE = """# Installing the viewer

```{image} images/screen.svg
:alt: The main window
:width: 300px
```

:::{figure} images/screen.svg
:alt: The settings dialog

The settings after the first start.
:::

```{list-table} Supported systems
:header-rows: 1
:stub-columns: 1

* - System
  - Version
* - Debian
  - 12 and later
```

```{toctree}
:caption: Contents

Getting started <install>
usage
https://example.org/
```

```{toctree}
:hidden:

usage
```
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'
DANISH = {
    "The main window": "Programmets hovedvindue",
    "The settings dialog": "Dialogen med indstillinger",
    "The settings after the first start.": "Indstillingerne efter første start.",
    "Supported systems": "Understøttede systemer",
    "Version": "Version",
    "12 and later": "12 og nyere",
    "Contents": "Indhold",
    "Getting started": "Kom i gang",
}


@pytest.fixture
def myst_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\n\n[tool.pipeline.export]\nmin-translated = 0\n'
    )
    Path("source/en/images").mkdir(parents=True)
    Path("source/en/images/screen.svg").write_text(SVG)
    Path("source/en/page.md").write_text(PAGE)
    Path("source/en/install.md").write_text("# Installing\n\nRun the installer.\n")
    Path("source/en/usage.md").write_text("---\ntitle: Using the viewer\n---\n\nOpen a file.\n")
    assert run_cli("extract").exit_code == 0
    for name, texts in (("page", DANISH), ("usage", {"Using the viewer": "Sådan bruger du det"})):
        catalog = polib.pofile(f"locales/da/LC_MESSAGES/{name}.po")
        for msgid, msgstr in texts.items():
            catalog.find(msgid).msgstr = msgstr
        catalog.save()
    assert run_cli("export", "--format", "all").exit_code == 0
    return tmp_path


def _main(path: Path):  # type: ignore[no-untyped-def]
    tree = html5lib.parse(path.read_text(), namespaceHTMLElements=True)
    return tree.find(".//h:main", NS)


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join("".join(element.itertext()).split())


def test_an_image_directive_is_an_image_with_its_alt_text_in_the_pages_language(
    myst_project: Path,
) -> None:
    main = _main(myst_project / "build/html/da/page.html")
    images = main.findall(".//h:img", NS)
    assert [(i.get("alt"), i.get("src")) for i in images] == [
        ("Programmets hovedvindue", "../en/images/screen.svg"),
        ("Dialogen med indstillinger", "../en/images/screen.svg"),
    ]
    assert images[0].get("width") == "300"
    assert (myst_project / "build/html/en/images/screen.svg").is_file()
    assert ":alt:" not in _text(main)
    assert main.find(".//h:pre", NS) is None


def test_a_figure_shows_its_image_and_its_caption(myst_project: Path) -> None:
    figure = _main(myst_project / "build/html/da/page.html").find(".//h:figure", NS)
    assert figure.find("h:img", NS).get("alt") == "Dialogen med indstillinger"
    assert _text(figure.find("h:figcaption", NS)) == "Indstillingerne efter første start."
    assert "Figur" not in _text(figure)


def test_a_list_table_is_a_table_with_its_caption_header_and_row_headers(
    myst_project: Path,
) -> None:
    table = _main(myst_project / "build/html/da/page.html").find(".//h:table", NS)
    assert _text(table.find("h:caption", NS)) == "Understøttede systemer"
    head = table.findall("h:thead/h:tr/h:th", NS)
    assert [(_text(c), c.get("scope")) for c in head] == [("System", "col"), ("Version", "col")]
    row = table.find("h:tbody/h:tr", NS)
    assert [(c.tag.split("}")[1], _text(c), c.get("scope")) for c in row] == [
        ("th", "Debian", "row"),
        ("td", "12 og nyere", None),
    ]
    assert table.find(".//h:ul", NS) is None


def test_a_toctree_links_its_pages_by_their_titles_and_a_hidden_one_shows_nothing(
    myst_project: Path,
) -> None:
    main = _main(myst_project / "build/html/da/page.html")
    tocs = [div for div in main.iter(f"{{{NS['h']}}}div") if div.get("class") == "toctree"]
    assert len(tocs) == 1  # the :hidden: one makes the menu in Sphinx, not the page
    toc = tocs[0]
    assert toc.get("role") == "navigation"
    assert toc.get("aria-label") == "Indhold"
    links = [(a.get("href"), _text(a)) for a in toc.iter(f"{{{NS['h']}}}a")]
    assert links == [
        ("install.html", "Kom i gang"),  # its own title, translated
        ("usage.html", "Sådan bruger du det"),  # the page's title in Danish
        ("https://example.org/", "https://example.org/"),
    ]
    english = _main(myst_project / "build/html/en/page.html")
    assert [_text(a) for a in english.iter(f"{{{NS['h']}}}a")][:2] == [
        "Getting started",
        "Using the viewer",
    ]


def test_an_untranslated_page_title_in_a_toctree_is_marked_with_its_language(
    myst_project: Path,
) -> None:
    html = (myst_project / "build/html/da/page.html").read_text()
    assert '<a href="install.html">Kom i gang</a>' in html
    catalog = polib.pofile("locales/da/LC_MESSAGES/page.po")
    catalog.find("Getting started").msgstr = ""
    catalog.save()
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (myst_project / "build/html/da/page.html").read_text()
    assert '<a href="install.html"><span lang="en">Getting started</span></a>' in html


def test_a_toctree_title_is_a_unit_and_translated_markdown_writes_it(myst_project: Path) -> None:
    entry = polib.pofile("locales/da/LC_MESSAGES/page.po").find("Getting started")
    assert entry.comment.startswith("contents entry")
    written = (myst_project / "build/markdown/da/page.md").read_text()
    assert "Kom i gang <install>\nusage\n" in written
    assert ":alt: Programmets hovedvindue\n:width: 300px\n" in written
    assert "* - Debian\n  - 12 og nyere\n" in written  # a list-table's cell in its place
    catalog = polib.pofile("locales/da/LC_MESSAGES/page.po")  # a translator sees what each is
    kinds = {
        text: catalog.find(text).comment.split("\n")[0]
        for text in ("Supported systems", "Version", "12 and later")
    }
    assert kinds == {
        "Supported systems": "caption",
        "Version": "table cell",
        "12 and later": "table cell",
    }


def test_an_image_directive_without_alt_text_is_reported_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its line is the directive's, not an example in code that names the image first."""
    english_project(tmp_path, monkeypatch)
    example = "# Page\n\n```md\n![](a.svg) ![](gone.svg)\n```\n\n"
    images = "```{image} a.svg\n:width: 30\n```\n\n```{image} gone.svg\n:alt: Gone\n```\n"
    Path("source/en/page.md").write_text(example + images)
    Path("source/en/a.svg").write_text(SVG)
    assert run_cli("extract").exit_code == 0
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert sorted(
        (f["rule"], f["line"], f["message"]) for f in found if f["severity"] == "error"
    ) == [
        ("a11y/missing-alt", 7, "image a.svg has no alt text"),
        (
            "resource/refused-image",
            11,
            "image 'gone.svg' is outside the project or missing; not exported",
        ),
    ]


def test_a_glob_toctree_lists_the_pages_it_matches_and_names_a_page_it_cannot_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pydata-sphinx-theme's contributor guide lists its pages with `:glob:` (`*`,
    `practices/*`); an entry Sphinx reads from an .rst file is no page of ours."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en/guide/deep").mkdir(parents=True)
    toctree = "```{toctree}\n:glob:\n\nguide/*\n*\nexamples/index\n```\n"
    Path("source/en/index.md").write_text(f"# Home\n\nWelcome.\n\n{toctree}")
    pages = {"guide/b": "# Using `git blame`", "guide/a": "# Alpha", "guide/deep/c": "# Deep"}
    pages |= {"about": "# About us"}
    for name, heading in pages.items():
        Path(f"source/en/{name}.md").write_text(f"{heading}\n\nText.\n")
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    toc = _main(Path("build/html/en/index.html")).find(".//h:div[@class='toctree']", NS)
    items = [
        (a.get("href") if (a := li.find("h:a", NS)) is not None else None, _text(li))
        for li in toc.findall(".//h:li", NS)
    ]
    assert items == [
        ("guide/a.html", "Alpha"),
        ("guide/b.html", "Using git blame"),  # `*` stays in its folder: not guide/deep/c
        ("about.html", "About us"),  # `*` lists every page here but this one
        (None, "examples/index"),
    ]
    assert toc.find(".//h:code", NS).text == "git blame"


def _toc_links(html_path: str) -> list[tuple[str | None, str]]:
    main = _main(Path(html_path))
    return [
        (a.get("href") if (a := li.find("h:a", NS)) is not None else None, _text(li))
        for div in main.iter(f"{{{NS['h']}}}div")
        if div.get("class") == "toctree"
        for li in div.findall(".//h:li", NS)
    ]


def test_toctree_entries_as_sphinx_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's cases: `[]` and `[z-a]` stopped export with a traceback, `[!i]*`
    listed the wrong page, `../intro` was taken for an rST comment and `/intro` (from the
    docs' root, source/en/) was named without a link; a title's own link nested links."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en/sub").mkdir(parents=True)
    Path("source/en/alpha.md").write_text("# Alpha\n\nText.\n")
    Path("source/en/intro.md").write_text(
        "# Using [Debian](https://debian.org) at school\n\nText.\n"
    )
    globbed = "```{toctree}\n:glob:\n\n[]\n[z-a]*\n[!i]*\n```\n"
    Path("source/en/index.md").write_text(f"# Index\n\n{globbed}")
    Path("source/en/sub/child.md").write_text(
        "# Child\n\n```{toctree}\n:caption: Up\n\n../intro\n/alpha\n.. a comment\n```\n"
    )
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    assert _toc_links("build/html/en/index.html") == [("alpha.html", "Alpha")]
    assert _toc_links("build/html/en/sub/child.html") == [
        ("../intro.html", "Using Debian at school"),  # one link: the title's own is text
        ("../alpha.html", "Alpha"),
    ]
    page = Path("build/html/en/index.html").read_text()
    assert '<div class="toctree">' in page  # no caption: no unnamed landmark
    assert run_cli("check").exit_code in (0, 1)


def test_directives_in_a_quote_or_a_list_item_and_lists_in_a_table_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english_project(tmp_path, monkeypatch)
    Path("source/en/a.svg").write_text(SVG)
    Path("source/en/other.md").write_text("# Other\n\nText.\n")
    Path("source/en/index.md").write_text(
        "# Index\n\n> ```{image} a.svg\n> :alt: A quoted image\n> ```\n\n"
        "- ```{toctree}\n  other\n  ```\n\n"
        "```{list-table}\n* - Steps\n  - 1. Download\n    2. Run\n```\n"
    )
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile("locales/da/LC_MESSAGES/index.po")
    assert catalog.find("A quoted image") is not None
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    main = _main(Path("build/html/da/index.html"))
    image = main.find(".//h:blockquote//h:img", NS)
    assert (image.get("alt"), image.get("lang")) == ("A quoted image", "en")  # untranslated
    assert _toc_links("build/html/da/index.html") == [("other.html", "Other")]
    cells = main.findall(".//h:table//h:tr/h:td", NS)
    assert [_text(c) for c in cells] == ["Steps", "Download Run"]
    assert cells[1].find("h:ol", NS) is not None
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert not [f for f in found if f["rule"] == "a11y/missing-alt"]


def test_a_colon_fence_toctree_keeps_its_last_entry_and_options_shape_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `:::{toctree}` lost its last line (never shown, never a unit); :reversed: and
    :numbered: were ignored; an untranslated caption named the landmark in English
    without saying so; a figure's :name: was no id, so links/broken failed on a link
    Sphinx resolves."""
    english_project(tmp_path, monkeypatch)
    Path("source/en/a.svg").write_text(SVG)
    for name in ("alpha", "beta"):
        Path(f"source/en/{name}.md").write_text(f"# {name.title()}\n\nText.\n")
    Path("source/en/index.md").write_text(
        "# Index\n\n:::{toctree}\n:caption: Pages\n:reversed:\n:numbered:\n\n"
        "First title <alpha>\nLast title <beta>\n:::\n\n"
        "```{figure} a.svg\n:name: fig-a\n:alt: A square\n\nThe square.\n```\n\n"
        "See [the figure](#fig-a).\n"
    )
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile("locales/da/LC_MESSAGES/index.po")
    assert catalog.find("Last title") is not None
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    main = _main(Path("build/html/da/index.html"))
    toc = next(d for d in main.iter(f"{{{NS['h']}}}div") if d.get("class") == "toctree")
    assert [_text(li) for li in toc.findall("h:ol/h:li", NS)] == ["Last title", "First title"]
    assert toc.get("aria-label") is None  # "Pages" is English on the Danish page
    assert main.find(".//h:figure[@id='fig-a']", NS) is not None
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert not [f for f in found if f["rule"] == "links/broken"]


def test_a_link_to_a_label_on_another_page_goes_to_its_heading_named_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sphinx-book-theme's option table: "See [](customize:sidebar)." was "See ." with
    an empty link to nowhere, and nothing reported it; Sphinx names the heading."""
    english_project(tmp_path, monkeypatch)
    Path("source/en/index.md").write_text(
        "# Home\n\nSee [](customize:sidebar), [the sidebar](customize:sidebar) and [](gone).\n"
    )
    Path("source/en/customize.md").write_text(
        "# Customize\n\n(customize:sidebar)=\n## The `sidebar` options\n\nText.\n"
    )
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile("locales/da/LC_MESSAGES/customize.po")
    catalog.find("The `sidebar` options").msgstr = "Indstillinger for `sidebar`"
    catalog.save()
    assert run_cli("export", "--format", "html").exit_code == 0
    links = [
        (a.get("href"), _text(a))
        for a in _main(Path("build/html/da/index.html")).iter(f"{{{NS['h']}}}a")
    ]
    assert links[:2] == [
        ("customize.html#customize:sidebar", "Indstillinger for sidebar"),
        ("customize.html#customize:sidebar", "the sidebar"),
    ]
    target = Path("build/html/da/customize.html").read_text()
    assert 'id="customize:sidebar"' in target
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert [f["rule"] for f in found if f["path"] == "source/en/index.md"] == [
        "a11y/link-text",  # [](gone): no page and no label, reported
        "links/broken",
    ]


def test_a_link_with_no_text_to_a_page_is_named_by_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sphinx-book-theme's "check out [](content-blocks.md)" was an empty link on our
    page (a11y/link-text said so); MyST names it by the page's title."""
    english_project(tmp_path, monkeypatch)
    Path("source/en/index.md").write_text("# Home\n\nCheck out [](blocks.md).\n")
    Path("source/en/blocks.md").write_text("# Special `content` blocks\n\nText.\n")
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    links = [
        (a.get("href"), _text(a))
        for a in _main(Path("build/html/da/index.html")).iter(f"{{{NS['h']}}}a")
    ]
    assert links == [("blocks.html", "Special content blocks")]
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert not [f for f in found if f["rule"] == "a11y/link-text"]
