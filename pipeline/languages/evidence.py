"""What one word says about its language: evidence from word frequencies and lingua.

Shared by the passage finder (languages/passages.py) and the rules that use it. Text is
first seen as a language reader would: code, identifiers, addresses, markup, Latin and
the author's own `<span lang>` passages are blanked out (offsets kept), since they
belong to no language.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.project import memo
from pipeline.project.config import primary_language
from pipeline.source.language import CODE_SPAN, hide_markup

if TYPE_CHECKING:
    from lingua import LanguageDetector

# A word: letters with inner hyphens or apostrophes ("off-label", "BIOS'en"), or a number.
WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W_]+)*|\d+(?:[.,:]\d+)*")
# A passage the author marked (<span lang="en">…</span>): the author decides, not us.
AUTHOR_SPAN = re.compile(
    r'<span\s+lang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)"\s*>(.*?)</span>', re.S
)
# A whole text that is a call or a signature: a name, its arguments in brackets, perhaps
# a return type ("svc.RenameSheet(sheetname: str, newname: str): bool"). No bracket
# inside: "Sum(A1:A3) adds the cells (here 6)" is prose.
SIGNATURE = re.compile(r"[\w.]+\([^()]*\)(?:\s*(?::|->|As)\s*[\w.\[\]*, ]+)?;?")
# A chunk of text between spaces (and brackets) that is code, not words: identifiers,
# options, placeholders, entities, paths, file patterns, addresses ("sundhed.dk").
# _MAYBE_CODE finds the chunks _CODE may match (a sign, a digit or a capital after a
# small letter in them); most chunks are plain words, and a call for each cost a quarter.
_MAYBE_CODE = re.compile(
    r"(?<![^\s\[\]()])(?=[^\s\[\]()]*?(?:[_/.:={}|%&@#$\\\d,*-]|[a-z][A-Z]))[^\s\[\]()]+"
)
_OPTION_GROUP = re.compile(r"(?<!\S)\[+-[^\s]*")
_PYTHON_FORMAT = re.compile(r"%\(\w+\)[-+0#]*\d*(?:\.\d+)?[a-zA-Z]")  # "%(filename)s"
_CODE = re.compile(
    r"[A-Za-z0-9]_[A-Za-z0-9]|[a-z][A-Z]|[a-z]/[a-z]|[A-Za-z]\.[a-zA-Z]|\w\(|::|[={}|%&@#$\\]"
    r"|[a-z]\d+[a-z]|[a-z],[a-z]|^--?[a-z]|^\*?\.[A-Za-z0-9]{1,5}\W*$"
)
# Latin both languages use: never evidence, never a passage.
_LATIN = re.compile(
    r"(?i)\b(?:in vivo|in vitro|ex vivo|in situ|et al|per se|de facto|ad hoc|vice versa"
    r"|status quo|a priori|post mortem|bona fide|curriculum vitae|e\.g|i\.e|etc)\b\.?"
)
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # and Latin-1's: "NØGLEDEF", "STØR"
ACRONYM = re.compile(
    rf"[{_CAPITAL}\d]*[{_CAPITAL}][{_CAPITAL}\d]*(?:-[{_CAPITAL}\d]+)*(?:['\u2019-]\w+)?$"
)  # ATMP, EMA's, CAR-T
SHARED = 6.0  # a Zipf frequency both languages reach: a function word of both ("at", "for")


@lru_cache(maxsize=1 << 12)  # a unit is seen by several rules, one after another
def language_view(text: str) -> str:
    """`text` with what is no language's words blanked out, offsets kept: the author's
    own passages, code, identifiers, addresses, markup and Latin; all of a text that is
    a call or a signature."""
    if SIGNATURE.fullmatch(text.strip()):
        return " " * len(text)
    if "<span" in text:
        text = AUTHOR_SPAN.sub(_blank, text)
    if "%(" in text:  # Python's placeholders, before brackets cut them into words; not
        # into spaces, which cut an address in two ("…/en/%(version)s/releases/")
        text = _PYTHON_FORMAT.sub(lambda found: "_" * len(found.group()), text)
    if "[-" in text:  # a synopsis's options: "[--[no-]annotated-source[=name]]"
        text = _OPTION_GROUP.sub(_blank, text)
    # Code spans first: a chunk of code blanked before would take its backtick along
    # ("{ref}`using Linux <pypug:…>`" left the rest of the span to be read as words).
    view = _MAYBE_CODE.sub(_no_code, CODE_SPAN.sub(_blank, text))
    return _LATIN.sub(_blank, hide_markup(view))


def _no_code(chunk: re.Match[str]) -> str:
    return _blank(chunk) if _CODE.search(chunk.group()) else chunk.group()


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


@lru_cache(maxsize=1 << 17)
def word_evidence(
    text: str, lang: str, other: str, names: frozenset[str], first: bool
) -> tuple[float, bool, bool, bool, bool]:
    """(evidence, counted, capitalised, number, shared) of one word (see _Word)."""
    capitalised = text[:1].isupper() and not first
    number = text[:1].isdigit()
    tail = text.rsplit("-", 1)[-1]
    if ACRONYM.match(text) and tail.islower() and len(tail) > 2:
        text = tail  # "CPR-nummer", "CAR-T-celler": the word after the acronym tells
    elif number or ACRONYM.match(text) or (text.lower() in names and not text.islower()):
        return 0.0, False, capitalised, number, False
    evidence, shared = _evidence(text, lang, other, capitalised)
    return evidence, True, capitalised, False, shared


@lru_cache(maxsize=1 << 17)
def _evidence(word: str, lang: str, other: str, capitalised: bool) -> tuple[float, bool]:
    """How much more likely `word` is in `other` than in `lang`, roughly in Zipf units,
    and whether both languages use it a lot."""
    theirs, ours = (frequency(word, code) for code in (other, lang))
    shared = min(theirs, ours) >= SHARED
    if theirs or ours:
        # A capitalised word may be a name ("Matt Haig"): it counts, but less.
        bound = 1.5 if capitalised else 4.0
        return max(-4.0, min(bound, theirs - ours)), shared
    if capitalised:
        return 0.0, False  # a name nobody lists
    return 3.0 * (confidence(word, other, lang) - 0.5), False


def frequency(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of `word` (0 if unlisted); a word with hyphens or
    apostrophes is its parts', combined as wordfreq combines them (1/f = sum of 1/f_i)."""
    code = primary(lang)
    if word == "i" and code == "en":
        return 0.0  # wordfreq folds case: its English "i" is the pronoun I
    # Kept in the cache folder: reading the English list takes a quarter of a second,
    # which a re-check of one edit in words seen before need not pay.
    known = memo.table("word-frequencies", _wordfreq_version())
    key = (code, word.lower())
    found = known.get(key)
    if found is None:
        found = known[key] = _listed(*key)
    return found


