"""A catalog's messages through the translation rules, in slices on every core when large."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.catalogs.messages import CatalogMessage, RenderingRow
from pipeline.checks.findings import Finding
from pipeline.checks.registry import ActiveRule
from pipeline.checks.runner import run
from pipeline.checks.subjects import translation_subjects
from pipeline.project.config import SpellingSettings
from pipeline.project.parallel import jobs, ordered_map
from pipeline.terms.glossary import Glossary
from pipeline.terms.occurrences import Matchers, TermUseRow, term_uses


def check_messages(
    messages: list[CatalogMessage],
    matchers: Matchers | None,
    rules: list[ActiveRule],
    glossary: Glossary | None,
    languages: tuple[str, ...] = (),
    spelling: SpellingSettings | None = None,
) -> Iterator[Gathered]:
    """The message, text and entry rules over `messages`, slice by slice.

    The findings are those of one piece: each rule looks at one message at a time.
    """
    check = functools.partial(_check_slice, matchers, rules, glossary, languages, spelling)
    return ordered_map(check, _slices(messages), minimum=2)


@dataclass(frozen=True, slots=True)
class Gathered:
    """Findings of a run of messages, and what the project-wide rules need of them."""

    findings: list[Finding]
    renderings: list[RenderingRow]
    uses: list[TermUseRow]


# A catalog with more messages than this is checked in slices, in parallel.
SLICE_FROM = 2000


def _slices(messages: list[CatalogMessage]) -> list[list[CatalogMessage]]:
    if len(messages) < SLICE_FROM:
        return [messages]
    # Eight slices a core: they take 4-10 s each on the LibreOffice help, so with four
    # one core sat idle for seconds at the end while the other finished its last.
    size = -(-len(messages) // (jobs() * 8))
    return [messages[start : start + size] for start in range(0, len(messages), size)]


def _check_slice(
    matchers: Matchers | None,
    rules: list[ActiveRule],
    glossary: Glossary | None,
    languages: tuple[str, ...],
    spelling: SpellingSettings | None,
    messages: list[CatalogMessage],
) -> Gathered:
    subjects = translation_subjects(messages, matchers)
    return Gathered(
        run(rules, subjects.by_target(), glossary, languages, spelling),
        [tuple(rendering) for rendering in subjects.renderings],  # type: ignore[misc]
        [tuple(use) for text in subjects.texts for use in term_uses(text)],  # type: ignore[misc]
    )
