"""The results cache: a second check re-reads only what changed, and is never stale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from pipeline.project import memo
from pipeline.source.tree import SourceFile
from pipeline.stages import check as checking

from .conftest import run_cli, spy_on_loading
from .test_check_cli import translated


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return spy_on_loading(monkeypatch, checking)


def test_a_second_check_reads_the_cache_and_reports_the_same(
    project: Callable[[str], Path], loaded: list[str]
) -> None:
    root = translated(project, {"Om genterapi": "About gene treatment"})
    first = run_cli("check")
    assert sorted(loaded) == ["behandling.md", "treatment.md"]
    loaded.clear()
    second = run_cli("check")
    assert loaded == []
    assert (second.exit_code, second.stdout, second.stderr) == (
        first.exit_code,
        first.stdout,
        first.stderr,
    )
    assert "term/deprecated" in second.stdout
    assert (root / ".pipeline-cache/.gitignore").read_text().endswith("*\n")


def test_changing_one_entry_rechecks_only_its_document(
    project: Callable[[str], Path], loaded: list[str]
) -> None:
    root = translated(project)
    assert run_cli("check").exit_code == 0
    loaded.clear()
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    catalog = polib.pofile(str(po))
    catalog.find("Om genterapi").msgstr = "About gene treatment"
    catalog.save()
    result = run_cli("check")
    assert loaded == ["behandling.md"]
    assert result.exit_code == 1
    assert "'gene treatment' is a superseded term" in result.stdout


def test_a_glossary_change_is_never_answered_from_the_cache(
    project: Callable[[str], Path],
) -> None:
    root = translated(project)
    assert run_cli("check").exit_code == 0
    glossary = root / "glossary.tbx"
    glossary.write_text(
        glossary.read_text().replace(
            '<term>gene therapy</term>\n            <termNote type="administrativeStatus">'
            "preferredTerm-admn-sts",
            '<term>gene therapy</term>\n            <termNote type="administrativeStatus">'
            "deprecatedTerm-admn-sts",
        )
    )
    result = run_cli("check")
    assert result.exit_code == 1
    assert "'gene therapy' is a deprecated term" in result.stdout


def test_a_config_change_is_never_answered_from_the_cache(
    project: Callable[[str], Path],
) -> None:
    root = translated(project, {"Om genterapi": "About gene treatment"})
    assert run_cli("check").exit_code == 1
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '"term/deprecated" = "off"\n')
    result = run_cli("check")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_a_damaged_cache_is_ignored_and_replaced(
    project: Callable[[str], Path], loaded: list[str]
) -> None:
    root = translated(project, {"Om genterapi": "About gene treatment"})
    first = run_cli("check")
    for number, table in enumerate(sorted((root / ".pipeline-cache").glob("*.pickle"))):
        # truncated, or naming a class that no longer exists (an older version's cache)
        table.write_bytes(table.read_bytes()[:40] if number % 2 else b"cgone_module\nThing\n.")
    loaded.clear()
    second = run_cli("check")
    assert sorted(loaded) == ["behandling.md", "treatment.md"]
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    loaded.clear()
    assert run_cli("check").stdout == first.stdout
    assert loaded == []


def test_no_cache_leaves_no_folder(project: Callable[[str], Path], loaded: list[str]) -> None:
    root = translated(project)
    shutil.rmtree(root / ".pipeline-cache")  # written by extract
    assert run_cli("check", "--no-cache").exit_code == 0
    assert run_cli("check", "--no-cache").exit_code == 0
    assert len(loaded) == 4
    assert not (root / ".pipeline-cache").exists()


def test_sentences_are_split_without_loading_spacy_once_its_rules_are_kept(
    tmp_path: Path,
) -> None:
    """A check of one edit must not pay a second for loading spaCy: its tokenizer's
    rules are read once a machine and kept in the user's cache folder."""
    script = f"""
import sys
from pathlib import Path
from pipeline.source import language
from pipeline.project import memo
memo.use_folder(Path({str(tmp_path / "project")!r}))
spans = language.split_sentences(sys.argv[1], "da")
memo.save()
print(len(spans), "spacy" in sys.modules)
"""
    machine = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "machine")}

    def run(text: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, text],
            capture_output=True, text=True, check=True, env=machine,
        )  # fmt: skip
        return done.stdout.strip()

    assert run("Genterapi gives f.eks. på hospitalet. Det tager tid.") == "2 True"
    assert run("Genterapi kan også gives f.eks. på hospitalet. Det tager lang tid.") == "2 False"
    # New chunks of every kind: plain ("ord."), a special case ("1."), a word with a
    # dash ("CAR-T."), an address ("www.sst.dk").
    assert run("Et nyt ord. Efterfølgende kommer mere.") == "2 False"
    assert run("Vi bruger CAR-T. Det virker i trin nummer 1. Se www.sst.dk.") == "3 False"


