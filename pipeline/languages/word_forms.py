"""The word forms a Hunspell dictionary lists, worked out from its affix file once a
machine and kept in a trie (marisa-trie), so that most spelling questions never reach
Hunspell.

Hunspell tells whether a string is a word by taking it apart: every suffix and prefix
rule whose ending matches, and, in Danish, every way to cut it into a compound. That
costs 30–70 µs a string. The spelling rules ask it some 400,000 times on a big catalog,
mostly about the slips of names and identifiers, which are no words
(`technical.near_a_word`). The trie answers a string of lower-case letters in about a
microsecond: whether the dictionary lists it, and whether it can be cut into forms the
dictionary lets begin, go on and end a compound. Only a string that can be cut is
asked of Hunspell, whose compound rules (CHECKCOMPOUNDREP, …) decide: one in ten.
Any other string (capitals, digits, signs) goes to Hunspell, whose case rules decide.

The forms are expanded as Hunspell checks affixes: a stem's suffixes, a second suffix
allowed by the first one's continuation flags, and a prefix before either where both
rules allow cross products; NEEDAFFIX, ONLYINCOMPOUND and FORBIDDENWORD as Hunspell
reads them. tests/spelling/test_word_forms.py compares the answers with Hunspell's on
each installed dictionary.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.languages.dictionaries import dictionary_path, file_stamp, load_hunspell
from pipeline.project.files import locked, user_cache, writable, write_bytes_atomic
from pipeline.project.memo import digest

LISTED, BEGIN, MIDDLE, END = "=", "<", "~", ">"  # what a key's first character says
FORM = "*"  # a form of any other kind: capitals, signs, ONLYINCOMPOUND, NEEDAFFIX…
CAPITALS = "^"  # a form with capitals a compound may begin with, as written
# Directives the expansion does not follow: a letter dropped at a compound's join or a
# pattern rewriting it, letters ignored, affixes in pairs or reversed, flag aliases.
# A dictionary using one is answered by Hunspell alone.
_UNREAD = re.compile(
    r"^(?:SIMPLIFIEDTRIPLE|CHECKCOMPOUNDPATTERN|IGNORE|CIRCUMFIX|COMPLEXPREFIXES|AF)\b", re.M
)
_CONVERTED = re.compile(r"^ICONV[ \t]+\S*[^\W\d_]\S*[ \t]+\S", re.M)  # a letter read anew
_SLASH = re.compile(r"(?<!\\)/")  # the slash before a stem's flags, not an escaped one
_MORPHOLOGY = re.compile(r"[ \t](?=..:)")  # the blank before a field ("po:noun")
_FLAG_NAMES = ("NEEDAFFIX", "ONLYINCOMPOUND", "FORBIDDENWORD", "COMPOUNDFLAG")
_OLD_NAMES = {"PSEUDOROOT": "NEEDAFFIX"}  # Hunspell reads both
_PARTS = {"COMPOUNDBEGIN": BEGIN, "COMPOUNDMIDDLE": MIDDLE, "COMPOUNDEND": END}

Spell = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class _Rule:
    """One PFX or SFX line: strip these letters, add those, where the stem matches."""

    strip: str
    add: str
    flags: frozenset[str]  # the continuation flags the form gets
    condition: re.Pattern[str] | None


@dataclass
class _Affixes:
    flags: str = "char"  # FLAG: char, long, num or UTF-8
    prefixes: dict[str, list[_Rule]] = field(default_factory=dict)
    suffixes: dict[str, list[_Rule]] = field(default_factory=dict)
    cross: dict[str, bool] = field(default_factory=dict)  # flag → combines with the other kind
    named: dict[str, str] = field(default_factory=dict)  # NEEDAFFIX… → its flag
    rule_flags: set[str] = field(default_factory=set)  # the flags COMPOUNDRULE lines use
    full_strip: bool = False  # FULLSTRIP: a rule may strip a whole stem


class WordForms:
    """A dictionary's forms of lower-case letters, and the forms compounds are made of."""

    def __init__(self, trie: Any, least: int) -> None:
        self._trie = trie
        self._least = least  # the fewest letters a compound's part may have

    def lists(self, word: str) -> bool:
        """Whether Hunspell lists `word` (lower-case letters) without compounding."""
        return LISTED + word in self._trie

    def is_form(self, word: str) -> bool:
        """Whether `word`, as written, is any form the dictionary's stems and affixes
        make, whatever its flags (listed or not, alone or in compounds only…)."""
        return LISTED + word in self._trie or FORM + word in self._trie

    def begun(self, word: str) -> int:
        """How many of `word`'s first letters some form begins with, as written."""
        low, high = 0, len(word)
        while low < high:  # a longer prefix begins no form that a shorter does not
            middle = (low + high + 1) // 2
            prefix = word[:middle]
            keys = (k for kind in (LISTED, FORM) for k in self._trie.iterkeys(kind + prefix))
            low, high = (middle, high) if next(keys, None) else (low, middle - 1)
        return low

    def begins_compound(self, word: str) -> bool:
        """Whether `word`, in capitals, begins with a form a compound may begin with, as
        written: Hunspell's compounds are made of forms of the case they are written in."""
        return any(len(k) > self._least for k in self._trie.prefixes(CAPITALS + word.upper()))

    def may_join(self, word: str) -> bool:
        """Whether `word` can be cut into a compound's parts: begin, middles, end."""
        trie, least = self._trie, self._least
        # A key is its part after one character saying what it is (BEGIN, MIDDLE, END).
        starts = [len(k) - 1 for k in trie.prefixes(BEGIN + word) if len(k) - 1 >= least]
        seen: set[int] = set()
        while starts:
            at = starts.pop()
            if at in seen:
                continue
            seen.add(at)
            rest = word[at:]
            if len(rest) >= least and END + rest in trie:
                return True
            middles = trie.prefixes(MIDDLE + rest)
            starts.extend(at + len(k) - 1 for k in middles if least <= len(k) - 1 < len(rest))
        return False


