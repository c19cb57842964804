"""Per-language tools: cached spaCy blank tokenizers and a Danish/English sentence splitter."""

from __future__ import annotations

import functools
import itertools
import re
from functools import cache
from typing import TYPE_CHECKING

from pipeline.project import memo

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
    chunks holding an end mark, and the chunk after each, are tokenized (each distinct
    chunk once, its tokens kept in the cache folder): most words cannot end a sentence.
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


@functools.lru_cache(maxsize=1 << 16)
def _chunk_boundaries(lang: str, chunk: str, following_chunk: str | None) -> tuple[int, ...]:
    """Offsets in `chunk` after which a sentence ends, given the chunk that follows."""
    tokens = list(_chunk_tokens(lang, chunk))
    if following_chunk is not None:
        first = _chunk_tokens(lang, following_chunk)[0][0]
        tokens.append((first, len(chunk) + 1))  # past a space, as in the text
    stop_words, abbreviations = _tokenizer_words(lang)
    found = []
    for (word, at), (following, following_at) in itertools.pairwise(tokens):
        # "hæmofili B. Det …": an initial is followed by a name, not by a function word.
        glued = at > 0 or following.lower() in stop_words
        if following_at <= len(chunk) and following[:1].isalnum():
            continue  # "3.5", "x.dk": the tokenizer split inside a word
        if _ends_sentence(word, following, glued, abbreviations):
            found.append(at + len(word))
    return tuple(found)


def _chunk_tokens(lang: str, chunk: str) -> tuple[tuple[str, int], ...]:
    """spaCy's tokens of a whitespace-free chunk, with offsets, from the cache folder when
    known there: loading spaCy costs a second, which a check of one edit should not pay."""
    known = memo.table("chunk-tokens", _tokenizer_version())
    tokens: tuple[tuple[str, int], ...] | None = known.get((lang, chunk))
    if tokens is None:
        parsed = tokenizer(lang).tokenizer(chunk)
        tokens = known[(lang, chunk)] = tuple((token.text, token.idx) for token in parsed)
    return tokens


def _tokenizer_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's stop words, and the abbreviations its tokenizer keeps whole."""
    known = memo.table("tokenizer-words", _tokenizer_version())
    if lang not in known:
        nlp = tokenizer(lang)
        rules = nlp.tokenizer.rules  # type: ignore[union-attr]
        abbreviations = frozenset(word for word in rules if word.endswith("."))
        known[lang] = (frozenset(nlp.Defaults.stop_words), abbreviations)
    words: tuple[frozenset[str], frozenset[str]] = known[lang]
    return words


@cache
def _tokenizer_version() -> str:
    """Tokens hold while spaCy and our special cases stay as they are."""
    return memo.digest(memo.package_version("spacy"), repr(sorted(_EXTRA_ABBREVIATIONS.items())))


_INITIALS = re.compile(r"(?:\w\.){2,}|[A-ZÆØÅ]\.")


def _ends_sentence(word: str, following: str, glued: bool, abbreviations: frozenset[str]) -> bool:
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
    return not (word in abbreviations or (_INITIALS.fullmatch(word) and not glued))


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
