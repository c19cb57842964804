"""Find glossary terms in text as a careful reviewer would.

Every inflected form (Snowball stems), multi-word terms whose members inflect,
hyphen, space and case variants, and Danish compounds in which a term is the head
or the tail ("genterapibehandling", "immuncellerne", linking -s as in
"bivirkningsregistrering"). Acronyms match by case ("CART" is not "cart"), short
terms only as whole words ("gen" is not in "igen" or "genoptræning"), and the
longest match wins ("gene therapy" is not also "gene").
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.project.config import primary_language
from pipeline.source.units import NOT_PROSE
from pipeline.terms.glossary import Glossary, Term

# A term must have this many letters to be found inside a compound word, and a
# compound's other member at least this many: "gen" (3) never matches in "igen".
MIN_COMPOUND_TERM = 5
MIN_COMPOUND_REST = 3
_LINKING = ("s", "e")  # Danish fugebogstaver: bivirkning-s-registrering
_STEMMERS = {"da": "danish", "en": "english", "sv": "swedish", "nb": "norwegian", "de": "german"}
_WORD = re.compile(r"[^\W_]+")
_COORDINATORS = {"og", "eller", "and", "or"}
_JOINERS = re.compile(r"[\s\-\u2010\u2011]*")  # what may stand between the parts of a term


@dataclass(frozen=True, slots=True)
class Hit:
    """A glossary term found in a text."""

    concept: str
    term: Term
    start: int
    end: int
    text: str
    how: str  # "exact", "inflected", "variant" (hyphen/space/case), "compound", "ellipsis"


@cache
def _stemmer(lang: str) -> object | None:
    import Stemmer  # type: ignore[import-not-found]  # PyStemmer: compiled Snowball stemmers

    name = _STEMMERS.get(lang)
    return Stemmer.Stemmer(name) if name else None


_STARTS, _COMPOUND = 1, 2  # what a word may be: where a term starts, a term's compound
_KNOWN_WORDS = 1 << 15  # words a matcher keeps the kind of (some 9 MB at most)
# What NOT_PROSE hides starts with one of these; most texts have none.
_HIDES = re.compile(r"[`\]<{]|https?://|%\(")


@dataclass(frozen=True, slots=True)
class _Words:
    """A text that may hold a term: its words, their lower case and stems. A token is
    made only for the words a term is found in."""

    found: list[re.Match[str]]
    masked: str
    lowers: list[str]
    stems: list[str]

    def token(self, at: int) -> _Token:
        match = self.found[at]
        return _Token(match.group(), self.lowers[at], self.stems[at], match.start(), match.end())

    def tokens(self, start: int, end: int) -> list[_Token]:
        return [self.token(at) for at in range(start, min(end, len(self.found)))]


class _Token(NamedTuple):  # a tuple: a text has many, and tuples are quick to make
    surface: str
    lower: str
    stem: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Pattern:
    concept: str
    term: Term
    parts: tuple[str, ...]  # surface parts, e.g. ("CAR", "T")
    stems: tuple[str, ...]
    joined: str  # lowercase parts without separators, "cart"
    joined_stem: str


class TermMatcher:
    """Finds the terms of one language of a glossary in texts of that language."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = primary_language(lang)
        self._by_stems: dict[tuple[str, ...], list[_Pattern]] = {}
        self._by_joined: dict[str, list[_Pattern]] = {}
        self._heads: dict[str, list[_Pattern]] = {}
        self._tails: dict[str, list[_Pattern]] = {}
        self._stem_prefixes: set[tuple[str, ...]] = set()
        self._known: dict[str, int] = {}  # _kind of each word seen
        self._joined_prefixes: set[str] = set()
        self.max_parts = 1
        for concept in glossary.concepts:
            for term in concept.terms_in(self.lang):
                self._add(_pattern(concept.id, term, self._stem))
        # What a compound's head term starts with and its tail term ends with: a word
        # with neither is no compound of a term.
        self._head_starts = {head[:MIN_COMPOUND_TERM] for head in self._heads}
        self._tail_ends = {tail[-MIN_COMPOUND_REST:] for tail in self._tails}
        # Stems a window can start with; most words are none of them and are passed over.
        self._first_stems = {key[0] for key in [*self._by_stems, *self._stem_prefixes]}
        self._first_stems.update(self._by_joined)

    def _stem(self, word: str) -> str:
        return _stem_word(self.lang, word)

    def _key(self, stems: tuple[str, ...]) -> tuple[str, ...]:
        """Danish adjectives agree with their noun: "hvidt/hvide blodlegeme", "aktivt/aktive
        stof". Members before the last lose a final -t, in terms and texts alike."""
        if self.lang != "da" or len(stems) < 2:
            return stems
        return (*(s[:-1] if s.endswith("t") and len(s) > 3 else s for s in stems[:-1]), stems[-1])

    def _add(self, pattern: _Pattern) -> None:
        if not pattern.parts:
            return
        self.max_parts = max(self.max_parts, len(pattern.parts) + 1)
        key = self._key(pattern.stems)
        self._by_stems.setdefault(key, []).append(pattern)
        # Prefixes let a window stop growing as soon as no term can start this way.
        self._stem_prefixes.update(key[:size] for size in range(1, len(key)))
        self._joined_prefixes.update(
            pattern.joined[:size] for size in range(1, len(pattern.joined))
        )
        self._by_joined.setdefault(pattern.joined_stem, []).append(pattern)
        compoundable = self.lang == "da" and not pattern.term.case_sensitive
        if compoundable and len(pattern.joined) >= MIN_COMPOUND_TERM:
            self._heads.setdefault(pattern.joined, []).append(pattern)
            self._tails.setdefault(pattern.joined_stem, []).append(pattern)

    def find(self, text: str) -> list[Hit]:
        """Return the hits in `text`, longest first wins, in text order."""
        masked = (
            NOT_PROSE.sub(lambda m: " " * len(m.group()), text) if _HIDES.search(text) else text
        )
        found = list(_WORD.finditer(masked))
        lowers = [match.group().lower() for match in found]
        # Most words start no term and end no compound: find the ones that may first.
        # Each word's kind is worked out once a run: a catalog writes its words again
        # and again, and only one text in a hundred holds a term.
        known = self._known
        kinds = [known[lower] if lower in known else self._kind(lower) for lower in lowers]
        coordinated = not _COORDINATORS.isdisjoint(lowers)
        if not coordinated and not any(kinds):
            return []
        words = _Words(found, masked, lowers, self._stems(lowers))
        # "celle- og vævsterapi": a word cut short before "og" (English "cell and tissue
        # therapies" starts with a term's first word, which the stems already catch).
        before_coordinator = {
            index - 1
            for index, lower in enumerate(lowers)
            if lower in _COORDINATORS and index and masked[found[index - 1].end()] == "-"
        } if coordinated else set()  # fmt: skip
        starts = [index for index, kind in enumerate(kinds) if kind or index in before_coordinator]
        candidates: list[Hit] = []
        for index in starts:
            if kinds[index] & _STARTS:
                candidates += self._windows(words, index, text)
            if kinds[index] & _COMPOUND:
                candidates += self._compounds(words.token(index), text)
            if index + 2 < len(lowers) and lowers[index + 1] in _COORDINATORS:
                near = words.tokens(index, index + 2 + self.max_parts)  # not to the text's end
                candidates += self._ellipsis(near, 0, text, masked)  # (quadratic: 400 KB, 10 s)
        return _longest(candidates)

    def _kind(self, lower: str) -> int:
        """Whether a term may start at a word (_STARTS) and whether it may be a compound
        with a term as its head or tail (_COMPOUND); kept for the next text."""
        stemmer = _stemmer(self.lang)  # not _stem_word: its cache would hold each word again
        stem = stemmer.stemWord(lower) if stemmer is not None else lower  # type: ignore[attr-defined]
        kind = _STARTS if stem in self._first_stems or lower in self._joined_prefixes else 0
        if (
            self._heads
            and len(lower) >= MIN_COMPOUND_TERM + MIN_COMPOUND_REST
            and (
                lower[:MIN_COMPOUND_TERM] in self._head_starts
                or stem[-MIN_COMPOUND_REST:] in self._tail_ends
            )
        ):
            kind |= _COMPOUND
        if len(self._known) >= _KNOWN_WORDS:
            self._known.clear()  # a bound on memory; a text's words come back soon
        self._known[lower] = kind
        return kind

    def _stems(self, lowers: list[str]) -> list[str]:
        """The stems of many words in one call to the compiled stemmer."""
        stemmer = _stemmer(self.lang)
        return stemmer.stemWords(lowers) if stemmer is not None else lowers  # type: ignore[attr-defined]

    def _ellipsis(self, tokens: list[_Token], index: int, text: str, masked: str) -> list[Hit]:
        """Coordinated terms that share their last part with the next one.

        Danish "celle- og vævsterapi" holds celleterapi; English "cell and tissue
        therapies" holds cell therapy. The hit covers the first, shortened member.
        """
        first, following = tokens[index], tokens[index + 2 :]
        gap = masked[first.end : tokens[index + 1].start]
        found: list[_Pattern] = []
        if gap.startswith("-"):  # Danish: the shared tail is the end of the next word
            tail = following[0].lower
            for cut in range(1, len(tail) - MIN_COMPOUND_REST + 1):
                found += self._by_joined.get(self._stem(first.lower + tail[cut:]), [])
        elif gap.isspace():  # English: the shared tail is the next words
            for size in range(2, min(self.max_parts, len(following)) + 1):
                stems = self._key((first.stem, *(t.stem for t in following[1:size])))
                found += self._by_stems.get(stems, [])
        end = first.end + (1 if gap.startswith("-") else 0)
        return [
            Hit(p.concept, p.term, first.start, end, text[first.start : end], "ellipsis")
            for p in dict.fromkeys(found)
            if not p.term.case_sensitive
        ]

    def _windows(self, words: _Words, index: int, text: str) -> list[Hit]:
        hits = []
        stems: tuple[str, ...] = ()
        joined = ""
        found, masked = words.found, words.masked
        for size in range(1, self.max_parts + 1):
            last = index + size - 1
            if last >= len(found) or (
                size > 1 and not _joinable(masked[found[last - 1].end() : found[last].start()])
            ):
                break
            if (
                size > 1
                and stems not in self._stem_prefixes
                and joined not in self._joined_prefixes
            ):
                break  # no term starts with these words
            stems, joined = (*stems, words.stems[last]), joined + words.lowers[last]
            key = self._key(stems)
            patterns = self._by_stems.get(key, []) + self._by_joined.get(self._stem(joined), [])
            if not patterns:
                continue
            window = words.tokens(index, last + 1)
            for pattern in dict.fromkeys(patterns, None):
                if pattern.term.case_sensitive and not _same_case(pattern, window):
                    continue
                if self.lang == "en" and not _inflected(pattern, window):
                    continue
                start, end = window[0].start, window[-1].end
                matched = text[start:end]
                how = _how(pattern, window, matched)
                hits.append(Hit(pattern.concept, pattern.term, start, end, matched, how))
        return hits

    def _compounds(self, token: _Token, text: str) -> list[Hit]:
        if not self._heads or len(token.lower) < MIN_COMPOUND_TERM + MIN_COMPOUND_REST:
            return []
        return [
            Hit(p.concept, p.term, token.start, token.end, token.surface, "compound")
            for p in _compound_patterns(self, token.lower, token.stem)
        ]


