"""spelling/unknown-word on real published text, against plain Hunspell on the same text.

300 paragraphs each of the Danish and the English LibreOffice help (`*_paragraphs.toml`).

- False alarms: findings on the paragraphs as published, per 1,000 words.
- Recall: one realistic typo seeded per paragraph (a letter dropped, doubled, swapped
  with its neighbour or replaced by a key beside it) in a word of five letters or more
  that the dictionary knows; found when a finding covers it.
- Speed: words per second of checking, in one process, once the dictionaries are loaded.
- Suggestions: how often the word meant is the first of them, or in the top three.

Run: python -m tests.spelling.evaluation [--show]
     python -m tests.spelling.evaluation --manuals [--tune | --heldout2 | --heldout3] [--show]
     (technical documentation, #29: all rows, the tuning half, or a later held-out set)
     python -m tests.spelling.evaluation --manuals --heldout4 | --heldout5
     (the fourth and fifth held-out sets, which no other row includes: run them only to
     measure)
"""

from __future__ import annotations

import functools
import random
import re
import sys
import time
import tomllib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from pipeline.languages.project_slips import (
    of_written_words,
    slips_of_project_words,
    word_counts,
)
from pipeline.languages.spelling import Speller, spellers
from pipeline.languages.technical import in_two_languages, project_terms

HERE = Path(__file__).parent
LANGUAGES = ("da", "en")

_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_KEYS = ("qwertyuiopå", "asdfghjklæø", "zxcvbnm")
# Words flagged in the paragraphs as published that are real misspellings (read by a
# Danish speaker): findings, not false alarms. "moduker" is "moduler", "arkes" "arkets".
PUBLISHED_ERRORS = {
    "da": {
        "nøvendigt",
        "afkrydsningfeltet",
        "moduker",
        "dikumentet",
        "skrifttypeattributer",
        "kompabilitet",
        "begræninger",
        "udstrykkes",
        "arkes",
    },
    "en": set(),
}


def paragraphs(lang: str) -> list[str]:
    data = tomllib.loads((HERE / f"{lang}_paragraphs.toml").read_text(encoding="utf-8"))
    return [entry["text"] for entry in data["paragraph"]]


def speller(lang: str) -> Speller:
    found = spellers(LANGUAGES, {"da": "da_DK", "en": "en_US"}, {}).get(lang)
    assert found is not None, f"no dictionary for {lang}: install hunspell-{lang}"
    return found


Check = Callable[[str], list[tuple[int, int]]]


def ours(lang: str) -> Check:
    checker = speller(lang)
    return lambda text: [(m.start, m.end) for m in checker.misspellings(text)]


def plain(lang: str) -> Check:
    """Hunspell alone: every word its dictionary does not accept."""
    hunspell = speller(lang)._hunspell
    return lambda text: [
        m.span() for m in _PLAIN_WORD.finditer(text) if not hunspell.spell(m.group())
    ]


@dataclass(frozen=True)
class Seeded:
    text: str
    start: int
    end: int
    original: str


def seeded(lang: str, texts: list[str]) -> list[Seeded]:
    """One typo a paragraph, in a word the dictionary knows (fixed random seed)."""
    rng = random.Random(18)
    hunspell = speller(lang)._hunspell
    found = []
    for text in texts:
        words = [
            m for m in _PLAIN_WORD.finditer(text)
            if len(m.group()) >= 5 and m.group().islower() and hunspell.spell(m.group())
        ]  # fmt: skip
        if not words:
            continue
        word = rng.choice(words)
        typo = _typo(word.group(), rng)
        found.append(Seeded(text[: word.start()] + typo + text[word.end() :], word.start(),
                            word.start() + len(typo), word.group()))  # fmt: skip
    return found


