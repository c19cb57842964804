"""Checks: importing a family module registers its rules; `run` feeds them their subjects."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.checks import readability as _readability  # noqa: F401  (registers rules)
from pipeline.checks.registry import ActiveRule
from pipeline.findings import Finding
from pipeline.reading_level import DocumentScore


def run_readability(
    rules: list[ActiveRule],
    documents: Iterable[DocumentScore],
    pairs: Iterable[tuple[DocumentScore, DocumentScore]],
) -> list[Finding]:
    """Run the active document and translation rules; findings come back sorted."""
    documents, pairs = list(documents), list(pairs)
    found: list[Finding] = []
    for active in rules:
        subjects: list[object] = list(documents if active.rule.target == "document" else pairs)
        for subject in subjects:
            found.extend(active.rule.check(subject, active.context))
    return sorted(found, key=lambda finding: finding.sort_key)
