"""Catalog words: an accelerator key's mark inside a word ("Hj_ælp"), a compound's lost -s-."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks.literals import accelerator

from ..conftest import run_cli

ENTRIES = [
    ("_Help", "Hj_ælp"),  # GTK
    ("~Activate", "Akti~ver"),  # LibreOffice
    ("In^formation", "Opl^ysninger"),  # aptitude
    ("_Current", "Nuvær_nede"),  # a slip: reported whole, at its line
    ("yes_key", "ja_taste"),  # two known words: read as they are
    ("Use show_source here", "Brug show_source her"),  # an identifier, the same in both
]


def catalog(path: Path) -> Path:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    header += '"Language: da\\n"\n"X-Source-Language: en\\n"\n'
    entries = "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in ENTRIES)
    path.write_text(header + entries, encoding="utf-8")
    return path


def test_a_word_with_an_accelerator_is_checked_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Danish UI catalogs (LibreOffice, Evolution, aptitude): 72 of 1,595 unknown-word
    findings were the halves of words split at the mark ("Akti", "ver", "ælg")."""
    monkeypatch.chdir(tmp_path)
    po = catalog(tmp_path / "ui.po")
    result = run_cli("check", str(po), "--no-cache", "--format", "json")
    found = [
        (finding["line"], finding["data"]["word"])
        for finding in json.loads(result.stdout)
        if finding["rule"] == "spelling/unknown-word"
    ]
    assert found == [(17, "Nuværnede")]  # its msgstr line


def test_the_mark_is_one_the_source_has_and_not_an_identifiers() -> None:
    assert accelerator("Hj_ælp", "_Help") == 2
    assert accelerator("Akti~ver", "~Activate") == 4
    assert accelerator("Hj_ælp", "Help") is None  # the source has none
    assert accelerator("_Hjælp", "_Help") is None  # at a word's start it splits nothing
    assert accelerator("Brug show_source", "Use show_source") is None
    assert accelerator("F&amp;U", "R&D") is None  # an entity, not R&D's mark
    assert accelerator("Brug «show_source»", 'Use "show_source"') is None  # quoted


def test_a_compound_whose_head_takes_a_linking_s_is_suggested_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Danish UI catalogs: "versionnummer", "integritetkontrol", "transaktioninformation"
    got no suggestion (Hunspell builds no compounds); 13 such, all with the -s- left out."""
    monkeypatch.chdir(tmp_path)
    po = tmp_path / "ui.po"
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    header += '"Language: da\\n"\n"X-Source-Language: en\\n"\n'
    po.write_text(
        header + '\nmsgid "Show the version number"\nmsgstr "Vis versionnummer"\n'
        '\nmsgid "Check the integrity"\nmsgstr "Kør integritetkontrol"\n',
        encoding="utf-8",
    )
    result = run_cli("check", str(po), "--no-cache", "--format", "json")
    fixes = {
        finding["data"]["word"]: finding["fix"]
        for finding in json.loads(result.stdout)
        if finding["rule"] == "spelling/unknown-word"
    }
    assert fixes == {"versionnummer": "versionsnummer", "integritetkontrol": "integritetskontrol"}
