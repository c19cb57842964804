"""PO messages as check subjects: both texts, their state, languages and where to point."""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import NamedTuple

from pipeline.catalogs.reader import PoEntries
from pipeline.project.config import check_language, primary_language
from pipeline.project.errors import PipelineError
from pipeline.source.suppressions import without_reason

# A translator comment "# pipeline: ignore RULE[, RULE] [-- reason]" suppresses findings on
# the entry.
_IGNORE = re.compile(r"^pipeline:\s*ignore\s+(?P<rules>\S.*)$")


# Units that name rather than tell (and link tooltips): an acronym there is explained
# in the text.
HEADING_KINDS = frozenset({"title", "heading", "description", "link title"})


def role_of(kinds: Iterable[str]) -> str:
    """What a text is to the rules that care: "heading" (a title, heading or description),
    "definition" (what `*[HPV]: …` says an abbreviation stands for), else ""."""
    kinds = set(kinds)
    if HEADING_KINDS & kinds:
        return "heading"
    return "definition" if "abbreviation" in kinds else ""


@dataclass(frozen=True, slots=True)
class CatalogMessage:
    """One PO message of a catalog, translated or not."""

    path: str
    line: int  # the msgstr line
    msgid_line: int
    document: str
    source_lang: str
    target_lang: str
    source: str
    target: str
    fuzzy: bool
    comments: tuple[str, ...] = ()
    context: str | None = None  # msgctxt: part of the entry's identity
    markdown: bool = True  # the texts are Markdown (ours are); else software strings
    role: str = ""  # "heading" or "definition", from the "#." comments (see role_of)
    # A plural entry's form (msgstr[n]); form 0 translates the msgid, the others the
    # msgid_plural. None: a singular entry, or the only form a language has.
    plural_form: int | None = None
    review: bool = False  # check a fuzzy translation as if reviewed (check --fuzzy)

    @property
    def translated(self) -> bool:
        """Whether the rules check the target: a translation, fuzzy only under review."""
        return bool(self.target) and (not self.fuzzy or self.review)

    @property
    def rendering_context(self) -> str | None:
        """The msgctxt, and a plural entry's form: where a language has three forms, two
        translate the same msgid_plural differently, and rightly."""
        if self.plural_form is None:
            return self.context
        return f"{self.context or ''}\x04form {self.plural_form}"

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # As a plain tuple: a big catalog's slices go to the workers, and a slotted
        # dataclass pickles and restores field by field (twice as slow).
        return CatalogMessage, _fields_of(self)

    @property
    def ignored_rules(self) -> tuple[str, ...]:
        """Rules this entry's translator comments suppress."""
        return ignored_rules(self.comments)


_fields_of = operator.attrgetter(*(field.name for field in fields(CatalogMessage)))


def ignored_rules(comments: Iterable[str]) -> tuple[str, ...]:
    """Rules that translator comments `pipeline: ignore RULE[, RULE]` suppress."""
    rules: list[str] = []
    for comment in comments:
        found = _IGNORE.match(comment.strip())
        if found:
            named = without_reason(found.group("rules"))
            rules += [r.strip() for r in named.split(",") if r.strip()]
    return tuple(rules)


@dataclass(frozen=True, slots=True)
class CatalogSync:
    """Whether a catalog is up to date with its source document."""

    path: str
    source: str
    exists: bool
    new: tuple[str, ...] = ()  # unit texts of the source the catalog lacks
    removed: tuple[str, ...] = ()  # catalog entries the source no longer has


def catalog_sync(
    shown: str, source: str, texts: Iterable[str], po: PoEntries | None
) -> CatalogSync:
    """Compare a catalog (None: missing) with the unit texts of its source document."""
    if po is None:
        return CatalogSync(shown, source, exists=False)
    wanted = list(dict.fromkeys(texts))
    active = {entry.msgid for entry in po.entries}
    new = tuple(text for text in wanted if text not in active)
    removed = tuple(sorted(active - set(wanted)))
    return CatalogSync(shown, source, True, new, removed)


# As the results cache keeps a Rendering: a plain tuple loads many times faster.
RenderingRow = tuple[str, int, str, str | None, str, str, bool | None]


