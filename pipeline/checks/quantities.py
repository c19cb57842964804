"""Numbers, number words, dates and times in a text, read as values that two languages share."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import attrgetter

from pipeline.checks.literals import without_literals
from pipeline.checks.number_slips import EDGES, typed_into
from pipeline.checks.number_words import (
    DECADE,
    MONTHS,
    Value,
    century_values,
    decimal_point,
    example_spans,
    multiplier_after,
    number_words,
    strong_word_pattern,
)
from pipeline.project.config import primary_language

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (  # a date is no part of a longer run: "10.10.10.10" is an address
    ("ymd", re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")),
    ("numeric", re.compile(r"(?<![\d.,])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|\2\d)")),
    ("numeric", re.compile(r"(?<![\d.,])(\d{1,2})(/)(\d{1,2})-(\d{4}|\d{2})(?!\d)")),  # 31/12-2005
    ("d month y", re.compile(rf"(?<!\d)(\d{{1,2}})\.? {_MONTH}(?: (\d{{4}}))?\b", re.I)),
    ("month d y", re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?(?:,\s?(\d{{4}}))?\b", re.I)),
)
_TIME = re.compile(
    r"(?<![\d.,:])([01]?\d|2[0-3])(?:[:.\u2236]([0-5]\d)(?:[:\u2236]([0-5]\d))?)?(?!\d)(?![.,:]\d)"
    r"(?:\s?([ap])\.?m\.?(?!\w))?",
    re.I,
)

# The end of a range of hours that says which half of the day both are in: " to 10 pm".
_SHARED_HALF = re.compile(
    r"\s?(?:[-–]|to|until|till)\s?(1[0-2]|0?\d)(?:[:.][0-5]\d)?\s?([ap])\.?m\.?(?!\w)", re.I
)
_DIGITS = re.compile(r"\d+(?:(?:[.,]\d+)+|[½¼¾])?")
_WHOLE_NUMBER = re.compile(r"\d+")
_PIECE = re.compile(r"[^\W\d_]+")
# Letters after digits make an identifier ("64KB", "m32r2"), except an ordinal ending.
_IN_WORD = re.compile(r"(?!(?:st|nd|rd|th|ths|e|er|en|ende)\b|x\d)[^\W\d_]")  # "4x6": sizes
# Fractions, and exponents written as superscripts ("kg/m³" is "kg/m^3").
_SYMBOLS = {"½": "0.5", "¼": "0.25", "¾": "0.75", "²": "2", "³": "3"}
_SYMBOL = re.compile("[½¼¾²³]")
_SERIES = re.compile(r"\.[xX*](?!\w)")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")  # "CaCO₃" is "CaCO3"
_HALVES = {symbol: Decimal(_SYMBOLS[symbol]) for symbol in "½¼¾"}
_PAIR = re.compile(r"\d,\d")
_ORDINAL_OR_DECADE = frozenset("sntr")
_START = attrgetter("start")  # quantities in the order of the text


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, with every value it may stand for. Required quantities are
    written in digits and must have a counterpart; number words only serve as
    counterparts ("five" for "5"): "one" and "en" are also pronouns and articles."""

    text: str
    start: int
    values: frozenset[Value]
    required: bool
    parts: tuple[Quantity, ...] = ()  # a date's numbers, for when it is written another way
    in_word: bool = False  # digits of an identifier ("FILE1", "r8"): only digits match them

    def shown(self, text: str) -> str:
        """The number as a finding names it: "1 (in 'Shift+F1')" inside a word."""
        word = self.word_at(text)
        return self.text if word == self.text.strip(EDGES) else f"{self.text} (in '{word}')"

    def word_at(self, source: str) -> str:
        """The word around the number ("Shift+F1", "A1:E10"), to show it in context."""
        start, end = self.start, self.start + len(self.text)
        while start > 0 and not source[start - 1].isspace():
            start -= 1
        while end < len(source) and not source[end].isspace():
            end += 1
        return source[start:end].strip(EDGES)


