"""Options every command shares, and the project config they resolve to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from pipeline.cli.terminal import PROJECT_ROOT
from pipeline.project import memo
from pipeline.project.config import SEGMENTATIONS, Config, find_pyproject, load_config
from pipeline.project.errors import PipelineError

F = TypeVar("F", bound=Callable[..., Any])


def project_options(command: F) -> F:
    """Add the options every command shares: config file and [tool.pipeline] overrides."""
    return _project_options(command, with_locales=True)


def project_options_without_locales(command: F) -> F:
    """The shared options, for a command whose --locale means "only this locale"."""
    return _project_options(command, with_locales=False)


def _project_options(command: F, with_locales: bool) -> F:
    locale = click.option(
        "--locale",
        "locales",
        multiple=True,
        help="A project locale; repeat for each (default: the project's `locales`).",
    )
    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="pyproject.toml to read [tool.pipeline] from (default: the nearest one "
            "upwards that has it).",
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
        *([locale] if with_locales else []),
        click.option(
            "--segmentation",
            type=click.Choice(SEGMENTATIONS),
            help="One unit per block, or per sentence.",
        ),
        click.option(
            "--glossary",
            type=click.Path(path_type=Path),  # a missing file: one line, from project_glossary
            metavar="FILE",
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
    context = click.get_current_context(silent=True)
    if context is not None:  # an error names its file from the working folder (main)
        context.meta[PROJECT_ROOT] = config.root
    # Outside a project (no pyproject.toml) there is no folder of ours to keep a cache in.
    keep = not no_cache and pyproject is not None
    memo.use_folder(config.root / memo.FOLDER_NAME if keep else None)
    return config


strict_option = click.option(
    "--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors."
)

fuzzy_option = click.option(
    "--fuzzy",
    is_flag=True,
    help="Check the text of fuzzy translations too, as translated (to review the guesses "
    "of align, the memory or a changed source); by default it is not checked, as gettext "
    "leaves it out.",
)


def _files_of_folders(
    ctx: click.Context, param: click.Parameter, paths: tuple[Path, ...]
) -> tuple[Path, ...]:
    """A folder given as a path stands for its Markdown files and PO catalogs, at any
    depth (hidden folders left out), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if str(path) != "-" and not path.exists():
            raise PipelineError("no such file or folder", path, hint="check the path")
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(
            file
            for file in path.rglob("*")
            if file.suffix in (".md", ".po")
            and not any(part.startswith(".") for part in file.relative_to(path).parts)
            and file.is_file()
        )
        if not inside:
            raise PipelineError(
                "the folder holds no Markdown file or PO catalog", path, hint="check the path"
            )
        found += inside
    # A file given twice ("po po/django", "f.po ./f.po") is checked once: twice, its
    # words would count as written again and again, and a typo as the project's term.
    unique: dict[Path, Path] = {}
    for file in found:
        unique.setdefault(file if str(file) == "-" else file.resolve(), file)
    return tuple(unique.values())


paths_argument = click.argument(
    "paths",
    nargs=-1,
    type=click.Path(allow_dash=True, path_type=Path),
    callback=_files_of_folders,
)

lang_option = click.option(
    "--lang",
    help="Language of a given Markdown file (or of -, standard input) whose front matter "
    "has no lang; for check, also of a given catalog without a Language header.",
)
