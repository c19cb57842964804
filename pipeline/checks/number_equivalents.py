"""One value written two ways: a unit converted, a turn the other way round, a template
of zeros, digits with other separators; and examples a translation localises (#29)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from pipeline.checks.number_words import EXAMPLE_MARK, decimal_point, example_spans
from pipeline.checks.quantities import Quantity, quantities

# Units a translator may convert ("3 inch" → "8 cm", "every 60 seconds" → "hvert minut",
# "1457664B" → "1,44 MB"): English and Danish names, what they measure, and their size
# in cm, seconds or bytes.
_UNITS = {
    ("length", Decimal("2.54")): "inch inches in tomme tommer ″",
    ("length", Decimal(1)): "cm",
    ("length", Decimal("0.1")): "mm",
    ("length", Decimal(100)): "m meter meters metre metres",
    ("length", Decimal(100000)): "km",
    ("length", Decimal("30.48")): "foot feet ft fod",
    ("length", Decimal(160934)): "mile miles mil",
    ("volume", Decimal(1)): "cl",
    ("volume", Decimal(10)): "dl",
    ("volume", Decimal(100)): "l liter liters litre litres",
    ("time", Decimal("0.001")): "ms millisecond milliseconds millisekund millisekunder",
    ("time", Decimal(1)): "second seconds sec secs s sek sekund sekunder",
    ("time", Decimal(60)): "minute minutes min minut minutter",
    ("time", Decimal(3600)): "hour hours h time timer",
    ("time", Decimal(900)): "kvarter kvarteret",
    ("time", Decimal(86400)): "day days dag dage døgn døgnet",
    ("time", Decimal(604800)): "week weeks uge uger",
    ("volume", Decimal("0.1")): "ml milliliter milliliters millilitre millilitres",
    ("mass", Decimal("0.001")): "mg milligram milligrams",
    ("mass", Decimal(1)): "g gram grams",
    ("mass", Decimal(1000)): "kg kilogram kilograms",
    ("size", Decimal(1)): "b byte bytes",
    ("size", Decimal(1000)): "kb kilobyte kilobytes",
    ("size", Decimal(1024)): "kib",
    ("size", Decimal(10**6)): "mb megabyte megabytes",
    ("size", Decimal(2**20)): "mib",
    ("size", Decimal(10**9)): "gb gigabyte gigabytes",
    ("size", Decimal(2**30)): "gib",
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words.split()}
UNIT_WORDS = frozenset(_UNIT_OF)
# An angle, or a turn's direction: "270 CW" is "90 mod uret".
_ANGLE = re.compile(
    r"\s?(?:°|degrees?\b|grader?\b|C?CW\b|(?:counter-?)?clockwise\b|(?:med|mod) uret\b)"
)


def converted(quantity: Quantity, text: str, other: str, other_lang: str) -> bool:
    """A number whose unit the other text gives as another unit of the same kind, with a
    value that converts to it (within a tenth, as "3 inch" → "8 cm"; "every 60 seconds" →
    "hvert minut", "30 seconds" → "halve minut"), or an angle turned the other way round
    ("-90" → "270°"): the translator converted it; only the meaning tells whether the
    conversion was wanted."""
    mine = plain_values(quantity)
    if _turned_the_other_way(mine, quantity, text, other, other_lang):
        return True
    unit = _unit_at(text, quantity.start + len(quantity.text))
    if unit is None:
        return False
    # "1457664B", "0,33 L": a unit of one letter right after a number
    words = re.findall(r"[^\W\d_]{2,}|(?<=\d)\s?[^\W\d_](?![^\W\d_])", other.lower())
    words = [word.strip() for word in words]
    units = {_UNIT_OF[w] for w in words if w in _UNIT_OF}
    values = {v for q in quantities(other, other_lang) for v in plain_values(q)} | {Decimal(1)}
    return any(
        abs(value * size - number * unit[1]) <= abs(number * unit[1]) / 10
        for kind, size in units - {unit}
        if kind == unit[0]
        for value in values
        for number in mine
    )


def _turned_the_other_way(
    mine: set[Decimal], quantity: Quantity, text: str, other: str, other_lang: str
) -> bool:
    """An angle the other text gives as the full turn's rest: -90 and 270° are one turn."""
    end = quantity.start + len(quantity.text)
    angle = _ANGLE.match(text, end) is not None  # then the other's numbers need no mark
    marked = angle or _ANGLE.search(other) is not None
    if not marked or not (mine - {Decimal(0)}):
        return False
    theirs = {
        v for q in quantities(other, other_lang)
        if angle or _ANGLE.match(other, q.start + len(q.text))
        for v in plain_values(q)
    }  # fmt: skip
    return any(abs(a) + abs(b) == 360 or (a - b) % 360 == 0 for a in mine for b in theirs)


