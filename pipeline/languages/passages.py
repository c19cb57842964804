"""Passages in another of the project's languages inside a text (WCAG 3.1.2, language of parts).

A Danish page that quotes an English study title, or a translation that kept an English
sentence, needs `lang="en"` on that passage. Language identifiers alone get the edges
wrong: lingua over a whole paragraph spills onto neighbouring words and marks names, and
sentence by sentence it misses phrases. So each word gets its own evidence, and a
segmentation decides where passages start and end:

- a word's evidence is how much more common it is in the other language than in the
  text's own (wordfreq's Zipf frequencies); a word neither language lists gets lingua's
  character-model verdict, unless it is capitalised (a name, "Luxturna", "Medicinrådet");
- names the project knows (glossary terms, do-not-translate names), acronyms, numbers
  and code are neutral: they can sit inside a passage but never make one;
- a two-state segmentation (Viterbi) finds runs of the other language; changing language
  costs a penalty, less at punctuation (a quote, a parenthesis, a colon);
- a run becomes a passage when it is a whole sentence, or three or more words inside
  one, and lingua, restricted to the project's languages, agrees on the run as a whole.
  Loanwords ("screening", "off-label") and Latin ("in vivo") stay below that bar.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, pairwise

from pipeline.languages.dictionaries import dictionary_name, dictionary_path
from pipeline.languages.evidence import (
    WORD,
    confidence,
    language_view,
    primary,
    told_apart,
    word_evidence,
)
from pipeline.languages.word_forms import spell_checks
from pipeline.source.filler import is_filler
from pipeline.source.language import split_sentences

_EDGE = re.compile(r"[:;()\[\]\"\u201c\u201d\u201e\u00ab\u00bb*_\u2013\u2014.!?]")  # not a comma
_BOUNDARY = re.compile(r"[,;:()\[\]\"\u201c\u201d\u201e\u00ab\u00bb*_\u2013\u2014]")
OPENERS = "\"'\u201c\u201e\u2018\u00ab\u00bb(*_[ "
CLOSERS = "\"'\u201d\u2019\u00bb\u00ab)*_] "
SWITCH = 2.6  # the evidence a run must gather to leave the text's language
WEAK = 1.0  # evidence below this either way does not tell the languages apart
STRONG = 2.0  # evidence against the other language that no passage can hold
CLEAR = 1.5  # mean evidence per word that speaks for itself
AGREEMENT = 0.7  # lingua's confidence in the other language that confirms a passage
MINIMUMWORDS = 3  # shorter runs inside a sentence are loanwords or names


@dataclass(frozen=True, slots=True)
class Passage:
    """Characters start:end of a text are in language `lang`."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    evidence: float  # > 0: the other language; < 0: the text's own; 0: neutral
    counted: bool  # a word of prose (not a number, acronym or known name)
    capitalised: bool
    number: bool = False
    shared: bool = False  # common in both languages: "at", "for", "over"
    text: str = ""  # the word itself, for _written


def find_passages(
    text: str, lang: str, others: Iterable[str], names: Collection[str] = frozenset()
) -> list[Passage]:
    """Passages of `text` (inline Markdown in `lang`) written in one of `others`.

    `names` are words never taken as evidence (lower case): glossary terms kept as
    they are, product and institution names.
    """
    if not told_apart(lang):
        return []  # the run's coverage says so
    wanted = {primary(other) for other in others if told_apart(other)} - {primary(lang)}
    return list(_passages(text, lang, tuple(sorted(wanted)), frozenset(names)))


# Once per distinct text in a run: a translation is read by two rules and by export, and
# a big catalog repeats its texts (62k entries of the LibreOffice help hold 39k translations).
@lru_cache(maxsize=1 << 15)
def _passages(
    text: str, lang: str, others: tuple[str, ...], names: frozenset[str]
) -> tuple[Passage, ...]:
    found: list[Passage] = []
    for other in others:
        if _leaning(text, lang, other, names) < SWITCH:
            continue  # most texts: nothing leans to the other language, no need to look
        view = _without_images(text, language_view(text))
        theirs: list[Passage] = []
        for start, end in split_sentences(text, lang):
            theirs += _sentence_passages(text, view, start, end, lang, other, names)
        found += _whole_text(view, theirs, lang, other, names) if theirs else []
    found = [p for p in found if not is_filler(text, p.start, p.end)]  # "massa vel purus…"
    return tuple(_merged(text, sorted(found, key=lambda passage: passage.start)))


