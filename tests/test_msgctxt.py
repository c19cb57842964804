"""msgctxt is part of an entry's identity: two entries that share a msgid are two entries."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import run_cli

CATALOG = """\
msgid ""
msgstr ""
"Language: da\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "menu"
msgid "Open the file"
msgstr "Åbn fil 2"

# pipeline: ignore translation/numbers
msgctxt "toolbar"
msgid "Open the file"
msgstr "Åbn filen"
"""


def check(*args: str) -> list[dict[str, object]]:
    result = run_cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [f for f in json.loads(result.stdout) if f["rule"] == "translation/numbers"]


def test_a_finding_points_at_its_own_entry_and_names_its_context(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    (root / "help.po").write_text(CATALOG)
    found = check("help.po")
    # The menu entry added a number: the finding is on its msgstr line (babel's msgid
    # alone would point at the toolbar entry), and the toolbar's suppression does not
    # hide it.
    assert [(f["line"], f["data"]) for f in found] == [(9, {"msgctxt": "menu"})]


def test_the_baseline_tells_entries_apart_by_context(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "help.po").write_text(CATALOG)
    assert run_cli("check", "help.po", "--write-baseline", "baseline.json").exit_code == 0
    recorded = json.loads((root / "baseline.json").read_text())["findings"]
    numbers = [entry for entry in recorded if entry["rule"] == "translation/numbers"]
    assert [entry.get("msgctxt") for entry in numbers] == ["menu"]
    assert check("help.po", "--baseline", "baseline.json") == []
    # The same problem moved to the other entry is a new finding, not the accepted one.
    moved = CATALOG.replace("# pipeline: ignore translation/numbers\n", "")
    moved = moved.replace('"Åbn filen"', '"Åbn fil 2"').replace(
        '"Åbn fil 2"\n\n', '"Åbn filen"\n\n', 1
    )
    (root / "help.po").write_text(moved)
    assert [f["data"] for f in check("help.po", "--baseline", "baseline.json")] == [
        {"msgctxt": "toolbar"}
    ]
