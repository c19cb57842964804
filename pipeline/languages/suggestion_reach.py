"""Whether Hunspell can suggest anything for a word, told from the word forms.

The quick copy of a dictionary (`dictionaries.suggester`) suggests only forms the
dictionary makes. It edits the word in a fixed set of ways (Hunspell 1.7's
suggestmgr.cxx: capitals, REP, swapped, moved, missing, extra and wrong letters, the
keyboard's neighbours, two words) and keeps each edit it finds in the dictionary, taking
its affixes off to look. A long word takes it some 7 ms, and two words in three that a
big catalog reports get no suggestion at all: mostly long compounds.

The trie (`word_forms`) holds every form, as written, whatever its flags. An edit that is
no form cannot be suggested; an edit that is one may be (its flags decide). So a word
none of whose edits is a form gets no suggestion from Hunspell, and Hunspell is not
asked. For a lower-case word, the edits made in Hunspell's order and kept where
Hunspell without compounds takes them are its list (`Reach.suggestions`), where the
dictionary has NOSPLITSUGS; capitals, listed word pairs and NOSUGGEST words are left to
Hunspell. tests/spelling/test_suggestion_reach.py holds both to Hunspell's answers on
each installed dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from pipeline.languages.dictionaries import (
    dictionary_path,
    load_hunspell,
    quick_affix,
    suggester,
)
from pipeline.languages.word_forms import WordForms, word_forms

_NEIGHBOURS = 4  # MAX_CHAR_DISTANCE: how far Hunspell swaps and moves a letter
Replacement = tuple[str, tuple[str, str, str, str]]  # pattern; anywhere, ^, $, ^…$


@dataclass(frozen=True, slots=True)
class _Edits:
    """What the quick copy edits a word with."""

    tried: str  # TRY: the letters put in and swapped in
    keys: str  # KEY: the keyboard's rows, "|" between them
    replacements: tuple[Replacement, ...]  # REP, and the dictionary's ph: fields
    dash: bool  # two words joined by a dash too (TRY has "-" or "a")
    split: bool  # two words of any listed forms (no NOSPLITSUGS)


class Reach:
    """Tells the words Hunspell's quick copy of a dictionary has no suggestion for, and
    works out its suggestions for most others."""

    def __init__(self, forms: WordForms, edits: _Edits, listed: Listed | None = None) -> None:
        self._forms = forms
        self._edits = edits
        self._listed = listed

    def hopeless(self, word: str) -> bool:
        """Whether Hunspell's quick copy suggests nothing for `word`. False when in
        doubt: a word with a dash, a dot or a sign, or mixed capitals, whose
        suggestions Hunspell works out in further ways."""
        if not word.isalpha() or not _plain_case(word):
            return False
        if word.islower():
            bases = [word]
        elif word[0].isupper() and word[1:].islower():
            bases = [word, word.lower()]  # Hunspell tries it as written and in lower case
        else:
            return False
        is_form = self._forms.is_form
        for base in bases:
            # An edit keeps the letters before its first change: those must begin a form.
            upto = self._forms.begun(base)
            if any(map(is_form, _edits(base, self._edits, is_form, upto))):
                return False
            if self._forms.begins_compound(base.upper()):  # the second pass: a compound
                return False
        return True

    def suggestions(self, word: str) -> list[str] | None:
        """Hunspell's quick copy's suggestions for a lower-case `word`, in its order
        (suggestmgr.cxx's first pass, each edit kept if the dictionary takes it as a
        word of its own: `Listed`). None where Hunspell must answer: capitals, a word
        pair or a dashed pair the dictionary lists, a form of a NOSUGGEST word, or a
        compound in capitals that the second pass may find."""
        listed = self._listed
        if listed is None or not (word.isalpha() and word.islower() and _plain_case(word)):
            return None
        if self._forms.begins_compound(word.upper()):
            return None
        found: list[str] = []
        for edit in _ordered_edits(word, self._edits):
            if len(found) == _MOST:
                break
            if " " in edit:
                if not self._spaced(edit, found, listed):
                    return None
            elif edit not in found and self._forms.is_form(edit):
                if listed.unplain(edit):
                    return None
                if listed.takes(edit):
                    found.append(edit)
        return None if self._listed_pair(word) else found

    def _listed_pair(self, word: str) -> bool:
        """Whether the word cut in two, with a space or a dash, is a form: Hunspell
        suggests such a pair before the rest (twowords), so it must answer."""
        if len(word.encode()) < 3:
            return False
        cuts = [(word[:at], word[at:]) for at in range(1, len(word))]
        return any(
            self._forms.is_form(f"{head}{mark}{tail}") for head, tail in cuts for mark in " -"
        )

    def _spaced(self, edit: str, found: list[str], listed: Listed) -> bool:
        """A REP edit with a space (replchars): the rest after each space whose word
        before it is taken, shown as the whole edit. False where Hunspell must answer:
        the whole is a listed pair, or a rest is empty or not plain."""
        if self._forms.is_form(edit):
            return False
        start = 0
        while (space := edit.find(" ", start)) >= 0:
            before, rest, start = edit[start:space], edit[space + 1 :], space + 1
            if not listed.takes(before):
                continue
            if not rest or (self._forms.is_form(rest) and listed.unplain(rest)):
                return False
            if rest not in found and len(found) < _MOST and listed.takes(rest):
                found.append(edit)
        return True


_MOST = 15  # Hunspell's MAXSUGGESTIONS


@dataclass(frozen=True, slots=True)
class Listed:
    """What the dictionary takes as a word of its own, as Hunspell's suggestions check
    an edit (checkword without compounds), and the roots it must not suggest."""

    takes: Callable[[str], bool]  # Hunspell without compounds
    roots: Callable[[str], list[str]]  # Hunspell's stems of a word
    nosuggest: frozenset[str]  # roots flagged NOSUGGEST, SUBSTANDARD or FORBIDDENWORD

    def unplain(self, word: str) -> bool:
        """A capital, or a form of a word Hunspell must not suggest: only Hunspell
        answers then."""
        if word != word.lower():
            return True
        return bool(self.nosuggest) and any(root in self.nosuggest for root in self.roots(word))


def _ordered_edits(word: str, edits: _Edits) -> Iterator[str]:
    """Hunspell's first pass over `word` in its order (suggestmgr.cxx 1.7): capitals,
    REP, then the letter edits. Two words come last (`_listed_pair`)."""
    yield word.upper()
    yield from _replaced(word, edits.replacements, lambda _: False)
    yield from _letter_edits(word, edits, len(word))


def _plain_case(word: str) -> bool:
    """Letters whose cases map one to one, as Hunspell's tables map them."""
    return len(word.upper()) == len(word) == len(word.lower())


