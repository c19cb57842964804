"""Words one slip apart: a letter dropped, added, swapped or mistyped.

A typo is one slip from the word meant, so spelling asks two questions of a word: which
strings are one slip from it (`slips_of`, to look each up), and whether a common word is
one slip from it (`one_edit_from`). The second is asked of every compound and loanword a
check meets. Spelling out the slips of a 12-letter word makes some 700 strings; so
`one_edit_from` compares the word with the frequency list's words of its first letter
and a length one apart instead, in C (rapidfuzz), and reads the few it finds as
`slips_of` would make them.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from functools import cache

LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"  # what a slip types: a letter of either language
_INFLECTIONS = set("senrt")  # a neighbour that only adds or drops one of these is a form
_LEAST_FLOOR = 2.5  # the rarest word `one_edit_from` is asked about (Zipf): the buckets'


def one_edit_from(word: str, lang: str, floor: float, inner: bool = False) -> bool:
    """Whether a letter dropped, added, swapped or mistyped turns a word of `lang` at
    least `floor` common (Zipf) into `word`. A form of the word ("hotspot" for
    "hotspots") does not count, nor an accent ("formatér" for "formater"), nor a first
    letter: people seldom mistype it, and a prefix is not a slip ("ublokeret",
    "endian"). `inner`: nor the last letter, but for a swap. The words are those of the
    frequency table spelling already holds: no second copy of wordfreq's list in every
    worker."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from pipeline.languages.evidence import frequency_table, primary

    code = primary(lang)
    if floor < _LEAST_FLOOR:  # rarer words than the buckets hold: spell the slips out
        table, slips = frequency_table(code), slips_of(word, inner)
        return any(table.get(o, 0.0) >= floor and not a_form_of(o, word) for o in slips)
    buckets, near = _buckets(code), []
    for size in (len(word) - 1, len(word), len(word) + 1):
        others, rarity = buckets.get((word[:1], size), ((), ()))
        common = others[: bisect.bisect_right(rarity, -floor)]  # the commonest come first
        near += [
            o for o, _, _ in process.extract_iter(word, common, scorer=OSA.distance, score_cutoff=1)
        ]
    return any(not a_form_of(other, word) and _a_slip(word, other, inner) for other in near)


@cache
def _buckets(code: str) -> dict[tuple[str, int], tuple[list[str], list[float]]]:
    """The frequency table's words at least _LEAST_FLOOR common, by first letter and
    length, commonest first, with their Zipf frequencies negated (ascending, to bisect)."""
    from pipeline.languages.evidence import frequency_table

    found: defaultdict[tuple[str, int], list[tuple[float, str]]] = defaultdict(list)
    for word, zipf in frequency_table(code).items():
        if zipf >= _LEAST_FLOOR:
            found[word[:1], len(word)].append((-zipf, word))
    return {
        key: ([word for _, word in sorted(pairs)], [rarity for rarity, _ in sorted(pairs)])
        for key, pairs in found.items()
    }


def _a_slip(word: str, other: str, inner: bool) -> bool:
    """Whether `other` is among `slips_of(word, inner)`: one edit where a slip may fall,
    the first letter kept, and with `inner` the last but for a swap."""
    size, last = len(word), len(word) - 1 if inner else len(word)
    if other in (word, unaccented(word)):
        return False
    if len(other) == size - 1:  # a letter dropped
        return any(word[:i] + word[i + 1 :] == other for i in range(1, last))
    if len(other) == size + 1:  # a letter added
        return any(
            other[i] in LETTERS and other[:i] + other[i + 1 :] == word for i in range(1, last + 1)
        )
    swapped = any(
        word[:i] + word[i + 1] + word[i] + word[i + 2 :] == other for i in range(1, size - 1)
    )
    return swapped or any(
        other[i] in LETTERS and word[:i] == other[:i] and word[i + 1 :] == other[i + 1 :]
        for i in range(1, last)
    )


def slips_of(word: str, inner: bool = False, first: bool = False, part: bool = False) -> list[str]:
    """The words one slip (a letter dropped, added, swapped or mistyped) from `word`,
    its first letter kept (`first`: or a first letter dropped, "pførslen"; `part`: or
    swapped with the second, as in a part of "højre-lkikke"), and its last too if
    `inner` (but for a swap); an accent put right is no slip. The few letters dropped
    and swapped come first, the many mistyped and added after: a typo's word is often
    among the few, and a test that stops at the first word found finds it sooner."""
    last = len(word) - 1 if inner else len(word)
    splits = [(word[:i], word[i:]) for i in range(1, last + 1)]
    edits = dict.fromkeys(a + b[1:] for a, b in splits if b and len(a) < last)
    edits.update(dict.fromkeys(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1))
    if part and len(word) > 1:
        edits[word[1] + word[0] + word[2:]] = None
    edits.update(
        dict.fromkeys(a + c + b[1:] for a, b in splits if b and len(a) < last for c in LETTERS)
    )
    edits.update(dict.fromkeys(a + c + b for a, b in splits for c in LETTERS))
    if first:
        edits.update(dict.fromkeys(c + word for c in LETTERS))
    edits.pop(word, None)
    edits.pop(unaccented(word), None)
    return list(edits)


def unaccented(word: str) -> str:
    """`word` without its accents ("formatér" → "formater")."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def a_form_of(other: str, word: str) -> bool:
    """An ending added, dropped or exchanged ("afgører" and "afgøres"; "lowercased")."""
    if len(other) == len(word):
        return other[:-1] == word[:-1] and {other[-1], word[-1]} <= _INFLECTIONS
    if word[:-1] == other and word[-1] == "d" and other[-1] == "e":
        return True  # "lowercase|d" (but "calle" is no form of "called")
    longer, shorter = (other, word) if len(other) > len(word) else (word, other)
    return longer[:-1] == shorter and longer[-1] in _INFLECTIONS
