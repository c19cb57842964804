"""Each command's run: its stage under a progress bar, then what it did; build runs them in turn.

A stage is imported where it runs, so that `pipeline --help` loads none of them.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.checks.findings import Finding, exit_code
from pipeline.cli.terminal import (
    Progress,
    coverage_summary,
    show_coverage,
    show_export,
    show_extract,
    show_findings,
    show_scores,
)
from pipeline.project.config import Config, for_paths
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path

if TYPE_CHECKING:
    from pipeline.catalogs.paths import Touched
    from pipeline.source.tree import SourceFile
    from pipeline.stages.check import CheckResult


def set_up_process() -> None:
    """Warnings as one line each on stderr, and a garbage collector that suits a run.
    A run holds millions of small objects (texts, findings, tables). At Python's
    default, a collection every 700 allocations, the collector walked them again and
    again: 6-9 % of a big catalog's check. Cycles are still collected, a little later."""
    for level in (logging.WARNING, logging.ERROR):  # "warning:", as the commands write
        logging.addLevelName(level, logging.getLevelName(level).lower())
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    gc.set_threshold(10_000, 10, 10)


@dataclass(frozen=True)
class Adoption:
    """Baseline files of a check run: one to read, one to write."""

    baseline: Path | None = None
    write: Path | None = None
    touched: Touched | None = None  # --changed-since: what the report is about


def read_sources(config: Config, paths: tuple[Path, ...] = ()) -> list[SourceFile]:
    """Read all sources, with a progress bar on a terminal when there are many. Given
    `paths`, a bad file elsewhere in the project does not stop the files given (as with
    check): `pipeline readability -` refused a text piped in for a blog post's YAML."""
    from pipeline.source.tree import find_sources, load_sources

    total = len(find_sources(config))
    with Progress("Reading sources") as bar:
        try:
            return load_sources(config, progress=lambda _: bar.advance(total))
        except PipelineError:
            if not paths:
                raise
            return []


def extract_and_show(config: Config) -> None:
    """Extract, then one line per catalog written and a warning per thing to look at."""
    from pipeline.catalogs.paths import orphan_catalogs
    from pipeline.source.tree import find_sources
    from pipeline.stages.extract import extract_project

    total = len(find_sources(config))
    with Progress("Extracting") as bar:
        summaries = extract_project(config, progress=lambda _: bar.advance(total))
    show_extract(summaries, orphan_catalogs(config, {summary.name for summary in summaries}))


def stats_and_show(config: Config, sources: list[SourceFile], output_format: str) -> None:
    """Print translation progress per locale and document, as a table or JSON."""
    from pipeline.report.progress import render_stats_table
    from pipeline.stages.stats import collect_stats

    rows = collect_stats(config, sources)
    if output_format == "json":
        click.echo(json.dumps([asdict(row) for row in rows], indent=2, ensure_ascii=False))
    else:
        click.echo(render_stats_table(rows))


def score_and_show(
    config: Config,
    sources: list[SourceFile],
    paths: tuple[Path, ...],
    output_format: str,
    top: int,
    report: Path | None,
    findings: bool = True,
    lang: str | None = None,
) -> list[Finding]:
    """Score, print and write the report; return the readability findings."""
    from pipeline.stages.readability import score_project, write_report

    result = score_project(config, sources, paths, lang)
    if report is not None:
        write_report(report, result, config.readability)
    shown = display_path(report, config.root) if report else None
    show_scores(result, config.readability, output_format, top, findings, shown)
    return result.findings


def export_and_show(
    config: Config, sources: list[SourceFile], only: tuple[str, ...], output_format: str
) -> int:
    """Export the chosen locales and formats, then say what fell back and what was written;
    return how many units could not go into translated Markdown (each an error)."""
    from pipeline.export.markdown_site import copy_site_files
    from pipeline.stages.export import export as export_pages

    locales = only or config.locales
    formats = ("html", "pdf", "markdown") if output_format == "all" else (output_format,)
    total = len(sources) * len(locales)
    copied = copy_site_files(config, locales) if "markdown" in formats else 0
    with Progress("Exporting", minimum=2) as bar:
        results = export_pages(config, sources, locales, formats, lambda _: bar.advance(total))
    return show_export(results, len(sources), len(locales), config, copied)


