"""Render readability results for editors: a text table, JSON for tools, an HTML report."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.checks.findings import Finding, counted, severity_counts
from pipeline.checks.readability import FEWEST_WORDS, too_little
from pipeline.project.config import ReadabilitySettings
from pipeline.project.language_tags import with_language_tags
from pipeline.readability.levels import (
    LIX_BANDS,
    DocumentScore,
    SentenceScore,
    flesch_band,
    lix_band,
)
from pipeline.report.formats import finding_dict
from pipeline.source.markdown import BlockKind


@dataclass(frozen=True, slots=True)
class ReadabilityRun:
    """Scores of the selected documents, source/translation pairs, and the findings."""

    documents: list[DocumentScore]
    pairs: list[tuple[DocumentScore, DocumentScore]]
    findings: list[Finding]
    # Documents readability/document-level, when on, gives no verdict: too few words.
    unjudged: tuple[str, ...] = ()


MIN_WORDS_TO_RANK = 10  # below this, one long word makes LIX soar: not a "hard sentence"


def hardest(score: DocumentScore, count: int) -> list[SentenceScore]:
    """Return the `count` sentences with the highest LIX, in document order."""
    ranked = [s for s in score.sentences if s.counts.words >= MIN_WORDS_TO_RANK]
    ranked.sort(key=lambda s: (-s.counts.lix, s.line))
    return sorted(ranked[:count], key=lambda s: s.line)


def reason(sentence: SentenceScore) -> str:
    """Say why a sentence is hard: its LIX, length and share of long words."""
    counts = sentence.counts
    return f"LIX {counts.lix:.0f}: {counts.words} words, {counts.long_word_share:.0%} long"


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _row(score: DocumentScore, settings: ReadabilitySettings) -> dict[str, Any]:
    counts = score.counts
    measured = bool(counts.words)
    return {
        "document": score.document,
        "locale": score.lang,
        "role": "translation" if score.is_translation else "original",
        "path": score.path,
        "title": score.title,
        "lix": round(counts.lix, 1) if measured else None,
        "band": lix_band(counts.lix, settings.bounds) if measured else None,
        "target_lix": score.target.lix,
        "flesch": round(counts.flesch, 1) if measured and score.english else None,
        "flesch_band": flesch_band(counts.flesch) if measured and score.english else None,
        "grade": round(counts.grade, 1) if measured and score.english else None,
        "target_flesch": score.target.flesch if score.english else None,
        "sentences": counts.sentences,
        "words": counts.words,
        "words_per_sentence": round(counts.words_per_sentence, 1),
        "long_word_share": round(counts.long_word_share, 3),
        "units": score.units,
        "unmeasured_units": score.unmeasured,
        "other_language_sentences": score.other_language,
        "verdict": not too_little(score),  # enough running text to judge the level
    }


def render_json(run: ReadabilityRun, settings: ReadabilitySettings, top: int) -> str:
    """Return the scores, sections, hardest sentences and findings as JSON."""
    documents = []
    for score in run.documents:
        row = _row(score, settings)
        row["sections"] = [
            {"section": name, "lix": round(counts.lix, 1), "words": counts.words}
            for name, counts in score.sections()
        ]
        row["hardest"] = [
            {"line": s.line, "text": s.text, "lix": round(s.counts.lix, 1), "words": s.counts.words}
            for s in hardest(score, top)
        ]
        documents.append(row)
    payload = {
        "scale": {"name": settings.scale, "bounds": list(settings.bounds)},
        "documents": documents,
        "findings": [finding_dict(f) for f in run.findings],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def render_text(
    run: ReadabilityRun, settings: ReadabilitySettings, top: int, with_findings: bool = True
) -> str:
    """Return the table, the hardest sentences per document and the findings."""
    findings = _findings(run) if with_findings else iter(())
    return "\n".join([*_table(run, settings), "", *_hardest_lines(run, top), *findings])


def _table(run: ReadabilityRun, settings: ReadabilitySettings) -> Iterator[str]:
    bounds = ", ".join(f"{bound:g}" for bound in settings.bounds)
    yield f"LIX bands: {settings.scale} scale (upper bounds {bounds})"
    header = (
        "document",
        "locale",
        "role",
        "LIX",
        "band",
        "target",
        "Flesch",
        "grade",
        "sentences",
        "words",
        "words/sentence",
        "long words",
    )
    lines: list[tuple[str, ...]] = [header]
    for score in run.documents:
        row = _row(score, settings)
        flesch = f"{row['flesch']:.0f} {row['flesch_band']}" if row["flesch"] is not None else "-"
        target = f"<={row['target_lix']:g}" + (
            f", >={row['target_flesch']:g}" if row["target_flesch"] else ""
        )
        lines.append((
            row["document"], row["locale"], row["role"],
            f"{row['lix']:.1f}" if row["lix"] is not None else "-", row["band"] or "not scored",
            target, flesch, f"{row['grade']:.1f}" if row["grade"] is not None else "-",
            str(row["sentences"]), str(row["words"]),
            f"{row['words_per_sentence']:.1f}", f"{row['long_word_share']:.0%}",
        ))  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        cells = (
            c.rjust(w) if i >= 3 and i != 4 else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        )
        yield "  ".join(cells).rstrip()


def _hardest_lines(run: ReadabilityRun, top: int) -> Iterator[str]:
    if top <= 0:
        return
    yield f"Hardest sentences (top {top} per document):"
    for score in run.documents:
        sentences = hardest(score, top)
        if not sentences:
            continue
        yield f"  {score.document} ({score.lang})"
        for sentence in sentences:
            yield f"    {score.path}:{sentence.line}  {reason(sentence)}  '{_quote(sentence.text)}'"
    yield ""


def _findings(run: ReadabilityRun) -> Iterator[str]:
    if not run.findings:
        return
    yield "Findings:"
    for finding in run.findings:
        where = f"{finding.path}:{finding.line}"
        yield f"  {where}: {finding.severity}: {finding.message} [{finding.rule}]"
    yield ""


def summary(run: ReadabilityRun) -> str:
    """One line on what was covered and found, so "nothing found" is never ambiguous."""
    langs: dict[str, int] = {}
    scored = [score for score in run.documents if score.counts.words]
    for score in scored:
        langs[score.lang] = langs.get(score.lang, 0) + 1
    sentences = sum(s.counts.sentences for s in scored)
    words = sum(s.counts.words for s in scored)
    per_lang = ", ".join(f"{count} {lang}" for lang, count in sorted(langs.items()))
    unscored = len(run.documents) - len(scored)
    not_scored = f", {unscored} not scored (no running text)" if unscored else ""
    other = sum(score.other_language for score in run.documents)
    left_out = f"; {counted(other, 'sentence')} in another language left out" if other else ""
    return (
        f"readability: {counted(len(scored), 'document')} scored ({per_lang or 'none'})"
        f"{not_scored}, {counted(sentences, 'sentence')} and {counted(words, 'word')} of "
        f"running text{left_out}; {severity_counts(run.findings)}"
    )


def coverage_warnings(run: ReadabilityRun) -> Iterator[str]:
    """Documents whose score means little: no running text, or untranslated units."""
    for score in run.documents:
        other = score.other_language
        elsewhere = f"{counted(other, 'sentence')} in another language left out of its score"
        if not score.counts.words:
            what = "no translated running text" if score.is_translation else "no running text"
            what += f" in {score.lang} ({elsewhere})" if other else ""
            yield f"warning: {score.path}: {what}; not scored"
            continue
        if other:
            yield f"note: {score.path}: {elsewhere}"
        if too_little(score) and not score.unmeasured:
            yield (
                f"note: {score.path}: {counted(score.counts.words, 'word')} of running text, "
                f"too few for a verdict on the document's level ({FEWEST_WORDS} needed); "
                "its sentences are checked"
            )
        if score.unmeasured:
            rest = (
                "scored on the rest"
                if score.counts.words >= FEWEST_WORDS
                else f"the rest, {score.counts.words} words, is too little for a verdict"
            )
            yield (
                f"warning: {score.path}: {score.unmeasured} of {score.units} units untranslated "
                f"or fuzzy; {rest}"
            )


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """Markdown inline → the words a reader sees (links and images by their text)."""
    return _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text)).replace("\\\n", " ")


_COLORS = ("#1f5fa8", "#7a3e9d", "#2e7d32")
_BAR_HEIGHT, _BAR_GAP, _CHART_LIX_MAX, _CHART_WIDTH, _CHART_LEFT = 14, 10, 70.0, 640, 230


def render_html(run: ReadabilityRun, settings: ReadabilitySettings) -> str:
    """Return the HTML report: summary, then each document's chart and side-by-side text."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("pipeline.report", "templates"), autoescape=select_autoescape(["j2"])
    )
    bounds = settings.bounds
    names = LIX_BANDS
    lows = [_next_up(bound) for bound in bounds]
    ranges = [f"≤ {bounds[0]:g}"] + [f"{a}–{b:g}" for a, b in zip(lows, bounds[1:], strict=False)]
    ranges.append(f"≥ {lows[-1]}")
    languages = sorted({score.lang for score in run.documents})
    html = environment.get_template("readability.html.j2").render(
        scale=settings.scale,
        bands=[{"name": n, "range": r} for n, r in zip(names, ranges, strict=True)],
        hard_range=ranges[3],
        very_hard_range=ranges[4],
        languages=" and ".join(languages),
        summary=[_view_row(score, settings) for score in run.documents],
        documents=[_view_document(versions, settings) for versions in _grouped(run)],
    )
    return with_language_tags(html)


