"""`--output` in CI: a symlinked report stays a link, a device or pipe is written into,
and a path that cannot be written is exit 2 with one line, never a traceback or exit 1."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
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


def test_a_pipe_is_written_into_not_replaced(catalog: Path, tmp_path: Path) -> None:
    # A pipe, not a device: code that renamed over its target would replace /dev/null
    # itself on the machine running the tests.
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    command = [sys.executable, "-m", "pipeline", "check", "--source-lang", "en"]
    command += ["--format", "json", "--output", str(pipe), str(catalog)]
    assert subprocess.run(command, capture_output=True, timeout=120).returncode == 0
    reader.join(timeout=30)
    assert json.loads(got[0]) == []
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_an_output_that_cannot_be_written_is_exit_2(catalog: Path) -> None:
    code, said = _check(catalog, f"{catalog}/report.json")  # a file is no folder
    assert code == 2
    assert "cannot write the report: Not a directory" in said


def test_reports_name_files_from_the_working_folder_and_github_s_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "repo/docs"
    (docs / "source/da").mkdir(parents=True)
    (docs / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["da", "en"]\n')
    (docs / "source/da/side.md").write_text("# Side\n\nSe [siden](mangler.md).\n")
    monkeypatch.chdir(tmp_path / "repo")  # a monorepo's job, outside the docs project
    config = ("check", "--config", "docs/pyproject.toml", "--format")
    assert run_cli("extract", "--config", "docs/pyproject.toml").exit_code == 0
    (docs / "locales/en/LC_MESSAGES/side.po").unlink()  # a missing file is named the same way
    found = json.loads(run_cli(*config, "json").stdout)
    assert {f["path"] for f in found if f["rule"] == "links/broken"} == {"docs/source/da/side.md"}
    assert "docs/locales/en/LC_MESSAGES/side.po" in {f["path"] for f in found}
    assert all(f["path"].startswith("docs/") for f in found)
    monkeypatch.chdir(docs / "source")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    annotations = run_cli("check", "--format", "github").stdout
    assert "file=docs/source/da/side.md,line=3" in annotations
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert "da/side.md" in {f["path"] for f in found}  # from the working folder


def test_junit_and_github_say_what_the_run_left_out_and_info_is_no_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("n.po").write_text(
        CATALOG.split("\n\nmsgid")[0] + '\n\nmsgid "Django 5.2.x, 6.0.x and 6.1.x."\n'
        'msgstr "Django 5.2.x, 6.0.x og 6.2.x (2 udgaver)."\n',  # the "2" added is info
        encoding="utf-8",
    )
    args = ("check", "--source-lang", "en", "n.po", "--format")
    suite = ET.fromstring(run_cli(*args, "junit").stdout).find("testsuite")
    assert suite is not None
    skipped = [c.get("name") for c in suite if c.find("skipped") is not None]
    assert any(str(name).startswith("no glossary configured") for name in skipped)
    assert suite.get("skipped") == str(len(skipped))
    numbers = next(c for c in suite if c.get("name") == "translation/numbers")
    failure, out = numbers.find("failure"), numbers.find("system-out")
    assert failure is not None
    assert out is not None
    warnings = run_cli(*args, "json").stdout.count('"severity": "warning"')
    assert failure.get("message") == f"{warnings} finding(s)"  # the info ones are output
    assert "info" in str(out.text)
    assert "info" not in str(failure.text)
    annotations = run_cli(*args, "github").stdout.splitlines()
    assert "::warning title=pipeline check::no glossary configured" in "\n".join(annotations)


def test_a_baseline_that_cannot_be_written_is_exit_2(catalog: Path) -> None:
    result = run_cli(
        "check", "--source-lang", "en", str(catalog), "--write-baseline", f"{catalog}/b.json"
    )
    assert result.exit_code == 2
    assert "cannot write the baseline: Not a directory" in result.stderr
