"""The source tree: find the project's Markdown files, read and split each into units."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.project.config import Config, gettext_locale, primary_language
from pipeline.project.errors import PipelineError
from pipeline.project.files import STDIN, display_path
from pipeline.project.parallel import ordered_map
from pipeline.source.markdown import Document, read_document
from pipeline.source.syntax import MYST_BOXES
from pipeline.source.units import Unit, split_units


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A parsed document with its units, ready for the catalogs."""

    document: Document
    display: str
    units: tuple[Unit, ...]

    def targets(self, locales: tuple[str, ...]) -> tuple[str, ...]:
        """Return the locales this document is translated into."""
        return tuple(code for code in locales if code != self.document.lang)


def find_sources(config: Config) -> list[Path]:
    """Return the Markdown files under the source folder, sorted.

    None is an error, and so are two files that would be one document: a document is
    named by its path under its language folder (`source/en/api/fs.md` is `api/fs`),
    and the name names its catalogs.
    """
    folder = config.source_path
    if not folder.is_dir() and config.origin is None:
        # No settings were found, so the default folder was looked for: say what is missing.
        raise PipelineError(
            "no project found: no pyproject.toml with a [tool.pipeline] table here or above",
            hint='create one with e.g. locales = ["da", "en"] under [tool.pipeline], '
            "or give its path with --config",
        )
    if not folder.is_dir():
        raise PipelineError(
            "source folder not found",
            display_path(folder, config.root),
            hint="create it or set source-dir in [tool.pipeline]",
        )
    paths = sorted(folder.rglob("*.md"))
    if not paths:
        raise PipelineError(
            "no Markdown (.md) files in the source folder", display_path(folder, config.root)
        )
    names: dict[str, Path] = {}
    for path in paths:
        name, _ = document_identity(config, path)
        if name in names:
            raise PipelineError(
                f"document name '{name}' is also used by {display_path(names[name], config.root)}",
                display_path(path, config.root),
                hint="a document is named by its path under its language folder, and the "
                "name names its catalogs: rename or move one of the two",
            )
        names[name] = path
    return paths


def document_identity(config: Config, path: Path) -> tuple[str, str | None]:
    """A source's name (its path under the language folder, without .md) and the locale
    its first folder names, if any: `source/en/api/fs.md` is ("api/fs", "en")."""
    folder, full = str(config.source_path), str(path)
    if full.startswith(folder) and full[len(folder) : len(folder) + 1] == os.sep:
        relative = full[len(folder) + 1 :]  # strings: a large project has many documents
        stem, dot, suffix = relative.rpartition(".")
        if dot and suffix and os.sep not in suffix and stem and not stem.endswith(os.sep):
            relative = stem
        parts = tuple(relative.split(os.sep))  # noqa: PTH206  (as above)
    else:
        parts = path.relative_to(config.source_path).with_suffix("").parts
    folder = gettext_locale(parts[0])  # `source/da-DK/` for the locale da-DK, as da_DK
    if len(parts) > 1 and folder in config.locales:
        return "/".join(parts[1:]), folder
    return "/".join(parts), None


def load_sources(config: Config, progress: Callable[[str], None] | None = None) -> list[SourceFile]:
    """Read and split every source, on every core when there are many; any bad input stops
    the run before anything is written."""
    sources: list[SourceFile] = []
    for source in ordered_map(functools.partial(load_source, config), find_sources(config)):
        if progress:
            progress(source.display)
        sources.append(source)
    return sources


def load_source(config: Config, path: Path) -> SourceFile:
    """Read and split one source of the project."""
    shown = display_path(path, config.root)
    name, folder_lang = document_identity(config, path)
    first = config.locales[0]
    hint = (
        f"add 'lang: {first}' to its front matter, put it in a folder named after a project "
        f"locale (source/{first}/…), or set source-language in [tool.pipeline]"
    )
    lang = folder_lang or config.source_language
    document = read_document(path, shown, lang, name, no_language_hint=hint)
    _check_lang(document, shown, config, folder_lang)
    units = tuple(split_units(document, config.segmentation))
    return SourceFile(document, shown, units)  # none: extract and check say so


# MyST and Sphinx directives (```{toctree}) other than admonitions: code to CommonMark.
_DIRECTIVE = re.compile(r"^ {0,3}(?:`{3,}|~{3,}|:{3,})\s*\{([\w:.-]+)\}")


def kept_verbatim(text: str) -> list[tuple[int, str]]:
    """Constructs the parser keeps as written, never translated: (line, what)."""
    return [
        (number, f"the MyST directive {{{found.group(1)}}}")
        for number, line in enumerate(text.split("\n"), 1)
        if (found := _DIRECTIVE.match(line)) and found.group(1) not in MYST_BOXES | _SHOWN
    ]


# Directives kept as code whose prose is read all the same (source.directives) and which
# our HTML shows (export.myst_html): naming them "kept as written" would mislead.
_SHOWN = frozenset({"image", "toctree", "glossary"})


def standalone_source(config: Config, path: Path, lang: str | None) -> SourceFile:
    """A Markdown file read on its own: outside the source folder, or standard input (-).

    Its language is its front matter's `lang`, else `lang` (--lang).
    """
    shown = display_path(path, config.root)
    hint = "add 'lang: da' to its front matter or pass --lang, e.g. --lang da"
    name = "stdin" if path == STDIN else path.stem
    if lang is None and path != STDIN:  # a new page in source/da/ is Danish
        lang = _folder_language(config, path) or config.source_language
    document = read_document(path, shown, lang, name, no_language_hint=hint)
    return SourceFile(document, shown, tuple(split_units(document, config.segmentation)))


def _folder_language(config: Config, path: Path) -> str | None:
    """The locale folder a file under the source folder stands in, if any."""
    try:
        return document_identity(config, path.absolute())[1]
    except ValueError:  # outside the source folder
        return None


def is_markdown(path: Path) -> bool:
    """Whether a path given on the command line is read as Markdown (standard input is)."""
    return path.suffix == ".md" or path == STDIN


def _check_lang(document: Document, shown: str, config: Config, folder: str | None) -> None:
    if document.lang not in config.locales:
        same = [
            code
            for code in config.locales
            if primary_language(code) == primary_language(document.lang)
        ]
        raise PipelineError(
            f"lang '{document.lang}' is not one of the project's locales {list(config.locales)}",
            shown,
            document.key_lines.get("lang"),
            hint=f"write lang: {same[0]}, the project's locale for it"
            if same
            else "fix the front matter or add the locale to [tool.pipeline] locales",
        )
    if folder is not None and folder != document.lang:
        raise PipelineError(
            f"front matter says lang: {document.lang} but the file is in a '{folder}' folder",
            shown,
            document.key_lines.get("lang"),
            hint="move the file or fix its lang",
        )
