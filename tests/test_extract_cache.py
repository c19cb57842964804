"""extract skips documents whose files are as it left them, and only those."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from pipeline.stages import extract

from .conftest import run_cli, snapshot, spy_on_loading

DA_PO = "locales/en/LC_MESSAGES/vektorer.po"


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return spy_on_loading(monkeypatch, extract)


def test_an_unchanged_project_is_not_read_again(
    project: Callable[[str], Path], loaded: list[str]
) -> None:
    root = project("minimal")
    first = run_cli("extract")
    assert sorted(loaded) == ["vectors.md", "vektorer.md"]
    before = snapshot(root)
    loaded.clear()
    second = run_cli("extract")
    assert loaded == []
    assert snapshot(root) == before
    assert second.stdout.splitlines()[-1] == first.stdout.splitlines()[-1].replace(
        "4 catalog files written, 0 unchanged", "0 catalog files written, 4 unchanged"
    )


def test_a_translators_edit_and_a_source_edit_are_both_kept(
    project: Callable[[str], Path], loaded: list[str]
) -> None:
    root = project("minimal")
    run_cli("extract")
    catalog = polib.pofile(str(root / DA_PO))
    catalog[0].msgstr = "Translated by hand"
    catalog.save()
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text() + "\nEt nyt afsnit til sidst.\n")
    loaded.clear()
    result = run_cli("extract")
    assert loaded == ["vektorer.md"]
    assert f"updated {DA_PO}: " in result.stdout
    merged = polib.pofile(str(root / DA_PO))
    assert merged.find(catalog[0].msgid).msgstr == "Translated by hand"
    assert merged.find("Et nyt afsnit til sidst.") is not None


def test_a_deleted_catalog_is_written_again(
    project: Callable[[str], Path], loaded: list[str]
) -> None:
    root = project("minimal")
    run_cli("extract")
    before = snapshot(root)
    (root / DA_PO).unlink()
    loaded.clear()
    run_cli("extract")
    assert loaded == ["vektorer.md"]
    assert snapshot(root) == before


def test_a_glossary_change_reaches_the_translator_notes(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace("[tool.pipeline]", '[tool.pipeline]\nglossary = "terms.csv"')
    )
    glossary = root / "terms.csv"
    header = "concept,lang,term,status\n"
    glossary.write_text(header + "cell,da,celle,preferred\ncell,en,cell,preferred\n")
    assert run_cli("extract").exit_code == 0
    assert "glossary: vektor" not in (root / DA_PO).read_text()
    glossary.write_text(header + "vector,da,vektor,preferred\nvector,en,vector,preferred\n")
    assert run_cli("extract").exit_code == 0
    assert "glossary: vektor → vector" in (root / DA_PO).read_text()


def during_planning(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Run `action` (someone else's save) once, while extract plans a document."""
    real = extract.load_source

    def load_and_act(config: object, path: Path) -> object:
        source = real(config, path)  # type: ignore[arg-type]
        if path.name == "vektorer.md":
            action()
            monkeypatch.setattr(extract, "load_source", real)
        return source

    monkeypatch.setattr(extract, "load_source", load_and_act)


def test_a_catalog_saved_during_extract_is_not_overwritten(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project("minimal")
    run_cli("extract")
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text() + "\nEt nyt afsnit til sidst.\n")

    def translator_saves() -> None:
        catalog = polib.pofile(str(root / DA_PO))
        catalog[0].msgstr = "Saved by the translator meanwhile"
        catalog.save()

    during_planning(monkeypatch, translator_saves)
    result = run_cli("extract")
    assert f"warning: {DA_PO}: changed while extract ran; left as it is" in result.stderr
    assert polib.pofile(str(root / DA_PO))[0].msgstr == "Saved by the translator meanwhile"
    assert f"updated {DA_PO}" in run_cli("extract").stdout  # the next run merges it
    merged = polib.pofile(str(root / DA_PO))
    assert merged[0].msgstr == "Saved by the translator meanwhile"
    assert merged.find("Et nyt afsnit til sidst.") is not None


def test_a_source_edited_during_extract_is_extracted_next_time(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project("minimal")
    run_cli("extract")
    (root / DA_PO).unlink()  # so the document is planned
    source = root / "source/da/vektorer.md"
    during_planning(monkeypatch, lambda: source.write_text(source.read_text() + "\nSent.\n"))
    result = run_cli("extract")
    assert "source/da/vektorer.md: changed while extract ran" in result.stderr
    run_cli("extract")
    assert polib.pofile(str(root / DA_PO)).find("Sent.") is not None


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SOURCE_DATE_EPOCH", "abc", "error: SOURCE_DATE_EPOCH must be a whole number"),
        ("PIPELINE_JOBS", "-3", "error: PIPELINE_JOBS must be a whole number of processes"),
    ],
)
def test_a_bad_environment_variable_is_one_line(
    project: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    message: str,
) -> None:
    project("minimal")
    monkeypatch.setenv(variable, value)
    for flags in ((), ("--no-cache",)):
        result = run_cli("extract", *flags)
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert message in result.stderr


@pytest.mark.parametrize("value", ["²", "99999999999999", "-5", "1e9"])
def test_source_date_epoch_must_be_a_plain_number(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    project("minimal")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = run_cli("extract")
    assert result.exit_code == 2
    assert "error: SOURCE_DATE_EPOCH must be a whole number" in result.stderr