def changed_only(config: Config, ref: str) -> Touched:
    """What changed since `ref`; with no document changed and no file deleted, nothing
    is checked and the run ends."""
    from pipeline.catalogs.paths import touched_since

    touched = touched_since(config, ref)
    if not touched.documents and not touched.gone:
        click.echo(f"check: no source or catalog changed since {ref}; checked nothing", err=True)
        sys.exit(0)
    return touched


def _about_the_change(config: Config, result: CheckResult, touched: Touched) -> CheckResult:
    """The findings of the documents a change touched (their sources, catalogs and pages),
    and of links and images anywhere that point into a file it changed or deleted; the
    rest of the project was checked (mostly from the cache) so that these are right,
    and is not reported."""
    from pipeline.export.page import build_dir, page_url

    html = build_dir(config) / "html"
    pages = {
        display_path(html / page_url(name, lang), config.root)
        for name in touched.names
        for lang in config.locales
    }
    files, into = touched.documents | pages, touched.changed | touched.gone
    kept = [f for f in result.findings if f.path in files or f.data.get("target") in into]
    documents = f"{len(touched.names)} document{'' if len(touched.names) == 1 else 's'}"
    result.coverage.notes.append(
        f"--changed-since: the findings of the {documents} the change touched, and of links"
        f" into the {len(into)} files it changed or deleted; the rest of the project was"
        " checked, not reported"
    )
    return replace(result, findings=kept)


def whole_baseline(write: Path | None, changed_since: str | None, fuzzy: bool = False) -> None:
    """A baseline is not written from the files one change touched: they would stand for
    the whole, and the next run fail on everything else. (PATHS choose what CI checks:
    their baseline serves the runs with those PATHS.) Nor from fuzzy guesses: it would
    accept their faults once the flag is cleared."""
    if write and fuzzy:
        raise PipelineError(
            "--write-baseline records what CI accepts; with --fuzzy it would accept the "
            "faults of guesses not yet reviewed, once their fuzzy flag is cleared",
            hint="write the baseline without --fuzzy",
        )
    if write and changed_since:
        raise PipelineError(
            "--write-baseline records what the check covers; with --changed-since that is"
            " only the changed files, and the baseline would lose the rest",
            hint="write the baseline without --changed-since",
        )


def check_and_show(
    config: Config,
    paths: tuple[Path, ...],
    languages: tuple[str | None, str | None],
    output_format: str,
    output: Path | None,
    strict: bool,
    adopt: Adoption | None = None,
    readability: list[Finding] | None = None,
) -> int:
    """Check, print or write the report, say what was covered; return the exit code.

    `readability` passes findings already scored in this run (build), so the
    documents are not scored twice.
    """
    from pipeline.checks.baseline import record_baseline
    from pipeline.stages.check import accept_baseline, check_project

    config = for_paths(config, paths)  # a folder's own word lists, for its files
    with Progress("Checking") as bar:
        lang, source_lang = languages
        progress = bar.advance
        result = check_project(
            config, paths, None, source_lang, readability, lambda _, n: progress(n), lang
        )
    ran, files = [active.rule for active in result.rules], result.coverage.files
    if adopt and adopt.baseline and not adopt.write:
        # Before the change's share is taken: every accepted finding is met, or stale.
        result, dropped, stale = accept_baseline(config, result, adopt.baseline)
        plural = "" if dropped == 1 else "s"
        said = f"{dropped} finding{plural} accepted by the baseline {adopt.baseline}"
        if stale:  # fixed since: the baseline would accept them again if they came back
            said += f"; {stale} of its entries matched nothing (write it again to drop them)"
        click.echo(f"check: {said}", err=True)
    if adopt and adopt.touched:
        result = _about_the_change(config, result, adopt.touched)
    notes = [*result.coverage.notes, coverage_summary(result.coverage, result.findings)]
    if adopt and adopt.write:
        record_baseline(adopt.write, result.findings)
        count = len(result.findings)
        click.echo(f"check: wrote a baseline of {count} findings to {adopt.write}", err=True)
        if output is not None:  # the report asked for too: CI keeps both
            show_findings(result.findings, ran, files, output_format, output, notes, config.root)
        return 0
    show_findings(result.findings, ran, files, output_format, output, notes, config.root)
    show_coverage(result.coverage, result.findings)
    return exit_code(result.findings, strict)
