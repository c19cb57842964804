"""`pipeline check docs`: a folder of English Markdown outside the sources, checked with a
word list of its own that never lets its words pass in the sample's texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.project.config import for_paths, load_config

from ..conftest import copy_of_the_project, run_cli

GUIDE = "# Serving\n\nThe web app runs on uvicorn. You recieve a page.\n"
SOURCE = "source/en/what-is-atmp.md"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_of_the_project(tmp_path)
    (root / "docs" / "guide").mkdir(parents=True)
    (root / "docs" / "guide" / "serving.md").write_text(GUIDE, encoding="utf-8")
    (root / "docs" / "words-en.txt").write_text("uvicorn\n", encoding="utf-8")
    (root / "docs" / ".hidden").mkdir()
    (root / "docs" / ".hidden" / "draft.md").write_text("# Drfat\n", encoding="utf-8")
    source = root / SOURCE
    source.write_text(source.read_text(encoding="utf-8") + "\nIt runs on uvicorn.\n")
    monkeypatch.chdir(root)
    return root


def _unknown(*args: str) -> set[tuple[str, str]]:
    result = run_cli("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return {
        (finding["path"], finding["data"]["word"])
        for finding in json.loads(result.stdout)
        if finding["rule"] == "spelling/unknown-word"
    }


def test_a_folder_is_checked_in_english_with_its_own_word_list(sample: Path) -> None:
    found = _unknown("docs")
    assert found == {("docs/guide/serving.md", "recieve")}  # uvicorn is in docs/words-en.txt


def test_the_folders_words_do_not_pass_in_the_sources(sample: Path) -> None:
    assert (SOURCE, "uvicorn") in _unknown(SOURCE)
    assert (SOURCE, "uvicorn") in _unknown()  # the whole project


def test_a_run_reaching_beyond_the_folder_uses_the_projects_lists(sample: Path) -> None:
    found = _unknown("docs/guide/serving.md", SOURCE)
    assert ("docs/guide/serving.md", "uvicorn") in found
    assert (SOURCE, "uvicorn") in found


def test_for_paths_swaps_only_the_languages_the_folder_names(sample: Path) -> None:
    config = load_config(sample / "pyproject.toml", {})
    docs = for_paths(config, (Path("docs/guide/serving.md"),))
    assert docs.spelling.word_lists["en"] == Path("docs/words-en.txt")
    assert docs.spelling.word_lists["da"] == config.spelling.word_lists["da"]
    assert for_paths(config, ()) == config
    assert for_paths(config, (Path(SOURCE),)) == config


def test_an_empty_folder_is_one_line_naming_it(sample: Path) -> None:
    (sample / "empty").mkdir()
    result = run_cli("check", "empty")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "empty: error: the folder holds no Markdown file or PO catalog (check the path)"
    ]


def test_the_language_server_spells_a_page_of_the_folder_with_its_list(sample: Path) -> None:
    from pipeline.lsp.workspace import Project

    page = sample / "docs" / "guide" / "serving.md"
    found = Project.load(None, sample).check({page: GUIDE})[page]
    words = {f.data["word"] for f in found if f.rule == "spelling/unknown-word"}
    assert words == {"recieve"}
