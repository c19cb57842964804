from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po

from .conftest import msgfmt_check, run_cli, snapshot

DA_PO = "locales/en/LC_MESSAGES/vektorer.po"


def extract_ok() -> None:
    result = run_cli("extract")
    assert result.exit_code == 0, result.stderr


def translate_all(path: Path, comment: str | None = None) -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = f"EN: {entry.msgid}"
    if comment:
        catalog[0].tcomment = comment
        catalog[0].flags.append("no-wrap")
    catalog.save()


def test_extract_writes_valid_catalogs_with_headers_and_comments(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    extract_ok()
    files = sorted(str(p.relative_to(root)) for p in (root / "locales").rglob("*.po*"))
    assert files == [
        "locales/da/LC_MESSAGES/vectors.po",
        DA_PO,
        "locales/templates/vectors.pot",
        "locales/templates/vektorer.pot",
    ]
    for name in files:
        check = msgfmt_check(root / name)
        assert check.returncode == 0, check.stderr
    with (root / DA_PO).open("rb") as stream:
        catalog = read_po(stream, abort_invalid=True)
    assert str(catalog.locale) == "en"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert "X-Source-Language: da" in (root / DA_PO).read_text()
    item = catalog["Vektoren finder cellerne."]
    assert item.locations == [("source/da/vektorer.md", 18)]
    assert item.auto_comments == [
        "list item",
        "section: Vektorer i genterapi \u203a Sådan virker det",
    ]
    assert "kode er ikke tekst" not in (root / DA_PO).read_text()
    assert "en kommentar" not in (root / DA_PO).read_text()


def test_update_keeps_work_marks_fuzzy_and_obsoletes(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    translate_all(root / DA_PO, comment="checked by Mette")
    source = root / "source/da/vektorer.md"
    original = source.read_text()
    source.write_text(
        original.replace("2. Vektoren finder cellerne.\n", "")
        .replace("som infusion.", "som en infusion.")
        .replace("### Typer", "### Typer af vektorer")
    )
    extract_ok()
    catalog = polib.pofile(str(root / DA_PO))
    kept = catalog.find("Sådan virker det")
    assert kept is not None
    assert kept.msgstr == "EN: Sådan virker det"
    assert not kept.fuzzy
    changed = catalog.find("Lægen giver behandlingen som en infusion.")
    assert changed is not None
    assert changed.fuzzy
    assert changed.previous_msgid == "Lægen giver behandlingen som infusion."
    assert changed.msgstr == "EN: Lægen giver behandlingen som infusion."
    obsolete = {entry.msgid: entry.msgstr for entry in catalog.obsolete_entries()}
    assert obsolete["Vektoren finder cellerne."] == "EN: Vektoren finder cellerne."
    first = catalog[0]
    assert first.tcomment == "checked by Mette"
    assert "no-wrap" in first.flags
    assert msgfmt_check(root / DA_PO).returncode == 0

    source.write_text(original)  # the removed item comes back: its translation too
    extract_ok()
    catalog = polib.pofile(str(root / DA_PO))
    revived = catalog.find("Vektoren finder cellerne.")
    assert revived is not None
    assert revived.msgstr == "EN: Vektoren finder cellerne."
    assert not revived.fuzzy
    assert not revived.obsolete


def test_a_second_change_keeps_the_text_the_translation_was_made_for(
    project: Callable[[str], Path],
) -> None:
    """attrs' docs edited twice: #| showed the first edit, a text never translated, so
    a reviewer compared the translation with the wrong source (msgmerge keeps it)."""
    root = project("minimal")
    extract_ok()
    translate_all(root / DA_PO)
    source = root / "source/da/vektorer.md"
    original = source.read_text()
    for wording in ("som en infusion.", "som et drop."):
        source.write_text(original.replace("som infusion.", wording))
        extract_ok()
    changed = polib.pofile(str(root / DA_PO)).find("Lægen giver behandlingen som et drop.")
    assert changed is not None
    assert changed.fuzzy
    assert changed.previous_msgid == "Lægen giver behandlingen som infusion."
    assert changed.msgstr == "EN: Lægen giver behandlingen som infusion."


def test_extract_twice_changes_no_byte(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    translate_all(root / DA_PO)
    extract_ok()
    first = snapshot(root)
    extract_ok()
    assert snapshot(root) == first


def test_catalog_rewrapped_by_gettext_is_left_as_it_is(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    translate_all(root / DA_PO)
    po = root / DA_PO
    # Poedit and msgmerge write with gettext's own wrapping; we must not re-wrap it.
    rewrapped = subprocess.run(["msgcat", str(po)], capture_output=True, check=True).stdout
    po.write_bytes(rewrapped)
    extract_ok()
    assert po.read_bytes() == rewrapped


def test_comments_polib_wrapped_are_left_as_they_are(project: Callable[[str], Path]) -> None:
    """A translator's polib script saved the catalog; polib wraps our long "#." lines,
    and each extract joined them again: a diff on every round trip."""
    root = project("minimal")
    extract_ok()
    po = root / DA_PO
    catalog = polib.pofile(str(po), wrapwidth=40)
    catalog.save()
    saved = po.read_bytes()
    assert "#. section: Vektorer i genterapi › Sådan\n#. virker det" in saved.decode()
    extract_ok()
    assert po.read_bytes() == saved


def test_a_catalog_with_crlf_lines_keeps_them(project: Callable[[str], Path]) -> None:
    """A translator on Windows (or git's autocrlf) saved CRLF; extract wrote every line
    back with LF, a diff of the whole file for one changed paragraph."""
    root = project("minimal")
    extract_ok()
    po = root / DA_PO
    po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))
    before = po.read_bytes()
    extract_ok()
    assert po.read_bytes() == before
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text().replace("Den bringer", "Den fører", 1))
    extract_ok()
    after = po.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n") > 40
    assert msgfmt_check(po).returncode == 0
    changed = set(after.split(b"\r\n")) ^ set(before.split(b"\r\n"))
    assert all(b"Den " in line or b"#, fuzzy" in line or b"Date" in line for line in changed)


def test_a_translators_wrapping_survives_a_moved_location(project: Callable[[str], Path]) -> None:
    """attrs' translators wrapped at 60 columns (msgcat --width=60); a paragraph added
    above moved every entry's #: line, and extract re-wrapped them all at 79."""
    root = project("minimal")
    extract_ok()
    translate_all(root / DA_PO)
    po = root / DA_PO
    narrow = subprocess.run(
        ["msgcat", "--width=40", str(po)], capture_output=True, check=True
    ).stdout.decode()
    po.write_text(narrow)
    source = root / "source/da/vektorer.md"
    text = source.read_text()
    source.write_text(
        text.replace("# Vektorer i genterapi\n", "# Vektorer i genterapi\n\nNyt afsnit.\n", 1)
    )
    extract_ok()
    written = po.read_text()
    assert "#: source/da/vektorer.md:12" in written  # the moved location
    wrapped = [line for line in narrow.split("\n") if line.startswith('"') and len(line) < 42]
    assert wrapped
    assert all(line in written.split("\n") for line in wrapped)  # the strings as wrapped
    assert msgfmt_check(po).returncode == 0


def test_sentence_segmentation_from_config(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + 'segmentation = "sentence"\n')
    extract_ok()
    text = (root / DA_PO).read_text()
    assert 'msgid "En **vektor** er et transportsystem."' in text
    assert '#: source/da/vektorer.md:12\nmsgid "Den bringer f.eks.' in text


def test_broken_catalog_stops_the_run_before_any_write(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    po = root / "locales/da/LC_MESSAGES/vectors.po"
    po.write_text(po.read_text() + '\nmsgid "dangling"\nmsgstr "x"\nmsgstr "y"\nbroken line\n')
    (root / "source/da/vektorer.md").write_text(
        (root / "source/da/vektorer.md").read_text() + "\nNyt afsnit.\n"
    )
    before = snapshot(root)
    result = run_cli("extract")
    assert result.exit_code == 2
    assert result.stderr.startswith("locales/da/LC_MESSAGES/vectors.po:")
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(root) == before


def test_stats_counts_units_words_and_states(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    extract_ok()
    catalog = polib.pofile(str(root / "locales/da/LC_MESSAGES/vectors.po"))
    catalog[0].msgstr = "Vektorer i genterapi"
    catalog[1].msgstr = "Noget"
    catalog[1].flags.append("fuzzy")
    catalog.save()
    result = run_cli("stats", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {row["document"]: row for row in json.loads(result.stdout)}
    assert rows["vectors"] == {
        "locale": "da",
        "document": "vectors",
        "catalog": "locales/da/LC_MESSAGES/vectors.po",
        "units": 4,
        "source_words": 28,  # 4 + 12 + 7 + 5, the title counted once
        "translated": 1,
        "fuzzy": 1,
        "untranslated": 2,
        "obsolete": 0,
        "memory": 0,
    }
    table = run_cli("stats").stdout
    assert table.splitlines()[0].split() == [
        "locale", "document", "units", "words", "translated", "fuzzy", "untranslated", "memory", "done",
    ]  # fmt: skip
    assert "vectors" in table
    assert "25%" in table


@pytest.mark.parametrize("epoch", ["1700000000"])
def test_source_date_epoch_sets_the_creation_date(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    root = project("minimal")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    extract_ok()
    assert '"POT-Creation-Date: 2023-11-14 22:13+0000\\n"' in (root / DA_PO).read_text()


def test_fuzzy_matching_gives_babels_answers() -> None:
    """The RapidFuzz pre-filter in front of babel's difflib matching changes no answer."""
    import random

    from pipeline.catalogs import update as catalog

    ids = [
        str(m.id).lower().strip()
        for po in sorted(Path(__file__).parent.parent.glob("locales/*/LC_MESSAGES/*.po"))
        for m in read_po(po.open("rb"))
        if m.id
    ]
    rnd = random.Random(3)
    cases = [("gene der therapy", ["tissue therapy", "gene therapy"])]  # exactly at 0.6
    for _ in range(400):
        words = rnd.choice(ids).split()
        for _ in range(rnd.randint(0, 5)):
            index = rnd.randrange(len(words))
            words[index] = words[index][::-1] if rnd.random() < 0.5 else rnd.choice(ids)
        cases.append((" ".join(words), rnd.sample(ids, rnd.randint(1, 40))))
    found = 0
    for word, pool in cases:
        for n in (1, 3):
            theirs = catalog._babel_close_matches(word, pool, n)
            assert catalog._close_matches(word, pool, n) == theirs, word
            found += bool(theirs)
    assert found > 50  # the cases include real matches


def test_a_percent_sign_in_a_link_is_no_python_format(project: Callable[[str], Path]) -> None:
    """Babel took "%22good" in an address for Python's %22g, and flagged the entry
    python-format: msgfmt and Poedit then want the translation to keep "%22g"."""
    root = project("minimal")
    link = "[Opgaver](https://example.org/issues?q=label%3A%22good+first+issue%22) til nye."
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text() + f"\n{link}\n")
    extract_ok()
    po = root / DA_PO
    entry = polib.pofile(str(po)).find(link)
    assert entry is not None
    assert "python-format" not in entry.flags
    catalog = polib.pofile(str(po))
    catalog.find(link).flags.append("python-format")  # as an earlier extract wrote it
    catalog.save()
    extract_ok()
    assert "python-format" not in polib.pofile(str(po)).find(link).flags
    assert msgfmt_check(po).returncode == 0


def test_a_myst_role_is_no_python_brace_format(project: Callable[[str], Path]) -> None:
    """attrs' docs: babel flagged "{pep}`526`" python-brace-format, and msgfmt -c then
    refused a translation that adds a role: "a format specification for argument
    'term' doesn't exist in 'msgid'"."""
    root = project("minimal")
    text = "Typer, se {pep}`526` og {term}`annoteringer <annotation>`."
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text() + f"\n{text}\n")
    extract_ok()
    po = root / "locales/en/LC_MESSAGES/vektorer.po"
    catalog = polib.pofile(str(po))
    entry = catalog.find(text)
    assert entry is not None
    assert not {"python-format", "python-brace-format"} & set(entry.flags)
    entry.msgstr = "Types, see {pep}`526`, {term}`annotations <annotation>` and {doc}`x`."
    catalog.save()
    assert msgfmt_check(po).returncode == 0


def test_a_removed_unit_no_one_translated_leaves_no_obsolete_entry(
    project: Callable[[str], Path],
) -> None:
    """A translator's catalogs filled with `#~ msgstr ""` as the writers edited (msgmerge
    drops these); a translated or commented one stays, as msgmerge keeps it."""
    root = project("minimal")
    extract_ok()
    catalog = polib.pofile(str(root / DA_PO))
    catalog.find("Sådan virker det").msgstr = "How it works"
    catalog.find("Typer").tcomment = "Spørg Mette"
    catalog.save()
    source = root / "source/da/vektorer.md"
    source.write_text(
        source.read_text()
        .replace("## Sådan virker det", "## Sådan")
        .replace("### Typer", "### Slags")
        .replace("2. Vektoren finder cellerne.\n", "")
    )
    extract_ok()
    obsolete = {e.msgid: e.msgstr for e in polib.pofile(str(root / DA_PO)).obsolete_entries()}
    assert obsolete == {"Sådan virker det": "How it works", "Typer": ""}
    assert msgfmt_check(root / DA_PO).returncode == 0


def test_an_obsolete_entry_gets_no_format_flag(project: Callable[[str], Path]) -> None:
    """attrs' translators: extract flagged an obsolete plural "%d" entry python-format."""
    root = project("minimal")
    extract_ok()
    po = root / DA_PO
    po.write_text(  # an entry no source has: extract makes it obsolete
        po.read_text() + '\nmsgid "én vektor"\nmsgid_plural "%d vektorer"\n'
        'msgstr[0] "one vector"\nmsgstr[1] "%d vectors"\n'
    )
    extract_ok()
    (obsolete,) = [e for e in polib.pofile(str(po)).obsolete_entries() if e.msgid_plural]
    assert not {"python-format", "python-brace-format"} & set(obsolete.flags)


def test_an_empty_catalog_is_refused_not_made_anew(project: Callable[[str], Path]) -> None:
    """A save cut short left 0 bytes: extract made the catalog anew ("54 new") with exit 0,
    and the translator's loss went unseen until the work was gone from history too."""
    root = project("minimal")
    extract_ok()
    (root / DA_PO).write_text("")
    result = run_cli("extract")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"{DA_PO}:1: error: the catalog is empty (a save cut short?) (restore it from "
        "version control, or delete it to begin it anew)"
    ]
    assert (root / DA_PO).read_text() == ""
