"""Per-language tools: cached spaCy blank tokenizers and a Danish/English sentence splitter."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

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
    """
    masked = _CODE_SPAN.sub(lambda m: "x" * len(m.group()), text)
    masked = _MARKUP.sub(lambda m: " " * len(m.group()), masked)
    tokens = [token for token in tokenizer(lang)(masked) if not token.is_space]
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for index in range(len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        if not _ends_sentence(token.text, following.text, following.idx, masked):
            continue
        end = _run_to_space(text, token.idx + len(token.text))
        if end > start:
            spans.append((start, end))
            start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _ends_sentence(word: str, following: str, following_at: int, masked: str) -> bool:
    if not masked[following_at - 1].isspace() and following[:1].isalnum():
        return False  # "3.5", "x.dk": the tokenizer split inside a word
    first = following[:1]
    starts_sentence = first.isupper() or first in "\"'\u201c\u2018\u00ab(" or first.isdigit()
    if word in _TERMINATORS:
        return starts_sentence if word == "." else not first.islower()
    if not word.endswith(".") or not first.isupper():
        return False
    if word[:-1].isdigit():  # ordinal: "24. november" goes on, "side 12. Her" ends
        return following.lower() not in _MONTHS_DA
    return word in _SENTENCE_FINAL_ABBREVIATIONS


def _run_to_space(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def count_words(text: str, lang: str) -> int:
    """Count the words of inline-Markdown `text` (markup and URLs excluded)."""
    masked = _CODE_SPAN.sub(lambda m: "x" * len(m.group()), text)
    masked = _MARKUP.sub(lambda m: " " * len(m.group()), masked)
    return sum(1 for token in tokenizer(lang)(masked) if any(c.isalnum() for c in token.text))
