"""Where a finding's words stand in its file: the column reports and editors point at.

A rule knows a finding's line and the words it is about (`found`, a spelling finding's
`word`), and which time those words come on that line (`Finding.occurrence`); the column
is looked up in the file's text as written. A rule's offsets are into a unit's text, which
lost the list markers, quote marks, indentation and PO escapes of its lines, so they are
not the file's columns; the words on the finding's line, counted to their `occurrence`,
are. Columns count characters (code points), from 1, as SARIF's `columnKind` says.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from pipeline.checks.findings import Finding
from pipeline.project.files import STDIN, STDIN_NAME, buffered, read_bytes
from pipeline.source.language import CODE_SPAN

Lines = Sequence[str] | Mapping[int, str]  # a whole text, or the blocks a run needs


def block_lines(lines: Lines, line: int) -> range:
    """The 0-based lines from `line` to the end of its block (up to a blank line): a
    paragraph, or a PO entry's msgstr and its continuation lines."""
    end = line
    while _text(lines, end + 1).strip():
        end += 1
    return range(line, end + 1)


def _text(lines: Lines, number: int) -> str:
    try:
        return lines[number]
    except (IndexError, KeyError):
        return ""


def word_at(lines: Lines, line: int, needle: str, nth: int = 0) -> tuple[int, int] | None:
    """The 0-based line and character index where `needle` stands as a whole word for the
    `nth` time (not in "other" for "ther", nor in "CAR Team" for "CAR T"), from 0-based
    `line` to the end of its block; outside code spans where it can be, in its own case
    where it can be."""
    if not needle:
        return None
    before = r"(?<!\w)" if needle[0].isalnum() else ""
    after = r"(?!\w)" if needle[-1].isalnum() else ""
    pattern = re.compile(before + re.escape(needle) + after)
    folded = re.compile(pattern.pattern, re.IGNORECASE)
    for wanted in (pattern, folded):
        spots = [
            spot
            for number in block_lines(lines, line)
            for spot in _spots(_text(lines, number), number, wanted)
        ]
        prose = [(number, index) for number, index, code in spots if not code]
        chosen = prose if len(prose) > nth else [(number, index) for number, index, _ in spots]
        if len(chosen) > nth:
            return chosen[nth]
    return None


def _spots(text: str, number: int, pattern: re.Pattern[str]) -> Iterable[tuple[int, int, bool]]:
    code = [span.span() for span in CODE_SPAN.finditer(text)] if "`" in text else []
    for match in pattern.finditer(text):
        yield number, match.start(), any(a <= match.start() < b for a, b in code)


def named_words(finding: Finding) -> str:
    """The words a finding is about, if it names them; not a lone mark (an end mark's
    "." stands anywhere in the text, and the first one is seldom the one meant)."""
    words = finding.data.get("found") or finding.data.get("word") or ""
    return words if any(character.isalnum() for character in words) else ""


def with_columns(findings: Collection[Finding], root: Path) -> list[Finding]:
    """`findings` with the line and column of the words each names, where its file (by
    its path under `root`, or an editor's buffer) shows them in the finding's block."""
    wanted: dict[str, set[int]] = {}
    for finding in findings:
        if named_words(finding) and finding.line > 0:
            wanted.setdefault(finding.path, set()).add(finding.line - 1)
    blocks = {path: _blocks(_lines(root, path), starts) for path, starts in wanted.items()}
    placed = []
    for finding in findings:
        lines = blocks.get(finding.path)
        line = finding.line - 1
        spot = word_at(lines, line, named_words(finding), finding.occurrence) if lines else None
        if spot is not None:  # a word on the next line of a msgstr "" is placed there
            finding = dataclasses.replace(finding, line=spot[0] + 1, column=spot[1] + 1)
        placed.append(finding)
    return placed


def _lines(root: Path, shown: str) -> Iterator[str]:
    """The lines of the file a finding names (as the run read it: an editor's buffer,
    standard input), one by one: a big catalog is not held whole.
    Nothing if it cannot be read."""
    path = STDIN if shown == STDIN_NAME else root / shown
    if path != STDIN and buffered(path) is None and not path.exists():
        path = Path(shown)  # named from the working folder (`pipeline check PATHS`)
    if path == STDIN or buffered(path) is not None:  # standard input is read once, kept
        text = read_bytes(path).decode("utf-8-sig", "replace").replace("\r\n", "\n")
        yield from text.split("\n")  # not splitlines(): U+2028 is no line end in a file
        return
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as file:
            yield from (line.rstrip("\r\n") for line in file)
    except OSError:
        return


def _blocks(lines: Iterator[str], starts: set[int]) -> dict[int, str]:
    """The lines of the blocks that begin at `starts` (0-based)."""
    kept: dict[int, str] = {}
    last, taking = max(starts), False
    for number, text in enumerate(lines):
        taking = number in starts or (taking and bool(text.strip()))
        if taking:
            kept[number] = text
        elif number > last:
            break
    return kept