def quantities(text: str, lang: str) -> list[Quantity]:
    """The numbers, dates, times and number words of `text`, in order.

    URLs, code spans, placeholders and tags are left out: their own rules check them.
    """
    return list(_quantities(text, lang))


# Read once per distinct text in a run: a catalog repeats its texts (62k entries of the
# LibreOffice help hold 78k distinct texts), and one entry asks for its texts four times.
@lru_cache(maxsize=1 << 17)
def _quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    plain = without_literals(text).translate(_SUBSCRIPTS)
    found: list[Quantity] = []
    taken = bytearray(len(plain))
    # Dates, times, fractions and numbers start with a digit (or ½): most texts have none.
    finders = (_codes, _dates, _times, _fractions, _numbers) if has_digits(plain) else ()
    for finder in finders:
        for quantity in finder(plain, lang):
            span = range(quantity.start, quantity.start + len(quantity.text))
            if not any(taken[i] for i in span):
                found.append(quantity)
                taken[span.start : span.stop] = b"\x01" * len(span)
    digits = {value for quantity in found for value in quantity.values}
    for words in (Quantity(*run) for run in number_words(plain, lang)):
        # "0 (nul)" says one number twice; "to-sidet" and "TI" are not counts.
        glued = (
            plain[words.start - 1 : words.start] == "-"
            or plain[words.start + len(words.text) : words.start + len(words.text) + 1] == "-"
        )
        weak = glued or words.text.isupper() or bool(words.values & digits)
        found.append(dataclasses.replace(words, required=False) if weak else words)
    return tuple(sorted(found, key=_START))


def compare(
    source: str, source_lang: str, target: str, target_lang: str
) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities of `source` missing in `target`, and those `target` adds.

    A number word that both texts share is the source's English kept as it is
    ("Ticket To Ride", "writing system to the other"), not a Danish count.
    """
    if not (_may_count(source, source_lang) or _may_count(target, target_lang)):
        return [], []  # most texts: no digit and no number word that must be matched
    words = (set(_PIECE.findall(source.lower())), set(_PIECE.findall(target.lower())))
    sides = []
    for text, lang, other, written in (
        (source, source_lang, words[1], target),
        (target, target_lang, words[0], source),
    ):
        found = quantities(text, lang)
        # An example's date is the locale's, unless the other text keeps it.
        examples = example_spans(text) if any(map(_is_clock_or_date, found)) else []
        sides.append(
            [
                dataclasses.replace(q, required=False) if q.text.lower() in other else q
                for q in found
                if not (_is_clock_or_date(q) and any(a <= q.start < b for a, b in examples))
                or q.text in written
            ]
        )
    missing, extra = unmatched(sides[0], sides[1])
    # A digit added inside a name is a localized name ("CHI2.FORD", "7-kabale"; a digit
    # changed there shows as the source's missing), unless typed by a slip ("Bit4rate").
    return missing, [
        q
        for q in extra
        if not (q.in_word or _compound(q, target))
        or (q.in_word and typed_into(q.text, q.word_at(target), source, target_lang))
    ]


def has_digits(text: str) -> bool:
    """Whether `text` has a digit or a fraction (½): a date, time or number may be there."""
    return _ANY_DIGIT.search(text) is not None


def _may_count(text: str, lang: str) -> bool:
    """Whether `text` has a digit, a fraction or a number word that needs a counterpart."""
    if has_digits(text):
        return True
    return strong_word_pattern(primary_language(lang)).search(text) is not None


_ANY_DIGIT = re.compile(r"[\d½¼¾²³]")


def _compound(quantity: Quantity, text: str) -> bool:
    end = quantity.start + len(quantity.text)
    return re.match(r"-[^\W\d_]", text[end : end + 2]) is not None


def _is_clock_or_date(quantity: Quantity) -> bool:
    return any(value[0] in ("date", "time") for value in quantity.values)


def unmatched(
    source: Sequence[Quantity], target: Sequence[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities in digits on each side that nothing on the other side matches.
    Digits are paired with digits first; a date the other side writes as separate
    numbers is then paired part by part, and what is left may be a number word."""
    missing, extra = [q for q in source if q.required], [q for q in target if q.required]
    if sorted(q.text for q in missing) == sorted(q.text for q in extra):
        return [], []  # most entries: the same numbers, written the same (one pairing)
    words_of_source = [q for q in source if not q.required]
    words_of_target = [q for q in target if not q.required]
    # Identifiers pair with identifiers first: "FILE1" is "FIL1", not the "1" of "kolonne 1".
    for in_word in (True, False):
        paired = _match(
            [q for q in missing if q.in_word == in_word],
            [q for q in extra if q.in_word == in_word],
        )
        missing = paired[0] + [q for q in missing if q.in_word != in_word]
        extra = paired[1] + [q for q in extra if q.in_word != in_word]
    missing, extra = _match(missing, extra)
    missing, extra = _match(_parts(missing), _parts(extra))
    missing = [q for q in missing if q.in_word] + _match(
        [q for q in missing if not q.in_word], words_of_target
    )[0]
    extra = [q for q in extra if q.in_word] + _match(
        [q for q in extra if not q.in_word], words_of_source
    )[0]
    return sorted(missing, key=_START), sorted(extra, key=_START)


