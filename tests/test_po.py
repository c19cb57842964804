from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.catalog import Catalog
from translate.storage import pypo

from pipeline.catalogs.po import PoFile, generate_po, parse_po
from pipeline.catalogs.update import update_catalog
from pipeline.project.errors import PipelineError

from .conftest import msgfmt_check

LONG_OLD = (
    "Gene therapy is a treatment in which genetic material is changed, added, or "
    "regulated to treat disease, and it is given once."
)
LONG_NEW = LONG_OLD.replace("disease", "diseases")

OLD_PO = f'''# Translator's header note
msgid ""
msgstr ""
"Project-Id-Version: demo\\n"
"Language: da\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"X-Generator: Poedit 3.4\\n"

# keep me
#: a.md:1
#, no-c-format
msgid "{LONG_OLD}"
msgstr "Genterapi er en behandling, hvor arvemateriale ændres, tilføjes eller reguleres."

#: a.md:3
msgid "Removed"
msgstr "Fjernet"

msgctxt "menu"
msgid "apple"
msgid_plural "apples"
msgstr[0] "æble"
msgstr[1] "æbler"
'''

NEW_POT = f'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: a.md:1
msgid "{LONG_NEW}"
msgstr ""

msgctxt "menu"
msgid "apple"
msgid_plural "apples"
msgstr[0] ""
msgstr[1] ""
'''


def msgmerged(tmp_path: Path) -> Path:
    """Return a catalog GNU msgmerge wrote: fuzzy with wrapped #|, obsolete, plurals."""
    (tmp_path / "old.po").write_text(OLD_PO)
    (tmp_path / "new.pot").write_text(NEW_POT)
    out = tmp_path / "merged.po"
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(out), "old.po", "new.pot"],
        cwd=tmp_path,
        check=True,
    )
    return out


def test_file_written_by_msgmerge_round_trips_byte_for_byte(tmp_path: Path) -> None:
    merged = msgmerged(tmp_path)
    text = merged.read_text()
    assert "#| msgid" in text
    assert "#~ msgid" in text
    assert generate_po(parse_po(text, "merged.po")) == text


def test_previous_msgid_is_read_into_previous_id(tmp_path: Path) -> None:
    po = parse_po(msgmerged(tmp_path).read_text(), "merged.po")
    message = po.catalog[LONG_NEW]
    assert message.fuzzy
    assert message.previous_id == [LONG_OLD]
    assert message.user_comments == ["keep me"]  # babel alone would add the "#|" lines here


def test_unknown_headers_survive(tmp_path: Path) -> None:
    po = parse_po(OLD_PO, "old.po")
    assert po.header("X-Generator") == "Poedit 3.4"
    assert '"X-Generator: Poedit 3.4\\n"' in generate_po(po)


def test_long_previous_msgid_is_valid_for_msgfmt_polib_and_translate_toolkit(
    tmp_path: Path,
) -> None:
    catalog = Catalog(locale="da", fuzzy=False)
    catalog.add(LONG_NEW, "Genterapi er en behandling.", flags=["fuzzy"], previous_id=[LONG_OLD])
    po = PoFile(catalog, [("Language", "da"), ("Content-Type", "text/plain; charset=UTF-8")])
    path = tmp_path / "out.po"
    path.write_text(generate_po(po))
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    entry = polib.pofile(str(path)).find(LONG_NEW)
    assert entry is not None
    assert entry.previous_msgid == LONG_OLD
    unit = next(u for u in pypo.pofile.parsefile(str(path)).units if u.source == LONG_NEW)
    assert unit.prev_source == LONG_OLD
    assert all(len(line) <= 79 for line in path.read_text().splitlines())


def test_new_entries_wrap_at_gettext_width_and_break_after_newlines() -> None:
    catalog = Catalog(locale="da", fuzzy=False)
    catalog.add("One line\nand another " + "word " * 20, "")
    text = generate_po(PoFile(catalog, [("Language", "da")]))
    assert 'msgid ""\n"One line\\n"\n"and another word' in text
    assert max(len(line) for line in text.splitlines()) <= 79


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "a\nmsgstr ""\n', 1, "malformed string"),
        ('msgid "a"\nmsgstr "b" "c"\n', 2, "malformed string"),
        ('msgid "a"\nmsgstr "b"\ngarbage\n', 3, "Unknown or misformatted keyword"),
        ('msgid "a"\n', 1, "missing msgstr"),
    ],
)
def test_broken_po_names_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(PipelineError) as caught:
        parse_po(text, "locales/da/LC_MESSAGES/x.po")
    assert caught.value.line == line
    assert message in caught.value.message
    assert " on " not in caught.value.message  # babel's 0-based "on N" is not shown


CONTEXT_OLD_PO = """msgid ""
msgstr ""
"Language: da\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "table header"
msgid "Who"
msgstr "Hvem"
"""


def test_a_translation_made_under_another_msgctxt_is_fuzzy_with_it_as_msgmerge_writes_it(
    tmp_path: Path,
) -> None:
    template = Catalog()
    template.add("Who", locations=[("a.md", 3)])
    po, change = update_catalog(parse_po(CONTEXT_OLD_PO, "old.po"), template, "da")
    ours = generate_po(po)
    (tmp_path / "old.po").write_text(CONTEXT_OLD_PO)
    (tmp_path / "new.pot").write_text('msgid ""\nmsgstr ""\n\n#: a.md:3\nmsgid "Who"\nmsgstr ""\n')
    theirs = subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", "-", "old.po", "new.pot"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert ours.split("\n\n")[1] == theirs.split("\n\n")[1]  # the entry, byte for byte
    assert '#| msgctxt "table header"' in ours
    assert change.fuzzy == 1  # the report said "0 fuzzy"
    # Read back, the previous context stays with the entry when the entry changes.
    again = parse_po(ours, "da.po")
    again.catalog["Who"].locations = [("a.md", 5)]
    (tmp_path / "da.po").write_text(generate_po(again))
    entry = polib.pofile(str(tmp_path / "da.po")).find("Who")
    assert entry is not None
    assert (entry.previous_msgctxt, entry.previous_msgid) == ("table header", "Who")


def test_entries_that_share_a_msgid_keep_each_their_own_previous_context() -> None:
    """The menu entry showed the toolbar entry's `#| msgctxt` and `#| msgid`."""
    head = (
        'msgid ""\nmsgstr ""\n"Language: da\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    )
    old = (
        '#, fuzzy\n#| msgctxt "menu"\n#| msgid "Open a file"\n'
        'msgctxt "menu"\nmsgid "Open the file"\nmsgstr "Åbn en fil"\n\n'
        '#, fuzzy\n#| msgctxt "toolbar"\n#| msgid "Open file now"\n'
        'msgctxt "toolbar"\nmsgid "Open the file"\nmsgstr "Åbn fil nu"\n'
    )
    template = Catalog()
    template.add("Open the file", context="menu")
    template.add("Open the file", context="toolbar")
    po, _ = update_catalog(parse_po(head + old, "da.po"), template, "da")
    assert generate_po(po).split("\n\n", 1)[1] == old
