"""Links within an exported page land where they point, in every locale: footnote
references and their back links (Node's webcrypto page has one note referenced 30 times)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import polib
import pytest

from pipeline.source.anchors import anchors, github_slug, id_style, mkdocs_slug, myst_labels
from pipeline.source.anchors import links as links_in
from pipeline.source.syntax import MARKDOWN

from ..conftest import run_cli
from .test_html import Page

SOURCE = """---
lang: en
---

# Key formats

Ed25519 keys are experimental.[^exp] So are X25519 keys.[^exp]

Ed448 keys too.[^exp] See the list of curves.[^curves]

## Curves

[Back to the top](#key-formats).

[^exp]: Requires a recent OpenSSL.
[^curves]: The names follow RFC 8410.
"""

TRANSLATIONS = {
    "Key formats": "Nøgleformater",
    # The same two references as the source.
    "Ed25519 keys are experimental.[^exp] So are X25519 keys.[^exp]": (
        "Ed25519-nøgler er eksperimentelle.[^exp] Det samme er X25519-nøgler.[^exp]"
    ),
    # One reference dropped by the translator: its note gets one back link less.
    "Ed448 keys too.[^exp] See the list of curves.[^curves]": (
        "Ed448-nøgler også. Se listen over kurver.[^curves]"
    ),
    "Requires a recent OpenSSL.": "Kræver en ny OpenSSL.",
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/keys.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(tmp_path / "locales/da/LC_MESSAGES/keys.po"))
    for entry in po:  # "The names follow RFC 8410." is left untranslated
        entry.msgstr = TRANSLATIONS.get(entry.msgid, "")
    po.save()
    result = run_cli("export", "--format", "html")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "build/html"


def references(page: Page) -> list[tuple[str, str]]:
    """(id, href) of every footnote reference, in page order."""
    return [(a["id"], a["href"]) for a in page.find("a", role="doc-noteref")]


def back_links(page: Page) -> list[str]:
    return [a["href"] for a in page.find("a", role="doc-backlink")]


def test_every_footnote_back_link_lands_on_its_reference(site: Path) -> None:
    english = Page((site / "en/keys.html").read_text(encoding="utf-8"))
    assert references(english) == [
        ("fnref1", "#fn1"),
        ("fnref1-1", "#fn1"),
        ("fnref1-2", "#fn1"),
        ("fnref2", "#fn2"),
    ]
    assert back_links(english) == ["#fnref1", "#fnref1-1", "#fnref1-2", "#fnref2"]
    ids = {a["id"] for _, a in english.elements if "id" in a}
    assert {"fn1", "fn2", "key-formats"} <= ids


def test_a_translation_gets_one_back_link_per_reference_it_keeps(site: Path) -> None:
    danish = Page((site / "da/keys.html").read_text(encoding="utf-8"))
    assert references(danish) == [("fnref1", "#fn1"), ("fnref1-1", "#fn1"), ("fnref2", "#fn2")]
    assert back_links(danish) == ["#fnref1", "#fnref1-1", "#fnref2"]


def test_every_link_within_a_page_finds_its_anchor(site: Path) -> None:
    for path in (site / "en/keys.html", site / "da/keys.html"):
        page = Page(path.read_text(encoding="utf-8"))
        ids = {a["id"] for _, a in page.elements if "id" in a}
        fragments = [a["href"][1:] for a in page.find("a") if a.get("href", "").startswith("#")]
        assert fragments, path
        assert [f for f in fragments if f not in ids] == [], path


BOXED = """---
lang: en
---

# Boxes

Text with a note.[^first]

```{note}
Inside a MyST box, another note,[^second] and the first again.[^first]
```

[^first]: The first note.
[^second]: The second note.
"""


def test_notes_referenced_in_a_myst_box_are_listed_once_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box's body was parsed as a page of its own: it got a second, empty list of
    notes (fn1 and footnotes-title twice on the page), and a note referenced only in the
    box lost its text."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source/boxes.md").write_text(BOXED, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    page = Page((tmp_path / "build/html/en/boxes.html").read_text(encoding="utf-8"))
    assert len(page.find("section", role="doc-endnotes")) == 1
    ids = [a["id"] for _, a in page.elements if "id" in a]
    assert sorted(ids) == sorted(set(ids))
    assert references(page) == [("fnref1", "#fn1"), ("fnref2", "#fn2"), ("fnref1-1", "#fn1")]
    assert back_links(page) == ["#fnref1", "#fnref1-1", "#fnref2"]
    assert "The second note." in "".join(page.text)


# Heading texts and the ids github-slugger 2.0.0 gives them, one slugger for the lot (run
# with Node.js), as GitHub ids a page's headings: repeats, punctuation, letters of any
# script, emoji, spaces at the ends.
GITHUB_SLUGGER = [
    ("Errors", "errors"),
    ("Errors", "errors-1"),
    ("Errors-1", "errors-1-1"),
    ("Errors", "errors-2"),
    ("fs.open(path, flags)", "fsopenpath-flags"),
    ("Sådan virker det", "sådan-virker-det"),
    ("Ærø’s “quotes” — and – dashes", "ærøs-quotes--and--dashes"),
    ("snake_case & kebab-case", "snake_case--kebab-case"),
    ("  Leading and trailing  ", "--leading-and-trailing--"),
    ("Emoji 🚀 rocket", "emoji--rocket"),
    ("Café naïve", "café-naïve"),
    ("C++ / C#", "c--c"),
    ("Über-Größe ß", "über-größe-ß"),
    ("1.2.3 Release", "123-release"),
    ("日本語の見出し", "日本語の見出し"),
    ("Ελληνικά", "ελληνικά"),
    ("Tab\there", "tabhere"),
    ("a--b", "a--b"),
    ("Hello, World!", "hello-world"),
]


def test_heading_ids_are_github_sluggers() -> None:
    taken: dict[str, int] = {}
    assert [(text, github_slug(text, taken)) for text, _ in GITHUB_SLUGGER] == GITHUB_SLUGGER


def test_an_unquoted_raw_html_anchor_is_an_anchor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # pino's docs write <a id=opt-customlevels></a>
    Path("api.md").write_text(
        "# API\n\nSee [custom levels](#opt-customlevels) and [base](#opt-base).\n\n"
        "<a id=opt-customlevels></a>\n### `customLevels`\n\nText.\n",
        encoding="utf-8",
    )
    result = run_cli("check", "api.md", "--lang", "en", "--format", "json")
    broken = [f["message"] for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert broken == ["link '#opt-base': api.md has no heading or anchor 'opt-base'"]


def test_an_anchor_named_as_the_heading_below_it_leaves_one_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # pino's docs: <a id="pino-syslog"></a> over ### pino-syslog
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en").mkdir(parents=True)
    Path("source/en/t.md").write_text(
        '# Transports\n\nSee [syslog](#pino-syslog).\n\n<a id="pino-syslog"></a>\n'
        '### pino-syslog\n\nText.\n\n<a id="kept"></a>\nAn anchor of its own.\n'
    )
    assert run_cli("export", "--locale", "en", "--format", "html").exit_code == 0
    html = Path("build/html/en/t.html").read_text()
    assert html.count('id="pino-syslog"') == 1  # WCAG 4.1.1: ids are unique
    assert 'href="#pino-syslog"' in html
    assert 'id="kept"' in html


# Python-Markdown 3.7's toc (MkDocs 1.6) on these headings, in this order.
PYTHON_MARKDOWN = [
    ("Cross-references to other projects / inventories",
     "cross-references-to-other-projects-inventories"),
    ("Templates", "templates"),
    ("Templates", "templates_1"),
    ("Funding ", "funding"),  # `<span class="total"></span>` after it
    ("Æbler og pærer", "bler-og-prer"),
    ("Hello, World!", "hello-world"),
    ("a--b", "a-b"),
    ("Tab\there", "tab-here"),
    ("Tmpl_1", "tmpl_1"),
    ("Tmpl", "tmpl"),
    ("Tmpl", "tmpl_2"),
    ("Ünïcödé", "unicode"),
    ("???", "_1"),
]  # fmt: skip


def test_mkdocs_heading_ids_are_python_markdowns() -> None:
    taken: dict[str, int] = {}
    assert [(text, mkdocs_slug(text, taken)) for text, _ in PYTHON_MARKDOWN] == PYTHON_MARKDOWN


MKDOCS = "site_name: Docs\ndocs_dir: source/en\nmarkdown_extensions:\n  - toc\n  - attr_list\n"


def test_an_mkdocs_tree_links_to_mkdocs_ids_in_check_export_and_translated_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocstrings' docs: three links to MkDocs' ids were broken errors, the fixes offered
    would break the site, and a translated heading lost the id its links point at."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\n[tool.pipeline.export]\nmin-translated = 0\n'
    )
    Path("source/en").mkdir(parents=True)
    Path("source/en/index.md").write_text(
        "# Usage\n\nSee [a](#templates_1) and [b](#projects-inventories).\n\n"
        "## Templates\n\n## Templates\n\n## Projects / inventories\n\n## About { .special }\n"
    )

    def broken() -> list[str]:
        result = run_cli("check", "--format", "json")
        return [f["message"] for f in json.loads(result.stdout) if f["rule"] == "links/broken"]

    assert len(broken()) == 2  # GitHub's ids: templates-1, projects--inventories
    Path("mkdocs.yml").write_text(MKDOCS)
    assert broken() == []  # the cache does not hide it
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile("locales/da/LC_MESSAGES/index.po")
    catalog.find("Projects / inventories").msgstr = "Projekter / fortegnelser"
    catalog.find("About").msgstr = "Om os"
    catalog.save()
    assert run_cli("export", "--locale", "da", "--format", "markdown").exit_code == 0
    written = Path("build/markdown/da/index.md").read_text()
    assert "## Projekter / fortegnelser { #projects-inventories }\n" in written
    assert "## Templates\n" in written  # untranslated: its own id holds
    assert "## Om os { #about .special }\n" in written  # one list: a second shows as text
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    html = Path("build/html/da/index.html").read_text()
    assert 'id="templates_1"' in html
    assert 'id="projects-inventories"' in html


def test_a_quoted_docs_dir_with_a_space_is_read(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text('site_name: X\ndocs_dir: "my docs"  # quoted\n')
    (tmp_path / "my docs").mkdir()
    assert id_style(tmp_path / "my docs" / "page.md") == "mkdocs"
    assert id_style(tmp_path / "README.md") == "github"  # not published by MkDocs


# Python-Markdown's toc with `slugify_unicode` and with pymdown-extensions 10's
# `pymdownx.slugs.slugify(case=…)`, on these headings in this order.
UNICODE_IDS = {
    "mkdocs unicode": [
        "æbler-og-pærer", "hvad-er-genterapi", "ünïcödé-text", "tmpl", "tmpl_1", "a-b",
        "hello-world",
    ],
    "pymdownx lower": [
        "æbler-og-pærer", "hvad-er-genterapi", "ünïcödé-text", "tmpl", "tmpl_1", "a--b",
        "hello-world",
    ],
    "pymdownx none": [
        "Æbler-og-pærer", "Hvad-er-genterapi", "Ünïcödé-Text", "Tmpl", "Tmpl_1", "a--b",
        "Hello-World",
    ],
}  # fmt: skip
HEADINGS = ["Æbler og pærer", "Hvad er genterapi?", "Ünïcödé  Text", "Tmpl", "Tmpl", "a--b",
            "Hello, World!"]  # fmt: skip


@pytest.mark.parametrize("style", sorted(UNICODE_IDS))
def test_a_danish_mkdocs_site_that_keeps_its_letters_has_its_ids(style: str) -> None:
    taken: dict[str, int] = {}
    assert [mkdocs_slug(text, taken, style) for text in HEADINGS] == UNICODE_IDS[style]


@pytest.mark.parametrize(
    ("toc", "style"),
    [
        ("", "mkdocs"),
        ("      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n",
         "mkdocs unicode"),
        ("      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
         "        kwds:\n          case: lower\n", "pymdownx lower"),
        ("      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: fold}}\n",
         "pymdownx fold"),
        ("      slugify: !!python/name:pymdownx.slugs.uslugify\n", "pymdownx lower"),
    ],
)  # fmt: skip
def test_the_slugify_mkdocs_yml_sets_is_the_one_used(tmp_path: Path, toc: str, style: str) -> None:
    config = f"site_name: X\nmarkdown_extensions:\n  - toc:\n      permalink: true\n{toc}"
    (tmp_path / "mkdocs.yml").write_text(config)
    (tmp_path / "docs").mkdir()
    assert id_style(tmp_path / "docs" / "page.md") == style


GUIDE = """# Guide

Read [what to bring](#what-to-bring), [the rules](rules.md#visiting-hours) and
[the label](#bring-list).

## What to bring

(bring-list)=
## Bring list

Bring [your card](rules.md#your-card).
"""
RULES = "# Rules\n\n## Visiting hours\n\n## Your card\n\nBack to [the guide](guide.md#guide).\n"
DANISH = {
    "Guide": "Vejledning",
    "What to bring": "Hvad du skal have med",
    "Bring list": "Huskeliste",
    "Rules": "Regler",
    "Visiting hours": "Besøgstider",
    "Your card": "Dit kort",
    # The translator pointed this link at the Danish heading already: it stays.
    "Bring [your card](rules.md#your-card).": "Tag [dit kort](rules.md#dit-kort) med.",
}


def _anchor_site(layout: str, min_translated: float = 0) -> None:
    _exported({"guide": GUIDE, "rules": RULES}, DANISH, layout, min_translated)


def _exported(
    pages: dict[str, str], danish: dict[str, str], layout: str = "folders", least: float = 0
) -> None:
    """An English project of `pages`, its Danish catalogs filled from `danish`, exported
    as Markdown in `layout`."""
    Path("pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\nsource-language = "en"\n'
        f'[tool.pipeline.export]\nmin-translated = {least}\nmarkdown-layout = "{layout}"\n'
    )
    Path("source").mkdir(exist_ok=True)
    for name, text in pages.items():
        Path(f"source/{name}.md").write_text(text)
    assert run_cli("extract").exit_code == 0
    for name in pages:
        catalog = polib.pofile(f"locales/da/LC_MESSAGES/{name}.po")
        for entry in catalog:
            entry.msgstr = danish.get(entry.msgid, "")
        catalog.save()
    result = run_cli("export", "--locale", "da", "--format", "markdown")
    assert result.exit_code == 0, result.output


def _links_and_anchors(folder: Path) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """Each written file's links (file, href) and the anchors each file has."""
    links, found = [], {}
    for path in sorted(folder.glob("*.md")):
        tokens = MARKDOWN.parse(path.read_text())
        found[path.name] = anchors(tokens) | myst_labels(tokens)
        links += [(path.name, link.href) for link in links_in(tokens) if "#" in link.href]
    return links, found


def test_links_into_a_translated_heading_follow_its_new_id_in_translated_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub and MyST's heading anchors give a heading the id of its text: a link to
    "#what-to-bring" broke once the heading was "Hvad du skal have med" (CachyOS/wiki#353)."""
    monkeypatch.chdir(tmp_path)
    _anchor_site("folders")
    guide = Path("build/markdown/da/guide.md").read_text()
    assert "[hvad du skal have med](#hvad-du-skal-have-med)" not in guide  # untranslated text
    assert "(#hvad-du-skal-have-med)" in guide
    assert "(rules.md#besøgstider)" in guide
    assert "(#bring-list)" in guide  # a MyST label is no heading's text
    assert "(rules.md#dit-kort)" in guide  # pointed there by the translator
    links, found = _links_and_anchors(Path("build/markdown/da"))
    for name, href in links:
        path, anchor = unquote(href).split("#")
        assert anchor in found[path or name], (name, href)


@pytest.mark.parametrize("layout", ["docusaurus", "hugo"])
def test_docusaurus_and_hugo_keep_the_source_ids_of_translated_headings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    """Both read `## Heading {#id}`: links from other sites keep working too."""
    monkeypatch.chdir(tmp_path)
    _anchor_site(layout)
    folder = next(p.parent for p in Path("build/markdown").rglob("guide.md") if "da" in p.parts)
    guide = (folder / "guide.md").read_text()
    assert "## Hvad du skal have med {#what-to-bring}\n" in guide
    assert "(#what-to-bring)" in guide
    assert "(rules.md#visiting-hours)" in guide
    assert "## Besøgstider {#visiting-hours}\n" in (folder / "rules.md").read_text()


def test_a_page_left_in_the_source_language_keeps_its_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Too little of rules.md is translated to publish it: its headings stay English."""
    monkeypatch.chdir(tmp_path)
    _anchor_site("folders", min_translated=0.9)
    assert not Path("build/markdown/da/guide.md").read_text().count("besøgstider")
    assert "(rules.md#visiting-hours)" in Path("build/markdown/da/guide.md").read_text()


def test_renamed_anchors_do_not_feed_each_other_and_code_keeps_its_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Install" became "Installer" and "Installer" "Installationsprogram": both links went
    to #installationsprogram, and a link written in a code block was rewritten."""
    monkeypatch.chdir(tmp_path)
    guide = (
        "# Guide\n\nSee [install](#install) and [the installer](#installer).\n\n"
        "```md\n[install](#install)\n```\n\nOr `[x](#install)`.\n\n## Install\n\n## Installer\n"
    )
    _exported({"guide": guide}, {"Install": "Installer", "Installer": "Installationsprogram"})
    written = Path("build/markdown/da/guide.md").read_text()
    assert "See [install](#installer) and [the installer](#installationsprogram)." in written
    assert "```md\n[install](#install)\n```\n\nOr `[x](#install)`." in written
    # The next run in this process, in another layout: ids kept, links as the source's.
    _exported(
        {"guide": guide}, {"Install": "Installer", "Installer": "Installationsprogram"}, "hugo"
    )
    written = Path("build/markdown/content/da/guide.md").read_text()
    assert "See [install](#install) and [the installer](#installer)." in written
    assert "## Installer {#install}\n" in written


def test_ids_are_kept_where_hugo_and_docusaurus_read_them_and_followed_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real builds: Hugo lost `## X {#x} ##`'s id, and Docusaurus' MDX stopped the whole
    Danish site at `{#x}` after a setext heading or a quoted one."""
    monkeypatch.chdir(tmp_path)
    page = (
        "# Page\n\nSee [c](#closed), [s](#setext) and [q](#quoted).\n\n## Closed ##\n\n"
        "Setext\n------\n\n> ## Quoted\n"
    )
    danish = {"Closed": "Lukket", "Setext": "Understreget", "Quoted": "Citeret"}
    _exported({"page": page}, danish, "docusaurus")
    written = Path("build/markdown/i18n/da/docusaurus-plugin-content-docs/current/page.md")
    text = written.read_text()
    assert "## Lukket {#closed}\n" in text
    assert "Understreget\n------\n" in text
    assert "> ## Citeret\n" in text
    assert "See [c](#closed), [s](#understreget) and [q](#citeret)." in text
