"""The click commands: options, help and exit codes; cli/steps.py runs and prints.

Stages are imported inside the commands, so that `pipeline --help` stays quick.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.checks.findings import EXIT_INPUT_ERROR, exit_code
from pipeline.checks.registry import all_rules, family_rules, find_rule
from pipeline.cli.options import (
    fuzzy_option,
    lang_option,
    paths_argument,
    project_options,
    project_options_without_locales,
    resolve_config,
    strict_option,
)
from pipeline.cli.steps import (
    Adoption,
    changed_only,
    check_and_show,
    export_and_show,
    extract_and_show,
    read_sources,
    score_and_show,
    set_up_process,
    stats_and_show,
    whole_baseline,
)
from pipeline.cli.terminal import error_line
from pipeline.project import memo
from pipeline.project.config import check_language
from pipeline.project.errors import PipelineError
from pipeline.report.formats import FORMATS


class PipelineGroup(click.Group):
    """A group that turns PipelineError into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PipelineError as error:
            click.echo(error_line(error, ctx.meta), err=True)
            ctx.exit(EXIT_INPUT_ERROR)
        finally:
            memo.save()


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pipeline")
def main() -> None:
    """Keep Danish and English Markdown content and its PO translations in step.

    Exit codes: 0 success, 1 findings at error level, 2 bad input or usage.

    \b
    Example:
      pipeline build          # extract, score, export and check the whole project
    """
    set_up_process()


@main.command()
@project_options
def extract(config_file: Path | None, **overrides: Any) -> None:
    """Split sources into units and update the templates and PO catalogs.

    Unchanged units keep their translation, changed ones become fuzzy with the
    previous source text (#|), removed ones become obsolete (#~). Nothing is
    written unless every source and catalog could be read.

    A unit with no translation is filled from the translation memory: the same
    or a close text (similarity 0.9) translated in any catalog of the project or
    in a compendium, marked fuzzy with a "# memory: FILE:LINE" comment. Set it in
    pyproject.toml: [tool.pipeline.memory] compendia = ["memory/da.po"],
    similarity = 0.9, exact = "translated" (take the project's exact matches as
    translated). A moved or renamed document keeps its catalogs: a new document
    whose units are mostly those of an orphan template takes its files.

    \b
    Example:
      pipeline extract --segmentation sentence
    """
    extract_and_show(resolve_config(config_file, **overrides))


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
    bring them up to date with the sources. The memory column counts units the
    translation memory filled that still hold its translation.

    \b
    Example:
      pipeline stats --format json
    """
    config = resolve_config(config_file, **overrides)
    stats_and_show(config, read_sources(config), output_format)


@main.command()
@project_options
@paths_argument
@lang_option
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
@strict_option
def readability(
    config_file: Path | None,
    paths: tuple[Path, ...],
    lang: str | None,
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
    run to those Markdown sources or PO catalogs. A Markdown file that is not a
    project source (or -, standard input) is scored on its own, in its front
    matter's lang or --lang. The HTML report covers the whole project: with PATHS
    it is written only where --report names it.

    Exit codes: 0 no error-level finding (readability findings are warnings
    unless [tool.pipeline.rules] makes them errors), 1 error-level findings (or
    warnings with --strict), 2 bad input.

    \b
    Example:
      pipeline readability source/da/genterapi.md --top 5
      pipeline readability udkast.md --lang da
    """
    from pipeline.stages.readability import default_report

    lang = check_language(lang, "--lang") if lang else None
    config = resolve_config(config_file, **overrides)
    # Outside a project, no project. Given PATHS, its report stays (one file's would replace it).
    in_project = config.origin is not None or not paths
    default = default_report(config) if not paths else None
    report_path = None if no_report else (report or default)
    sources = read_sources(config, paths) if in_project or config.source_path.is_dir() else []
    findings = score_and_show(config, sources, paths, output_format, top, report_path, lang=lang)
    sys.exit(exit_code(findings, strict))