def zero_template(text: str, lang: str) -> bool:
    """The text shows a date or time as zeros ("00/00/00, 00:00 PM"): a template of its
    width, which a translator fills in the locale's way ("00/00-00, 01:00")."""
    return "00:00" in text and any(
        ":" in q.text and not q.text.strip("0:/.-, APMapm") for q in quantities(text, lang)
    )


def same_digits(mine: list[Quantity], others: list[Quantity], text: str, other: str) -> bool:
    """What one side lacks and the other adds are the same digits with other separators
    ("299,792,458" → "299..792.458"): a garbled separator, or a notation the meaning tells
    apart. Not in a name or a code point ("U+266a" → "U+266" is another character), nor
    a point or comma turned into a hyphen or back: "0.94" → "0-94" is a range, and
    "HyperSpec-7-0" → "7.0" names another file."""
    if not mine or any(q.in_word for q in (*mine, *others)):
        return False
    groups = [[g for q in side for g in re.findall(r"\d+", q.text)] for side in (mine, others)]
    if len(groups[0]) < 2 or groups[0] != groups[1]:  # "2.5" → "25" is another value
        return False
    hyphens = [
        _joined_by_hyphens(side, written) for side, written in ((mine, text), (others, other))
    ]
    return hyphens[0] == hyphens[1]


def _joined_by_hyphens(found: list[Quantity], text: str) -> bool:
    """Whether the digits of `found` are joined by hyphens, where not by points or commas."""
    first, last = min(q.start for q in found), max(q.start + len(q.text) for q in found)
    joints = set(re.sub(r"\d+", " ", text[first:last]).split())
    return bool(joints) and joints <= {"-", "–"}


# The entry where translators write their names ("translator1, translator2, ...").
_CREDITS = re.compile(r"\btranslator[-_ ]?(?:credits|\d)|\bNAME OF TRANSLATORS\b", re.I)


def translator_credits(source: str) -> bool:
    """The source asks for the translators' names: its numbers are placeholders."""
    return ("ranslator" in source or "RANSLATOR" in source) and _CREDITS.search(source) is not None


def plain_values(quantity: Quantity) -> set[Decimal]:
    """The values a quantity may stand for, as plain numbers (not a date's or a time's)."""
    return {value[-1] for value in quantity.values if isinstance(value[-1], Decimal)}


# A prefix that says a power of ten: "1/1000ths of a second" is "millisekunder".
_PREFIXES = {
    Decimal(100): ("centi",),
    Decimal(1000): ("milli", "kilo"),
    Decimal(10**6): ("mega", "mikro", "micro"),
}


def said_by_a_prefix(quantity: Quantity, text: str, other: str) -> bool:
    """A power of ten (or the 1 of "1/1000") that the other text says with a prefix of a
    word ("millisekunder", "kilobyte")."""
    end = quantity.start + len(quantity.text)
    power = re.match(r"/(\d+)", text[end:]) if quantity.text == "1" else None
    values = ({Decimal(power.group(1))} if power else plain_values(quantity)) & _PREFIXES.keys()
    if not values:
        return False  # most numbers: no power of ten a prefix says
    words = re.findall(r"[^\W\d_]{5,}", other.lower())
    return any(
        word.startswith(prefix) for v in values for prefix in _PREFIXES.get(v, ()) for word in words
    )


