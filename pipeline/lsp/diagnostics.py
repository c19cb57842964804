"""Findings as LSP diagnostics: the rule id as code, the severity, the text it is about.

A finding names a line (a PO finding its msgstr line); where it also names the words it is
about (`found`, a spelling finding's `word`) the squiggle sits under them, else under the
line's text. Positions are counted in UTF-16 code units, as the protocol's default asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.positions import named_words, word_at

SOURCE = "pipeline"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True, slots=True)
class Located:
    """A finding and the diagnostic published for it."""

    finding: Finding
    diagnostic: types.Diagnostic


def utf16(text: str, index: int) -> int:
    """The UTF-16 column of character `index` of a line (an emoji counts twice)."""
    return len(text[:index].encode("utf-16-le")) // 2


def from_utf16(text: str, column: int) -> int:
    """The character index of UTF-16 `column` in a line."""
    units = 0
    for index, char in enumerate(text):
        if units >= column:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def find_in(lines: list[str], line: int, needle: str, nth: int = 0) -> types.Range | None:
    """Where `needle` stands as a whole word for the `nth` time from 0-based `line` to
    the end of its block (`checks.positions.word_at`): a quick fix replaces exactly that."""
    spot = word_at(lines, line, needle, nth)
    if spot is None:
        return None
    number, index = spot
    text = lines[number]
    start, end = utf16(text, index), utf16(text, index + len(needle))
    return types.Range(types.Position(number, start), types.Position(number, end))


def whole_line(lines: list[str], line: int) -> types.Range:
    """The text of a line, without its indentation."""
    text = (lines[line] if line < len(lines) else "").rstrip("\r")  # a CRLF file's line end
    start = len(text) - len(text.lstrip())
    return types.Range(
        types.Position(line, utf16(text, start)), types.Position(line, utf16(text, len(text)))
    )


def finding_range(finding: Finding, lines: list[str]) -> types.Range:
    """Where a finding is in the text: its words if it names them, else its line."""
    line = min(max(finding.line - 1, 0), max(len(lines) - 1, 0))
    return word_range(finding, lines) or whole_line(lines, line)


def word_range(finding: Finding, lines: list[str]) -> types.Range | None:
    """The words a finding names: at the column the run placed them (`checks.positions`,
    which also moved the finding to their line), else looked for from its line on."""
    words = named_words(finding)
    line = min(max(finding.line - 1, 0), max(len(lines) - 1, 0))
    text, index = (lines[line] if lines else ""), (finding.column or 0) - 1
    if words and index >= 0 and text[index : index + len(words)].lower() == words.lower():
        start, end = utf16(text, index), utf16(text, index + len(words))
        return types.Range(types.Position(line, start), types.Position(line, end))
    return find_in(lines, line, words, finding.occurrence)


def to_diagnostic(finding: Finding, lines: list[str]) -> types.Diagnostic:
    """The diagnostic an editor shows for `finding`: the CLI's message and fix."""
    fix = f" (fix: {finding.fix})" if finding.fix else ""
    return types.Diagnostic(
        range=finding_range(finding, lines),
        message=finding.message + fix,
        severity=_SEVERITIES[finding.severity],
        code=finding.rule,
        source=SOURCE,
        data={"line": finding.line},  # the finding's own line, as `pipeline check` names it
    )


def locate(findings: list[Finding], text: str) -> list[Located]:
    """Each finding of one document with its diagnostic."""
    lines = text.split("\n")
    return [Located(finding, to_diagnostic(finding, lines)) for finding in findings]
