"""translation/wrong-language: a translation in the source language or another one."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import CheckContext, rule
from pipeline.languages import language_name
from pipeline.languages.passages import find_passages, quoted
from pipeline.source.language import count_words

# The share of a translation's words in another language that makes it the wrong language.
WRONG_SHARE = 0.5


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
    if not message.translated or target.strip() == message.source.strip():
        return
    others = tuple(dict.fromkeys((message.source_lang, *ctx.languages)))
    passages = find_passages(target, message.target_lang, others, ctx.names)
    words = count_words(target)
    foreign = sum(count_words(target[p.start : p.end]) for p in passages)
    if not words or foreign / words < WRONG_SHARE:
        return
    languages = sorted({language_name(p.lang, "en") for p in passages})
    yield ctx.finding(
        message.path,
        message.line,
        f"{foreign} of {words} words of the {language_name(message.target_lang, 'en')} "
        f"translation are in {' and '.join(languages)}: '{quoted(target)}'",
        fix="translate it",
    )
