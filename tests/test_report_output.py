"""`--output` in CI: a symlinked report stays a link, a device or pipe is written into,
and a path that cannot be written is exit 2 with one line, never a traceback or exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

CATALOG = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: da\\n"\n\n'
    'msgid "Open the file."\nmsgstr "Åbn filen."\n'
)


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "app.po"
    path.write_text(CATALOG, encoding="utf-8")
    return path


def _check(catalog: Path, output: str) -> tuple[int, str]:
    result = run_cli(
        "check", "--source-lang", "en", "--format", "json", "--output", output, str(catalog)
    )
    return result.exit_code, result.stderr


def test_a_symlinked_report_stays_a_link_to_the_file_written(catalog: Path) -> None:
    Path("reports").mkdir()
    Path("reports/real.json").write_text("old")
    Path("link.json").symlink_to("reports/real.json")
    assert _check(catalog, "link.json")[0] == 0
    assert Path("link.json").is_symlink()
    assert json.loads(Path("reports/real.json").read_text()) == []


def test_a_device_is_written_into_and_a_full_one_is_exit_2(catalog: Path) -> None:
    assert _check(catalog, "/dev/null")[0] == 0
    code, said = _check(catalog, "/dev/full")
    assert code == 2
    assert "/dev/full: error: cannot write the report: No space left on device" in said
    assert "Traceback" not in said


def test_an_output_that_cannot_be_written_is_exit_2(catalog: Path) -> None:
    code, said = _check(catalog, f"{catalog}/report.json")  # a file is no folder
    assert code == 2
    assert "cannot write the report: Not a directory" in said
