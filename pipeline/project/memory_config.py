"""`[tool.pipeline.memory]` validated: compendia, similarity of close matches, exact state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pipeline.project import schema
from pipeline.project.errors import PipelineError, check_locales

ExactState = Literal["fuzzy", "translated"]


@dataclass(frozen=True, slots=True)
class MemorySettings:
    """How extract fills untranslated units from translations the project already has.

    `compendia` are PO files outside the project's catalogs (like `msgmerge
    --compendium`): keyed by locale, or under "" when their Language header says it.
    """

    compendia: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)
    similarity: float = 0.9  # a close match must be at least this similar (0 to 1)
    exact: ExactState = "fuzzy"  # an exact match from the project's own catalogs


def load_memory(
    table: Mapping[str, Any], root: Path, locales: tuple[str, ...], origin: Path | None
) -> MemorySettings:
    """Validate `[tool.pipeline.memory]`; every compendium must be a file of the project."""
    schema.check_keys(table, "tool.pipeline.memory", origin)
    similarity = table.get("similarity", 0.9)
    if isinstance(similarity, bool) or not isinstance(similarity, (int, float)):
        similarity = -1
    if not 0.5 <= similarity <= 1:
        raise PipelineError(
            f"memory similarity must be a number from 0.5 to 1, not {table['similarity']!r}",
            origin,
            hint="e.g. similarity = 0.9: a close match differs in a tenth of its text at most",
        )
    exact = table.get("exact", "fuzzy")
    if exact not in ("fuzzy", "translated"):
        raise PipelineError(f"memory exact must be 'fuzzy' or 'translated', not {exact!r}", origin)
    compendia = _compendia(table.get("compendia", []), root, locales, origin)
    return MemorySettings(compendia, float(similarity), exact)


def _compendia(
    value: object, root: Path, locales: tuple[str, ...], origin: Path | None
) -> dict[str, tuple[Path, ...]]:
    """A list of PO files (each file's Language header says its locale), or a table of
    lists by locale."""
    if isinstance(value, list):
        value = {"": value}
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        raise PipelineError(
            f"memory compendia must be a list of PO files, not {value!r}",
            origin,
            hint='e.g. compendia = ["memory/da.po"], or { da = ["memory/da.po"] }',
        )
    check_locales([lang for lang in value if lang], "memory compendia", locales, origin)
    found: dict[str, tuple[Path, ...]] = {}
    for lang, paths in value.items():
        for path in paths:
            if not isinstance(path, str) or not path.endswith((".po", ".pot")):
                raise PipelineError(f"memory compendium must be a .po file, not {path!r}", origin)
            if not (root / path).is_file():
                raise PipelineError(
                    f"memory compendium '{path}' not found",
                    origin,
                    hint="give its path from the project root, or take it out of compendia",
                )
        if paths:  # an empty list is no list: `compendia = []` is the default
            found[lang] = tuple(Path(path) for path in paths)
    return found