def _without_images(text: str, view: str) -> str:
    """The view without the images' alt texts: export marks a passage in the text, and
    cannot mark one in an alt (a row of badges: "Status for Actions](https://…" was
    reported as a passage "marked on export", and was not)."""
    for image in _IMAGE.finditer(text) if "![" in text else ():
        view = view[: image.start()] + " " * len(image.group()) + view[image.end() :]
    return view


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def _whole_text(
    view: str, passages: list[Passage], lang: str, other: str, names: frozenset[str]
) -> list[Passage]:
    """A text left in the other language is one passage, though its sentences and edges
    were found piecemeal ("To insert a tab…": "to" is Danish too; a sentence lingua
    doubts): when the passages hold most of its words, and each other word is one the
    other language writes too, not one that only the text's own language writes, and
    not a name ("Region Sjælland: ring til…")."""
    words = [
        _word(match, lang, other, names, first=index == 0)
        for start, end in split_sentences(view, lang)
        for index, match in enumerate(WORD.finditer(view, start, end))
    ]
    counted = [word for word in words if word.counted]
    outside = [w for w in counted if not any(p.start <= w.start < p.end for p in passages)]
    if len(outside) * 2 >= len(counted) or not all(
        w.evidence > -STRONG and not w.capitalised and _written(w, other) for w in outside
    ):
        return passages
    return [Passage(*_sentence_edges(view, 0, len(view)), other)]


def _leaning(text: str, lang: str, other: str, names: frozenset[str]) -> float:
    """The evidence for `other` summed over the words of `text` that lean to it: a quick
    look (words split at spaces, code and names not set apart), which only adds."""
    known = _LEANING.setdefault((lang, other), {})
    total = 0.0
    for chunk in text.split():
        evidence = known.get(chunk)
        if evidence is None:
            words = WORD.findall(chunk)
            evidence = known[chunk] = sum(
                max(0.0, word_evidence(word, lang, other, names, False)[0]) for word in words
            )
        total += evidence
    return total


_LEANING: dict[tuple[str, str], dict[str, float]] = {}


def _merged(text: str, passages: list[Passage]) -> list[Passage]:
    """Passages of one language with nothing but punctuation between them are one:
    "Something went wrong. Please try again later." """
    merged: list[Passage] = []
    for passage in passages:
        previous = merged[-1] if merged else None
        if (
            previous
            and previous.lang == passage.lang
            and not WORD.search(text, previous.end, passage.start)
        ):
            merged[-1] = Passage(previous.start, passage.end, passage.lang)
        else:
            merged.append(passage)
    return merged


def _sentence_passages(
    text: str, view: str, start: int, end: int, lang: str, other: str, names: frozenset[str]
) -> list[Passage]:
    words = [
        _word(match, lang, other, names, first=index == 0)
        for index, match in enumerate(WORD.finditer(view, start, end))
    ]
    if sum(word.evidence for word in words if word.evidence > 0) < SWITCH:
        return []  # most sentences: nothing leans to the other language
    whole = _Segment(start, end, 0, len(words) - 1)
    segments = _segments(text, whole, words)
    passages = []
    for first, last in _split(text, words, _runs(text, words), segments):
        segment = _snap(words, first, last, segments)
        if segment is not None:
            first, last = segment.first, segment.last
        run = words[first : last + 1]
        if _is_list(text, run):
            continue
        if segment is whole and sum(word.counted for word in run) > 1 and not _is_name(run, other):
            edges = _sentence_edges(view, start, end)  # the end mark belongs to the passage
        elif (
            segment is not whole
            and sum(word.counted for word in run) >= MINIMUMWORDS
            and (segment is not None or not _is_name(run, other))
        ):
            edges = run[0].start, run[-1].end
            if last == whole.last:  # "Lægen sagde: The results were good." ends with it
                closing = _sentence_edges(view, start, end)[1]
                if re.fullmatch(r"[.!?\u2026]+", view[edges[1] : closing]):
                    edges = edges[0], closing
        else:
            continue
        counted = [word.evidence for word in run if word.counted]
        mean = sum(counted) / len(counted) if counted else 0.0
        if _agrees(view[edges[0] : edges[1]], other, lang, mean):
            passages.append(Passage(*edges, other))
    return passages


