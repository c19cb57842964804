"""Numbers a translation has by a slip of the hand, not as a value: digits typed into a
word ("fi0l", "Bit4rate"), for the letter they look like ("0g", "-0"), for the sign on
their key ("5s:" for "%s:", "8for" for "(for" on a Danish keyboard) or beside a
placeholder ("1%(page)s"); one digit typed wrong, a date's numbers in another order, a
count's word one slip off ("frem" for "fem"). Each is an error: nobody does it on
purpose (#29)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from pipeline.checks.literals import PLACEHOLDER
from pipeline.checks.number_words import strong_words, word_values
from pipeline.languages.dictionaries import dictionary_name, dictionary_path
from pipeline.languages.edits import LETTERS
from pipeline.languages.evidence import frequency
from pipeline.languages.technical import one_slip
from pipeline.languages.word_forms import spell_checks

# Shift and a digit on a Danish keyboard.
_SHIFTED = dict(zip("1234567890", '!"#¤%&/()=', strict=True))
# A digit typed for the letter it looks like: "-0" for "-o", "0g" for "og", "l0g".
_LOOKALIKES = {"0": "o", "1": "l", "5": "s", "8": "b"}
_AS_LETTERS = str.maketrans(_LOOKALIKES)
_LOOKALIKE_DIGIT = re.compile("[0158]")
EDGES = ".,;:!?()[]\"'«»“”"  # punctuation around a word, not part of it
# How common (wordfreq's Zipf scale) a word must be to be the one meant: two letters are
# often abbreviations ("kb", "ss"), so they must be very common ("og").
_COMMON = {2: 5.0}
_COMMON_LONGER = 3.5


def typed_into(digits: str, word: str, source: str, lang: str) -> bool:
    """The translation's `word` around `digits` is a word of the source once the digits
    are taken out, or typed as the sign of their key or the letter they look like ("OS2/2"
    for "OS/2", "5s" for "%s"); or one digit inside a common word of `lang` ("fi0l")."""
    if not any(character.isalpha() for character in word):
        return False
    tokens = _tokens(source)
    if word.lower() in tokens:
        return False
    tokens |= {part for token in tokens for part in token.split("-")}  # "Aho-Corasick"
    for part in word.split("-"):  # "OS2/2-verison": a compound of the source's word
        for found in re.finditer(re.escape(digits), part):
            before, after = part[: found.start()], part[found.end() :]
            suspended = not after and word.endswith(part + "-")  # "netværk5- eller"
            if part != word and not after and not suspended:
                continue  # "chi2-fordelingen": a part numbered, as "Sheet1" is
            if any(reading.lower() in tokens for reading in _readings(before, digits, after)):
                return True
            if len(digits) == 1 and _inside_a_common_word(before, digits, after, lang, suspended):
                return True
    return False


def _readings(before: str, digits: str, after: str) -> set[str]:
    """The word without the digits, and with one digit as its key's sign, its look-alike
    or any letter ("phish1ng", "Scr1pt" of the source's "phishing", "script")."""
    readings = {before + after}
    if len(digits) == 1 and before[-1:].isalpha() and (after[:1].isalpha() or not after):
        readings.update(before + letter + after for letter in LETTERS)  # "Chrom3": "Chrome"
    if after[:1] in ("%", "$"):  # "%1here2%" for "%1here%2": a placeholder's sign moved
        readings.add(before + after[0] + digits + after[1:])
    if len(digits) == 1:
        readings.add(before + _SHIFTED[digits] + after)
    if digits in _LOOKALIKES:
        readings.add(before + _LOOKALIKES[digits] + after)
    return readings


def for_a_letter(word: str, source: str) -> bool:
    """`word` is a source word with digits typed for look-alike letters: "-0" for "-o"."""
    return word.lower().translate(_AS_LETTERS) in _tokens(source)


def beside_a_placeholder(digits: str, start: int, text: str) -> bool:
    """A number glued to a placeholder ("1%(search_page)s") or alone after one inside
    brackets ("(%s 1)"): it counts nothing, so it is a slip."""
    end = start + len(digits)
    if PLACEHOLDER.match(text, end) or _ends_with_a_placeholder(text[:start]):
        return True
    before = text[:start].split()
    return (
        bool(before)
        and text[start - 1].isspace()
        and _ends_with_a_placeholder(before[-1])
        and text[end:].lstrip()[:1] in ("", ")", "]", ".", ",", ";", ":")
    )


def split_placeholder(digits: str, start: int, target: str, source: str) -> bool:
    """The source's placeholder "%1" written "% 1": the placeholders rule says so."""
    return target[max(0, start - 2) : start] == "% " and f"%{digits}" in source


def a_placeholder_in_its_place(digits: str, source: str, target: str) -> bool:
    """The translation has a placeholder with the number's digits that the source lacks
    ("Atom 1" → "Atom %1", "$1" → "%1"): a value the program fills in, or a number
    shown as it is; only the meaning tells."""
    return any(
        re.sub(r"\D", "", found.group()) == digits and found.group() not in source
        for found in PLACEHOLDER.finditer(target)
    )


def _ends_with_a_placeholder(text: str) -> bool:
    return any(found.end() == len(text) for found in PLACEHOLDER.finditer(text[-40:]))


def digits_for_letters(source: str, target: str, said: str = "") -> list[str]:
    """The translation's words that are a source word with letters typed as the digits
    they look like ("PyO3" → "Py03", "LZO" → "LZ0", "gcc -O0" → "-00", "ocaml-gavl" →
    "ocaml-gav1"), said as findings; not a word `said` already quotes."""
    typed = [word.strip(EDGES) for word in target.split() if _LOOKALIKE_DIGIT.search(word)]
    if not typed:
        return []  # most texts: no 0, 1, 5 or 8
    tokens = _tokens(source)
    parts = tokens | {part.strip(EDGES) for token in tokens for part in token.split("-")}
    found = []
    for token in dict.fromkeys(typed):
        pieces = token.split("-") if "-" in token[1:] else [token]  # "-00" is one piece
        for part in (piece.strip(EDGES) for piece in pieces):
            reading = next((r for r in _letter_readings(part.lower()) if r in parts), None)
            if reading is None or part.lower() in parts or len(part) < 2:  # "5" is no "S"
                continue
            meant = re.search(re.escape(reading), source, re.IGNORECASE)
            meant_text = meant.group() if meant else reading
            if f"'{token}'" not in said and f"'{meant_text}'" not in said:
                shown = f"'{part}'" + ("" if part == token else f" (in '{token}')")
                found.append(f"{shown} is the source's '{meant_text}' with letters typed as digits")
            break
    return found


def _letter_readings(word: str) -> list[str]:
    """`word` with one look-alike digit, or all of them, read as the letter."""
    places = [i for i, character in enumerate(word) if character in _LOOKALIKES]
    readings = [word[:i] + _LOOKALIKES[word[i]] + word[i + 1 :] for i in places]
    return [*readings, word.translate(_AS_LETTERS)] if places else []


def _inside_a_common_word(
    before: str, digit: str, after: str, lang: str, suspended: bool = False
) -> bool:
    """One digit between letters, typed into a common word ("fi0l") or for one of its
    letters ("fil3n" for "filen"), also the last before a compound's hyphen ("netværk5-
    eller filadgang"), or a look-alike at a word's start ("0g")."""
    if before[-1:].isalpha() and (after[:1].isalpha() or suspended):
        typed_for = {(before + letter + after).lower() for letter in LETTERS}
        readings = {(before + after).lower(), *typed_for}
    elif not before and after.isalpha() and digit in _LOOKALIKES:
        readings, typed_for = {(_LOOKALIKES[digit] + after).lower()}, set()
    else:
        return False
    words = [reading for reading in readings if reading.isalpha()]
    if any(frequency(w, lang) >= _COMMON.get(len(w), _COMMON_LONGER) for w in words):
        return True
    known = _dictionary(lang)  # a rarer word, or a compound: "butiksanmeldels3r"
    longer = [w for w in typed_for if len(w) >= _KNOWN_FROM and w.isalpha()]
    return known is not None and any(known(w) for w in longer)


_KNOWN_FROM = 6  # letters: a shorter word a digit turns into is as often a code ("p2p")


@cache
def _dictionary(lang: str) -> Callable[[str], bool] | None:
    """Whether Hunspell's dictionary for `lang` takes a word (compounds too); None
    without one."""
    name = dictionary_name(lang, {})
    return spell_checks(name)[0] if dictionary_path(name) is not None else None


def _tokens(text: str) -> set[str]:
    """The words of `text` as written and without the punctuation around them."""
    raw = text.lower().split()
    return set(raw) | {token.strip(EDGES) for token in raw}


def number_word_slip(values: set[Decimal], target: str, lang: str) -> str:
    """A note where a word of the translation is one slip from the number word the
    source's number becomes ("five bands" → "frem grupper" for "fem"); else ""."""
    numbers = word_values(lang)
    meant = [w for w in strong_words(lang) if len(w) >= 3 and numbers.get(w, -1) in values]
    words = set(re.findall(r"[^\W\d_]{3,}", target.lower())) - numbers.keys() if meant else set()
    slips = [(word, m) for word in sorted(words) for m in meant if one_slip(word, m)]
    return f" ('{slips[0][0]}' may be a slip for '{slips[0][1]}')" if slips else ""


def one_digit_apart(written: str, text: str) -> bool:
    """`text` has the number with one digit typed wrong ("-124.3647" → "-124.3547"): a
    slip, even in an example a translation may localise."""
    for token in text.split():
        other = token.strip(EDGES)
        apart = [(a, b) for a, b in zip(written, other, strict=False) if a != b]
        if len(written) == len(other) >= 3 and len(apart) == 1 and apart[0][1].isdigit():
            return True
    return False


_DATE_LIKE = re.compile(r"(?<![\d.,])\d{1,4}([-./])\d{1,2}\1\d{1,4}(?![\d])")


def garbled_dates(source: str, target: str) -> list[str]:
    """Dates of the source the translation writes with their numbers in another order,
    so that no date is left ("1999-11-22" → "1999-22-11"): each pair as "was → is"."""
    dates: dict[tuple[int, ...], str] = {}
    for found in _DATE_LIKE.finditer(source):
        dates.setdefault(_parts_of(found.group()), found.group())
    garbled = []
    for found in _DATE_LIKE.finditer(target) if dates else ():
        written = found.group()
        was = dates.get(_parts_of(written))
        reordered = was and _numbers_of(written) != _numbers_of(was) and _a_date(was)
        if reordered and written not in source and not _a_date(written):
            garbled.append(f"{was} → {written}")
    return garbled


def _parts_of(written: str) -> tuple[int, ...]:
    return tuple(sorted(_numbers_of(written)))


def _numbers_of(written: str) -> list[int]:
    return [int(part) for part in re.split(r"[-./]", written)]


def _a_date(written: str) -> bool:
    """Whether some order of day, month and year reads as a date."""
    first, middle, last = _numbers_of(written)
    return (1 <= middle <= 12) and (1 <= first <= 31 or 1 <= last <= 31)