def _parts(found: list[Quantity]) -> list[Quantity]:
    return [part for quantity in found for part in (quantity.parts or (quantity,))]


def _match(
    left: Sequence[Quantity], right: Sequence[Quantity]
) -> tuple[list[Quantity], list[Quantity]]:
    """Pair quantities that share a value (a maximum matching); return the unpaired ones."""
    owner: dict[int, int] = {}  # right index -> left index

    def assign(i: int, seen: set[int]) -> bool:
        for j, candidate in enumerate(right):
            if j in seen or not (left[i].values & candidate.values):
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    paired = {i for i in range(len(left)) if assign(i, set())}
    return (
        [q for i, q in enumerate(left) if i not in paired],
        [q for j, q in enumerate(right) if j not in owner],
    )


def _dates(text: str, lang: str) -> Iterator[Quantity]:
    for kind, pattern in _DATE_PATTERNS:
        for found in pattern.finditer(text):
            values = frozenset(_date_values(kind, found.groups()))
            if values and " may" not in found.group():  # "1 may be" is no 1 May
                parts = tuple(_numbers(found.group(), lang, found.start(), _WHOLE_NUMBER))
                yield Quantity(found.group(), found.start(), values, True, parts)


def _date_values(kind: str, groups: Sequence[str | None]) -> Iterator[Value]:
    if kind == "ymd":
        readings = [(groups[0], groups[1], groups[2])]
    elif kind == "numeric":
        readings = [(groups[3], groups[2], groups[0]), (groups[3], groups[0], groups[2])]
    elif kind == "d month y":
        readings = [(groups[2], str(MONTHS[str(groups[1]).lower()]), groups[0])]
    else:
        readings = [(groups[2], str(MONTHS[str(groups[0]).lower()]), groups[1])]
    for year, month, day in readings:
        if month is None or day is None or not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        for full_year in _years(year):
            yield ("date", full_year, int(month), int(day))


def _years(year: str | None) -> tuple[int | None, ...]:
    if year is None:
        return (None,)
    if len(year) == 2:
        return (1900 + int(year), 2000 + int(year))
    return (int(year),)


