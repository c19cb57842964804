"""Run every check over the project, or over given Markdown files and PO catalogs."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.catalogs.messages import RenderingRow, catalog_sync
from pipeline.catalogs.paths import po_path
from pipeline.checks.baseline import read_baseline, without_baseline
from pipeline.checks.batches import Gathered, check_messages, prepare
from pipeline.checks.coverage import (
    Coverage,
    merge_coverage,
    note_fuzzy,
    note_glossary,
    note_short,
)
from pipeline.checks.findings import Finding
from pipeline.checks.groups import Rows
from pipeline.checks.links import LinkRow, link_set
from pipeline.checks.positions import with_columns
from pipeline.checks.readability import FEWEST_WORDS
from pipeline.checks.registry import ActiveRule, resolve, rules_that_ran
from pipeline.checks.runner import run, run_uses
from pipeline.checks.spelling import (
    note_spelling,
    spelling_settings,
    take_terms,
)
from pipeline.checks.spelling_evidence import fold_hidden, on_guesses
from pipeline.checks.subjects import Subjects, add_catalog, add_path, add_source
from pipeline.checks.suggestions import Suggestions
from pipeline.checks.suppressions import (
    Suppression,
    apply,
    check_rule_names,
    markdown_suppressions,
    po_suppressions,
)
from pipeline.languages.evidence import told_apart
from pipeline.languages.project_slips import CODE, DocumentWords, counted, document_words
from pipeline.project import memo
from pipeline.project.config import Config, SpellingSettings
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, read_text, size_of
from pipeline.project.parallel import ordered_map, workers_started
from pipeline.source.tree import (
    SourceFile,
    find_sources,
    load_source,
    load_sources,
)
from pipeline.stages.check_cache import (
    DocumentCache,
    corpus_findings,
    document_files,
    document_key,
    reporting,
    run_version,
)
from pipeline.stages.readability import READABILITY_NOT_CHECKED, readability_findings
from pipeline.terms.glossary import Glossary, project_glossary
from pipeline.terms.occurrences import Matchers, TermUseRow, term_uses


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Findings of a run, the rules it applied and what it covered."""

    findings: list[Finding]
    rules: list[ActiveRule]
    coverage: Coverage


def check_project(
    config: Config,
    paths: tuple[Path, ...] = (),
    glossary_path: Path | None = None,
    source_lang: str | None = None,
    readability: list[Finding] | None = None,
    progress: Callable[[int, int], None] | None = None,
    lang: str | None = None,
) -> CheckResult:
    """Check the configured project, or exactly `paths` (Markdown files and PO catalogs).

    `lang` is the language of a given Markdown file that has no `lang` of its own.
    `readability` takes findings already scored in this run instead of scoring again.
    `progress(done, total)` hears of each document checked (not taken from the cache).
    """
    if "pipeline.export.page" in sys.modules:  # not imported yet: it has nothing to forget
        sys.modules["pipeline.export.page"].forget_document_names()
    rules = resolve(config.rules, config.origin)
    glossary = project_glossary(config, glossary_path)
    matchers = Matchers(glossary) if glossary else None
    spelling = spelling_settings(config)
    names = glossary.names() if glossary else frozenset()
    suggestions = Suggestions(spelling, config.locales, names)
    run_ = _Run(config, rules, glossary, matchers, readability, spelling, suggestions)
    with _workers(run_, sum(map(size_of, paths))):
        return _checked(run_, paths, source_lang, progress, lang)


# Bytes to check from which workers start before the files are read (2,000 messages).
WORKERS_FROM = 256 * 1024


def _workers(run_: _Run, size: int) -> contextlib.AbstractContextManager[None]:
    """For `size` bytes to check, workers that load spaCy and the dictionaries while
    the files are read, if enough."""
    if size < WORKERS_FROM:
        return contextlib.nullcontext()
    return workers_started(
        functools.partial(prepare, run_.rules, run_.config.locales, run_.spelling)
    )


