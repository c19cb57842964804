"""What a unit's text says about its counterpart in another language.

Translations keep some things as they are: numbers, link targets, code, product names
and acronyms (anchors), and many technical words keep their stem across Danish and
English (cognates: "dokument"/"document", "funktion"/"function"). Lengths keep a ratio
close to one (Gale and Church, 1993). None of it needs a dictionary.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.source.markdown import BlockKind
from pipeline.source.units import Unit

_LINK_TARGET = re.compile(r"\]\(([^)\s]+)[^)]*\)|<(https?://[^>\s]+)>|(https?://[^\s)>\]]+)")
_CODE = re.compile(r"`+([^`]+)`+")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MARKUP = re.compile(r"\]\([^)]*\)|`+[^`]*`+|<[^>]*>|[*_~\[\]#>|]")
# Letters spelled differently across the two languages for the same sound.
_FOLD = str.maketrans({"c": "k", "q": "k", "æ": "e", "ø": "o", "å": "a", "é": "e", "w": "v"})


@dataclass(frozen=True, slots=True)
class Profile:
    """The evidence of one unit, or of several joined (a merged paragraph)."""

    kind: BlockKind
    depth: int  # a heading's depth in the outline; 0 for other units
    length: int  # characters of prose, markup left out
    anchors: frozenset[str]
    cognates: frozenset[str]


def profile(unit: Unit, terms: dict[str, str] | None = None) -> Profile:
    """The evidence of `unit`; `terms` maps a glossary term (lower case) to a shared key."""
    text = unit.text
    prose = " ".join(_MARKUP.sub(" ", text).split())
    depth = len(unit.heading_path) + 1 if unit.kind is BlockKind.HEADING else 0
    if unit.kind is BlockKind.HEADING:  # its number says where it stands, not what it says
        text = _SECTION_NUMBER.sub(r"\1", text)
    return Profile(unit.kind, depth, len(prose), _anchors(text, terms), _cognates(prose))


# "2.1.4. " opening a heading: another edition of the translation inserts a section and
# every number after it names another heading ("2.1.4. Multiple Processors" took "2.1.4.
# Platforme understøttet af Debian/arm64", and the paragraphs under it followed).
_SECTION_NUMBER = re.compile(  # "2.1.4." or "2.1.4", not a year or a dose ("1.5 mg")
    r"^\s*((?:<a\b[^>]*>\s*</a>\s*)*)(?:[A-Z]\.)?(?:\d+(?:\.\d+)*\.|\d+(?:\.\d+){2,})(?=\s)"
)


def joined(profiles: Sequence[Profile]) -> Profile:
    """Several units read as one: what a merged paragraph is compared with."""
    first = profiles[0]
    return Profile(
        first.kind,
        first.depth,
        sum(p.length for p in profiles) + len(profiles) - 1,
        frozenset().union(*(p.anchors for p in profiles)),
        frozenset().union(*(p.cognates for p in profiles)),
    )


def _anchors(text: str, terms: dict[str, str] | None) -> frozenset[str]:
    found = {"→" + (m.group(1) or m.group(2) or m.group(3)) for m in _LINK_TARGET.finditer(text)}
    found |= {"`" + m.group(1).strip() for m in _CODE.finditer(text)}
    found |= {"@" + name for name in _ID.findall(text) if not _GENERATED_ID.fullmatch(name)}
    plain = _TAG.sub(" ", _CODE.sub(" ", _LINK_TARGET.sub(" ", text)))
    found |= {"#" + number.lstrip("0") for number in _NUMBER.findall(plain)}
    for word in _WORD.findall(plain):
        if _is_name(word):
            found.add(word)
    if terms:
        lowered = plain.lower()
        found |= {key for term, key in terms.items() if term in lowered}
    return frozenset(found)


# An anchor's id stays in a translation (`<a id="gfx">`), unless a tool numbered it: DocBook's
# "idm265" became "idm274" in the Danish edition, and its digits were taken as a number.
_ID = re.compile(r"""<a\s[^>]*?(?<![\w-])(?:id|name)=["']([^"']+)["']""")
_GENERATED_ID = re.compile(r"[A-Za-z]{1,4}\d{2,}")
_TAG = re.compile(r"<[^>]*>")


def _is_name(word: str) -> bool:
    """Acronyms and names written with a capital inside ("GIMP", "LibreOffice")."""
    return len(word) > 1 and any(character.isupper() for character in word[1:])


def _cognates(prose: str) -> frozenset[str]:
    stems = set()
    for word in _WORD.findall(prose.lower()):
        if len(word) >= 5:
            folded = unicodedata.normalize("NFC", word).translate(_FOLD)
            stems.add(folded[:4])
    return frozenset(stems)


def dice(first: frozenset[str], second: frozenset[str]) -> float:
    """Shared over total, 0 to 1; 0 when both are empty."""
    total = len(first) + len(second)
    return 2 * len(first & second) / total if total else 0.0


def length_cost(original: int, translation: int, ratio: float = 1.0) -> float:
    """Gale and Church's length cost: -log P(|δ|), δ the normalised length difference."""
    mean = (original + translation / ratio) / 2
    if mean == 0:
        return 0.0
    delta = (translation - original * ratio) / math.sqrt(mean * 6.8)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # 2 · (1 - Φ(|δ|))
    return -math.log(max(tail, 1e-12))


def length_ratio(original: Iterable[Profile], translation: Iterable[Profile]) -> float:
    """How much longer the translation's language writes the same thing, for this pair."""
    first = sum(p.length for p in original)
    second = sum(p.length for p in translation)
    return min(max(second / first, 0.5), 2.0) if first and second else 1.0
