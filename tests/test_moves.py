"""Moved, renamed and split documents keep their translations."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from pipeline.catalogs.moves import match_moves
from pipeline.stages import extract

from .conftest import run_cli, snapshot

OLD = "vektorer"
NEW = "guides/vektorer-i-genterapi"


def extract_ok() -> str:
    result = run_cli("extract")
    assert result.exit_code == 0, result.stderr
    return result.stdout + result.stderr


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def translate_everything(path: Path) -> dict[str, tuple[str, bool]]:
    catalog = polib.pofile(str(path))
    for number, entry in enumerate(catalog):
        entry.msgstr = f"EN {number}: {entry.msgid[:30]}"
    catalog.save()
    return states(path)


def states(path: Path) -> dict[str, tuple[str, bool]]:
    """msgid → (msgstr, fuzzy) of a catalog's active entries."""
    return {e.msgid: (e.msgstr, e.fuzzy) for e in polib.pofile(str(path)) if not e.obsolete}


def po(name: str) -> str:
    return f"locales/en/LC_MESSAGES/{name}.po"


def test_a_document_moved_with_git_keeps_its_catalogs(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    git(root, "init", "-q")
    extract_ok()
    before = translate_everything(root / po(OLD))
    kept = root / po(OLD)  # a line of the translator's own under the header comment
    ours = "# msgid lines are overwritten from the source.\n"
    kept.write_text(kept.read_text().replace(ours, ours + "# Checked by Ida.\n", 1))
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "translated")
    (root / "source/da/guides").mkdir()
    git(root, "mv", "source/da/vektorer.md", "source/da/guides/vektorer-i-genterapi.md")
    out = extract_ok()
    assert f"moved {po(OLD)} \u2192 {po(NEW)}" in out
    assert f"moved locales/templates/{OLD}.pot \u2192 locales/templates/{NEW}.pot" in out
    assert "no source document has this name" not in out
    assert not (root / po(OLD)).exists()
    assert not (root / f"locales/templates/{OLD}.pot").exists()
    assert states(root / po(NEW)) == before  # every translation, none made fuzzy
    references = {ref for e in polib.pofile(str(root / po(NEW))) for ref, _ in e.occurrences}
    assert references == {"source/da/guides/vektorer-i-genterapi.md"}
    assert "memory:" not in (root / po(NEW)).read_text()
    head = (root / po(NEW)).read_text().split('\nmsgid ""')[0]
    assert head.startswith("# English translation of")
    assert "(source/da/guides/vektorer-i-genterapi.md)" in head
    assert "# Checked by Ida." in head
    settled = snapshot(root)
    assert "moved" not in extract_ok()
    assert snapshot(root) == settled


def test_a_document_moved_back_gets_its_catalogs_back(project: Callable[[str], Path]) -> None:
    """The cache keeps no summary of a name the catalogs have left."""
    root = project("minimal")
    extract_ok()
    before = translate_everything(root / po(OLD))
    source = root / "source/da/vektorer.md"
    renamed = root / "source/da/vektorer-2.md"
    source.rename(renamed)
    assert f"moved {po(OLD)} \u2192 {po('vektorer-2')}" in extract_ok()
    renamed.rename(source)
    assert f"moved {po('vektorer-2')} \u2192 {po(OLD)}" in extract_ok()
    renamed.parent.joinpath("sub").mkdir()
    source.rename(renamed.parent / "sub/vektorer.md")
    assert f"moved {po(OLD)} \u2192 {po('sub/vektorer')}" in extract_ok()
    (renamed.parent / "sub/vektorer.md").rename(source)
    assert f"moved {po('sub/vektorer')} \u2192 {po(OLD)}" in extract_ok()
    assert not (root / "locales/en/LC_MESSAGES/sub").exists()  # no empty folder left
    assert not (root / "locales/templates/sub").exists()
    assert states(root / po(OLD)) == before
    assert not (root / po("vektorer-2")).exists()


