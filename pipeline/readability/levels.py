"""Score documents and their translations: sentences, sections, documents, bands, targets."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pipeline.project.config import Target
from pipeline.project.errors import PipelineError
from pipeline.readability.counts import Counts, measure, sentence_spans
from pipeline.source.filler import is_filler
from pipeline.source.markdown import BlockKind
from pipeline.source.units import Unit

LIX_BANDS = ("very easy", "easy", "medium", "hard", "very hard")
# Flesch (1948): lower bounds of the bands.
FLESCH_BANDS = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "standard"),
    (50, "fairly difficult"),
    (30, "difficult"),
    (-math.inf, "very confusing"),
)


def lix_band(lix: float, bounds: tuple[float, ...]) -> str:
    """Name the LIX band of `lix` on a scale of four upper bounds."""
    for bound, name in zip(bounds, LIX_BANDS, strict=False):
        if lix <= bound:
            return name
    return LIX_BANDS[-1]


def flesch_band(flesch: float) -> str:
    """Name the Flesch Reading Ease band of `flesch`."""
    return next(name for bound, name in FLESCH_BANDS if flesch >= bound)


def counts_toward_document(kind: BlockKind, text: str) -> bool:
    """Whether a unit is running text that the document score is made of.

    Paragraphs and list items written as full sentences count. Headings, table
    cells, alt texts, titles and short list fragments are scored on their own but
    left out: as one-line "sentences" of a few words they would pull LIX down and
    make a hard text look easy (Danish LIX guides tell editors to strip them).
    """
    if kind is BlockKind.PARAGRAPH:
        return True
    return kind is BlockKind.LIST_ITEM and text.rstrip("*_ )").endswith((".", "!", "?"))


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """One sentence with its counts and where to edit it."""

    text: str
    line: int
    counts: Counts
    unit_id: str
    kind: BlockKind
    section: str
    running: bool


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """A document in one locale (the original or a translation), scored."""

    document: str
    lang: str
    path: str
    source_lang: str
    target: Target
    sentences: tuple[SentenceScore, ...]
    units: int
    unmeasured: int = 0  # untranslated or fuzzy units of a translation
    other_language: int = 0  # sentences left out: written in another language

    @property
    def is_translation(self) -> bool:
        return self.lang != self.source_lang

    @property
    def english(self) -> bool:
        return self.lang.split("-")[0] == "en"

    @property
    def title(self) -> str:
        """The (translated) title, or the document name when there is none."""
        titles = (s.text for s in self.sentences if s.kind is BlockKind.TITLE)
        return next(titles, self.document)

    @property
    def counts(self) -> Counts:
        """The document score's counts: running text only."""
        return sum((s.counts for s in self.sentences if s.running), Counts())

    def sections(self) -> list[tuple[str, Counts]]:
        """Running-text counts per section, in reading order."""
        totals: dict[str, Counts] = {}
        for sentence in self.sentences:
            if sentence.running:
                totals[sentence.section] = totals.get(sentence.section, Counts()) + sentence.counts
        return list(totals.items())

    def unit_counts(self) -> dict[str, Counts]:
        """Counts per unit id, for comparing a translation with its source unit by unit."""
        totals: dict[str, Counts] = {}
        for sentence in self.sentences:
            totals[sentence.unit_id] = totals.get(sentence.unit_id, Counts()) + sentence.counts
        return totals


def _section(unit: Unit) -> str:
    """The `##` section a unit belongs to (or the title part before the first one)."""
    path = unit.heading_path
    if unit.kind is BlockKind.HEADING and len(path) == 1:
        return "(introduction)"
    return path[1] if len(path) > 1 else "(introduction)"


# Where a text is in another of the project's languages: (text, its language) → spans.
OtherLanguage = Callable[[str, str], Sequence[tuple[int, int]]]