def _checked(
    run_: _Run,
    paths: tuple[Path, ...],
    source_lang: str | None,
    progress: Callable[[int, int], None] | None,
    lang: str | None,
) -> CheckResult:
    config, rules, glossary, spelling = run_.config, run_.rules, run_.glossary, run_.spelling
    cache: DocumentCache | None = None
    rows: Callable[[str], Rows | None]
    if paths:
        try:
            project: list[SourceFile] | None = load_sources(config)
        except PipelineError:  # with explicit paths a missing project is not an error
            project = None
        documents = [_check_paths(run_, paths, (lang, source_lang), project)]
        given: Rows = (documents[0].renderings, documents[0].uses)
        order, rows = [("", "")], {"": given}.get
    else:
        documents, order, cache = _check_documents(run_, progress)
        rows = cache.rows
    coverage = merge_coverage(document.coverage for document in documents)
    note_short(coverage, FEWEST_WORDS)
    note_fuzzy(coverage, config.check_fuzzy)
    findings = [finding for document in documents for finding in document.findings]
    corpus_rules = [r for r in rules if r.rule.target == "corpus"]
    if glossary is None:
        coverage.notes.append(
            "no glossary configured: term/* rules were not run "
            "(set glossary in [tool.pipeline] or pass --glossary)"
        )
        corpus_rules = [r for r in corpus_rules if r.rule.family != "term"]
    else:
        note_glossary(glossary, coverage)
    names = glossary.names() if glossary else frozenset()
    languages = tuple(sorted(coverage.languages)) or config.locales
    note_spelling(spelling, languages, names, coverage)
    coverage.notes += [
        f"language of parts not checked for {lang}: no word list or language model for it"
        for lang in languages
        if not told_apart(lang)
    ]
    written = cache.written if cache else counted(documents[0].words)
    run_.suggestions.before_terms(findings, written)
    # Consistency compares every document with every other (while workers suggest).
    corpus = corpus_findings(corpus_rules, glossary, order, rows, cache)
    suggestions = run_.suggestions
    findings = take_terms(findings, coverage, spelling, config.locales, names, written, suggestions)
    findings += corpus
    # Links cross documents: a heading renamed in one breaks links in another.
    links = link_set(
        config,
        [row for document in documents for row in document.links],
        [pair for document in documents for pair in document.anchors],
        {label for document in documents for label in document.labels},
    )
    findings += run(_family(rules, "links"), {"links": [links]})
    suppressions = [found for document in documents for found in document.suppressions]
    check_rule_names(suppressions)
    findings, unused = apply(findings, suppressions)
    findings += run(_family(rules, "meta"), {"suppression": [*unused]})
    # One source problem seen from two rendered locales is one finding.
    found = sorted(with_columns(set(findings), config.root), key=lambda f: f.sort_key)
    read = not any(note.startswith(READABILITY_NOT_CHECKED) for note in coverage.notes)
    ran = rules_that_ran(rules, glossary is not None, pages=not paths, readability=read)
    return CheckResult(found, ran, coverage)


@dataclass(frozen=True, slots=True)
class _Run:
    """What every document of a run is checked with."""

    config: Config
    rules: list[ActiveRule]
    glossary: Glossary | None
    matchers: Matchers | None
    readability: list[Finding] | None  # scored earlier in this run (build), or None
    spelling: SpellingSettings
    suggestions: Suggestions  # begun for the unknown words as a big catalog's slices come


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """A document's share of a run: what it alone decides, and what the corpus rules need."""

    findings: tuple[Finding, ...]
    coverage: Coverage
    renderings: tuple[RenderingRow, ...]  # plain tuples: a large cache loads fast
    uses: tuple[TermUseRow, ...]
    suppressions: tuple[Suppression, ...]
    links: tuple[LinkRow, ...] = ()
    anchors: tuple[tuple[str, tuple[str, ...]], ...] = ()  # Markdown file → its ids
    words: DocumentWords = ()  # for the slips of the project's own words
    labels: tuple[str, ...] = ()  # MyST's `(label)=` targets, which `[](label)` names


