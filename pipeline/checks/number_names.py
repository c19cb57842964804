"""Names with digits in them, and what a translation may do with them: write a numeronym
("a11y") out, name a function in its own words ("BIN2HEX" → "BIN.TIL.HEX"), halve a name
in a word ("width/2" → "halv bredde"), or say the name in words ("libgphoto2", "15ma")
(#29). Only the meaning tells whether such a number was lost."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.checks.number_equivalents import UNIT_WORDS, plain_values
from pipeline.checks.quantities import Quantity
from pipeline.languages.technical import one_slip

# A numeronym: the first and last letters and the count of those between ("a11y", "i18n").
_NUMERONYM = re.compile(r"(?<![^\W_])[a-z]\d{1,2}[a-z](?![^\W_])")
# A zero between letters is an o in a name: "Equaliz0r", "LetterB0xed".
_ZERO_FOR_O = re.compile(r"(?<=[^\W\d_])0(?=[^\W\d_])")


def letters_in_digits(quantity: Quantity, text: str, other: str) -> bool:
    """The digits are letters of a word: a numeronym counts those it leaves out ("a11y"
    for accessibility), a zero between letters is an o ("Equaliz0r"). A translation may
    write the word out or translate it."""
    at = quantity.start
    if any(found.start() < at < found.end() for found in _NUMERONYM.finditer(text)):
        return True
    if quantity.text != "0" or _ZERO_FOR_O.match(text, at) is None:
        return False
    # Unless the other text writes the name with an o: "Y0da" → "Yoda" changed it.
    return quantity.word_at(text).lower().replace("0", "o") not in other.lower()


_ATTACHED = re.compile(r"([^\W\d_]*)-?\d+(?:[.,]\d+)*-?([^\W\d_]*)")
_ORDINAL_END = re.compile(r"(?:st|nd|rd|th)(?![^\W\d_])", re.I)
_PERCENT = re.compile(r"\s?(?:%|percent\b|procent\b)", re.I)


def said_in_words(quantity: Quantity, source: str, target: str) -> bool:
    """A name with a digit that the translation does not write at all, while it says as
    much as the source (it is at least as long): translated or described in words ("15ma
    bassa" → "2 oktaver dybere", "unknown libgphoto2 using program" → "andet ukendt
    program bruger enheden"). The name is the letters joined to the digits ("low-9"; not
    "Shift" of "Shift+F1", nor a unit: "mm²"). A translation shorter than its source may
    have stopped before the name: that stays an error. Also "100%" said as a word ("100%
    free" → "helt gratis") where the translation has no percentage."""
    if len(target) < len(source):
        return False
    end = quantity.start + len(quantity.text)
    if Decimal(100) in plain_values(quantity) and _PERCENT.match(source, end):
        return _PERCENT.search(target) is None
    if _ORDINAL_END.match(source, end):
        return False
    joined = next(
        (m for m in _ATTACHED.finditer(source) if m.start() <= quantity.start < m.end()), None
    )
    names = [part.lower() for part in joined.groups() if len(part) >= 2] if joined else []
    # The name kept, or slipped: a letter typed for its digit ("LZ4" → "LZS"), the digit
    # for a letter ("libnl3" → "libn13"), letters swapped ("CASPT2" → "CASTP").
    written = {piece.lower() for piece in re.findall(r"[^\W\d_]+", target)}
    return bool(names) and not any(
        n in UNIT_WORDS or any(one_slip(n, piece) for piece in written) for n in names
    )


# A function name whose digit stands for a word: "BIN2HEX" (to), "DEC2BIN".
_WORD_DIGIT_NAME = re.compile(r"[A-Z]{2,}\d[A-Z]{2,}")
# A name localised as a whole: "BIN.TIL.HEX", "UGE.NR_EXCEL2003".
_LOCALISED_NAME = re.compile(r"\b[A-ZÆØÅ]{2,}[._][A-ZÆØÅ][A-ZÆØÅ0-9._]*\b")


def named_as_a_whole(quantity: Quantity, source: str, target: str) -> bool:
    """A digit inside a function name that the translation names in its own words, or a
    2 that says "to" in a name the translation says with its word ("grayscale2color" →
    "gråtone-til-farve")."""
    word = quantity.word_at(source)
    before, after = (
        _NAME_END.search(source, 0, quantity.start),
        _NAME_START.match(source, quantity.start),
    )
    name = (before.group() if before else "") + (after.group() if after else "")  # "OCT2BIN("
    if _WORD_DIGIT_NAME.fullmatch(name) and _LOCALISED_NAME.search(target):
        return True
    return bool(_SAYS_TO.fullmatch(word)) and _TO.search(target) is not None


_NAME_END, _NAME_START = re.compile(r"[\w.]*$"), re.compile(r"[\w.]*")
_SAYS_TO = re.compile(r"[a-z]{3,}2[a-z]{3,}")
_TO = re.compile(r"(?<![^\W_])(?:til|to)(?![^\W_])")


# A division the other text says in a word: "By _width/2" is "Halv _bredde".
_DIVIDED = {Decimal(2): ("halv", "half"), Decimal(4): ("kvart", "quarter")}


def divided_in_words(quantity: Quantity, text: str, other: str) -> bool:
    """A name divided by 2 or 4 ("width/2") that the other text halves in a word."""
    before = text[max(0, quantity.start - 2) : quantity.start]
    if len(before) < 2 or before[1] != "/" or not before[0].isalpha():
        return False
    words = {w for v in plain_values(quantity) for w in _DIVIDED.get(v, ())}
    return any(re.search(rf"(?<![^\W\d_]){word}", other, re.IGNORECASE) for word in words)
