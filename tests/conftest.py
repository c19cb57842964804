"""Shared fixtures: mini-projects copied to tmp_path and a CLI runner."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.project import memo

PROJECTS = Path(__file__).parent / "projects"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden from the current output"
    )


REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True, scope="session")
def _temporary_files_of_the_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Temporary files in pytest's folder, which it removes: the suite's thousands of
    projects left a lock file each in /tmp (one per project folder, as `locked` means)."""
    folder = str(tmp_path_factory.mktemp("tmp"))
    patch = pytest.MonkeyPatch()
    patch.setenv("TMPDIR", folder)  # the CLI run in a subprocess
    patch.setattr(tempfile, "tempdir", folder)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _no_cache_between_tests(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts without a cache folder; a CLI run picks its project's own. Under
    GitHub Actions, reports would name files from the workspace, not the test's folder."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    memo.use_folder(None)
    yield
    memo.use_folder(None)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Copy tests/projects/<name> into tmp_path and chdir there."""

    def make(name: str = "minimal") -> Path:
        root = tmp_path / name
        shutil.copytree(PROJECTS / name, root)
        monkeypatch.chdir(root)
        return root

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return make


def spy_on_loading(monkeypatch: pytest.MonkeyPatch, module: object) -> list[str]:
    """Names of the sources `module` parses from now on (a cached document is not parsed)."""
    names: list[str] = []
    real = module.load_source  # type: ignore[attr-defined]

    def spy(config: object, path: Path) -> object:
        names.append(path.name)
        return real(config, path)

    monkeypatch.setattr(module, "load_source", spy)
    return names


def copy_of_the_project(folder: Path) -> Path:
    """This repository's sample project (sources, catalogs, settings) copied into `folder`."""
    for name in ("source", "locales", "pyproject.toml"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, folder / name)
    return folder


def english_project(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`root` as the working folder of a new project: English sources in source/en/,
    translated into Danish."""
    monkeypatch.chdir(root)
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    Path("source/en").mkdir(parents=True)


def run_cli(*args: str, input: str | None = None) -> Result:
    """Run the pipeline CLI in-process; stdout and stderr stay separate."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    """Run the real GNU `msgfmt --check` on a catalog."""
    return subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Return every file under root/locales with its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted((root / "locales").rglob("*"))
        if path.is_file()
    }
