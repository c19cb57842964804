"""Suppressions a human decided on: Markdown comments and PO translator comments.

Markdown: `<!-- pipeline: ignore RULE -->` covers the next block,
`<!-- pipeline: off RULE -->` … `<!-- pipeline: on -->` a region, and
`<!-- pipeline: ignore-file RULE -->` the whole file. PO: a translator comment
`# pipeline: ignore RULE` on the entry (it survives updates; Poedit shows it).
RULE is a rule id, a family ("readability") or several separated by commas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.findings import Finding
from pipeline.checks.registry import all_rules
from pipeline.project.errors import PipelineError, did_you_mean

_COMMENT = re.compile(r"^\s*<!--\s*pipeline:\s*(ignore-file|ignore|off|on)\b\s*(.*?)\s*-->\s*$")


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules silenced on a range of lines of one file, and where that was written."""

    path: str
    line: int
    rules: tuple[str, ...]
    first: int
    last: int

    def covers(self, finding: Finding) -> bool:
        return finding.path == self.path and self.silences(finding.rule, finding.line)

    def silences(self, rule_id: str, line: int) -> bool:
        """Whether `rule_id` is silenced on `line` of this suppression's file."""
        return self.first <= line <= self.last and any(_matches(r, rule_id) for r in self.rules)


def _matches(pattern: str, rule_id: str) -> bool:
    family = pattern.rstrip("/*")
    return pattern in {"*", "all"} or rule_id == pattern or rule_id.startswith(family + "/")


def _rules(text: str) -> tuple[str, ...]:
    return tuple(rule.strip() for rule in text.split(",") if rule.strip()) or ("*",)


def markdown_suppressions(text: str, path: str) -> list[Suppression]:
    """Read the suppression comments of a Markdown file."""
    lines = text.split("\n")
    found: list[Suppression] = []
    open_regions: list[tuple[int, tuple[str, ...]]] = []
    for index, line in enumerate(lines):
        match = _COMMENT.match(line)
        if not match:
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


def _next_block(lines: list[str], start: int) -> tuple[int, int]:
    """Lines (1-based) of the block after `start`: up to the next blank line."""
    first = start
    while first < len(lines) and not lines[first].strip():
        first += 1
    last = first
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return first + 1, last + 1


def po_suppressions(messages: Iterable[CatalogMessage]) -> list[Suppression]:
    """Translator comments `# pipeline: ignore RULE` cover their entry."""
    return [
        Suppression(m.path, m.msgid_line, m.ignored_rules, min(m.msgid_line, m.line), m.line)
        for m in messages
        if m.ignored_rules
    ]


def apply(
    findings: list[Finding], suppressions: list[Suppression]
) -> tuple[list[Finding], list[Suppression]]:
    """Drop suppressed findings; return the rest and the suppressions that did nothing."""
    used: set[Suppression] = set()
    kept = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        used.update(covering)
        if not covering:
            kept.append(finding)
    return kept, [s for s in suppressions if s not in used]


def check_rule_names(found: list[Suppression]) -> None:
    """A suppression naming no rule would silently suppress nothing: stop the run."""
    known = {r.id for r in all_rules()} | {r.family for r in all_rules()} | {"*", "all"}
    for suppression in found:
        for rule_id in suppression.rules:
            if rule_id not in known and rule_id.rstrip("/*") not in known:
                raise PipelineError(
                    f"unknown rule '{rule_id}' in a suppression",
                    suppression.path,
                    suppression.line,
                    hint=did_you_mean(rule_id, known, "see `pipeline rules`"),
                )