def _typo(word: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap", "key"))
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    if kind == "swap" and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    row = next((r for r in _KEYS if word[at] in r), None)
    if row is None:
        return word[:at] + word[at + 1 :]
    index = row.index(word[at])
    near = row[index - 1] if index else row[index + 1]
    return word[:at] + near + word[at + 1 :]


@dataclass
class Score:
    recall: float
    false_alarms: float  # per 1,000 words
    words_per_second: float
    published_errors: int = 0  # real misspellings found in the text as published


def evaluate(lang: str, make: Callable[[str], Check], show: bool = False) -> Score:
    check = make(lang)
    texts = paragraphs(lang)
    check(texts[0])  # dictionaries loaded before the clock starts
    return _scored(check, texts, seeded(lang, texts), PUBLISHED_ERRORS[lang], show)


def _scored(
    check: Check,
    texts: list[str],
    typos: list[Seeded],
    errors: Collection[str],
    show: bool,
    terms: Callable[[list[tuple[str, tuple[int, int]]]], set[str]] | None = None,
) -> Score:
    """Recall on the seeded typos, false alarms per 1,000 words (the text's real typos
    aside), speed; `terms` takes what a project run would take as its terms."""
    words = sum(len(_PLAIN_WORD.findall(text)) for text in texts)
    began = time.perf_counter()
    flagged = [(text, span) for text in texts for span in check(text)]
    speed = words / (time.perf_counter() - began)
    taken = terms(flagged) if terms else set()
    flagged = [(text, (a, b)) for text, (a, b) in flagged if text[a:b] not in taken]
    alarms = [(text, (a, b)) for text, (a, b) in flagged if text[a:b] not in errors]
    found = [
        t for t in typos
        if any(a < t.end and t.start < b and t.text[a:b] not in taken for a, b in check(t.text))
    ]  # fmt: skip
    if show:
        for text, (a, b) in alarms:
            print(f"  false alarm: {text[a:b]!r}")
        for typo in typos:
            if typo not in found:
                print(f"  missed: {typo.text[typo.start : typo.end]!r} for {typo.original!r}")
    found_errors = len(flagged) - len(alarms)
    return Score(len(found) / len(typos), 1000 * len(alarms) / words, speed, found_errors)


# The technical-documentation sets: the first (tune and held-out), the second and the third
# tuning sets (all `tune`).
MANUALS_FILES = ("{lang}_manuals.toml", "{lang}_manuals_tune.toml", "{lang}_manuals_tune3.toml")
# The second held-out set: text no tuning set uses, all `held-out` (MANUALS.md).
HELDOUT2_FILES = ("{lang}_manuals_heldout2.toml",)
# The third held-out set, made when the second had been measured and then tuned on.
HELDOUT3_FILES = ("{lang}_manuals_heldout3.toml",)
# The fourth, made by someone who does not tune when the third was about to be tuned on;
# no default row reads it (--heldout4 only).
HELDOUT4_FILES = ("{lang}_manuals_heldout4.toml",)
# The fifth, made by someone who does not tune when the fourth was about to be tuned on.
HELDOUT5_FILES = ("{lang}_manuals_heldout5.toml",)
HELDOUT6_FILES = ("{lang}_manuals_heldout6.toml",)
HELDOUT7_FILES = ("{lang}_manuals_heldout7.toml",)
HELDOUT8_FILES = ("{lang}_manuals_heldout8.toml",)


def manuals(
    lang: str, split: str | None = None, files: tuple[str, ...] = MANUALS_FILES
) -> tuple[list[str], list[Seeded], set[str]]:
    """The technical-documentation sets (#29, `MANUALS_FILES`, see MANUALS.md): their
    paragraphs, their seeded typos as recorded, and the real typos they were published with;
    `split` ("tune" or "held-out") keeps that part only, `files` those sets only."""
    texts: list[str] = []
    typos: list[Seeded] = []
    errors: set[str] = set()
    for name in files:
        data = tomllib.loads((HERE / name.format(lang=lang)).read_text(encoding="utf-8"))
        chosen = [i for i, p in enumerate(data["paragraph"]) if split in (None, p["split"])]
        texts += [data["paragraph"][i]["text"] for i in chosen]
        for entry in data["seeded"]:
            if entry["paragraph"] in chosen:
                text, start = data["paragraph"][entry["paragraph"]]["text"], entry["start"]
                end = start + len(entry["original"])
                typos.append(Seeded(text[:start] + entry["typo"] + text[end:], start,
                                    start + len(entry["typo"]), entry["original"]))  # fmt: skip
        if chosen:
            errors |= {entry["word"] for entry in data.get("published", [])}
    return texts, typos, errors


def evaluate_manuals(
    lang: str,
    make: Callable[[str], Check],
    split: str | None = None,
    show: bool = False,
    files: tuple[str, ...] = MANUALS_FILES,
) -> Score:
    """As `evaluate`, on the technical-documentation sets and their recorded typos. Our
    checker sees the sets as one project: words it writes again and again are its terms
    (`take_terms` in a check run)."""
    texts, typos, errors = manuals(lang, split, files)
    terms = None
    check = make(lang)
    if make is ours:  # the project holds the same documents in its other language
        written = [
            (other, miss.word)
            for other in LANGUAGES if other != lang
            for text in manuals(other, split, files)[0]
            for miss in speller(other).misspellings(text, names=True) if not miss.built
        ]  # fmt: skip
        terms = functools.partial(_project_terms, lang, written)
        check = _in_project(lang, texts, typos)
    return _scored(check, texts, typos, errors, show, terms)


def _in_project(lang: str, texts: list[str], typos: list[Seeded]) -> Check:
    """Our checker as a run sees a text of the project `texts`: with the slips of the
    project's words (`take_terms`); a seeded typo's text stands in for its paragraph."""
    checker = speller(lang)
    clean = word_counts((lang, text) for text in texts)
    meant = {t.text: t.text[: t.start] + t.original + t.text[t.end :] for t in typos}

    def check(text: str) -> list[tuple[int, int]]:
        written = clean
        if text in meant:
            written = clean - word_counts([(lang, meant[text])]) + word_counts([(lang, text)])
        misses = checker.misspellings(text, names=True)
        hidden = [(lang, m.word) for m in misses if m.name or m.built]
        shown = [m for m in misses if not (m.name or m.built)]
        made = [(lang, m.word) for m in shown if of_written_words(lang, m.word, written, knows)]
        slips = slips_of_project_words([*hidden, *made], written, knows)
        terms = set(made) - slips.keys()  # made of the project's words: its terms
        found = [m for m in shown if (lang, m.word) not in terms]
        return [(m.start, m.end) for m in misses if m in found or (lang, m.word) in slips]

    def knows(_: str, word: str) -> bool:
        return checker.knows(word)

    return check


def _project_terms(
    lang: str, written: list[tuple[str, str]], flagged: list[tuple[str, tuple[int, int]]]
) -> set[str]:
    """What take_terms takes as terms: words written again and again, and words the
    other language's texts write too (`written`: unknown there, or taken for names)."""
    checker = speller(lang)
    occurrences = []
    for text, (a, b) in flagged:
        suggested = checker.suggestions(text[a:b])
        occurrences.append((lang, text[a:b], suggested[0] if suggested else ""))
    unknown = [(lang, word) for _, word, _ in occurrences]
    both = in_two_languages([*unknown, *written])
    return {word for _, word in project_terms(occurrences)} | {word for _, word in both}


@dataclass
class Suggested:
    first: float  # share of seeded typos whose first suggestion is the original word
    top_three: float
    ms_per_word: float


def suggestion_score(lang: str, quick: bool = False) -> Suggested:
    """How often the suggestions for the seeded typos name the word that was meant
    (`quick`: the known words one slip away first, as reported words get them)."""
    checker = speller(lang)
    typos = seeded(lang, paragraphs(lang))
    checker.suggestions("qxzyt")  # the suggester is loaded before the clock starts
    began = time.perf_counter()
    suggested = [(t, checker.suggestions(t.text[t.start : t.end], quick=quick)) for t in typos]
    seconds = time.perf_counter() - began
    first = sum(1 for t, found in suggested if found[:1] == (t.original,))
    top_three = sum(1 for t, found in suggested if t.original in found)
    return Suggested(first / len(typos), top_three / len(typos), 1000 * seconds / len(typos))


# Rows of --manuals: (label, split, files); "held-out 2" and "held-out 3" are the later
# held-out sets.
ManualsRow = tuple[str, str | None, tuple[str, ...]]
MANUALS_ROWS: tuple[ManualsRow, ...] = (
    ("all", None, MANUALS_FILES),
    ("tune", "tune", MANUALS_FILES),
    ("held-out", "held-out", MANUALS_FILES),
    ("held-out 2", "held-out", HELDOUT2_FILES),
    ("held-out 3", "held-out", HELDOUT3_FILES),
)
HELDOUT4_ROW: ManualsRow = ("held-out 4", "held-out", HELDOUT4_FILES)
HELDOUT5_ROW: ManualsRow = ("held-out 5", "held-out", HELDOUT5_FILES)
HELDOUT6_ROW: ManualsRow = ("held-out 6", "held-out", HELDOUT6_FILES)
HELDOUT7_ROW: ManualsRow = ("held-out 7", "held-out", HELDOUT7_FILES)
HELDOUT8_ROW: ManualsRow = ("held-out 8", "held-out", HELDOUT8_FILES)


def main_manuals(show: bool, rows: tuple[ManualsRow, ...]) -> None:
    print(f"{'checker':32} {'typos found':>11} {'false alarms/1000':>18} {'real typos found':>17}")
    for lang in LANGUAGES:
        for label, split, files in rows:
            for name, make in (("ours", ours), ("plain Hunspell", plain)):
                score = evaluate_manuals(lang, make, split, show and name == "ours", files)
                row = f"{name} ({lang}, {label})"
                print(f"{row:32} {score.recall:11.1%} {score.false_alarms:18.1f} "
                      f"{score.published_errors:17}")  # fmt: skip


def main() -> None:
    show = "--show" in sys.argv
    if "--manuals" in sys.argv:
        # --tune looks at the tuning half only: what a rule is tuned on is not a measurement;
        # --heldout2 … --heldout8 at that held-out set only; the fourth to the eighth are
        # in no row unless asked for.
        chosen = {"--tune": "tune", "--heldout2": "held-out 2", "--heldout3": "held-out 3",
                  "--heldout4": "held-out 4", "--heldout5": "held-out 5",
                  "--heldout6": "held-out 6", "--heldout7": "held-out 7",
                  "--heldout8": "held-out 8"}  # fmt: skip
        picked = [label for flag, label in chosen.items() if flag in sys.argv]
        every = (*MANUALS_ROWS, HELDOUT4_ROW, HELDOUT5_ROW, HELDOUT6_ROW, HELDOUT7_ROW)
        every += (HELDOUT8_ROW,)
        main_manuals(show, tuple(r for r in every if r[0] in picked) if picked else MANUALS_ROWS)
        return
    print(
        f"{'checker':24} {'typos found':>11} {'false alarms/1000':>18} {'words/s':>9} "
        f"{'published errors found':>23}"
    )
    for lang in LANGUAGES:
        for name, make in (("ours", ours), ("plain Hunspell", plain)):
            score = evaluate(lang, make, show=show and name == "ours")
            print(
                f"{name + ' (' + lang + ')':24} {score.recall:11.1%} "
                f"{score.false_alarms:18.1f} {score.words_per_second:9.0f} "
                f"{score.published_errors:23}"
            )
    for lang in LANGUAGES:
        for quick, name in ((False, "Hunspell's"), (True, "quick")):
            suggested = suggestion_score(lang, quick)
            print(
                f"{name} suggestions ({lang}): the meant word first {suggested.first:.0%}, in "
                f"the top three {suggested.top_three:.0%}, {suggested.ms_per_word:.1f} ms a word"
            )


if __name__ == "__main__":
    main()
