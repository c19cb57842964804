"""Moved and renamed documents: a new document continues the orphan template its units match.

A document moved with `git mv` (or copied under a new name, the old one deleted) would
start with empty catalogs while its old ones sit orphaned under the old name. Its units
give it away: when most of a new document's texts are the msgids of an orphan template,
the orphan's template and catalogs are its own, moved.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path

from pipeline.catalogs.paths import TEMPLATE_FOLDER, catalog_name
from pipeline.catalogs.reader import read_entries
from pipeline.project.config import Config
from pipeline.project.files import display_path

# A new document takes an orphan's catalogs when at least this share of its distinct
# unit texts are msgids of the orphan's template.
MOVE_OVERLAP = 0.5


def orphan_templates(config: Config, names: set[str] | frozenset[str]) -> dict[str, Path]:
    """Templates of documents not in `names`, by the document name they carry."""
    folder = config.locale_path / TEMPLATE_FOLDER
    found = {catalog_name(config.locale_path, path): path for path in sorted(folder.rglob("*.pot"))}
    return {name: path for name, path in found.items() if name not in names}


def template_msgids(config: Config, path: Path) -> frozenset[str]:
    """The msgids of a template."""
    shown = display_path(path, config.root)
    return frozenset(entry.msgid for entry in read_entries(path, shown).entries)


def match_moves(
    new: Mapping[str, frozenset[Hashable]], orphans: Mapping[str, frozenset[Hashable]]
) -> dict[str, str]:
    """New document → the orphan it continues: the best overlap first, each orphan once.

    `new` holds each new document's distinct unit texts, `orphans` each orphan
    template's msgids (or a file's findings and a gone file's accepted ones). Ties go
    by name, so every run decides alike.
    """
    pairs = []
    for name, units in new.items():
        for orphan, msgids in orphans.items():
            share = len(units & msgids) / len(units) if units else 0.0
            if share >= MOVE_OVERLAP:
                pairs.append((-share, name, orphan))
    moves: dict[str, str] = {}
    for _, name, orphan in sorted(pairs):
        if name not in moves and orphan not in moves.values():
            moves[name] = orphan
    return moves