_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}


def regnal_number(quantity: Quantity, text: str, other: str) -> bool:
    """A ruler's number the other text writes in Roman numerals: "Albrecht 1." for
    "Albrecht I"."""
    before = re.search(r"([A-ZÆØÅ][^\W\d_]+)\s$", text[: quantity.start])
    if before is None or text[quantity.start + len(quantity.text) :][:1] != ".":
        return False
    found = re.search(rf"\b{re.escape(before.group(1))}\s+([IVX]+)\b", other)
    return found is not None and Decimal(_ROMAN.get(found.group(1), 0)) in plain_values(quantity)


# An international phone number: examples of them are localised ("+44 …" → "+45 …").
_PHONE = re.compile(r"\+\d[\d \-]{6,}\d")
# A spreadsheet function's example ("LEN("hello") returns 5"), whose quoted text a
# translation may localise, and with it the result ("LEN("goddag") giver 6").
_CALL = re.compile(r"\b[A-Z][A-Z0-9_.]*\(")
_QUOTED = re.compile(r"\"([^\"]+)\"")
# A bound said the other way: "smaller than 513" is "højst 512" for whole numbers.
_STRICT = re.compile(
    r"(?:[<>]|\b(?:less|fewer|smaller|lower|more|greater|larger|bigger|higher|mindre|færre|"
    r"større|flere|mere|højere|lavere|under|over)\s+(?:than|end)?)\s*$",
    re.IGNORECASE,
)
# "5 or more", "5 files or fewer", "5 eller flere": inclusive too.
_OR_MORE = re.compile(
    r"\W*(?:\w+\W+)?(?:or|eller)\s+(?:more|less|fewer|flere|mere|mindre|færre)\b", re.I
)
_INCLUSIVE = re.compile(
    r"(?:[≤≥]|<=|>=|\b(?:at most|at least|højst|mindst|or equal to|eller lig med|up to|op til)"
    r")\s*$",
    re.IGNORECASE,
)


def localised(
    quantity: Quantity, text: str, source: str, target: str, changes: tuple[list[Quantity], ...]
) -> str | None:
    """Why a number of `text` (the source or the translation) may differ by design, or
    None: the translation localised an example (a phone number, a currency, a function's
    text, an example of its own), converted a size to a unit the source does not name,
    or said a bound the other way round. Only the meaning tells whether it is right.
    `changes`: the numbers the translation lacks and those it adds."""
    missing, extra = changes
    if not (missing and extra):
        return None  # most entries: one number changed into another needs both
    if any(a <= quantity.start < b for a, b in _spans(_PHONE, text)):
        return "an example phone number, which a translation may localise"
    currency, example_text, other = _entry_reasons(source, target, tuple(missing), tuple(extra))
    if currency or (example_text and not _in_arguments(quantity, text)):
        return currency or example_text
    return other


@lru_cache(maxsize=1 << 10)
def _entry_reasons(
    source: str, target: str, missing: tuple[Quantity, ...], extra: tuple[Quantity, ...]
) -> tuple[str | None, str | None, str | None]:
    """The reasons of `localised` that hold for the whole entry, worked out once for all
    its numbers: a currency, a function's example text, and the first of the rest."""
    currency = (
        "the amounts are in another currency" if _converted_currency(source, missing) else None
    )
    example_text = (
        "the example's text was localised, and its result with it"
        if _example_text_localised(source, target)
        else None
    )
    if len(EXAMPLE_MARK.findall(target)) > len(EXAMPLE_MARK.findall(source)) and any(
        a <= q.start < b for q in extra for a, b in example_spans(target)
    ):
        return currency, example_text, "the translation gives an example of its own"
    if _unit_added(source, target, missing, extra):
        return currency, example_text, "converted to a unit the source does not name"
    if _rounded(missing, extra):
        return currency, example_text, "the same value, rounded another way"
    if _bound_turned(source, target, missing, extra):
        bound = 'a bound said the other way round ("less than 513" is "at most 512")'
        return currency, example_text, bound
    return currency, example_text, None


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [found.span() for found in pattern.finditer(text)]