def _runs(text: str, words: list[_Word]) -> list[tuple[int, int]]:
    """(first, last) word indices of the runs in the other language: a Viterbi path over
    two states, where switching language costs SWITCH, half of it at punctuation."""
    own, other = 0.0, -SWITCH / 2
    back: list[tuple[int, int]] = []  # per word: the best previous state for each state
    for index, word in enumerate(words):
        gap = text[words[index - 1].end : word.start] if index else ""
        cost = SWITCH / 2 if _BOUNDARY.search(gap) else SWITCH
        from_own = (own, 0) if own >= other - cost else (other - cost, 1)
        from_other = (other, 1) if other > own - cost else (own - cost, 0)
        own, other = from_own[0], from_other[0] + word.evidence
        back.append((from_own[1], from_other[1]))
    state = 1 if other > own else 0
    states = []
    for index in range(len(words) - 1, -1, -1):
        states.append(state)
        state = back[index][state]
    states.reverse()
    runs, begin = [], None
    for index, state in enumerate([*states, 0]):
        if state and begin is None:
            begin = index
        elif not state and begin is not None:
            runs.append(_trim(text, words, begin, index - 1))
            begin = None
    return [run for run in runs if run[0] <= run[1]]


def _split(
    text: str, words: list[_Word], runs: list[tuple[int, int]], segments: list[_Segment]
) -> list[tuple[int, int]]:
    """A word that leans hard to the text's own language splits a run ("tak and skål"),
    unless the run is the whole sentence ("Det er ikke tilladt at tage is med ind")."""
    found = []
    for first, last in runs:
        if _snap(words, first, last, segments) is segments[0]:
            found.append((first, last))
            continue
        begin = first
        for index in range(first, last + 2):
            if index > last or words[index].evidence <= -STRONG:
                if index > begin:
                    found.append(_trim(text, words, begin, index - 1))
                begin = index + 1
    return [run for run in found if run[0] <= run[1]]


def _trim(text: str, words: list[_Word], first: int, last: int) -> tuple[int, int]:
    """A run does not start or end on a word that may be the text's own language ("at",
    "for"), an acronym or a name ("EMA's"), unless punctuation or the sentence's edge
    stands right beside it ("your free trial is over"); a number right beside it belongs
    to it ("on day 0"). Quotes and emphasis put back what belongs inside them (_snap)."""
    while first <= last and _loose(words[first]) and not _at_edge(text, words, first, -1):
        first += 1
    while last >= first and _loose(words[last]) and not _at_edge(text, words, last, 1):
        last -= 1
    if first > last:
        return first, last
    while first > 0 and words[first - 1].number and _joined(text, words[first - 1], words[first]):
        first -= 1
    while (
        last + 1 < len(words)
        and words[last + 1].number
        and _joined(text, words[last], words[last + 1])
    ):
        last += 1
    return first, last


def _at_edge(text: str, words: list[_Word], index: int, step: int) -> bool:
    """Whether a weak word of a run has punctuation or the sentence's edge on its outer
    side: there it more likely ends the passage than starts the text's own language."""
    word = words[index]
    if index == 0 and step < 0 and not word.counted and word.evidence >= 0:
        return True  # a letter or a name opening the sentence: "A Skolelinux network…"
    if not word.counted or word.evidence <= -WEAK or (word.evidence >= WEAK and not word.shared):
        return False
    beside = index + step
    if not 0 <= beside < len(words):
        return True
    gap = text[word.end : words[beside].start] if step > 0 else text[words[beside].end : word.start]
    return bool(_EDGE.search(gap))


def _loose(word: _Word) -> bool:
    """A word that does not hold a passage's edge: one of the text's own language, a word
    both languages use a lot ("at", "for"), an acronym or a name nobody lists."""
    return word.evidence < 0 or word.shared or (not word.counted and not word.number)


def _joined(text: str, before: _Word, after: _Word) -> bool:
    return not text[before.end : after.start].strip()


@dataclass(frozen=True, slots=True)
class _Segment:
    """A stretch of a sentence set off by punctuation: words first..last."""

    start: int
    end: int
    first: int
    last: int


_ENCLOSED = re.compile(
    r"\*\*(?=\S)(.+?)\*\*|\*(?=\S)(.+?)\*|(?<!\w)_(?=\S)(.+?)_(?!\w)|\"(.+?)\"|\u201c(.+?)\u201d"
    r"|\u201e(.+?)\u201c|\u00bb(.+?)\u00ab|\u00ab(.+?)\u00bb|\((.+?)\)|: (.+)$"
)


