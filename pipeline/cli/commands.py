"""Command line interface: parse options, run stages, print results, return an exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from pipeline import __version__
from pipeline.catalogs.paths import orphan_catalogs
from pipeline.checks.findings import Finding, Severity, exit_code
from pipeline.project import memo
from pipeline.project.config import (
    SEGMENTATIONS,
    Config,
    check_language,
    find_pyproject,
    load_config,
)
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, write_atomic
from pipeline.report.formats import FORMATS
from pipeline.source.tree import SourceFile, find_sources, load_sources
from pipeline.stages.extract import extract_project
from pipeline.stages.stats import StatsRow, collect_stats

EXIT_INPUT_ERROR = 2
F = TypeVar("F", bound=Callable[..., Any])


class PipelineGroup(click.Group):
    """A group that turns PipelineError into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PipelineError as error:
            click.echo(str(error), err=True)
            ctx.exit(EXIT_INPUT_ERROR)
        finally:
            memo.save()


def project_options(command: F) -> F:
    """Add the options every command shares: config file and [tool.pipeline] overrides."""
    return _project_options(command, with_locales=True)


def project_options_without_locales(command: F) -> F:
    """The shared options, for a command whose --locale means "only this locale"."""
    return _project_options(command, with_locales=False)


def _project_options(command: F, with_locales: bool) -> F:
    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="pyproject.toml to read [tool.pipeline] from (default: nearest one upwards).",
        ),
        click.option(
            "--source-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Folder of Markdown sources (default: source).",
        ),
        click.option(
            "--locale-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Folder of PO catalogs (default: locales).",
        ),
        *(
            [
                click.option(
                    "--locale",
                    "locales",
                    multiple=True,
                    help="A project locale; repeat for each (default: da and en).",
                )
            ]
            if with_locales
            else []
        ),
        click.option(
            "--segmentation",
            type=click.Choice(SEGMENTATIONS),
            help="One unit per block, or per sentence.",
        ),
        click.option(
            "--glossary",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Glossary (.tbx or .csv); default: glossary in [tool.pipeline].",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            envvar="PIPELINE_NO_CACHE",
            help=f"Neither read nor write {memo.FOLDER_NAME}/ (results of earlier runs, "
            "keyed by content hashes). Also: PIPELINE_NO_CACHE=1.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def resolve_config(config_file: Path | None, **overrides: Any) -> Config:
    """Load the project config; a --config that does not exist is an input error."""
    if config_file is not None and not config_file.is_file():
        raise PipelineError("config file not found", config_file)
    pyproject = config_file or find_pyproject(Path.cwd())
    if overrides.get("glossary") is not None:
        overrides["glossary"] = Path(overrides["glossary"]).resolve()
    no_cache = overrides.pop("no_cache", False)
    config = load_config(pyproject, overrides)
    memo.use_folder(None if no_cache else config.root / memo.FOLDER_NAME)
    return config


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pipeline")
def main() -> None:
    """Keep Danish and English Markdown content and its PO translations in step.

    Exit codes: 0 success, 1 findings at error level, 2 bad input or usage.

    \b
    Example:
      pipeline build          # extract, score, export and check the whole project
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")


@main.command()
@project_options
def extract(config_file: Path | None, **overrides: Any) -> None:
    """Split sources into units and update the templates and PO catalogs.

    Unchanged units keep their translation, changed ones become fuzzy with the
    previous source text (#|), removed ones become obsolete (#~). Nothing is
    written unless every source and catalog could be read.

    \b
    Example:
      pipeline extract --segmentation sentence
    """
    run_extract(resolve_config(config_file, **overrides))


@main.command()
@project_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def stats(config_file: Path | None, output_format: str, **overrides: Any) -> None:
    """Print units, source words and translation progress per locale and document.

    Catalogs are read as they are on disk; run `pipeline extract` first to
    bring them up to date with the sources.

    \b
    Example:
      pipeline stats --format json
    """
    config = resolve_config(config_file, **overrides)
    rows = collect_stats(config, _load(config))
    if output_format == "json":
        click.echo(json.dumps([asdict(row) for row in rows], indent=2, ensure_ascii=False))
    else:
        click.echo(render_stats_table(rows))


@main.command()
@project_options
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--top",
    default=3,
    show_default=True,
    type=click.IntRange(0),
    help="Hardest sentences to list per document.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the HTML report (default: build/reports/readability.html).",
)
@click.option("--no-report", is_flag=True, help="Do not write the HTML report.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def readability(
    config_file: Path | None,
    paths: tuple[Path, ...],
    output_format: str,
    top: int,
    report: Path | None,
    no_report: bool,
    strict: bool,
    **overrides: Any,
) -> None:
    """Score reading level: LIX (Danish and English), Flesch and grade (English).

    Scores every document in its own language and in each translation (from the
    PO catalogs), lists the hardest sentences with file:line and why, reports
    readability/* findings and writes an HTML report for editors. PATHS limits the
    run to those Markdown sources or PO catalogs.

    Exit codes: 0 no error-level finding (readability findings are warnings
    unless [tool.pipeline.rules] makes them errors), 1 error-level findings (or
    warnings with --strict), 2 bad input.

    \b
    Example:
      pipeline readability source/da/genterapi.md --top 5
    """
    config = resolve_config(config_file, **overrides)
    report_path = None if no_report else (report or _default_report(config))
    findings = run_readability(config, _load(config), paths, output_format, top, report_path)
    sys.exit(exit_code(findings, strict))


@main.command()
@project_options
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--source-lang", help="Source language of catalogs without an X-Source-Language header."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="Report format; auto is github under GitHub Actions, else text.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Fail only on findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record the current findings as the baseline and exit 0.",
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only sources and catalogs changed since this git ref.",
)
def check(
    config_file: Path | None,
    paths: tuple[Path, ...],
    source_lang: str | None,
    output_format: str,
    output: Path | None,
    strict: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    changed_since: str | None,
    **overrides: Any,
) -> None:
    """Check terms, translations, readability, accessibility: the CI gate.

    With no PATHS, checks the project: every source and its catalogs. With PATHS,
    checks exactly those Markdown files and PO catalogs (a catalog's languages come
    from its Language and X-Source-Language headers, or --source-lang).
    --changed-since REF checks the project's files changed since a git ref.

    Suppress a finding where a human decided so: in Markdown
    `<!-- pipeline: ignore RULE -->` (next block), `<!-- pipeline: off RULE -->` …
    `<!-- pipeline: on -->` (region) or `<!-- pipeline: ignore-file RULE -->`; in a
    PO file a translator comment `# pipeline: ignore RULE`. A baseline
    (--write-baseline, then --baseline) accepts today's findings on legacy content.

    Exit codes: 0 no error-level finding, 1 error-level findings (or warnings
    with --strict), 2 bad input or usage. Output is sorted and has no timestamps.

    \b
    Example:
      pipeline check --format sarif --output build/pipeline.sarif
      pipeline check locales/da/LC_MESSAGES/what-is-atmp.po --glossary terms.csv
      pipeline check --changed-since origin/main --baseline .pipeline-baseline.json
    """
    if source_lang:
        check_language(source_lang, "--source-lang")
    config = resolve_config(config_file, **overrides)
    if changed_since:
        paths = _changed_project_files(config, changed_since)
        if not paths:
            click.echo(
                f"check: no source or catalog changed since {changed_since}; checked nothing",
                err=True,
            )
            sys.exit(0)
    adopt = Adoption(baseline, write_baseline)
    sys.exit(run_check(config, paths, source_lang, output_format, output, strict, adopt))


@dataclass(frozen=True)
class Adoption:
    """Baseline files of a check run: one to read, one to write."""

    baseline: Path | None = None
    write: Path | None = None


def _changed_project_files(config: Config, ref: str) -> tuple[Path, ...]:
    from pipeline.catalogs.paths import po_path
    from pipeline.project.changes import changed_files

    changed = changed_files(config.root, ref)
    files = []
    for source in load_sources(config):
        candidates = [source.document.path]
        candidates += [
            po_path(config.locale_path, lang, source.document.name)
            for lang in source.targets(config.locales)
        ]
        files += [path for path in candidates if path.resolve() in changed]
    return tuple(files)


def run_check(
    config: Config,
    paths: tuple[Path, ...],
    source_lang: str | None,
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
    from pipeline.checks.baseline import read_baseline, render_baseline, without_baseline
    from pipeline.checks.registry import all_rules
    from pipeline.report.formats import render, resolve_format
    from pipeline.stages.check import check_project

    with _LateBar("Checking") as bar:
        result = check_project(config, paths, None, source_lang, readability, bar)
    findings = result.findings
    if adopt and adopt.write:
        write_atomic(adopt.write, render_baseline(findings))
        click.echo(
            f"check: wrote a baseline of {len(findings)} findings to {adopt.write}", err=True
        )
        return 0
    if adopt and adopt.baseline:
        accepted = read_baseline(adopt.baseline, display_path(adopt.baseline, config.root))
        findings, dropped = without_baseline(findings, accepted)
        result.coverage.notes.append(
            f"{dropped} findings accepted by the baseline {adopt.baseline}"
        )
    name = resolve_format(output_format)
    style = _severity_style if output is None and sys.stdout.isatty() else None
    # SARIF lists every rule (code scanning closes alerts of rules that found nothing);
    # JUnit has a testcase per file and rule that ran.
    listed = all_rules() if name == "sarif" else [active.rule for active in result.rules]
    text = render(name, findings, listed, result.coverage.files, style)
    if output is not None:
        write_atomic(output, text + "\n")
    elif text:
        click.echo(text)
    for note in result.coverage.notes:
        click.echo(f"warning: {note}", err=True)
    click.echo(f"check: {result.coverage.summary()}; {_counts(findings)}", err=True)
    return exit_code(findings, strict)


@main.command()
@click.argument("rule_id", required=False)
def rules(rule_id: str | None) -> None:
    """List every rule with its default severity, a family's rules, or explain one.

    \b
    Example:
      pipeline rules
      pipeline rules term
      pipeline rules term/deprecated
    """
    import inspect

    from pipeline.checks.registry import all_rules

    registered = all_rules()
    if rule_id is None:
        width = max(len(r.id) for r in registered)
        for item in registered:
            click.echo(f"{item.id.ljust(width)}  {str(item.severity).ljust(7)}  {item.summary}")
        return
    family = [r for r in registered if r.family == rule_id.rstrip("/*")]
    if family:
        for item in family:
            click.echo(f"{item.id}  {item.severity}  {item.summary}")
        return
    found = next((r for r in registered if r.id == rule_id), None)
    if found is None:
        import difflib

        guess = difflib.get_close_matches(rule_id, [r.id for r in registered], n=1)
        raise PipelineError(
            f"unknown rule '{rule_id}'",
            hint=f"did you mean '{guess[0]}'?" if guess else "see `pipeline rules`",
        )
    click.echo(f"{found.id} ({found.severity}): {found.summary}\n")
    click.echo(inspect.cleandoc(found.explanation))


def _severity_style(text: str, severity: Severity) -> str:
    colour = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}[severity]
    return click.style(text, fg=colour, bold=severity is Severity.ERROR)


def _counts(findings: list[Any]) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    infos = len(findings) - errors - warnings
    text = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    return text + (f", {infos} info" if infos else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@main.command()
@project_options_without_locales
@click.option(
    "--locale",
    "only",
    multiple=True,
    help="Export only this locale; repeat for more (default: all).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "pdf", "all"]),
    default="all",
    show_default=True,
    help="What to write.",
)
def export(
    config_file: Path | None, only: tuple[str, ...], output_format: str, **overrides: Any
) -> None:
    """Export every document in every locale to accessible HTML and tagged PDF.

    Writes build/html/<lang>/<doc>.html (with an index per locale and a root page
    linking the locales) and build/pdf/<lang>/<doc>.pdf. A unit without a
    translation keeps its source text, marked with the source language.

    \b
    Example:
      pipeline export --locale da --format html
    """
    config = resolve_config(config_file, **overrides)
    run_export(config, _load(config), only, output_format)


def run_export(
    config: Config, sources: list[SourceFile], only: tuple[str, ...], output_format: str
) -> None:
    """Export, with a progress bar on a terminal, then one line per page that fell back."""
    from pipeline.stages.export import export as export_pages

    for code in only:
        if code not in config.locales:
            raise PipelineError(
                f"'{code}' is not one of the project's locales {list(config.locales)}",
                hint="see [tool.pipeline] locales",
            )
    locales = only or config.locales
    formats = ("html", "pdf") if output_format == "all" else (output_format,)
    total = len(sources) * len(locales)
    show = sys.stderr.isatty() and total > 1
    with (
        click.progressbar(length=total, label="Exporting", file=sys.stderr)
        if show
        else _no_bar() as bar
    ):
        results = export_pages(config, sources, locales, formats, lambda _: bar.update(1))
    for result in results:
        if result.fallbacks:
            click.echo(
                f"export: {result.document} ({result.lang}): {result.fallbacks} of "
                f"{result.units} units not translated; shown in the source language",
                err=True,
            )
        for image in result.refused_images:
            click.echo(
                f"warning: {result.document}: image '{image}' is outside the project "
                "or missing; not exported",
                err=True,
            )
    pages = sum(1 for r in results if r.html)
    pdfs = sum(1 for r in results if r.pdf)
    click.echo(
        f"export: {len(sources)} documents × {len(locales)} locales: "
        f"{pages} HTML pages in build/html, {pdfs} PDFs in build/pdf"
    )


class _LateBar:
    """A progress bar that appears once the work turns out to be long, on a terminal."""

    def __init__(self, label: str, minimum: int = 20) -> None:
        self.label, self.minimum = label, minimum
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.minimum or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def __enter__(self) -> _LateBar:
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


class _no_bar:  # stands in for click.progressbar when there is no terminal
    def __enter__(self) -> _no_bar:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def update(self, _: int) -> None:
        return None


@main.command()
@project_options
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def build(config_file: Path | None, strict: bool, **overrides: Any) -> None:
    """Run the whole job: extract, progress, readability, export, then every check.

    Updates the catalogs, prints translation progress and the reading level of
    every document, writes the readability report to build/reports/readability.html,
    exports HTML and PDF to build/, then runs `pipeline check` on the project. The
    exit code is the check's.

    \b
    Example:
      pipeline build --strict
    """
    config = resolve_config(config_file, **overrides)
    run_extract(config)
    sources = _load(config)
    click.echo(render_stats_table(collect_stats(config, sources)))
    click.echo()
    report = _default_report(config)
    scored = run_readability(config, sources, (), "text", 0, report, findings=False)
    run_export(config, sources, (), "all")
    sys.exit(run_check(config, (), None, "text", None, strict, readability=scored))


def _load(config: Config) -> list[SourceFile]:
    """Read all sources, with a progress bar on a terminal when there are many."""
    paths = find_sources(config)
    if len(paths) < 20 or not sys.stderr.isatty():
        return load_sources(config)
    with click.progressbar(length=len(paths), label="Reading sources", file=sys.stderr) as bar:
        return load_sources(config, progress=lambda _: bar.update(1))


def run_extract(config: Config) -> None:
    """Extract and print one line per catalog that changed, then a coverage summary."""
    paths = find_sources(config)
    if len(paths) < 20 or not sys.stderr.isatty():
        summaries = extract_project(config)
    else:
        with click.progressbar(length=len(paths), label="Extracting", file=sys.stderr) as bar:
            summaries = extract_project(config, progress=lambda _: bar.update(1))
    written = unchanged = 0
    for result in (result for summary in summaries for result in summary.catalogs):
        if not result.written:
            unchanged += 1
            continue
        written += 1
        change = result.change
        detail = f"{result.units} units"
        if result.lang:
            detail += f", {change.new} new, {change.fuzzy} fuzzy, {change.obsoleted} obsolete"
        click.echo(f"updated {result.path}: {detail}")
    by_lang = Counter(summary.lang for summary in summaries)
    languages = ", ".join(f"{count} {lang}" for lang, count in sorted(by_lang.items()))
    units = sum(summary.units for summary in summaries)
    click.echo(
        f"extract: {len(summaries)} documents ({languages}), {units} units; "
        f"{written} catalog files written, {unchanged} unchanged"
    )
    for summary in summaries:
        if not summary.units:
            click.echo(f"warning: {summary.display}: no translatable text", err=True)
        for changed in summary.changed_meanwhile:
            click.echo(
                f"warning: {changed}: changed while extract ran; left as it is "
                "(run `pipeline extract` again to bring its catalogs up to date)",
                err=True,
            )
    for orphan in orphan_catalogs(config, {summary.name for summary in summaries}):
        click.echo(
            f"warning: {orphan}: no source document has this name; kept "
            "(delete it if the document is gone for good)",
            err=True,
        )


def render_stats_table(rows: list[StatsRow]) -> str:
    """Return the stats as an aligned text table with a total line."""
    header = ("locale", "document", "units", "words", "translated", "fuzzy", "untranslated", "done")
    lines: list[tuple[str, ...]] = [header]
    for row in rows:
        done = f"{100 * row.translated // row.units if row.units else 100}%"
        lines.append(
            (
                row.locale,
                row.document,
                *map(
                    str, (row.units, row.source_words, row.translated, row.fuzzy, row.untranslated)
                ),
                done,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    return "\n".join(text)


def _default_report(config: Config) -> Path:
    return config.root / "build" / "reports" / "readability.html"


def run_readability(
    config: Config,
    sources: list[SourceFile],
    paths: tuple[Path, ...],
    output_format: str,
    top: int,
    report: Path | None,
    findings: bool = True,
) -> list[Finding]:
    """Score, print and write the report; return the readability findings."""
    from pipeline.report import scores as render
    from pipeline.stages.readability import score_project

    result = score_project(config, sources, paths)
    settings = config.readability
    if output_format == "json":
        click.echo(render.render_json(result, settings, top))
    else:
        click.echo(render.render_text(result, settings, top, findings))
    for warning in render.coverage_warnings(result):
        click.echo(warning, err=True)
    if report is not None:
        write_atomic(report, render.render_html(result, settings))
    if output_format != "json":
        where = f" Report: {display_path(report, config.root)}" if report else ""
        click.echo(render.summary(result) + "." + where)
    return result.findings