def _converted_currency(source: str, missing: Sequence[Quantity]) -> bool:
    """Every amount of the source in a currency is gone from the translation ("$1000" →
    "10000 kroner"); one kept ("1000 kroner") says the rest was not converted."""
    amounts = [found.start(1 if found.group(1) else 2) for found in _AMOUNT.finditer(source)]
    lacking = {q.start for q in missing}
    return bool(amounts) and all(start in lacking for start in amounts)


_AMOUNT = re.compile(
    r"[$€£]\s?(\d[\d.,]*)|(?<![\d.,])(\d[\d.,]*)\s?(?:dollars?|euros?|pounds?|kroner|kr\b)",
    re.IGNORECASE,
)


def _example_text_localised(source: str, target: str) -> bool:
    """A function's example whose quoted words the translation changed ("LEN("hello")"
    → "LEN("goddag")")."""
    return _CALL.search(source) is not None and any(
        quoted not in target and any(c.isalpha() for c in quoted)
        for quoted in _QUOTED.findall(source)
    )


def _in_arguments(quantity: Quantity, text: str) -> bool:
    """The number (or the same number elsewhere: which one went missing is arbitrary) is
    inside a function's parentheses: an argument, not the example's result."""
    calls = [
        (call.end(), text.find(")", call.end()) % (len(text) + 1)) for call in _CALL.finditer(text)
    ]
    digits = rf"(?<!\d){re.escape(quantity.text)}(?!\d)"
    return any(a <= found.start() < b for found in re.finditer(digits, text) for a, b in calls)


def _unit_added(
    source: str, target: str, missing: Sequence[Quantity], extra: Sequence[Quantity]
) -> bool:
    """Numbers the translation gives with a unit where the source's had none: "Index
    Cards (4x6)" → "Indekskort (10x15 cm)"; not "110kbps" → "100 kb/s"."""
    if any(_UNIT_AFTER.match(source, q.start + len(q.text)) for q in missing):
        return False
    return any(_unit_at(target, q.start + len(q.text)) for q in extra)


# Letters right after a number, other than the "x" of "4x6": a unit of some kind.
_UNIT_AFTER = re.compile(r"\s?(?![x×]\d)[^\W\d_]")


def _unit_at(text: str, end: int) -> tuple[str, Decimal] | None:
    """The unit named right after a number that ends at `end` ("3 inch", "24h"), if any."""
    after = re.match(r"\s?([^\W\d_]+|″)", text[end:])
    return _UNIT_OF.get(after.group(1).lower()) if after else None


def _rounded(missing: Sequence[Quantity], extra: Sequence[Quantity]) -> bool:
    """One side rounds the other's value: "returns 0.93" → "returnerer 0,9278398202", or
    a count to a round figure within a hundredth ("52996 headwords" → "53.000 hovedord")."""
    for a, b in ((m, e) for m in missing for e in extra):
        for pair in ((x, y) for x in plain_values(a) for y in plain_values(b)):
            if _round_figure(*pair) or _round_figure(*reversed(pair)):
                return True
            short, long = sorted(pair, key=_places)
            # "12.33" → "12,333" is a digit typed, not a rounding: two places or more
            more = _places(long) - _places(short) >= 2 or _places(short) >= 4
            cut = {long.quantize(short, rounding) for rounding in (ROUND_HALF_UP, ROUND_DOWN)}
            if more and _places(short) > 0 and short in cut:  # rounded or cut off
                return True
    return False