def _compound_patterns(matcher: TermMatcher, lower: str, stem: str) -> list[_Pattern]:
    """Terms that are the head or the tail member of the compound word `lower`: the
    longest of each ("immuncelle" and "celleterapi" in "immuncelleterapi")."""
    return list(_compound_cache(id(matcher), matcher, lower, stem))


@lru_cache(maxsize=65536)
def _compound_cache(_key: int, matcher: TermMatcher, lower: str, stem: str) -> tuple[_Pattern, ...]:
    heads: list[_Pattern] = []
    for cut in range(MIN_COMPOUND_TERM, len(lower) - MIN_COMPOUND_REST + 1):
        for pattern in matcher._heads.get(lower[:cut], []):
            rest = lower[cut:]
            if rest[:1] in _LINKING and not pattern.joined.endswith(rest[:1]):
                rest = rest[1:] if len(rest) - 1 >= MIN_COMPOUND_REST else rest
            if len(rest) >= MIN_COMPOUND_REST:
                heads.append(pattern)
    tails: list[_Pattern] = []
    for cut in range(MIN_COMPOUND_REST, len(stem) - 2):
        tails += matcher._tails.get(stem[cut:], [])
    longest = [*_longest_members(heads), *_longest_members(tails)]
    return tuple(dict.fromkeys(longest))