def _next_up(bound: float) -> str:
    """The first value of the next band: 25 after 24, "24.5+" after 24.5."""
    return f"{bound + 1:g}" if float(bound).is_integer() else f"> {bound:g}"


def _grouped(run: ReadabilityRun) -> list[list[DocumentScore]]:
    """Each original followed by its translations, in the run's order."""
    groups: dict[str, list[DocumentScore]] = {}
    for score in run.documents:
        if not score.is_translation:
            groups.setdefault(score.document, []).insert(0, score)
        else:
            groups.setdefault(score.document, []).append(score)
    return list(groups.values())


def _view_row(score: DocumentScore, settings: ReadabilitySettings) -> dict[str, Any]:
    row = _row(score, settings)
    row["lix_text"] = f"{row['lix']:.1f}" if row["lix"] is not None else "–"
    row["flesch_text"] = f"{row['flesch']:.0f}" if row["flesch"] is not None else "–"
    row["grade_text"] = f"{row['grade']:.1f}" if row["grade"] is not None else "–"
    # Red only where readability/document-level gives a verdict: a translation under way
    # with a few sentences done is "too little for a verdict", not "very confusing".
    verdict = row["verdict"]
    row["over"] = verdict and row["lix"] is not None and row["lix"] > score.target.lix
    row["flesch_over"] = (
        verdict and row["flesch"] is not None and row["flesch"] < score.target.flesch
    )
    return row


