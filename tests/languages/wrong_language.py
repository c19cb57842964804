"""translation/wrong-language on 200 real English→Danish entries, and on copies seeded with
the mistakes the rule is for.

- as translated: every finding is a false alarm (the translators' work, unchanged);
- English pasted in: the msgstr is another entry's English msgid;
- half translated: the first Danish sentence kept, the rest replaced by the English;
- kept terms: an English phrase of 3 words written into the Danish (not a finding).

Run: python -m tests.languages.wrong_language
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.registry import CheckContext, resolve
from pipeline.checks.translation_language import wrong_language

ENTRIES = Path(__file__).with_name("wrong_language.toml")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")

Entry = tuple[str, str]  # (msgid, msgstr)


def entries() -> list[Entry]:
    data = tomllib.loads(ENTRIES.read_text(encoding="utf-8"))["entry"]
    return [(entry["msgid"], entry["msgstr"]) for entry in data]


def context() -> CheckContext:
    rule = next(a for a in resolve({}) if a.rule.id == "translation/wrong-language")
    return dataclasses.replace(rule.context, languages=("da", "en"))


def flagged(msgid: str, msgstr: str, ctx: CheckContext) -> bool:
    message = CatalogMessage("x.po", 2, 1, "x", "en", "da", msgid, msgstr, False, markdown=False)
    return any(wrong_language(message, ctx))


def pasted(items: list[Entry]) -> list[Entry]:
    """Each entry with the English of the next one pasted in as its translation."""
    return [(msgid, items[(n + 1) % len(items)][0]) for n, (msgid, _) in enumerate(items)]


def half_translated(items: list[Entry]) -> list[Entry]:
    """Entries of two or more sentences: the first in Danish, the rest left in English."""
    found = []
    for msgid, msgstr in items:
        english, danish = _SENTENCE_END.split(msgid), _SENTENCE_END.split(msgstr)
        if len(english) >= 2 and len(danish) >= 2:
            found.append((msgid, " ".join([danish[0], *english[1:]])))
    return found


def kept_phrase(items: list[Entry]) -> list[Entry]:
    """A three-word English phrase added to a real Danish translation: a choice, not a
    mistake ("Klik på Save as PDF").."""
    return [(msgid, f"{msgstr.rstrip('.')} (se Save as PDF).") for msgid, msgstr in items]


def rate(items: list[Entry], ctx: CheckContext) -> tuple[int, int]:
    return sum(flagged(msgid, msgstr, ctx) for msgid, msgstr in items), len(items)


SETS: tuple[tuple[str, Callable[[list[Entry]], list[Entry]]], ...] = (
    ("as translated (false alarms)", lambda items: items),
    ("English pasted in (found)", pasted),
    ("half translated (found)", half_translated),
    ("kept English phrase (false alarms)", kept_phrase),
)


def main() -> None:
    items, ctx = entries(), context()
    for name, make in SETS:
        hits, total = rate(make(items), ctx)
        print(f"{name:36} {hits:4} of {total:4} ({hits / total:.0%})")


if __name__ == "__main__":
    main()