def test_a_new_document_unlike_the_orphan_does_not_take_it(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    translate_everything(root / po(OLD))
    (root / "source/da/vektorer.md").unlink()
    (root / "source/da/noget-andet.md").write_text("# Noget andet\n\nHelt ny tekst.\n")
    out = extract_ok()
    assert "moved" not in out
    assert (root / po(OLD)).exists()
    assert f"{po(OLD)}: no source document has this name" in out


SPLIT_OFF = """\
### Typer

| Type | Brug |
|------|------|
| Virus | Ofte brugt |

![Tegning af en vektor, der afleverer et gen til en celle](../images/vektor.svg)
"""


def test_a_split_document_keeps_the_translations_of_its_moved_half(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    extract_ok()
    before = translate_everything(root / po(OLD))
    catalog = polib.pofile(str(root / po(OLD)))
    catalog.find("Virus").tcomment = 'Bevidst "Virus", ikke "vira"'  # goes with it
    catalog.find("Brug").flags.append("fuzzy")  # still under review: it goes, still fuzzy
    catalog.save()
    before["Brug"] = (before["Brug"][0], True)
    source = root / "source/da/vektorer.md"
    text = source.read_text()
    assert SPLIT_OFF in text
    source.write_text(text.replace(SPLIT_OFF, ""))
    (root / "source/da/typer.md").write_text("# Typer af vektorer\n\n" + SPLIT_OFF)
    out = extract_ok()
    assert "moved" not in out  # the document itself stayed where it was
    split = states(root / po("typer"))
    moved = [msgid for msgid in split if msgid in before]
    assert sorted(moved) == sorted(
        ["Typer", "Type", "Brug", "Virus", "Ofte brugt",
         "Tegning af en vektor, der afleverer et gen til en celle"]
    )  # fmt: skip
    for msgid in moved:
        assert split[msgid] == before[msgid]  # the same translation, still translated
    assert split["Typer af vektorer"] == ("", False)  # new text: nothing to take
    comment = polib.pofile(str(root / po("typer"))).find("Virus").tcomment
    assert comment.startswith('Bevidst "Virus", ikke "vira"\nmemory: ')  # attrs' move lost it
    kept = states(root / po(OLD))
    assert all(kept[msgid] == before[msgid] for msgid in kept)


def test_the_best_overlap_wins_and_each_orphan_moves_once() -> None:
    units = frozenset({"a", "b", "c", "d"})
    orphans = {"old": frozenset({"a", "b", "c"}), "older": frozenset({"a", "b"})}
    assert match_moves({"new": units}, orphans) == {"new": "old"}
    both = {"new": units, "copy": frozenset({"a", "b", "c"})}
    assert match_moves(both, orphans) == {"copy": "old", "new": "older"}
    assert match_moves({"new": frozenset({"a", "x", "y"})}, orphans) == {}


def test_a_catalog_saved_during_a_move_is_not_lost(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator saves the old catalog while extract plans the move: nothing moves
    this run, and the next run moves the catalog with their work in it."""
    root = project("minimal")
    extract_ok()
    translate_everything(root / po(OLD))
    (root / "source/da/vektorer.md").rename(root / "source/da/flyttet.md")
    real = extract.load_source
    calls: list[str] = []

    def load_and_save(config: object, path: Path) -> object:
        source = real(config, path)  # type: ignore[arg-type]
        calls.append(path.name)
        if calls.count("flyttet.md") == 2:  # planning, after the files were read
            catalog = polib.pofile(str(root / po(OLD)))
            catalog[0].msgstr = "Saved meanwhile"
            catalog.save()
        return source

    monkeypatch.setattr(extract, "load_source", load_and_save)
    out = extract_ok()
    assert "moved" not in out
    assert f"{po(OLD)}: changed while extract ran" in out
    assert not (root / po("flyttet")).exists()
    monkeypatch.setattr(extract, "load_source", real)
    assert f"moved {po(OLD)} \u2192 {po('flyttet')}" in extract_ok()
    assert polib.pofile(str(root / po("flyttet")))[0].msgstr == "Saved meanwhile"
