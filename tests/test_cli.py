from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import REPO, run_cli


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    if command != "rules":  # the one command that reads no project
        assert "--config" in result.stdout


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0
    assert "extract" in result.stdout
    assert "Exit codes" in result.stdout


def assert_input_error(args: tuple[str, ...], expected: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_unknown_config_key_suggests_the_right_one(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "pyproject.toml").write_text('[tool.pipeline]\nsource_dir = "source"\n')
    assert_input_error(
        ("extract",), "pyproject.toml: error: unknown key 'source_dir' in [tool.pipeline]"
    )
    assert "did you mean 'source-dir'?" in run_cli("extract").stderr


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[tool.pipeline]\nlocales = "da"\n', "locales must be a list of language codes"),
        ('[tool.pipeline]\nsegmentation = "word"\n', "segmentation must be 'block' or 'sentence'"),
        ('[tool.pipeline]\nlocales = ["da", "klingon"]\n', "unknown language code 'klingon'"),
        ("[tool.pipeline\n", "pyproject.toml:1: error: invalid TOML"),
    ],
)
def test_bad_config_values(project: Callable[[str], Path], toml: str, expected: str) -> None:
    root = project("minimal")
    (root / "pyproject.toml").write_text(toml)
    assert_input_error(("extract",), expected)


def test_cli_flags_override_the_config(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "src").mkdir()
    (root / "source/en/vectors.md").rename(root / "src/vectors.md")
    result = run_cli("extract", "--source-dir", "src", "--locale-dir", "po")
    assert result.exit_code == 0, result.stderr
    assert (root / "po/da/LC_MESSAGES/vectors.po").is_file()
    assert "1 document (1 en)" in result.stdout


def test_missing_source_folder(project: Callable[[str], Path]) -> None:
    project("minimal")
    assert_input_error(
        ("extract", "--source-dir", "nowhere"), "nowhere: error: source folder not found"
    )


@pytest.mark.parametrize("pyproject", [None, '[project]\nname = "docs"\n'])
def test_outside_a_project_says_no_project_was_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pyproject: str | None
) -> None:
    # A folder with no pyproject.toml, or a Python package's one without [tool.pipeline]:
    # the missing default source folder is not the problem, the missing settings are.
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command in ("extract", "export", "check"):
        assert_input_error(
            (command,), "error: no project found: no pyproject.toml with a [tool.pipeline] table"
        )
    assert "--config" in run_cli("extract").stderr
    assert not (tmp_path / "locales").exists()


def test_missing_config_file(project: Callable[[str], Path]) -> None:
    project("minimal")
    assert_input_error(
        ("extract", "--config", "missing.toml"), "missing.toml: error: config file not found"
    )


def test_bad_markdown_names_file_and_line(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "source/da/vektorer.md").write_bytes(b"---\nlang: da\n---\n\nGr\xf8n\n")
    assert_input_error(("extract",), "source/da/vektorer.md:5: error: not valid UTF-8")
    assert not (root / "locales").exists()


def test_language_must_match_its_folder(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    path = root / "source/da/vektorer.md"
    path.write_text(path.read_text().replace("lang: da", "lang: en"))
    assert_input_error(("extract",), "front matter says lang: en but the file is in a 'da' folder")


def test_stats_before_extract_says_what_to_do(project: Callable[[str], Path]) -> None:
    project("minimal")
    assert_input_error(("stats",), "run `pipeline extract` first")


def test_build_extracts_and_reports_coverage(project: Callable[[str], Path]) -> None:
    project("minimal")
    result = run_cli("build")
    assert result.exit_code == 0, result.stderr
    assert "extract: 2 documents (1 da, 1 en), 18 units; 4 catalog files written" in result.stdout
    assert "vektorer" in result.stdout
    assert "0%" in result.stdout


def test_document_without_prose_is_reported(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "source/en/empty.md").write_text("---\nlang: en\n---\n\n```\ncode only\n```\n")
    result = run_cli("extract")
    assert result.exit_code == 0
    assert "warning: source/en/empty.md: no translatable text" in result.stderr


def test_catalogs_of_a_removed_document_are_kept_and_reported(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    (root / "source/en/vectors.md").unlink()
    result = run_cli("extract")
    assert result.exit_code == 0
    assert (root / "locales/da/LC_MESSAGES/vectors.po").is_file()
    assert "warning: locales/da/LC_MESSAGES/vectors.po: no source document" in result.stderr


def test_an_error_names_its_file_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `--config proj/pyproject.toml` the file was named from the project
    (`source/en/page.md:1`), which no editor or shell finds from here."""
    (tmp_path / "proj/source/en").mkdir(parents=True)
    (tmp_path / "proj/pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    (tmp_path / "proj/source/en/page.md").write_text("---\ntitle: Unclosed\n\n# Page\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("extract", "--config", "proj/pyproject.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("proj/source/en/page.md:1: error: front matter is not closed")
    monkeypatch.chdir(tmp_path / "proj")
    result = run_cli("extract")
    assert result.stderr.startswith("source/en/page.md:1: error: front matter is not closed")
