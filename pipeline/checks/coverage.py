"""What a check run covered, so that "no findings" is told apart from "checked nothing"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.checks.findings import counted
from pipeline.project.config import primary_language
from pipeline.terms.glossary import Glossary


@dataclass
class Coverage:
    """What a run looked at, so "no findings" can be told apart from "checked nothing"."""

    markdown: list[str] = field(default_factory=list)
    catalogs: list[str] = field(default_factory=list)
    units: int = 0
    entries: int = 0
    fuzzy: int = 0  # fuzzy entries with a translation, checked or not (check --fuzzy)
    languages: set[str] = field(default_factory=set)
    glossary: str | None = None
    concepts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    links: int = 0
    notes: list[str] = field(default_factory=list)
    # Unknown words taken as the project's terms: (language, word) → how often written.
    terms: dict[tuple[str, str], int] = field(default_factory=dict)
    short: list[str] = field(default_factory=list)  # too short for a verdict on the level

    @property
    def files(self) -> list[str]:
        return sorted(self.markdown + self.catalogs)

    def summary(self) -> str:
        langs = ", ".join(sorted(self.languages)) or "none"
        glossary = "no glossary"
        if self.glossary:
            per = ", ".join(f"{lang} {n}" for lang, n in sorted(self.concepts.items()))
            glossary = f"glossary {self.glossary} ({per} concepts)"
        return (
            f"checked {counted(len(self.markdown), 'Markdown file')}, "
            f"{counted(len(self.catalogs), 'catalog')} and {counted(self.pages, 'page')} "
            f"({counted(self.units, 'unit')}, {counted(self.entries, 'translated entry')}, "
            f"{counted(self.links, 'relative link')}; languages: {langs}); "
            f"{glossary}"
        )


def merge_coverage(parts: Iterable[Coverage]) -> Coverage:
    """Add up what several runs covered."""
    merged = Coverage()
    for part in parts:
        merged.markdown += part.markdown
        merged.catalogs += part.catalogs
        merged.units += part.units
        merged.entries += part.entries
        merged.fuzzy += part.fuzzy
        merged.languages |= part.languages
        merged.pages += part.pages
        merged.links += part.links
        merged.notes += part.notes
        merged.short += part.short
    return merged


def note_short(coverage: Coverage, fewest: int) -> None:
    """Name the documents too short for a verdict on their reading level, in one note."""
    if coverage.short:
        more = f" and {len(coverage.short) - 5} more" if len(coverage.short) > 5 else ""
        coverage.notes.append(
            f"readability: {counted(len(coverage.short), 'document')} under {fewest} words of "
            f"running text, too few for a verdict on the level: "
            f"{', '.join(sorted(coverage.short)[:5])}{more}"
        )


def note_fuzzy(coverage: Coverage, checked: bool) -> None:
    """Say whether the fuzzy translations were checked: a reviewer of align's or
    msgmerge's guesses wants them checked, CI (like gettext) leaves them out."""
    if not coverage.fuzzy:
        return
    entries, one = counted(coverage.fuzzy, "fuzzy entry"), coverage.fuzzy == 1
    if checked:
        coverage.notes.append(f"{entries} checked as translated (--fuzzy)")
    else:  # also said by `pipeline build`, which has no --fuzzy
        coverage.notes.append(
            f"{entries} not checked: a fuzzy translation is a guess still to review "
            f"(`pipeline check --fuzzy` checks {'it' if one else 'them'} too)"
        )


def note_glossary(glossary: Glossary, coverage: Coverage) -> None:
    """Record the glossary's concepts per language; a checked language with none is a note."""
    coverage.glossary = glossary.path
    coverage.concepts = glossary.coverage()
    for lang in sorted(coverage.languages):
        if not coverage.concepts.get(primary_language(lang)):
            coverage.notes.append(
                f"the glossary has no terms in '{lang}': term checks of {lang} text checked nothing"
            )
