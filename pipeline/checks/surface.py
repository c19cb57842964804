"""Surface features of a text that the translation rules compare: margins, end marks, words."""

from __future__ import annotations

import re

from pipeline.checks.literals import TAG, without_literals

# Msgids that are keys or instructions, whose msgstr is a setting or a credit, not a
# translation: "translator-credits", "calendar:week_start:0", "22 translator: see …".
_NOT_TEXT = re.compile(
    r"translator[-_]credits|[a-z][a-z0-9_]*(?:[:.][a-z0-9_]+)+|.*\btranslator:.*"
    r"|\|[\w-]+\|.*",  # gnupg's "|pinentry-label|_OK": a label with its key
    re.S,
)


def not_text(source: str) -> bool:
    """Whether a msgid is a key or an instruction, not text to translate."""
    return _NOT_TEXT.fullmatch(source.strip()) is not None


_END = re.compile(r"[.!?:;…]+$")
_CLOSERS = "*_)]\"'”’»` "


def final_mark(text: str) -> str:
    """The final punctuation mark ("bl.a.:" ends with ":", like "include:"), after trailing
    tags and line breaks. The period of an ordinal ("10." for "10th") or of a short
    label's abbreviation ("Maks.", "Nr.", "6 p.m.") is not one."""
    text = TAG.sub("", text).rstrip(_CLOSERS + "\n\r\t").replace("...", "…")
    found = _END.search(text)
    if not found:
        return ""
    words = text.split()
    if found.group() == "." and _ABBREVIATED.fullmatch(words[-1]) and len(words) <= 3:
        return ""
    return found.group()[-1]


_ABBREVIATED = re.compile(r"\d+\.|(?:[^\W\d_]{1,4}\.)+")


def margin(text: str, side: str) -> str:
    """The whitespace at the start ("leading") or the end ("trailing") of `text`."""
    if side == "leading":
        return text[: len(text) - len(text.lstrip())]
    return text[len(text.rstrip()) :]


# Two spaces inside a text, but not after a sentence (a typewriter habit) or at a break.
DOUBLE_SPACE = re.compile(r"(?<![.!?:\s])  (?!\n)")


def common_words(text: str) -> int:
    """Words other than names: the first word, and any word not capitalised."""
    text = re.sub(r"\*\.\w+", " ", without_literals(text))
    words = re.findall(r"[^\W\d_]{2,}", text)
    return sum(1 for n, word in enumerate(words) if n == 0 or not word[0].isupper())
