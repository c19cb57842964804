"""Where the language server puts a finding in the text: the underline a quick fix replaces."""

from __future__ import annotations

import pytest

from pipeline.checks.findings import Finding, Severity
from pipeline.lsp.diagnostics import find_in, finding_range


@pytest.mark.parametrize(
    ("line", "needle", "start"),
    [
        ("The other ther is here", "ther", 10),  # not in "other": the fix made "othe ther"
        ("The CAR Team said that CAR T cells", "CAR T", 23),  # not "CAR-Team"
        ("Write `(tm)` as tm here", "tm", 16),  # prose before a code span
        ("Only `th` has it", "th", 6),  # else the code span
    ],
)
def test_a_diagnostic_underlines_the_word_itself(line: str, needle: str, start: int) -> None:
    found = find_in([line], 0, needle)
    assert found is not None
    assert (found.start.character, found.end.character) == (start, start + len(needle))


def test_a_generic_link_is_underlined_at_its_text_and_a_crlf_line_without_its_end() -> None:
    said = "link text 'here' says nothing about where it goes"
    link = Finding("a11y/link-text", Severity.WARNING, "p.md", 1, said, data={"found": "here"})
    found = finding_range(link, ["Read it [here](https://example.org)."])
    assert (found.start.character, found.end.character) == (9, 13)
    line = Finding("readability/long-sentence", Severity.WARNING, "p.md", 1, "long")
    assert finding_range(line, ["A line.\r"]).end.character == 7
