"""The repository's own content is the product's demo: hold it to the issue's bar."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import polib
import pytest

from pipeline.source.anchors import anchors, is_remote
from pipeline.source.markdown import BlockKind, read_document
from pipeline.source.syntax import MARKDOWN

from .conftest import REPO, copy_of_the_project, msgfmt_check, run_cli, snapshot

SOURCES = sorted((REPO / "source").rglob("*.md"))
CATALOGS = sorted((REPO / "locales").rglob("*.po"))


def test_there_are_enough_documents_in_both_languages() -> None:
    langs = [read_document(path).lang for path in SOURCES]
    assert len(SOURCES) >= 5
    assert langs.count("da") >= 2
    assert langs.count("en") >= 2


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_document_uses_real_markdown_and_has_300_to_900_words(path: Path) -> None:
    text = path.read_text()
    body = text.split("\n---\n", 1)[1]
    words = len(re.findall(r"\w+", re.sub(r"\]\([^)]*\)", "]", body)))
    assert 300 <= words <= 900
    document = read_document(path)
    kinds = {block.kind for block in document.blocks}
    assert kinds >= {
        BlockKind.TITLE,
        BlockKind.DESCRIPTION,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.ALT_TEXT,
    }
    levels = {block.heading_level for block in document.blocks if block.kind is BlockKind.HEADING}
    assert len(levels) >= 3
    assert re.search(r"^\d+\. ", body, re.M)
    assert re.search(r"^- ", body, re.M)
    assert "**" in body
    assert re.search(r"(?<!\*)\*[^*\s]", body)
    assert "](http" in body
    image = re.search(r"!\[[^\]]+\]\(([^)]+)\)", body)
    assert image
    assert (path.parent / image.group(1)).is_file()


def test_some_documents_have_tables() -> None:
    with_tables = [
        p for p in SOURCES if any(b.kind is BlockKind.TABLE_CELL for b in read_document(p).blocks)
    ]
    assert len(with_tables) >= 2


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_every_catalog_is_complete_and_valid(path: Path) -> None:
    check = msgfmt_check(path)
    assert check.returncode == 0, check.stderr
    catalog = polib.pofile(str(path))
    assert catalog.percent_translated() == 100
    assert not catalog.fuzzy_entries()


def test_every_document_has_a_catalog_in_the_other_language() -> None:
    for path in SOURCES:
        document = read_document(path)
        other = "en" if document.lang == "da" else "da"
        assert (REPO / "locales" / other / "LC_MESSAGES" / f"{document.name}.po").is_file()


def test_catalogs_are_up_to_date_with_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_of_the_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = run_cli("extract")
    assert result.exit_code == 0, result.stderr
    assert snapshot(tmp_path) == before, "run `pipeline extract` and commit the catalogs"


def test_sample_content_meets_its_reading_level_targets() -> None:
    from pipeline.project.config import load_config
    from pipeline.source.tree import load_sources
    from pipeline.stages.readability import score_project

    config = load_config(REPO / "pyproject.toml", {})
    run = score_project(config, load_sources(config))
    assert len(run.documents) == 12
    assert all(score.counts.words > 300 for score in run.documents)
    assert [f"{f.path}:{f.line}: {f.message}" for f in run.findings] == []


def test_our_content_checks_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    result = run_cli("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert (
        "glossary source/glossary.tbx (da 53, en 53 concepts); 0 errors, 0 warnings"
        in result.stderr
    )


def test_seeded_mistakes_in_a_copy_are_each_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_of_the_project(tmp_path)
    monkeypatch.chdir(root)

    def seed(path: str, old: str, new: str) -> None:
        file = root / path
        text = file.read_text()
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1))

    seed(
        "source/da/bloedersyge-b.md",
        "Læs om genterapi med Hemgenix",
        "Læs om genbehandling med Hemgenix",
    )
    seed(
        "locales/da/LC_MESSAGES/inherited-retinal-disease.po",
        'msgstr "Luxturna"',
        'msgstr "Luxtura"',
    )
    seed(
        "locales/en/LC_MESSAGES/genterapi.po",
        'msgstr "What is gene therapy?"',
        'msgstr "What is gene treatment?"',
    )
    seed(
        "locales/da/LC_MESSAGES/spinal-muscular-atrophy.po",
        "nogle tilfælde kan genterapi bremse",
        "nogle tilfælde kan behandlingen bremse",
    )
    seed(  # English left in a Danish translation
        "locales/da/LC_MESSAGES/inherited-retinal-disease.po",
        'msgstr "Hvor ofte skal jeg til kontrol bagefter?"',
        'msgstr "Hvor ofte skal jeg til kontrol? How often will I need check-ups afterwards?"',
    )
    seed(  # an acronym before its full form
        "locales/en/LC_MESSAGES/car-t-celleterapi.po",
        '[what advanced "\n"therapy medicinal products (ATMPs) are]',
        "[what ATMPs are]",
    )
    result = run_cli("check", "--format", "json")
    assert result.exit_code == 1
    caught = {(f["path"], f["rule"], f["data"].get("concept")) for f in json.loads(result.stdout)}
    assert caught == {
        ("source/da/bloedersyge-b.md", "term/deprecated", "gene-therapy"),
        ("locales/da/LC_MESSAGES/inherited-retinal-disease.po", "term/untranslatable", "luxturna"),
        # … and the misspelt name is an unknown word too
        ("locales/da/LC_MESSAGES/inherited-retinal-disease.po", "spelling/unknown-word", None),
        ("locales/en/LC_MESSAGES/genterapi.po", "term/deprecated", "gene-therapy"),
        (
            "locales/da/LC_MESSAGES/spinal-muscular-atrophy.po",
            "term/missing-translation",
            "gene-therapy",
        ),
        ("locales/da/LC_MESSAGES/inherited-retinal-disease.po", "translation/wrong-language", None),
        # … and the same English passage, listed for export (info)
        ("locales/da/LC_MESSAGES/inherited-retinal-disease.po", "a11y/language-of-parts", None),
        ("locales/en/LC_MESSAGES/car-t-celleterapi.po", "a11y/abbreviation", "atmp"),
        # the seeded source edit was not extracted, so its catalog is out of date
        ("locales/en/LC_MESSAGES/bloedersyge-b.po", "translation/outdated", None),
    }


def test_our_translations_as_markdown_render_with_their_sources_structure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real translation of each sample document, written back as Markdown, shows on
    GitHub the source's elements in the same order, with the same links and images."""
    from tests.export.github import github_html, shown, without_front_matter

    root = copy_of_the_project(tmp_path)
    monkeypatch.chdir(root)
    result = run_cli("export", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    for path in SOURCES:
        lang, name = path.parent.name, path.stem
        other = "en" if lang == "da" else "da"
        source = without_front_matter(path.read_text(encoding="utf-8"))
        written = (root / "build/markdown" / other / f"{name}.md").read_text(encoding="utf-8")
        assert f"\nlang: {other}\n" in written
        theirs, ours = shown(github_html(source)), shown(github_html(without_front_matter(written)))
        assert ours.counts == theirs.counts, name
        # The same links; one into a translated heading follows its id in this language.
        assert [link.split("#")[0] for link in ours.links] == [
            link.split("#")[0] for link in theirs.links
        ], name
        for link in ours.links:
            page, _, anchor = unquote(link).partition("#")
            if anchor and not is_remote(page):
                target = root / "build/markdown" / other / (page or f"{name}.md")
                assert anchor in anchors(MARKDOWN.parse(target.read_text())), (name, link)
        assert written != (root / "build/markdown" / lang / f"{name}.md").read_text(
            encoding="utf-8"
        )
