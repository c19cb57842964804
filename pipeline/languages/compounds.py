"""Danish compounds that are slips: what Hunspell's compounding (or ours) accepts and a
reader sees at once is a typo of another word.

Hunspell's Danish dictionary builds a compound of any two words, and a doubled, dropped
or swapped letter often leaves two words: "sortering|orden" (sorteringsorden),
"skærm|breden" (skærmbredden), "linje|skrift" (linjeskift). Four shapes give them away:
a head in -ing, -hed, -else, … that lacks its linking s; a whole word a letter added or
two swapped from a word the dictionary lists; a letter dropped from or added to one part
beside a part people write, where the dictionary lists the word meant ("menu|linen",
"tid|stemplet", "pille|tasterne"); and a part with a double letter written once (or a
letter twice) where the word meant is far commoner, in a compound with no other reading
of two plausible parts.

Also the derivations of known words the dictionary lacks (`derived`): Danish -bar and
-isere, English -r, -d and -able after a verb in -e.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from pipeline.languages.edits import LETTERS
from pipeline.languages.evidence import frequency_table

LINKS = ("", "s", "e")  # Danish joins compound parts directly, or with -s- or -e-
SHORTEST = 3  # the shortest part of a compound read here
SLIPPED = 4  # the shortest part whose slip counts ("sum" is a slip of "som")
LONG = 6  # the shortest listed word a compound is taken for a slip of
# Heads that take a linking -s- ("sorteringsorden", "enhedsnavn", "funktionstast").
LINKED_BY_S = re.compile(r"(?:...ing|else|hed|tion|sion|itet|skab|dom)$")
ENDINGS = ("erne", "ene", "ens", "ets", "en", "et", "er")  # not a part: "indstilling|erne"
FAR_COMMONER = 2.0  # Zipf: a part's slip is a hundred times as common as the part
COMMON = 2.5  # and at least this common


@dataclass(frozen=True, slots=True)
class Words:
    """What the speller knows of a word, as a compound's parts need it."""

    known: Callable[[str], bool]  # the dictionary's, compounds too, or the word list's
    plausible: Callable[[str], bool]  # a word people write, or an inflection of one
    listed: Callable[[str], bool]  # a word the dictionary lists, not builds
    foreign: Callable[[str], bool]  # a common word of the project's other language


def slipped_compound(word: str, words: Words) -> bool:
    """Whether a Danish compound, lower case, is a slip of another word (module doc).
    The dictionary is asked only where the frequency table or the word's shape points
    to a slip: most compounds are none, and a check meets thousands of them."""
    cuts = [(word[:cut], word[cut:]) for cut in range(SHORTEST, len(word) - SHORTEST + 1)]
    if any(
        _unlinked(head, tail) and words.known(tail) and words.known(head)
        and words.plausible(head) and words.plausible(tail)
        and not (head.endswith("ing") and words.foreign(head))  # "streamingtjeneste"
        for head, tail in cuts
    ):  # fmt: skip
        return True
    table = frequency_table("da")
    if not words.foreign(word) and any(
        len(other) >= LONG and not _a_form(other, word) and words.listed(other)
        for other, at in _few_slips_at(word)
        # ending in a word people write ("linje|skift"), the slip inside it: the few
        # worth asking the dictionary about
        if any(other[start:] in table for start in range(min(at, len(other) - 4) + 1))
    ):
        return True
    if not words.foreign(word) and _slip_beside_a_part(word, words.listed, table):
        return True
    slipped = [
        (stem, tail)
        for head, tail in cuts
        for link in LINKS
        if head.endswith(link)
        and len(stem := head[: len(head) - len(link)]) >= SHORTEST
        and (_part_slip(stem) or _part_slip(tail))
    ]
    if not slipped or not any(
        words.known(stem) and words.known(tail)
        and words.plausible(tail if _part_slip(stem) else stem)
        for stem, tail in slipped
    ):  # fmt: skip
        return False
    return not any(  # a reading of two plausible parts, no slip in either
        words.plausible(h) and words.plausible(t) and not _part_slip(h) and not _part_slip(t)
        for h, _, t in _readings(word, words.known)
    )


def linked_compounds(
    word: str, listed: Callable[[str], bool], known: Callable[[str], bool]
) -> list[str]:
    """A Danish compound with its linking -s- put in, where its head takes one and the
    two parts are words the dictionary lists ("versionnummer": "versionsnummer",
    "integritetkontrol"), the longest head first. Hunspell suggests none: it builds no
    compounds. On real misspellings in Danish UI catalogs that had no suggestion, it
    gave 13, all right, and one to a word we could not judge ("Forberedelsestimeout")."""
    lower = word.lower()
    if not lower.isalpha() or word not in (lower, lower.capitalize()):
        return []
    cuts = range(len(lower) - SHORTEST, SHORTEST - 1, -1)
    found = [
        lower[:cut] + "s" + lower[cut:]
        for cut in cuts
        if LINKED_BY_S.search(lower[:cut]) and listed(lower[:cut]) and listed(lower[cut:])
    ]
    spell = str.capitalize if word != lower else str.lower
    return [spell(candidate) for candidate in found if known(candidate)]