def _check_documents(
    run_: _Run, progress: Callable[[int, int], None] | None
) -> tuple[list[DocumentResult], list[tuple[str, str]], DocumentCache]:
    """Each source with its catalogs, from the cache when none of their bytes changed;
    with the (name, key) of each in project order, and the cache for their rows."""
    config = run_.config
    paths = find_sources(config)
    version = run_version(run_.config, run_.glossary, run_.spelling)
    cache = DocumentCache(version)
    keys = [document_key(config, path) for path in paths]
    stored = {key: cache.result(key) for key in keys}
    missing = [path for path, key in zip(paths, keys, strict=True) if stored[key] is None]
    before = {path: memo.signatures(document_files(config, path)) for path in missing}
    fresh = ordered_map(functools.partial(_check_path, run_), missing)
    if progress is not None:
        fresh = reporting(fresh, len(missing), progress)
    results: list[DocumentResult] = []
    size = sum(stat[0] for path in missing for stat in before[path] if stat)  # type: ignore[index]
    with _workers(run_, size):
        for key in keys:
            result = stored[key]
            if result is None:
                result = stored[key] = next(fresh)
                cache.checked(key, result)
            results.append(result)
    order = [(str(path), key) for path, key in zip(paths, keys, strict=True)]
    if run_version(run_.config, run_.glossary, run_.spelling) != version:
        cache.keeps_groups = False
        cache.sum_words(keys)
        return results, order, cache  # an image or the like changed meanwhile: keep nothing
    kept = dict(zip(keys, results, strict=True))
    for path, key in zip(paths, keys, strict=True):
        if path in before and memo.signatures(document_files(config, path)) != before[path]:
            del kept[key]  # written to while it was checked: what was read may not be there
            cache.keeps_groups = False
    cache.sum_words(keys)  # before keep: the words of documents gone are still read
    cache.keep(kept)
    return results, order, cache


def _check_path(run_: _Run, path: Path) -> DocumentResult:
    return _check_source(run_, load_source(run_.config, path))


def _check_source(run_: _Run, source: SourceFile) -> DocumentResult:
    config, subjects = run_.config, Subjects()
    add_source(source, run_.matchers, subjects)
    for lang in source.targets(config.locales):
        catalog = po_path(config.locale_path, lang, source.document.name)
        po = add_catalog(config, catalog, source.document.lang, subjects, source.document.path)
        texts = (unit.text for unit in source.units)
        shown = display_path(catalog, config.root)
        subjects.syncs.append(catalog_sync(shown, source.display, texts, po))
    if run_.readability is None:
        names = run_.glossary.names() if run_.glossary else frozenset()
        findings = readability_findings(config, [source], (), subjects.coverage, names=names)
    else:
        files = {source.display, *subjects.coverage.catalogs}
        findings = [finding for finding in run_.readability if finding.path in files]
    gathered = _gathered_findings(run_, subjects)
    gathered.findings.extend(findings)
    gathered.findings.extend(_accessibility(config, run_.rules, [source], subjects.coverage))
    return _result(run_, gathered, subjects)


def _check_paths(
    run_: _Run,
    paths: tuple[Path, ...],
    languages: tuple[str | None, str | None],
    project: list[SourceFile] | None,
) -> DocumentResult:
    """Exactly the given files, as one group (their catalogs and sources may not pair up)."""
    subjects = Subjects()
    for path in paths:
        add_path(run_.config, path, languages, run_.matchers, subjects)
    if run_.readability is None:
        names = run_.glossary.names() if run_.glossary else frozenset()
        findings = readability_findings(
            run_.config, project or [], paths, subjects.coverage, languages[0], names
        )
    else:
        findings = list(run_.readability)
    gathered = _gathered_findings(run_, subjects)
    gathered.findings.extend(findings)
    subjects.coverage.notes.append(
        "the exported pages' accessibility not checked: it needs the whole project "
        "(no PATHS); the texts' rules (language of parts, glyphs) ran"
    )
    return _result(run_, gathered, subjects)


