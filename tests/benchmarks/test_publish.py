"""A benchmark's run replaces its own section of docs/performance.md and nothing else."""

from __future__ import annotations

import platform
from pathlib import Path

from .publish import publish, table

PAGE = """# Performance

Prose people wrote.

<!-- benchmark:one -->
| old | table |
|---|---|
<!-- /benchmark:one -->

More prose.

<!-- benchmark:two -->
Two's figures.
<!-- /benchmark:two -->
"""


def test_publish_replaces_its_section_and_leaves_the_rest(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text(PAGE, encoding="utf-8")
    publish("one", table(["run", "seconds"], [["ours", "1.07"]], right={1}), "Best of 3.", page)
    text = page.read_text(encoding="utf-8")
    assert "| old | table |" not in text
    assert "| run | seconds |\n|---|---:|\n| ours | 1.07 |\n\nBest of 3.\n" in text
    assert f"Python {platform.python_version()}" in text
    assert " cores" in text
    before, _, after = PAGE.partition("<!-- benchmark:one -->")
    assert text.startswith(before)
    assert text.endswith(after.split("<!-- /benchmark:one -->")[1])
    assert text.count("<!-- benchmark:one -->") == text.count("<!-- /benchmark:one -->") == 1


def test_publish_twice_gives_one_section(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text(PAGE, encoding="utf-8")
    publish("two", "| a |\n|---|\n| 1 |", page=page)
    first = page.read_text(encoding="utf-8")
    publish("two", "| a |\n|---|\n| 1 |", page=page)
    assert page.read_text(encoding="utf-8") == first
    assert "Two's figures." not in first
    assert list(tmp_path.iterdir()) == [page]  # no temporary file left behind


def test_publish_appends_a_missing_section(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text(PAGE, encoding="utf-8")
    publish("three", "| b |\n|---|\n| 2 |", page=page)
    text = page.read_text(encoding="utf-8")
    assert text.startswith(PAGE.rstrip())
    assert text.rstrip().endswith("<!-- /benchmark:three -->")
    assert "<!-- benchmark:three -->\n| b |" in text
