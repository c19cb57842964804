"""The extract stage: every source document → its template and one PO file per target locale."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.catalogs.paths import po_path, template_path
from pipeline.catalogs.po import PoFile, generate_po, parse_po, read_po_text
from pipeline.catalogs.update import (
    Change,
    build_template,
    header_comment,
    now_stamp,
    render_with_stable_date,
    set_headers,
    source_date_epoch,
    update_catalog,
)
from pipeline.project import memo
from pipeline.project.config import Config
from pipeline.project.files import display_path, locked, read_text, write_atomic
from pipeline.project.parallel import ordered_map
from pipeline.source.tree import (
    SourceFile,
    document_identity,
    find_sources,
    kept_verbatim,
    load_source,
)

if TYPE_CHECKING:
    from pipeline.terms.glossary import Glossary
    from pipeline.terms.occurrences import Matchers

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CatalogResult:
    """What extract did to one file."""

    path: str
    lang: str | None
    units: int
    change: Change
    written: bool


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What extract did for one source document; kept in the cache between runs."""

    display: str
    name: str
    lang: str
    units: int  # distinct unit texts
    catalogs: tuple[CatalogResult, ...]
    # Files edited by someone else while this run worked on them (left as they are).
    changed_meanwhile: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Plan:
    files: tuple[tuple[Path, str], ...]  # the template and catalogs, as they must read
    summary: DocumentSummary
    read: dict[Path, bytes]  # every file of the document, as it was before planning


def extract_project(
    config: Config, progress: Callable[[DocumentSummary], None] | None = None
) -> list[DocumentSummary]:
    """Update the template and every target PO of each source, atomically.

    `progress` hears of each document once: when planned, or when found up to date.

    All catalogs are read and merged before the first write, so a broken PO file
    stops the run with nothing changed. A document whose source, template and
    catalogs are byte for byte as the last extract left them is not read again. A
    catalog someone saved while this ran is not overwritten (their work is newer).
    """
    with locked(config.locale_path):
        paths = find_sources(config)
        glossary = _glossary(config)
        matchers = _matchers(glossary)
        version = memo.digest(
            memo.code_version(), repr(config), repr(glossary), str(source_date_epoch())
        )
        stored = memo.table("extract", version)
        keys = [memo.digest_files(_document_files(config, path)) for path in paths]
        missing = [path for path, key in zip(paths, keys, strict=True) if key not in stored]
        planned = []  # every plan before the first write
        for plan in ordered_map(functools.partial(_plan_path, config, matchers), missing):
            planned.append(plan)
            if progress:
                progress(plan.summary)
        plans = iter(planned)
        summaries: list[DocumentSummary] = []
        kept: dict[str, DocumentSummary] = {}
        for path, key in zip(paths, keys, strict=True):
            if key in stored:
                summary = kept[key] = stored[key]
                if progress:
                    progress(summary)
            else:
                plan = next(plans)
                summary = _write_plan(plan)
                # Keyed by the files as this run read or wrote them: a file someone
                # changed meanwhile no longer matches, so the next run plans again.
                kept[_key_as_left(config, path, plan)] = _as_unchanged(summary)
            summaries.append(summary)
        if kept.keys() != stored.keys():
            memo.replace("extract", version, kept)
    return summaries


def _write_plan(plan: _Plan) -> DocumentSummary:
    """Write the planned files, except any someone changed since they were read."""
    results, meanwhile = [], []
    for (path, text), result in zip(plan.files, plan.summary.catalogs, strict=True):
        if memo.file_state(path) != plan.read[path]:
            meanwhile.append(result.path)
            results.append(result)
        else:
            results.append(replace(result, written=write_atomic(path, text)))
    source = next(iter(plan.read))  # read in _document_files order: the source first
    if memo.file_state(source) != plan.read[source]:
        meanwhile.append(plan.summary.display)
    return replace(plan.summary, catalogs=tuple(results), changed_meanwhile=tuple(meanwhile))


