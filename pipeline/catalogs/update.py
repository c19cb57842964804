"""Units ↔ gettext catalogs: build templates, update PO files without losing work, stats."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import babel.messages.catalog
from babel import Locale
from babel.messages.catalog import Catalog

from pipeline.catalogs.memory import memory_filled
from pipeline.catalogs.po import (
    PoFile,
    generate_po,
    parse_po,
    previous_context,
    set_previous_context,
)
from pipeline.project.errors import PipelineError
from pipeline.source.units import Unit

_NEW_REVISION_DATE = "YEAR-MO-DA HO:MI+ZONE"  # gettext's marker for "never translated"
_DATE_FORMAT = "%Y-%m-%d %H:%M%z"


def build_template(
    units: Iterable[Unit], source_display: str, notes: Mapping[str, str] | None = None
) -> Catalog:
    """Return a template catalog of `units`; repeated texts share one entry.

    `notes` maps a unit text to one more extracted comment (the glossary terms in it).
    """
    template = Catalog(fuzzy=False)
    for unit in units:
        comments = [unit.kind.value]
        if unit.heading_path:
            comments.append("section: " + " \u203a ".join(unit.heading_path))
        if notes and unit.text in notes:
            comments.append(notes[unit.text])
        template.add(unit.text, locations=[(source_display, unit.line)], auto_comments=comments)
        # Markdown is no format string: babel flags "%22good" in a URL as Python's %22g,
        # and "{doc}`x`" (a MyST role) as a brace format; Poedit and msgfmt then require
        # the translation to keep them as placeholders.
        template[unit.text].flags.difference_update(_FORMAT_FLAGS)
    return template


_FORMAT_FLAGS = ("python-format", "python-brace-format")


def now_stamp() -> str:
    """Return the creation date to record: SOURCE_DATE_EPOCH if set, else now (UTC)."""
    epoch = source_date_epoch()
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else None
    return (moment or dt.datetime.now(dt.UTC)).strftime(_DATE_FORMAT)


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (reproducible builds), checked: a whole number of seconds."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,11}", value):  # ASCII digits, and a year Python can hold
        raise PipelineError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '{value}'",
            hint="unset it, or set it e.g. from `git log -1 --format=%ct`",
        )
    return int(value)


@dataclass(frozen=True, slots=True)
class Change:
    """What an update did to one catalog, for the extract report."""

    new: int = 0
    fuzzy: int = 0
    obsoleted: int = 0
    filled: int = 0  # untranslated units the translation memory filled


def _close_matches(
    word: str, possibilities: Iterable[str], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """babel's `get_close_matches` with the same answers, in a fraction of the time.

    babel compares every new msgid with every old one through difflib, which made an
    extract where most paragraphs changed run at 9k words/s. difflib's ratio counts
    the matching blocks it finds, which never exceed the longest common subsequence, so
    RapidFuzz's Indel similarity (the subsequence, in C) is never lower: candidates
    below the cutoff there are below it in difflib too. Only the rest go to difflib.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    scored = process.extract(
        word, list(possibilities), scorer=Indel.normalized_similarity, limit=None
    )
    # Filtered here, with room for float rounding: RapidFuzz's own score_cutoff turns
    # the cutoff into a whole distance and dropped exact ties (0.6 for a 0.6 cutoff).
    near = [choice for choice, score, _ in scored if score >= cutoff - 1e-6]
    matches: list[str] = _babel_close_matches(word, near, n, cutoff)  # type: ignore[no-untyped-call]
    return matches


_babel_close_matches = babel.messages.catalog.get_close_matches
babel.messages.catalog.get_close_matches = _close_matches  # what Catalog.update calls


