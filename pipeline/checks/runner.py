"""Running checks: `run` feeds the active rules their subjects and sorts what they find."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.findings import Finding
from pipeline.checks.registry import ActiveRule, Target
from pipeline.project.config import SpellingSettings
from pipeline.readability.levels import DocumentScore
from pipeline.terms.glossary import Glossary
from pipeline.terms.occurrences import TermUse, TermUseRow


def run(
    rules: Iterable[ActiveRule],
    subjects: Mapping[Target, Sequence[object]],
    glossary: Glossary | None = None,
    languages: tuple[str, ...] = (),
    spelling: SpellingSettings | None = None,
) -> list[Finding]:
    """Give each active rule the subjects of its target; return the findings sorted."""
    found: list[Finding] = []
    for active in rules:
        context = dataclasses.replace(
            active.context, glossary=glossary, languages=languages, spelling=spelling
        )
        for subject in subjects.get(active.rule.target, ()):
            for finding in active.rule.check(subject, context):
                found.append(_with_msgctxt(finding, subject))
    return sorted(found, key=lambda finding: finding.sort_key)


def run_each(
    rules: Sequence[ActiveRule], subjects: Sequence[object], glossary: Glossary | None = None
) -> list[list[Finding]]:
    """`run` on each subject alone (all of one target): its findings, sorted."""
    contexts = [
        dataclasses.replace(active.context, glossary=glossary, languages=(), spelling=None)
        for active in rules
    ]
    found: list[list[Finding]] = []
    for subject in subjects:
        findings = [
            _with_msgctxt(finding, subject)
            for active, context in zip(rules, contexts, strict=True)
            for finding in active.rule.check(subject, context)
        ]
        found.append(sorted(findings, key=lambda finding: finding.sort_key))
    return found


def _with_msgctxt(finding: Finding, subject: object) -> Finding:
    """A finding on a PO entry with a msgctxt names it: the msgid alone is not the entry."""
    if not isinstance(subject, CatalogMessage) or subject.context is None:
        return finding
    return dataclasses.replace(finding, data={**finding.data, "msgctxt": subject.context})


def run_uses(
    rules: Iterable[ActiveRule], rows: Iterable[TermUseRow], glossary: Glossary | None
) -> list[Finding]:
    """Run the rules on the terms each file uses, one file at a time, in text order."""
    by_path: dict[str, list[TermUse]] = {}
    for row in rows:
        by_path.setdefault(row[0], []).append(TermUse._make(row))
    return run(rules, {"uses": list(by_path.values())}, glossary)


def run_readability(
    rules: Iterable[ActiveRule],
    documents: Iterable[DocumentScore],
    pairs: Iterable[tuple[DocumentScore, DocumentScore]],
) -> list[Finding]:
    """Run the readability rules on scored documents and source/translation pairs."""
    return run(rules, {"document": list(documents), "translation": list(pairs)})
