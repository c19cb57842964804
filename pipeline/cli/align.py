"""The `align` command: existing translations into the catalogs, one pair or many."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.checks.findings import EXIT_INPUT_ERROR, counted
from pipeline.cli.options import project_options_without_locales, resolve_config
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, read_text

if TYPE_CHECKING:
    from pipeline.stages.align import AlignResult

_SHOWN = 60  # characters of each text a dry run shows


@click.command()
@project_options_without_locales
@click.argument("original", required=False, type=click.Path(path_type=Path))
@click.argument("translation", required=False, type=click.Path(path_type=Path))
@click.option("--lang", help="The translation's language (default: its front matter or folder).")
@click.option(
    "--pairs",
    "pairs_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A file of pairs, one 'ORIGINAL TRANSLATION' per line, relative to the file.",
)
@click.option("--accept", is_flag=True, help="Fill entries as translated, not fuzzy.")
@click.option("--dry-run", is_flag=True, help="Show the pairs; write nothing.")
@click.option("--force", is_flag=True, help="Align even when the files do not look like one text.")
def align(
    config_file: Path | None,
    original: Path | None,
    translation: Path | None,
    lang: str | None,
    pairs_file: Path | None,
    accept: bool,
    dry_run: bool,
    force: bool,
    **overrides: Any,
) -> None:
    """Fill a document's catalog from a translation you already have.

    ORIGINAL is a source document of the project; TRANSLATION is an existing
    translation of it anywhere on disk, in Markdown. Two folders pair the files
    with the same path under each. Each unit of the original that finds its
    counterpart gets that text as its translation, marked fuzzy for review
    (--accept: translated), with a comment naming the file and line it came
    from. Units with no counterpart stay empty; pieces the original does not
    have are never forced onto a unit; an existing translation is never
    overwritten. A pair whose files do not match is an error and writes nothing
    (--force aligns it anyway). A merged paragraph fills each unit it holds, and a
    unit that takes two pieces gets both, fuzzy: the reviewer splits them.

    Pairs are found on structure (headings, lists, tables), on what a
    translation keeps (numbers, links, code, names, glossary terms) and on
    length; a pair with too little evidence is left empty.

    \b
    Example:
      pipeline align source/da/genterapi.md old-site/en/gene-therapy.md
      pipeline align source/da old-site/en --dry-run
      pipeline align --pairs pairs.txt --lang en
    """
    from pipeline.stages.align import align_pair

    config = resolve_config(config_file, **overrides)
    pairs = _pairs(config, original, translation, pairs_file)
    refused = written = 0
    for first, second in pairs:
        try:
            result = align_pair(
                config, first, second, lang, accept=accept, dry_run=dry_run, force=force
            )
        except PipelineError as error:
            click.echo(str(error), err=True)
            refused += 1
            continue
        written += result.written
        _show(result, dry_run, config.root)
    if len(pairs) > 1:  # which catalogs changed, when some pairs were refused
        click.echo(
            f"align: {counted(len(pairs), 'pair')}, {refused} refused; "
            f"{counted(written, 'catalog')} written" + (" (dry run)" if dry_run else ""),
            err=True,
        )
    if refused:
        sys.exit(EXIT_INPUT_ERROR)


def _pairs(
    config: Config, original: Path | None, translation: Path | None, pairs_file: Path | None
) -> list[tuple[Path, Path]]:
    if pairs_file is not None:
        if original or translation:
            raise click.UsageError("give either ORIGINAL TRANSLATION or --pairs, not both")
        return _read_pairs(pairs_file, config)
    if original is None or translation is None:
        raise click.UsageError("give ORIGINAL and TRANSLATION, or --pairs FILE")
    if original.is_dir() and translation.is_dir():
        return _folder_pairs(original, translation, config)
    return [(original, translation)]


def _read_pairs(path: Path, config: Config) -> list[tuple[Path, Path]]:
    shown = display_path(path, config.root)
    pairs = []
    for number, line in enumerate(read_text(path, shown).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        if len(columns) != 2:
            raise PipelineError(
                f"expected two columns, found {len(columns)}", shown, number,
                hint="write 'ORIGINAL TRANSLATION' per line, tab-separated if a path has spaces",
            )  # fmt: skip
        first, second = (path.parent / column.strip() for column in columns)
        pairs.append((first, second))
    if not pairs:
        raise PipelineError("no pairs in the file", shown)
    return pairs


def _folder_pairs(originals: Path, translations: Path, config: Config) -> list[tuple[Path, Path]]:
    pairs = []
    for original in sorted(originals.rglob("*.md")):
        twin = translations / original.relative_to(originals)
        if twin.is_file():
            pairs.append((original, twin))
        else:
            click.echo(f"{display_path(twin, config.root)}: no translation of "
                       f"{display_path(original, config.root)} there", err=True)  # fmt: skip
    if not pairs:
        raise PipelineError(
            "no file of the first folder has a namesake in the second",
            display_path(translations, config.root),
        )
    return pairs


def _show(result: AlignResult, dry_run: bool, root: Path) -> None:
    """One summary line per pair; on a dry run, every pair and every unused piece."""
    fuzzy = sum(1 for filled in result.filled if filled.fuzzy)
    parts = [f"{len(result.filled)} of {result.units} units aligned ({fuzzy} fuzzy)"]
    parts.append(f"{len(result.empty)} left empty")
    if result.kept:
        parts.append(f"{result.kept} already translated, kept")
    if result.fuzzy:
        parts.append(f"{len(result.fuzzy)} fuzzy, kept for review")
    if result.missing:
        parts.append(f"{result.missing} not in the catalog (run `pipeline extract`)")
    parts.append(f"{len(result.unused)} pieces of the translation not used")
    click.echo(f"{result.original} ← {result.translation} ({result.lang}): " + ", ".join(parts))
    for unit in result.fuzzy:  # named: their translation is not done until reviewed
        click.echo(f"  {unit.line:>5} fuzzy, kept for review: {_short(unit.text)}")
    if dry_run:
        for filled in result.filled:
            click.echo(
                f"  {filled.unit.line:>5} → {','.join(map(str, filled.lines)):<5} "
                f"{_short(filled.unit.text)}"
                f"  →  {_short(filled.text)}"
            )
        for unit in result.empty:
            click.echo(f"  {unit.line:>5} ✗ {'':<5} left empty: {_short(unit.text)}")
        for piece in result.unused:
            click.echo(f"  {'':>5} ✗ {piece.line:<5} not used: {_short(piece.text)}")
        click.echo(f"  dry run: {result.catalog} not written")
    elif result.written:
        click.echo(f"  wrote {result.catalog}")
        if any(filled.fuzzy for filled in result.filled):  # a command to run from here
            here = os.path.relpath(root / result.catalog)
            click.echo(f"  review it: pipeline check --fuzzy {shlex.quote(here)}")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