def _key_as_left(config: Config, path: Path, plan: _Plan) -> str:
    """The document's key for its files as this run read or wrote them."""
    written = {file: memo.content_state(text.encode("utf-8")) for file, text in plan.files}
    files = _document_files(config, path)
    return memo.digest_states((file, written.get(file, plan.read[file])) for file in files)


def _as_unchanged(summary: DocumentSummary) -> DocumentSummary:
    """How a later run that finds the files as they are now reports them."""
    results = tuple(replace(r, change=Change(), written=False) for r in summary.catalogs)
    return replace(summary, catalogs=results)


def _document_files(config: Config, path: Path) -> list[Path]:
    """A source, its template and its catalog in every locale: what extract reads."""
    name, _ = document_identity(config, path)
    return [
        path,
        template_path(config.locale_path, name),
        *(po_path(config.locale_path, lang, name) for lang in config.locales),
    ]


def _glossary(config: Config) -> Glossary | None:
    from pipeline.terms.glossary import project_glossary  # deferred: keeps `--help` quick

    return project_glossary(config)


def _matchers(glossary: Glossary | None) -> Matchers | None:
    if glossary is None:
        return None
    from pipeline.terms.occurrences import Matchers

    return Matchers(glossary)


def _plan_path(config: Config, matchers: Matchers | None, path: Path) -> _Plan:
    read = {file: memo.file_state(file) for file in _document_files(config, path)}
    source = load_source(config, path)
    for line, construct in kept_verbatim(read_text(path, source.display)):
        log.warning("%s:%d: %s is kept as written, not translated", source.display, line, construct)
    files = _plan_document(config, source, _glossary_notes(matchers, source, config.locales))
    summary = DocumentSummary(
        source.display,
        source.document.name,
        source.document.lang,
        len({unit.text for unit in source.units}),
        tuple(result for _, _, result in files),
    )
    return _Plan(tuple((file, text) for file, text, _ in files), summary, read)


def _glossary_notes(
    matchers: Matchers | None, source: SourceFile, locales: tuple[str, ...]
) -> dict[str, str]:
    """Unit text → "glossary: genterapi → gene therapy; …", when a glossary is set."""
    if matchers is None:
        return {}
    from pipeline.terms.occurrences import glossary_note

    targets = source.targets(locales)
    notes: dict[str, str] = {}
    for unit in source.units:
        hits = matchers.hits(unit.lang, unit.text)
        note = glossary_note(matchers.glossary, hits, targets)
        if note:
            notes[unit.text] = note
    return notes


def _plan_document(
    config: Config, source: SourceFile, notes: dict[str, str]
) -> list[tuple[Path, str, CatalogResult]]:
    document = source.document
    title = document.title
    pot_file = template_path(config.locale_path, document.name)
    template = build_template(source.units, source.display, notes)
    pot = PoFile(template)
    template.header_comment = header_comment(title, source.display, None)
    set_headers(
        pot, project=config.project, lang=None, source_lang=document.lang, created=now_stamp()
    )
    old_pot = _read_existing(pot_file, config)
    pot_text = render_with_stable_date(pot, old_pot)
    created = pot.header("POT-Creation-Date") or now_stamp()
    count = len(list(template)) - 1
    plan = [
        (
            pot_file,
            pot_text,
            CatalogResult(display_path(pot_file, config.root), None, count, Change(), False),
        )
    ]
    for lang in source.targets(config.locales):
        path = po_path(config.locale_path, lang, document.name)
        old = _read_existing(path, config)
        existing = parse_po(old, display_path(path, config.root)) if old is not None else None
        po, change = update_catalog(existing, template, lang)
        if existing is None:
            po.catalog.header_comment = header_comment(title, source.display, lang)
        set_headers(
            po, project=config.project, lang=lang, source_lang=document.lang, created=created
        )
        result = CatalogResult(display_path(path, config.root), lang, count, change, False)
        plan.append((path, generate_po(po), result))
    return plan


def _read_existing(path: Path, config: Config) -> str | None:
    if not path.exists():
        return None
    return read_po_text(path, display_path(path, config.root))
