"""How sure a changed number is a mistake: an error where a value clearly changed or
vanished, a warning where only the meaning can tell (#29).

On real catalogs the sure cases are digits: a version, a size, a key, a count that is not
in the translation. Number words are also pronouns, articles and prepositions, a
translator adds them to explain ("to tekstindikatorer"), and leaves them implicit ("all
four caps" → "alle hætterne"); a spreadsheet function is localised as a whole, its digit
standing for a word ("BIN2HEX" → "BIN.TIL.HEX"). Those are warnings or nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from pipeline.checks.literals import without_source_code
from pipeline.checks.number_equivalents import (
    as_the_translation_writes_it,
    converted,
    localised,
    plain_values,
    regnal_number,
    said_by_a_prefix,
    same_digits,
    translator_credits,
    unit_changes,
    zero_template,
)
from pipeline.checks.number_names import (
    divided_in_words,
    letters_in_digits,
    named_as_a_whole,
    said_in_words,
)
from pipeline.checks.number_order import NUMBERS_OF_NAMES, one_word_each, reordered, written_in
from pipeline.checks.number_slips import (
    a_placeholder_in_its_place,
    beside_a_placeholder,
    digits_for_letters,
    for_a_letter,
    garbled_dates,
    number_word_slip,
    one_digit_apart,
    split_placeholder,
    typed_into,
)
from pipeline.checks.number_words import MONTHS, example_spans, leading_values, word_values
from pipeline.checks.quantities import Quantity, compare, has_digits, quantities
from pipeline.checks.surface import one_for_one


@dataclass(frozen=True, slots=True)
class NumberChange:
    """One number that differs, and whether telling needs the meaning."""

    message: str
    unsure: bool
    swap: Mapping[str, str] = field(default_factory=dict)  # `found` and `fix`: one for one


# A context that makes a bare number a setting for each language: "Skip To label length".
_SETTING = re.compile(r"\b(?:length|width|height|size|chars|characters|columns)\b", re.I)
# A window's sizes in CSS, which each language sets to fit its words (Mozilla's `.style`).
_CSS_SIZES = re.compile(r"(?:\s*(?:min-|max-)?(?:width|height)\s*:\s*[\d.]+[a-z%]*\s*;?)+\s*")


def number_changes(
    source: str, source_lang: str, target: str, target_lang: str, context: str | None = None
) -> list[NumberChange]:
    """The numbers of `source` the translation lacks or changes, and those it adds. A bare
    number whose context (msgctxt) calls it a width or length is the translator's to set
    ("7" in the context "Skip To label length" may become "8")."""
    if context and source.strip().isdigit() and _SETTING.search(context):
        return []
    if _CSS_SIZES.fullmatch(source) and _CSS_SIZES.fullmatch(target):
        return []
    return list(_number_changes(source, source_lang, target, target_lang))


_ACCESS_KEY = re.compile(r"(?<=\d)[_&](?=\d)")
_LIST = re.compile(r"(?<![\d.,])(\d+),(\d+)(?![\d.,])")


def _without_keys_and_lists(source: str, target: str) -> tuple[str, str]:
    """An access key inside a number ("8859-1_5") is not part of it, "0,1" lists the
    source's "0, 1" without a space (no decimal comma), and the source's code may be
    quoted instead (`without_source_code`)."""
    if "_" in source or "&" in source or "_" in target or "&" in target:
        source, target = _ACCESS_KEY.sub("", source), _ACCESS_KEY.sub("", target)
    if "," in target and ", " in source:
        target = _LIST.sub(lambda m: _spaced(m) if _spaced(m) in source else m[0], target)
    return source, without_source_code(source, target) if "`" in source else target


def _spaced(found: re.Match[str]) -> str:
    return f"{found[1]}, {found[2]}"


# Once per distinct entry in a run: a big catalog repeats a third of its entries.
@lru_cache(maxsize=1 << 16)
def _number_changes(
    source: str, source_lang: str, target: str, target_lang: str
) -> tuple[NumberChange, ...]:
    missing, extra = compare(source, source_lang, target, target_lang)
    if not (missing or extra or has_digits(source) or has_digits(target)):
        # Most entries: nothing to compare, reorder or garble; but one number word each.
        one_word = one_word_each(source, source_lang, target, target_lang)
        said = one_word and f"the number word '{one_word[0]}' is '{one_word[1]}' in the translation"
        return (NumberChange(said, False),) if said else ()
    if missing or extra:  # most entries: none, so nothing to read again
        if translator_credits(source):
            return ()  # names for placeholders ("translator1, translator2")
        # A word copied as it is, its digits read otherwise in the other language ("%d.1%%").
        copied = {q.word_at(source) for q in missing if q.text in q.word_at(source)}
        copied &= {q.word_at(target) for q in extra if q.text in q.word_at(target)}
        missing = [q for q in missing if q.word_at(source) not in copied]
        extra = [q for q in extra if q.word_at(target) not in copied]
        plain = _without_keys_and_lists(source, target)
        if plain != (source, target):
            source, target = plain
            missing, extra = compare(source, source_lang, target, target_lang)
    # Only a number missing or added needs the other side's values (most entries: none).
    in_source = _all_values(source, source_lang) if extra else set()
    in_target = _all_values(target, target_lang, in_words=True) if missing else set()
    # One count in words replaced by another ("Three Color" → "Fire farver"): a value changed.
    word_for_word = len(missing) == len(extra) == 1 and _is_word(missing[0]) and _is_word(extra[0])
    # The one number word of each text, another value: "Go back one page" → "Gå to sider".
    one_word = one_word_each(source, source_lang, target, target_lang)
    word_for_word = word_for_word or one_word is not None
    # Zeros standing for a date's or time's width: the translator fills them in.
    template = bool(missing or extra) and zero_template(source, source_lang)
    slips = {
        q.start: slip
        for q in missing
        if _is_word(q) and (slip := number_word_slip(plain_values(q), target, target_lang))
    }
    changes = [
        _change(
            f"the number {q.shown(source)} of the source is not in the translation"
            + slips.get(q.start, ""),
            q,
            not word_for_word
            and q.start not in slips
            and (
                by_design is not None
                or _is_word(q)
                or template
                or same_digits(missing, extra, source, target)
                or ("digits", "0-9") in q.values  # "the 0-9 keys": "taltasterne"
                or converted(q, source, target, target_lang)
                or said_by_a_prefix(q, source, target)
                or a_placeholder_in_its_place(q.text, source, target)
                or (
                    not _changed_in_place(q, source, target)
                    and not one_digit_apart(q.text, target)
                    and (
                        _may_be_kept(
                            q, source, target, target_lang, in_target if not extra else set()
                        )
                        or _zero_said_as_a_word(q, target)
                        or said_in_words(q, source, target)
                    )
                )
            ),
            by_design or "the translation may say it another way",
        )
        for q, by_design in _with_reasons(missing, source, source, target, (missing, extra))
        if not named_as_a_whole(q, source, target)
        and not divided_in_words(q, source, target)
        and not letters_in_digits(q, source, target)
        and not (_is_word(q) and _spelled_in_a_word(q, target, target_lang, source))
    ]
    changes += [
        _change(
            f"the translation has the number {q.shown(target)}, the source does not",
            q,
            not word_for_word
            and not (q.in_word and typed_into(q.text, q.word_at(target), source, target_lang))
            and not beside_a_placeholder(q.text, q.start, target)
            and (
                by_design is not None
                or _is_word(q)
                or template
                or same_digits(extra, missing, target, source)
                or regnal_number(q, target, source)
                or _ORDINAL_DOT.match(target, q.start + len(q.text)) is not None  # "2. påskedag"
                or bool(plain_values(q) & in_source)
                or _in_added_parentheses(q, source, target)
                or _in_example(q, target)
                or _added_to_a_text_without_numbers(q, source, target)
                or (not missing and _numbering(extra, source, target))
                or converted(q, target, source, source_lang)
            ),
            by_design or "a translator may add it on purpose",
        )
        for q, by_design in _with_reasons(extra, target, source, target, (missing, extra))
        if not split_placeholder(q.text, q.start, target, source)
    ]
    # One number where the source has one other: an editor swaps them in one step. Not a
    # number word: "efter to uger" for "after 14 days" would become "efter 14 uger", and
    # "Vent 3 uger" for "Wait two weeks" would get the English "two".
    found, wanted = [q.text for q in extra], [q.text for q in missing]
    in_digits = all(any(c.isdigit() for c in text) for text in found + wanted)
    swap = one_for_one(found, wanted, target) if in_digits else {}
    if swap:
        swap["fix"] = as_the_translation_writes_it(missing[0], source, source_lang, target_lang)
    changes = [dataclasses.replace(change, swap=swap) for change in changes]
    changes += [NumberChange(message, True) for message in unit_changes(source, target)]
    changes += [
        NumberChange(f"a date has its numbers in another order: {g}", False)
        for g in garbled_dates(source, target)
    ]
    said = " ".join(change.message for change in changes)  # a word reported already
    changes += [NumberChange(found, False) for found in digits_for_letters(source, target, said)]
    if not missing and not extra:
        moved = reordered(source, source_lang, target, target_lang)
        changes += [NumberChange(message, unsure) for message, unsure in moved]
    return tuple(changes)


def _with_reasons(
    found: list[Quantity], text: str, source: str, target: str, changes: tuple[list[Quantity], ...]
) -> list[tuple[Quantity, str | None]]:
    """Each number of `text` with why it may differ by design (see `localised`), if it may."""
    return [(q, localised(q, text, source, target, changes)) for q in found]


def _may_be_kept(
    quantity: Quantity, source: str, target: str, lang: str, in_target: set[Decimal]
) -> bool:
    """A name's digit whose value is still in the translation (the names written fewer
    times, nothing in their place), a number written as part of a word, or the source's
    example: only the meaning tells."""
    name = quantity.word_at(source)  # "UTF-8" named twice, once in the translation
    return (
        (quantity.in_word and bool(plain_values(quantity) & in_target))
        or (any(c.isalpha() for c in name) and written_in(name, target))
        or _spelled_in_a_word(quantity, target, lang, source)
        or (not quantity.in_word and _in_example(quantity, source))
    )


def _changed_in_place(quantity: Quantity, source: str, target: str) -> bool:
    """The word around the number (or around the same number elsewhere in the source:
    which one went missing is arbitrary) is in the translation with the digits dropped
    or typed as something else: "vfat,ext3" → "vfat,ext", "ss/1" → "ss/s"."""
    digits = rf"(?<!\d){re.escape(quantity.text)}(?!\d)"
    return any(
        _word_changed(source, found.start(), found.end(), target)
        for found in re.finditer(digits, source)
    ) or (
        quantity.in_word and (_name_lost_its_digit(source, target) or _renumbered(source, target))
    )


# A name numbered by a digit ("FILE1", "EXP2") and the name alone ("FILE").
_NUMBERED = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})\d+(?![^\W_])")


def _renumbered(source: str, target: str) -> bool:
    """A numbered name of the translation has a number no name of the source has, while
    the same name also carries a source number: "FILE2" three times → "FIL1", "FIL2"."""
    numbers = {number for _, number in NUMBERS_OF_NAMES.findall(source)}
    names: dict[str, set[str]] = {}
    for name, number in NUMBERS_OF_NAMES.findall(target):
        names.setdefault(name, set()).add(number)
    return any(found - numbers and found & numbers for found in names.values())


def _name_lost_its_digit(source: str, target: str) -> bool:
    """The translation writes a numbered name without its number more often than the
    source does: "lines from FILE1" → "linjer fra FIL" beside FIL2, "(( EXP1 ))" → "((
    UDTRYK ))" beside UDTRYK3."""
    bare_in_source = sum(_bare(source, name) for name in set(_NUMBERED.findall(source)))
    return any(_bare(target, name) > bare_in_source for name in set(_NUMBERED.findall(target)))


