"""Numbers a translation moved or exchanged (#29).

A range's ends or a size's sides the other way round ("rows 5 to 9" → "række 9 til 5",
"800 x 600" → "600 x 800") changed the value: both languages write them in the same
order. So did a label both texts write with another number after it ("Moderator: 50" →
"Moderator: 0"), and numbered steps in another order ("Step 1 … Step 2" → "Trin 2 …
Trin 1"). Any other two numbers may have swapped places, or the sentence was turned
round: only the meaning tells. And where each text has one number word and no digit,
another value is another count ("Go back one page" → "Gå to sider tilbage").
"""

from __future__ import annotations

import re

from pipeline.checks.number_equivalents import bound_turned, plain_values
from pipeline.checks.number_words import number_word_count
from pipeline.checks.quantities import Quantity, has_digits, quantities

# A name numbered by digits ("ext3"): its name, its number.
NUMBERS_OF_NAMES = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})(\d+)(?![^\W_])")
_NUMBER = r"(?<![\d.,/:-])(\d+)"
_END = r"(\d+)(?![\d/:]|[.,-]\d)"
# Two numbers joined as a size or as a range, in either language: "800 x 600", "5-9",
# "5 to 9", "fra 5 til 9", "between 5 and 9", "mellem 5 og 9".
_SIZE = re.compile(rf"{_NUMBER}\s?[x×]\s?{_END}")
_RANGE = re.compile(
    rf"{_NUMBER}(?:\s?[–—-]\s?|\.\.\.?|\s+(?:to|through|til)\s+){_END}"
    rf"|\b(?:between|mellem)\s+{_NUMBER}\s+(?:and|og)\s+{_END}"
)


def reordered(
    source: str, source_lang: str, target: str, target_lang: str
) -> list[tuple[str, bool]]:
    """The numbers the translation writes in another order, as (message, unsure): a range
    or size turned round, or numbers swapped between labels or steps, is sure; any other
    order needs the meaning."""
    first = _digit_values(source, source_lang)
    second = _digit_values(target, target_lang) if len({v for v, _ in first}) >= 2 else first
    values, others = [v for v, _ in first], [v for v, _ in second]
    if sorted(values) == sorted(others) and values != others:
        sure = _swapped_ends(source, target) or _relabelled(source, target)
        sure = sure or _steps(source, target)
        if sure:
            return [(message, False) for message in sure]
        was, now = ", ".join(w for _, w in first), ", ".join(w for _, w in second)
        return [
            (
                f"the numbers come in another order ({was} → {now}): check that each "
                "still belongs where it did",
                True,
            )
        ]
    if not has_digits(source) or sum(q.in_word for q in quantities(source, source_lang)) < 2:
        return []  # most texts: no two names with a number (and their numbers are read)
    return [(message, True) for message in _names_reordered(source, target)]


def _swapped_ends(source: str, target: str) -> list[str]:
    """The source's ranges and sizes the translation writes the other way round, where it
    does not also write them the source's way."""
    found = []
    for kind, pattern in (("size", _SIZE), ("range", _RANGE)):
        ours = {_ends(m): m.group() for m in pattern.finditer(source)}
        theirs = {_ends(m): m.group() for m in pattern.finditer(target)} if ours else {}
        for (first, second), written in ours.items():
            turned = (second, first)
            kept = (first, second) in theirs or turned in ours  # both ways: a list of pairs
            if first != second and turned in theirs and not kept:
                found.append(
                    f"the {kind} '{written}' is '{theirs[turned]}' in the translation: "
                    "its ends swapped places"
                )
    return found


# A word (or a label with its colon) right before a number: "Step 1", "Moderator: 50".
_LABELLED = re.compile(r"(?<![\w-])([^\W\d_]{3,}):?\s(\d+)(?![\w/-]|[.,:]\d)")


def _relabelled(source: str, target: str) -> list[str]:
    """A word both texts write once before a number, with another label's number after
    it in the translation: the numbers swapped labels ("User: 0, Moderator: 50" →
    "Bruger: 50, Moderator: 0"). Not a date's month ("September 14 2001" → "14.
    September 2001"): its number follows no label."""
    ours = _labels(source)
    theirs = _labels(target) if len(ours) >= 2 else {}
    # Swapped: the new number follows another label in the source.
    others = {number for _, number in _LABELLED.findall(source)}
    return [
        f"'{label} {number}' is '{label} {theirs[label]}' in the translation: "
        "the numbers swapped places"
        for label, number in ours.items()
        if label in theirs and theirs[label] != number and theirs[label] in others
    ]


def _labels(text: str) -> dict[str, str]:
    """Each word written once before a number, and once in the text, with the number."""
    found = _LABELLED.findall(text)
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {
        word: number
        for word, number in found
        if sum(w.lower() == word.lower() for w, _ in found) == 1 and words.count(word.lower()) == 1
    }