def _longest_members(patterns: list[_Pattern]) -> list[_Pattern]:
    """Of the heads (or the tails) of one word, those of the longest terms."""
    size = max((len(p.joined) for p in patterns), default=0)
    return [p for p in patterns if len(p.joined) == size]


def _pattern(concept: str, term: Term, stem: object) -> _Pattern:
    parts = tuple(_WORD.findall(term.text))
    lowers = tuple(p.lower() for p in parts)
    stems = tuple(stem(p) for p in lowers)  # type: ignore[operator]
    joined = "".join(lowers)
    return _Pattern(concept, term, parts, stems, joined, stem(joined))  # type: ignore[operator]


@lru_cache(maxsize=262144)
def in_a_compound(text: str, term: Term, lang: str) -> bool:
    """Whether a Danish word of `text` has a one-word term too short for the matcher's
    compounds as its head, or its tail in any inflection: "side" in "sidekilde",
    "underside" and "forældresiden". Enough to tell that a translation names the
    concept, though not to report the term as found ("gen" would be in "igen")."""
    if lang != "da" or term.case_sensitive or not term.text.isalpha():
        return False
    lower = term.text.lower()
    stem = _stem_word(lang, lower)
    for word in _WORD.findall(text.lower()):
        if word.startswith(lower) and len(word) - len(lower) >= MIN_COMPOUND_REST:
            return True
        at = word.rfind(stem)
        if at >= MIN_COMPOUND_REST and _stem_word(lang, word[at:]) == stem:
            return True
    return False