def _slip_beside_a_part(word: str, listed: Callable[[str], bool], table: dict[str, float]) -> bool:
    """A letter dropped from or added to one part of a compound beside a part people
    write, where the word meant is listed: "menu|linen" (menulinjen),
    "forstørrelses|gas" (forstørrelsesglas), "tid|stemplet" (tidsstemplet),
    "pille|tasterne" (piletasterne). The part beside is the longest head or tail in the
    frequency table ("fil|navet" for filnavnet: a head of three letters will do), and
    only a slip that makes a word people write is asked about."""
    cuts = range(SHORTEST, len(word) - SHORTEST + 1)
    head = next((word[:c] for c in reversed(cuts) if _written(word[:c], table)), "")
    if head:  # the tail slipped
        tail = word[len(head) :]
        more = [tail[:at] + c + tail[at:] for at in range(len(tail)) for c in LETTERS]
        if any(_meant(head + other, word, listed) for other in table.keys() & more):
            return True
    tails = range(SHORTEST, len(word) - SLIPPED + 1)
    tail = next((word[c:] for c in tails if word[c:] in table), "")
    if tail:  # the head slipped, or lost its end
        head = word[: -len(tail)]
        dropped = [head[:at] + head[at + 1 :] for at in range(1, len(head))]
        others = [*dropped, *(head + c for c in LETTERS)]
        return any(_written(o, table) and _meant(o + tail, word, listed) for o in others)
    return False


def _written(head: str, table: dict[str, float]) -> bool:
    """A head people write, with or without its linking letter (LINKS)."""
    return head in table or (head[-1] in "se" and len(head) > SHORTEST and head[:-1] in table)


def _meant(other: str, word: str, listed: Callable[[str], bool]) -> bool:
    return len(other) >= LONG and listed(other) and not _a_form(other, word)


def _readings(word: str, known: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    """Each way to read `word` as head, link and tail, both parts known words."""
    found = []
    for cut in range(SHORTEST, len(word) - SHORTEST + 1):
        head, tail = word[:cut], word[cut:]
        if not known(tail):
            continue
        for link in LINKS:
            stem = head[: len(head) - len(link)]
            if head.endswith(link) and len(stem) >= SHORTEST and known(stem):
                found.append((stem, link, tail))
    return found


def _unlinked(head: str, tail: str) -> bool:
    """A head in -ing, -hed, … joined with no s ("sortering|orden"); a tail beginning
    with s may hold it ("parrings|tilstand"), and an ending is no part."""
    return bool(LINKED_BY_S.search(head)) and tail[:1] != "s" and tail not in ENDINGS


@cache
def _part_slip(part: str) -> bool:
    """A part a few slips from a word far commoner than it ("breden": "bredden")."""
    if len(part) < SLIPPED:
        return False
    table = frequency_table("da")
    floor = max(COMMON, table.get(part, 0.0) + FAR_COMMONER)
    return any(table.get(other, 0.0) >= floor for other in _doubles(part))


def _doubles(word: str) -> list[str]:
    """The words `word` is a slip of by a double letter written once or a letter written
    twice: the slips that most often leave a word ("breden": "bredden")."""
    inner = range(1, len(word) - 1)
    twice = [word[:i] + word[i + 1 :] for i in inner if word[i] == word[i - 1]]
    return twice + [
        word[:i] + word[i] + word[i:] for i in range(1, len(word)) if word[i] != word[i - 1]
    ]


def _few_slips_at(word: str) -> Iterator[tuple[str, int]]:
    """The words `word` is a slip of by a letter added or two letters swapped, its first
    and last letters kept (the few slips a compound hides best, "linje|skrift"), each
    with the place of its slip."""
    for at in range(1, len(word) - 1):
        yield word[:at] + word[at + 1 :], at  # a letter added
        if at < len(word) - 2 and word[at] != word[at + 1]:
            yield word[:at] + word[at + 1] + word[at] + word[at + 2 :], at  # swapped


def _a_form(other: str, word: str) -> bool:
    """An ending added, dropped or exchanged ("afgører" and "afgøres")."""
    if len(other) == len(word):
        return other[:-1] == word[:-1]
    longer, shorter = (other, word) if len(other) > len(word) else (word, other)
    return longer[:-1] == shorter


# Danish derivations the dictionary lacks, common in technical text: an English adjective
# in -al inflected ("hexadecimale"), an adjective in -bar of a verb in -ere
# ("eksekverbar", "konfigurerbare"), a verb in -isere of a word ("faktorisere",
# "tokeniseret", "virtualisering").
_BAR = ("bar", "bare", "bart", "barhed", "barheden")
_ISERE = ("iser", "isere", "iserer", "iseret", "iserede", "isering", "iseringen", "iseringer")


# English: a word in -r, -rs, -d or -able of a known verb in -e ("initializer",
# "bundlers", "lowercased", "inlinable"): what en_US's affixes give listed verbs only.
_AFTER_E = ("r", "rs", "d", "able", "ables")


def derived(
    word: str, lang: str, listed: Callable[[str], bool], known: Callable[[str], bool]
) -> bool:
    """A word, lower case, derived from a word the dictionary lists or the speller
    `known`s (Danish: a loanword): Danish, the -al adjective ("hexadecimal"), the verb
    of -bar ("eksekver|e"), the word of -isere ("faktor", "token"); English, the verb
    in -e of -r, -d or -able ("initialize", "inline")."""
    if lang == "en":
        for ending in _AFTER_E:
            base = word[: -len(ending)] + ("e" if ending.startswith("a") else "")
            if word.endswith(ending) and base.endswith("e") and len(base) >= 5 and known(base):
                return True
        return False
    if word.endswith(("ale", "alt")) and known(word[:-1]):
        return True
    for ending in _BAR:
        stem = word[: -len(ending)]
        if word.endswith(ending) and stem.endswith("er") and listed(stem + "e"):
            return True
    for ending in _ISERE:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= SLIPPED and (listed(base) or known(base)):
            return True
    return False
