"""`pipeline words`: the words spelling/unknown-word reports, and the word lists they grow.

A project that adopts the spelling check starts with many unknown words: names of
medicines, product names, its own terms. Listing them by language and count, and adding
them to the word lists in one step, lets a reviewer prune a list instead of a report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.checks.findings import counted
from pipeline.checks.spelling import spelling_settings
from pipeline.languages.dictionaries import read_word_list
from pipeline.languages.technical import is_slip
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, write_atomic
from pipeline.stages.check import check_project

RULE = "spelling/unknown-word"
HEADER = "# Added by `pipeline words --add`: keep the right words, fix the typos in the text."


@dataclass(frozen=True, slots=True)
class UnknownWord:
    """A word spelling does not know, and how likely it is a term rather than a typo."""

    lang: str
    word: str
    count: int
    likely: str  # "term": the project writes it again and again; "typo": one slip from
    # the word Hunspell suggests; "unsure": neither
    suggestion: str = ""


def unknown_words(config: Config) -> list[UnknownWord]:
    """The project's unknown words, terms first, then the unsure, then likely typos,
    each by how often the project writes it."""
    result = check_project(config)
    counts: Counter[tuple[str, str]] = Counter(result.coverage.terms)
    suggested: dict[tuple[str, str], str] = {}
    for finding in result.findings:
        if finding.rule == RULE:
            key = (finding.data["lang"], finding.data["word"])
            counts[key] += 1
            suggested[key] = finding.fix or ""
    rows = [
        UnknownWord(
            lang,
            word,
            count,
            _likely((lang, word), result.coverage.terms, suggested),
            suggested.get((lang, word), ""),
        )
        for (lang, word), count in counts.items()
    ]
    order = {"term": 0, "unsure": 1, "typo": 2}
    return sorted(rows, key=lambda row: (row.lang, order[row.likely], -row.count, row.word.lower()))


def summary(rows: list[UnknownWord]) -> str:
    """ "words: 3 unknown words in 1 language"."""
    languages = len({row.lang for row in rows})
    return f"words: {counted(len(rows), 'unknown word')} in {counted(languages, 'language')}"


def _likely(
    key: tuple[str, str], terms: dict[tuple[str, str], int], suggested: dict[tuple[str, str], str]
) -> str:
    if key in terms:
        return "term"
    return "typo" if is_slip(key[1], suggested.get(key, "")) else "unsure"


def add_to_word_lists(config: Config, rows: list[UnknownWord]) -> list[tuple[str, int]]:
    """Append each language's words to its word list (created if need be), all but the
    likely typos; return the lists written and how many words each got."""
    lists = spelling_settings(config).word_lists
    words: dict[str, list[str]] = {}
    for row in rows:
        if row.likely != "typo":
            words.setdefault(row.lang, []).append(row.word)
    written = []
    for lang, counts in sorted(words.items()):
        path = lists.get(lang)
        if path is None:
            raise PipelineError(
                f"no word list for {lang}",
                config.origin,
                hint=f'set [tool.pipeline.spelling] word-lists = {{{lang} = "words-{lang}.txt"}}',
            )
        known = {word.lower() for word in read_word_list(path)} if path.exists() else set()
        # one form of a word: lower case if the text has it so ("etranacogene")
        forms = {w.lower(): w for w in sorted(counts) if w.lower() not in known}
        new = sorted(forms.values(), key=str.lower)
        if new:
            write_atomic(path, _appended(path, new))
        written.append((display_path(path, config.root), len(new)))
    return written


def added_report(written: list[tuple[str, int]], rows: list[UnknownWord]) -> list[str]:
    """What `--add` did, a line each: the lists it grew, and the likely typos it left
    out, named, so that a run that adds nothing says why."""
    lines = [f"words: added {counted(n, 'word')} to {shown}: review them" for shown, n in written]
    typos = [row for row in rows if row.likely == "typo"]
    if not typos:
        return lines
    named = ", ".join(f"{row.word} ({row.lang}, typo of {row.suggestion})" for row in typos)
    one = len(typos) == 1
    if written:
        left_out = f"left out {counted(len(typos), 'likely typo')}"
    elif one:
        left_out = "added no word: the one unknown word is a likely typo"
    else:
        left_out = f"added no word: all {len(typos)} unknown words are likely typos"
    them = "it" if one else "them"
    fix = f"fix {them} in the text, or add {them} to a word list by hand"
    return [*lines, f"words: {left_out}: {named}; {fix}"]


def _appended(path: Path, words: list[str]) -> str:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    block = "\n".join(words)
    return f"{text}{HEADER}\n{block}\n" if HEADER not in text else f"{text}{block}\n"