def _stem_word(lang: str, word: str) -> str:
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer is not None else word  # type: ignore[attr-defined]


def _joinable(gap: str) -> bool:
    """Two tokens with only spaces or hyphens between may form one term (not , . or markup)."""
    return _JOINERS.fullmatch(gap) is not None and "\n\n" not in gap


def _same_case(pattern: _Pattern, window: list[_Token]) -> bool:
    """Acronym letters must match exactly; only a lowercase ending may follow ("ATMPs")."""
    surface = "".join(t.surface for t in window)
    wanted = "".join(pattern.parts)
    return surface.startswith(wanted) and surface[len(wanted) :].islower() | (surface == wanted)


def _inflected(pattern: _Pattern, window: list[_Token]) -> bool:
    """English words that are the term's in some inflection, not a derivation the
    Snowball stem shares: "functions" is "function", "functionality" and "functional"
    are not, nor is "effective" "effect"."""
    words = [token.lower for token in window]
    bases = [part.lower() for part in pattern.parts]
    if len(words) != len(bases):  # "healthcare" for "health care"
        words, bases = ["".join(words)], ["".join(bases)]
    return all(map(_inflection_of, words, bases))


def _inflection_of(word: str, base: str) -> bool:
    """Whether two English words differ by inflectional endings alone: "therapy" and
    "therapies", "stop" and "stopped", "analysis" and "analyses"."""
    same = len(os.path.commonprefix([word, base]))  # noqa: RUF071 (of characters, not paths)
    ends = [word[same:], base[same:]]
    for at, end in enumerate(ends):
        if len(end) > 2 and same and end[0] == word[same - 1]:
            ends[at] = end[1:]  # a doubled consonant: "stopped", "running"
    return all(end in _ENGLISH_ENDINGS for end in ends)


_ENGLISH_ENDINGS = frozenset(
    ("", "s", "es", "'s", "s'", "ed", "d", "ing", "e", "y", "ies", "ied", "is", "er", "est")
)


def _how(pattern: _Pattern, window: list[_Token], matched: str) -> str:
    if matched == pattern.term.text:
        return "exact"
    if tuple(t.lower for t in window) == tuple(p.lower() for p in pattern.parts):
        return "variant"  # case, hyphen or space differs, the words do not
    return "inflected"


def _longest(candidates: Iterable[Hit]) -> list[Hit]:
    """Leftmost-longest: scan in text order, a longer hit beats one it overlaps.

    "gene therapy" is not also "gene"; in "CAR-T-celler" the acronym that starts
    first is kept and "T-celler" inside it is not. Of hits on the same words, the
    term written closest to the text wins: "CAR T", listed as deprecated, is not
    taken for the preferred "CAR-T". Two terms that make up one compound are both
    kept ("immuncelleterapi": immuncelle, celleterapi).
    """
    kept: list[Hit] = []
    # At equal spans a whole-term match beats a compound member: "nethindedystrofi" is
    # retinal dystrophy, not retina.
    ranked = sorted(
        candidates,
        key=lambda h: (h.start, h.start - h.end, h.how == "compound", _distance(h), h.concept),
    )
    for hit in ranked:
        if kept and hit.start < kept[-1].end and not _other_member(hit, kept[-1]):
            continue
        kept.append(hit)
    return kept


def _distance(hit: Hit) -> int:
    """How far the text is from the term as written: 0 the same, 1 in case only, 2 in
    case and hyphens or spaces, 3 inflected or compounded."""
    written, found = hit.term.text, hit.text
    if found == written:
        return 0
    if found.lower() == written.lower():
        return 1
    same_words = _WORD.findall(found.lower()) == _WORD.findall(written.lower())
    return 2 if same_words else 3


def _other_member(hit: Hit, kept: Hit) -> bool:
    same_word = (hit.start, hit.end) == (kept.start, kept.end)
    return same_word and hit.how == kept.how == "compound" and hit.concept != kept.concept
