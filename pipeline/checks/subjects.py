"""The subjects of the rules, gathered from sources and catalogs, with what they covered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.catalogs.messages import (
    CatalogMessage,
    CatalogSync,
    Rendering,
    catalog_languages,
    read_messages,
    role_of,
)
from pipeline.catalogs.paths import catalog_name
from pipeline.catalogs.reader import PoEntries, read_entries
from pipeline.checks.coverage import Coverage
from pipeline.checks.links import LinkRow
from pipeline.checks.registry import Target
from pipeline.checks.suppressions import Suppression, header_suppressions
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import STDIN, buffered, display_path, read_text
from pipeline.source.anchors import anchors, id_style, links, local_target, myst_labels
from pipeline.source.directives import directive_names
from pipeline.source.syntax import MARKDOWN
from pipeline.source.tree import SourceFile, is_markdown, standalone_source
from pipeline.terms.occurrences import (
    Matchers,
    TermText,
    TranslationEntry,
    agrees_with_glossary,
    term_text,
)


@dataclass
class Subjects:
    """Everything read for a run: subjects for each rule family, and what was covered."""

    coverage: Coverage = field(default_factory=Coverage)
    sources: list[SourceFile] = field(default_factory=list)
    texts: list[TermText] = field(default_factory=list)  # of the source documents
    messages: list[CatalogMessage] = field(default_factory=list)
    syncs: list[CatalogSync] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    # Markdown file (resolved) → the ids a link may name in it, for links/broken.
    anchors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)  # MyST's `(label)=` targets
    # Suppressions that are no message's: those on a catalog's header entry.
    suppressions: list[Suppression] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TranslationSubjects:
    """What the rules on translations are given, made from a run of catalog messages."""

    messages: tuple[CatalogMessage, ...]
    texts: tuple[TermText, ...]  # each translation with its terms
    entries: tuple[TranslationEntry, ...]
    renderings: tuple[Rendering, ...]

    def by_target(self) -> dict[Target, list[object]]:
        return {"message": [*self.messages], "text": [*self.texts], "entry": [*self.entries]}


def translation_subjects(
    messages: Sequence[CatalogMessage], matchers: Matchers | None, texts_read: bool = True
) -> TranslationSubjects:
    """Find the glossary terms of translated messages (the costly part of a check, so a
    large catalog's messages are given to this in slices, one per worker). Unless
    `texts_read` (a rule reads texts), with no glossary only the renderings are made."""
    texts, entries, renderings = [], [], []
    for message in messages:
        if not message.translated:
            continue
        if matchers is None and not texts_read:
            renderings.append(Rendering.of(message))
            continue
        source_text = term_text(
            matchers, path=message.path, document=message.document, lang=message.source_lang,
            text=message.source, line=message.msgid_line, role=message.role,
        )  # fmt: skip
        target_text = term_text(
            matchers, path=message.path, document=message.document, lang=message.target_lang,
            text=message.target, line=message.line, role=message.role, source=source_text,
        )  # fmt: skip
        texts.append(target_text)
        if matchers is None:
            renderings.append(Rendering.of(message))
            continue
        entry = TranslationEntry(
            message.path, message.line, message.document, source_text, target_text
        )
        entries.append(entry)
        renderings.append(Rendering.of(message, agrees_with_glossary(entry)))
    return TranslationSubjects(tuple(messages), tuple(texts), tuple(entries), tuple(renderings))


def add_source(source: SourceFile, matchers: Matchers | None, subjects: Subjects) -> None:
    """Add a source document's units (and their terms, when a glossary is set)."""
    coverage = subjects.coverage
    subjects.sources.append(source)
    coverage.markdown.append(source.display)
    coverage.units += len({unit.text for unit in source.units})  # as extract and stats count
    coverage.languages.add(source.document.lang)
    if not source.units:
        coverage.notes.append(f"{source.display} has no translatable text")
    _add_links(source, subjects)
    for unit in source.units:
        subjects.texts.append(
            term_text(
                matchers,
                path=source.display,
                document=unit.document,
                lang=unit.lang,
                text=unit.text,
                line=unit.line,
                line_starts=unit.line_starts,
                unit_id=unit.id,
                role=role_of((unit.kind,)),
            )
        )


def _add_links(source: SourceFile, subjects: Subjects) -> None:
    """The document's links, where each is relative to, and the anchors it offers."""
    document = source.document
    text = read_text(document.path, source.display)
    tokens = MARKDOWN.parse(text)
    file = str(document.path.resolve())
    placeless = 0  # a pasted text's links to other files: from where?
    for link in links(tokens):
        target = local_target(link.href)
        if target is not None and target.path and document.path == STDIN:
            placeless += 1
        elif target is not None:
            subjects.links.append((source.display, link.line, link.href, file))
            subjects.coverage.links += 1
    names = directive_names(text.split("\n"), tokens)  # a figure's `:name: fig-eye`
    subjects.anchors[file] = tuple(sorted(anchors(tokens, id_style(document.path)) | names))
    subjects.labels.update(myst_labels(tokens) | names)
    if placeless:
        subjects.coverage.notes.append(
            f"{placeless} link{'s' if placeless > 1 else ''} of standard input to other files "
            "not checked: a pasted text "
            "has no place they start from (check the file by its path)"
        )


def _add_translated_links(message: CatalogMessage, document: str, subjects: Subjects) -> None:
    """Links a translation adds or changes; those it keeps are checked in the source."""
    kept = {link.href for link in links(MARKDOWN.parseInline(message.source))}
    for link in links(MARKDOWN.parseInline(message.target)):
        if link.href not in kept and local_target(link.href) is not None:
            subjects.links.append((message.path, message.line, link.href, document))
            subjects.coverage.links += 1


def add_path(
    config: Config,
    path: Path,
    languages: tuple[str | None, str | None],
    matchers: Matchers | None,
    subjects: Subjects,
) -> None:
    """Add a Markdown file (or standard input) or a PO catalog named on the command line.

    `languages` are what --lang and --source-lang say: of a Markdown file without a
    `lang` or a catalog without a Language header, and of a catalog's source without
    an X-Source-Language header.
    """
    lang, source_lang = languages
    if is_markdown(path):
        add_source(standalone_source(config, path, lang), matchers, subjects)
    elif path.suffix in {".po", ".pot"}:
        add_catalog(config, path, source_lang, subjects, lang=lang)
    else:
        raise PipelineError(
            "not a Markdown file or PO catalog",
            display_path(path, config.root),
            hint="give .md or .po files, or - for Markdown on standard input",
        )


def add_catalog(
    config: Config,
    path: Path,
    source_lang: str | None,
    subjects: Subjects,
    source_file: Path | None = None,
    lang: str | None = None,
) -> PoEntries | None:
    """Add a catalog's messages; None when the catalog does not exist.

    `source_file` is the catalog's source document: links in its translations are
    relative to it.
    """
    shown = display_path(path, config.root)
    coverage = subjects.coverage
    if not path.exists() and buffered(path) is None:  # an editor's new catalog, unsaved
        return None
    po = read_entries(path, shown)
    target, source = catalog_languages(po, shown, source_lang, lang)
    coverage.catalogs.append(shown)
    coverage.languages.update({target, source})
    document = catalog_name(config.locale_path, path)
    markdown = True if source_file is not None else None  # a project catalog: Markdown
    subjects.suppressions += header_suppressions(po, shown)
    if not po.entries:
        coverage.notes.append(f"{shown} has no entries")
    review = config.check_fuzzy
    for entry in po.entries:  # a plural entry once, if any of its forms has a text
        if any(entry.strings):
            coverage.fuzzy += entry.fuzzy
            coverage.entries += not entry.fuzzy
    for message in read_messages(po, shown, document, source, target, markdown, review):
        subjects.messages.append(message)
        if message.translated and source_file is not None and "](" in message.target:
            _add_translated_links(message, str(source_file.resolve()), subjects)
    return po
