"""The extract stage: every source document → its template and one PO file per target locale."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.catalogs.memory import MemoryState, RunMemory, fill_catalog
from pipeline.catalogs.moves import match_moves, orphan_templates, template_msgids
from pipeline.catalogs.paths import TEMPLATE_FOLDER, po_path, template_path
from pipeline.catalogs.po import PoFile, generate_po, parse_po, read_po_text
from pipeline.catalogs.update import (
    Change,
    build_template,
    header_comment,
    now_stamp,
    renamed,
    render_with_stable_date,
    set_headers,
    source_date_epoch,
    update_catalog,
)
from pipeline.project import memo
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import (
    display_path,
    in_its_line_ends,
    locked,
    read_text,
    write_atomic,
)
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
    # Target locales whose catalog still has untranslated units: the memory may fill
    # them once it changes, so the cached summary holds only while it does not.
    waiting: tuple[str, ...] = ()
    moved: tuple[tuple[str, str], ...] = ()  # (old, new) catalog files of a moved document


@dataclass(frozen=True, slots=True)
class _Plan:
    files: tuple[tuple[Path, str], ...]  # the template and catalogs, as they must read
    summary: DocumentSummary
    read: dict[Path, bytes]  # every file of the document, as it was before planning
    removed: tuple[Path, ...] = ()  # a moved document's old files, removed once written


# The memory digests of the files as the last run left them, kept in the extract table.
_MEMORY_KEY = "memory"


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
        names = [document_identity(config, path)[0] for path in paths]
        glossary = _glossary(config)
        matchers = _matchers(glossary)
        version = memo.digest(
            memo.code_version(), repr(config), repr(glossary), str(source_date_epoch())
        )
        stored = memo.table("extract", version)
        memory = MemoryState(config, frozenset(names), stored.get(_MEMORY_KEY, {}))
        keys = [memo.digest_files(_document_files(config, path)) for path in paths]
        valid = {key for key in keys if key in stored and memory.holds(stored[key].waiting)}
        missing = [path for path, key in zip(paths, keys, strict=True) if key not in valid]
        if missing:
            memory.start()  # the memory's files as they are before the first write
        moves, current = _before_planning(config, missing, set(names))
        recall = RunMemory(uuid.uuid4().hex, frozenset(names), current)
        plan_one = functools.partial(_plan_path, config, matchers, recall, moves)
        planned = []  # every plan before the first write
        for plan in ordered_map(plan_one, missing):
            planned.append(plan)
            if progress:
                progress(plan.summary)
        plans = iter(planned)
        summaries: list[DocumentSummary] = []
        kept: dict[str, Any] = {}
        for path, key in zip(paths, keys, strict=True):
            if key in valid:
                summary = kept[key] = stored[key]
                if progress:
                    progress(summary)
            else:
                plan = next(plans)
                summary = _write_plan(plan, memory, config)
                # Keyed by the files as this run read or wrote them: a file someone
                # changed meanwhile no longer matches, so the next run plans again.
                kept[_key_as_left(config, path, plan)] = _as_unchanged(summary)
            summaries.append(summary)
        if any(summary.waiting for summary in summaries):
            kept[_MEMORY_KEY] = memory.as_left()
        if kept != stored:
            memo.replace("extract", version, kept)
    return summaries


def _before_planning(
    config: Config, missing: list[Path], names: set[str]
) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Moves (new document → the orphan it continues) and, when a new document may take
    units of a changed one (a split), the changed ones' unit texts.

    A new document has no template and no catalog. Sources are read here only when
    there is one, and only those that matter: new ones when there are orphans to match,
    changed ones when there are new ones to take their units.
    """
    fresh = [path for path in missing if not any(map(Path.exists, _catalog_files(config, path)))]
    if not fresh:
        return {}, {}
    orphans = orphan_templates(config, names)
    changed = [path for path in missing if path not in fresh]
    wanted = [*(fresh if orphans else []), *changed]
    units = dict(ordered_map(functools.partial(_unit_texts, config), wanted))
    new_names = {document_identity(config, path)[0] for path in fresh}
    current = {name: texts for name, texts in units.items() if name not in new_names}
    if not orphans:
        return {}, current
    found = {name: template_msgids(config, path) for name, path in orphans.items()}
    return match_moves({name: units[name] for name in new_names}, found), current


