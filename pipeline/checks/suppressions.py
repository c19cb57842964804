"""Suppressions a human decided on: Markdown comments and PO translator comments.

Markdown comments are read with the source (source.suppressions); PO: a translator
comment `# pipeline: ignore RULE` on the entry (it survives updates; Poedit shows it).
On the header entry (msgid ""), it covers the header: findings on the whole catalog
(a translation's readability/document-level) are reported at its line 1.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.catalogs.messages import CatalogMessage, ignored_rules
from pipeline.catalogs.reader import PoEntries
from pipeline.checks.findings import Finding
from pipeline.checks.registry import all_rules
from pipeline.project.errors import PipelineError, did_you_mean
from pipeline.source.suppressions import Suppression, markdown_suppressions

__all__ = [
    "Suppression",
    "apply",
    "check_rule_names",
    "header_suppressions",
    "markdown_suppressions",
    "po_suppressions",
]


def covers(suppression: Suppression, finding: Finding) -> bool:
    """Whether `suppression` silences `finding`."""
    return finding.path == suppression.path and suppression.silences(finding.rule, finding.line)


def po_suppressions(messages: Iterable[CatalogMessage]) -> list[Suppression]:
    """Translator comments `# pipeline: ignore RULE` cover their entry."""
    return [
        Suppression(m.path, m.msgid_line, m.ignored_rules, min(m.msgid_line, m.line), m.line)
        for m in messages
        if m.ignored_rules
    ]


def header_suppressions(po: PoEntries, shown: str) -> list[Suppression]:
    """Translator comments on the header entry cover the header, from line 1 (where the
    comments start) to its msgstr."""
    header = po.header_entry
    rules = ignored_rules(header.comments) if header else ()
    if header is None or not rules:
        return []
    return [Suppression(shown, header.line, rules, 1, header.msgstr_line)]


def apply(
    findings: list[Finding], suppressions: list[Suppression]
) -> tuple[list[Finding], list[Suppression]]:
    """Drop suppressed findings; return the rest and the suppressions that did nothing."""
    used: set[Suppression] = set()
    kept = []
    for finding in findings:
        covering = [s for s in suppressions if covers(s, finding)]
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
