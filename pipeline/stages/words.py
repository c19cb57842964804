"""`pipeline words`: the words spelling/unknown-word reports, and the word lists they grow.

A project that adopts the spelling check starts with many unknown words: names of
medicines, product names, its own terms. Listing them by language and count, and adding
them to the word lists in one step, lets a reviewer prune a list instead of a report.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.checks.spelling import spelling_settings
from pipeline.languages.spelling import read_word_list
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, write_atomic
from pipeline.stages.check import check_project

RULE = "spelling/unknown-word"
HEADER = "# Added by `pipeline words --add`: keep the right words, fix the typos in the text."


def unknown_words(config: Config) -> dict[str, Counter[str]]:
    """Each language's unknown words in the project, with how often each is found."""
    found: dict[str, Counter[str]] = {}
    for finding in check_project(config).findings:
        if finding.rule == RULE:
            found.setdefault(finding.data["lang"], Counter())[finding.data["word"]] += 1
    return found


def add_to_word_lists(config: Config, words: dict[str, Counter[str]]) -> list[tuple[str, int]]:
    """Append each language's words to its word list (created if need be); return the
    lists written and how many words each got."""
    lists = spelling_settings(config).word_lists
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


def _appended(path: Path, words: list[str]) -> str:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    block = "\n".join(words)
    return f"{text}{HEADER}\n{block}\n" if HEADER not in text else f"{text}{block}\n"