def _bare(text: str, name: str) -> int:
    return len(re.findall(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W_])", text))


_QUOTES = "\"'«»“”‘’"


def _word_changed(source: str, start: int, end: int, target: str) -> bool:
    before = re.search(r"[^\s,;]*$", source[:start])
    after = re.match(r"[^\s,;]*", source[end:])
    # Quotes around the word may change ("xargs -0" → 'xargs -O').
    head = (before.group() if before else "").lstrip(_QUOTES + "(")
    tail = (after.group() if after else "").rstrip(_QUOTES + ".:!?)")
    if not (head or tail):
        return False
    changed = rf"(\D{{0,{end - start}}})"  # the digits dropped or typed as letters
    pattern = (
        rf"(?<![^\s,;({_QUOTES}]){re.escape(head)}{changed}{re.escape(tail)}"
        rf"(?![^\s,;.:!?){_QUOTES}])"
    )
    return any(found.group(1) != source[start:end] for found in re.finditer(pattern, target))


def _all_values(text: str, lang: str, in_words: bool = False) -> set[Decimal]:
    return {
        value
        for quantity in quantities(text, lang)
        if quantity.in_word or not in_words
        for value in plain_values(quantity)
    }


def _in_example(quantity: Quantity, text: str) -> bool:
    """Inside an example ("e.g., Thu Mar 3 2005", "f.eks. lør 4 nov 1989"): a
    translator may show the locale's own."""
    return any(a <= quantity.start < b for a, b in example_spans(text))


