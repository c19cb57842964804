"""Readability over a project: score every document in every locale, then run the rules."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalogs.paths import po_path
from pipeline.catalogs.reader import read_entries
from pipeline.checks.coverage import Coverage
from pipeline.checks.findings import Finding
from pipeline.checks.readability import DOCUMENT_LEVEL, too_little
from pipeline.checks.registry import resolve
from pipeline.checks.runner import run_readability
from pipeline.languages.passages import find_passages
from pipeline.project.config import Config, ReadabilitySettings, Target
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, write_output
from pipeline.readability.levels import (
    DocumentScore,
    OtherLanguage,
    document_target,
    score_source,
    score_translation,
)
from pipeline.report.scores import ReadabilityRun, render_html
from pipeline.source.tree import SourceFile, is_markdown, standalone_source
from pipeline.terms.glossary import project_glossary


def score_project(
    config: Config,
    sources: list[SourceFile],
    paths: tuple[Path, ...] = (),
    lang: str | None = None,
    names: frozenset[str] | None = None,
) -> ReadabilityRun:
    """Score sources and their translations; `paths` limits to those files (sources or POs).

    A Markdown file among `paths` that is not a project source (or `-`, standard
    input) is scored on its own, in its front matter's language or `lang`.
    """
    documents: list[DocumentScore] = []
    pairs: list[tuple[DocumentScore, DocumentScore]] = []
    other = _other_language(config, names)
    for source in sources:
        document = source.document
        line = document.key_lines.get("reading-level", 1)
        target = document_target(
            document.front_matter, config.readability.target, source.display, line
        )
        original = score_source(source.units, source.display, target, _named(source), other)
        documents.append(original)
        # `target_lang`, not `lang`: the loop must not change the --lang of files scored alone.
        for target_lang in source.targets(config.locales):
            translation = _score_catalog(config, source, target_lang, target, other)
            documents.append(translation)
            pairs.append((original, translation))
    if paths:
        wanted, alone = _wanted(config, paths, {score.path for score in documents})
        documents = [score for score in documents if score.path in wanted]
        pairs = [pair for pair in pairs if pair[1].path in wanted or pair[0].path in wanted]
        alone_sources = (standalone_source(config, path, lang) for path in alone)
        documents += [_score_alone(config, source, other) for source in alone_sources]
    rules = resolve(config.rules, config.origin)
    findings = run_readability(rules, documents, pairs)
    judged = any(active.rule.id == DOCUMENT_LEVEL for active in rules)
    short = tuple(s.path for s in documents if judged and s.counts.words and too_little(s))
    return ReadabilityRun(documents, pairs, findings, short)


def _other_language(config: Config, names: frozenset[str] | None) -> OtherLanguage:
    """Where a text is written in another of the project's languages: the passages
    a11y/language-of-parts reports, which readability leaves out. `names` never tell a
    language (the glossary's, as check has them; else read here)."""
    known = names if names is not None else _glossary_names(config)

    def spans(text: str, lang: str) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in find_passages(text, lang, config.locales, known)]

    return spans


def _glossary_names(config: Config) -> frozenset[str]:
    try:  # a broken glossary is check's to report: the reading levels are still wanted
        glossary = project_glossary(config)
    except PipelineError:
        return frozenset()
    return glossary.names() if glossary else frozenset()


def _score_catalog(
    config: Config, source: SourceFile, lang: str, target: Target, other: OtherLanguage
) -> DocumentScore:
    path = po_path(config.locale_path, lang, source.document.name)
    shown = display_path(path, config.root)
    if not path.exists():
        return DocumentScore(
            source.document.name, lang, shown, source.document.lang, target,
            (), len(source.units), len(source.units),
        )  # fmt: skip
    translated = {
        entry.msgid: (entry.strings[0], entry.msgstr_line)
        for entry in read_entries(path, shown).entries  # a duplicate msgid is an error there
        if entry.context is None and entry.strings[0] and (config.check_fuzzy or not entry.fuzzy)
    }
    return score_translation(source.units, translated, lang, shown, target, _named(source), other)


def _wanted(
    config: Config, paths: tuple[Path, ...], known: set[str]
) -> tuple[set[str], list[Path]]:
    """The project files among `paths`, and the Markdown files to score on their own."""
    wanted, alone = set(), []
    for path in paths:
        shown = display_path(path, config.root)
        if shown in known:
            wanted.add(shown)
        elif is_markdown(path):
            alone.append(path)
        else:
            raise PipelineError(
                "not a Markdown file, nor a catalog of this project",
                shown,
                hint="give Markdown files, - for standard input, or the project's PO catalogs",
            )
    return wanted, alone


def _score_alone(config: Config, source: SourceFile, other: OtherLanguage) -> DocumentScore:
    document = source.document
    line = document.key_lines.get("reading-level", 1)
    target = document_target(document.front_matter, config.readability.target, source.display, line)
    return score_source(source.units, source.display, target, _named(source), other)


def _named(source: SourceFile) -> tuple[str, str]:
    return source.document.name, source.document.lang


def default_report(config: Config) -> Path:
    """Where the HTML report for editors goes unless told otherwise."""
    return config.root / "build" / "reports" / "readability.html"


def write_report(path: Path, run: ReadabilityRun, settings: ReadabilitySettings) -> None:
    """Write the HTML readability report for editors."""
    write_output(path, render_html(run, settings), "report")


READABILITY_NOT_CHECKED = "readability not checked"


def readability_findings(
    config: Config,
    sources: list[SourceFile],
    paths: tuple[Path, ...],
    coverage: Coverage,
    lang: str | None = None,
    names: frozenset[str] | None = None,
) -> list[Finding]:
    """Readability findings for the project, or for `paths`: the project's sources and
    catalogs among them with their translations, other Markdown files on their own."""
    scored = tuple(
        path
        for path in paths
        if is_markdown(path) or _is_scored(config, sources, display_path(path, config.root))
    )
    if paths and not scored:
        coverage.notes.append(
            f"{READABILITY_NOT_CHECKED}: no given file is Markdown or a catalog of this project"
        )
        return []
    if len(scored) < len(paths):
        coverage.notes.append("readability of catalogs outside the project not checked")
    run = score_project(config, sources, scored, lang, names)
    coverage.short += run.unjudged  # judged by their sentences only: note_short says so
    return run.findings


def _is_scored(config: Config, sources: list[SourceFile], shown: str) -> bool:
    """Whether a given catalog (or source) belongs to a document of the project."""
    for source in sources:
        if source.display == shown:
            return True
        for lang in source.targets(config.locales):
            catalog = po_path(config.locale_path, lang, source.document.name)
            if display_path(catalog, config.root) == shown:
                return True
    return False
