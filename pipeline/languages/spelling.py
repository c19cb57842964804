"""Spelling with Hunspell dictionaries, knowing what a spell checker for our texts must know.

A plain Hunspell run over Danish documentation raises 16 false alarms per 1,000 words:
compounds, inflected acronyms, names, code, English loanwords. So a word is unknown only
when none of these accepts it:

- the language's Hunspell dictionary (Debian's hunspell-da, hunspell-en-us or -en-gb),
  read through pyhunspell built on Debian's libhunspell: 13,000 Danish words a second
  where chunspell, whose wheel brings its own slower build of the library, does 2,800;
- the project's word list for the language, and the glossary's terms in every
  inflection (the caller leaves out the words of term hits and names);
- acronyms and their Danish inflections (`BIOS'en`, `ATMP'er`), numbers, code, file
  names and addresses, which language_view blanks out;
- a word the other project language's dictionary knows (a loanword, "screening");
- a Danish compound of known words ("filvalgsdialog", "DHCP-serveren"), whose parts are
  at least four letters so that a typo rarely splits into two words.

Capitalised words inside a sentence are taken for names and not checked.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.languages.evidence import ACRONYM, WORD, frequency, language_view, primary
from pipeline.project import memo
from pipeline.project.files import read_text

# Where Debian's hunspell-* packages put their dictionaries; PIPELINE_DICTIONARIES
# (folders separated by ':') is searched first.
DICTIONARY_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
DEFAULT_DICTIONARIES = {"da": "da_DK", "en": "en_US"}
PACKAGES = {"da_DK": "hunspell-da", "en_US": "hunspell-en-us", "en_GB": "hunspell-en-gb"}
_PART = 4  # the shortest part of a compound we accept
COMMON = 2.0  # the Zipf frequency (wordfreq) of a word people write: a compound's part
LOANWORD = 3.0  # the Zipf frequency in the other language of a loanword we accept
_LINKS = ("", "s", "e")  # Danish joins compound parts directly, or with -s- or -e-
_PREFIXES = {"en": ("un", "re", "pre", "non", "sub", "multi", "co"), "da": ("u",)}
# Danish endings on a loanword or term the dictionaries know bare ("matrixet", "diaset").
_ENDINGS = {"da": ("erne", "ene", "ets", "ens", "en", "et", "er", "s")}
_DIGIT = re.compile(r"\d")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")  # the script of our dictionaries
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"'»«(\u201c*_]\s*)$")


@dataclass(frozen=True, slots=True)
class Misspelling:
    """Characters start:end of a text are a word no dictionary or list knows."""

    start: int
    end: int
    word: str


class DictionaryMissing(LookupError):
    """No Hunspell dictionary for a language: the check says so instead of passing."""


def dictionary_path(name: str) -> Path | None:
    """The .dic file of dictionary `name` (da_DK), from PIPELINE_DICTIONARIES or Debian's
    folders."""
    extra = [p for p in os.environ.get("PIPELINE_DICTIONARIES", "").split(":") if p]
    for folder in (*extra, *DICTIONARY_FOLDERS):
        path = Path(folder) / f"{name}.dic"
        if path.is_file() and path.with_suffix(".aff").is_file():
            return path
    return None


def dictionary_name(lang: str, chosen: Mapping[str, str]) -> str:
    """The dictionary for `lang`: the project's choice (`en = "en_GB"`), else the default."""
    code = primary(lang)
    return chosen.get(lang) or chosen.get(code) or DEFAULT_DICTIONARIES.get(code, lang)


