"""What technical text writes that no dictionary holds, and a typo never looks like.

Manuals and man pages name programs in lower case ("chmod", "umount", "stdout"), write
shell names of three consonants ("zsh", "pwd"), inflect a program or an English word
with an apostrophe ("umask'en", "bit'en") and join one to a Danish word with a hyphen
("swap-enheden", "chmod-systemkald"). Plain Hunspell raised 56 false alarms per 1,000
words of Danish man pages; these are most of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import cache
from pathlib import Path

from pipeline.languages.edits import one_edit_from, slips_of
from pipeline.languages.evidence import ACRONYM

COMMANDS_FILE = Path(__file__).with_name("data") / "commands.txt"
# Danish endings after an apostrophe ("umask'en", "ATMP'er") and the English genitive.
APOSTROPHE_ENDINGS = ("en", "et", "er", "erne", "ene", "ens", "ets", "s")


@cache
def commands() -> frozenset[str]:
    """Program names as typed at a shell (POSIX, coreutils, util-linux, the shells)."""
    lines = COMMANDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


def is_command(word: str) -> bool:
    """A program name written as it is typed."""
    return word in commands()


_CODE_MARKS = re.compile(r"[/\\\[\]{}=+*|<>@~]|:(?=\S)")


def in_code(text: str, start: int, end: int) -> bool:
    """The word is part of a path, an option's syntax or an address written without
    code marks: "/home/aeb/tel", "[ugoa...][[-+=]", "F:ARoMD"."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return _CODE_MARKS.search(text, start, end) is not None


_EDGE = ".,;:!?()[]»«\"'“”‘’"
_OPTION_OR_IDENTIFIER = re.compile(r"^[-+\[]|[\d_]")
LIST_OF_CODE = 3  # unknown words, options and identifiers in a row: a list of code


def in_lists_of_code(
    text: str,
    view: str,
    spans: list[tuple[int, int]],
    slip: Callable[[str], bool],
    far: Collection[tuple[int, int]] = (),
) -> set[tuple[int, int]]:
    """The unknown words (`spans`) that are code: in a list of LIST_OF_CODE or more
    tokens in a row, each an unknown word (also one `far` from every word), an option,
    a program, an identifier with a digit or underscore, or code the view blanked, two
    of them unknown words (stty's "brkint ignpar istrip icrnl", df's "fstype, itotal,
    iused", GRUB's "i386-xen, mipsel-yeeloong-flash"); a value quoted on its own
    ('wipesync', »noxfer«); a token with a digit ("i386-pc-pxe", "USR1-signal"). A word
    one `slip` from a common word stays a typo ("-c ellwr -h", 'elelr')."""
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    starts = {start for start, _ in spans}
    unknown = starts | {start for start, _ in far}
    flagged = [any(a <= s < b for s in starts) for a, b in tokens]
    words = [any(a <= s < b for s in unknown) for a, b in tokens]
    code = [
        word or _code_token(text[a:b], view[a:b])
        for word, (a, b) in zip(words, tokens, strict=True)
    ]
    dropped: set[tuple[int, int]] = set()
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and code[j]:
            j += 1
        listed = j - i >= LIST_OF_CODE and sum(words[i:j]) >= 2
        for k in range(i, j):
            a, b = tokens[k]
            digit = any(c.isdigit() for c in text[a:b])
            if flagged[k] and (listed or digit or _QUOTED.match(text, a, b)):
                dropped |= {(s, e) for s, e in spans if a <= s < b and not slip(text[s:e])}
        i = max(j, i + 1)
    return dropped


_QUOTED = re.compile(r"[(\[]?(['`\"»«“‘])[\w-]+(['\"»«”’])[.,;:)\]]*$")


def _code_token(token: str, seen: str) -> bool:
    """An option ("-icanon", "[-]hup"), an identifier with a digit or underscore, a program,
    or code the language view blanked."""
    bare = token.strip(_EDGE)
    if not bare:
        return False
    return bool(_OPTION_OR_IDENTIFIER.search(bare)) or is_command(bare) or seen != token


