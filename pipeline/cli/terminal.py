"""What the commands print: progress bars on a terminal, summaries and warnings on stderr."""

from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.checks.findings import Finding, Severity, counted, severity_counts
from pipeline.project.errors import PipelineError
from pipeline.project.files import STDIN_NAME, write_output
from pipeline.report.formats import SUMMARY, render, resolve_format
from pipeline.source.anchors import is_remote

if TYPE_CHECKING:  # the stages load on demand (see steps.py)
    from pipeline.checks.coverage import Coverage
    from pipeline.checks.registry import Rule
    from pipeline.project.config import Config, ReadabilitySettings
    from pipeline.report.scores import ReadabilityRun
    from pipeline.stages.export import PageResult
    from pipeline.stages.extract import DocumentSummary


class Progress:
    """A progress bar on stderr that appears once the work turns out to be long."""

    def __init__(self, label: str, minimum: int = 20) -> None:
        self.label, self.minimum = label, minimum
        self.bar: Any = None

    def advance(self, total: int) -> None:
        """One more of `total` items is done."""
        if self.bar is None:
            if total < self.minimum or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def warn(text: str) -> None:
    """Print a warning on stderr."""
    click.echo(f"warning: {text}", err=True)


def _base(output_format: str) -> Path:
    """Where report paths start: GitHub's annotations and code scanning place files from
    the repository's root (GITHUB_WORKSPACE) whatever the job's working folder."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and output_format in {"github", "sarif"}:
        return Path(workspace)
    return Path.cwd()


@functools.cache
def from_here(shown: str, root: Path, base: Path) -> str:
    """A project file's name (`shown`, from `root`) from `base`, whether it exists or is
    missing ("no catalog"); standard input and a PATHS file outside the project (named
    from the working folder already) as they are."""
    path = root / shown
    outside = not path.exists() and Path(shown).exists()
    if shown == STDIN_NAME or Path(shown).is_absolute() or outside:
        return shown
    return Path(os.path.relpath(path.absolute(), base.absolute())).as_posix()


PROJECT_ROOT = "pipeline.project_root"  # in click's context: where project paths start


def error_line(error: PipelineError, meta: Mapping[str, Any]) -> str:
    """The error's one line, its file named from the working folder: with `--config
    elsewhere/pyproject.toml` it was named from the project (`source/en/page.md`)."""
    root = meta.get(PROJECT_ROOT)
    if root is not None and error.path is not None:
        error.path = from_here(str(error.path), root, Path.cwd())
    return str(error)


def severity_style(text: str, severity: Severity) -> str:
    """Colour a finding's line by its severity."""
    colour = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}[severity]
    return click.style(text, fg=colour, bold=severity is Severity.ERROR)


def show_extract(summaries: Sequence[DocumentSummary], orphans: Sequence[str]) -> None:
    """One line per catalog written, a coverage line, then what needs a look."""
    written = unchanged = 0
    for old, new in (pair for summary in summaries for pair in summary.moved):
        click.echo(f"moved {old} → {new}")
    for result in (result for summary in summaries for result in summary.catalogs):
        if not result.written:
            unchanged += 1
            continue
        written += 1
        change = result.change
        detail = f"{result.units} units"
        if result.lang:
            detail += f", {change.new} new, {change.fuzzy} fuzzy, {change.obsoleted} obsolete"
        if change.filled:
            detail += f", {change.filled} from memory"
        click.echo(f"updated {result.path}: {detail}")
    by_lang = Counter(summary.lang for summary in summaries)
    languages = ", ".join(f"{count} {lang}" for lang, count in sorted(by_lang.items()))
    units = sum(summary.units for summary in summaries)
    filled = sum(result.change.filled for summary in summaries for result in summary.catalogs)
    recalled = f"; {counted(filled, 'unit')} filled from the translation memory" if filled else ""
    click.echo(
        f"extract: {counted(len(summaries), 'document')} ({languages}), {counted(units, 'unit')}; "
        f"{written} catalog files written, {unchanged} unchanged{recalled}"
    )
    for summary in summaries:
        if not summary.units:
            warn(f"{summary.display}: no translatable text")
        for changed in summary.changed_meanwhile:
            warn(
                f"{changed}: changed while extract ran; left as it is "
                "(run `pipeline extract` again to bring its catalogs up to date)"
            )
    for orphan in orphans:
        warn(
            f"{orphan}: no source document has this name; kept "
            "(delete it if the document is gone for good)"
        )


KINDS = ("html", "pdf", "markdown")  # the outputs a PageResult says it wrote


def show_export(
    results: Sequence[PageResult], documents: int, locales: int, config: Config, copied: int = 0
) -> int:
    """Say which pages fell back to the source language, then what was written; return
    how many units failed to go into translated Markdown (each an error)."""
    failed = 0
    for result in results:
        if result.fallbacks:
            click.echo(
                f"export: {result.document} ({result.lang}): {result.fallbacks} of "
                f"{result.units} units not translated; shown in the source language",
                err=True,
            )
        for image in result.refused_images:
            why = "is outside the project or missing"
            if is_remote(image):
                why = 'is remote and remote-images is "refuse"'
            warn(f"{result.document}: image '{image}' {why}; not exported")
        for image in result.offline_images:
            warn(
                f"{result.pdf}: remote image '{image}' is shown as its alt text "
                "(a PDF is made without the network)"
            )
        for said in result.pdf_warnings:
            hint = " (a link to an id the page lacks: `pipeline check` names its line)"
            warn(f"{result.pdf}: WeasyPrint: {said}" + (hint if "No anchor" in said else ""))
        markdown = result.markdown
        if markdown is None:
            continue
        for error in markdown.errors:
            failed += 1
            click.echo(error, err=True)
        if not markdown.published:
            warn(
                f"{markdown.shown}: only {markdown.result.units - markdown.result.fallbacks} of "
                f"{markdown.result.units} units translated, under min-translated "
                f"{_share(config.export.min_translated)}: the source language's text is written"
            )
    written = []  # only the formats asked for: "0 PDFs" after --format html misleads
    pages, pdfs, files = (sum(1 for r in results if getattr(r, kind)) for kind in KINDS)
    if pages:
        written.append(f"{counted(pages, 'HTML page')} in build/html")
    if pdfs:
        written.append(f"{counted(pdfs, 'PDF')} in build/pdf")
    if files:
        folder = config.export.markdown_dir.as_posix()
        layout = config.export.markdown_layout
        written.append(f"{counted(files, 'Markdown file')} in {folder} ({layout})")
        if copied:  # the stylesheets, scripts and images a site needs beside its pages
            written[-1] += f", {counted(copied, 'other file')} of {config.source_dir} copied"
        held = sum(1 for r in results if r.markdown and not r.markdown.published)
        if held:  # a first run of a new translation holds back every page: say why, once
            written[-1] += (
                f"; {counted(held, 'file')} held back in the source language, under "
                f"min-translated {_share(config.export.min_translated)} (translate more, "
                "or lower it to publish them)"
            )
    click.echo(
        f"export: {counted(documents, 'document')} × {counted(locales, 'locale')}: "
        f"{', '.join(written) or 'nothing'}"
    )
    return failed


def _share(fraction: float) -> str:
    """A share as a percentage that rounding does not turn into its bound (99.5 %)."""
    shown = f"{fraction:.0%}"
    return f"{fraction:.1%}" if shown in {"0%", "100%"} and 0 < fraction < 1 else shown


def show_coverage(coverage: Coverage, findings: Sequence[Finding]) -> None:
    """What a check left out, then what it covered and found."""
    for note in coverage.notes:
        warn(note)
    click.echo(coverage_summary(coverage, findings), err=True)


def coverage_summary(coverage: Coverage, findings: Sequence[Finding]) -> str:
    """The run's one line on what it covered and found."""
    return f"{SUMMARY}{coverage.summary()}; {severity_counts(findings)}"


def show_scores(
    result: ReadabilityRun,
    settings: ReadabilitySettings,
    output_format: str,
    top: int,
    findings: bool,
    report: str | None,
) -> None:
    """The reading levels as text or JSON, what was left out, and where the report is."""
    from pipeline.report import scores

    if output_format == "json":
        click.echo(scores.render_json(result, settings, top))
    else:
        click.echo(scores.render_text(result, settings, top, findings))
    for warning in scores.coverage_warnings(result):
        click.echo(warning, err=True)
    if output_format != "json":
        where = f" Report: {report}" if report else ""
        click.echo(scores.summary(result) + "." + where)


def show_findings(
    findings: Sequence[Finding],
    ran: Sequence[Rule],
    files: Sequence[str],
    output_format: str,
    output: Path | None,
    notes: Sequence[str] = (),
    root: Path | None = None,
) -> None:
    """The findings in the chosen format: on stdout (coloured on a terminal) or to a file,
    each file named from the working folder, as CI and editors open it, not from the
    project's `root` (`--config docs/pyproject.toml`, a monorepo's docs job)."""
    name = resolve_format(output_format)
    if root is not None:
        base = _base(name)
        findings = [replace(f, path=from_here(f.path, root, base)) for f in findings]
        files = [from_here(path, root, base) for path in files]
    style = severity_style if output is None and sys.stdout.isatty() else None
    text = render(name, findings, ran, files, style, notes)
    if output is not None:
        write_output(output, text + "\n", "report")
    elif text:
        click.echo(text)