class Speller:
    """One language's dictionary, the project's words, and the other languages' dictionaries."""

    def __init__(self, lang: str, dictionary: str, words: Collection[str] = ()) -> None:
        _installed(dictionary)  # a missing dictionary is said now, not at the first word
        self.lang = primary(lang)
        self.dictionary = dictionary
        self._words = {word.lower() for word in words}
        self._others: list[tuple[str, str]] = []  # (language, dictionary)
        self._table: dict[str, bool] | None = None
        self._suggested: dict[str, tuple[str, ...]] = {}

    def add_other(self, lang: str, dictionary: str) -> None:
        """Accept the common words of another project language: loanwords."""
        self._others.append((primary(lang), dictionary))
        self._table = None

    @property
    def _hunspell(self) -> Any:
        return _hunspell(self.dictionary)  # loaded on the first word no table knows

    @property
    def _known(self) -> dict[str, bool]:
        """What this speller said of each word, kept in the cache folder: a re-check of
        an edit in words seen before loads no dictionary (a quarter of a second)."""
        if self._table is None:
            dictionaries = [self.dictionary, *(name for _, name in self._others)]
            files = [p for name in dictionaries if (p := dictionary_path(name))]
            stamps = [_stamp(f) for path in files for f in (path, path.with_suffix(".aff"))]
            version = memo.digest(
                memo.code_version(), self.lang, repr(self._others), repr(stamps),
                "\n".join(sorted(self._words)),
            )  # fmt: skip
            self._table = memo.table(f"spelling-words-{self.lang}", version)
        return self._table

    def misspellings(self, text: str, skip: Collection[tuple[int, int]] = ()) -> list[Misspelling]:
        """Unknown words of inline-Markdown `text`, except inside the `skip` ranges."""
        view = language_view(text)
        found = []
        known = self._known
        for match in WORD.finditer(view):
            word = match.group()
            if known.get(word):
                continue  # most words: known, and seen before in this run
            start, end = match.span()
            if skip and any(a <= start < b for a, b in skip):
                continue
            if _name_or_code(word, view, start) or self.knows(word):
                continue
            if len(word) <= 5 and view[end : end + 1] == "." and self.knows(word + "."):
                continue  # an abbreviation: "dvs.", "inkl." (Hunspell takes any word + ".")
            if (start and view[start - 1].isdigit()) or view[end : end + 1].isdigit():
                continue  # "2nd", "10x", "IPv6"
            if len(word) == 1 or not _LATIN_LETTER.search(word):
                continue  # a letter on its own ("á", a variable), or Chinese, Greek…
            found.append(Misspelling(start, end, word))
        return found

    def knows(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._spelled(word) or self._compound(word)
        return known

    def suggestions(self, word: str, most: int = 3) -> tuple[str, ...]:
        """Hunspell's suggestions, best first (the other languages' when it has none)."""
        suggested = self._suggested.get(word)
        if suggested is None:
            names = (self.dictionary, *(name for _, name in self._others))
            found: list[str] = next(
                (s for name in names if (s := _suggester(name).suggest(word))), []
            )
            suggested = self._suggested[word] = tuple(s for s in found if s != word)
        return suggested[:most]

    def _spelled(self, word: str) -> bool:
        return self._own(word) or self._loanword(word)

    def _loanword(self, word: str) -> bool:
        """A common word of the other language ("screening", "software" in Danish): the
        other dictionary knows it and wordfreq finds it often there. English text takes
        no Danish loanwords: a Danish dictionary knows too many short words ("gren",
        "tavle") that are English typos."""
        return self.lang != "en" and any(
            frequency(word, lang) >= LOANWORD and _hunspell(name).spell(word)
            for lang, name in self._others
        )

    def _own(self, word: str) -> bool:
        """Known in this language: its dictionary or the project's word list."""
        return word.lower() in self._words or bool(self._hunspell.spell(word))

    def _part(self, part: str) -> bool:
        return bool(ACRONYM.match(part)) or self._own(part) or self._compound(part)

    def _plausible(self, part: str, common: float = 2.0) -> bool:
        """A compound's part is a word people write: common itself (wordfreq), an
        inflection of a common stem ("indstillingerne" of "indstilling"), or a common
        word after a common head ("filvalg": "fil" + "valg"). Hunspell alone takes
        fragments ("reet", "kontrillen"), and typos made of them."""
        if frequency(part, self.lang) >= common:
            return True
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
        lower = word.lower()
        if "-" in word:
            parts = [part for part in word.split("-") if part]
            if parts and parts[0].lower() in _PREFIXES.get(self.lang, ()):
                parts = parts[1:]  # "pre-existing", "non-UEFI"
            return _format(parts) or all(self._part(part) for part in parts)
        prefix = next((p for p in _PREFIXES.get(self.lang, ()) if lower.startswith(p)), "")
        if prefix and len(lower) - len(prefix) >= _PART and self._own(lower[len(prefix) :]):
            return True
        ending = next((e for e in _ENDINGS.get(self.lang, ()) if lower.endswith(e)), "")
        stem = lower[: -len(ending)] if ending else ""
        if len(stem) >= _PART and not self._own(stem) and self._loanword(stem):
            return True
        links = _LINKS if self.lang == "da" else ("",)
        # English writes few closed compounds: both parts must be very common words.
        common = COMMON if self.lang == "da" else 3.5
        for cut in range(_PART, len(lower) - _PART + 1):
            tail = lower[cut:]
            if not self._own(tail) or not self._plausible(tail, common):
                continue
            head = lower[:cut]
            for link in links:
                if head.endswith(link) and len(head) - len(link) >= _PART:
                    stem = head[: len(head) - len(link)] if link else head
                    if self._own(stem) and self._plausible(stem, common):
                        return True
        return False


def _format(parts: list[str]) -> bool:
    """A date or time format: "yyyy-mm-dd", "åååå-mm-dd", "hh-mm"."""
    return all(len(set(part.lower())) == 1 for part in parts)


def _name_or_code(word: str, view: str, start: int) -> bool:
    """Numbers, acronyms (also inflected: "BIOS'en"), and capitalised words inside a
    sentence (names) are not checked."""
    if _DIGIT.search(word) or ACRONYM.match(word):
        return True
    return word[:1].isupper() and not _SENTENCE_START.search(view[max(0, start - 4) : start])


def missing_dictionary(name: str) -> str | None:
    """What to say when dictionary `name` is not installed, or None when it is."""
    if dictionary_path(name) is not None:
        return None
    package = PACKAGES.get(name, "its Hunspell dictionary package")
    return (
        f"no Hunspell dictionary {name} in {', '.join(DICTIONARY_FOLDERS)} "
        f"(install {package}, or set PIPELINE_DICTIONARIES)"
    )


def _installed(name: str) -> Path:
    """The .dic file of dictionary `name`; DictionaryMissing when it is not installed."""
    path = dictionary_path(name)
    if path is None:
        raise DictionaryMissing(missing_dictionary(name))
    return path


@cache
def _hunspell(name: str) -> Any:
    path = _installed(name)
    from hunspell import HunSpell  # type: ignore[import-not-found]

    return HunSpell(str(path), str(path.with_suffix(".aff")))


@cache
def _suggester(name: str) -> Any:
    """Dictionary `name` made quick at suggesting. Hunspell took 0.11 s to suggest for a
    Danish word (0.04 s English): most of it the n-gram search through the whole
    dictionary, the table of accented letters (MAP) and trying ~100 characters (TRY).
    Without them, on 300 seeded typos, the right word came first as often (da 72 %, en
    80 %) and in the top three as often (85 %, 93 %), at 7 ms and 0.5 ms a word."""
    path = _installed(name)
    affix = path.with_suffix(".aff").read_bytes()
    found = re.search(rb"^SET\s+(\S+)", affix, re.MULTILINE)
    encoding = found.group(1).decode("ascii") if found else "iso-8859-1"
    text = _quick_affix(affix.decode(encoding, "surrogateescape"))
    from hunspell import HunSpell

    handle, quick = tempfile.mkstemp(suffix=".aff")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode(encoding, "surrogateescape"))
        return HunSpell(str(path), quick)  # read now: the file can go
    finally:
        Path(quick).unlink()


def _quick_affix(text: str) -> str:
    text = re.sub(r"^(?:MAP|MAXNGRAMSUGS|MAXCPDSUGS)\b.*\n?", "", text, flags=re.MULTILINE)
    tried = re.search(r"^TRY\s+(\S+)", text, re.MULTILINE)
    if tried:  # TRY lists the commonest characters first
        letters = [c for c in tried.group(1) if c.islower()][:26]
        marks = [c for c in tried.group(1) if c in "-'"]
        text = text.replace(tried.group(0), "TRY " + "".join(letters + marks), 1)
    return text.rstrip("\n") + "\nMAXNGRAMSUGS 0\nMAXCPDSUGS 0\n"


def read_word_list(path: Path) -> list[str]:
    """A word list: one word a line; blank lines and `#` comments are skipped."""
    lines = read_text(path, str(path)).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


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
    stamps = tuple((lang, str(path), *_stamp(path)) for lang, path in sorted(word_lists.items()))
    key = (languages, tuple(sorted(dictionaries.items())), stamps, frozenset(names))
    if key not in _BUILT:
        _BUILT[key] = _build(languages, dictionaries, word_lists, names)
    return _BUILT[key]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return stat.st_size, stat.st_mtime_ns


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
