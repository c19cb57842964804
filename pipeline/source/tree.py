"""The source tree: find the project's Markdown files, read and split each into units."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path
from pipeline.source.markdown import Document, read_document
from pipeline.source.units import Unit, split_units

log = logging.getLogger(__name__)


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

    None is an error, and so are two files of one name in different folders: the file
    name (without folder) names the document's catalogs.
    """
    folder = config.source_path
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
        if path.stem in names:
            raise PipelineError(
                f"document name '{path.stem}' is also used by "
                f"{display_path(names[path.stem], config.root)}",
                display_path(path, config.root),
                hint="file names (without folder) name the catalogs and must be unique",
            )
        names[path.stem] = path
    return paths


def load_sources(config: Config, progress: Callable[[str], None] | None = None) -> list[SourceFile]:
    """Read and split every source; any bad input stops the run before anything is written."""
    sources: list[SourceFile] = []
    for path in find_sources(config):
        if progress:
            progress(display_path(path, config.root))
        sources.append(load_source(config, path))
    return sources


def load_source(config: Config, path: Path) -> SourceFile:
    """Read and split one source of the project."""
    shown = display_path(path, config.root)
    document = read_document(path, shown)
    _check_lang(document, shown, config)
    units = tuple(split_units(document, config.segmentation))
    if not units:
        log.warning("%s: no translatable text found", shown)
    return SourceFile(document, shown, units)


def _check_lang(document: Document, shown: str, config: Config) -> None:
    if document.lang not in config.locales:
        raise PipelineError(
            f"lang '{document.lang}' is not one of the project's locales {list(config.locales)}",
            shown,
            hint="fix the front matter or add the locale to [tool.pipeline] locales",
        )
    folder = document.path.parent.name
    if folder in config.locales and folder != document.lang:
        raise PipelineError(
            f"front matter says lang: {document.lang} but the file is in a '{folder}' folder",
            shown,
            hint="move the file or fix its lang",
        )