def apostrophe_base(word: str) -> str | None:
    """The word an apostrophe ending inflects ("umask" of "umask'en"), or None."""
    for mark in ("'", "\u2019"):
        base, found, ending = word.rpartition(mark)
        if found and base and ending.lower() in APOSTROPHE_ENDINGS:
            return base
    return None


_HEAD, _TAIL = 3, 4  # the shortest first and last word of `two_words`
TWO_WORDS = _HEAD + _TAIL  # the shortest word `two_words` can take for two


def two_words(word: str, listed: Callable[[str], bool], links: tuple[str, ...]) -> bool:
    """Whether `word` is two words `listed` knows, of three letters or more and four,
    joined directly or by one of `links` ("uddata|formatet", "ind|linjer",
    "sikkerhedskopierings|program"): Hunspell's compounding also takes fragments
    ("corl|utils", "mø|layout"). A word shorter than TWO_WORDS is never two."""
    for cut in range(_HEAD, len(word) - _TAIL + 1):
        head, tail = word[:cut], word[cut:]
        if listed(tail) and any(
            head.endswith(link)
            and len(head) - len(link) >= _HEAD
            and listed(head[: len(head) - len(link)])
            for link in links
        ):
            return True
    return False


SHORT_WORD = 5  # letters: a word this short is near a word by a slip inside it only
LISTED = 1.0  # the Zipf frequency of the rarest words wordfreq lists: a typo is one slip from one


def near_a_word(
    word: str,
    lang: str,
    listed: Callable[[str], bool],
    known: Callable[[str], bool],
    spell: Callable[[str], object],
    part: bool = False,
    own: Collection[str] = (),
) -> bool:
    """A typo is one slip from a word ("udskrvi", "mellemrun"), the word list's too
    ("etranakogene"); a word no slip away from any word the dictionary lists (`listed`:
    Hunspell without compounds, or the lower-case word list `own`) or people write is a
    name or an identifier ("xorriso", "syslinux", "dezaparvovec"), in lists of code and
    in prose alike. Hunspell's compounds (`spell`) count as far as they are two `known`
    words: it takes fragments ("corl|utils", "mø|layout").

    A far word's every slip is looked up, some 600, so Hunspell is asked once a slip:
    what it lists it takes with compounds too, so a slip long enough to be two words is
    asked with compounds first (a slip it rejects is listed only in `own`), and a
    shorter one only whether it is listed."""
    from pipeline.languages.evidence import frequency_table, primary

    table = frequency_table(primary(lang))
    short = len(word) <= SHORT_WORD  # slips inside it only: "atime", "echok" are codes
    slips = slips_of(word.lower(), inner=short, first=not short, part=part)
    if any(table.get(e, 0.0) >= LISTED for e in slips):
        return True  # the frequency table first: a typo's word is mostly there
    links = ("", "s", "e") if primary(lang) == "da" else ("",)
    parts = lambda w: listed(w) or known(w)  # noqa: E731
    for slip in slips:
        if len(slip) < TWO_WORDS:
            if listed(slip):
                return True
        elif spell(slip):
            if listed(slip) or two_words(slip, parts, links):
                return True
        elif slip.lower() in own:
            return True
    return False


def nearest_words(word: str, lang: str, known: Callable[[str], bool], most: int = 3) -> list[str]:
    """The words one slip from `word` that `known` accepts, the commonest first, written
    with its capital: a typo is one slip from the word meant, and that is mostly the
    commonest (the seeded typos' word first 81 % in Danish, 89 % in English, against
    Hunspell's 72 % and 80 %, and in a tenth of the time). Nothing for a word in mixed
    case or with signs ("iPhone", "e-mail"): Hunspell's suggestions serve those. The
    dictionary is asked about the listed slips, commonest first, until `most` are found."""
    lower = word.lower()
    if not lower.isalpha() or word not in (lower, lower.capitalize()):
        return []
    from pipeline.languages.evidence import frequency_table, primary

    table = frequency_table(primary(lang))
    slips = ((table.get(slip, 0.0), slip) for slip in slips_of(lower, first=True))
    spell = str.capitalize if word != lower else str.lower
    found: list[str] = []
    for _, slip in sorted(((z, s) for z, s in slips if z >= LISTED), reverse=True):
        if known(slip) or known(slip.capitalize()):
            found.append(spell(slip))
            if len(found) == most:
                break
    return found