@cache
def spell_checks(name: str) -> tuple[Spell, Spell]:
    """Hunspell's verdicts for dictionary `name`, with compounds and without, from the
    word forms where they tell and from Hunspell itself where they do not."""

    def hunspell(compounds: bool) -> Spell:
        return lambda word: bool(load_hunspell(name, compounds).spell(word))

    forms = word_forms(name)
    if forms is None:
        return hunspell(True), hunspell(False)
    spell, listed = hunspell(True), hunspell(False)
    joined: dict[str, bool] = {}  # the compounds asked: a run asks many twice

    def lists(word: str) -> bool:
        return forms.lists(word) if word.isalpha() and word.islower() else listed(word)

    def takes(word: str) -> bool:
        if not (word.isalpha() and word.islower()):
            return spell(word)
        if forms.lists(word):
            return True
        if not forms.may_join(word):
            return False
        if word not in joined:
            joined[word] = spell(word)
        return joined[word]

    return takes, lists


@cache
def word_forms(name: str) -> WordForms | None:
    """The word forms of dictionary `name`, from the cache folder or made there now;
    None where its affix file uses what the forms cannot answer for, or no folder
    can keep them (Hunspell answers every question then)."""
    path = dictionary_path(name)
    if path is None:
        return None
    affix_file = path.with_suffix(".aff")
    text = affix_file.read_text("utf-8", "surrogateescape")
    if _UNREAD.search(text) or _CONVERTED.search(text):
        return None
    if not re.search(r"^SET\s+UTF-8", text, re.M | re.I):
        return None
    named = re.search(r"^COMPOUNDMIN\s+(\d+)", text, re.M)
    least = max(1, int(named.group(1))) if named else 3  # Hunspell's default
    stamps = [repr(file_stamp(p)) for p in (path, affix_file)]  # as the word tables do
    made_by = digest(*stamps, Path(__file__).read_bytes())  # this file: how forms are made
    kept = user_cache("word-forms") / f"{name}-{made_by}.marisa"
    trie = _mapped(kept)
    if trie is None:
        if not writable(kept.parent):
            return None
        with locked(kept.parent):  # one process makes it; a run's others wait and map it
            trie = _mapped(kept)
            if trie is None:
                try:
                    _make(name, kept, path, text)
                except OSError:  # a full disk: Hunspell answers, as without a folder
                    return None
                trie = _mapped(kept)
    # A letter fewer than Hunspell's least: the test errs towards asking Hunspell.
    return None if trie is None else WordForms(trie, least - 1)