def _view_document(versions: list[DocumentScore], settings: ReadabilitySettings) -> dict[str, Any]:
    rows = [_view_row(v, settings) for v in versions]
    for row, color in zip(rows, _COLORS, strict=False):
        row["color"] = color
    return {
        "document": versions[0].document,
        "title": versions[0].title,
        "versions": rows,
        "chart": _chart(versions),
        "sections": _section_table(versions),
        "rows": _side_by_side(versions, settings),
    }


def _section_table(versions: list[DocumentScore]) -> list[dict[str, Any]]:
    per_version = [dict(v.sections()) for v in versions]
    names = list(per_version[0]) if per_version else []
    return [
        {
            "name": name,
            "scores": [f"{s[name].lix:.1f}" if _scored(s, name) else "–" for s in per_version],
        }
        for name in names
    ]


def _scored(sections: dict[str, Any], name: str) -> bool:
    return name in sections and sections[name].words > 0


def _chart(versions: list[DocumentScore]) -> dict[str, Any]:
    """Horizontal bars of LIX per section, one bar per version, with the target line."""
    per_version = [dict(v.sections()) for v in versions]
    names = list(per_version[0]) if per_version else []
    scale = (_CHART_WIDTH - _CHART_LEFT - 60) / _CHART_LIX_MAX
    bars, labels, y = [], [], 4
    for name in names:
        labels.append({"text": plain(name)[:34], "y": y + _BAR_HEIGHT * len(versions) / 2 + 4})
        for sections, color in zip(per_version, _COLORS, strict=False):
            scored = _scored(sections, name)  # an untranslated section is no 0
            lix = sections[name].lix if scored else 0.0
            width = min(lix, _CHART_LIX_MAX) * scale
            bars.append(
                {
                    "y": y,
                    "width": round(width, 1),
                    "height": _BAR_HEIGHT - 2,
                    "color": color,
                    "label": f"{lix:.0f}" if scored else "not scored",
                }
            )
            y += _BAR_HEIGHT
        y += _BAR_GAP
    target = versions[0].target.lix
    return {
        "width": _CHART_WIDTH,
        "height": y + 20,
        "left": _CHART_LEFT,
        "bars": bars,
        "labels": labels,
        "target": target,
        "target_x": round(_CHART_LEFT + target * scale, 1),
    }


def _side_by_side(
    versions: list[DocumentScore], settings: ReadabilitySettings
) -> list[dict[str, Any]]:
    """One row per unit of the original, with each version's sentences marked by band."""
    by_unit = [_sentences_by_unit(v) for v in versions]
    rows = []
    for unit_id, sentences in by_unit[0].items():
        kind = sentences[0].kind
        if kind is BlockKind.TITLE:
            continue  # shown as the section's heading
        cells = []
        for version, grouped in zip(versions, by_unit, strict=True):
            found = grouped.get(unit_id, [])
            cells.append({
                "lang": version.lang,
                "line": found[0].line if found else "",
                "sentences": [_view_sentence(s, settings) for s in found],
            })  # fmt: skip
        rows.append(
            {"kind": kind.value, "heading": kind.value in {"heading", "title"}, "cells": cells}
        )
    return rows


def _sentences_by_unit(score: DocumentScore) -> dict[str, list[SentenceScore]]:
    grouped: dict[str, list[SentenceScore]] = {}
    for sentence in score.sentences:
        grouped.setdefault(sentence.unit_id, []).append(sentence)
    return grouped


def _view_sentence(sentence: SentenceScore, settings: ReadabilitySettings) -> dict[str, str]:
    band = lix_band(sentence.counts.lix, settings.bounds)
    ranked = sentence.counts.words >= MIN_WORDS_TO_RANK
    level = {"hard": "hard", "very hard": "very-hard"}.get(band, "") if ranked else ""
    return {"text": plain(sentence.text), "level": level, "reason": reason(sentence)}
