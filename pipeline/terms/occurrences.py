"""Terminology subjects: texts and translation entries with the glossary terms found in them."""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.source.markdown import line_of
from pipeline.terms.glossary import Glossary, primary_language
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


RenderingRow = tuple[str, int, str, str, str, tuple[str, ...]]


class Rendering(NamedTuple):
    """How one entry translates its source text: what checks across documents compare."""

    path: str
    line: int
    lang: str  # of the translation
    source: str  # the source text, or as cached a digest of it: only equality matters
    target: str
    concepts: tuple[str, ...]  # glossary concepts in the source text

    @classmethod
    def of(cls, entry: TranslationEntry) -> Rendering:
        concepts = tuple(dict.fromkeys(hit.concept for hit in entry.source.hits))
        target = entry.target
        return cls(entry.path, entry.line, target.lang, entry.source.text, target.text, concepts)

    def row(self) -> RenderingRow:
        """As the results cache keeps it: a plain tuple (loads many times faster than a
        NamedTuple) with a digest for the source text (halves the cache)."""
        source = hashlib.blake2b(self.source.encode(), digest_size=8).hexdigest()
        return (self.path, self.line, self.lang, source, self.target, self.concepts)


def shared_renderings(rows: Iterable[RenderingRow]) -> tuple[Rendering, ...]:
    """The renderings of source texts rendered more than once in a language.

    Only these can disagree with another place; most source texts occur once, and
    skipping them keeps a cached check of a large project fast.
    """
    rows = list(rows)
    seen = Counter((row[2], row[3]) for row in rows)
    return tuple(Rendering._make(row) for row in rows if seen[(row[2], row[3])] > 1)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Texts of one document, or renderings of many, for checks that compare places."""

    texts: tuple[TermText, ...]
    renderings: tuple[Rendering, ...]


class Matchers:
    """One TermMatcher per language, built on first use (in each worker process)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._built: dict[str, TermMatcher] = {}
        # A unit's text is matched as the source unit and again as the msgid of each
        # of its catalogs: remember the last few thousand.
        self.hits = functools.lru_cache(maxsize=4096)(self._hits)

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
    matchers: Matchers,
    *,
    path: str,
    document: str,
    lang: str,
    text: str,
    line: int,
    line_starts: tuple[int, ...] = (),
    unit_id: str = "",
) -> TermText:
    """Find the terms of `text` and wrap it as a subject."""
    hits = matchers.hits(lang, text)
    return TermText(path, document, lang, text, hits, line, line_starts, unit_id)


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
