"""Python-Markdown's attribute lists and Markdown in HTML, as MkDocs Material sites (Hatch's
docs) write them: ids links point at, images' attributes, images inside `<figure>`."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from pipeline.export.to_markdown import translated_markdown
from pipeline.source.anchors import anchors
from pipeline.source.markdown import read_document
from pipeline.source.syntax import MARKDOWN

from ..conftest import run_cli

PAGE = """# Configuration

## Name (*required*) ## {: #name }

The project's name. See [the version](#version){ .md-button } and `x{ .a }`.

## Version {: #version }

<figure markdown>
  ![A terminal running the tests](tests.gif){ loading=lazy role="img" }
</figure>

:material-clock-fast:{ .lg .middle } Set up in minutes.

Run `{args:.}` as it is.
"""

TRANSLATIONS = {
    "Configuration": "Konfiguration",
    "Name (*required*)": "Navn (*påkrævet*)",
    "The project's name. See [the version](#version){ .md-button } and `x{ .a }`.": (
        "Projektets navn. Se [versionen](#version){ .md-button } og `x{ .a }`."
    ),
    "Version": "Version",
    "A terminal running the tests": "En terminal, der kører testene",
}


def test_units_leave_the_lists_out_and_the_translation_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "config.md"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(path, lang="en")
    texts = [block.text for block in document.blocks]
    assert texts[:5] == [*TRANSLATIONS][:5]
    assert "A terminal running the tests" in texts  # the image's alt text, its list left out
    assert "Run `{args:.}` as it is." in texts  # no list: code
    written = translated_markdown(PAGE, document, "da", TRANSLATIONS).text
    assert "## Navn (*påkrævet*) ## {: #name }\n" in written
    assert "[versionen](#version){ .md-button }" in written
    assert "![En terminal, der kører testene](tests.gif){ loading=lazy" in written


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/config.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "source/en/tests.gif").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    (tmp_path / "source/en/links.md").write_text(
        "# Links\n\nSee [the name](config.md#name), [the API](api.md#pkg.Client) "
        "and [nothing](config.md#nothing).\n"
    )
    (tmp_path / "source/en/api.md").write_text("# API\n\n::: pkg.Client\n")
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(tmp_path / "locales/da/LC_MESSAGES/config.po"))
    for entry in po:
        entry.msgstr = TRANSLATIONS.get(entry.msgid, "")
    po.save()
    return tmp_path


def test_the_page_has_the_ids_the_attributes_and_the_figures_image(site: Path) -> None:
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (site / "build/html/da/config.html").read_text()
    assert '<h2 id="name">Navn (<em>påkrævet</em>)</h2>' in html
    assert '<h2 id="version">' in html
    assert '<a href="#version">versionen</a> og <code>x{ .a }</code>' in html  # no author class
    assert '<img src="../en/tests.gif" alt="En terminal, der kører testene"' in html
    assert (site / "build/html/en/tests.gif").is_file()
    shown = html.split("<main", 1)[1]
    for text in ("{:", "{ .md", "{ .lg", "loading=lazy", "![", "markdown>"):
        assert text not in shown, text


def test_links_to_listed_ids_work_and_generated_pages_are_not_judged(site: Path) -> None:
    result = run_cli("check", "--format", "json")
    broken = [f for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert [(f["line"], f["message"]) for f in broken] == [
        (3, "link 'config.md#nothing': source/en/config.md has no heading or anchor 'nothing'")
    ]


def test_material_icons_name_an_icon_link_and_leave_the_text() -> None:
    """Hatch's authors page showed ":material-github:" as text, and its cards
    ":octicons-file-code-16: Configuration"."""
    from pipeline.source.syntax import MARKDOWN

    html = MARKDOWN.render(
        "Ofek Lev [:material-github:](https://github.com/ofek)\n\n"
        ":octicons-file-code-16: Configuration :rocket:\n"
    )
    assert '<a href="https://github.com/ofek">github</a>' in html
    assert "<p> Configuration 🚀</p>" in html


def test_an_escaped_id_loses_its_backslash() -> None:
    """pymdown-extensions' changelog: `{: #\\9.0}` is the id "9.0" its links name."""
    from pipeline.source.syntax import MARKDOWN

    html = MARKDOWN.render("## 9.0 Migration Notes {: #\\9.0}\n\n### Notes {#\\_fn_1}\n")
    assert '<h2 id="9.0">9.0 Migration Notes</h2>' in html
    assert '<h3 id="_fn_1">Notes</h3>' in html


def test_a_list_on_a_paragraphs_last_line_stays_on_its_own_line(tmp_path: Path) -> None:
    """mkdocs-print-site-plugin's docs: `{: .print-site-plugin-ignore }` under a paragraph
    was in its unit, and the translation, written on one line, showed it as text."""
    source = "# Hidden\n\nThis paragraph is hidden\nin print.\n{: .no-print #hidden-note }\n"
    path = tmp_path / "page.md"
    path.write_text(source, encoding="utf-8")
    document = read_document(path, lang="en")
    assert [block.text for block in document.blocks] == [
        "Hidden",
        "This paragraph is hidden in print.",
    ]
    texts = {"This paragraph is hidden in print.": "Dette afsnit vises ikke på udskrift."}
    written = translated_markdown(source, document, "da", texts).text
    assert written.endswith("\nDette afsnit vises ikke på udskrift.\n{: .no-print #hidden-note }\n")
    assert "hidden-note" in anchors(MARKDOWN.parse(source))  # a link to it is no broken link
    assert '<p id="hidden-note">This paragraph is hidden\nin print.</p>' in MARKDOWN.render(source)