def _steps(source: str, target: str) -> list[str]:
    """Numbered steps 1, 2… the translation numbers in another order: one word before
    each number in either text ("Step 1 … Step 2" → "Trin 2 … Trin 1")."""
    ours, theirs = _numbered(source), _numbered(target)
    steps = list(range(1, len(ours) + 1))
    if len(ours) < 2 or ours != steps or sorted(theirs) != steps or theirs == steps:
        return []
    shown = ", ".join(map(str, theirs))
    return [f"the steps {', '.join(map(str, ours))} are numbered {shown} in the translation"]


# A numbered step, a colon or a stop after it: "Step 1:", "Trin 2.".
_STEP = re.compile(r"(?<![\w-])([^\W\d_]{3,})\s(\d+)\s?[:.)](?!\d)")


def _numbered(text: str) -> list[int]:
    """The steps' numbers, in order, when one and the same word stands before each."""
    found = _STEP.findall(text)
    if len({word.lower() for word, _ in found}) != 1:
        return []
    return [int(number) for _, number in found]


def _ends(found: re.Match[str]) -> tuple[int, int]:
    first, second = (int(group) for group in found.groups() if group is not None)
    return first, second


def _names_reordered(source: str, target: str) -> list[str]:
    """One name with two numbers, the numbers in another order ("convert ext3 to ext4" →
    "konvertér ext4 til ext3"): the values may have swapped places, or the sentence was
    turned round; the meaning tells."""
    numbered = NUMBERS_OF_NAMES.findall(source)
    names = {name for name, _ in numbered}
    if len(numbered) <= len(names):
        return []  # each name once (most texts: none), so no name's numbers can swap
    changes = []
    for name in names:
        first = [number for found, number in numbered if found == name]
        second = [number for found, number in NUMBERS_OF_NAMES.findall(target) if found == name]
        if len(set(first)) >= 2 and sorted(first) == sorted(second) and first != second:
            shown = ", ".join(name + number for number in first)
            changes.append(
                f"{shown} come in another order: check that each still belongs where it did"
            )
    return changes


def _digit_values(text: str, lang: str) -> list[tuple[str, str]]:
    """The plain numbers in digits, as (value, as written), in order (dates and
    identifiers aside)."""
    if not has_digits(text):
        return []  # number words aside, every quantity is written with digits
    found = []
    for quantity in quantities(text, lang):
        numbers = [value[1] for value in quantity.values if value[0] == "number"]
        in_words = not any(character.isdigit() for character in quantity.text)
        if in_words or quantity.in_word or quantity.parts or len(numbers) != 1:
            continue
        found.append((str(numbers[0]), quantity.text))
    return found


# Number words a text may not mean as a count: a time, an article, "both", "a pair".
_DOUBTFUL = frozenset({
    "both", "couple", "double", "half", "once", "pair", "quarter", "second", "single",
    "twice", "triple", "anden", "andet", "begge", "dobbelt", "dobbelte", "en", "et",
    "enkelt", "halv", "halvanden", "halvandet", "halve", "halvt", "kvart", "næst", "par",
})  # fmt: skip


_SHORT = 100  # characters: a label, a menu item, a sentence


def one_word_each(
    source: str, source_lang: str, target: str, target_lang: str
) -> tuple[str, str] | None:
    """The number word of each short text, where each has one and no digit, and their
    values differ ("One Day Forward" → "Tre dage frem", "the first" → "den femte")."""
    if len(source) > _SHORT or has_digits(source) or has_digits(target):
        return None  # a long text's one number word each may speak of two things
    if number_word_count(source, source_lang) != 1:
        return None  # most texts: no number word in the source
    if number_word_count(target, target_lang) != 1:
        return None
    ours, theirs = quantities(source, source_lang), quantities(target, target_lang)
    if len(ours) != 1 or len(theirs) != 1:
        return None
    first, second = ours[0], theirs[0]
    if set(f"{first.text} {second.text}".lower().split()) & _DOUBTFUL:
        return None  # "Twelve-thirty" → "Halv et": half past, a time
    if written_in(second.text, source) or written_in(first.text, target):
        return None  # a name both write ("GNOME To Do"), or a text left in English
    if not (_whole_word(first, source) and _whole_word(second, target)):
        return None  # "Four sided" → "Firsidet": the count inside a word
    if plain_values(first) & plain_values(second) or bound_turned(first, second, source, target):
        return None
    return first.text, second.text


def written_in(word: str, text: str) -> bool:
    """Whether `text` writes `word` ("To" in "GNOME To Do", "UTF-8" in "UTF-8-formatet")."""
    return re.search(rf"(?<![\w.-]){re.escape(word)}(?![\w.])", text, re.IGNORECASE) is not None


def _whole_word(quantity: Quantity, text: str) -> bool:
    start, end = quantity.start, quantity.start + len(quantity.text)
    return not (text[end : end + 1].isalpha() or text[start - 1 : start].isalpha())
