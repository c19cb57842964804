"""Text as edited is checked by the same engine as the file on disk: same findings, same JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli.options import resolve_config
from pipeline.stages.live import (
    check_edited,
    check_json,
    check_text,
    readability_json,
    readability_text,
)
from tests.conftest import copy_of_the_project, run_cli

DRAFT = (
    "# Behandling\n\nGenterapi er en behandling. Vi bruger en vektor til at bringe arvematerialet "
    "ind i cellerne, og behandlingen gives af læger, der har særlig erfaring med "
    "genterapi og med opfølgning af patienter over mange år efter behandlingen.\n"
)


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_of_the_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_text_gets_the_json_check_prints_for_it_on_standard_input(sample: Path) -> None:
    config = resolve_config(None)
    ours = json.loads(check_json(check_text(config, DRAFT, lang="da")))
    cli = run_cli("check", "-", "--lang", "da", "--format", "json", input=DRAFT)
    assert ours == json.loads(cli.stdout)
    assert ours, "the draft has findings to compare"


def test_a_text_gets_the_json_readability_prints_for_it(sample: Path) -> None:
    config = resolve_config(None)
    ours = json.loads(readability_json(config, readability_text(config, DRAFT, lang="da")))
    cli = run_cli(
        "readability", "-", "--lang", "da", "--format", "json", "--no-report", input=DRAFT
    )
    assert ours == json.loads(cli.stdout)
    assert ours["documents"][0]["lix"] > 0


def test_an_unsaved_buffer_is_checked_as_edited_and_the_file_is_untouched(sample: Path) -> None:
    path = sample / "source" / "da" / "genterapi.md"
    saved = path.read_bytes()
    edited = saved.decode().replace("Genterapi virker", "Genterapi virkker", 1)
    config = resolve_config(None)
    before = check_text(config, saved.decode(), path).findings
    after = check_text(config, edited, path).findings
    assert not any("virkker" in f.message for f in before)
    assert any(f.rule == "spelling/unknown-word" and "virkker" in f.message for f in after)
    assert path.read_bytes() == saved


def test_the_whole_project_sees_an_open_buffer_and_no_other_change(sample: Path) -> None:
    path = sample / "source" / "da" / "genterapi.md"
    config = resolve_config(None)
    clean = check_edited(config, {})
    broken = path.read_text() + "\nLæs også [om vektorer](findes-ikke.md).\n"
    edited = check_edited(config, {path: broken})
    new = set(edited.findings) - set(clean.findings)
    assert new
    assert all("genterapi." in finding.path for finding in new)  # its source or catalogs
    assert any(finding.rule.startswith("links/") for finding in new)


def test_a_new_page_in_a_locale_folder_takes_the_folders_language(sample: Path) -> None:
    """A page an editor just created in source/da/, no front matter yet, is Danish."""
    page = sample / "source" / "da" / "ny-side.md"
    page.write_text("# Ny side\n\nDette er en ny side om genterapi.\n")
    result = run_cli("check", "source/da/ny-side.md")
    assert result.exit_code == 0, result.stderr
    assert "languages: da" in result.stderr
    assert check_text(resolve_config(None), "# Ny side\n\nEn behanling.\n", page).findings
