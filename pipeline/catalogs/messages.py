"""PO messages as check subjects: both texts, their state, languages and where to point."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A translator comment "# pipeline: ignore RULE[, RULE]" suppresses findings on the entry.
_IGNORE = re.compile(r"^pipeline:\s*ignore\s+(?P<rules>\S.*)$")


@dataclass(frozen=True, slots=True)
class CatalogMessage:
    """One PO message of a catalog, translated or not."""

    path: str
    line: int  # the msgstr line
    msgid_line: int
    document: str
    source_lang: str
    target_lang: str
    source: str
    target: str
    fuzzy: bool
    comments: tuple[str, ...] = ()

    @property
    def translated(self) -> bool:
        return bool(self.target) and not self.fuzzy

    @property
    def ignored_rules(self) -> tuple[str, ...]:
        """Rules this entry's translator comments suppress."""
        rules: list[str] = []
        for comment in self.comments:
            found = _IGNORE.match(comment.strip())
            if found:
                rules += [r.strip() for r in found.group("rules").split(",") if r.strip()]
        return tuple(rules)


@dataclass(frozen=True, slots=True)
class CatalogSync:
    """Whether a catalog is up to date with its source document."""

    path: str
    source: str
    exists: bool
    new: tuple[str, ...] = ()  # unit texts of the source the catalog lacks
    removed: tuple[str, ...] = ()  # catalog entries the source no longer has