def _times(text: str, lang: str) -> Iterator[Quantity]:
    for found in _TIME.finditer(text):
        hours, minutes, seconds = (int(part or 0) for part in found.group(1, 2, 3))
        shared = None if found.group(4) else _SHARED_HALF.match(text, found.end())
        if shared and int(shared.group(1)) % 12 < hours % 12:
            shared = None  # "from 10 to 2 pm" crosses noon: the 10 is in the morning
        half = found.group(4) or (shared and shared.group(2))  # "7 to 10 pm": 19 to 22
        if found.group(2) is None and half is None:
            continue  # a plain number
        values = _number_values(found.group(1) if half else found.group(), lang)
        if half:  # "6 p.m." is "klokken 18"; "00:00 PM" is midnight too
            values |= {("time", 0, minutes, seconds)} if hours == 0 else set()
            hours = hours % 12 + (12 if half.lower() == "p" else 0)
            values.add(("number", Decimal(hours)))
        values.add(("time", hours, minutes, seconds))
        yield Quantity(found.group(), found.start(), frozenset(values), True)


# A simple fraction: "1/2", "3/4" ("3 1/2 inch" is "3½\""); its digits are its parts
# ("1/2" may also be "1 of 2").
_FRACTION = re.compile(r"(?<![\d/.,])(\d)/(\d{1,2})(?![\d/]|[.,]\d)")
_WHOLE_BEFORE = re.compile(r"(?<![\d.,])(\d+) $")


def _fractions(text: str, lang: str) -> Iterator[Quantity]:
    for found in _FRACTION.finditer(text):
        numerator, denominator = int(found.group(1)), int(found.group(2))
        if 0 < numerator < denominator <= 16:
            value = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.01"))
            values = {("as written", found.group()), ("number", value.normalize())}
            parts = tuple(_numbers(found.group(), lang, found.start(), _WHOLE_NUMBER))
            whole = _WHOLE_BEFORE.search(text, 0, found.start())
            if whole:  # "3 1/2 inch" is 3.5, as "3½"
                mixed, written = value + int(whole.group(1)), text[whole.start() : found.end()]
                values = {("as written", written), ("number", mixed)}
                parts = (*_numbers(whole.group(1), lang, whole.start()), *parts)
                yield Quantity(written, whole.start(), frozenset(values), True, parts)
                continue
            yield Quantity(found.group(), found.start(), frozenset(values), True, parts)


# A code point or a hexadecimal number: one value as a whole ("U+266a" is not "U+266").
_CODE = re.compile(r"(?:(?<![\w+])|(?<=[a-z]))(?:U\+[0-9A-Fa-f]{4,6}|0x[0-9A-Fa-f]+)(?![\w+])")
# The ten digits as a range ("the 0-9 keys"), which a translation may name in words.
_DIGIT_RANGE = re.compile(r"(?<![\d.,])0\s?(?:-|–|\.\.)\s?9(?![\d.,])")
# A minus sign: before the digits, after a space, bracket or an argument's separator ("a
# height of -1", "(-1 = off)", "10[sup]-27[/sup]", "=ROUND(987.65;-2)", "FLOOR(3.45,-3)").
_DASHES = frozenset("-\u2212–")
_MINUS = re.compile(r"(?:^|(?<=[(\[\]=:;,])|(?<=\s)(?<![)\]]\s))[-\u2212–]$")  # not "f(x) -1"
# The first year of a range whose second keeps only its last two digits: "2012-14".
_CENTURY_BEFORE = re.compile(r"(?<!\d)(1[5-9]|20)\d\d[-–]$")
_GOES_ON = re.compile(r"[-–./]\d")


def _codes(text: str, lang: str) -> Iterator[Quantity]:
    for found in _CODE.finditer(text) if "U+" in text or "0x" in text else ():
        values = frozenset({("code", found.group().lower())})
        yield Quantity(found.group(), found.start(), values, True, in_word=True)
    for found in _DIGIT_RANGE.finditer(text) if "9" in text else ():
        yield Quantity(found.group(), found.start(), frozenset({("digits", "0-9")}), True)


