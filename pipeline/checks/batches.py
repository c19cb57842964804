"""A catalog's messages through the translation rules, in slices on every core when large.

A catalog repeats many of its entries word for word in other contexts (a third of the
LibreOffice help's 62k): each distinct message is checked once, and its findings, term
uses and rendering are given to every copy at the copy's own lines.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.catalogs.messages import CatalogMessage, RenderingRow
from pipeline.checks.findings import Finding
from pipeline.checks.glyphs import font_coverage
from pipeline.checks.registry import ActiveRule
from pipeline.checks.runner import run
from pipeline.checks.spelling_evidence import without_repeated_built
from pipeline.checks.subjects import translation_subjects
from pipeline.languages.dictionaries import dictionary_name, load_hunspell, missing_dictionary
from pipeline.languages.evidence import frequency_table, primary
from pipeline.languages.word_forms import word_forms
from pipeline.project.config import SpellingSettings
from pipeline.project.parallel import jobs, ordered_map
from pipeline.source.language import chunk_tokenizer
from pipeline.terms.glossary import Glossary
from pipeline.terms.occurrences import Matchers, TermUseRow, term_uses


def check_messages(
    messages: list[CatalogMessage],
    matchers: Matchers | None,
    rules: list[ActiveRule],
    glossary: Glossary | None,
    languages: tuple[str, ...] = (),
    spelling: SpellingSettings | None = None,
    seen: Callable[[list[Finding], int], None] = lambda findings, left: None,
) -> Iterator[Gathered]:
    """The message, text and entry rules over `messages`, slice by slice; `seen` is
    given each slice's findings as it comes in, and how many slices are still to come.

    The findings are those of one piece: each rule looks at one message at a time,
    and reads nothing of it but its texts, languages, flags and comments.
    """
    distinct, original = _distinct(messages)
    check = functools.partial(_check_slice, matchers, rules, glossary, languages, spelling)
    slices = _slices(distinct)
    parts = _told(ordered_map(check, slices, minimum=2), seen, len(slices))
    if len(distinct) == len(messages):
        return parts
    whole = Gathered([], [], [])
    for part in parts:
        whole.findings.extend(part.findings)
        whole.renderings.extend(part.renderings)
        whole.uses.extend(part.uses)
    return iter([_copied(whole, messages, distinct, original)])


def _told(
    parts: Iterator[Gathered], seen: Callable[[list[Finding], int], None], count: int
) -> Iterator[Gathered]:
    for done, part in enumerate(parts, 1):
        seen(part.findings, count - done)
        yield part


def _key(message: CatalogMessage) -> tuple[object, ...]:
    """What the rules read of a message: all but its lines and msgctxt (whose presence
    decides whether the findings on it name it)."""
    return (
        message.path, message.document, message.source_lang, message.target_lang,
        message.source, message.target, message.fuzzy, message.comments, message.markdown,
        message.role, message.context is None, message.review,
    )  # fmt: skip


def _distinct(
    messages: list[CatalogMessage],
) -> tuple[list[CatalogMessage], list[int]]:
    """The first of each set of equal messages, and for every message its first's index."""
    first: dict[tuple[object, ...], int] = {}
    distinct: list[CatalogMessage] = []
    original = []
    for message in messages:
        at = first.setdefault(_key(message), len(distinct))
        if at == len(distinct):
            distinct.append(message)
        original.append(at)
    return distinct, original