def _segments(text: str, whole: _Segment, words: list[_Word]) -> list[_Segment]:
    """The sentence, and what quotes, emphasis, parentheses or a colon set off in it."""
    found = [whole]
    for match in _ENCLOSED.finditer(text, whole.start, whole.end):
        group = next(g for g in range(1, len(match.groups()) + 1) if match.group(g) is not None)
        start, end = match.span(group)
        inside = [i for i, word in enumerate(words) if start <= word.start and word.end <= end]
        if inside:
            found.append(_Segment(start, end, inside[0], inside[-1]))
    return found


def _snap(words: list[_Word], first: int, last: int, segments: list[_Segment]) -> _Segment | None:
    """A run that covers most of a quoted, emphasised or parenthesised stretch (or of the
    sentence) takes exactly that stretch, when the words it left out are weak either way:
    "*for healthcare professionals only*" starts at "for", "motto *fail fast*" at "fail"."""
    for segment in sorted(segments, key=lambda s: s.last - s.first):
        inside = range(max(first, segment.first), min(last, segment.last) + 1)
        if not inside:
            continue
        if len(inside) * 5 < (last - first + 1) * 3:
            continue  # most of the run lies outside this stretch
        left_out = [words[i] for i in range(segment.first, segment.last + 1) if i not in inside]
        covered = sum(words[i].counted for i in inside)
        if (
            all(abs(word.evidence) < WEAK for word in left_out)
            and covered * 5
            >= sum(words[i].counted for i in range(segment.first, segment.last + 1)) * 3
        ):
            return segment
    return None


def _is_name(run: list[_Word], other: str) -> bool:
    """Fewer than two small words the other language writes: names and their joining
    words ("European Medicines Agency", "Københavns Universitet on Ole Maaløes Vej"), and
    names in a third language, whose letters lingua may take for it ("Jablonec nad
    Nisou", "pahawh hmong"). A title set off by quotes or emphasis was snapped to its
    stretch before."""
    small = (w for w in run if w.evidence > 0 and not w.capitalised and _written(w, other))
    return len(list(islice(small, 2))) < 2  # the dictionary is asked of two at most


def _is_list(text: str, run: list[_Word]) -> bool:
    """Words each set off by commas or quotes are a list of values, names or terms, not
    a phrase ("atime, access, use, ctime"; “left”, “right”; "Calc, Impress, Writer")."""
    counted = [word for word in run if word.counted]
    gaps = (text[one.end : after.start].strip() for one, after in pairwise(counted))
    return len(counted) > 1 and all(gaps)


def _sentence_edges(view: str, start: int, end: int) -> tuple[int, int]:
    """A whole sentence from its first word to its end mark; quotes and emphasis around
    it stay outside."""
    while start < end and view[start] in OPENERS:
        start += 1
    while end > start and view[end - 1] in CLOSERS:
        end -= 1
    return start, end


def _word(match: re.Match[str], lang: str, other: str, names: frozenset[str], first: bool) -> _Word:
    text = match.group()
    evidence, counted, capitalised, number, shared = word_evidence(text, lang, other, names, first)
    return _Word(match.start(), match.end(), evidence, counted, capitalised, number, shared, text)


def _written(word: _Word, other: str) -> bool:
    """The other language's dictionary knows the word ("befordringsgodtgørelse" too, which
    wordfreq does not list): not one lingua guessed from its letters ("ahom"), nor a
    token wordfreq found in that language's texts ("pri" in "Dol pri Ljubljani"). Asked
    only where it decides: a re-check of one paragraph may then load no dictionary."""
    return word.counted and _in_dictionary(word.text, other)


@lru_cache(maxsize=1 << 14)
def _in_dictionary(word: str, lang: str) -> bool:
    """Whether `lang`'s default Hunspell dictionary knows `word`; True without one, so
    that lingua's guess stands."""
    name = dictionary_name(lang, {})
    return dictionary_path(name) is None or spell_checks(name)[0](word)


def _agrees(text: str, other: str, lang: str, evidence: float) -> bool:
    """lingua, on the passage as a whole, agrees; where the words speak clearly
    (`evidence`, per word), it need only not object."""
    return confidence(text, other, lang) >= (AGREEMENT if evidence < CLEAR else 1 - AGREEMENT)


def quoted(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters, for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
