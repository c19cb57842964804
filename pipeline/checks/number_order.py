"""Numbers a translation keeps but writes in another order (#29).

A range's ends or a size's sides the other way round ("rows 5 to 9" → "række 9 til 5",
"800 x 600" → "600 x 800") changed the value: both languages write them in the same
order. Any other two numbers may have swapped places, or the sentence was turned
round: only the meaning tells.
"""

from __future__ import annotations

import re

from pipeline.checks.quantities import has_digits, quantities

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
    """The numbers the translation writes in another order, as (message, unsure): a
    range or size the other way round is sure; any other order needs the meaning."""
    swapped = swapped_ends(source, target)
    if swapped:
        return [(message, False) for message in swapped]
    first = _digit_values(source, source_lang)
    second = _digit_values(target, target_lang) if len({v for v, _ in first}) >= 2 else first
    values, others = [v for v, _ in first], [v for v, _ in second]
    if sorted(values) == sorted(others) and values != others:
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


def swapped_ends(source: str, target: str) -> list[str]:
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