def _gathered_findings(run_: _Run, subjects: Subjects) -> Gathered:
    """Translation QA, the term rules and the a11y rules on texts, within one document.

    A large catalog's messages are checked in slices on every core; the findings are
    the same as in one piece (each rule looks at one message at a time).
    """
    rules = [*_family(run_.rules, "translation"), *_family(run_.rules, "spelling")]
    rules += [r for r in _family(run_.rules, "a11y") if r.rule.target in ("text", "uses")]
    if run_.glossary is not None:
        rules += _family(run_.rules, "term")
    by_message = [r for r in rules if r.rule.target in ("message", "text", "entry")]
    languages, spelling = run_.config.locales, run_.spelling
    whole = {"catalog": [*subjects.syncs], "text": [*subjects.texts]}
    gathered = Gathered(
        run(rules, whole, run_.glossary, languages, spelling),  # type: ignore[arg-type]
        [],
        [tuple(use) for text in subjects.texts for use in term_uses(text)],  # type: ignore[misc]
    )
    parts = check_messages(
        subjects.messages, run_.matchers, by_message, run_.glossary, languages, spelling,
        run_.suggestions.ahead,
    )  # fmt: skip
    for part in parts:
        gathered.findings.extend(part.findings)
        gathered.renderings.extend(part.renderings)
        gathered.uses.extend(part.uses)
    uses_rules = [r for r in rules if r.rule.target == "uses"]
    gathered.findings.extend(run_uses(uses_rules, gathered.uses, run_.glossary))
    return gathered


def _result(run_: _Run, gathered: Gathered, subjects: Subjects) -> DocumentResult:
    found = [*subjects.suppressions, *po_suppressions(subjects.messages)]
    for source in subjects.sources:
        text = read_text(source.document.path, source.display)
        found += markdown_suppressions(text, source.display)
    findings = fold_hidden(on_guesses(gathered.findings, subjects.messages))
    return DocumentResult(
        tuple(findings), subjects.coverage, tuple(gathered.renderings),
        tuple(gathered.uses), tuple(found), tuple(subjects.links),
        tuple(subjects.anchors.items()), _words(run_, subjects), tuple(sorted(subjects.labels)),
    )  # fmt: skip


def _words(run_: _Run, subjects: Subjects) -> DocumentWords:
    """The words of the texts spelling reads (sources and translations): a word written
    once beside one the project writes often may be its slip."""
    if not any(active.rule.id == "spelling/unknown-word" for active in run_.rules):
        return ()  # spelling is off: nothing reads them
    texts = [(text.lang, text.text) for text in subjects.texts]
    texts += [(m.target_lang, m.target) for m in subjects.messages if m.translated and not m.fuzzy]
    texts += [(CODE, " ".join(s.document.code_words)) for s in subjects.sources]
    return document_words(texts)


def _family(rules: list[ActiveRule], family: str) -> list[ActiveRule]:
    return [active for active in rules if active.rule.family == family]


def _accessibility(
    config: Config,
    rules: list[ActiveRule],
    sources: list[SourceFile],
    coverage: Coverage,
) -> list[Finding]:
    """a11y/* on every page the export would write, rendered in memory."""
    from pipeline.checks.html_page import parse_page, source_headings, written_image_line
    from pipeline.export.page import render

    pages = []
    for source in sources:
        text = read_text(source.document.path, source.display)
        # markdown-it does not even make an image of file: or data: sources; name them too
        unlinked = [src for src in _IMAGE_SOURCE.findall(text) if _BLOCKED_SCHEME.match(src)]
        for lang in config.locales:
            page = render(config, source, lang, copy_images=False)
            refused = tuple(
                (src, source.display, written_image_line(text, src) or _line_of(text, f"]({src}"))
                for src in dict.fromkeys([*page.refused_images, *unlinked])
            )
            where, headings = (source.display, text), source_headings(source.document, lang)
            untranslated = page.untranslated_images
            pages.append(parse_page(page.shown, page.html, refused, where, headings, untranslated))
    coverage.pages += len(pages)
    page_rules = [r for r in rules if r.rule.target == "page"]
    return run(page_rules, {"page": [*pages]})


_IMAGE_SOURCE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_BLOCKED_SCHEME = re.compile(r"(?i)(file|javascript|vbscript|data):")


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def accept_baseline(
    config: Config, result: CheckResult, path: Path
) -> tuple[CheckResult, int, int]:
    """Drop the findings a baseline file accepts; how many, and how many of its entries
    matched nothing (fixed since: a finding brought back would be accepted again)."""
    accepted = read_baseline(path, display_path(path, config.root))
    findings, dropped = without_baseline(result.findings, accepted, config.root)
    return dataclasses.replace(result, findings=findings), dropped, accepted.total() - dropped