def _added_to_a_text_without_numbers(quantity: Quantity, source: str, target: str) -> bool:
    """A number where the source has none ("Top spending" → "Top-10 udgifter", "Zoom
    all" → "Zoom 100 %"): the translator's choice, which only the meaning judges. A
    digit typed for a letter of a source word ("-o" → "-0") is still an error."""
    if any(character.isdigit() for character in source):
        return False
    return not for_a_letter(quantity.word_at(target), source)


# "0 bytes" said as "tom" (empty), "0 items" as "ingen".
_EMPTY = frozenset({"tom", "tomt", "tomme", "ingen", "intet", "empty", "none", "no"})


def _zero_said_as_a_word(quantity: Quantity, target: str) -> bool:
    return Decimal(0) in plain_values(quantity) and not _EMPTY.isdisjoint(
        re.findall(r"[^\W\d_]+", target.lower())
    )


def _numbering(extra: list[Quantity], source: str, target: str) -> bool:
    """Numbers 1, 2, … the translation adds while every number of the source is still
    there: labels it numbered ("Other example" twice → "Eksempel 1", "Eksempel 2"). A
    digit typed for a letter of a source word ("-o" → "-0") is still an error."""
    values = sorted(value for q in extra for value in plain_values(q))
    return (
        len(extra) >= 2
        and values == [Decimal(n) for n in range(1, len(extra) + 1)]
        and not any(q.in_word or for_a_letter(q.word_at(target), source) for q in extra)
    )


