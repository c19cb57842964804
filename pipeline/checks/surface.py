"""Surface features of a text that the translation rules compare: margins, end marks, words."""

from __future__ import annotations

import re

from pipeline.checks.literals import TAG, without_literals
from pipeline.languages.evidence import SIGNATURE

# Msgids that are keys or instructions, whose msgstr is a setting or a credit, not a
# translation: "translator-credits", "calendar:week_start:0", "22 translator: see …",
# and message ids whose msgstr is the text ("description_still_failure_reason2", Plone;
# "{core:frontpage:link_saml2example}", SimpleSAMLphp).
_NOT_TEXT = re.compile(
    r"translator[-_]credits|[a-z][a-z0-9_]*(?:[:.][a-z0-9_]+)+|.*\btranslator:.*"
    r"|[a-z][a-z0-9]*(?:_[a-z0-9]+)+"
    r"|\|[\w-]+\|.*"  # gnupg's "|pinentry-label|_OK": a label with its key
    r"|\{[a-z][a-z0-9_]*(?::[a-z0-9_]+)+\}",  # SimpleSAMLphp's "{core:frontpage:about}"
    re.S,
)


def not_text(source: str) -> bool:
    """Whether a msgid is a key or an instruction, not text to translate."""
    return _NOT_TEXT.fullmatch(source.strip()) is not None


_END = re.compile(r"[.!?:;…]+$")
_CLOSERS = "*_)]\"'”’»«` "  # « closes a Danish »quote«


def final_mark(text: str) -> str:
    """The final punctuation mark ("bl.a.:" ends with ":", like "include:"), after trailing
    tags and line breaks."""
    text = _ending(text)
    found = _END.search(text)
    return found.group()[-1] if found else ""


def final_marks(source: str, target: str) -> tuple[str, str]:
    """Both final marks; a period against none is no difference when it is an ordinal's or
    an abbreviation's ("10th" → "10.", "Max" → "Maks.", "Mrs." → "Fru")."""
    marks = final_mark(source), final_mark(target)
    if set(marks) == {"", "."} and _abbreviated(source if marks[0] else target):
        return "", ""
    return marks


def _abbreviated(text: str) -> bool:
    """Whether a short label ends in an ordinal's or an abbreviation's period."""
    words = _ending(text).split()
    return bool(words) and _ABBREVIATED.fullmatch(words[-1]) is not None and len(words) <= 3


def _ending(text: str) -> str:
    return TAG.sub("", text).rstrip(_CLOSERS + "\n\r\t").replace("...", "…")


# "10.", and a number to come: Django's ordinals "{}st" → "{}.", "%(n)sth" → "%(n)s.".
_ABBREVIATED = re.compile(r"(?:\d+|\{\w*\}|%(?:\(\w+\))?[sd])\.|(?:[^\W\d_]{1,4}\.)+")


def margin(text: str, side: str) -> str:
    """The whitespace at the start ("leading") or the end ("trailing") of `text`."""
    if side == "leading":
        return text[: len(text) - len(text.lstrip())]
    return text[len(text.rstrip()) :]


# Two spaces inside a text, but not after a sentence (a typewriter habit) or at a break.
DOUBLE_SPACE = re.compile(r"(?<![.!?:\s]) {2,}(?!\n)")


def common_words(text: str) -> int:
    """Words other than names: the first word, and any word not capitalised. Code is not
    prose: a chunk with code in it is no word ("svc.AppendColumn(array_2d:", "[[arg]",
    "signal_spec", "com.sun.star.sheet"), and a call or a signature has none.

    Measured on 150 identical translations of the LibreOffice help, 102 of them prose a
    reviewer wants translated (docs/ci.md, "How well the translation rules work")."""
    if SIGNATURE.fullmatch(text.strip()):
        return 0  # a call or a signature, whatever words its arguments have
    text = re.sub(r"\*\.\w+", " ", without_literals(text))
    words = [found.group(1) for chunk in text.split() if (found := _PROSE_WORD.fullmatch(chunk))]
    return sum(1 for n, word in enumerate(words) if n == 0 or not word[0].isupper())


# A word as prose writes it: letters (a hyphen or an apostrophe inside), perhaps in
# quotes or brackets, perhaps ending a clause.
_PROSE_WORD = re.compile(r"[(\"'“‘«»]*([^\W\d_]{2,}(?:[-'’][^\W\d_]+)*)[)\"'”’«»]*[.,;:!?…]*")


def one_for_one(found: list[str], wanted: list[str], text: str | None = None) -> dict[str, str]:
    """A finding's `found` and `fix` when the translation has one thing (a number, a
    placeholder) where the source has one other: an editor can swap them in one step.
    Given the translation's `text`, only if `found` is written so in it ("%s" is
    compared as "%1$s", which is not there to replace)."""
    if len(found) != 1 or len(wanted) != 1 or (text is not None and found[0] not in text):
        return {}
    return {"found": found[0], "fix": wanted[0]}