def _unit_texts(config: Config, path: Path) -> tuple[str, frozenset[str]]:
    source = load_source(config, path)
    return source.document.name, frozenset(unit.text for unit in source.units)


def _write_plan(plan: _Plan, memory: MemoryState, config: Config) -> DocumentSummary:
    """Write the planned files, except any someone changed since they were read.

    A moved document's new files are written before its old ones are removed; if
    someone changed any of them meanwhile, nothing is moved this run.
    """
    changed = {path for path, state in plan.read.items() if memo.file_state(path) != state}
    source = next(iter(plan.read))  # read in _document_files order: the source first
    meanwhile = [plan.summary.display] if source in changed else []
    if plan.removed and changed - {source}:
        meanwhile += [display_path(path, config.root) for path in sorted(changed - {source})]
        return replace(plan.summary, changed_meanwhile=tuple(meanwhile), moved=())
    results = []
    for (path, text), result in zip(plan.files, plan.summary.catalogs, strict=True):
        if path in changed:
            meanwhile.append(result.path)
            results.append(result)
        else:
            results.append(replace(result, written=write_atomic(path, text)))
            memory.wrote(path, text)
    for path in plan.removed:
        path.unlink()
        memory.wrote(path, None)
        _remove_empty_folders(path.parent, config.locale_path)
    return replace(plan.summary, catalogs=tuple(results), changed_meanwhile=tuple(meanwhile))


def _remove_empty_folders(folder: Path, locale_path: Path) -> None:
    """Remove the folders a moved document's old files leave empty (`templates/api/`),
    up to the locale folder's own (`templates`, `da/LC_MESSAGES`), which stay."""
    parts = folder.relative_to(locale_path).parts
    kept = 1 if parts[0] == TEMPLATE_FOLDER else 2  # templates/, or da/LC_MESSAGES/
    for _ in range(len(parts) - kept):
        if any(folder.iterdir()):
            return
        folder.rmdir()
        folder = folder.parent


def _key_as_left(config: Config, path: Path, plan: _Plan) -> str:
    """The document's key for its files as this run read or wrote them."""
    written = {file: memo.content_state(text.encode("utf-8")) for file, text in plan.files}
    files = _document_files(config, path)
    return memo.digest_states((file, written.get(file, plan.read[file])) for file in files)


def _as_unchanged(summary: DocumentSummary) -> DocumentSummary:
    """How a later run that finds the files as they are now reports them."""
    results = tuple(replace(r, change=Change(), written=False) for r in summary.catalogs)
    return replace(summary, catalogs=results, moved=())


def _document_files(config: Config, path: Path, name: str | None = None) -> list[Path]:
    """A source, its template and its catalog in every locale: what extract reads.

    With `name`, the template and catalogs are those of that document (a moved one's).
    """
    name = name or document_identity(config, path)[0]
    return [
        path,
        template_path(config.locale_path, name),
        *(po_path(config.locale_path, lang, name) for lang in config.locales),
    ]


def _catalog_files(config: Config, path: Path) -> list[Path]:
    return _document_files(config, path)[1:]


def _glossary(config: Config) -> Glossary | None:
    from pipeline.terms.glossary import project_glossary  # deferred: keeps `--help` quick

    return project_glossary(config)


def _matchers(glossary: Glossary | None) -> Matchers | None:
    if glossary is None:
        return None
    from pipeline.terms.occurrences import Matchers

    return Matchers(glossary)


def _say_kept(shown: str, kept: list[tuple[int, str]]) -> None:
    """One line a document for the constructs kept as written: attrs' docs said it once
    for each of its 80 doctest blocks."""
    lines: dict[str, list[int]] = {}
    for line, construct in kept:
        lines.setdefault(construct, []).append(line)
    for construct, found in lines.items():
        where = ", ".join(map(str, found[:3])) + (", …" if len(found) > 3 else "")
        times = f"{len(found)} times, lines" if len(found) > 1 else "line"
        log.warning("%s:%d: %s is kept as written, not translated (%s %s)",
                    shown, found[0], construct, times, where)  # fmt: skip


