"""Catalogs written by other tools keep everything we do not own through an extract."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib

from ..conftest import msgfmt_check, run_cli

# As Poedit, Weblate or msgmerge leave a catalog: unknown headers, a long wrapped
# entry, translator comments and flags, a fuzzy entry with a previous msgid, a plural
# entry and one with msgctxt (which we never write), and obsolete entries.
FOREIGN = r"""# Danish translation of the vectors page.
# Mette Hansen <mette@example.dk>, 2026.
#
msgid ""
msgstr ""
"Project-Id-Version: vectors 1.0\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2026-01-01 10:00+0000\n"
"PO-Revision-Date: 2026-02-02 12:00+0100\n"
"Last-Translator: Mette Hansen <mette@example.dk>\n"
"Language-Team: Danish <da@li.org>\n"
"Language: da\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Generator: Poedit 3.4.2\n"
"X-Poedit-SourceCharset: UTF-8\n"

# Checked with the ward nurses.
#. heading
#: source/en/vectors.md:6
#, no-c-format
msgid "Vectors in gene therapy"
msgstr "Vektorer i genterapi"

#: source/en/vectors.md:8
#, fuzzy
#| msgid "A vector is a transport system, e.g. a modified virus."
msgid "A vector is a kind of transport system, e.g. a modified virus."
msgstr ""
"En vektor er et transportsystem, f.eks. en ændret virus, som er lavet, så "
"den ikke kan give sygdom, men stadig kan bringe gener ind i cellerne."

msgid "One cell"
msgid_plural "%d cells"
msgstr[0] "Én celle"
msgstr[1] "%d celler"

msgctxt "button"
msgid "More"
msgstr "Mere"

# Kept for the print edition.
#~ msgid "Old heading"
#~ msgstr "Gammel overskrift"

#, fuzzy
#~| msgid "Older text"
#~ msgid "Old text"
#~ msgstr "Gammel tekst"
"""


def test_nothing_we_do_not_own_is_lost(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    po_file = root / "locales/da/LC_MESSAGES/vectors.po"
    po_file.parent.mkdir(parents=True)
    po_file.write_text(FOREIGN)
    assert msgfmt_check(po_file).returncode == 0
    assert run_cli("extract").exit_code == 0
    text = po_file.read_text()
    catalog = polib.pofile(str(po_file))
    assert catalog.metadata["X-Generator"] == "Poedit 3.4.2"
    assert catalog.metadata["X-Poedit-SourceCharset"] == "UTF-8"
    assert catalog.metadata["Last-Translator"] == "Mette Hansen <mette@example.dk>"
    assert catalog.metadata["PO-Revision-Date"] == "2026-02-02 12:00+0100"
    assert "# Mette Hansen <mette@example.dk>, 2026." in text
    heading = catalog.find("Vectors in gene therapy")
    assert heading is not None
    assert heading.msgstr == "Vektorer i genterapi"
    assert heading.tcomment == "Checked with the ward nurses."
    assert "no-c-format" in heading.flags
    fuzzy = catalog.find("A vector is a kind of transport system, e.g. a modified virus.")
    assert fuzzy is not None
    assert fuzzy.fuzzy
    assert fuzzy.previous_msgid == "A vector is a transport system, e.g. a modified virus."
    obsolete = {(e.msgctxt, e.msgid): e for e in catalog.obsolete_entries()}
    assert obsolete[(None, "One cell")].msgstr_plural == {0: "Én celle", 1: "%d celler"}
    assert obsolete[("button", "More")].msgstr == "Mere"
    assert obsolete[(None, "Old heading")].msgstr == "Gammel overskrift"
    assert obsolete[(None, "Old text")].msgstr == "Gammel tekst"
    assert msgfmt_check(po_file).returncode == 0


def test_an_untouched_foreign_entry_keeps_its_layout(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    po_file = root / "locales/da/LC_MESSAGES/vectors.po"
    po_file.parent.mkdir(parents=True)
    po_file.write_text(FOREIGN)
    assert run_cli("extract").exit_code == 0
    assert (
        'msgstr ""\n"En vektor er et transportsystem, f.eks. en ændret virus, som er lavet, så "\n'
        '"den ikke kan give sygdom, men stadig kan bringe gener ind i cellerne."'
    ) in po_file.read_text()
