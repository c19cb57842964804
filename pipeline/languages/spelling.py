"""Spelling with Hunspell dictionaries, knowing what a spell checker for our texts must know.

A plain Hunspell run over Danish documentation raises 16 false alarms per 1,000 words:
compounds, inflected acronyms, names, code, English loanwords. So a word is unknown only
when none of these accepts it:

- the language's Hunspell dictionary (Debian's hunspell-da, -en-us or -en-gb): most
  words answered from its word forms in a trie (`word_forms`), the rest by pyhunspell;
- the project's word list, and the glossary's terms in every inflection (the caller
  leaves out the words of term hits and names);
- acronyms and their Danish inflections (`BIOS'en`), numbers, code, file names and
  addresses, which language_view blanks out;
- a word the other project language's dictionary knows (a loanword, "screening");
- a compound of known words ("filvalgsdialog", "DHCP-serveren") that has none of the
  shapes of a slip (`compounds`: "sorteringorden", "skærmbreden", "linjeskrift").

Names are not checked: capitalised words inside a sentence, capitals that join known
words ("CMake"), acronyms with an ending ("CVEs"), and words of the text's link addresses.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.languages.compounds import LINKS, Words, derived, linked_compounds, slipped_compound
from pipeline.languages.dictionaries import (
    DictionaryMissing,
    dictionary_name,
    dictionary_path,
    file_stamp,
    installed,
    load_hunspell,
    read_word_list,
)
from pipeline.languages.edits import one_edit_from
from pipeline.languages.evidence import ACRONYM, WORD, frequency, language_view, primary
from pipeline.languages.project_slips import LONG
from pipeline.languages.suggestion_reach import suggested_by
from pipeline.languages.technical import (
    apostrophe_base,
    danish_spellings_of_english,
    date_format,
    in_code,
    in_lists_of_code,
    is_a_name,
    is_command,
    name_or_code,
    near_a_common_word,
    near_a_word,
    nearest_words,
    option_value_or_tag,
    regular_plural,
)
from pipeline.languages.word_forms import spell_checks
from pipeline.project import memo
from pipeline.source.filler import is_filler

_PART = 4  # the shortest part of a compound we accept
_UNLISTED = 2  # `_known` of a word known, not listed: built from parts, a loanword…
COMMON = 2.0  # the Zipf frequency (wordfreq) of a word people write: a compound's part
LOANWORD = 2.0  # the Zipf frequency in the other language of a loanword we accept
# A compound is a slip when one edit away is a word at least this common (Zipf), and
COMMON_WORD, SLIP_GAP = 2.5, 2.0  # this much more common than the compound (a hundredfold)
FOREIGN_GAP = 3.0  # a loanword's slip: a thousand times as common here as it is there
WRITTEN = 2.0  # the Zipf frequency of a word people write that no dictionary lists
SHORT = 3  # a hyphenated part this short is a code or an acronym in lower case ("ibs", "usb")
_PREFIXES = {
    "en": ("un", "re", "pre", "non", "sub", "multi", "co", "de"),
    "da": ("u", "for", "gen", "om", "over", "under", "ud", "ind", "op", "af", "mis", "sam"),
}
# Danish suffixes that end compounds but are no words of their own ("tekstmæssige").
_SUFFIXES = {"da": ("mæssig", "mæssige", "mæssigt")}
# Danish endings on a loanword or term the dictionaries know bare ("matrixet", "diaset").
_ENDINGS = {"da": ("erne", "ene", "ets", "ens", "en", "et", "er", "s")}
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")  # the script of our dictionaries


@dataclass(frozen=True, slots=True)
class Misspelling:
    """Characters start:end of a text are a word no dictionary or list knows."""

    start: int
    end: int
    word: str
    name: bool = False  # no slip from any word: a name or an identifier, not reported
    built: bool = False  # known, not listed (built from parts…): a slip? (project_slips)


class Speller:
    """One language's dictionary, the project's words, and the other languages' dictionaries."""

    def __init__(self, lang: str, dictionary: str, words: Collection[str] = ()) -> None:
        installed(dictionary)  # a missing dictionary is said now, not at the first word
        self.lang = primary(lang)
        self.dictionary = dictionary
        self._words = {word.lower() for word in words}
        self._others: list[tuple[str, str]] = []  # (language, dictionary)
        self._table: dict[str, int] | None = None  # word → 0, 1 or _UNLISTED
        self._near: dict[str, bool] = {}
        self._nearest: dict[str, list[str]] = {}
        self._suggested: dict[str, tuple[str, ...]] | None = None

    def add_other(self, lang: str, dictionary: str) -> None:
        """Accept the common words of another project language: loanwords."""
        self._others.append((primary(lang), dictionary))
        self._table = self._suggested = None

    @property
    def _hunspell(self) -> Any:
        return load_hunspell(self.dictionary)  # loaded on the first word no table knows

    @property
    def _known(self) -> dict[str, int]:
        """What this speller said of each word, kept in the cache folder: a re-check of
        an edit in words seen before loads no dictionary (a quarter of a second)."""
        if self._table is None:
            others, stamps, words = repr(self._others), repr(self._stamps()), sorted(self._words)
            version = memo.digest(memo.code_version(), self.lang, others, stamps, "\n".join(words))
            self._table = memo.table(f"spelling-words-{self.lang}", version)
            self._near = memo.table(f"spelling-near-{self.lang}", version)
            self._nearest = memo.table(f"spelling-nearest-{self.lang}", version)
        return self._table

    def misspellings(
        self, text: str, skip: Collection[tuple[int, int]] = (), names: bool = False
    ) -> list[Misspelling]:
        """Unknown words of inline-Markdown `text`, except inside the `skip` ranges; and
        with `names`, the unknown words taken for names (a project's other language may
        write them too: evidence that they are its terms) and the long words known but
        not listed (the project's counts may show them slips, project_slips)."""
        view = language_view(text)
        found = []
        far: list[tuple[int, int]] = []
        built: list[Misspelling] = []
        known = self._known
        for match in WORD.finditer(view):
            word = match.group()
            if known.get(word) is True:
                continue  # most words: known, and seen before in this run
            start, end = match.span()
            if skip and any(a <= start < b for a, b in skip):
                continue
            if name_or_code(word, view, start) or is_command(word) or in_code(view, start, end):
                continue
            if self.knows(word):
                if names and known[word] == _UNLISTED:
                    built.append(Misspelling(start, end, word, built=True))
                continue
            value = option_value_or_tag(text, start, end) and not self._slip(word)
            a_name = is_a_name(word, text, self.knows, self.lang)
            if value or a_name or not self._near_a_word(word):
                far.append((start, end))  # a value, a name or an identifier
                continue
            if len(word) <= 5 and view[end : end + 1] == "." and self.knows(word + "."):
                continue  # an abbreviation: "dvs.", "inkl." (Hunspell takes any word + ".")
            if (start and view[start - 1].isdigit()) or view[end : end + 1].isdigit():
                continue  # "2nd", "10x", "IPv6"
            if len(word) == 1 or not _LATIN_LETTER.search(word) or is_filler(view, start, end):
                continue  # a letter on its own ("á"), Chinese, Greek…, or "Lorem ipsum"
            found.append(Misspelling(start, end, word))
        spans = [(m.start, m.end) for m in found]
        code = in_lists_of_code(text, view, spans, self._slip, far) if found else set()
        named = [Misspelling(a, b, view[a:b], True) for a, b in far] if names else []
        return [m for m in found if (m.start, m.end) not in code] + named + built

    def _near_a_word(self, word: str, part: bool = False) -> bool:
        """One slip from a word (`near_a_word`): else a name or an identifier. Hyphenated:
        its unknown parts but short codes ("grub-mklayout", "ibs-størrelse")."""
        near = self._near.get(word)
        if near is None and "-" in word:
            parts = [p for p in word.split("-") if len(p) > SHORT and not self._part(p)]
            near = self._near[word] = any(self._near_a_word(p, part=True) for p in parts)
        if near is None:
            spell = spell_checks(self.dictionary)[0]
            listed, own = self._listed, self._words
            near = near_a_word(word, self.lang, listed, self.knows, spell, part, own)
            self._near[word] = near
        return near

    def _slip(self, word: str) -> bool:
        return near_a_common_word(word, self.lang)

    def knows(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            if self._listed(word):
                known = True
            elif self._loanword(word) or self._written(word):
                known = _UNLISTED
            else:  # Hunspell's compounds and ours, unless a slip of a common word
                built = self._compound(word) or spell_checks(self.dictionary)[0](word)
                shape = word.lower() if word == word.capitalize() else word  # a label's
                known = built and not self._typo_shaped(shape) and not self._slipped(shape)
                known = known and _UNLISTED
            if known == _UNLISTED and not (len(word) >= LONG and word.isalpha() and word.islower()):
                known = True  # only a long word may be a slip of the project's words
            self._known[word] = known
        return bool(known)

    def _typo_shaped(self, word: str) -> bool:
        """A compound one slip from a word written a hundred times as often: "backround"
        (background), "filessystem", "oversskrivning". Two real words joined are as often
        a slip in a third."""
        if not (word.isalpha() and word.islower()):
            return False
        floor = max(COMMON_WORD, frequency(word, self.lang) + SLIP_GAP)
        return one_edit_from(word, self.lang, floor)

    def _slipped(self, word: str) -> bool:
        """A Danish compound that is a slip of another word (`slipped_compound`)."""
        if self.lang != "da" or not (word.isalpha() and word.islower()):
            return False
        return slipped_compound(
            word, Words(self._own, self._plausible, self._listed, self._foreign)
        )

    def _stamps(self) -> list[tuple[int, int]]:
        """Size and time of this language's and the other languages' dictionary files."""
        dictionaries = [self.dictionary, *(name for _, name in self._others)]
        files = [p for name in dictionaries if (p := dictionary_path(name))]
        return [file_stamp(f) for path in files for f in (path, path.with_suffix(".aff"))]

    def suggestions(self, word: str, most: int = 3, quick: bool = False) -> tuple[str, ...]:
        """Hunspell's suggestions, best first (the other languages' when it has none);
        `quick`: the known words one slip away, commonest first, if any (`nearest_words`:
        a tenth of the time, as often right). Both kept in the cache folder: a run
        reports the same words again, and a re-check need not load wordfreq's table."""
        if quick and self._known is not None:  # the tables for this word list
            nearest = self._nearest.get(word)
            if nearest is None:
                nearest = self._nearest[word] = nearest_words(word, self.lang, self.knows, most)
            if nearest:
                return tuple(nearest[:most])
        if self._suggested is None:
            named = repr((self.dictionary, self._others, self._stamps()))
            version = memo.digest(memo.code_version(), named)
            self._suggested = memo.table(f"spelling-suggestions-{self.lang}", version)
        suggested = self._suggested.get(word)
        if suggested is None:
            names = (self.dictionary, *(name for _, name in self._others))
            found: list[str] = next((s for name in names if (s := suggested_by(name, word))), [])
            suggested = self._suggested[word] = tuple(s for s in found if s != word)
        if quick and not suggested and self.lang == "da":  # shown, not a term's evidence
            return tuple(linked_compounds(word, self._listed, self.knows)[:most])
        return suggested[:most]

    def _written(self, word: str) -> bool:
        """A word people write often in either language that no dictionary lists
        ("config", "hostname"), unless it is a slip of a far commoner word."""
        lower = word.lower()
        languages = (self.lang, *(lang for lang, _ in self._others))
        seen = max(frequency(lower, lang) for lang in languages)
        return seen >= WRITTEN and not self._typo_shaped(lower)

    def _loanword(self, word: str) -> bool:
        """A common word of the other language ("screening" in Danish): the other
        dictionary knows it, wordfreq finds it often there; or a Danish spelling of one
        ("oktal", "deskriptoren"). English takes no Danish loanwords: Danish has too many
        short words ("gren", "tavle") that are English typos. One slip from a Danish word
        a thousand times as common here as there is a slip ("dene" for "denne")."""
        if self.lang == "en":
            return False
        for lang, name in self._others:
            for form in (word, *danish_spellings_of_english(word.lower())):
                seen = frequency(form, lang)
                if seen >= LOANWORD and spell_checks(name)[0](form):
                    floor = max(COMMON_WORD, seen + FOREIGN_GAP)
                    slip = len(word) > SHORT and one_edit_from(word, self.lang, floor)
                    return form != word or not slip
        return False

    def _own(self, word: str) -> bool:
        """Known in this language: its dictionary (compounds too) or the word list."""
        return word.lower() in self._words or spell_checks(self.dictionary)[0](word)

    def _listed(self, word: str) -> bool:
        """In the word list, or a word Hunspell lists rather than builds from parts:
        Danish Hunspell takes slips such as "begøver" and "knapprene" for compounds."""
        if word.lower() in self._words:
            return True
        return spell_checks(self.dictionary)[1](word)

    def _part(self, part: str) -> bool:
        """A part of a hyphenated word: known here, an acronym, a program, or a word of
        the other language ("swap-enheden", "world-skrivbare", "chmod-systemkald")."""
        if ACRONYM.match(part) or is_command(part) or self._own(part):
            return True
        return self._foreign(part) or self._compound(part)

    def _foreign(self, word: str) -> bool:
        """A word the other language's dictionary knows and people write: a loanword
        glued to a Danish one by a hyphen or an apostrophe needs less evidence."""
        return any(
            frequency(word, lang) >= COMMON and spell_checks(name)[0](word)
            for lang, name in self._others
        )

    def _plausible(self, part: str, common: float = 2.0) -> bool:
        """A compound's part is a word people write: common itself (wordfreq), an
        inflection of a common stem ("indstillingerne" of "indstilling"), or a common
        word after a common head ("filvalg": "fil" + "valg"). Hunspell alone takes
        fragments ("reet", "kontrillen"), and typos made of them."""
        if frequency(part, self.lang) >= common or part.lower() in self._words:
            return True  # common, or the project's own word (its word list)
        for stem in (s.decode("utf-8", "replace") for s in self._hunspell.stem(part)):
            if frequency(stem, self.lang) < common:
                continue
            if len(stem) >= _PART and part.startswith(stem[:-1]):
                return True  # an inflection
            head = part[: -len(stem)] if part.endswith(stem) else ""
            if len(head) >= 3 and frequency(head, self.lang) >= common:
                return True  # a compound Hunspell took apart
        return False

    def _compound(self, word: str) -> bool:
        """A word made of known words: hyphenated parts each known (or an acronym); a
        prefix before a known word ("unselect", "non-UEFI"); a loanword with a Danish
        ending ("matrixet"); or a closed compound of two common words, in Danish joined
        directly or by -s-/-e- ("filvalgsdialog"), in English directly ("foldername")."""
        lower, base, da = word.lower(), apostrophe_base(word), self.lang == "da"
        if base is not None:  # "umask'en", "bit'en", "ATMP'er"
            return self._part(base)
        if self.lang == "en" and regular_plural(lower):
            return self.knows(lower[:-1])  # "refactorings": the dictionary lacks the plural
        if "-" in word:
            parts = [part for part in word.split("-") if part]
            if parts and parts[0].lower() in _PREFIXES.get(self.lang, ()):
                parts = parts[1:]  # "pre-existing", "non-UEFI"
            return date_format(parts) or all(self._part(part) for part in parts)
        # A prefix before a known word; in Danish an English one before a loanword too.
        english = _PREFIXES["en"] if self.lang == "da" else ()
        for prefixes, known in (
            (_PREFIXES.get(self.lang, ()), self._own),
            (english, self._loanword),
        ):
            prefix = next((p for p in prefixes if lower.startswith(p)), "")
            if prefix and len(lower) - len(prefix) >= _PART and known(lower[len(prefix) :]):
                return True  # "unselect", "non-UEFI", "demangling"
        ending = next((e for e in _ENDINGS.get(self.lang, ()) if lower.endswith(e)), "")
        stem = lower[: -len(ending)] if ending else ""
        if len(stem) >= _PART and self._loanword(stem):  # the dictionary may list it bare
            return True
        if derived(lower, self.lang, self._listed, self._loanword if da else self.knows):
            return True  # "hexadecimale", "eksekverbar", "faktorisere"; "initializer"
        links = LINKS if self.lang == "da" else ("",)
        # English writes few closed compounds: both parts must be very common words.
        common = COMMON if self.lang == "da" else 3.5
        # Short tails first: mostly words the trie lists, where long ones take Hunspell.
        for cut in reversed(range(_PART, len(lower) - _PART + 1)):
            tail = lower[cut:]
            suffix = tail in _SUFFIXES.get(self.lang, ())
            if not suffix and (not self._own(tail) or not self._plausible(tail, common)):
                continue
            head = lower[:cut]
            for link in links:
                if head.endswith(link) and len(head) - len(link) >= _PART:
                    stem = head[: len(head) - len(link)] if link else head
                    if self._head(stem, common):
                        return True
        return False

    def _head(self, part: str, common: float) -> bool:
        """A compound's first part: known and plausible, or a loanword ("oktal|værdi")."""
        own = self._own(part) and self._plausible(part, common)
        return own or (self.lang == "da" and self._loanword(part))


@dataclass(frozen=True)
class Spellers:
    """A run's spellers by language, and the languages it cannot check (and why)."""

    by_lang: Mapping[str, Speller]
    missing: Mapping[str, str]

    def get(self, lang: str) -> Speller | None:
        return self.by_lang.get(primary(lang))


_BUILT: dict[object, Spellers] = {}


def spellers(
    languages: tuple[str, ...],
    dictionaries: Mapping[str, str],
    word_lists: Mapping[str, Path],
    names: Collection[str] = (),
) -> Spellers:
    """One speller per project language, built once per process for the same settings
    (a word list's size and time are part of the key: an edit is seen)."""
    stamps = tuple((lang, str(p), *file_stamp(p)) for lang, p in sorted(word_lists.items()))
    key = (languages, tuple(sorted(dictionaries.items())), stamps, frozenset(names))
    if key not in _BUILT:
        _BUILT[key] = _build(languages, dictionaries, word_lists, names)
    return _BUILT[key]


def _build(
    languages: tuple[str, ...],
    dictionaries: Mapping[str, str],
    word_lists: Mapping[str, Path],
    names: Collection[str],
) -> Spellers:
    by_lang: dict[str, Speller] = {}
    missing: dict[str, str] = {}
    for lang in dict.fromkeys(primary(code) for code in languages):
        listed = word_lists.get(lang)
        words = [*names, *(read_word_list(listed) if listed and listed.exists() else [])]
        try:
            by_lang[lang] = Speller(lang, dictionary_name(lang, dictionaries), words)
        except DictionaryMissing as error:
            missing[lang] = str(error)
    for lang, speller in by_lang.items():
        for other, other_speller in by_lang.items():
            if other != lang:
                speller.add_other(other, other_speller.dictionary)
    return Spellers(by_lang, missing)