def _copied(
    checked: Gathered,
    messages: Sequence[CatalogMessage],
    distinct: Sequence[CatalogMessage],
    original: Sequence[int],
) -> Gathered:
    """What `checked` found for the `distinct` messages, given to every message."""
    lines = _Lines(distinct)
    findings: dict[int | None, list[Finding]] = {}
    for finding in checked.findings:
        findings.setdefault(lines.of(finding.path, finding.line), []).append(finding)
    uses: dict[int | None, list[TermUseRow]] = {}
    for use in checked.uses:  # a use's last field is its text's line
        uses.setdefault(lines.of(use[0], use[8]), []).append(use)
    renderings = iter(checked.renderings)
    agrees = {at: next(renderings)[6] for at, message in enumerate(distinct) if message.translated}
    gathered = Gathered(findings.get(None, []), [], [])  # none of a message's: kept once
    for message, at in zip(messages, original, strict=True):
        first = distinct[at]
        if message is first:
            gathered.findings.extend(findings.get(at, ()))
            gathered.uses.extend(uses.get(at, ()))
        else:
            shift = functools.partial(_shifted, first, message)
            gathered.findings.extend(_moved(f, first, message) for f in findings.get(at, ()))
            gathered.uses.extend(
                (u[0], shift(u[1]), u[2], u[3], u[4], u[5], u[6], u[7], shift(u[8]), u[9])
                for u in uses.get(at, ())
            )
        if message.translated:
            m = message
            context = m.rendering_context
            row = (m.path, m.line, m.target_lang, context, m.source, m.target, agrees[at])
            gathered.renderings.append(row)  # as Rendering.of(message, agrees) gives it
    return gathered


class _Lines:
    """Which of the distinct messages a line of a catalog belongs to: a message's lines
    run from its msgid (its comments come before) to the next message's."""

    def __init__(self, distinct: Sequence[CatalogMessage]) -> None:
        self._starts: dict[str, tuple[list[int], list[int]]] = {}
        for at, message in sorted(enumerate(distinct), key=lambda m: m[1].msgid_line):
            starts, indices = self._starts.setdefault(message.path, ([], []))
            starts.append(message.msgid_line)
            indices.append(at)

    def of(self, path: str, line: int) -> int | None:
        if path not in self._starts:
            return None
        starts, indices = self._starts[path]
        return indices[max(0, bisect.bisect_right(starts, line) - 1)]


def _moved(finding: Finding, first: CatalogMessage, copy: CatalogMessage) -> Finding:
    """A finding on `first` as it is on `copy`: at its line, naming its msgctxt."""
    data = finding.data
    if "msgctxt" in data:  # a finding on the message, not on one of its texts
        data = {**data, "msgctxt": copy.context or ""}
    return dataclasses.replace(finding, line=_shifted(first, copy, finding.line), data=data)


def _shifted(first: CatalogMessage, copy: CatalogMessage, line: int) -> int:
    """A line of `first`'s (its msgid's or its msgstr's) at the same place in `copy`."""
    if line >= first.line:
        return copy.line + line - first.line
    return copy.msgid_line + line - first.msgid_line


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
    texts_read = any(active.rule.target in ("text", "entry") for active in rules)
    subjects = translation_subjects(messages, matchers, texts_read)
    return Gathered(
        without_repeated_built(run(rules, subjects.by_target(), glossary, languages, spelling)),
        [tuple(rendering) for rendering in subjects.renderings],  # type: ignore[misc]
        [tuple(use) for text in subjects.texts for use in term_uses(text)],  # type: ignore[misc]
    )


def prepare(
    rules: list[ActiveRule], languages: tuple[str, ...], spelling: SpellingSettings | None
) -> None:
    """Load what the language rules read of every slice: the tokenizer's rules,
    wordfreq's lists and the dictionaries (0.7 s a process), and the fonts' coverage. A worker
    started before a big catalog is read does it while the main process reads."""
    ids = {active.rule.id for active in rules}
    if ids & _READ_LANGUAGE:
        for lang in languages:
            chunk_tokenizer(lang)
            frequency_table(primary(lang))
            name = dictionary_name(lang, spelling.dictionaries if spelling else {})
            if missing_dictionary(name) is None:
                word_forms(name)
                load_hunspell(name, True)
                load_hunspell(name, False)
    if "a11y/missing-glyph" in ids:
        font_coverage()


# The rules that read every text's words with spaCy, wordfreq and Hunspell.
_READ_LANGUAGE = {"spelling/unknown-word", "translation/wrong-language", "a11y/language-of-parts"}