def update_catalog(
    existing: PoFile | None, template: Catalog, lang: str | None
) -> tuple[PoFile, Change]:
    """Merge `template` into `existing` the way msgmerge does; nothing is deleted.

    Unchanged units keep their translation; a changed unit becomes fuzzy with the
    previous msgid; a removed unit becomes obsolete; an obsolete unit that comes
    back is revived; translator comments and flags survive.
    """
    if existing is None:
        existing = PoFile(Catalog(locale=lang, fuzzy=False))
    catalog = existing.catalog
    before = {(message.id, message.context) for message in catalog if message.id}
    for message in template:
        if message.id and message.id not in catalog and message.id in catalog.obsolete:
            catalog[message.id] = catalog.obsolete.pop(message.id)  # msgmerge revives these
            before.add((message.id, message.context))
    kept_previous = {
        (m.id, m.context): (m.previous_id, previous_context(m))
        for m in catalog
        if m.fuzzy and m.previous_id
    }
    # The context of the entry babel's fuzzy matching takes for each msgid (the last one
    # with a translation, as babel picks it): msgmerge writes it as `#| msgctxt`.
    old_contexts = {_first(m.id).lower().strip(): m.context for m in catalog if m.id and m.string}
    comments_before = {(m.id, m.context): m.auto_comments for m in catalog if m.id}
    obsolete_before = set(catalog.obsolete)
    # With nothing to match against, babel's fuzzy matching only costs time.
    nothing_old = not any(message.id for message in catalog) and not catalog.obsolete
    catalog.update(template, no_fuzzy_matching=nothing_old, update_creation_date=False)
    for key, message in list(catalog.obsolete.items()):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not any(strings) and not message.user_comments:
            del catalog.obsolete[key]  # no one's work: `#~ msgstr ""` piled up (msgmerge drops it)
    change = Change(obsoleted=len(catalog.obsolete.keys() - obsolete_before))
    for message in catalog.obsolete.values():  # babel guesses one reading "%d"
        message.flags.difference_update(_FORMAT_FLAGS)
    for message in catalog:
        message.flags.difference_update(_FORMAT_FLAGS)  # the template's, as in msgmerge
        kept = kept_previous.get((message.id, message.context))
        if message.fuzzy and not message.previous_id and kept:  # babel drops it on an exact match
            message.previous_id, context = kept
            set_previous_context(message, context)
        elif message.fuzzy and message.previous_id:
            # Matched to an entry already fuzzy: its #| names the text the translation
            # was made for, as msgmerge keeps it; the text between was never translated.
            first = message.previous_id[0]
            found = old_contexts.get(first.lower().strip())
            old = kept_previous.get((first, found), (message.previous_id, found))
            message.previous_id, context = old
            set_previous_context(message, context)
        wrapped = comments_before.get((message.id, message.context))
        if wrapped and _words(wrapped) == _words(message.auto_comments):
            message.auto_comments = wrapped  # as polib or Lokalize wrapped them: no churn
        if message.id and (message.id, message.context) not in before:
            change = Change(
                change.new + (not message.fuzzy), change.fuzzy + message.fuzzy, change.obsoleted
            )
    return existing, change


def _words(comments: Iterable[str]) -> list[str]:
    return " ".join(comments).split()


def _first(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def set_headers(
    po: PoFile, *, project: str, lang: str | None, source_lang: str, created: str
) -> None:
    """Set the header fields we own; fields a translator or tool set are kept."""
    defaults = [
        ("Project-Id-Version", project),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", created),
        ("PO-Revision-Date", _NEW_REVISION_DATE),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", f"{Locale.parse(lang).english_name} <>" if lang else "LANGUAGE <>"),
    ]
    for name, value in defaults:
        if po.header(name) is None:
            po.set_header(name, value)
    po.set_header("POT-Creation-Date", created)
    if lang:
        po.set_header("Language", lang)
    for name, value in [
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ]:
        po.set_header(name, value)
    if lang and po.header("Plural-Forms") is None:
        po.set_header("Plural-Forms", Catalog(locale=lang).plural_forms)
    po.set_header("X-Source-Language", source_lang)


def header_comment(title: str, source_display: str, lang: str | None) -> str:
    """Return the comment block that opens a new catalog."""
    what = f"{Locale.parse(lang).english_name} translation" if lang else "Translation template"
    return (
        f'# {what} of "{title}" ({source_display}).\n'
        "# Kept up to date by `pipeline extract`: edit msgstr lines only; changes to\n"
        "# msgid lines are overwritten from the source."
    )


def renamed(comment: str, fresh: str) -> str:
    """A catalog's comment with `fresh`'s first line (which names the title and source)
    in place of ours, and every line a translator wrote kept."""
    lines = comment.strip("\n").split("\n")
    if _OURS.fullmatch(lines[0]):
        lines[0] = fresh.split("\n")[0]
    return "\n".join(lines)


_OURS = re.compile(r'# .+ (?:translation|template) of ".*" \(.+\)\.')


def render_with_stable_date(po: PoFile, old_text: str | None) -> str:
    """Render `po`; keep the old POT-Creation-Date when nothing else changed."""
    new_date = po.header("POT-Creation-Date") or ""
    if old_text is not None:
        old_date = parse_po(old_text, "<previous>").header("POT-Creation-Date")
        if old_date and old_date != new_date and source_date_epoch() is None:
            po.set_header("POT-Creation-Date", old_date)
            candidate = generate_po(po)
            if candidate == old_text:
                return candidate
            po.set_header("POT-Creation-Date", new_date)
    return generate_po(po)


@dataclass(frozen=True, slots=True)
class StatsRow:
    """Translation progress of one document in one target locale."""

    locale: str
    document: str
    catalog: str
    units: int
    source_words: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    memory: int = 0  # units the translation memory filled that still hold its translation


def catalog_stats(
    catalog: Catalog, count_words: dict[str, int], locale: str, document: str, shown: str
) -> StatsRow:
    """Count units, source words and translation states; `count_words` maps msgid → words."""
    messages = [m for m in catalog if m.id]
    translated = sum(1 for m in messages if m.string and not m.fuzzy)
    fuzzy = sum(1 for m in messages if m.fuzzy)
    words = sum(count_words.get(str(m.id), 0) for m in messages)
    untranslated = len(messages) - translated - fuzzy
    return StatsRow(
        locale, document, shown, len(messages), words, translated, fuzzy, untranslated,
        len(catalog.obsolete), memory_filled(catalog),
    )  # fmt: skip
