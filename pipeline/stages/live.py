"""Checks of text as edited: an editor's unsaved buffer or a text sent to the local server.

The same rule engine, ids, severities, suppressions and JSON as `pipeline check` and
`pipeline readability`: the text is read in place of the file at its path (or of standard
input), so an editor and CI never disagree (vscode-docs-authoring#212).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pipeline.project.config import Config
from pipeline.project.files import STDIN, buffers
from pipeline.report.formats import render
from pipeline.report.scores import ReadabilityRun, render_json
from pipeline.source.tree import SourceFile, find_sources, load_source
from pipeline.stages.check import CheckResult, check_project
from pipeline.stages.readability import score_project


def check_text(
    config: Config,
    text: str,
    path: Path | None = None,
    lang: str | None = None,
    source_lang: str | None = None,
) -> CheckResult:
    """`pipeline check PATH` (or `-`) with `text` as the file's content."""
    target = path or STDIN
    with buffers({target: text}):
        return check_project(config, (target,), source_lang=source_lang, lang=lang)


def check_edited(config: Config, edited: Mapping[Path, str]) -> CheckResult:
    """`pipeline check` of the whole project with `edited` texts in place of their files:
    the rules that need every document (links, consistency, the rendered pages) see the
    saved project plus the open buffers. Documents left as saved come from the cache."""
    with buffers(edited):
        return check_project(config)


def readability_text(
    config: Config, text: str, path: Path | None = None, lang: str | None = None
) -> ReadabilityRun:
    """`pipeline readability PATH` (or `-`) with `text` as the file's content."""
    target = path or STDIN
    with buffers({target: text}):
        return score_project(config, _project_source(config, path), (target,), lang)


def check_json(result: CheckResult) -> str:
    """What `pipeline check --format json` prints for `result`."""
    ran = [active.rule for active in result.rules]
    return render("json", result.findings, ran, result.coverage.files)


def readability_json(config: Config, run: ReadabilityRun, top: int = 3) -> str:
    """What `pipeline readability --format json --top N` prints for `run`."""
    return render_json(run, config.readability, top)


def _project_source(config: Config, path: Path | None) -> list[SourceFile]:
    """The project source at `path`, so its translations are scored with it; none for
    standard input or a file outside the project."""
    if path is None or not config.source_path.is_dir():
        return []
    wanted = path.absolute()
    return [
        load_source(config, found) for found in find_sources(config) if found.absolute() == wanted
    ]
