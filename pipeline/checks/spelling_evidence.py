"""The findings spelling keeps from the report: names and words built from parts.

They are evidence for take_terms (a word the project writes in two languages is a term;
a built word written once beside a word written often is a slip), made where each text
is checked and folded to one per document and word, with a count.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.findings import Finding

RULE = "spelling/unknown-word"


def fold_hidden(findings: Iterable[Finding]) -> list[Finding]:
    """A document's findings with one finding a name or built word, which counts its
    occurrences: a docs set writes its identifiers thousands of times, and a re-check
    loads them all. A built word written twice is no slip (`project_slips`): dropped."""
    kept: list[Finding] = []
    names: dict[tuple[str, str], Finding] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        if not evidence_only(finding):
            kept.append(finding)
            continue
        key = (finding.data["lang"], finding.data["word"])
        names.setdefault(key, finding)
        counts[key] += int(finding.data.get("count", "1"))
    folded = (
        dataclasses.replace(f, data={**f.data, "count": str(counts[k])})
        for k, f in names.items()
        if counts[k] == 1 or not _built(f)
    )
    return [*kept, *folded]


def without_repeated_built(findings: list[Finding]) -> list[Finding]:
    """`findings` but the built words written twice or more among them: no slips, and a
    large catalog's workers would send tens of thousands of them."""
    counts = Counter(_word_of(f) for f in findings if _built(f))
    return [f for f in findings if not _built(f) or counts[_word_of(f)] < 2]


def _built(finding: Finding) -> bool:
    return finding.rule == RULE and "built" in finding.data


def _word_of(finding: Finding) -> tuple[str, str]:
    return finding.data.get("lang", ""), finding.data.get("word", "")


def taken_for_a_name(finding: Finding) -> bool:
    return finding.rule == RULE and "name" in finding.data


def evidence_only(finding: Finding) -> bool:
    """A name or a word built from parts: evidence for take_terms, never shown."""
    return finding.rule == RULE and ("name" in finding.data or "built" in finding.data)


def reported_unknown(finding: Finding) -> bool:
    """An unknown word shown in the report (unless take_terms finds it a term)."""
    return finding.rule == RULE and not evidence_only(finding)


Key = tuple[str, str]  # (language, word)


def unknown_and_named(findings: Iterable[Finding]) -> tuple[list[Key], list[Key]]:
    """Each occurrence of a word reported unknown, and of one taken for a name. A word
    written often is a term unless one slip from its first suggestion: project_terms
    tells which recur (with no suggestion, any that might be terms); those written
    fewer than ALWAYS_A_TERM times need their suggestion to tell."""
    unknown = [_word_of(f) for f in findings if reported_unknown(f)]
    named = [
        _word_of(f)
        for f in findings if taken_for_a_name(f)
        for _ in range(int(f.data.get("count", "1")))
    ]  # fmt: skip
    return unknown, named


def on_guesses(findings: list[Finding], messages: list[CatalogMessage]) -> list[Finding]:
    """Under check --fuzzy, a finding on a fuzzy translation says so (data "fuzzy"), and
    a guess's words are no evidence of the project's terms (names, built words)."""
    guesses = {(m.path, m.line) for m in messages if m.review and m.fuzzy and m.target}
    if not guesses:
        return findings
    marked = []
    for finding in findings:
        on_a_guess = (finding.path, finding.line) in guesses
        if on_a_guess and evidence_only(finding):
            continue
        if on_a_guess and finding.rule != "translation/fuzzy":
            finding = dataclasses.replace(finding, data={**finding.data, "fuzzy": "yes"})
        marked.append(finding)
    return marked