def regular_plural(word: str) -> bool:
    """An English plural made by adding -s to a word that takes it so."""
    return len(word) >= 6 and word.endswith("s") and not word.endswith(("ss", "xs", "zs", "ys"))


def date_format(parts: list[str]) -> bool:
    """A date or time format: "yyyy-mm-dd", "åååå-mm-dd", "hh-mm"."""
    return all(len(set(part.lower())) == 1 for part in parts)


NEAR = 3.0  # the Zipf frequency of a word a slip in a list of code is taken for a typo of


def near_a_common_word(word: str, lang: str) -> bool:
    """One slip from a word of `lang` written at least NEAR often ("ellwr": "eller")."""
    return len(word) >= 5 and word.isalpha() and one_edit_from(word.lower(), lang, NEAR, True)


RECURRING = 3  # an unknown word written this often in a project is one of its terms
ALWAYS_A_TERM = 5  # and this often, even one slip from another word: typos do not repeat


def project_terms(unknown: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], int]:
    """The words of a project's unknown (language, word, first suggestion) occurrences
    that are its terms, with their counts: written at least RECURRING times, and not one
    slip from the word Hunspell suggests (a typo is rare, and close to a word)."""
    unknown = list(unknown)  # read twice
    counts = _with_forms(Counter((lang, word) for lang, word, _ in unknown))
    suggested = {(lang, word): first for lang, word, first in unknown}
    return {
        key: count
        for key, count in counts.items()
        if count >= ALWAYS_A_TERM or (count >= RECURRING and not is_slip(key[1], suggested[key]))
    }


def in_two_languages(unknown: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The words of a project's unknown (language, word) occurrences, those reported and
    those taken for names, that it writes the same way in another of its languages too,
    with their counts: a program, a name or a term ("soname", "troff" in a Danish man
    page and its English original, "rusers" and "rusers-forespørgslen"); a typo is made
    in one language."""
    counts = Counter(unknown)
    written: dict[str, set[str]] = {}
    for lang, word in counts:
        lower = word.lower()
        for form in {lower, *(part for part in lower.split("-") if len(part) >= 4)}:
            written.setdefault(form, set()).add(lang)
    return {key: n for key, n in counts.items() if written[key[1].lower()] - {key[0]}}


_FORMS = ("e", "s", "t", "n", "r", "en", "et", "er", "ne", "es", "ed", "ene", "ens", "ets")


def _with_forms(counts: Counter[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Each word's count with its other spellings' in case and inflection: "Forvalgt"
    (3), "forvalgt" (4), "forvalgte" (2) are one term written nine times."""
    by_form: Counter[tuple[str, str]] = Counter()
    for (lang, word), count in counts.items():
        by_form[lang, word.lower()] += count
    totals = {}
    for lang, word in counts:
        lower = word.lower()
        forms = {lower, *(lower + e for e in _FORMS)}
        forms |= {lower[: -len(e)] for e in _FORMS if lower.endswith(e) and len(lower) > len(e) + 3}
        totals[lang, word] = sum(by_form.get((lang, form), 0) for form in forms)
    return totals


def built_on_a_term(word: str, terms: Iterable[str]) -> bool:
    """A compound or inflection of one of the project's terms: "mappeiknude",
    "iknudeliste", "mappe-iknuden" of "iknude". The term starts the word, ends it (an
    ending of up to three letters after it), or stands beside a hyphen."""
    lower = word.lower()
    for term in (t.lower() for t in terms if len(t) >= 4):
        at = lower.find(term)
        if at < 0:
            continue
        end = at + len(term)
        if at == 0 or len(lower) - end <= 3 or lower[at - 1] == "-" or lower[end : end + 1] == "-":
            return True
    return False


def is_slip(word: str, suggested: str) -> bool:
    """One slip from the suggestion, in a word long enough for that to mean something
    ("ugo" is one slip from many words, as every short code is). Two words for one
    ("size of" for "sizeof") is how an identifier is suggested, not a slip."""
    if " " in suggested or len(word) < 5:
        return False
    return one_slip(word.lower(), suggested.lower())


def one_slip(word: str, other: str) -> bool:
    """Damerau-Levenshtein distance at most 1."""
    if not other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1
        a, b = diff[:2] if swapped else (0, 0)
        return len(diff) <= 1 or (swapped and word[a] == other[b] and word[b] == other[a])
    longer, shorter = (word, other) if len(word) > len(other) else (other, word)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


# Danish endings on an English technical word spelt the Danish way ("oktalt", "skriptet").
_DANISH_ENDINGS = ("erne", "ene", "en", "et", "er", "e", "t", "s", "")


def danish_spellings_of_english(word: str) -> list[str]:
    """The English words a Danish spelling may stand for: "k" written for "c" and a
    Danish ending ("oktale" → "octal", "skript" → "script", "deskriptoren" →
    "descriptor")."""
    forms = []
    for ending in _DANISH_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)] if ending else word
        if len(stem) >= 4 and "k" in stem:
            forms.append(stem.replace("k", "c"))
    return forms


