"""What the pages show, shaped from a snapshot: document rows, sentences marked, findings.

Sentence levels, the hardest sentences and their ranking are the readability report's
(`report/scores.py`), so the page and the report never disagree about what is hard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.checks.findings import Finding, Severity
from pipeline.project.config import ReadabilitySettings
from pipeline.readability.levels import DocumentScore, SentenceScore, lix_band
from pipeline.report.scores import MIN_WORDS_TO_RANK, hardest, plain
from pipeline.source.markdown import BlockKind
from pipeline.web.engine import Snapshot

_QUOTED = re.compile(r"^'([^']+)'")  # term/* messages start with the term they mean


@dataclass(frozen=True, slots=True)
class Version:
    """One locale of a document: its score, findings, and where it sits in the page."""

    score: DocumentScore
    findings: list[Finding]
    anchor: str

    @property
    def errors(self) -> int:
        return sum(finding.severity is Severity.ERROR for finding in self.findings)


@dataclass(slots=True)
class Marked:
    """A sentence split into pieces, some of them glossary findings."""

    sentence: SentenceScore
    level: str
    anchor: str
    pieces: list[tuple[str, Finding | None]] = field(default_factory=list)


def document_rows(snapshot: Snapshot, settings: ReadabilitySettings) -> dict[str, list[Any]]:
    """Per locale, each document's version in it with LIX, band and open findings."""
    rows: dict[str, list[Any]] = {}
    for score in snapshot.run.documents:
        counts = score.counts
        found = snapshot.findings_of(score.path)
        rows.setdefault(score.lang, []).append({
            "document": score.document,
            "title": score.title,
            "path": score.path,
            "translation": score.is_translation,
            "lix": round(counts.lix, 1) if counts.words else None,
            "band": lix_band(counts.lix, settings.bounds) if counts.words else None,
            "target": score.target.lix,
            "over": bool(counts.words) and counts.lix > score.target.lix,
            "findings": len(found),
            "errors": sum(f.severity is Severity.ERROR for f in found),
        })  # fmt: skip
    return dict(sorted(rows.items()))


def versions_of(snapshot: Snapshot, document: str) -> list[Version]:
    """The original of `document` first, then its translations; none if there is no such."""
    scores = [score for score in snapshot.run.documents if score.document == document]
    scores.sort(key=lambda score: (score.is_translation, score.lang))
    return [Version(score, snapshot.findings_of(score.path), f"v-{score.lang}") for score in scores]


def level(sentence: SentenceScore, settings: ReadabilitySettings) -> str:
    """The report's marking of a sentence: "hard", "very-hard" or none ("")."""
    if sentence.counts.words < MIN_WORDS_TO_RANK:
        return ""
    band = lix_band(sentence.counts.lix, settings.bounds)
    return {"hard": "hard", "very hard": "very-hard"}.get(band, "")


def marked_sentences(version: Version, settings: ReadabilitySettings) -> dict[str, list[Marked]]:
    """The version's sentences by unit, each with its level and its glossary findings."""
    terms = [f for f in version.findings if f.rule.startswith("term/")]
    by_unit: dict[str, list[Marked]] = {}
    for number, sentence in enumerate(version.score.sentences):
        anchor = f"{version.anchor}-s{number}"
        marked = Marked(sentence, level(sentence, settings), anchor)
        marked.pieces = _pieces(plain(sentence.text), [f for f in terms if f.line == sentence.line])
        by_unit.setdefault(sentence.unit_id, []).append(marked)
    return by_unit


def _pieces(text: str, findings: list[Finding]) -> list[tuple[str, Finding | None]]:
    """`text` cut around the terms the findings quote, each cut piece with its finding."""
    pieces: list[tuple[str, Finding | None]] = [(text, None)]
    for finding in findings:
        term = _term_found(finding)
        if not term:
            continue
        for index, (piece, owner) in enumerate(pieces):
            at = piece.find(term) if owner is None else -1
            if at >= 0:
                end = at + len(term)
                pieces[index : index + 1] = [
                    (piece[:at], None),
                    (piece[at:end], finding),
                    (piece[end:], None),
                ]
                break
    return [(piece, owner) for piece, owner in pieces if piece]


def _term_found(finding: Finding) -> str:
    """The text a term finding is about: the form found (term/deprecated names it), else
    the one its message quotes first (the other term/* rules quote the term they mean)."""
    found = finding.data.get("found")
    if found:
        return found
    quoted = _QUOTED.match(finding.message)
    return quoted.group(1) if quoted else ""


def side_by_side(versions: list[Version], settings: ReadabilitySettings) -> list[dict[str, Any]]:
    """One row per unit of the original, with each version's sentences in its cell."""
    marked = [marked_sentences(version, settings) for version in versions]
    rows: list[dict[str, Any]] = []
    for sentence in versions[0].score.sentences:
        unit = sentence.unit_id
        if sentence.kind is BlockKind.TITLE or (rows and rows[-1]["unit"] == unit):
            continue  # the title is the page's heading; one row per unit
        cells = [
            {"lang": version.score.lang, "sentences": found.get(unit, [])}
            for version, found in zip(versions, marked, strict=True)
        ]
        rows.append({"unit": unit, "heading": sentence.kind is BlockKind.HEADING, "cells": cells})
    return rows


def hardest_of(version: Version, settings: ReadabilitySettings, top: int = 5) -> list[Marked]:
    """The `top` hardest sentences of a version, linked to their place in the text."""
    anchors = {id(s): f"{version.anchor}-s{n}" for n, s in enumerate(version.score.sentences)}
    return [
        Marked(sentence, level(sentence, settings), anchors[id(sentence)])
        for sentence in hardest(version.score, top)
    ]


def translation_harder(version: Version) -> list[Finding]:
    """The version's readability/translation-harder findings (a translation vs its source)."""
    return [f for f in version.findings if f.rule == "readability/translation-harder"]