def score_units(
    texts: list[tuple[Unit, str, int | None]], lang: str, other: OtherLanguage | None = None
) -> tuple[tuple[SentenceScore, ...], int]:
    """Score (unit, text in `lang`, line) triples sentence by sentence; and count the
    sentences left out as written mostly in another language (`other` finds where):
    LIX or Flesch of English read as Danish says nothing of either.

    A line of None means the text is the unit's own source text, whose sentences
    get their exact source lines; a translation's sentences all point at its msgstr.
    """
    scored = []
    left_out = 0
    for unit, text, line in texts:
        running = counts_toward_document(unit.kind, unit.text)
        foreign = other(text, lang) if other else ()
        for start, end in sentence_spans(text, lang):
            if is_filler(text, start, end):
                continue  # "Lorem ipsum dolor sit amet.": no reader's level to measure
            if foreign and _mostly_within(text, start, end, foreign):
                left_out += 1
                continue
            sentence = text[start:end]
            sentence_line = unit.line_at(start) if line is None else line
            scored.append(
                SentenceScore(
                    sentence,
                    sentence_line,
                    measure(sentence, lang),
                    unit.id,
                    unit.kind,
                    _section(unit),
                    running,
                )
            )
    return tuple(scored), left_out


def _mostly_within(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether most of the sentence's letters lie in `spans`: a quoted English title in
    a Danish sentence leaves it Danish."""
    letters = sum(character.isalpha() for character in text[start:end])
    inside = sum(
        character.isalpha()
        for first, last in spans
        for character in text[max(start, first) : min(end, last)]
    )
    return letters > 0 and 2 * inside > letters


def score_source(
    units: tuple[Unit, ...],
    path: str,
    target: Target,
    named: tuple[str, str] = ("", "und"),
    other: OtherLanguage | None = None,
) -> DocumentScore:
    """Score a document in its own language; `named` is its (name, language), for a
    document with no units to tell them."""
    document, lang = (units[0].document, units[0].lang) if units else named
    sentences, left_out = score_units([(unit, unit.text, None) for unit in units], lang, other)
    return DocumentScore(
        document, lang, path, lang, target, sentences, len(units), other_language=left_out
    )


def score_translation(
    units: tuple[Unit, ...],
    translated: Mapping[str, tuple[str, int]],
    lang: str,
    path: str,
    target: Target,
    named: tuple[str, str] = ("", "und"),
    other: OtherLanguage | None = None,
) -> DocumentScore:
    """Score the translation of `units`: `translated` maps a source text to its
    translation and the line of its msgstr (fuzzy and empty ones left out); `named` is
    the source's (name, language), as in score_source."""
    texts: list[tuple[Unit, str, int | None]] = []
    unmeasured = 0
    for unit in units:
        found = translated.get(unit.text)
        if found is None:
            unmeasured += 1
            continue
        texts.append((unit, *found))
    document, source_lang = (units[0].document, units[0].lang) if units else named
    sentences, left_out = score_units(texts, lang, other)
    return DocumentScore(
        document, lang, path, source_lang, target, sentences, len(units), unmeasured, left_out
    )


def document_target(
    front_matter: Mapping[str, Any], default: Target, shown: str, line: int = 1
) -> Target:
    """Apply a front matter `reading-level: {lix: 40, lix-min: 20, flesch: 60}` override."""
    value = front_matter.get("reading-level")
    if value is None:
        return default
    if not isinstance(value, Mapping):
        raise PipelineError("reading-level must be a mapping such as {lix: 40}", shown, line)
    names = {"lix": "lix", "lix-min": "lix_min", "flesch": "flesch"}
    changes: dict[str, float] = {}
    for key, number in value.items():
        if key not in names:
            raise PipelineError(
                f"unknown reading-level key '{key}' (known: lix, lix-min, flesch)", shown, line
            )
        if not isinstance(number, (int, float)) or isinstance(number, bool):
            raise PipelineError(
                f"reading-level {key} must be a number, not {number!r}", shown, line
            )
        changes[names[key]] = float(number)
    return replace(default, **changes)
