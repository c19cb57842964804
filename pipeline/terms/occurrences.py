"""Terminology subjects: texts and translation entries with the glossary terms found in them."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.project.config import primary_language
from pipeline.source.markdown import line_of
from pipeline.terms.glossary import Glossary, Term, TermStatus
from pipeline.terms.matcher import Hit, TermMatcher


@dataclass(frozen=True, slots=True)
class TermText:
    """A text in one language (a source unit or a translation) and its term hits."""

    path: str
    document: str
    lang: str
    text: str
    hits: tuple[Hit, ...]
    line: int
    line_starts: tuple[int, ...] = ()
    unit_id: str = ""
    role: str = ""  # "heading" (a title, heading or description) or "definition"
    source: TermText | None = None  # a translation's: the text it translates

    def line_at(self, offset: int) -> int:
        """Return the 1-based line of the character at `offset` in the file."""
        return line_of(self.line, self.line_starts, offset)


@dataclass(frozen=True, slots=True)
class TranslationEntry:
    """A translated PO entry: source and target text, each with its hits."""

    path: str
    line: int
    document: str
    source: TermText
    target: TermText


# A TermUse as the cache keeps it.
TermUseRow = tuple[str, int, str, str, str, str, bool, str, int, str]


class TermUse(NamedTuple):
    """Which allowed term of a concept one text uses, for consistency across a project."""

    path: str
    line: int
    lang: str
    concept: str
    kind: str  # "full" or "short" (acronym) and the part of speech: variants compete within one
    term: str
    preferred: bool
    role: str = ""  # of the text it is in: "heading" or "definition" (`*[HPV]: …`)
    text_line: int = 0  # the first line of the text it is in: one paragraph, one text_line
    word: str = ""  # the word it is written in, where that is more: "HPV-vaccinen"


ASIDE = "aside "  # the kind of a use beside another variant of its concept


def mixed_uses(rows: Iterable[TermUseRow]) -> tuple[TermUse, ...]:
    """The uses of concepts written with more than one term in a language: only these
    can be inconsistent, and most concepts have one, which keeps a cached check fast."""
    rows = [row for row in rows if not row[4].startswith(ASIDE)]
    terms: dict[tuple[str, str, str], set[str]] = {}
    for row in rows:
        terms.setdefault((row[2], row[3], row[4]), set()).add(row[5])
    return tuple(TermUse._make(r) for r in rows if len(terms[(r[2], r[3], r[4])]) > 1)


def term_uses(text: TermText) -> Iterator[TermUse]:
    """The allowed terms `text` uses, one per concept and kind.

    Variants side by side ("hæmofili B, også kaldet blødersyge B") introduce a
    synonym: that text counts for neither in consistency, and its uses come with the
    kind "aside …" (they still explain an acronym).
    """
    variants: dict[tuple[str, str], set[str]] = {}
    for hit in text.hits:
        if hit.term.allowed:
            variants.setdefault((hit.concept, _kind(hit.term)), set()).add(hit.term.text)
    seen: set[tuple[str, str]] = set()
    for hit in text.hits:
        key = (hit.concept, _kind(hit.term))
        if hit.term.allowed and key not in seen:
            seen.add(key)
            kind = key[1] if len(variants[key]) == 1 else f"{ASIDE}{key[1]}"
            preferred = hit.term.status is TermStatus.PREFERRED
            line = text.line_at(hit.start)
            yield TermUse(
                text.path, line, text.lang, hit.concept, kind, hit.term.text, preferred,
                text.role, text.line, _word_around(text.text, hit.start, hit.end),
            )  # fmt: skip


def _word_around(text: str, start: int, end: int) -> str:
    """The word a hit is written in when that is more than the hit: a compound
    ("HPV-vaccinen") or an inflected acronym ("ATMP'er"); else ""."""
    left, right = start, end
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] in _JOINERS):
        left -= 1
    while right < len(text) and (text[right].isalnum() or text[right] in _JOINERS):
        right += 1
    word = text[left:right].strip(_JOINERS)
    return word if len(word) > end - start else ""


_JOINERS = "-'’"


def _kind(term: Term) -> str:
    """Variants compete only within one kind: an acronym and its full form do not,
    nor a noun and its adjective ("retina", "retinal")."""
    return f"{'short' if term.short else 'full'} {term.part_of_speech.lower()}".strip()


def agrees_with_glossary(entry: TranslationEntry) -> bool | None:
    """Whether a translation renders every concept of its source with an allowed term and
    uses no retired one; None when the source names no concept."""
    wanted = {hit.concept for hit in entry.source.hits}
    if not wanted:
        return None
    allowed = {hit.concept for hit in entry.target.hits if hit.term.allowed}
    retired = any(not hit.term.allowed for hit in entry.target.hits)
    return wanted <= allowed and not retired


class Matchers:
    """One TermMatcher per language, built on first use (in each worker process)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._built: dict[str, TermMatcher] = {}
        # A unit's text is matched as the source unit and again as the msgid of each
        # of its catalogs, and a big catalog repeats its texts: each distinct text once
        # per run (62k entries of the LibreOffice help hold 78k distinct texts).
        self.hits = functools.lru_cache(maxsize=1 << 15)(self._hits)

    def _hits(self, lang: str, text: str) -> tuple[Hit, ...]:
        return tuple(self(lang).find(text))

    def __call__(self, lang: str) -> TermMatcher:
        primary = primary_language(lang)
        if primary not in self._built:
            self._built[primary] = TermMatcher(self.glossary, primary)
        return self._built[primary]

    def __reduce__(self) -> tuple[type[Matchers], tuple[Glossary]]:
        return (Matchers, (self.glossary,))  # stemmers do not pickle; a worker builds anew


def term_text(
    matchers: Matchers | None,
    *,
    path: str,
    document: str,
    lang: str,
    text: str,
    line: int,
    line_starts: tuple[int, ...] = (),
    unit_id: str = "",
    role: str = "",
    source: TermText | None = None,
) -> TermText:
    """Find the terms of `text` (none without a glossary) and wrap it as a subject."""
    hits = matchers.hits(lang, text) if matchers is not None else ()
    return TermText(path, document, lang, text, hits, line, line_starts, unit_id, role, source)


def glossary_note(glossary: Glossary, hits: Iterable[Hit], targets: Sequence[str]) -> str | None:
    """The PO extracted comment listing a unit's terms and what to write for them.

    "glossary: genterapi → gene therapy; CAR-T (keep as is)"; with several target
    languages each rendering is prefixed by its language.
    """
    notes: list[str] = []
    for hit in hits:
        concept = glossary.concept(hit.concept)
        if hit.term.do_not_translate:
            note = f"{hit.term.text} (keep as is)"
        else:
            wanted = [(lang, concept.preferred(lang)) for lang in targets]
            found = [(lang, term.text) for lang, term in wanted if term is not None]
            if not found:
                continue
            rendering = ", ".join(
                f"{lang}: {text}" if len(targets) > 1 else text for lang, text in found
            )
            note = f"{hit.term.text} → {rendering}"
        if not hit.term.allowed:
            note += f" ({hit.term.status.value} in the source)"
        if note not in notes:
            notes.append(note)
    return "glossary: " + "; ".join(notes) if notes else None