def _is_word(quantity: Quantity) -> bool:
    return not any(character.isdigit() for character in quantity.text)


def _change(message: str, quantity: Quantity, unsure: bool, why: str) -> NumberChange:
    """A finding's text says when only the meaning tells: a warning says why it is one."""
    if _is_word(quantity):
        return NumberChange(f"{message} (a number word: check whether the meaning changed)", unsure)
    return NumberChange(f"{message} (check the meaning: {why})" if unsure else message, unsure)


def _spelled_in_a_word(quantity: Quantity, target: str, lang: str, source: str) -> bool:
    """A number the translation writes as part of a word: "2D" → "todimensionel", "0
    point" → "nulpunkt", "(4)" → "Firkant", "500ths" → "Femhundreddele". Not one: "en"
    and "et" begin too many words, and a name both texts have ("Nigeria") is none."""
    words = word_values(lang)
    glued = {words.get(word) for word in _GLUED.findall(target.lower())}  # "en- eller to-"
    if glued & plain_values(quantity):
        return True
    values = {value for value in plain_values(quantity) if value != 1}
    tokens = set(re.findall(r"[^\W\d_]+", target.lower())) - set(words)
    spelled = {token for token in tokens if values & leading_values(token, lang)}
    return bool(spelled and spelled - set(re.findall(r"[^\W\d_]+", source.lower())))


# A Danish ordinal: "2. påskedag" is Easter Monday, "1. januar" a date.
_ORDINAL_DOT = re.compile(rf"\.\s(?!(?:{'|'.join(MONTHS)})\b)[a-zæøå]")  # "311. december": no
_GLUED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-")


def _in_added_parentheses(quantity: Quantity, source: str, target: str) -> bool:
    """A number inside parentheses the source does not have: a gloss the translator
    added ("(højst 255 tegn)"), most often right."""
    before = target.rfind("(", 0, quantity.start)
    inside = before != -1 and target.find(")", before) > quantity.start
    return inside and target.count("(") > source.count("(")