def _mapped(kept: Path) -> Any:
    """The trie in file `kept`, mapped: a run's processes share its pages; None if
    there is none yet."""
    import marisa_trie  # type: ignore[import-not-found]

    trie = marisa_trie.Trie()
    try:
        trie.mmap(str(kept))
    except (OSError, RuntimeError):  # marisa says "MARISA_IO_ERROR" as a RuntimeError
        return None
    return trie


def _make(name: str, kept: Path, dictionary: Path, affix: str) -> None:
    """Expand dictionary `name` into the trie file `kept`; drop the ones it replaces."""
    import marisa_trie

    sys.stderr.write(f"pipeline: reading the word forms of {name}, once a machine…\n")
    trie = marisa_trie.Trie(_keys(dictionary, _read_affixes(affix)))
    write_bytes_atomic(kept, trie.tobytes(), durable=False)
    for stale in kept.parent.glob(f"{name}-*.marisa"):  # made by other dictionaries
        if stale != kept:
            stale.unlink(missing_ok=True)  # a process mapping it keeps its pages


def _keys(dictionary: Path, affixes: _Affixes) -> Iterator[str]:
    """Each form listed (LISTED) or that may be a compound's part (BEGIN, MIDDLE, END),
    some more than once: the trie keeps one (a set of them held 300 MB)."""
    named = affixes.named
    need, only, forbidden = (named.get(n, "\0") for n in _FLAG_NAMES[:3])
    parts = {flag: key for d, key in _PARTS.items() if (flag := named.get(d))}
    everywhere = {named.get("COMPOUNDFLAG", "\0"), *affixes.rule_flags}
    lines = dictionary.read_text("utf-8", "replace").splitlines()[1:]
    entries = [_entry(line, affixes.flags) for line in lines]
    banned = {stem for stem, flags in entries if forbidden in flags}  # however made
    for form, root, flags in _forms(entries, affixes):
        alone = not {forbidden, only} & root and not {only, need} & flags
        if alone and form.isalpha() and form.islower() and form not in banned:
            yield LISTED + form  # flags: a stem's own, or those an affix gave its form
        else:
            yield FORM + form  # any other, as written: a suggestion may be one (reach)
        if not form.isalpha():
            continue
        lower = form.lower()  # a part's case is Hunspell's to judge: take it here
        both = root | flags
        kinds = [key for flag, key in parts.items() if flag in both]
        for kind in (BEGIN, MIDDLE, END) if both & everywhere else kinds:
            yield kind + lower
            if kind == BEGIN and form != lower:
                yield CAPITALS + form  # as written: what begins a compound in capitals


Flags = frozenset[str]
Form = tuple[str, Flags, Flags]  # a form, its stem's flags, its own flags


def _forms(entries: list[tuple[str, Flags]], affixes: _Affixes) -> Iterator[Form]:
    """Each form of each stem: (form, the stem's flags, the form's flags).
    Hunspell takes up to two suffixes and a prefix; the prefix where both it and the
    first suffix allow cross products."""
    prefixes, cross, whole = affixes.prefixes, affixes.cross, affixes.full_strip
    forbidden = affixes.named.get("FORBIDDENWORD", "\0")
    for stem, flags in entries:
        if not stem:
            continue
        yield stem, flags, flags
        if forbidden in flags:
            continue  # Hunspell rejects a forbidden word's forms too
        crossing = [other for other in flags if cross.get(other) and other in prefixes]
        for flag in flags:
            for form, got in _suffixed(stem, flag, affixes):
                yield form, flags, got
                for other in crossing if cross.get(flag) else ():
                    for both, more in _applied(form, prefixes[other], False, whole):
                        yield both, flags, more | got
            for form, got in _applied(stem, prefixes.get(flag, ()), False, whole):
                yield form, flags, got


def _suffixed(stem: str, flag: str, affixes: _Affixes) -> Iterator[tuple[str, Flags]]:
    """The forms suffix `flag` makes of `stem`, and the forms a second suffix makes of
    those (the first's continuation flags name it), each with the flags it gets."""
    only = {affixes.named.get("ONLYINCOMPOUND", "\0")}
    whole = affixes.full_strip
    for form, after in _applied(stem, affixes.suffixes.get(flag, ()), True, whole):
        yield form, after
        for second in after:
            for twice, more in _applied(form, affixes.suffixes.get(second, ()), True, whole):
                yield twice, (more - only) | (after & only)  # Hunspell reads the inner's