def _plan_path(
    config: Config, matchers: Matchers | None, recall: RunMemory, moves: dict[str, str], path: Path
) -> _Plan:
    name, _ = document_identity(config, path)
    moved_from = moves.get(name)
    old_files = _document_files(config, path, moved_from)[1:] if moved_from else []
    new_files = _catalog_files(config, path) if moved_from else []
    read = {file: memo.file_state(file) for file in [*_document_files(config, path), *old_files]}
    source = load_source(config, path)
    _say_kept(source.display, kept_verbatim(read_text(path, source.display)))
    notes = _glossary_notes(matchers, source, config.locales)
    files, waiting = _plan_document(config, source, notes, recall, moved_from)
    # Each old file that exists goes to the new name, if the document still has it
    # (a catalog in the document's own language is no target, and stays an orphan).
    planned = {file for file, _, _ in files}
    pairs = [
        (old, new)
        for old, new in zip(old_files, new_files, strict=True)
        if read[old] != memo.ABSENT and new in planned
    ]
    removed = tuple(old for old, _ in pairs)
    moved = tuple((display_path(o, config.root), display_path(n, config.root)) for o, n in pairs)
    summary = DocumentSummary(
        source.display,
        source.document.name,
        source.document.lang,
        len({unit.text for unit in source.units}),
        tuple(result for _, _, result in files),
        waiting=waiting,
        moved=moved,
    )
    return _Plan(tuple((file, text) for file, text, _ in files), summary, read, removed)


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
    config: Config,
    source: SourceFile,
    notes: dict[str, str],
    recall: RunMemory,
    moved_from: str | None,
) -> tuple[list[tuple[Path, str, CatalogResult]], tuple[str, ...]]:
    """The template and catalogs as they must read, and the locales still waiting for
    translations. A moved document's catalogs are read from its old name."""
    document = source.document
    title = document.title
    old_name = moved_from or document.name
    pot_file = template_path(config.locale_path, document.name)
    template = build_template(source.units, source.display, notes)
    pot = PoFile(template)
    template.header_comment = header_comment(title, source.display, None)
    set_headers(
        pot, project=config.project, lang=None, source_lang=document.lang, created=now_stamp()
    )
    old_pot = _read_existing(template_path(config.locale_path, old_name), config)
    pot_text = render_with_stable_date(pot, old_pot)
    created = pot.header("POT-Creation-Date") or now_stamp()
    count = len(list(template)) - 1
    plan = [
        (
            pot_file,
            in_its_line_ends(pot_file, pot_text),
            CatalogResult(display_path(pot_file, config.root), None, count, Change(), False),
        )
    ]
    waiting = []
    for lang in source.targets(config.locales):
        path = po_path(config.locale_path, lang, document.name)
        old_path = po_path(config.locale_path, lang, old_name)
        old = _read_existing(old_path, config)
        existing = parse_po(old, display_path(old_path, config.root)) if old is not None else None
        po, change = update_catalog(existing, template, lang)
        if _untranslated(po):
            filled = fill_catalog(po.catalog, recall.memory(config, lang))
            change = replace(change, filled=filled)
            if _untranslated(po):
                waiting.append(lang)
        fresh = header_comment(title, source.display, lang)
        if existing is None:
            po.catalog.header_comment = fresh
        elif old_path != path:  # a moved catalog names its new source
            po.catalog.header_comment = renamed(po.catalog.header_comment, fresh)
        set_headers(
            po, project=config.project, lang=lang, source_lang=document.lang, created=created
        )
        result = CatalogResult(display_path(path, config.root), lang, count, change, False)
        plan.append((path, in_its_line_ends(path, generate_po(po)), result))
    return plan, tuple(waiting)


def _untranslated(po: PoFile) -> bool:
    return any(message.id and not message.string for message in po.catalog)


def _read_existing(path: Path, config: Config) -> str | None:
    if not path.exists():
        return None
    shown = display_path(path, config.root)
    text = read_po_text(path, shown)
    if not text.strip():  # it was made anew in silence, and its loss went unseen
        hint = "restore it from version control, or delete it to begin it anew"
        raise PipelineError("the catalog is empty (a save cut short?)", shown, 1, hint=hint)
    return text
