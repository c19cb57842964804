"""`pipeline align`: an existing translation fills a document's catalog, for review."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tests.conftest import copy_of_the_project, msgfmt_check, run_cli

CATALOG = Path("locales/en/LC_MESSAGES/genterapi.po")


@pytest.fixture(scope="module")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's English pages as translated Markdown, from its human translations."""
    root = copy_of_the_project(tmp_path_factory.mktemp("exported"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert run_cli("export", "--format", "markdown").exit_code == 0
    return root / "build" / "markdown" / "en"


@pytest.fixture
def blank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The sample project with genterapi's English catalog emptied; returns what it held."""
    copy_of_the_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    catalog = _read(CATALOG)
    truth = {str(m.id): str(m.string) for m in catalog if m.id}
    for message in catalog:
        message.string, message.flags = "", set()
    _write(CATALOG, catalog)
    return truth


def _read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as stream:
        write_po(stream, catalog)


def test_a_translation_fills_every_unit_it_renders_as_fuzzy_with_its_origin(
    blank: dict[str, str], translations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796540400")  # 2026-12-06 07:00 UTC
    result = run_cli("align", "source/da/genterapi.md", str(translations / "genterapi.md"))
    assert result.exit_code == 0, result.stderr
    assert f"{len(blank)} of {len(blank)} units aligned ({len(blank)} fuzzy)" in result.stdout
    catalog = _read(CATALOG)
    filled = [message for message in catalog if message.id]
    assert {str(m.id): m.string for m in filled} == blank
    assert all(message.fuzzy for message in filled)
    origin = filled[0].user_comments[-1]
    assert re.fullmatch(r"aligned from .*genterapi\.md:\d+", origin)
    assert msgfmt_check(CATALOG).returncode == 0
    # translations were written in: the catalog's revision date says when
    assert '"PO-Revision-Date: 2026-12-06 07:00+0000\\n"' in CATALOG.read_text()


def test_accept_fills_as_translated_and_an_existing_translation_is_never_overwritten(
    blank: dict[str, str], translations: Path
) -> None:
    catalog = _read(CATALOG)
    first = next(message for message in catalog if message.id)
    first.string = "Our own title"
    _write(CATALOG, catalog)
    result = run_cli(
        "align", "--accept", "source/da/genterapi.md", str(translations / "genterapi.md")
    )
    assert result.exit_code == 0, result.stderr
    assert "1 already translated, kept" in result.stdout
    after = {str(m.id): m for m in _read(CATALOG) if m.id}
    assert after[str(first.id)].string == "Our own title"
    others = [m for key, m in after.items() if key != first.id]
    assert all(not m.fuzzy and m.string == blank[str(m.id)] for m in others)


def test_a_translation_that_differs_in_structure_leaves_gaps_rather_than_wrong_pairs(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    paragraphs = (translations / "genterapi.md").read_text().split("\n\n")
    merged = [*paragraphs[:3], paragraphs[3] + " " + paragraphs[4], *paragraphs[5:]]
    del merged[8]  # a paragraph the translator left out
    merged.insert(12, "This page also exists in easy-to-read English.")  # one the original lacks
    edited = tmp_path / "gene-therapy.md"
    edited.write_text("\n\n".join(merged))
    result = run_cli("align", "source/da/genterapi.md", str(edited))
    assert result.exit_code == 0, result.stderr
    filled = {str(m.id): m.string for m in _read(CATALOG) if m.id and m.string}
    wrong = {key: text for key, text in filled.items() if blank[key] not in text}
    assert not wrong
    assert len(filled) >= 0.85 * len(blank)
    assert "This page also exists" not in " ".join(filled.values())


def test_a_dry_run_shows_the_pairs_and_writes_nothing(
    blank: dict[str, str], translations: Path
) -> None:
    before = CATALOG.read_bytes()
    result = run_cli(
        "align", "--dry-run", "source/da/genterapi.md", str(translations / "genterapi.md")
    )
    assert result.exit_code == 0, result.stderr
    assert "What is gene therapy?" in result.stdout
    assert "not written" in result.stdout
    assert CATALOG.read_bytes() == before


def test_pairs_come_from_a_list_or_from_two_folders_with_the_same_tree(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    pairs = tmp_path / "pairs.txt"
    pairs.write_text(
        f"# original\ttranslation\nsource/da/genterapi.md\t{translations}/genterapi.md\n"
    )
    result = run_cli("align", "--pairs", str(pairs), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "source/da/genterapi.md ←" in result.stdout
    result = run_cli("align", "source/da", str(translations), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(" ← ") == len(list(Path("source/da").glob("*.md")))


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("", "empty.md", "the file has no text to align"),
        (
            "<!DOCTYPE html><html><body><p>Gene therapy</p></body></html>",
            "page.md",
            "not a Markdown file",
        ),
        ("# Gene therapy\n", "page.html", "not a Markdown file"),
    ],
)
def test_bad_translation_files_get_one_line_and_nothing_is_written(
    blank: dict[str, str], tmp_path: Path, content: str, name: str, message: str
) -> None:
    before = CATALOG.read_bytes()
    path = tmp_path / name
    path.write_text(content)
    result = run_cli("align", "--lang", "en", "source/da/genterapi.md", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert name in result.stderr
    assert CATALOG.read_bytes() == before


def test_a_file_in_the_original_language_is_refused(blank: dict[str, str]) -> None:
    before = CATALOG.read_bytes()
    result = run_cli("align", "--lang", "en", "source/da/genterapi.md", "source/da/genterapi.md")
    assert result.exit_code == 2
    assert "the file is in Danish, not English" in result.stderr
    assert CATALOG.read_bytes() == before


@pytest.mark.parametrize("other", ["car-t-celleterapi.md", "what-is-atmp.md"])
def test_the_translation_of_another_document_is_refused(
    blank: dict[str, str], translations: Path, other: str
) -> None:
    """Even one on the same subject, sharing its glossary terms and its outline."""
    before = CATALOG.read_bytes()
    result = run_cli("align", "source/da/genterapi.md", str(translations / other))
    assert result.exit_code == 2
    assert "does not look like a translation of source/da/genterapi.md" in result.stderr
    assert "--force" in result.stderr
    assert CATALOG.read_bytes() == before
    forced = run_cli("align", "--force", "source/da/genterapi.md", str(translations / other))
    assert forced.exit_code == 0


def test_a_catalog_saved_under_a_markdown_name_is_not_markdown(
    blank: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "genterapi.md"
    path.write_text(f"# Danish translation\n{CATALOG.read_text()}")
    result = run_cli("align", "--lang", "en", "source/da/genterapi.md", str(path))
    assert result.exit_code == 2
    assert "not a Markdown file" in result.stderr


def test_the_summary_counts_translations_kept_whether_paired_or_not(
    blank: dict[str, str], translations: Path
) -> None:
    run_cli("align", "--accept", "source/da/genterapi.md", str(translations / "genterapi.md"))
    again = run_cli("align", "source/da/genterapi.md", str(translations / "genterapi.md"))
    assert (
        f"0 of {len(blank)} units aligned (0 fuzzy), 0 left empty, {len(blank)} already translated"
        in again.stdout
    )


def test_fuzzy_translations_are_kept_and_named_for_review_not_counted_as_done(
    blank: dict[str, str], translations: Path
) -> None:
    catalog = _read(CATALOG)
    title, done, *_ = (message for message in catalog if message.id)
    title.string, title.flags = "A draft title", {"fuzzy"}
    done.string = blank[str(done.id)]
    _write(CATALOG, catalog)
    result = run_cli("align", "source/da/genterapi.md", str(translations / "genterapi.md"))
    assert result.exit_code == 0, result.stderr
    summary, named, *_ = result.stdout.splitlines()
    assert ", 1 already translated, kept, 1 fuzzy, kept for review, " in summary
    assert re.fullmatch(rf" +\d+ fuzzy, kept for review: {re.escape(str(title.id))}", named)
    after = {str(m.id): m for m in _read(CATALOG) if m.id}
    assert after[str(title.id)].string == "A draft title"
    assert after[str(title.id)].fuzzy


def test_the_language_comes_from_the_locale_folder_when_nothing_else_says(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "old-site" / "en"
    folder.mkdir(parents=True)
    text = (translations / "genterapi.md").read_text()
    (folder / "gene-therapy.md").write_text(re.sub(r"(?m)^lang: en\n", "", text))
    result = run_cli(
        "align", "--dry-run", "source/da/genterapi.md", str(folder / "gene-therapy.md")
    )
    assert result.exit_code == 0, result.stderr
    assert "(en):" in result.stdout


def test_a_unit_that_takes_two_pieces_stays_fuzzy_and_names_them_even_with_accept(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    """The second piece may be a paragraph the original lacks: the reviewer must see both
    (--accept took the pair as translated, and the comment and dry run named the first)."""
    split = tmp_path / "gene-therapy.md"
    text = (translations / "genterapi.md").read_text()
    split.write_text(text.replace("to disease. For example,", "to disease.\n\nFor example,"))
    lines = split.read_text().splitlines()
    first, second = (
        next(number for number, line in enumerate(lines, 1) if line.startswith(start))
        for start in ("If there is an error", "For example, the cell")
    )
    dry = run_cli("align", "--dry-run", "--accept", "source/da/genterapi.md", str(split))
    assert f" → {first},{second} " in dry.stdout
    result = run_cli("align", "--accept", "source/da/genterapi.md", str(split))
    assert result.exit_code == 0, result.stderr
    after = {str(m.id): m for m in _read(CATALOG) if m.id}
    [key] = [key for key, text in blank.items() if "lead to disease. For" in text]
    assert after[key].string == blank[key]
    assert after[key].fuzzy
    assert f"gene-therapy.md:{first}, {second} (2 pieces there" in after[key].user_comments[-1]
    assert not any(m.fuzzy for other, m in after.items() if other != key and m.string)
    assert msgfmt_check(CATALOG).returncode == 0


def test_a_folder_run_says_which_catalogs_it_wrote_when_a_pair_is_refused(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    """One refused pair said "nothing was written" while the run wrote the others."""
    old = tmp_path / "old"
    old.mkdir()
    (old / "genterapi.md").write_text((translations / "genterapi.md").read_text())
    (old / "car-t-celleterapi.md").write_text((translations / "what-is-atmp.md").read_text())
    result = run_cli("align", "source/da", str(old))
    assert result.exit_code == 2
    assert "its catalog was not written" in result.stderr
    assert "align: 2 pairs, 1 refused; 1 catalog written" in result.stderr
    assert "wrote locales/en/LC_MESSAGES/genterapi.po" in result.stdout


def test_a_dry_run_names_the_units_left_empty(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    paragraphs = (translations / "genterapi.md").read_text().split("\n\n")
    edited = tmp_path / "gene-therapy.md"
    edited.write_text("\n\n".join(paragraphs[:8] + paragraphs[9:]))  # one left out
    result = run_cli("align", "--dry-run", "source/da/genterapi.md", str(edited))
    assert result.exit_code == 0, result.stderr
    summary = re.search(r"(\d+) left empty", result.stdout)
    assert summary is not None
    named = re.findall(r"✗ +left empty: ", result.stdout)
    assert len(named) == int(summary.group(1)) >= 1


def test_the_hint_for_a_translation_of_unknown_language_names_the_language_it_may_be(
    blank: dict[str, str], translations: Path, tmp_path: Path
) -> None:
    """A Danish original's translation was told "e.g. --lang en" in an English project
    and "--lang en" for a Danish one alike: the hint names the project's other locale."""
    text = (translations / "genterapi.md").read_text()
    path = tmp_path / "gene-therapy.md"
    path.write_text(re.sub(r"(?m)^lang: en\n", "", text))
    result = run_cli("align", "source/en/what-is-atmp.md", str(path))
    assert result.exit_code == 2
    assert "pass --lang da, or add 'lang: da' to its front matter" in result.stderr


def test_the_run_names_the_check_that_reviews_its_guesses_and_that_check_reads_them(
    blank: dict[str, str], translations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reviewer of align's output got no check at all: `check` leaves fuzzy entries out.
    The command it names runs from where align ran (here a folder of the project)."""
    aligned = translations.parent / "aligned.md"
    text = (translations / "genterapi.md").read_text()
    aligned.write_text(text.replace("20,000 genes", "2,000 genes"))  # a wrong number
    monkeypatch.chdir("source")
    result = run_cli("align", "da/genterapi.md", str(aligned))
    catalog = Path("..") / CATALOG
    assert f"  review it: pipeline check --fuzzy {catalog}" in result.stdout.splitlines()
    given = ("--format", "json", "--source-lang", "da", str(catalog))  # babel dropped it
    review = run_cli("check", "--fuzzy", *given)
    numbers = [f for f in json.loads(review.stdout) if f["rule"] == "translation/numbers"]
    assert {f["message"] for f in numbers} == {
        "the number 20.000 of the source is not in the translation",
        "the translation has the number 2,000, the source does not",
    }
    quiet = run_cli("check", *given)
    assert not [f for f in json.loads(quiet.stdout) if f["rule"] == "translation/numbers"]
