"""Suppression comments in a Markdown source: which rules a human silenced on which lines.

`<!-- pipeline: ignore RULE -->` covers the next block, `<!-- pipeline: off RULE -->` …
`<!-- pipeline: on -->` a region, and `<!-- pipeline: ignore-file RULE -->` the whole
file. RULE is a rule id, a family ("readability") or several separated by commas; a
reason may follow after " -- ".
Reading them is reading the source: checks apply them, export honours them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"^\s*<!--\s*pipeline:\s*(ignore-file|ignore|off|on)\b\s*(.*?)\s*-->\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules silenced on a range of lines of one file, and where that was written."""

    path: str
    line: int
    rules: tuple[str, ...]
    first: int
    last: int

    def silences(self, rule_id: str, line: int) -> bool:
        """Whether `rule_id` is silenced on `line` of this suppression's file."""
        return self.first <= line <= self.last and any(_matches(r, rule_id) for r in self.rules)


def _matches(pattern: str, rule_id: str) -> bool:
    family = pattern.rstrip("/*")
    return pattern in {"*", "all"} or rule_id == pattern or rule_id.startswith(family + "/")


def _rules(text: str) -> tuple[str, ...]:
    return tuple(rule.strip() for rule in without_reason(text).split(",") if rule.strip()) or ("*",)


def without_reason(text: str) -> str:
    """The rules of a suppression, without the reason written after " -- " (or " — "):
    `ignore links/broken -- the anchor comes from attr_list`."""
    return _REASON.split(text, maxsplit=1)[0]


_REASON = re.compile(r"\s+(?:--|—)(?:\s+|$)")


def markdown_suppressions(text: str, path: str) -> list[Suppression]:
    """Read the suppression comments of a Markdown file."""
    lines = text.split("\n")
    found: list[Suppression] = []
    open_regions: list[tuple[int, tuple[str, ...]]] = []
    fenced = _fenced_lines(lines)
    for index, line in enumerate(lines):
        match = _COMMENT.match(line)
        if not match or index in fenced:  # a comment shown in a code block silences nothing
            continue
        verb, rules, number = match.group(1), _rules(match.group(2)), index + 1
        if verb == "ignore-file":
            found.append(Suppression(path, number, rules, 1, len(lines)))
        elif verb == "ignore":
            first, last = _next_block(lines, index + 1)
            found.append(Suppression(path, number, rules, first, last))
        elif verb == "off":
            open_regions.append((number, rules))
        elif open_regions:
            start, region_rules = open_regions.pop()
            found.append(Suppression(path, start, region_rules, start, number))
    found += [Suppression(path, start, rules, start, len(lines)) for start, rules in open_regions]
    return found


def _fenced_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines inside fenced code blocks (CommonMark: a closing fence uses
    the opening's character, at least as many times; an unclosed one runs to the end)."""
    inside: set[int] = set()
    opening = ""
    for index, line in enumerate(lines):
        fence = _FENCE.match(line)
        if not opening:
            opening = fence.group(1) if fence else ""
            continue
        mark = fence.group(1) if fence else ""
        if mark[:1] == opening[0] and len(mark) >= len(opening) and not line.strip(" `~"):
            opening = ""
        else:
            inside.add(index)
    return inside


def _next_block(lines: list[str], start: int) -> tuple[int, int]:
    """Lines (1-based) of the block after `start`: up to the next blank line."""
    first = start
    while first < len(lines) and not lines[first].strip():
        first += 1
    last = first
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return first + 1, last + 1