class Rendering(NamedTuple):
    """How one translated entry renders its source text: what consistency checks compare."""

    path: str
    line: int
    lang: str  # of the translation
    context: str | None  # msgctxt: the same msgid in another context may differ
    source: str
    target: str
    agrees: bool | None  # with the glossary; None when the source has no glossary term

    @classmethod
    def of(cls, message: CatalogMessage, agrees: bool | None = None) -> Rendering:
        return cls(
            message.path, message.line, message.target_lang, message.rendering_context,
            message.source, message.target, agrees,
        )  # fmt: skip


def shared_renderings(rows: Iterable[RenderingRow]) -> tuple[Rendering, ...]:
    """The renderings whose source text or translation occurs more than once in a language.

    Only these can disagree with another entry; most occur once, and leaving them out
    keeps a cached check of a large project fast.
    """
    rows = list(rows)
    sources = Counter((row[2], row[3], row[4]) for row in rows)
    targets = Counter((row[2], row[5]) for row in rows)
    return tuple(
        Rendering._make(row)
        for row in rows
        if sources[(row[2], row[3], row[4])] > 1 or targets[(row[2], row[5])] > 1
    )


def read_messages(
    po: PoEntries,
    shown: str,
    document: str,
    source: str,
    target: str,
    markdown: bool | None = None,
    review: bool = False,
) -> Iterator[CatalogMessage]:
    """The messages of a catalog: each entry, and each form of a plural entry; with
    `review`, fuzzy translations are checked as translations.

    `markdown` says whether the texts are Markdown; None decides by the references: a
    catalog whose entries come from .md files is, a program's catalog is not (there
    `_` marks an access key and backticks quote, as in "`%s'").
    """
    if markdown is None:
        markdown = any(
            location.endswith((".md", ".markdown"))
            for entry in po.entries
            for location in entry.locations
        )
    for entry in po.entries:
        role = role_of(entry.extracted)
        if entry.plural is None or len(entry.strings) == 1:
            yield CatalogMessage(
                shown, entry.msgstr_line, entry.line, document, source, target, entry.msgid,
                entry.strings[0], entry.fuzzy, entry.comments, entry.context, markdown,
                role, None, review,
            )  # fmt: skip
            continue
        for form, string in enumerate(entry.strings):
            line = entry.form_line(form)  # the msgid's for form 0, then each form's own
            yield CatalogMessage(
                shown, line, line if form else entry.line, document, source, target,
                entry.plural if form else entry.msgid, string, entry.fuzzy, entry.comments,
                entry.context, markdown, role, form, review,
            )  # fmt: skip


def _header_language(
    po: PoEntries, name: str, given: str | None, shown: str, option: str
) -> str | None:
    """A language header's code; where it names a language some other way (Mercurial's
    "Language: Danish"), the option's, or an error that says which header to mend."""
    value = po.header(name)
    if not value or value in _PROGRAM_LOCALES:
        return value or given
    try:
        check_language(value, shown)
    except PipelineError:
        if given:
            return given
        raise PipelineError(
            f"the {name} header {value!r} is no language code",
            shown,
            hint=f"set it to a code such as da or en, or pass {option}",
        ) from None
    return value


# X-Source-Language: C (GNOME's catalogs): the msgids are the program's C-locale strings.
_PROGRAM_LOCALES = frozenset({"C", "POSIX"})


def catalog_languages(
    po: PoEntries, shown: str, source_lang: str | None, lang: str | None = None
) -> tuple[str, str]:
    """Return a catalog's (target, source) languages from its headers, else `lang` and
    `source_lang` (--lang, --source-lang)."""
    target = _header_language(po, "Language", lang, shown, "--lang")
    if not po.headers and not po.entries:
        raise PipelineError("the catalog is empty: no header and no entries", shown)
    if not target:
        raise PipelineError(
            "catalog has no Language header",
            shown,
            hint="set it to the target language, e.g. da, or pass --lang da",
        )
    source = _header_language(po, "X-Source-Language", source_lang, shown, "--source-lang")
    if source in _PROGRAM_LOCALES:  # the program's own strings: English, as glibc has them
        source = source_lang or "en"
    if not source:
        raise PipelineError(
            "catalog has no X-Source-Language header",
            shown,
            hint="pass --source-lang, e.g. --source-lang en",
        )
    target, source = check_language(target, shown), check_language(source, shown)
    if primary_language(target) == primary_language(source):
        raise PipelineError(
            f"the catalog translates {source} into {target}: the same language",
            shown,
            hint="set X-Source-Language (or --source-lang) to the language of its msgids",
        )
    return target, source
