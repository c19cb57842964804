"""Where catalogs live: a template per document, a PO file per document and locale."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.project.changes import changed_files
from pipeline.project.config import Config
from pipeline.project.files import display_path
from pipeline.source.tree import load_sources

TEMPLATE_FOLDER = "templates"


def po_path(locale_dir: Path, lang: str, document: str) -> Path:
    """Return `locales/<lang>/LC_MESSAGES/<document>.po`."""
    return locale_dir / lang / "LC_MESSAGES" / f"{document}.po"


def template_path(locale_dir: Path, document: str) -> Path:
    """Return `locales/templates/<document>.pot`."""
    return locale_dir / TEMPLATE_FOLDER / f"{document}.pot"


def orphan_catalogs(config: Config, names: set[str]) -> list[str]:
    """Return catalogs of no document in `names`; they are kept, never deleted."""
    found = [
        path
        for path in sorted(config.locale_path.rglob("*.po*"))
        if path.suffix in {".po", ".pot"} and catalog_name(config.locale_path, path) not in names
    ]
    return [display_path(path, config.root) for path in found]


def catalog_name(locale_dir: Path, path: Path) -> str:
    """The document a catalog belongs to: `locales/da/LC_MESSAGES/api/fs.po` is `api/fs`.

    A catalog outside the locale folder's layout is named by its file name.
    """
    try:
        parts = path.relative_to(locale_dir).with_suffix("").parts
    except ValueError:
        return path.stem
    if len(parts) > 1 and parts[0] == TEMPLATE_FOLDER:
        return "/".join(parts[1:])
    if len(parts) > 2 and parts[1] == "LC_MESSAGES":
        return "/".join(parts[2:])
    return path.stem


@dataclass(frozen=True, slots=True)
class Touched:
    """What a change touched, named as findings name files: each document it changed or
    deleted a file of (the names, and all their files: source and catalogs), the files
    it changed, and those it deleted, which links elsewhere may point at."""

    names: frozenset[str]
    documents: frozenset[str]
    changed: frozenset[str]
    gone: frozenset[str]


def touched_since(config: Config, ref: str) -> Touched:
    """The documents and files changed since a git ref."""
    changed, gone = changed_files(config.root, ref)
    deleted = {path.resolve() for path in gone}
    names: set[str] = set()
    documents: set[Path] = set()
    for source in load_sources(config):
        files = [source.document.path]
        files += [
            po_path(config.locale_path, lang, source.document.name)
            for lang in source.targets(config.locales)
        ]
        if any(path.resolve() in changed or path.resolve() in deleted for path in files):
            names.add(source.document.name)
            documents.update(files)

    def shown(paths: set[Path]) -> frozenset[str]:
        return frozenset(display_path(path, config.root) for path in paths)

    return Touched(frozenset(names), shown(documents), shown(changed), shown(gone))
