"""An accelerator key's mark inside a translated word ("Hj_ælp", "Akti~ver"): one word."""

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
    assert accelerator("Tom&amp;Jerry", "Tom & Jerry") is None  # an entity
