"""The fast PO reader agrees with babel and polib on what checks read from a catalog."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.catalogs import reader
from pipeline.catalogs.po import read_po_text
from pipeline.catalogs.reader import parse_entries, read_entries
from pipeline.project.errors import PipelineError

from .benchmarks.po_reader import Read, babel, polib_read
from .benchmarks.po_reader import ours as read_ours

REPO = Path(__file__).resolve().parents[1]

TRICKY = r"""# Translator header comment
msgid ""
msgstr ""
"Project-Id-Version: x\n"
"Language: da\n"
"X-Source-Language: en\n"
"Content-Type: text/plain; charset=UTF-8\n"

# a translator's note
#. an extracted comment
#: source/en/a.md:3 source/en/b.md
#, fuzzy, python-format
#| msgid "Old %s"
msgid "New %s"
msgstr "Ny %s"

msgctxt "menu"
msgid "Open"
msgstr "Åbn"

msgctxt "adjective"
msgid "Open"
msgstr "Åben"

msgid ""
"A long text wrapped "
"over lines with \"quotes\", a tab\t and\n"
"a new line and a backslash \\."
msgstr ""
"En lang tekst ombrudt "
"over linjer med \"citater\", en tab\t og\n"
"en ny linje og en backslash \\."

msgid ""
"  -M, --msgstr-suffix  use STRING as suffix for "
"msgstr\n"
msgstr ""
"  -M, --msgstr-suffix  afslut oversatte strenge med "
"msgstr\n"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "En fil"
msgstr[1] "%d filer"

  msgid "indented"
  msgstr "indrykket"

#~ msgid "Gone"
#~ msgstr "Væk"

#~| msgid "Older"
#~ msgid "Old"
#~ msgstr "Gammel"
msgid "Last"
msgstr ""
"""


def ours(text: str) -> Read:
    found = read_ours(text)
    assert found is not None
    return found


def test_tricky_catalog_reads_as_babel_and_polib_read_it() -> None:
    read = ours(TRICKY)
    assert read == babel(TRICKY)
    assert {key: value[:3] for key, value in read.items()} == polib_read(TRICKY)
    assert read["menu", "Open"][1] == ("Åbn",)
    assert read[None, "New %s"][2:5] == (
        True,
        ("a translator's note",),
        ("source/en/a.md", "source/en/b.md"),
    )
    assert (None, "Gone") not in read
    assert parse_entries(TRICKY).header("X-Source-Language") == "en"  # type: ignore[union-attr]


def test_crlf_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "t.po"
    path.write_bytes(b"\xef\xbb\xbf" + TRICKY.replace("\n", "\r\n").encode())
    entries = read_entries(path, "t.po")
    assert {(e.context, e.msgid): e.line for e in entries.entries} == {
        key: value[-1] for key, value in babel(TRICKY).items()
    }


@pytest.mark.parametrize("path", sorted(REPO.glob("locales/*/LC_MESSAGES/*.po")), ids=str)
def test_our_catalogs_read_as_babel_reads_them(path: Path) -> None:
    text = read_po_text(path, str(path))
    assert ours(text) == babel(text)


texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(texts.filter(bool), texts, st.one_of(st.none(), texts), st.booleans()),
        max_size=12,
        unique_by=lambda entry: (entry[2], entry[0]),
    )
)
def test_any_catalog_babel_writes_reads_the_same(
    entries: list[tuple[str, str, str | None, bool]],
) -> None:
    catalog = Catalog(locale="da")
    for msgid, msgstr, context, fuzzy in entries:
        catalog.add(msgid, msgstr, context=context, flags=["fuzzy"] if fuzzy else [])
    stream = io.BytesIO()
    write_po(stream, catalog, width=30)
    text = stream.getvalue().decode()
    assert ours(text) == babel(text)


def test_the_header_s_translator_comments_read_the_same_by_either_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # They hold the suppressions of findings on the whole catalog (reported at line 1).
    path = tmp_path / "t.po"
    path.write_text("# pipeline: ignore readability/document-level\n" + TRICKY)
    fast = read_entries(path, "t.po").header_entry
    monkeypatch.setattr(reader, "parse_entries", lambda text: None)  # as for a catalog
    full = reader._read(path, "t.po").header_entry  # the fast reader does not take
    assert fast is not None
    assert full is not None
    comments = ("pipeline: ignore readability/document-level", "Translator header comment")
    assert fast.comments == full.comments == comments
    assert (fast.line, fast.msgstr_line) == (full.line, full.msgstr_line) == (3, 4)


def test_a_malformed_catalog_gets_the_full_parser_s_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    path.write_text('msgid "a"\nmsgstr "b\n\nmsgid "c"\nmsgstr "d"\n')
    with pytest.raises(PipelineError) as error:
        read_entries(path, "bad.po")
    assert "line 2" in str(error.value) or error.value.line == 2  # type: ignore[attr-defined]


def test_each_plural_form_has_its_line_as_the_full_parser_reads_it() -> None:
    from pipeline.catalogs.po import parse_po

    lines = TRICKY.split("\n")
    wanted = tuple(n for n, line in enumerate(lines, 1) if line.startswith("msgstr["))
    po = parse_po(TRICKY, "t.po")
    full = reader._from_babel(po.catalog, po.msgstr_lines, TRICKY)
    fast = parse_entries(TRICKY)
    assert fast is not None
    for entries in (fast.entries, full):
        [plural] = [entry for entry in entries if entry.plural is not None]
        assert plural.form_lines == wanted
