"""How sure a changed number is a mistake: an error where a value clearly changed or
vanished, a warning where only the meaning can tell (#29).

On real catalogs the sure cases are digits: a version, a size, a key, a count that is not
in the translation. Number words are also pronouns, articles and prepositions, a
translator adds them to explain ("to tekstindikatorer"), and leaves them implicit ("all
four caps" → "alle hætterne"); a spreadsheet function is localised as a whole, its digit
standing for a word ("BIN2HEX" → "BIN.TIL.HEX"). Those are warnings or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.checks.number_words import word_values
from pipeline.checks.quantities import Quantity, compare, quantities

# A function name whose digit stands for a word: "BIN2HEX" (to), "DEC2BIN".
_WORD_DIGIT_NAME = re.compile(r"[A-Z]{2,}\d[A-Z]{2,}")
# A name localised as a whole: "BIN.TIL.HEX", "UGE.NR_EXCEL2003".
_LOCALISED_NAME = re.compile(r"\b[A-ZÆØÅ]{2,}[._][A-ZÆØÅ][A-ZÆØÅ0-9._]*\b")
# A size with its unit: "2 GB" is bytes, "2 Gb" bits.
_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)\s?([kKMGTP]i?)([bB])\b")


@dataclass(frozen=True, slots=True)
class NumberChange:
    """One number that differs, and whether telling needs the meaning."""

    message: str
    unsure: bool


def number_changes(
    source: str, source_lang: str, target: str, target_lang: str
) -> list[NumberChange]:
    """The numbers of `source` the translation lacks or changes, and those it adds."""
    missing, extra = compare(source, source_lang, target, target_lang)
    changes = [
        NumberChange(
            f"the number {q.shown(source)} of the source is not in the translation" + _word_note(q),
            _is_word(q) or _spelled_in_a_word(q, target, target_lang),
        )
        for q in missing
        if not _named_as_a_whole(q, source, target)
    ]
    changes += [
        NumberChange(
            f"the translation has the number {q.shown(target)}, the source does not"
            + _word_note(q),
            _is_word(q) or _in_added_parentheses(q, source, target),
        )
        for q in extra
    ]
    changes += _unit_changes(source, target)
    if not missing and not extra:
        changes += _reordered(source, source_lang, target, target_lang)
    return changes


def _is_word(quantity: Quantity) -> bool:
    return not any(character.isdigit() for character in quantity.text)


def _word_note(quantity: Quantity) -> str:
    return " (a number word: check whether the meaning changed)" if _is_word(quantity) else ""


def _named_as_a_whole(quantity: Quantity, source: str, target: str) -> bool:
    """A digit inside a function name that the translation names in its own words."""
    return bool(
        _WORD_DIGIT_NAME.fullmatch(quantity.word_at(source)) and _LOCALISED_NAME.search(target)
    )


def _spelled_in_a_word(quantity: Quantity, target: str, lang: str) -> bool:
    """A digit of a word that the translation writes as a word: "2D" → "todimensionel".
    Not one: "en" and "et" begin too many words."""
    if not quantity.in_word:
        return False
    values = {value for value in _plain_values(quantity) if value >= 2}
    words = {word for word, value in word_values(lang).items() if value in values}
    tokens = re.findall(r"[^\W\d_]+", target.lower())
    return any(token.startswith(word) for token in tokens for word in words)


def _plain_values(quantity: Quantity) -> set[Decimal]:
    return {value[-1] for value in quantity.values if isinstance(value[-1], Decimal)}


def _in_added_parentheses(quantity: Quantity, source: str, target: str) -> bool:
    """A number inside parentheses the source does not have: a gloss the translator
    added ("(højst 255 tegn)"), most often right."""
    before = target.rfind("(", 0, quantity.start)
    inside = before != -1 and target.find(")", before) > quantity.start
    return inside and "(" not in source


def _unit_changes(source: str, target: str) -> list[NumberChange]:
    """ "2 GB" written "2 Gb": eight times less, or the translator's spelling of gigabyte."""
    sizes = {_plain(m.group(1)): m for m in _SIZE.finditer(source)}
    changes = []
    for found in _SIZE.finditer(target):
        was = sizes.get(_plain(found.group(1)))
        same_prefix = was is not None and was.group(2).upper() == found.group(2).upper()
        if was and same_prefix and was.group(3) != found.group(3):
            changes.append(
                NumberChange(
                    f"the unit of {found.group(1)} changed from {was.group(2)}{was.group(3)} to "
                    f"{found.group(2)}{found.group(3)}: B is bytes, b is bits",
                    True,
                )
            )
    return changes


def _plain(number: str) -> str:
    return re.sub(r"[.,]", "", number)


def _reordered(source: str, source_lang: str, target: str, target_lang: str) -> list[NumberChange]:
    """The same numbers in another order: two values may have swapped places ("from 1 to
    5" → "fra 5 til 1"), or the sentence was turned round; the meaning tells."""
    first = _digit_values(source, source_lang)
    second = _digit_values(target, target_lang)
    if len(set(first)) < 2 or sorted(first) != sorted(second) or first == second:
        return []
    return [
        NumberChange(
            f"the numbers come in another order ({', '.join(first)} → {', '.join(second)}): "
            "check that each still belongs where it did",
            True,
        )
    ]


def _digit_values(text: str, lang: str) -> list[str]:
    """The plain numbers in digits, as values, in order (dates and identifiers aside)."""
    found = []
    for quantity in quantities(text, lang):
        numbers = [value[1] for value in quantity.values if value[0] == "number"]
        if _is_word(quantity) or quantity.in_word or quantity.parts or len(numbers) != 1:
            continue
        found.append(str(numbers[0]))
    return found
