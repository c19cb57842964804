"""A re-check from the cache finds what a check without it finds, after any edit, including
the project-wide rules whose findings in one document depend on the others."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import Result

from pipeline.checks import groups
from pipeline.project import memo
from pipeline.readability import counts

from .conftest import copy_of_the_project, run_cli


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_of_the_project(tmp_path)
    monkeypatch.chdir(root)
    return root


def checked(monkeypatch: pytest.MonkeyPatch) -> Result:
    """A cached re-check, which must not build the groups afresh, and the same check
    without the cache: the same findings."""
    with monkeypatch.context() as patched:
        patched.setattr(groups, "_build", _no_rebuild)
        cached = run_cli("check", "--format", "json")
    uncached = run_cli("check", "--format", "json", "--no-cache")
    assert (cached.exit_code, cached.stdout) == (uncached.exit_code, uncached.stdout)
    return cached


def _no_rebuild(*args: object) -> None:
    raise AssertionError("a re-check after a few edits built every group afresh")


def set_translation(po: Path, msgid: str, msgstr: str) -> None:
    catalog = polib.pofile(str(po))
    catalog.find(msgid).msgstr = msgstr
    catalog.save()


def test_edits_across_documents_find_what_an_uncached_check_finds(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_cli("check", "--format", "json")
    assert checked(monkeypatch).stdout == first.stdout  # nothing changed
    saved = {
        path: path.read_bytes()
        for path in (*sample.glob("locales/da/*/*.po"), *sample.glob("source/da/*.md"))
    }
    atrophy = sample / "locales/da/LC_MESSAGES/spinal-muscular-atrophy.po"
    # One source text, two translations: what-is-atmp.po keeps 'Sikkerhed og opfølgning'.
    set_translation(atrophy, "Safety and follow-up", "Sikkerhed og kontrol")
    result = checked(monkeypatch)
    assert "'Safety and follow-up' is translated 'Sikkerhed og opfølgning'" in result.stdout
    # One translation, two source texts, in another document.
    retinal = sample / "locales/da/LC_MESSAGES/inherited-retinal-disease.po"
    other = next(
        entry.msgid
        for entry in polib.pofile(str(retinal))
        if len(entry.msgid.split()) >= 3 and not entry.msgctxt and "[" not in entry.msgid
    )
    set_translation(retinal, other, "Sikkerhed og kontrol")
    result = checked(monkeypatch)
    assert "'Sikkerhed og kontrol' also translates" in result.stdout
    # A second term for a concept used in another document: 'immunforsvar' there.
    therapy = sample / "source/da/genterapi.md"
    text = therapy.read_text()
    therapy.write_text(
        text.replace("Arvematerialet bliver", "Immunsystemet og arvematerialet bliver")
    )
    result = checked(monkeypatch)
    assert "immune-system is written 'immunsystem" in result.stdout
    # And back: every finding of the edits goes, as without a cache.
    set_translation(atrophy, "Safety and follow-up", "Sikkerhed og opfølgning")
    therapy.write_text(text)
    result = checked(monkeypatch)
    assert "immune-system" not in result.stdout
    assert "translates 'Safety and follow-up'" not in result.stdout
    for path, data in saved.items():
        path.write_bytes(data)
    assert checked(monkeypatch).stdout == first.stdout


def new_process() -> None:
    """Forget the syllables counted in this process, as a new run has: earlier tests
    counted some, and a count known in memory is not looked up in the cache folder."""
    counts.count_syllables.cache_clear()
    counts._syllables_of_part.cache_clear()


def test_one_edit_reads_only_the_tables_it_touches(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows of the project-wide rules and their groups are most of the cache: a
    re-check after one edited translation reads the rows of that document alone (before
    and after the edit) and the groups of the entries it changed."""
    new_process()
    run_cli("check")
    read: list[str] = []
    real = memo._load

    def spy(name: str, version: str) -> dict[object, object]:
        read.append(name)
        return real(name, version)

    monkeypatch.setattr(memo, "_load", spy)
    assert run_cli("check").exit_code == 0
    assert not [name for name in read if name.startswith(("check-rows-", "check-groups-"))]
    po = sample / "locales/da/LC_MESSAGES/spinal-muscular-atrophy.po"
    po.write_text(  # as in an editor: no other line moves
        po.read_text().replace('msgstr "Sikkerhed og opfølgning"', 'msgstr "Sikkerhed og kontrol"')
    )
    read.clear()
    new_process()
    result = run_cli("check")
    assert "translation/inconsistent" in result.stdout
    assert len([name for name in read if name.startswith("check-rows-")]) <= 2
    # the groups of a source text, two translations and a term: a few of sixteen tables
    assert 0 < len([name for name in read if name.startswith("check-groups-")]) <= 5
    # The document's unchanged texts are spelled from its own small table; only the
    # edited text looks in the table of every document's texts (its sixteenth).
    assert len([name for name in read if name.startswith("spelling-documents-")]) == 1
    assert len([name for name in read if name.startswith("spelling-units-")]) <= 1
    # The English source is scored again from the syllables of the words it has.
    assert "word-syllables" in read
    assert "cmu-syllables" not in read


def test_a_run_reads_no_font_the_machine_has_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which characters the PDF's fonts draw (a11y/missing-glyph) is kept per machine
    in the user's cache folder: a later run, even one without the project's cache,
    opens no font file; a font updated since is read again."""
    import fontTools.ttLib

    from pipeline.checks import glyphs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    glyphs.font_coverage.cache_clear()
    first = glyphs.font_coverage()
    assert first is not None
    assert ord("→") in first
    glyphs.font_coverage.cache_clear()
    opened: list[object] = []
    real = fontTools.ttLib.TTFont

    def counted(*args: object, **options: object) -> object:
        opened.append(args[0])
        return real(*args, **options)

    monkeypatch.setattr(fontTools.ttLib, "TTFont", counted)
    assert glyphs.font_coverage() == first
    assert opened == []
    # A font that changes (an update) is a new version: its characters are read again.
    kept = list((tmp_path / "pipeline" / "fonts").glob("coverage-*.pickle"))
    assert len(kept) == 1
    monkeypatch.setattr(glyphs, "file_stamp", lambda path: (0, 0))
    glyphs.font_coverage.cache_clear()
    assert glyphs.font_coverage() == first
    assert opened
    assert list((tmp_path / "pipeline" / "fonts").glob("coverage-*.pickle")) != kept
    glyphs.font_coverage.cache_clear()


def test_an_editors_swap_and_backup_files_keep_the_cache(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a page is open in Vim or Emacs, its swap and backup files sit beside it: a
    re-check must still read the cache, not check every document afresh."""
    run_cli("check")
    for name in (".genterapi.md.swp", "#genterapi.md#", "genterapi.md~"):
        (sample / "source/da" / name).write_bytes(b"\x00editor state")
    new_process()
    with monkeypatch.context() as patched:
        patched.setattr(groups, "_build", _no_rebuild)  # a changed run version rebuilds all
        assert run_cli("check").exit_code == 0
