"""Where catalogs live: a template per document, a PO file per document and locale."""

from __future__ import annotations

from pathlib import Path

from pipeline.project.config import Config
from pipeline.project.files import display_path

TEMPLATE_FOLDER = "templates"


def po_path(locale_dir: Path, lang: str, document: str) -> Path:
    """Return `locales/<lang>/LC_MESSAGES/<document>.po`."""
    return locale_dir / lang / "LC_MESSAGES" / f"{document}.po"


def template_path(locale_dir: Path, document: str) -> Path:
    """Return `locales/templates/<document>.pot`."""
    return locale_dir / TEMPLATE_FOLDER / f"{document}.pot"


def orphan_catalogs(config: Config, names: set[str]) -> list[str]:
    """Return catalogs of no document in `names`; they are kept, never deleted."""
    folder = config.locale_path
    found = [*folder.glob("*/LC_MESSAGES/*.po"), *folder.glob("templates/*.pot")]
    return sorted(display_path(p, config.root) for p in found if p.stem not in names)
