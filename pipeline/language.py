"""Per-language tools: cached spaCy blank tokenizers and a Danish/English sentence splitter."""

from __future__ import annotations

import importlib.metadata
import itertools
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import memo

if TYPE_CHECKING:
    from spacy.language import Language

# Abbreviations the blank tokenizers split off their period; adding them as special
# cases keeps "approx. 3" and "cf. Table 2" inside one sentence.
_EXTRA_ABBREVIATIONS = {
    "da": ("bla.", "mfl.", "vedr.", "iht."),
    "en": ("etc.", "approx.", "incl.", "Fig.", "fig.", "No.", "cf.", "al.", "ca.", "vol."),
}
# Abbreviations that often close a sentence: before a capital letter they end it.
_SENTENCE_FINAL_ABBREVIATIONS = {"osv.", "mv.", "m.m.", "pct.", "kr.", "etc.", "o.l.", "mfl."}
_MONTHS_DA = {
    "januar", "februar", "marts", "april", "maj", "juni", "juli",
    "august", "september", "oktober", "november", "december",
}  # fmt: skip
_TERMINATORS = {".", "!", "?", "…", "..."}
# Markdown syntax hidden from the tokenizer (same length, so offsets still hold).
_MARKUP = re.compile(r"!?\[|\]\([^)]*\)|[*_~]+|<[^>\s]+>|https?://\S+?(?=[.,;:!?)]*(?:\s|$))")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_URL = re.compile(r"https?://\S+")
_PUNCTUATION = "\"'`()[]{}<>,;:!?\u2013\u2014-\u2026\u201c\u201d\u2018\u2019\u00ab\u00bb/|"


@cache
def tokenizer(lang: str) -> Language:
    """Return a blank spaCy pipeline for `lang` (no model download), built once."""
    import spacy  # deferred: importing spaCy costs about a second

    primary = lang.split("-")[0].split("_")[0].lower()
    try:
        nlp = spacy.blank(primary)
    except ImportError:
        nlp = spacy.blank("xx")
    for abbreviation in _EXTRA_ABBREVIATIONS.get(primary, ()):
        special_case = nlp.tokenizer.add_special_case  # type: ignore[union-attr]
        special_case(abbreviation, [{"ORTH": abbreviation}])
    return nlp


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in inline-Markdown `text`.

    Abbreviations ("f.eks.", "bl.a.", "e.g.", "Dr."), ordinal dates ("24. november")
    and decimal numbers do not end a sentence. Markup stays with its sentence.

    spaCy's tokenizer works on each whitespace-separated chunk on its own, so only
    chunks holding an end mark, and the chunk after each, are tokenized (and each
    distinct chunk only once per run): most words cannot end a sentence.
    """
    masked = _CODE_SPAN.sub(lambda m: "x" * len(m.group()), text)
    masked = _MARKUP.sub(lambda m: " " * len(m.group()), masked)
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for chunk in _END_MARK_CHUNK.finditer(masked):
        following = _CHUNK.search(masked, chunk.end())
        for offset in _chunk_boundaries(lang, chunk.group(), following and following.group()):
            end = _run_to_space(text, chunk.start() + offset)
            if end > start:
                spans.append((start, end))
                start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


_CHUNK = re.compile(r"\S+")
_END_MARK_CHUNK = re.compile(r"\S*[.!?\u2026]\S*")


def _chunk_boundaries(lang: str, chunk: str, following_chunk: str | None) -> tuple[int, ...]:
    """Offsets in `chunk` after which a sentence ends, given the chunk that follows."""
    known = memo.table("sentence-boundaries", _rules_version())
    key = (lang, chunk, following_chunk)
    found: tuple[int, ...] | None = known.get(key)
    if found is None:
        found = known[key] = tuple(_find_boundaries(lang, chunk, following_chunk))
    return found


@cache
def _rules_version() -> str:
    """Boundaries hold while spaCy's tokenizer and these rules stay as they are."""
    return memo.digest(importlib.metadata.version("spacy"), Path(__file__).read_bytes())


def _find_boundaries(lang: str, chunk: str, following_chunk: str | None) -> Iterator[int]:
    nlp = tokenizer(lang)
    known = nlp.tokenizer.rules  # type: ignore[union-attr]  # the language's abbreviations
    tokens = [(token.text, token.idx) for token in nlp.tokenizer(chunk)]
    if following_chunk is not None:
        first = nlp.tokenizer(following_chunk)[0]
        tokens.append((first.text, len(chunk) + 1))  # past a space, as in the text
    for (word, at), (following, following_at) in itertools.pairwise(tokens):
        # "hæmofili B. Det …": an initial is followed by a name, not by a function word.
        glued = at > 0 or following.lower() in nlp.Defaults.stop_words
        if following_at <= len(chunk) and following[:1].isalnum():
            continue  # "3.5", "x.dk": the tokenizer split inside a word
        if _ends_sentence(word, following, glued, known):
            yield at + len(word)


_INITIALS = re.compile(r"(?:\w\.){2,}|[A-ZÆØÅ]\.")


def _ends_sentence(word: str, following: str, glued: bool, known: object) -> bool:
    """Whether a sentence ends after token `word`, given the next token.

    `glued` says a one-letter token cannot be an initial: it follows another token
    without a space ("CAR-T." is split as "CAR", "-", "T.") or precedes a function
    word ("hæmofili B. Det …"), unlike "A. Jensen" or "Anne B. Hansen".
    """
    first = following[:1]
    starts_sentence = first.isupper() or first in "\"'\u201c\u2018\u00ab(" or first.isdigit()
    if word in _TERMINATORS:
        return starts_sentence if word == "." else not first.islower()
    if not word.endswith(".") or not first.isupper():
        return False
    if word[:-1].isdigit():  # ordinal: "24. november" goes on, "side 12. Her" ends
        return following.lower() not in _MONTHS_DA
    if word in _SENTENCE_FINAL_ABBREVIATIONS:
        return True
    # Known abbreviations and initials go on: "f.eks. Luxturna", "Dr. Hansen", "A. Jensen".
    # Any other word the tokenizer left its period on ends one: "CAR-T. Du …".
    return not (word in known or (_INITIALS.fullmatch(word) and not glued))  # type: ignore[operator]


def _run_to_space(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def words(text: str) -> list[str]:
    """Return the words of inline-Markdown `text`: no markup, URLs or punctuation.

    Words are whitespace-separated, as LIX counts them: "f.eks.", "CAR-T-celler",
    "patient's" and "2,5" are one word each; a code span is one word.
    """
    masked = _CODE_SPAN.sub(lambda m: "x" * len(m.group()), text)
    masked = _URL.sub(" ", _MARKUP.sub(lambda m: " " * len(m.group()), masked))
    found = []
    for chunk in masked.split():
        word = chunk.strip(_PUNCTUATION)
        if any(character.isalnum() for character in word):
            found.append(word)
    return found


def count_words(text: str) -> int:
    """Count the words of inline-Markdown `text` (markup and URLs excluded)."""
    return len(words(text))