_OPTION = re.compile(r"--?[A-Za-z][\w-]*")
_DEFINED = re.compile(r"\s+[\"'»“%A-ZÆØÅ]")  # the tag's definition begins: "newc The new …"


def option_value_or_tag(text: str, start: int, end: int) -> bool:
    """A short word given to an option ("-H odc", "--format ustar"), or the short
    lower-case term a man page's tagged paragraph opens with and defines ("newc The new
    (SVR4) portable format", "crc Det nye …", 'xdev "%s: …'): a value or a name, not
    prose. A longer word after an option is prose ("-t flagene tager")."""
    if end - start > SHORT_WORD or (start and not text[start - 1].isspace()):
        return False
    before = text[:start].split()
    if before:
        return _OPTION.fullmatch(before[-1]) is not None
    return text[start:end].islower() and _DEFINED.match(text, end) is not None


_DIGIT = re.compile(r"\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"'»«(\u201c*_]\s*)$")


def name_or_code(word: str, view: str, start: int) -> bool:
    """Numbers, acronyms (also inflected: "BIOS'en"), and capitalised words inside a
    sentence (names) are not checked."""
    if _DIGIT.search(word) or ACRONYM.match(word):
        return True
    return word[:1].isupper() and not _SENTENCE_START.search(view[max(0, start - 4) : start])


def is_a_name(word: str, text: str, knows: Callable[[str], bool], lang: str) -> bool:
    """An unknown word that is a name by its looks or its links: in English an acronym
    with an ending ("CVEs"; Danish writes "URL'en", so "URLen" is reported); a capital
    letter before a known word ("CMake", "CPython", "KPresenter-præsentation"; not
    "påOpret", a lost space, nor "IIndsæt", a doubled letter); or in an address the
    text links to ("[deepset](https://www.deepset.ai)", "Ofek Lev [site](https://ofek.dev)")."""
    if lang == "en" and _ACRONYM_WITH_ENDING.fullmatch(word):
        return True
    for part in word.split("-"):
        pieces = _CAMEL_PIECE.findall(part) if _LETTER_BEFORE_A_WORD.match(part) else []
        if len(pieces) < 2 or pieces[1].startswith(pieces[0]):
            continue
        if all(piece.isupper() or knows(piece) for piece in pieces[1:]):
            return True
    if "/" not in text and "mailto:" not in text:
        return False
    lower = word.lower()
    return any(lower in found.group().lower() for found in _ADDRESS.finditer(text))


_ACRONYM_WITH_ENDING = re.compile(r"[A-Z]{2,}[a-z]{1,3}")
# One capital before a capitalised word: "CMake"; not "URLen" (Danish: "URL'en").
_LETTER_BEFORE_A_WORD = re.compile(r"[A-Z][A-Z][a-z]")
_CAMEL_PIECE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[^\W\dA-Z_]+|[A-Z]+")
_ADDRESS = re.compile(r"\]\([^)\s]+|(?:https?://|mailto:)[^\s)>\]]+")