def test_words_seen_before_load_no_dictionary_or_word_list(tmp_path: Path) -> None:
    """A re-check of an edit in known words need not load Hunspell (a fifth of a second)
    or wordfreq's lists (a quarter): what was said of each word is in the cache folder."""
    script = f"""
import sys
from pathlib import Path
from pipeline.project import memo
from pipeline.languages.spelling import spellers
memo.use_folder(Path({str(tmp_path)!r}))
speller = spellers(("da", "en"), {{}}, {{}}).get("da")
found = [miss.word for miss in speller.misspellings(sys.argv[1])]
memo.save()
print(found, "hunspell" in sys.modules, "msgpack" in sys.modules)
"""

    def run(text: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, text], capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    # A compound ("filvalgsdialogen") is judged by wordfreq's frequencies of its parts.
    assert run("Genterapi gives på hospitalet, og filvalgsdialogen viser det.") == "[] True True"
    assert run("Genterapi viser det, og filvalgsdialogen gives på hospitalet.") == "[] False False"
    assert run("Genterapien gives på hospitalt.") == "['hospitalt'] True True"


def test_file_digests_follow_every_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unchanged files are not read again, yet no write goes unseen, however quick."""
    memo.use_folder(tmp_path / "cache")
    catalog = tmp_path / "a.po"
    catalog.write_text('msgstr "kan"\n')
    first = memo.digest_files([catalog])
    catalog.write_text('msgstr "vil"\n')  # same size, same clock tick
    assert memo.digest_files([catalog]) != first
    real = memo.time.time_ns
    monkeypatch.setattr(memo.time, "time_ns", lambda: real() + 10 * 10**9)  # it has settled
    settled = memo.digest_files([catalog])
    reads: list[object] = []
    monkeypatch.setattr(memo, "_file_digest", lambda path: reads.append(path) or b"")
    assert memo.digest_files([catalog]) == settled
    assert reads == []
    catalog.write_text('msgstr "kan"\n')
    memo.digest_files([catalog])
    assert reads == [catalog]
    memo.use_folder(None)


def test_progress_counts_the_documents_checked(project: Callable[[str], Path]) -> None:
    from pipeline.project.config import load_config
    from pipeline.stages.check import check_project

    root = translated(project)
    config = load_config(root / "pyproject.toml", {})
    memo.use_folder(root / ".pipeline-cache")
    heard: list[tuple[int, int]] = []
    check_project(config, progress=lambda done, total: heard.append((done, total)))
    assert heard == [(1, 2), (2, 2)]
    memo.save()
    heard.clear()
    memo.use_folder(root / ".pipeline-cache")
    check_project(config, progress=lambda done, total: heard.append((done, total)))
    assert heard == []  # all from the cache
    memo.use_folder(None)


@pytest.mark.parametrize("undone", ["after the run", "within the run"])
def test_a_catalog_edited_during_check_is_not_cached_as_read(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, undone: str
) -> None:
    root = translated(project)
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    clean = po.read_text()
    real_load, real_pages = checking.load_source, checking._accessibility

    def load_after_an_edit(config: object, path: Path) -> SourceFile:
        po.write_text(clean.replace('msgstr "About gene therapy"', 'msgstr "About gene treatment"'))
        return real_load(config, path)  # type: ignore[arg-type]

    def undo_then_render(*args: Any) -> Any:
        po.write_text(clean)  # the bytes the run had hashed, after it read others
        return real_pages(*args)

    monkeypatch.setattr(checking, "load_source", load_after_an_edit)
    if undone == "within the run":
        monkeypatch.setattr(checking, "_accessibility", undo_then_render)
    assert run_cli("check").exit_code == 1  # it read the edit
    monkeypatch.setattr(checking, "load_source", real_load)
    monkeypatch.setattr(checking, "_accessibility", real_pages)
    po.write_text(clean)
    result = run_cli("check")
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_resource_changed_during_check_keeps_nothing(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, loaded: list[str]
) -> None:
    root = translated(project)
    image = root / "source/diagram.svg"
    real_pages = checking._accessibility

    def add_an_image_then_render(*args: Any) -> Any:
        image.write_text("<svg/>")  # an image appears while the run works
        return real_pages(*args)

    monkeypatch.setattr(checking, "_accessibility", add_an_image_then_render)
    run_cli("check")
    monkeypatch.setattr(checking, "_accessibility", real_pages)
    image.unlink()  # back to the files the run started from
    loaded.clear()
    run_cli("check")
    assert sorted(loaded) == ["behandling.md", "treatment.md"]  # nothing was kept


def test_two_checkouts_of_the_same_code_share_a_code_version(tmp_path: Path) -> None:
    # A CI runner's fresh clone sits at another path: its cache must still be reused.
    package = Path(memo.__file__).parents[1]
    ignore = shutil.ignore_patterns("__pycache__")
    checkouts = [tmp_path / "a", tmp_path / "b" / "deeper"]
    for checkout in checkouts:
        shutil.copytree(package, checkout / "pipeline", ignore=ignore)
    (checkouts[1] / "pipeline" / "extra_module.py").write_text("# more code\n")

    def version(checkout: Path) -> list[str]:
        # A fresh interpreter in the checkout imports that copy of the package.
        shown = "from pipeline.project import memo; print(memo.__file__, memo.code_version())"
        run = subprocess.run(
            [sys.executable, "-c", shown], cwd=checkout, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.split()

    (file_a, version_a), (file_b, version_b) = version(checkouts[0]), version(checkouts[1])
    assert file_a.startswith(str(checkouts[0]))
    assert file_b.startswith(str(checkouts[1]))
    assert version_a != version_b  # the second has more code
    (checkouts[1] / "pipeline" / "extra_module.py").unlink()
    assert version(checkouts[1])[1] == version_a
