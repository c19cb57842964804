"""Run every check over the project, or over given Markdown files and PO catalogs."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.catalogs.messages import CatalogMessage, CatalogSync
from pipeline.catalogs.paths import po_path
from pipeline.catalogs.po import PoFile, read_po_shared
from pipeline.checks import run
from pipeline.checks.findings import Finding
from pipeline.checks.registry import ActiveRule, Target, all_rules, resolve
from pipeline.checks.suppressions import Suppression, apply, markdown_suppressions, po_suppressions
from pipeline.project import memo
from pipeline.project.config import Config, check_language
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, read_text
from pipeline.project.parallel import ordered_map
from pipeline.source.markdown import read_document
from pipeline.source.tree import SourceFile, find_sources, load_source, load_sources
from pipeline.source.units import split_units
from pipeline.terms.glossary import Glossary, primary_language, project_glossary
from pipeline.terms.occurrences import (
    Corpus,
    Matchers,
    Rendering,
    RenderingRow,
    TermText,
    TranslationEntry,
    shared_renderings,
    term_text,
)


@dataclass
class Coverage:
    """What a run looked at, so "no findings" can be told apart from "checked nothing"."""

    markdown: list[str] = field(default_factory=list)
    catalogs: list[str] = field(default_factory=list)
    units: int = 0
    entries: int = 0
    languages: set[str] = field(default_factory=set)
    glossary: str | None = None
    concepts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return sorted(self.markdown + self.catalogs)

    def summary(self) -> str:
        langs = ", ".join(sorted(self.languages)) or "none"
        glossary = "no glossary"
        if self.glossary:
            per = ", ".join(f"{lang} {n}" for lang, n in sorted(self.concepts.items()))
            glossary = f"glossary {self.glossary} ({per} concepts)"
        return (
            f"checked {_count(len(self.markdown), 'Markdown file')}, "
            f"{_count(len(self.catalogs), 'catalog')} and {_count(self.pages, 'page')} "
            f"({self.units} units, {self.entries} translated entries; languages: {langs}); "
            f"{glossary}"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Findings of a run, the rules it applied and what it covered."""

    findings: list[Finding]
    rules: list[ActiveRule]
    coverage: Coverage


@dataclass
class _Gathered:
    """Everything read for a run: subjects for each rule family, and what was covered."""

    coverage: Coverage = field(default_factory=Coverage)
    sources: list[SourceFile] = field(default_factory=list)
    texts: list[TermText] = field(default_factory=list)
    entries: list[TranslationEntry] = field(default_factory=list)
    messages: list[CatalogMessage] = field(default_factory=list)
    syncs: list[CatalogSync] = field(default_factory=list)


