"""Findings point at the words they are about: each use its own finding, at its column,
in JSON, SARIF and GitHub annotations, whatever Markdown stands before it on the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

GLOSSARY = str(Path(__file__).parents[1] / "source/glossary.tbx")
WORD = "genbehandling"
TEXT = f"""# Om behandling

- Læger taler om {WORD}, og nogle skriver {WORD}
  to gange. Andre skriver {WORD} på linje to.

> Citat: `{WORD}` i kode, og så {WORD} i tekst.
"""


def _columns(lines: list[str], number: int) -> list[int]:
    """1-based columns of WORD as prose on 1-based line `number`, as written in the file."""
    text = lines[number - 1]
    columns = [index + 1 for index in range(len(text)) if text.startswith(WORD, index)]
    return [c for c in columns if text[c - 2] != "`"]


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("t.md").write_text(TEXT, encoding="utf-8")
    return TEXT.splitlines()


def test_each_use_of_a_deprecated_term_is_a_finding_at_its_own_column(checked: list[str]) -> None:
    result = run_cli("check", "--glossary", GLOSSARY, "--lang", "da", "--format", "json", "t.md")
    assert result.exit_code == 1
    found = [(f["line"], f["column"]) for f in json.loads(result.stdout)]
    expected = [(n, c) for n in (3, 4, 6) for c in _columns(checked, n)]
    assert len(expected) == 4  # two on the list item's line, one each below
    assert found == expected


def test_sarif_and_github_give_the_word_s_region(checked: list[str]) -> None:
    args = ("check", "--glossary", GLOSSARY, "--lang", "da", "t.md", "--format")
    sarif = json.loads(run_cli(*args, "sarif").stdout)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    column = _columns(checked, 6)[0]
    end = column + len(WORD)  # one past the word's last character, as SARIF counts
    assert regions[-1] == {"startLine": 6, "startColumn": column, "endLine": 6, "endColumn": end}
    annotations = run_cli(*args, "github").stdout.splitlines()
    assert f"file=t.md,line=6,endLine=6,col={column},endColumn={end}," in annotations[-1]


def test_a_line_separator_inside_a_pasted_line_is_no_line_end(checked: list[str]) -> None:
    text = f"# Om\n\nEn linje\u2028med skilletegn.\n\nVi skriver {WORD} her.\n"
    result = run_cli(
        "check", "-", "--glossary", GLOSSARY, "--lang", "da", "--format", "json", input=text
    )
    found = [
        (f["line"], f.get("column"))
        for f in json.loads(result.stdout)
        if f["rule"] == "term/deprecated"
    ]
    assert found == [(5, len("Vi skriver ") + 1)]


def test_a_lone_end_mark_is_no_word_to_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("app.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: da\\n"\n\n'
        'msgid "It is there. Where is it?"\nmsgstr ""\n"Den står der. "\n"Hvor er den."\n',
        encoding="utf-8",
    )
    result = run_cli("check", "--source-lang", "en", "--format", "json", "app.po")
    (found,) = [f for f in json.loads(result.stdout) if f["rule"] == "translation/punctuation"]
    assert found["data"]["found"] == "."
    assert (found["line"], found.get("column")) == (7, None)  # the msgstr's line, no column