def _applied(
    word: str, rules: Iterable[_Rule], suffix: bool, whole: bool = False
) -> Iterator[tuple[str, Flags]]:
    """The forms `rules` make of `word`; `whole`: a rule may strip all of it (FULLSTRIP)."""
    for rule in rules:
        if rule.condition is not None and not rule.condition.search(word):
            continue
        if len(rule.strip) >= len(word) and not whole:
            continue
        if suffix and word.endswith(rule.strip):
            yield word[: len(word) - len(rule.strip)] + rule.add, rule.flags
        elif not suffix and word.startswith(rule.strip):
            yield rule.add + word[len(rule.strip) :], rule.flags


def _entry(line: str, mode: str) -> tuple[str, frozenset[str]]:
    """A .dic line's stem and flags: "word/flags morphology". As Hunspell reads it,
    they end at a tab or before the first field like "ph:"; a stem may hold a space
    ("a cappella", "breaking news/10")."""
    line = line.split("\t")[0]
    field = _MORPHOLOGY.search(line, 1)
    line = (line[: field.start()] if field else line).strip()
    if not line or line.startswith("#"):
        return "", frozenset()
    found = _SLASH.search(line)
    if found is None:
        return line.replace("\\/", "/"), frozenset()
    flags = line[found.end() :].split()
    return line[: found.start()].replace("\\/", "/"), _flags(flags[0] if flags else "", mode)


def _flags(text: str, mode: str) -> frozenset[str]:
    if mode == "num":
        return frozenset(f for f in text.split(",") if f)
    if mode == "long":
        return frozenset(text[i : i + 2] for i in range(0, len(text), 2))
    return frozenset(text)


def _read_affixes(text: str) -> _Affixes:
    affixes = _Affixes()
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            continue
        kind = _OLD_NAMES.get(fields[0], fields[0])
        if kind == "FULLSTRIP":
            affixes.full_strip = True
        elif kind == "FLAG" and len(fields) > 1:
            affixes.flags = fields[1].lower()
        elif kind in ("PFX", "SFX") and len(fields) >= 4:
            _read_rule(affixes, fields)
        elif kind in (*_FLAG_NAMES, *_PARTS) and len(fields) > 1:
            affixes.named[kind] = fields[1]
        elif kind == "COMPOUNDRULE" and len(fields) > 1 and not fields[1].isdigit():
            affixes.rule_flags.update(_rule_flags(fields[1], affixes.flags))
    return affixes


def _read_rule(affixes: _Affixes, fields: list[str]) -> None:
    kind, flag = fields[0], fields[1]
    table = affixes.prefixes if kind == "PFX" else affixes.suffixes
    if len(fields) == 4 and fields[2] in ("Y", "N") and fields[3].isdigit():
        affixes.cross[flag] = fields[2] == "Y"  # the header: PFX flag Y count
        table.setdefault(flag, [])
        return
    strip = "" if fields[2] == "0" else fields[2]
    add, _, more = fields[3].partition("/")
    condition = fields[4] if len(fields) > 4 else "."
    pattern = _condition(condition)
    anchored = None if condition == "." else re.compile(
        ("^" + pattern) if kind == "PFX" else (pattern + "$")
    )  # fmt: skip
    rule = _Rule(strip, "" if add == "0" else add, _flags(more, affixes.flags), anchored)
    table.setdefault(flag, []).append(rule)


def _rule_flags(rule: str, mode: str) -> set[str]:
    """The flags of a COMPOUNDRULE ("n*1t"; "(1001)(1002)*" with num or long flags)."""
    if mode in ("num", "long"):
        return set(re.findall(r"\(([^)]*)\)", rule))
    return {c for c in rule if c not in "*?()"}


def _condition(condition: str) -> str:
    """A rule's condition as a regular expression: Hunspell's are letters, "." and
    [classes] ("[^aeiou]y"); any other sign stands for itself."""
    pattern = []
    for part in re.findall(r"\[\^?[^\]]*\]|.", condition):
        if part == ".":
            pattern.append(".")
        elif part.startswith("[") and len(part) > 2:
            negated = part[1] == "^"
            pattern.append("[" + "^" * negated + re.escape(part[1 + negated : -1]) + "]")
        else:
            pattern.append(re.escape(part))
    return "".join(pattern)