def _round_figure(exact: Decimal, rounded: Decimal) -> bool:
    """`rounded` ends in two zeros or more, `exact` in none, and they differ by a hundredth
    at most: 5907 as 5.900, 995 as 1.000 (not 2014 as 2010, nor a year: 2002 as 2000)."""
    whole = exact == exact.to_integral_value() and rounded == rounded.to_integral_value()
    if not whole or exact < 100 or int(exact) % 10 == 0 or int(rounded) % 100:
        return False
    if 1900 <= exact < 2100 and 1900 <= rounded < 2100:
        return False
    return abs(exact - rounded) <= exact / 100


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _bound_turned(
    source: str, target: str, missing: Sequence[Quantity], extra: Sequence[Quantity]
) -> bool:
    return any(bound_turned(a, b, source, target) for a in missing for b in extra)


def bound_turned(lacking: Quantity, added: Quantity, source: str, target: str) -> bool:
    """A strict bound one side has and an inclusive one the other has, one apart:
    "smaller than 513" → "mindre end eller lig med 512", "under 10" → "højst 9", "two or
    more" → "mere end ét"."""
    apart = {abs(a - b) for a in plain_values(lacking) for b in plain_values(added)}
    bounds = (bound(source, lacking), bound(target, added))
    return 1 in apart and None not in bounds and bounds[0] != bounds[1]


def bound(text: str, quantity: Quantity) -> str | None:
    """Whether the number is a bound: "strict" ("more than 5"), "inclusive" ("at least
    5", "5 or more"), or None."""
    before = text[max(0, quantity.start - 40) : quantity.start]
    after = text[quantity.start + len(quantity.text) :][:40]
    if _INCLUSIVE.search(before) or _OR_MORE.match(after):
        return "inclusive"
    return "strict" if _STRICT.search(before) else None


# A size with its unit: "2 GB" is bytes, "2 Gb" bits.
_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)\s?([kKMGTP]i?)([bB])\b")


def unit_changes(source: str, target: str) -> list[str]:
    """ "2 GB" written "2 Gb": eight times less, or the translator's spelling of gigabyte."""
    sizes = {_plain(m.group(1)): m for m in _SIZE.finditer(source)}
    changes = []
    for found in _SIZE.finditer(target):
        was = sizes.get(_plain(found.group(1)))
        same_prefix = was is not None and was.group(2).upper() == found.group(2).upper()
        if was and same_prefix and was.group(3) != found.group(3):
            changes.append(
                f"the unit of {found.group(1)} changed from {was.group(2)}{was.group(3)} to "
                f"{found.group(2)}{found.group(3)}: B is bytes, b is bits"
            )
    return changes


def _plain(number: str) -> str:
    return re.sub(r"[.,]", "", number)


def as_the_translation_writes_it(
    quantity: Quantity, source: str, source_lang: str, lang: str
) -> str:
    """The source's measure or count written as `lang` writes numbers: "1.5 ml" is
    "1,5 ml", "1,500 mg" is "1.500 mg" and "20,000 genes" is "20.000" in a Danish fix.
    A number with the source's decimal mark and no unit after it may be a version
    ("Python 3.11"), and stays as written; one with the source's thousands separator in
    groups of three is a count, as the rule itself reads it ("1.100" is 1100 in Danish)."""
    end = quantity.start + len(quantity.text)
    measured = source[end:].lstrip().startswith("%") or _unit_at(source, end) is not None
    separated = re.fullmatch(r"\d+(?:[.,]\d+)+", quantity.text)
    thousands = "." if decimal_point(source_lang) == "," else ","
    counted = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", quantity.text)
    same_notation = decimal_point(source_lang) == decimal_point(lang)
    if same_notation or not separated or not (measured or counted):
        return quantity.text
    return quantity.text.translate(_SWAPPED)  # the decimal mark and the thousands' swap


_SWAPPED = str.maketrans(".,", ",.")