def _edits(word: str, edits: _Edits, is_form: Callable[[str], bool], upto: int) -> Iterator[str]:
    """Every edit Hunspell's first pass looks up, and for a REP edit or two words with
    a space, the words Hunspell looks up in it; of the letter edits, those whose first
    change is at `upto` or before."""
    yield word.upper()
    yield from _replaced(word, edits.replacements, is_form)
    yield from _letter_edits(word, edits, upto)
    yield from _two_words(word, edits, is_form)


def _letter_edits(word: str, edits: _Edits, upto: int) -> Iterator[str]:
    """Swaps, long swaps, the keyboard, a letter out, a letter in, moves, a letter
    changed, a pair typed twice, in Hunspell's order (a letter out, in and changed
    from the word's end); those whose first change is at `upto` or before."""
    n, at_most = len(word), min(len(word), upto + 1)  # `at_most`: a range's end
    yield from _swapped(word, upto)
    yield from _long_swapped(word, upto)
    yield from _keyboard(word[:at_most], edits.keys, word[at_most:])
    yield from (word[:at] + word[at + 1 :] for at in reversed(range(at_most)) if n > 1)
    yield from (word[:at] + c + word[at:] for c in edits.tried for at in reversed(range(upto + 1)))
    yield from _moved(word, upto)
    yield from (
        word[:at] + c + word[at + 1 :] for c in edits.tried for at in reversed(range(at_most))
        if word[at] != c
    )  # fmt: skip
    yield from _doubled_pairs(word, upto)


def _replaced(
    word: str, table: tuple[Replacement, ...], is_form: Callable[[str], bool]
) -> Iterator[str]:
    """REP: each pattern replaced where it occurs (anchored ones at the word's ends)."""
    if len(word.encode()) < 2:
        return
    for pattern, outs in table:
        at = word.find(pattern)
        while at >= 0:
            kind = (at == 0) + 2 * (at + len(pattern) == len(word))
            while kind and not outs[kind]:
                kind = 0 if kind == 2 and at else kind - 1
            if outs[kind]:
                candidate = word[:at] + outs[kind] + word[at + len(pattern) :]
                yield candidate
                yield from _after_spaces(candidate, is_form)
            at = word.find(pattern, at + 1)


