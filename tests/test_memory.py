"""The translation memory: extract fills untranslated units from translations the project has."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po

from pipeline.catalogs.memory import Fill, Memory, Recalled
from pipeline.project.memory_config import MemorySettings

from .conftest import copy_of_the_project, msgfmt_check, run_cli, snapshot

VEKTORER = "locales/en/LC_MESSAGES/vektorer.po"
ANDET = "locales/en/LC_MESSAGES/andet.po"
HOW = "Sådan virker det"
INFUSION = "Lægen giver behandlingen som infusion."


def extract_ok() -> str:
    result = run_cli("extract")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def write_other(root: Path, *paragraphs: str) -> None:
    """A second Danish document, sharing units with vektorer.md."""
    body = "\n\n".join(paragraphs)
    (root / "source/da/andet.md").write_text(f"# Et andet dokument\n\n{body}\n")


def translate(root: Path, catalog: str, translations: dict[str, str], fuzzy: bool = False) -> None:
    po = polib.pofile(str(root / catalog))
    for msgid, msgstr in translations.items():
        entry = po.find(msgid)
        assert entry is not None, msgid
        entry.msgstr = msgstr
        if fuzzy:
            entry.flags.append("fuzzy")
    po.save()


def line_of(root: Path, catalog: str, msgid: str) -> int:
    """The line of an entry's msgid, where the memory's comment points."""
    lines = (root / catalog).read_text().splitlines()
    return lines.index(f'msgid "{msgid}"') + 1


def entry(root: Path, catalog: str, msgid: str) -> polib.POEntry:
    found = polib.pofile(str(root / catalog)).find(msgid)
    assert found is not None, msgid
    return found


def set_memory(root: Path, settings: str) -> None:
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + f"\n[tool.pipeline.memory]\n{settings}\n")


@pytest.fixture
def translated(project: Callable[[str], Path]) -> Path:
    """The minimal project with "Sådan virker det" and the infusion item translated."""
    root = project("minimal")
    extract_ok()
    translate(
        root, VEKTORER, {HOW: "How it works", INFUSION: "The doctor gives it as an infusion."}
    )
    return root


def test_a_repeated_unit_is_filled_as_fuzzy_with_its_origin(translated: Path) -> None:
    root = translated
    write_other(root, f"## {HOW}", "Noget helt nyt.")
    out = extract_ok()
    with (root / ANDET).open("rb") as stream:
        catalog = read_po(stream, abort_invalid=True)
    filled = catalog[HOW]
    assert filled.string == "How it works"
    assert filled.fuzzy
    assert filled.user_comments == [f"memory: {VEKTORER}:{line_of(root, VEKTORER, HOW)}"]
    assert not catalog["Noget helt nyt."].string
    assert f"updated {ANDET}: 3 units, 3 new, 0 fuzzy, 0 obsolete, 1 from memory" in out
    assert out.splitlines()[-1].endswith("; 1 unit filled from the translation memory")
    assert msgfmt_check(root / ANDET).returncode == 0
    rows = json.loads(run_cli("stats", "--format", "json").stdout)
    assert {row["document"]: row["memory"] for row in rows if row["locale"] == "en"} == {
        "andet": 1,
        "vektorer": 0,
    }
    table = run_cli("stats").stdout.splitlines()
    assert table[0].split()[-2:] == ["memory", "done"]
    assert next(line for line in table if " andet " in line).split()[-2] == "1"


def test_exact_matches_may_be_taken_as_translated(translated: Path) -> None:
    set_memory(translated, 'exact = "translated"')
    write_other(translated, f"## {HOW}")
    extract_ok()
    filled = entry(translated, ANDET, HOW)
    assert (filled.msgstr, filled.fuzzy) == ("How it works", False)
    assert filled.tcomment.startswith(f"memory: {VEKTORER}:")


def test_a_close_match_is_fuzzy_with_the_memory_text_as_previous_msgid(translated: Path) -> None:
    changed = "Lægen giver behandlingen som en infusion."
    write_other(translated, f"- {changed}", "- Lægen giver noget helt andet i dag.")
    extract_ok()
    filled = entry(translated, ANDET, changed)
    assert filled.msgstr == "The doctor gives it as an infusion."
    assert filled.fuzzy
    assert filled.previous_msgid == INFUSION
    assert '#| msgid "Lægen giver behandlingen som infusion."' in (translated / ANDET).read_text()
    assert not entry(translated, ANDET, "Lægen giver noget helt andet i dag.").msgstr
    assert msgfmt_check(translated / ANDET).returncode == 0


def test_the_similarity_setting_bounds_close_matches(translated: Path) -> None:
    set_memory(translated, "similarity = 0.99")
    write_other(translated, "- Lægen giver behandlingen som en infusion.")
    extract_ok()
    assert not entry(translated, ANDET, "Lægen giver behandlingen som en infusion.").msgstr


def test_a_fuzzy_entry_is_no_evidence(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    translate(root, VEKTORER, {HOW: "A guess"}, fuzzy=True)
    write_other(root, f"## {HOW}")
    extract_ok()
    assert entry(root, ANDET, HOW).msgstr == ""


def test_an_existing_translation_is_never_overwritten(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    write_other(root, f"## {HOW}", f"- {INFUSION}")
    extract_ok()
    translate(root, ANDET, {HOW: "Mine"})
    translate(root, ANDET, {INFUSION: "Mine too, under review"}, fuzzy=True)
    translate(root, VEKTORER, {HOW: "Theirs", INFUSION: "Theirs too"})
    extract_ok()
    mine = entry(root, ANDET, HOW)
    assert (mine.msgstr, mine.fuzzy, mine.tcomment) == ("Mine", False, "")
    review = entry(root, ANDET, INFUSION)
    assert (review.msgstr, review.fuzzy, review.tcomment) == ("Mine too, under review", True, "")


def test_a_translators_work_in_one_document_reaches_the_next_extract(
    project: Callable[[str], Path],
) -> None:
    """The cache does not hide a fill: the other document waits on the memory."""
    root = project("minimal")
    write_other(root, f"## {HOW}")
    extract_ok()
    assert extract_ok().splitlines()[-1].endswith("0 catalog files written, 6 unchanged")
    translate(root, VEKTORER, {HOW: "How it works"})
    out = extract_ok()
    assert f"updated {ANDET}" in out
    assert entry(root, ANDET, HOW).msgstr == "How it works"
    before = snapshot(root)
    assert extract_ok().splitlines()[-1].endswith("0 catalog files written, 6 unchanged")
    assert snapshot(root) == before


def write_compendium(root: Path, body: str, language: str = "en") -> None:
    (root / "memory").mkdir(exist_ok=True)
    header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    (root / "memory/en.po").write_text(header + "\n" + body)


def test_a_compendium_fills_what_the_project_lacks(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    write_compendium(root, f'msgid "{HOW}"\nmsgstr "How this works"\n')
    set_memory(root, 'compendia = ["memory/en.po"]\nexact = "translated"')
    extract_ok()
    filled = entry(root, VEKTORER, HOW)
    # From a compendium an exact match stays fuzzy: only the project's own are trusted.
    assert (filled.msgstr, filled.fuzzy) == ("How this works", True)
    assert filled.tcomment == "memory: memory/en.po:6"
    assert not polib.pofile(str(root / "locales/da/LC_MESSAGES/vectors.po")).translated_entries()


@pytest.mark.parametrize(
    ("compendium", "settings", "message"),
    [
        (
            None,
            'compendia = ["memory/en.po"]',
            "pyproject.toml: error: memory compendium 'memory/en.po' not found",
        ),
        (
            'msgid "x"\nmsgstr "y"\nbroken line\n',
            'compendia = ["memory/en.po"]',
            "memory/en.po:8: error: PO syntax error",
        ),
        (
            "",
            'compendia = { fr = ["memory/en.po"] }',
            "error: memory compendia names 'fr', which is not a project locale",
        ),
        ("", "similarity = 2", "error: memory similarity must be a number from 0.5 to 1, not 2"),
        ("", 'exakt = "translated"', "error: unknown key 'exakt' in [tool.pipeline.memory]"),
    ],
)
def test_a_bad_memory_setting_is_one_line_and_writes_nothing(
    project: Callable[[str], Path], compendium: str | None, settings: str, message: str
) -> None:
    root = project("minimal")
    if compendium is not None:
        write_compendium(root, compendium)
    set_memory(root, settings)
    result = run_cli("extract")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(root) == {}


def test_a_compendium_without_a_language_names_itself(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "memory").mkdir()
    (root / "memory/en.po").write_text(f'msgid "{HOW}"\nmsgstr "How this works"\n')
    set_memory(root, 'compendia = ["memory/en.po"]')
    result = run_cli("extract")
    assert result.exit_code == 2
    assert result.stderr.startswith("memory/en.po: error: this compendium has no Language header")
    assert snapshot(root) == {}


def test_a_compendium_msgcat_made_from_two_catalogs_is_read(
    project: Callable[[str], Path],
) -> None:
    """`msgcat a.po b.po` (as the gettext manual makes a compendium) joins the headers
    under `#-#-#-#-#` lines: it was refused as having no Language header."""
    root = project("minimal")
    (root / "memory").mkdir()
    (root / "memory/en.po").write_text(
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"#-#-#-#-#  a.po (A)  #-#-#-#-#\\n"\n'
        '"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"#-#-#-#-#  b.po (B)  #-#-#-#-#\\n"\n"Language: en\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{HOW}"\nmsgstr "How this works"\n'
    )
    set_memory(root, 'compendia = ["memory/en.po"]')
    extract_ok()
    assert entry(root, VEKTORER, HOW).msgstr == "How this works"


def recalled(msgid: str, msgstr: str, origin: str, own: bool = False) -> Recalled:
    return Recalled(msgid, msgstr, origin, project=True, own=own)


def test_a_reviewed_translation_beats_an_old_fuzzy_guess_of_a_document() -> None:
    """An obsolete fuzzy entry of another document counts as that document's own, and
    it beat a reviewed translation (reviewer, session 25)."""
    guess = Recalled("Fox", "Gammelt gæt", "a.po:9", project=True, own=True, fuzzy=True)
    memory = Memory([guess, recalled("Fox", "Ræv", "b.po:3")], MemorySettings())
    assert memory.recall("Fox") == Fill("Ræv", "b.po:3", True)
    alone = Memory([guess], MemorySettings()).recall("Fox")
    assert alone == Fill("Gammelt gæt", "a.po:9", True)  # a moved unit's own: still fuzzy


def test_the_most_common_translation_wins_and_ties_are_decided_alike() -> None:
    items = [
        recalled("Ja", "Yes", "b.po:3"),
        recalled("Ja", "Yeah", "a.po:5"),
        recalled("Ja", "Yes", "c.po:7"),
        recalled("Nej", "No", "b.po:9"),
        recalled("Nej", "Nope", "a.po:9"),
    ]
    memory = Memory(items, MemorySettings())
    found = memory.recall("Ja")
    assert found is not None
    assert (found.msgstr, found.origin, found.fuzzy) == ("Yes", "b.po:3", True)
    for order in (items, items[::-1]):
        tie = Memory(order, MemorySettings()).recall("Nej")
        assert tie is not None
        assert (tie.msgstr, tie.origin) == ("No", "b.po:9")
    own = Memory([*items, recalled("Ja", "Yep", "moved.po:1", own=True)], MemorySettings())
    kept = own.recall("Ja")
    assert kept is not None
    assert (kept.msgstr, kept.fuzzy) == ("Yep", False)  # a moved document's own, kept as it was


def test_sample_content_repeated_units_are_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the sample, "Aktivt stof" is in two Danish documents and "En genterapi mod
    hæmofili B" is close to "Genterapi mod hæmofili B" of another: emptied in one
    catalog, the memory fills both from the other."""
    root = copy_of_the_project(tmp_path)
    monkeypatch.chdir(root)
    catalog = "locales/en/LC_MESSAGES/bloedersyge-b.po"
    po = polib.pofile(str(root / catalog))
    for msgid in ("Aktivt stof", "En genterapi mod hæmofili B"):
        po.find(msgid).msgstr = ""
    po.save()
    out = extract_ok()
    assert f"updated {catalog}" in out
    assert "2 units filled from the translation memory" in out
    exact = entry(root, catalog, "Aktivt stof")
    assert (exact.msgstr, exact.fuzzy) == ("Active substance", True)
    assert exact.tcomment.startswith("memory: locales/en/LC_MESSAGES/car-t-celleterapi.po:")
    close = entry(root, catalog, "En genterapi mod hæmofili B")
    assert close.fuzzy
    assert close.previous_msgid == "Genterapi mod hæmofili B"
    assert (
        close.msgstr
        == entry(root, "locales/en/LC_MESSAGES/genterapi.po", "Genterapi mod hæmofili B").msgstr
    )
    assert close.tcomment.startswith("memory: locales/en/LC_MESSAGES/genterapi.po:")