@cache
def _wordfreq_version() -> str:
    return memo.digest(memo.package_version("wordfreq"), "1")


def _listed(code: str, lower: str) -> float:
    table = frequency_table(code)
    if lower in table:  # "aren't" is listed whole
        return table[lower]
    parts = _PARTS.findall(lower)
    zipfs = [table.get(part, 0.0) for part in parts]
    if not zipfs or not all(zipfs):
        return 0.0
    if len(zipfs) == 1:
        return zipfs[0]
    return round(9 - math.log10(sum(10 ** (9 - z) for z in zipfs)), 2)


_PARTS = re.compile(r"[^\W\d_]+")


@cache
def frequency_table(code: str) -> dict[str, float]:
    """wordfreq's list for a language as word → Zipf frequency, read straight from its
    data files: importing wordfreq (and its regex, ftfy and langcodes) takes longer
    than a check of one edited page."""
    import gzip

    import msgpack  # type: ignore[import-untyped]

    path = _wordfreq_file(code)
    if path is None:
        return {}
    with gzip.open(path, "rb") as stream:
        buckets = msgpack.load(stream, raw=False, strict_map_key=False)[1:]
    table: dict[str, float] = {}
    for index, words in enumerate(buckets):  # bucket n: words at -n centibels
        table.update(dict.fromkeys(words, round(9 - index / 100, 2)))
    return table


@cache
def _wordfreq_file(code: str) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(spec.submodule_search_locations[0]) / "data"
    found = [folder / f"{size}_{code}.msgpack.gz" for size in ("large", "small")]
    return next((p for p in found if p.exists()), None)


@cache  # asked by find_passages for every text
def told_apart(code: str) -> bool:
    """Whether a passage can be told to be in language `code`: lingua knows it and
    wordfreq lists its words. An Asturian text, with neither, read as English."""
    return lingua_language(code) is not None and _wordfreq_file(primary(code)) is not None


def confidence(text: str, other: str, lang: str) -> float:
    """lingua's confidence that `text` is in `other` rather than in `lang`; 0.5, no
    opinion, where lingua does not know one of them (an Asturian catalog)."""
    if lingua_language(lang) is None or lingua_language(other) is None:
        return 0.5
    found = detector(pair(lang, other)).compute_language_confidence(text, lingua_language(other))
    return float(found)


def pair(lang: str, other: str) -> tuple[str, str]:
    """The two languages as lingua's detector for them is cached: sorted."""
    return tuple(sorted((primary(lang), primary(other))))  # type: ignore[return-value]


@cache
def detector(languages: tuple[str, ...]) -> LanguageDetector:
    """lingua restricted to `languages`: a project's languages, not all 75. Its low
    accuracy mode (trigrams) takes 30 MB where high accuracy takes 150 MB in every worker,
    and finds the same passages on the held-out set."""
    from lingua import LanguageDetectorBuilder

    chosen = [lingua_language(code) for code in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


@cache
def lingua_language(code: str) -> Any:
    """lingua's language for `code`, or None if it has none."""
    from lingua import IsoCode639_1, Language

    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(primary(code)))
    except ValueError:
        return None


primary = primary_language  # `da-DK` → `da`
