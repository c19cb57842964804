"""translation/wrong-language: a translation in the source language or another one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import CheckContext, rule
from pipeline.languages import language_name
from pipeline.languages.evidence import confidence
from pipeline.languages.foreign_words import foreign_words
from pipeline.languages.passages import quoted

# The share of a translation's words in another language that makes it the wrong language:
# below half, to catch a translation left half done ("Hvis du har indsat tekst …, specifies
# whether to display the hidden paragraph").
WRONG_SHARE = 0.4


# Command synopses and help columns of a program's strings keep their English keywords.
def _sure(text: str, lang: str, message: CatalogMessage) -> bool:
    """An error needs lingua's word that the passage is not the translation's language."""
    return confidence(text, lang, message.target_lang) >= SURE


# lingua's confidence that a passage is in another language, for an error.
SURE = 0.85
_END = re.compile(r"[.!?]$")
_WORDS = re.compile(r"\w+(?:['\u2019-]\w+)*")
_SYNOPSIS = re.compile(r"[{}|\[\];]|:=|\t| {3}\S")
# Fewer words in another language are a name, a term or a label ("Thrash metal").
MINIMUM_WORDS = 5


@rule(
    "translation/wrong-language",
    severity=Severity.ERROR,
    summary="A translation, or most of one, is in the source language or another language.",
    target="message",
)
def wrong_language(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: English text pasted into a Danish translation is read to Danish users with a
    Danish voice, and it was never translated.

    Entries whose translation is the source text unchanged are left to
    translation/unchanged. Checked languages: the source language and the project's.

    Example (da): msgid "Your session has expired. Please log in again." with msgstr
    "Din session er udløbet. Please log in again."
    Example (en): a Danish catalog's msgstr left in English under a Danish msgid.

    Instead: translate the passage; if it must stay (a quoted title), mark it with
    `<span lang="en">…</span>`.
    """
    target = message.target
    if not message.translated or len(target.split()) < MINIMUM_WORDS:
        return
    if target.strip() == message.source.strip():
        return
    if not message.markdown and _SYNOPSIS.search(target):
        return  # "Usage: nmcli { COMMAND | help }": commands stay as they are
    others = tuple(dict.fromkeys((message.source_lang, *ctx.languages)))
    found, words = foreign_words(target, message.target_lang, others, ctx.names)
    found = [(word, p) for word, p in found if _sure(target[p.start : p.end], p.lang, message)]
    if len(found) < MINIMUM_WORDS:
        return  # most translations: no passage in another language
    # Source-language words count in whole sentences (or the whole entry), or when copied
    # from the source: what was left untranslated, not a phrase a translator chose.
    source = set(_WORDS.findall(message.source.lower()))
    foreign = [
        passage.lang
        for word, passage in found
        if passage.lang != message.source_lang
        or word in source
        or _END.search(target[passage.start : passage.end])
        or not _WORDS.search(target[: passage.start] + " " + target[passage.end :])
    ]
    if len(foreign) < MINIMUM_WORDS or len(foreign) / words < WRONG_SHARE:
        return
    languages = sorted({language_name(lang, "en") for lang in foreign})
    yield ctx.finding(
        message.path,
        message.line,
        f"{len(foreign)} of {words} words of the {language_name(message.target_lang, 'en')} "
        f"translation are in {' and '.join(languages)}: '{quoted(target)}'",
        fix="translate it",
    )