def check_project(
    config: Config,
    paths: tuple[Path, ...] = (),
    glossary_path: Path | None = None,
    source_lang: str | None = None,
    readability: list[Finding] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Check the configured project, or exactly `paths` (Markdown files and PO catalogs).

    `readability` takes findings already scored in this run instead of scoring again.
    `progress(done, total)` hears of each document checked (not taken from the cache).
    """
    rules = resolve(config.rules, config.origin)
    glossary = project_glossary(config, glossary_path)
    run_ = _Run(config, rules, glossary, Matchers(glossary) if glossary else None, readability)
    if paths:
        project = _project_sources(config, required=False)
        documents = [_check_paths(run_, paths, source_lang, project)]
    else:
        documents = _check_documents(run_, progress)
    coverage = _merge_coverage(document.coverage for document in documents)
    findings = [finding for document in documents for finding in document.findings]
    if glossary is None:
        coverage.notes.append(
            "no glossary configured: term/* rules were not run "
            "(set glossary in [tool.pipeline] or pass --glossary)"
        )
    else:
        _note_glossary(glossary, coverage)
        # Within a document the corpus rules ran with it; here they compare documents.
        rows = (row for document in documents for row in document.renderings)
        corpus = Corpus((), shared_renderings(rows))
        findings += run(_family(rules, "term"), {"corpus": [corpus]}, glossary)
    suppressions = [found for document in documents for found in document.suppressions]
    _check_suppressions(suppressions)
    findings, unused = apply(findings, suppressions)
    findings += run(_family(rules, "meta"), {"suppression": [*unused]})
    # One source problem seen from two rendered locales is one finding.
    return CheckResult(sorted(set(findings), key=lambda f: f.sort_key), rules, coverage)


@dataclass(frozen=True, slots=True)
class _Run:
    """What every document of a run is checked with."""

    config: Config
    rules: list[ActiveRule]
    glossary: Glossary | None
    matchers: Matchers | None
    readability: list[Finding] | None  # scored earlier in this run (build), or None


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """A document's share of a run: what it alone decides, and what the corpus rules need."""

    findings: tuple[Finding, ...]
    coverage: Coverage
    renderings: tuple[RenderingRow, ...]  # plain tuples: a large cache loads fast
    suppressions: tuple[Suppression, ...]


def _check_documents(
    run_: _Run, progress: Callable[[int, int], None] | None
) -> list[DocumentResult]:
    """Each source with its catalogs, from the cache when none of their bytes changed."""
    config = run_.config
    paths = find_sources(config)
    version = _run_version(run_)
    shards = {digit: memo.table(f"check-{digit}", version) for digit in "0123456789abcdef"}
    stored = {key: result for shard in shards.values() for key, result in shard.items()}
    keys = [_document_key(config, path) for path in paths]
    missing = [path for path, key in zip(paths, keys, strict=True) if key not in stored]
    before = {path: memo.signatures(_document_files(config, path)) for path in missing}
    fresh = ordered_map(functools.partial(_check_path, run_), missing)
    if progress is not None:
        fresh = _reporting(fresh, len(missing), progress)
    results = [stored[key] if key in stored else next(fresh) for key in keys]
    if _run_version(run_) != version:
        return results  # an image or the like changed meanwhile: keep nothing
    kept = dict(zip(keys, results, strict=True))
    for path, key in zip(paths, keys, strict=True):
        if path in before and memo.signatures(_document_files(config, path)) != before[path]:
            del kept[key]  # written to while it was checked: what was read may not be there
    for digit, shard in shards.items():  # an edit rewrites one sixteenth of the cache
        kept_here = {key: result for key, result in kept.items() if key[0] == digit}
        if kept_here.keys() != shard.keys():
            memo.replace(f"check-{digit}", version, kept_here)
    return results


def _reporting(
    results: Iterator[DocumentResult], total: int, progress: Callable[[int, int], None]
) -> Iterator[DocumentResult]:
    for done, result in enumerate(results, 1):
        progress(done, total)
        yield result


def _check_path(run_: _Run, path: Path) -> DocumentResult:
    return _check_source(run_, load_source(run_.config, path))


def _check_source(run_: _Run, source: SourceFile) -> DocumentResult:
    config, gathered = run_.config, _Gathered()
    _add_source(source, run_.matchers, gathered)
    for lang in source.targets(config.locales):
        catalog = po_path(config.locale_path, lang, source.document.name)
        po = _add_catalog(config, catalog, source.document.lang, run_.matchers, gathered)
        gathered.syncs.append(_sync(config, source, catalog, po))
    if run_.readability is None:
        findings = _readability(config, [source], (), gathered.coverage)
    else:
        files = {source.display, *gathered.coverage.catalogs}
        findings = [finding for finding in run_.readability if finding.path in files]
    findings += _gathered_findings(run_, gathered)
    findings += _accessibility(config, run_.rules, [source], gathered.coverage)
    return _result(findings, gathered)


def _check_paths(
    run_: _Run, paths: tuple[Path, ...], source_lang: str | None, project: list[SourceFile] | None
) -> DocumentResult:
    """Exactly the given files, as one group (their catalogs and sources may not pair up)."""
    gathered = _Gathered()
    for path in paths:
        _add_path(run_.config, path, source_lang, run_.matchers, gathered)
    if run_.readability is None:
        findings = _readability(run_.config, project, paths, gathered.coverage)
    else:
        findings = list(run_.readability)
    findings += _gathered_findings(run_, gathered)
    gathered.coverage.notes.append(
        "accessibility not checked: it needs the whole project (no PATHS)"
    )
    return _result(findings, gathered)


def _gathered_findings(run_: _Run, gathered: _Gathered) -> list[Finding]:
    """Translation QA, and the term rules within one document."""
    subjects: dict[Target, list[object]] = {
        "message": [*gathered.messages],
        "catalog": [*gathered.syncs],
        "text": [*gathered.texts],
        "entry": [*gathered.entries],
        "corpus": [Corpus(tuple(gathered.texts), ())],
    }
    rules = [*_family(run_.rules, "translation")]
    if run_.glossary is not None:
        rules += _family(run_.rules, "term")
    return run(rules, subjects, run_.glossary)


def _result(findings: list[Finding], gathered: _Gathered) -> DocumentResult:
    found = po_suppressions(gathered.messages)
    for source in gathered.sources:
        text = read_text(source.document.path, source.display)
        found += markdown_suppressions(text, source.display)
    renderings = tuple(Rendering.of(entry).row() for entry in gathered.entries)
    return DocumentResult(tuple(findings), gathered.coverage, renderings, tuple(found))


def _document_key(config: Config, path: Path) -> str:
    """Hash of a source's bytes and of its catalogs' bytes in every locale."""
    return memo.digest_files(_document_files(config, path))


def _document_files(config: Config, path: Path) -> list[Path]:
    return [path, *(po_path(config.locale_path, lang, path.stem) for lang in config.locales)]


def _run_version(run_: _Run) -> str:
    """Cached results hold while the code, config, glossary and resources are the same."""
    config = run_.config
    resources = sorted(
        p for p in config.source_path.rglob("*") if p.is_file() and p.suffix != ".md"
    )
    return memo.digest(
        memo.code_version(), repr(config), repr(run_.glossary), memo.digest_files(resources)
    )


def _merge_coverage(parts: Iterable[Coverage]) -> Coverage:
    merged = Coverage()
    for part in parts:
        merged.markdown += part.markdown
        merged.catalogs += part.catalogs
        merged.units += part.units
        merged.entries += part.entries
        merged.languages |= part.languages
        merged.pages += part.pages
        merged.notes += part.notes
    return merged


def _family(rules: list[ActiveRule], family: str) -> list[ActiveRule]:
    return [active for active in rules if active.rule.family == family]


def _accessibility(
    config: Config,
    rules: list[ActiveRule],
    sources: list[SourceFile],
    coverage: Coverage,
) -> list[Finding]:
    """a11y/* on every page the export would write, rendered in memory."""
    from pipeline.checks.html_page import parse_page
    from pipeline.export.page import render

    pages = []
    for source in sources:
        text = read_text(source.document.path, source.display)
        # markdown-it does not even make an image of file: or data: sources; name them too
        unlinked = [src for src in _IMAGE_SOURCE.findall(text) if _BLOCKED_SCHEME.match(src)]
        for lang in config.locales:
            page = render(config, source, lang, copy_images=False)
            refused = tuple(
                (src, source.display, _line_of(text, f"]({src}"))
                for src in dict.fromkeys([*page.refused_images, *unlinked])
            )
            pages.append(parse_page(page.shown, page.html, refused))
    coverage.pages += len(pages)
    page_rules = [r for r in rules if r.rule.target == "page"]
    return run(page_rules, {"page": [*pages]})


_IMAGE_SOURCE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_BLOCKED_SCHEME = re.compile(r"(?i)(file|javascript|vbscript|data):")


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _check_suppressions(found: list[Suppression]) -> None:
    """A suppression naming no rule would silently suppress nothing: stop the run."""
    known = {r.id for r in all_rules()} | {r.family for r in all_rules()} | {"*", "all"}
    for suppression in found:
        for rule_id in suppression.rules:
            if rule_id not in known and rule_id.rstrip("/*") not in known:
                guess = difflib.get_close_matches(rule_id, sorted(known), n=1)
                raise PipelineError(
                    f"unknown rule '{rule_id}' in a suppression",
                    suppression.path,
                    suppression.line,
                    hint=f"did you mean '{guess[0]}'?" if guess else "see `pipeline rules`",
                )


def _project_sources(config: Config, required: bool) -> list[SourceFile] | None:
    """The project's sources; with explicit paths a missing project is not an error."""
    try:
        return load_sources(config)
    except PipelineError:
        if required:
            raise
        return None


def _note_glossary(glossary: Glossary, coverage: Coverage) -> None:
    coverage.glossary = glossary.path
    coverage.concepts = glossary.coverage()
    for lang in sorted(coverage.languages):
        if not coverage.concepts.get(primary_language(lang)):
            coverage.notes.append(
                f"the glossary has no terms in '{lang}': term checks of {lang} text checked nothing"
            )


def _add_source(source: SourceFile, matchers: Matchers | None, gathered: _Gathered) -> None:
    coverage = gathered.coverage
    gathered.sources.append(source)
    coverage.markdown.append(source.display)
    coverage.units += len(source.units)
    coverage.languages.add(source.document.lang)
    if not source.units:
        coverage.notes.append(f"{source.display} has no translatable text")
    if matchers is None:
        return
    for unit in source.units:
        gathered.texts.append(
            term_text(
                matchers,
                path=source.display,
                document=unit.document,
                lang=unit.lang,
                text=unit.text,
                line=unit.line,
                line_starts=unit.line_starts,
                unit_id=unit.id,
            )
        )


def _add_path(
    config: Config,
    path: Path,
    source_lang: str | None,
    matchers: Matchers | None,
    gathered: _Gathered,
) -> None:
    shown = display_path(path, config.root)
    if path.suffix == ".md":
        document = read_document(path, shown)
        units = tuple(split_units(document, config.segmentation))
        _add_source(SourceFile(document, shown, units), matchers, gathered)
    elif path.suffix in {".po", ".pot"}:
        _add_catalog(config, path, source_lang, matchers, gathered)
    else:
        raise PipelineError(
            "not a Markdown file or PO catalog", shown, hint="give .md or .po files"
        )


def _add_catalog(
    config: Config,
    path: Path,
    source_lang: str | None,
    matchers: Matchers | None,
    gathered: _Gathered,
) -> PoFile | None:
    """Add a catalog's messages and entries; None when the catalog does not exist."""
    shown = display_path(path, config.root)
    coverage = gathered.coverage
    if not path.exists():
        return None
    po = read_po_shared(path, shown)
    target, source = _catalog_languages(po, shown, source_lang)
    coverage.catalogs.append(shown)
    coverage.languages.update({target, source})
    for message in _messages(po, shown, path.stem, source, target):
        gathered.messages.append(message)
        if not message.translated:
            continue
        coverage.entries += 1
        if matchers is not None:
            source_text, target_text = (
                term_text(matchers, path=shown, document=path.stem, lang=lang, text=text, line=at)
                for lang, text, at in (
                    (source, message.source, message.msgid_line),
                    (target, message.target, message.line),
                )
            )
            gathered.texts.append(target_text)
            entry = TranslationEntry(shown, message.line, path.stem, source_text, target_text)
            gathered.entries.append(entry)
    return po


def _sync(config: Config, source: SourceFile, path: Path, po: PoFile | None) -> CatalogSync:
    shown = display_path(path, config.root)
    if po is None:
        return CatalogSync(shown, source.display, exists=False)
    texts = list(dict.fromkeys(unit.text for unit in source.units))
    active = {str(m.id) for m in po.catalog if m.id}
    new = tuple(text for text in texts if text not in active)
    removed = tuple(sorted(active - set(texts)))
    return CatalogSync(shown, source.display, True, new, removed)


def _messages(
    po: PoFile, shown: str, document: str, source: str, target: str
) -> Iterator[CatalogMessage]:
    """The singular messages of a catalog (Markdown units have no plurals)."""
    for message in po.catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        line = po.msgstr_lines.get(message.id, message.lineno or 1)
        text = message.string if isinstance(message.string, str) else ""
        yield CatalogMessage(
            shown, line, message.lineno or line, document, source, target, message.id, text,
            message.fuzzy, tuple(message.user_comments),
        )  # fmt: skip


def _catalog_languages(po: PoFile, shown: str, source_lang: str | None) -> tuple[str, str]:
    target = po.header("Language")
    if not target:
        raise PipelineError(
            "catalog has no Language header", shown, hint="set it to the target language, e.g. da"
        )
    source = po.header("X-Source-Language") or source_lang
    if not source:
        raise PipelineError(
            "catalog has no X-Source-Language header",
            shown,
            hint="pass --source-lang, e.g. --source-lang en",
        )
    return check_language(target, shown), check_language(source, shown)


def _readability(
    config: Config, sources: list[SourceFile] | None, paths: tuple[Path, ...], coverage: Coverage
) -> list[Finding]:
    """Readability findings for the project, or for the project files among `paths`."""
    from pipeline.stages.readability import score_project

    if sources is None:
        coverage.notes.append("readability not checked: the files are not in a project")
        return []
    shown = [display_path(path, config.root) for path in paths]
    scored = tuple(p for p, s in zip(paths, shown, strict=True) if _is_scored(config, sources, s))
    if paths and not scored:
        coverage.notes.append("readability not checked: no given file is a project document")
        return []
    return score_project(config, sources, scored).findings


def _is_scored(config: Config, sources: list[SourceFile], shown: str) -> bool:
    for source in sources:
        if source.display == shown:
            return True
        for lang in source.targets(config.locales):
            if (
                display_path(po_path(config.locale_path, lang, source.document.name), config.root)
                == shown
            ):
                return True
    return False


def known_rules() -> list[str]:
    """Every rule id, for help texts."""
    return [rule.id for rule in all_rules()]