def _after_spaces(candidate: str, is_form: Callable[[str], bool]) -> Iterator[str]:
    """A REP edit with spaces: Hunspell takes the rest after a space if the word
    before it is a form (the check here is looser: a superset)."""
    start = 0
    while (space := candidate.find(" ", start)) >= 0:
        if is_form(candidate[start:space]):
            yield candidate[space + 1 :]
        start = space + 1


def _swapped(word: str, upto: int) -> Iterator[str]:
    n = len(word)
    for at in range(min(n - 1, upto + 1)):
        yield word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if n in (4, 5):  # two swaps in a short word: "ahev" → "have"
        yield word[1] + word[0] + word[2 : n - 2] + word[n - 1] + word[n - 2]
        if n == 5:
            yield word[0] + word[2] + word[1] + word[4] + word[3]


def _long_swapped(word: str, upto: int) -> Iterator[str]:
    letters = list(word)
    for p in range(len(word)):
        for q in range(len(word)):
            if 1 < abs(p - q) <= _NEIGHBOURS and min(p, q) <= upto:
                letters[p], letters[q] = letters[q], letters[p]
                yield "".join(letters)
                letters[p], letters[q] = letters[q], letters[p]


def _keyboard(word: str, keys: str, rest: str = "") -> Iterator[str]:
    """Each letter of `word` (`rest` following) in capitals, and as its neighbours on
    the keyboard."""
    for at, letter in enumerate(word):
        if letter.upper() != letter:
            yield word[:at] + letter.upper() + word[at + 1 :] + rest
        place = keys.find(letter)
        while place >= 0:
            for near in (place - 1, place + 1):
                if 0 <= near < len(keys) and keys[near] != "|":
                    yield word[:at] + keys[near] + word[at + 1 :] + rest
            place = keys.find(letter, place + 1)


def _moved(word: str, upto: int) -> Iterator[str]:
    """A letter moved two to four places forward or back."""
    for p in range(min(len(word), upto + 1)):
        letters = list(word)
        for q in range(p + 1, min(len(word), p + _NEIGHBOURS + 1)):
            letters[q], letters[q - 1] = letters[q - 1], letters[q]
            if q - p >= 2:
                yield "".join(letters)
    for p in range(len(word) - 1, -1, -1):
        letters = list(word)
        for q in range(p - 1, max(-1, p - _NEIGHBOURS - 1), -1):
            letters[q], letters[q + 1] = letters[q + 1], letters[q]
            if p - q >= 2 and q <= upto:
                yield "".join(letters)


def _doubled_pairs(word: str, upto: int) -> Iterator[str]:
    """Two letters typed twice: "vacacation" → "vacation"."""
    if len(word) < 5:
        return
    state = 0
    for at in range(2, len(word)):
        if word[at] != word[at - 2]:
            state = 0
            continue
        state += 1
        if (state == 3 or (state == 2 and at >= 4)) and at - 1 <= upto:
            yield word[: at - 1] + word[at + 1 :]
            state = 0


def _two_words(word: str, edits: _Edits, is_form: Callable[[str], bool]) -> Iterator[str]:
    """The word cut in two: a listed pair ("a lot"), with a dash, or two forms."""
    if len(word.encode()) < 3:
        return
    for at in range(1, len(word)):
        head, tail = word[:at], word[at:]
        yield head + " " + tail
        if edits.dash:
            yield head + "-" + tail
        if edits.split and is_form(head):
            yield tail


def suggested_by(name: str, word: str) -> list[str]:
    """The suggestions of dictionary `name`'s quick copy for `word`: Hunspell's, or
    none without asking it where the word forms show it has none."""
    known = reach(name)
    if known is not None and known.hopeless(word):
        return []
    found = known.suggestions(word) if known is not None else None
    return found if found is not None else list(suggester(name).suggest(word))


