"""An unknown word inside a passage in the other language is that language's: its
suggestions come from that dictionary and `pipeline words --add` files it there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

PAGE = """---
lang: da
---

# Om netværket

Denne side handler om netværket på skolen. Alle maskiner starter fra serveren.

The thin clients use netbooting to start from the main server, which keeps the system simple.
"""


def test_an_unknown_word_in_an_english_passage_is_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("om.md").write_text(PAGE, encoding="utf-8")
    result = run_cli("check", "om.md", "--format", "json")
    (found,) = [f for f in json.loads(result.stdout) if f["rule"] == "spelling/unknown-word"]
    assert (found["data"]["word"], found["data"]["lang"]) == ("netbooting", "en")
