"""Which entries deviate from how the rest of a project translates the same text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.catalogs.messages import Rendering
from pipeline.checks.findings import shorten
from pipeline.checks.surface import not_text
from pipeline.terms.occurrences import TermUse

_ACCELERATOR = re.compile(r"[&_~](?=\w)")
_MIN_WORDS = 3
_ARTICLE = re.compile(r"\b(?:a|an|the)\b")  # English's: a translation may leave them out


@dataclass(frozen=True, slots=True)
class Corpus:
    """A whole project's renderings and term uses, for the checks that compare places."""

    renderings: tuple[Rendering, ...]
    uses: tuple[TermUse, ...]


@dataclass(frozen=True, slots=True)
class Deviation:
    """An entry that renders differently from `model`, the rendering to follow."""

    rendering: Rendering
    model: Rendering
    same_source: bool  # True: one source, two translations; False: one translation, two sources
    reason: str  # why the model is the one to follow
    fix: str = ""  # the model's translation, when there is a side to take

    def message(self) -> str:
        rendering, model = self.rendering, self.model
        if self.same_source:
            return (
                f"'{shorten(rendering.source)}' is translated '{shorten(model.target)}' at "
                f"{model.path}:{model.line} ({self.reason}), here '{shorten(rendering.target)}'"
            )
        return (
            f"'{shorten(rendering.target)}' also translates '{shorten(model.source)}' "
            f"({model.path}:{model.line}), a different source text"
        )


def deviations(renderings: Iterable[Rendering]) -> Iterator[Deviation]:
    """Entries translated differently from the same source text elsewhere, and entries
    whose translation also serves a different source text, in project order."""
    renderings = [r for r in renderings if not not_text(r.source)]  # "translator-credits"
    yield from _differing_translations(renderings)
    yield from _shared_translations(renderings)


def _differing_translations(renderings: list[Rendering]) -> Iterator[Deviation]:
    """Per source text (and msgctxt): the translation that uses the glossary's terms where
    another does not, else the most common one, is the model."""
    groups: dict[tuple[str, str | None, str], list[Rendering]] = {}
    for rendering in renderings:
        key = (rendering.lang, rendering.context, rendering.source)
        groups.setdefault(key, []).append(rendering)
    for group in groups.values():
        # Translations that differ in case only are one: Danish writes "januar" in a
        # date and "Januar" as a calendar's heading (Django's catalogs).
        counts = Counter(rendering.target.casefold() for rendering in group)
        if len(counts) < 2:
            continue
        mixed = any(r.agrees is False for r in group)
        agreeing = {r.target.casefold() for r in group if r.agrees} if mixed else set()
        ranked = sorted(counts, key=lambda text: (text in agreeing, counts[text]), reverse=True)
        usual, runner_up = ranked[0], ranked[1]
        model = next(r for r in group if r.target.casefold() == usual)
        fix = model.target
        if usual in agreeing:
            reason = "it uses the glossary's terms"
        elif counts[usual] == counts[runner_up]:
            reason, fix = "as common as this one: pick one", ""  # no side to take
        else:
            reason = f"{counts[usual]}×"
        for rendering in group:
            if rendering.target.casefold() != usual:
                yield Deviation(rendering, model, True, reason, fix)


def _shared_translations(renderings: list[Rendering]) -> Iterator[Deviation]:
    """Per translation: source texts that differ in more than case, accelerator keys,
    English articles or end punctuation. Entries told apart by msgctxt are meant to
    differ and are left out, and so are labels shorter than three words: "View" and
    "Show" are both "Vis"."""
    groups: dict[tuple[str, str], dict[str, list[Rendering]]] = {}
    for rendering in renderings:
        if rendering.context is None and len(rendering.source.split()) >= _MIN_WORDS:
            key = (rendering.lang, rendering.target)
            groups.setdefault(key, {}).setdefault(_comparable(rendering.source), []).append(
                rendering
            )
    for sources in groups.values():
        if len(sources) < 2:
            continue
        ranked = sorted(sources.values(), key=lambda group: -len(group))
        model = ranked[0][0]
        for group in ranked[1:]:
            for rendering in group:
                yield Deviation(rendering, model, False, f"{len(ranked[0])}×")


def _comparable(source: str) -> str:
    plain = _ACCELERATOR.sub("", source).rstrip(" .:…!?").casefold()
    return " ".join(_ARTICLE.sub(" ", plain).split())  # "Add child page", "Add a child page"