def _numbers(
    text: str, lang: str, offset: int = 0, pattern: re.Pattern[str] = _DIGITS
) -> Iterator[Quantity]:
    for found in pattern.finditer(text):
        written, start = found.group(), found.start()
        values = set(_number_values(written, lang))
        if written[-1] in _HALVES:  # "1½" is 1.5
            values = {("as written", written), ("number", int(written[:-1]) + _HALVES[written[-1]])}
        if written.isdigit() and _leading_point(text, start, found.end(), lang):
            start, written = start - 1, text[start - 1] + written
            values = {("as written", written), ("number", Decimal("0." + written[1:]).normalize())}
        multiplier = multiplier_after(text, found.end())
        if multiplier:
            values |= {("number", value * multiplier) for value in _plain_values(values)}
        in_word = _IN_WORD.match(text, found.end()) is not None or (
            start > 0
            and text[start - 1].isalpha()
            and not (text[start - 1] == "x" and text[start - 2 : start - 1].isdigit())
        )
        sign = text[start - 1 : start] if start else ""
        if sign in _DASHES and len(written) == 2 and not _GOES_ON.match(text, found.end()):
            century = _CENTURY_BEFORE.search(text, max(0, start - 5), start)
            values |= {("number", Decimal(century.group(1) + written))} if century else set()
        minus = sign in _DASHES and _MINUS.search(text, max(0, start - 2), start)
        if minus and written.strip("0.,"):  # -1, -12dB; not the option -0
            start, written = start - 1, "-" + written
            values = {("as written", written)} | {("number", -v) for v in _plain_values(values)}
        if text[found.end() : found.end() + 1] in _ORDINAL_OR_DECADE:  # "19th", "1990s"
            values |= century_values(text, found.end(), written)
            in_word = in_word and not DECADE.match(text, found.end() - 4)
        parts: tuple[Quantity, ...] = ()
        if _SERIES.match(text, found.end()):  # "6.1.x": a version series, in any language
            values = {("as written", written)}
        # "[8,63]", "1,3,5", "0,1 eller 2": a list, written without spaces; "3½" for "3 1/2"
        elif _PAIR.fullmatch(written) or not any(value[0] == "number" for value in values):
            parts = tuple(_numbers(found.group(), lang, offset + found.start(), _WHOLE_NUMBER))
        elif written[-1] in _HALVES:
            parts = (*_numbers(written[:-1], lang, offset + start), *_numbers(written[-1], lang))
        yield Quantity(written, offset + start, frozenset(values), True, parts, in_word)
    for found in _SYMBOL.finditer(text):
        value = Decimal(_SYMBOLS[found.group()])
        yield Quantity(found.group(), offset + found.start(), frozenset({("number", value)}), True)


def _leading_point(text: str, start: int, end: int, lang: str) -> bool:
    """A decimal without its zero ("RATE(1000;.13)", "of .5"); not ".7z", "%.2f", "1.2"."""
    point = decimal_point(lang)
    before = text[start - 2 : start - 1] if start > 1 else " "
    return (
        text[start - 1 : start] == point
        and (before.isspace() or before in "(;=[")
        and not text[end : end + 1].isalpha()
    )


def _number_values(written: str, lang: str) -> set[Value]:
    """What a digit string means in the language's notation, and the string itself:
    translations often keep a number as the source writes it ("ODF 1.2")."""
    point = decimal_point(lang)
    value = _parse(written, "." if point == "," else ",", point)
    values: set[Value] = {("as written", written)}
    return values | {("number", value)} if value is not None else values


def _parse(written: str, thousands: str, decimal: str) -> Decimal | None:
    whole, _, fraction = written.partition(decimal)
    groups = whole.split(thousands)
    if any(len(group) != 3 for group in groups[1:]) or (fraction and not fraction.isdigit()):
        return None
    try:
        return Decimal("".join(groups) + ("." + fraction if fraction else "")).normalize()
    except InvalidOperation:
        return None


def _plain_values(values: set[Value]) -> Iterator[Decimal]:
    for value in values:
        if value[0] == "number" and isinstance(value[1], Decimal):
            yield value[1]