@main.command()
@project_options
@paths_argument
@lang_option
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
@strict_option
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
    help="Report only on the documents changed since this git ref, and on links into them.",
)
@fuzzy_option
def check(
    config_file: Path | None,
    paths: tuple[Path, ...],
    lang: str | None,
    source_lang: str | None,
    output_format: str,
    output: Path | None,
    strict: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    changed_since: str | None,
    fuzzy: bool,
    **overrides: Any,
) -> None:
    """Check terms, translations, readability, accessibility: the CI gate.

    With no PATHS, checks the project: every source and its catalogs. With PATHS,
    checks exactly those Markdown files and PO catalogs, or those in a folder (a
    catalog's languages come from its Language and X-Source-Language headers, or
    --source-lang). --changed-since REF reports on what changed since a git ref: the
    documents it touched (source and catalogs) and links into the files it changed or
    deleted. A Markdown file may be - (standard input); one without a lang in its
    front matter needs --lang or source-language in [tool.pipeline].

    Suppress a finding where a human decided so: in Markdown
    `<!-- pipeline: ignore RULE -->` (next block), `<!-- pipeline: off RULE -->` …
    `<!-- pipeline: on -->` (region) or `<!-- pipeline: ignore-file RULE -->`; in a
    PO file a translator comment `# pipeline: ignore RULE`. A baseline
    (--write-baseline, then --baseline) accepts today's findings on legacy content.
    The text of a fuzzy translation is not checked, as gettext leaves it out of
    the built catalogs (translation/fuzzy reports the entry); --fuzzy checks it as
    translated, for a reviewer of the guesses of align, the memory or a changed source.

    Exit codes: 0 no error-level finding, 1 error-level findings (or warnings
    with --strict), 2 bad input or usage. Output is sorted and has no timestamps.

    \b
    Example:
      pipeline check --format sarif --output build/pipeline.sarif
      pipeline check locales/da/LC_MESSAGES/what-is-atmp.po --glossary terms.csv
      pipeline check --fuzzy locales/da/LC_MESSAGES/what-is-atmp.po
      pipeline check --changed-since origin/main --baseline .pipeline-baseline.json
    """
    lang = check_language(lang, "--lang") if lang else None
    source_lang = check_language(source_lang, "--source-lang") if source_lang else None
    config = resolve_config(config_file, **overrides, check_fuzzy=fuzzy or None)
    whole_baseline(write_baseline, changed_since, fuzzy)
    touched = changed_only(config, changed_since) if changed_since else None
    adopt = Adoption(baseline, write_baseline, touched)
    sys.exit(
        check_and_show(config, paths, (lang, source_lang), output_format, output, strict, adopt)
    )


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
    if rule_id is None:
        registered = all_rules()
        width = max(len(r.id) for r in registered)
        for item in registered:
            click.echo(f"{item.id.ljust(width)}  {str(item.severity).ljust(7)}  {item.summary}")
    elif family := family_rules(rule_id):
        for item in family:
            click.echo(f"{item.id}  {item.severity}  {item.summary}")
    else:
        found = find_rule(rule_id)
        click.echo(f"{found.id} ({found.severity}): {found.summary}\n")
        click.echo(inspect.cleandoc(found.explanation))


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
    type=click.Choice(["html", "pdf", "markdown", "all"]),
    default="all",
    show_default=True,
    help="What to write; all is HTML, PDF and Markdown.",
)
def export(
    config_file: Path | None, only: tuple[str, ...], output_format: str, **overrides: Any
) -> None:
    """Export every document in every locale to accessible HTML, tagged PDF and Markdown.

    Writes build/html/<lang>/<doc>.html (with an index per locale and a root page
    linking the locales) and build/pdf/<lang>/<doc>.pdf. A unit without a
    translation keeps its source text, marked with the source language.

    Markdown for your own site generator goes to build/markdown/<lang>/<doc>.md: the
    source byte for byte but for the translated text. [tool.pipeline.export] sets
    markdown-layout (folders, mkdocs, docusaurus, hugo), markdown-dir, and
    min-translated (default 0.8: a file less translated keeps the source language).
    A unit whose translation cannot go into the Markdown (broken tags, HTML or a URL
    scheme its source lacks) keeps its source text and is an error at its msgstr line:
    exit code 1. Remote images stay in HTML unless remote-images = "refuse"; a PDF shows
    their alt text.

    \b
    Example:
      pipeline export --locale da --format html
      pipeline export --format markdown
    """
    config = resolve_config(config_file, **overrides)
    if export_and_show(config, read_sources(config), only, output_format):
        sys.exit(1)


@main.command()
@project_options
@click.option(
    "--add",
    is_flag=True,
    help="Append the words to the word lists of [tool.pipeline.spelling] (created if need be).",
)
def words(config_file: Path | None, add: bool, **overrides: Any) -> None:
    """List the words spelling does not know, ranked: likely terms first, typos last.

    Each line: language, count, word, and "term" (written three times or more: the
    check takes it as a term), "typo of X" (one slip from Hunspell's suggestion X) or
    "unsure". `pipeline words --add` puts all but the likely typos in the word lists
    of `[tool.pipeline.spelling] word-lists` (one word a line) for a reviewer to prune.

    \b
    Example:
      pipeline words
      pipeline words --add && git diff source/words-da.txt
    """
    from pipeline.stages.words import add_to_word_lists, added_report, summary, unknown_words

    config = resolve_config(config_file, **overrides)
    found = unknown_words(config)
    for row in found:
        maybe = f" of {row.suggestion}" if row.likely == "typo" else ""
        click.echo(f"{row.lang}\t{row.count}\t{row.word}\t{row.likely}{maybe}")
    click.echo(summary(found), err=True)
    if add:
        for line in added_report(add_to_word_lists(config, found), found):
            click.echo(line, err=True)


@main.command()
@project_options
@strict_option
def build(config_file: Path | None, strict: bool, **overrides: Any) -> None:
    """Run the whole job: extract, progress, readability, export, then every check.

    Updates the catalogs, prints translation progress and the reading level of
    every document, writes the readability report to build/reports/readability.html,
    exports HTML, PDF and translated Markdown to build/, then runs `pipeline check` on
    the project. The exit code is the check's, or 1 when a translation could not go
    into the Markdown.

    \b
    Example:
      pipeline build --strict
    """
    from pipeline.stages.readability import default_report

    config = resolve_config(config_file, **overrides)
    extract_and_show(config)
    sources = read_sources(config)
    stats_and_show(config, sources, "table")
    click.echo()
    report = default_report(config)
    scored = score_and_show(config, sources, (), "text", 0, report, findings=False)
    failed = export_and_show(config, sources, (), "all")
    code = check_and_show(config, (), (None, None), "text", None, strict, readability=scored)
    sys.exit(max(code, 1 if failed else 0))


# Commands in modules of their own: this one is full.
from pipeline.cli.align import align  # noqa: E402
from pipeline.cli.lsp import lsp  # noqa: E402  (the language server, pipeline/lsp/)
from pipeline.cli.serve import serve  # noqa: E402  (the local web app, pipeline/web/)

for command in (align, lsp, serve):
    main.add_command(command)
