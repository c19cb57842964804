"""The words of a text in another of the project's languages (translation/wrong-language).

A translation half left in English is told by how many of its words fall inside English
passages (`find_passages`); a quoted passage is a name the translator kept, not one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from pipeline.languages.evidence import WORD, language_view
from pipeline.languages.passages import CLOSERS, OPENERS, Passage, find_passages


def foreign_words(
    text: str, lang: str, others: Iterable[str], names: Collection[str] = ()
) -> tuple[list[tuple[str, Passage]], int]:
    """The words in other languages, each with its passage, and the number of words.

    Words in lower case, and a sentence's first word, count; identifiers, numbers,
    acronyms and names (capitalised: "Free Software Foundation") belong to no language,
    and a quoted passage is a name ("Kunne ikke registrere »check before send«").
    """
    found, words = _foreign_words(text, lang, tuple(others), frozenset(names))
    return list(found), words


@lru_cache(maxsize=1 << 16)  # once per distinct translation in a run
def _foreign_words(
    text: str, lang: str, others: tuple[str, ...], names: frozenset[str]
) -> tuple[tuple[tuple[str, Passage], ...], int]:
    passages = [p for p in find_passages(text, lang, others, names) if not _quoted(text, p)]
    if not passages:
        return (), 0
    view = language_view(text)
    prose = [m for m in WORD.finditer(view) if m.group().islower() or _starts(view, m)]
    inside = tuple((m.group(), p) for m in prose for p in passages if p.start <= m.start() < p.end)
    return inside, len(prose)


def _quoted(text: str, passage: Passage) -> bool:
    before, after = text[passage.start - 1 : passage.start], text[passage.end : passage.end + 1]
    return bool(before and after and before in OPENERS[:-1] and after in CLOSERS[:-1])


def _starts(view: str, match: re.Match[str]) -> bool:
    """Whether the word starts the text or a sentence (capitalised but no name)."""
    return (
        match.group()[:1].isupper() and not view[: match.start()].rstrip(" *_\"'(")[-1:].isalnum()
    )