@cache
def reach(name: str) -> Reach | None:
    """What tells dictionary `name`'s hopeless words; None where its word forms are not
    made (Hunspell answers everything then)."""
    forms, path = word_forms(name), dictionary_path(name)
    if forms is None or path is None:
        return None
    affix = quick_affix(path.with_suffix(".aff").read_text("utf-8", "surrogateescape"))
    if re.search(r"^FORCEUCASE\b", affix, re.MULTILINE):
        return None  # a way to suggest that the edits here do not follow
    tried = re.search(r"^TRY\s+(\S+)", affix, re.MULTILINE)
    keys = re.search(r"^KEY\s+(\S+)", affix, re.MULTILINE)
    letters = tried.group(1) if tried else ""
    dictionary = path.read_text("utf-8", "replace")
    table = _replacements(affix) + _phonetic(dictionary)
    split = not re.search(r"^NOSPLITSUGS\b", affix, re.MULTILINE)
    dash = bool(letters) and ("-" in letters or "a" in letters)
    edits = _Edits(letters, keys.group(1) if keys else "", table, dash, split)
    return Reach(forms, edits, _listed(name, affix, dictionary) if not split else None)


def _listed(name: str, affix: str, dictionary: str) -> Listed:
    """Hunspell without compounds, and the .dic's roots it must not suggest."""
    hunspell = load_hunspell(name, False)
    flags = [
        found.group(1)
        for kind in ("NOSUGGEST", "SUBSTANDARD", "FORBIDDENWORD")
        if (found := re.search(rf"^{kind}[ \t]+(\S+)", affix, re.MULTILINE))
    ]
    return Listed(
        lambda word: bool(hunspell.spell(word)),
        lambda word: [root.decode("utf-8", "replace") for root in hunspell.stem(word)],
        _flagged(dictionary, flags, affix),
    )


def _flagged(dictionary: str, flags: list[str], affix: str) -> frozenset[str]:
    """The roots of the .dic that carry one of `flags` (in the affix file's FLAG form),
    found by one search of the whole file: a line at a time took 0.2 s for da_DK."""
    if not flags:
        return frozenset()
    kind = re.search(r"^FLAG[ \t]+(\S+)", affix, re.MULTILINE)
    alternatives = "|".join(map(re.escape, flags))
    carried = {
        "num": rf"(?:\d+,)*(?:{alternatives})(?!\d)",
        "long": rf"(?:\S\S)*?(?:{alternatives})",
    }.get(kind.group(1) if kind else "", rf"\S*?(?:{alternatives})")
    found = re.findall(rf"^([^/\n]+)/{carried}", dictionary, re.MULTILINE)
    return frozenset(found)


def _replacements(affix: str) -> tuple[Replacement, ...]:
    """The REP table as Hunspell reads it: "^" and "$" anchor a pattern, "_" is a space."""
    table = []
    for line in re.findall(r"^REP[ \t]+(\S+)[ \t]+(\S+)", affix, re.MULTILINE):
        pattern, out = line
        if pattern.isdigit():
            continue  # the line saying how many follow
        kind = 1 if pattern.startswith("^") else 0
        pattern = pattern[kind:].replace("_", " ")
        if pattern.endswith("$"):
            kind, pattern = kind + 2, pattern[:-1]
        outs = ["", "", "", ""]
        outs[kind] = out.replace("_", " ")
        table.append((pattern, (outs[0], outs[1], outs[2], outs[3])))
    return tuple(table)


def _phonetic(dictionary: str) -> tuple[Replacement, ...]:
    """The REP entries Hunspell makes of the .dic's ph: fields ("ph:aksion" on aktion),
    the capitalised pattern too (more than Hunspell makes: a superset is safe)."""
    table = []
    at = dictionary.find("ph:")
    while at >= 0:
        start, end = dictionary.rfind("\n", 0, at) + 1, dictionary.find("\n", at)
        fields = dictionary[start : end if end >= 0 else None].split()
        word = fields[0].split("/")[0]
        for field in fields[1:]:
            if not field.startswith("ph:") or len(field) == 3:
                continue
            pattern, part = field[3:], word
            arrow = pattern.find("->")
            if 0 < arrow < len(pattern) - 2:
                pattern, part = pattern[:arrow], pattern[arrow + 2 :]
            if pattern.endswith("*") and len(pattern) > 2 and len(part) > 1:
                pattern, part = pattern[:-2], part[:-1]
            for written in {pattern, pattern[:1].upper() + pattern[1:]}:
                table.append((written, (part, "", "", "")))
        at = dictionary.find("ph:", end) if end >= 0 else -1
    return tuple(table)
