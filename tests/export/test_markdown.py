"""Translated Markdown: the source byte for byte but for the translated spans (#24)."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import polib
import pytest
from cmarkgfm.cmark import Options

from pipeline.export.to_markdown import translated_markdown
from pipeline.source.markdown import BlockKind, Document, read_document
from pipeline.source.syntax import MARKDOWN
from pipeline.source.units import split_units
from tests.conftest import run_cli
from tests.export.github import WORD, github_html, shown, without_front_matter

REAL = Path(__file__).parent / "realdocs"
REAL_DOCS = sorted(path for path in REAL.rglob("*.md"))
GITHUB = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES


class _Shape(HTMLParser):
    """What GitHub's renderer shows: elements in order, link and image URLs, the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [value or "" for name, value in attrs if name in {"href", "src"}]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def github_shape(markdown: str) -> _Shape:
    shape = _Shape()
    shape.feed(cmarkgfm.github_flavored_markdown_to_html(markdown, options=GITHUB))
    return shape


def test_the_real_set_is_full_of_html_and_github_extensions() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in REAL_DOCS)
    assert len(REAL_DOCS) >= 14
    for construct in ("<details>", "<img ", "[!NOTE]", "- [x]", "[^1]", "<p align="):
        assert construct in text, construct


@pytest.mark.parametrize("path", REAL_DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_identity_round_trip_gives_every_real_document_back_byte_for_byte(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    document = read_document(path, lang="en")
    texts = {unit.text: unit.text for unit in split_units(document)}
    result = translated_markdown(source, document, "da", texts)
    assert result.text == source
    assert result.fallbacks == 0
    assert result.problems == []


@pytest.mark.parametrize("path", REAL_DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_translation_that_keeps_the_markup_keeps_githubs_structure(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    document = read_document(path, lang="en")
    texts = {
        text: f"{text} ORDX{number}"
        for number, text in enumerate(dict.fromkeys(unit.text for unit in split_units(document)))
    }
    result = translated_markdown(source, document, "da", texts)
    assert result.problems == []
    before, after = github_shape(source), github_shape(result.text)
    assert after.tags == before.tags
    assert after.urls == before.urls
    shown = " ".join(after.text)
    missing = [
        n for n in range(len(texts)) if f"ORDX{n}" not in shown and f"ORDX{n}" not in result.text
    ]
    assert missing == []


def document_of(tmp_path: Path, source: str) -> Document:
    """An English document of `source`, as extract reads it."""
    path = tmp_path / "doc.md"
    path.write_text(source, encoding="utf-8")
    return read_document(path, lang="en")


def translate(tmp_path: Path, source: str, texts: dict[str, str]) -> str:
    return translated_markdown(source, document_of(tmp_path, source), "da", texts).text


def test_layout_is_kept_around_translated_spans(tmp_path: Path) -> None:
    source = (
        "---\ntitle: Gene therapy\ndate: 2024-01-01\nlang: en\n---\n\n"
        "* First item\n  wrapped here\n*   Second item\n\n"
        "| Term | Meaning |\n|:-----|--------:|\n| AAV  | a virus |\n\n"
        "> [!WARNING]\n> Do not stop\n> the treatment.\n\n"
        "<details>\n<summary>Read more</summary>\n\nHidden text.\n\n</details>\n\n"
        '<img src="x.png" alt="A diagram" width="200">\n\n'
        "Text with a note.[^n]\n\n[^n]: The note.\n"
    )
    texts = {
        "Gene therapy": "Genterapi",
        "First item wrapped here": "Første punkt",
        "Second item": "Andet punkt",
        "Meaning": "Betydning",
        "a virus": "en virus | et vektor",
        "Do not stop the treatment.": "Stop ikke\\\nbehandlingen.",
        "Read more": "Læs mere",
        "Hidden text.": "Skjult tekst.",
        "A diagram": 'Et "diagram"',
        "Text with a note.[^n]": "Tekst med en note.[^n]",
        "The note.": "Noten.",
    }
    assert translate(tmp_path, source, texts) == (
        '---\ntitle: "Genterapi"\ndate: 2024-01-01\nlang: da\n---\n\n'
        "* Første punkt\n*   Andet punkt\n\n"
        "| Term | Betydning |\n|:-----|--------:|\n| AAV  | en virus \\| et vektor |\n\n"
        "> [!WARNING]\n> Stop ikke\\\n> behandlingen.\n\n"
        "<details>\n<summary>Læs mere</summary>\n\nSkjult tekst.\n\n</details>\n\n"
        '<img src="x.png" alt="Et &quot;diagram&quot;" width="200">\n\n'
        "Tekst med en note.[^n]\n\n[^n]: Noten.\n"
    )


@pytest.mark.parametrize("style", [">-", ">", "|", "|-"])
def test_a_block_scalar_in_front_matter_keeps_its_line_end(tmp_path: Path, style: str) -> None:
    """A real Hugo build: `description: >-` became `description: "…"weight: 1`, or
    `"…"---` as the last key, and the front matter no longer parsed."""
    for after in ("weight: 1\n", ""):
        source = f"---\ntitle: Page\ndescription: {style}\n  A folded text\n  in two lines.\n{after}---\n\nBody.\n"
        written = translate(tmp_path, source, {"A folded text in two lines.": "En foldet tekst."})
        assert written.startswith(
            f'---\ntitle: Page\ndescription: "En foldet tekst."\n{after}---\n'
        )


def test_a_translated_line_that_would_start_a_block_is_escaped(tmp_path: Path) -> None:
    source = "Some text\nhere.\n\n- An item\n"
    texts = {"Some text here.": "1. Punkt\\\n# ikke en overskrift", "An item": "- ikke en liste"}
    written = translate(tmp_path, source, texts)
    assert written == "1\\. Punkt\\\n\\# ikke en overskrift\n\n- \\- ikke en liste\n"
    assert github_shape(written).tags == ["p", "br", "ul", "li"]  # the break is the translator's


def test_crlf_and_untranslated_units_stay_as_they_are(tmp_path: Path) -> None:
    source = "# Title\r\n\r\nFirst.\r\n\r\nSecond.\r\n"
    path = tmp_path / "doc.md"
    path.write_bytes(source.encode())
    document = read_document(path, lang="en")
    result = translated_markdown(source, document, "da", {"First.": "Først."})
    assert result.text == "# Title\r\n\r\nFørst.\r\n\r\nSecond.\r\n"
    assert (result.units, result.fallbacks) == (3, 2)


def test_broken_markup_in_a_translation_falls_back_to_the_source(tmp_path: Path) -> None:
    source = "---\ntitle: Use <kbd>Ctrl</kbd>\n---\n\nPress <kbd>Ctrl</kbd> now.\n\nNext.\n"
    document = document_of(tmp_path, source)
    texts = {
        "Use <kbd>Ctrl</kbd>": "Brug <kbd>Ctrl",
        "Press <kbd>Ctrl</kbd> now.": "Tryk <kbd>Ctrl nu.",
        "Next.": "Næste.",
    }
    result = translated_markdown(source, document, "da", texts)
    assert result.text == source.replace("Next.", "Næste.")
    assert [problem.line for problem in result.problems] == [2, 5]
    assert "<kbd> is not closed" in result.problems[1].message
    assert (result.units, result.fallbacks) == (3, 2)  # both kept in English


def test_export_writes_markdown_in_each_layout_with_working_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "site"
    (root / "source" / "en").mkdir(parents=True)
    (root / "source" / "images").mkdir()
    (root / "source" / "images" / "a.png").write_bytes(b"\x89PNG")
    (root / "source" / "css").mkdir()  # mkdocs.yml's extra_css: no page links to it
    (root / "source" / "css" / "extra.css").write_text("body { margin: 0 }\n")
    (root / "source" / "en" / ".one.md.swp").write_bytes(b"")  # an editor's, not the site's
    (root / "source" / ".obsidian").mkdir()  # a notes app's settings: no part of the site
    (root / "source" / ".obsidian" / "app.json").write_text("{}")
    (root / "source" / "css" / "gone.css").symlink_to("/nonexistent/gone.css")  # crashed
    (root / "source" / "en" / "one.md").write_text(
        "# One\n\nSee [two](two.md#usage) and ![a diagram](../images/a.png).\n\n"
        "```{image} ./../images/a.png\n:alt: The same diagram\n```\n\n"  # MyST's, kept as code
        "```{figure} ../images/a.png\nIts caption.\n```\n",  # a box: its ``` are no code span
        encoding="utf-8",
    )
    (root / "source" / "en" / "two.md").write_text("# Two\n\n## Usage\n\nText.\n", encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\n'
        '[tool.pipeline.export]\nmarkdown-layout = "LAYOUT"\nmin-translated = 0\n',
        encoding="utf-8",
    )
    template = (root / "pyproject.toml").read_text(encoding="utf-8")
    files = {  # where the source folder's other files go
        "folders": "build/markdown",
        "mkdocs": "build/markdown",
        "hugo": "build/markdown/content/da",
        "docusaurus": "build/markdown/docs",
    }
    expected = {
        "folders": ("build/markdown/da/one.md", "two.md#usage", "../images/a.png"),
        "mkdocs": ("build/markdown/one.da.md", "two.da.md#usage", "images/a.png"),
        "hugo": ("build/markdown/content/da/one.md", "two.md#usage", "images/a.png"),
        "docusaurus": (
            "build/markdown/i18n/da/docusaurus-plugin-content-docs/current/one.md",
            "two.md#usage",
            "../../../../docs/images/a.png",
        ),
    }
    monkeypatch.chdir(root)
    for layout, (written, link, image) in expected.items():
        (root / "pyproject.toml").write_text(template.replace("LAYOUT", layout), encoding="utf-8")
        assert run_cli("extract").exit_code == 0
        shutil.rmtree(root / "build", ignore_errors=True)
        result = run_cli("export", "--format", "markdown")
        assert result.exit_code == 0, result.output
        assert "HTML" not in result.stdout  # only what was asked for is counted
        page = root / written
        text = page.read_text(encoding="utf-8")
        assert f"]({link})" in text, (layout, text)
        assert f"]({image})" in text, (layout, text)
        directives = re.findall(r"```\{(?:image|figure)\} (\S+)", text)
        assert len(directives) == 2, (layout, text)
        for directive in directives:  # each was left as it was, pointing at nothing
            assert (page.parent / directive).resolve().is_file(), (layout, text)
        assert (page.parent / image).resolve().is_file(), layout
        assert (page.parent / link.split("#")[0]).resolve().is_file(), layout
        assert "4 Markdown files" in result.output
        assert (root / files[layout] / "css/extra.css").is_file(), layout
        assert not list((root / "build").rglob("*.swp")), layout
        assert not list((root / "build").rglob("app.json")), layout
        assert not list((root / "build").rglob("gone.css")), layout
        assert " other files of source copied" in result.output


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed real documents as one English project, exported to HTML."""
    root = tmp_path_factory.mktemp("real")
    for path in REAL_DOCS:
        target = root / "source/en" / f"{path.parent.name}-{path.stem.lower()}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8")
        target.write_text(text, encoding="utf-8")
        for src in re.findall(r"""(?:src=["']?|!\[[^\]]*\]\()([^"'\s)>]+)""", text):
            local = (target.parent / src.split("#")[0].split("?")[0]).resolve()
            if "://" not in src and local.is_relative_to(root / "source") and local.suffix:
                local.parent.mkdir(parents=True, exist_ok=True)
                local.write_bytes(b"")  # the package does not ship its images; GitHub has them
    (root / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert run_cli("extract").exit_code == 0
        result = run_cli("export", "--format", "html", "--locale", "en")
        assert result.exit_code == 0, result.stderr
    return root


@pytest.mark.parametrize("path", REAL_DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_our_page_shows_what_github_shows(real_site: Path, path: Path) -> None:
    name = f"{path.parent.name}-{path.stem.lower()}"
    markdown = without_front_matter(path.read_text(encoding="utf-8"))
    # MyST's "(label)=" anchors, which GitHub shows as text and the docs' site does not
    theirs = shown(github_html(re.sub(r"(?m)^\([\w:.-]+\)=$", "", markdown)))
    ours = shown((real_site / f"build/html/en/{name}.html").read_text(), main_only=True)
    for kind, count in theirs.counts.items():
        assert ours.counts[kind] >= count, (kind, ours.counts[kind], count)
    template = (real_site / f"locales/templates/{name}.pot").read_text(encoding="utf-8")
    in_units = Counter(word.lower() for word in WORD.findall(template))
    missing = sorted(word for word in theirs.words if word not in in_units)
    assert missing == []
    tags = ("<kbd", "<sup", "<details", "<summary", "<img", "<a href", "<p align", "<br")
    ours_text, theirs_text = " ".join(ours.text), " ".join(theirs.text)
    assert [tag for tag in tags if ours_text.count(tag) > theirs_text.count(tag)] == []


def test_the_menus_short_title_is_translated_in_docusaurus_and_hugo_front_matter(
    tmp_path: Path,
) -> None:
    """Docusaurus' sidebar_label and Hugo's linkTitle stayed English in the Danish menus."""
    yaml_source = "---\nsidebar_label: Install\nsidebar_position: 2\n---\n\nText.\n"
    toml_source = '+++\nlinkTitle = "Install"\nweight = 2\n+++\n\nText.\n'
    texts = {"Install": "Installér", "Text.": "Tekst."}
    for source in (yaml_source, toml_source):
        document = document_of(tmp_path, source)
        kinds = [(b.kind, b.text) for b in document.blocks]
        assert kinds == [(BlockKind.NAVIGATION, "Install"), (BlockKind.PARAGRAPH, "Text.")]
    assert translate(tmp_path, yaml_source, texts).startswith(
        '---\nsidebar_label: "Installér"\nsidebar_position: 2\n---\n'
    )
    assert translate(tmp_path, toml_source, texts).startswith(
        '+++\nlinkTitle = "Installér"\nweight = 2\n+++\n'
    )


def test_toml_front_matter_gets_its_title_and_lang_in_place(tmp_path: Path) -> None:
    source = '+++\ntitle = "Install \\"guide\\""\nlang = "en"\nweight = 3\n+++\n\nText.\n'
    texts = {'Install "guide"': 'Installations"vejledning"', "Text.": "Tekst."}
    assert translate(tmp_path, source, texts) == (
        '+++\ntitle = "Installations\\"vejledning\\""\nlang = "da"\nweight = 3\n+++\n\nTekst.\n'
    )


def test_toml_multi_line_and_indented_strings_are_swapped_and_numbers_are_no_units(
    tmp_path: Path,
) -> None:
    """Review: a multi-line description stayed English with no word of it, and Hugo's year
    pages' `linkTitle = 2023` stopped extract."""
    source = '+++\n  title = "Install"\nlinkTitle = 2023\ndescription = """\nA long text."""\n+++\n\nBody.\n'
    texts = {"Install": "Installér", "A long text.": "En lang tekst.", "Body.": "Krop."}
    assert [b.text for b in document_of(tmp_path, source).blocks] == [*texts]
    assert translate(tmp_path, source, texts) == (
        '+++\n  title = "Installér"\nlinkTitle = 2023\ndescription = "En lang tekst."\n+++\n\nKrop.\n'
    )


def test_a_first_line_that_only_begins_with_plus_signs_is_text(tmp_path: Path) -> None:
    source = "+++ Breaking: version 2 is out +++\n\nRead on.\n"
    assert [b.text for b in document_of(tmp_path, source).blocks][-1] == "Read on."


def test_a_yaml_option_value_is_quoted_as_yaml_and_a_list_option_is_no_text(
    tmp_path: Path,
) -> None:
    """Review: `alt: "Et "lukket" øje"` made Sphinx drop the options (its alt became the
    path), and `class:` with a list under it gave the units "class:", "a" and "b"."""
    source = (
        '```{figure} a.png\n---\nalt: "A closed eye"\n---\nCaption.\n```\n\n'
        "```{image} b.png\n---\nalt: An eye\n---\n```\n\n"
        ":::{tip}\n---\nclass:\n  - a\n  - b\n---\nTip text.\n:::\n"
    )
    texts = {"A closed eye": 'Et "lukket" øje', "Caption.": "Tekst.", "An eye": "Øje: lukket"}
    assert [b.text for b in document_of(tmp_path, source).blocks] == [*texts, "Tip text."]
    written = translate(tmp_path, source, texts)
    assert 'alt: "Et \\"lukket\\" øje"\n' in written
    assert 'alt: "Øje: lukket"\n' in written


def test_a_myst_box_indented_in_a_list_or_crlf_text_hides_no_link_from_relinking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: an indented ```{figure}``` and a lone backtick in a CRLF file were taken for
    code spans, and the image paths in them were not relinked (Sphinx: not readable)."""
    (tmp_path / "source/en/img").mkdir(parents=True)
    (tmp_path / "source/en/img/eye.png").write_bytes(b"\x89PNG")
    page = (
        "# Page\n\n1. Step one:\n\n   ```{figure} img/eye.png\n   An eye.\n   ```\n\n"
        "Press the ` key.\n\nSee ![eye](img/eye.png) and `code`.\n"
    )
    (tmp_path / "source/en/page.md").write_bytes(page.replace("\n", "\r\n").encode())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\n[tool.pipeline.export]\nmin-translated = 0\n'
    )
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--locale", "da", "--format", "markdown").exit_code == 0
    written = (tmp_path / "build/markdown/da/page.md").read_text()
    assert "```{figure} ../en/img/eye.png" in written
    assert "![eye](../en/img/eye.png)" in written


def test_a_bom_and_crlf_line_ends_are_kept_around_a_translated_hard_break(tmp_path: Path) -> None:
    raw = "\ufeff# Title\r\n\r\nFirst line\\\r\nsecond line.\r\n"
    path = tmp_path / "doc.md"
    path.write_bytes(raw.encode())
    document = read_document(path, lang="en")
    texts = {"First line\\\nsecond line.": "Første linje\\\nanden linje."}
    result = translated_markdown(raw, document, "da", texts)
    assert result.text == "\ufeff# Title\r\n\r\nFørste linje\\\r\nanden linje.\r\n"


def test_boxes_are_translated_without_their_markers_and_other_directives_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    source = (
        "# Guide\n\n:::details[Why?]\nBecause.\n:::\n\n::: tip\nA tip.\n:::\n\n"
        "```{note}\nA MyST note.\n```\n\n```{toctree}\n:hidden:\nthe_basics\n```\n"
    )
    texts = {"Because.": "Fordi.", "A tip.": "Et tip.", "A MyST note.": "En MyST-note."}
    written = translate(tmp_path, source, texts)
    expected = source.replace("Because.", "Fordi.").replace("A tip.", "Et tip.")
    assert written == expected.replace("A MyST note.", "En MyST-note.")
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/guide.md").write_text(source)
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source/en/doctests.md").write_text(
        "# Tests\n\n" + "```{doctest}\n>>> 1\n1\n```\n\n" * 5
    )  # attrs' docs: one line for each of 80 blocks
    assert run_cli("extract").exit_code == 0
    assert caplog.messages == [
        "source/en/doctests.md:3: the MyST directive {doctest} is kept as written, not "
        "translated (5 times, lines 3, 8, 13, …)",
    ]  # a {toctree}'s titles are units, and our HTML shows it: it is not named


def test_mkdocstrings_api_docs_are_code_and_no_unit(tmp_path: Path) -> None:
    """Starlette's docs: `::: starlette.applications.Starlette` and its options were one
    unit to translate, and in HTML a box titled "Starlette.applications.starlette" that
    held the rest of the page, as no `:::` closes it."""
    source = (
        "# API\n\n::: starlette.applications.Starlette\n    options:\n"
        "      show_root_heading: true\n\nText after.\n\n"
        '??? abstract "API Reference"\n    ::: starlette.requests.Request\n        options:\n'
        "            heading_level: 3\n\nThe end.\n"
    )
    document = document_of(tmp_path, source)
    assert [block.text for block in document.blocks] == [
        "API",
        "Text after.",
        "API Reference",
        "The end.",
    ]
    texts = {"Text after.": "Tekst efter.", "The end.": "Slut."}
    written = translated_markdown(source, document, "da", texts).text
    assert written == source.replace("Text after.", "Tekst efter.").replace("The end.", "Slut.")
    tokens = MARKDOWN.parse(source)
    assert not [token for token in tokens if token.type.startswith("container")]
    code = [token.content for token in tokens if token.info == "mkdocstrings"]
    assert code == [
        "::: starlette.applications.Starlette\n    options:\n      show_root_heading: true\n",
        "::: starlette.requests.Request\n    options:\n        heading_level: 3\n",
    ]


def test_a_snippet_marker_is_code_and_no_unit(tmp_path: Path) -> None:
    """mkdocstrings' docs: `--8<-- "README.md"` was a unit in four catalogs, scored for
    readability, and a translated path broke `mkdocs build` (pymdownx.snippets)."""
    source = (
        '# Home\n\n--8<-- "README.md"\n\nText --8<-- "x" stays text.\n\n'
        "- Item.\n\n    --8<--\n    a.md\n    b.md\n    --8<--\n"
    )
    document = document_of(tmp_path, source)
    assert [block.text for block in document.blocks] == [
        "Home",
        'Text --8<-- "x" stays text.',
        "Item.",
    ]
    code = [t.content for t in MARKDOWN.parse(source) if t.info == "snippet"]
    assert code == ['--8<-- "README.md"\n', "--8<--\na.md\nb.md\n--8<--\n"]
    texts = {"Home": "Hjem", "Item.": "Punkt."}
    written = translated_markdown(source, document, "da", texts).text
    assert written == source.replace("Home", "Hjem").replace("Item.", "Punkt.")


def test_each_abbreviation_is_a_unit_and_its_term_and_marker_stay(tmp_path: Path) -> None:
    """Python-Markdown's `*[HTML]: …` (MkDocs Material's tooltips): two lines were one
    unit, written back on one line, so MkDocs lost the second abbreviation."""
    source = "# Terms\n\nOur CI checks the HTML.\n\n*[HTML]: HyperText Markup Language\n*[CI] : Continuous Integration\n"
    document = document_of(tmp_path, source)
    kinds = [(block.kind, block.text, block.line) for block in document.blocks]
    assert kinds[2:] == [
        (BlockKind.ABBREVIATION, "HyperText Markup Language", 5),
        (BlockKind.ABBREVIATION, "Continuous Integration", 6),
    ]
    texts = {"Continuous Integration": "Kontinuerlig integration"}
    written = translated_markdown(source, document, "da", texts).text
    assert written == source.replace("Continuous Integration", "Kontinuerlig integration")


def test_a_plugins_directive_is_code_not_a_box() -> None:
    """Hatch's CLI reference: `::: mkdocs-click` and its options became a box titled
    "Mkdocs-click"; a VuePress `::: code-group` stays a box."""
    source = "::: mkdocs-click\n    :module: hatch.cli\n    :command: hatch\n\nAfter.\n"
    tokens = MARKDOWN.parse(source)
    assert not [token for token in tokens if token.type.startswith("container")]
    code = [token.content for token in tokens if token.info == "mkdocstrings"]
    assert code == ["::: mkdocs-click\n    :module: hatch.cli\n    :command: hatch\n"]
    boxes = MARKDOWN.parse("::: code-group\nText.\n:::\n")
    assert boxes[0].type == "admonition_open"


def test_a_boxs_own_title_is_a_unit_translated_in_markdown(tmp_path: Path) -> None:
    """Docusaurus' `:::tip My tip` and `:::note[Title]`, VuePress' `::: warning Title` and
    MyST's `{admonition} Title`: the titles were no units, so the Danish page kept them
    in English (an accessibility auditor on create-docusaurus)."""
    source = (
        "# Guide\n\n:::tip My own tip\n\nKeep it up to date.\n\n:::\n\n"
        ":::note[Read this first]\nBack up.\n:::\n\n::: warning\nCareful.\n:::\n\n"
        ":::tip[]\nAn empty title crashed every command.\n:::\n\n"
        "```{admonition} A MyST title\nText.\n```\n"
    )
    document = document_of(tmp_path, source)
    titles = [b.text for b in document.blocks if b.kind is BlockKind.BOX_TITLE]
    assert titles == ["My own tip", "Read this first", "A MyST title"]
    texts = {"My own tip": "Mit eget tip", "Read this first": "Læs dette først"}
    written = translated_markdown(source, document, "da", texts).text
    assert written == source.replace("My own tip", "Mit eget tip").replace(
        "Read this first", "Læs dette først"
    )


TABS = (
    '# Tips\n\n=== "Do"\n\n    ```python\n    client = TestClient(app)\n    ```\n\n'
    '    Use the **client**.\n\n=== "Don\'t"\n\n    Use globals.\n\nAfter.\n'
)


def test_content_tabs_are_boxes_whose_titles_and_text_are_translated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs Material's `=== "Title"` tabs: CommonMark read the tab's text as one code
    block, fence lines and all, and sent the `=== "Do"` lines to translators."""
    texts = {"Do": "Gør", "Don't": "Lad være", "Use the **client**.": "Brug **klienten**."}
    texts |= {"Use globals.": "Brug globale variabler.", "Tips": "Råd", "After.": "Efter."}
    path = tmp_path / "doc.md"
    path.write_text(TABS, encoding="utf-8")
    blocks = [(block.kind.value, block.text) for block in read_document(path, lang="en").blocks]
    assert blocks == [
        ("heading", "Tips"), ("box title", "Do"), ("paragraph", "Use the **client**."),
        ("box title", "Don't"), ("paragraph", "Use globals."), ("paragraph", "After."),
    ]  # fmt: skip
    written = translate(tmp_path, TABS, texts)
    assert '=== "Gør"\n\n    ```python\n    client = TestClient(app)\n    ```' in written
    assert '=== "Lad være"\n\n    Brug globale variabler.\n\nEfter.\n' in written
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/tips.md").write_text(TABS)
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(tmp_path / "locales/da/LC_MESSAGES/tips.po"))
    for entry in po:
        entry.msgstr = texts[entry.msgid]
    po.save()
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (tmp_path / "build/html/da/tips.html").read_text()
    assert '<div class="admonition" role="group">\n<p class="admonition-title">Gør</p>' in html
    assert "<pre><code>client = TestClient(app)\n</code></pre>" in html
    assert "```" not in html


def test_a_translation_cannot_add_attributes_or_unsafe_urls(tmp_path: Path) -> None:
    source = 'Press <kbd>Ctrl</kbd>.\n\nSee [the guide](guide.md).\n\nAn image: <img src="a.png" alt="Logo">\n'
    document = document_of(tmp_path, source)
    texts = {
        "Press <kbd>Ctrl</kbd>.": 'Tryk <kbd onclick="steal()">Ctrl</kbd>.',
        "See [the guide](guide.md).": "Se [guiden](javascript:steal()).",
        'An image: <img src="a.png" alt="Logo">': 'Et billede: <img src="a.png" alt="Logo">',
    }
    result = translated_markdown(source, document, "da", texts)
    assert [p.message for p in result.problems] == [
        "the translation adds HTML its source does not have: onclick= on <kbd>",
        "the translation adds a 'javascript' URL its source does not have",
    ]
    assert result.text == source.replace("An image:", "Et billede:")


def test_a_translation_that_leaves_a_code_span_open_keeps_the_source(tmp_path: Path) -> None:
    """mkdocs-print-site-plugin's docs: check reported the lone backtick, export wrote it."""
    source = "Run `pip install x` now.\n\nUse ``a`b``.\n"
    document = document_of(tmp_path, source)
    texts = {"Run `pip install x` now.": "Kør `pip install x nu.", "Use ``a`b``.": "Brug ``a`b``."}
    result = translated_markdown(source, document, "da", texts)
    assert [p.message for p in result.problems] == [
        "the translation opens a code span it does not close (a lone `)"
    ]
    assert result.text == "Run `pip install x` now.\n\nBrug ``a`b``.\n"


def test_an_escaped_backtick_is_a_character_not_a_code_span(tmp_path: Path) -> None:
    """make's man page as pandoc writes it (`\\`-'`): export refused the translation as
    "a lone `", and check said a code span was lost."""
    source = "If *makefile* is '-', it reads.\n\nThe \\`\\`Question mode'' returns.\n"
    document = document_of(tmp_path, source)
    texts = {
        "If *makefile* is '-', it reads.": "Hvis *makefilen* er \\`-', læses den.",
        "The \\`\\`Question mode'' returns.": "“Spørgetilstand” returnerer.",
    }
    result = translated_markdown(source, document, "da", texts)
    assert result.problems == []
    assert result.text == "Hvis *makefilen* er \\`-', læses den.\n\n“Spørgetilstand” returnerer.\n"
    from pipeline.checks.literals import markup_counts

    assert markup_counts(texts["The \\`\\`Question mode'' returns."]) == markup_counts(
        "“Spørgetilstand” returnerer."
    )


def test_min_translated_holds_back_a_translation_begun_but_not_a_page_without_prose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of code only warned "only 0 of 0 units translated, under min-translated"."""
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/begun.md").write_text("# Begun\n\nOne.\n\nTwo.\n\nThree.\n")
    (tmp_path / "source/en/code.md").write_text("---\nlang: en\n---\n\n```\nmake\n```\n")
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(tmp_path / "locales/da/LC_MESSAGES/begun.po"))
    po.find("One.").msgstr = "En."
    po.save()
    result = run_cli("export", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert (
        "warning: build/markdown/da/begun.md: only 1 of 4 units translated, under "
        "min-translated 80%: the source language's text is written"
    ) in result.stderr
    assert "1 file held back in the source language, under min-translated 80%" in result.stdout
    assert "code.md" not in result.stderr
    assert "En." not in (tmp_path / "build/markdown/da/begun.md").read_text()
    assert "make" in (tmp_path / "build/markdown/da/code.md").read_text()


def test_a_code_spans_angle_brackets_are_no_html(tmp_path: Path) -> None:
    """attrs' docs: a MyST role "{term}`dunder-metoder <dunder methods>`" was refused as
    unbalanced HTML, and the unit fell back to English."""
    source = "Write {term}`dunder methods` and `<b>`.\n"
    texts = {
        "Write {term}`dunder methods` and `<b>`.": (
            "Skriv {term}`dunder-metoder <dunder methods>` og `<b>`."
        )
    }
    written = translate(tmp_path, source, texts)
    assert written == "Skriv {term}`dunder-metoder <dunder methods>` og `<b>`.\n"
    hostile = {"Write {term}`dunder methods` and `<b>`.": "Skriv `x` <script>alert(1)</script>"}
    assert translate(tmp_path, source, hostile) == source


def test_myst_targets_are_anchors_and_definition_lists_are_lists(tmp_path: Path) -> None:
    """attrs' docs: "(asdict)=" was a unit no translator could finish, and a definition
    list's ": " began each definition's unit."""
    source = "(asdict)=\n\n## Converting\n\nfrozen\n: Instances cannot be changed.\n"
    document = document_of(tmp_path, source)
    assert [block.text for block in document.blocks] == [
        "Converting",
        "frozen",
        "Instances cannot be changed.",
    ]
    texts = {
        "Converting": "Konvertering",
        "frozen": "frossen",
        "Instances cannot be changed.": "Instanser kan ikke ændres.",
    }
    written = translated_markdown(source, document, "da", texts).text
    assert written == "(asdict)=\n\n## Konvertering\n\nfrossen\n: Instanser kan ikke ændres.\n"
    html = MARKDOWN.render(source)
    assert '<a id="asdict"></a>' in html
    assert "<dt>frozen</dt>\n<dd>Instances cannot be changed.</dd>" in html


@pytest.mark.parametrize(
    ("source", "texts", "written"),
    [
        # sphinx-book-theme's docs: `:class: margin` and the note's text were one unit,
        # written back on one line, and Sphinx stopped ("Content block expected").
        (
            "(setup/install)=\n# Visit\n\n:::{note}\n:class: margin\nBring your card.\n:::\n\n"
            ":::{admonition} Before the visit\n:class: tip\n\nDo not eat.\n:::\n",
            {
                "Visit": "Besøg",
                "Bring your card.": "Husk dit kort.",
                "Before the visit": "Før besøget",
                "Do not eat.": "Spis ikke.",
            },
            "(setup/install)=\n# Besøg\n\n:::{note}\n:class: margin\nHusk dit kort.\n:::\n\n"
            ":::{admonition} Før besøget\n:class: tip\n\nSpis ikke.\n:::\n",
        ),
        # `:::{toctree}`'s entries were a unit (translated, the navigation breaks),
        # `:::{figure}`'s image path a title to translate, and a figure's caption and a
        # margin's note never reached the translators.
        (
            ":::{toctree}\n:maxdepth: 2\n\nintro\nusage\n:::\n\n"
            ":::{figure} ../img/eye.png\n:alt: The eye\n\nThe eye from the side.\n:::\n\n"
            "```{margin} Side note\nA margin note.\n```\n",
            {
                "The eye": "Øjet",
                "The eye from the side.": "Øjet set fra siden.",
                "Side note": "Sidenote",
                "A margin note.": "En note i margenen.",
            },
            ":::{toctree}\n:maxdepth: 2\n\nintro\nusage\n:::\n\n"
            ":::{figure} ../img/eye.png\n:alt: Øjet\n\nØjet set fra siden.\n:::\n\n"
            "```{margin} Sidenote\nEn note i margenen.\n```\n",
        ),
        # What Sphinx shows readers and our units left out: an image's `:alt:`, a
        # toctree's and a code block's `:caption:`, a version note's text and a
        # list-table's caption and cells. Their other options and the version stay.
        (
            "```{toctree}\n:caption: Before you come\n:maxdepth: 1\n\nrules\n```\n\n"
            "```{image} eye.png\n:alt: A nurse at the desk\n:width: 200px\n```\n\n"
            "```{versionchanged} 2.1\nVisits end at eight.\n```\n\n"
            "```{list-table} Visiting hours\n:header-rows: 1\n\n* - Day\n  - Hours\n```\n\n"
            "```{code-block} python\n:caption: A script\n\nprint('Day')\n```\n",
            {
                "Before you come": "Før du kommer",
                "A nurse at the desk": "En sygeplejerske i skranken",
                "Visits end at eight.": "Besøg slutter klokken otte.",
                "Visiting hours": "Besøgstider",
                "Day": "Dag",
                "Hours": "Tidspunkt",
                "A script": "Et script",
            },
            "```{toctree}\n:caption: Før du kommer\n:maxdepth: 1\n\nrules\n```\n\n"
            "```{image} eye.png\n:alt: En sygeplejerske i skranken\n:width: 200px\n```\n\n"
            "```{versionchanged} 2.1\nBesøg slutter klokken otte.\n```\n\n"
            "```{list-table} Besøgstider\n:header-rows: 1\n\n* - Dag\n  - Tidspunkt\n```\n\n"
            "```{code-block} python\n:caption: Et script\n\nprint('Day')\n```\n",
        ),
        # Options as a YAML block (review): the alt was lost, and a colon fence's keys
        # were read as a heading ("class: tip").
        (
            '```{figure} a.png\n---\nwidth: 60%\nalt: "The eye"\n---\nIts caption.\n```\n\n'
            ":::{note}\n---\nclass: tip\n---\nBody.\n:::\n",
            {"The eye": "Øjet", "Its caption.": "Dets billedtekst.", "Body.": "Brødtekst."},
            '```{figure} a.png\n---\nwidth: 60%\nalt: "Øjet"\n---\nDets billedtekst.\n```\n\n'
            ":::{note}\n---\nclass: tip\n---\nBrødtekst.\n:::\n",
        ),
    ],
    ids=["colon-fence-options", "directives", "options-versions-list-tables", "yaml-options"],
)
def test_myst_directives_give_their_prose_and_keep_the_rest(
    tmp_path: Path, source: str, texts: dict[str, str], written: str
) -> None:
    document = document_of(tmp_path, source)
    assert [block.text for block in document.blocks] == list(texts)  # the units, in order
    assert translated_markdown(source, document, "da", texts).text == written


def test_a_glossarys_definitions_are_units_and_its_terms_stay(tmp_path: Path) -> None:
    """A `{glossary}` was kept as code: its definitions never reached translators. Its
    terms stay, as Sphinx makes their ids and `{term}` references from them; a real
    Sphinx 9 build of the Danish export resolves `{term}`vector``."""
    source = (
        "```{glossary}\n:sorted:\n\ngene therapy\n  A treatment that changes\n  a gene.\n\n"
        "  It can help.\n\nvector\n  A carrier.\n```\n"
    )
    texts = {
        "A treatment that changes a gene.": "En behandling, der ændrer et gen.",
        "It can help.": "Den kan hjælpe.",
        "A carrier.": "En bærer.",
    }
    assert [b.text for b in document_of(tmp_path, source).blocks] == [*texts]
    assert translate(tmp_path, source, texts) == (
        "```{glossary}\n:sorted:\n\ngene therapy\n  En behandling, der ændrer et gen.\n\n"
        "  Den kan hjælpe.\n\nvector\n  En bærer.\n```\n"
    )


def test_a_version_notes_words_after_its_version_are_translated_in_place(tmp_path: Path) -> None:
    """Sphinx reads `{versionadded} 2.5 The spam parameter.`: version, then text (review)."""
    source = "```{versionadded} 2.5 The spam parameter.\nMore.\n```\n"
    texts = {"The spam parameter.": "Spam-parameteren.", "More.": "Mere."}
    assert (
        translate(tmp_path, source, texts)
        == "```{versionadded} 2.5 Spam-parameteren.\nMere.\n```\n"
    )


def test_myst_label_links_and_roles_read_as_sphinx_shows_them() -> None:
    """Our page showed `[](visit-checklist)` as an empty link to no file, and
    ``{ref}`the checklist <visit-checklist>` `` as its source."""
    source = (
        "(visit-checklist)=\n## Checklist\n\n"
        "See [](visit-checklist), {ref}`the checklist <visit-checklist>` and {term}`AAV`, "
        "not `{ref}` or `code`.\n"
    )
    import pipeline.export.to_html  # noqa: F401  (our pages' render rules)

    html = MARKDOWN.render(source)
    assert (
        '<p>See <a href="#visit-checklist">Checklist</a>, the checklist and AAV, '
        "not <code>{ref}</code> or <code>code</code>.</p>"
    ) in html
