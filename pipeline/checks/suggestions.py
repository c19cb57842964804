"""Suggestions for the unknown words a check reports, worked out once a run for each.

Hunspell takes about 10 ms to suggest for a Danish word, so a big catalog's few
hundred typos cost seconds. A run whose workers are started (a big catalog) begins
them on the workers as soon as its slices are checked, for every word it may report,
while this process runs the project-wide rules; take_terms then takes those it
reports. Any other run works out the words it reports when it takes them.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from itertools import chain

from pipeline.checks.findings import Finding
from pipeline.checks.spelling_evidence import Key, unknown_and_named
from pipeline.languages.project_slips import (
    PART,
    WRITTEN_AGAIN,
    ProjectWords,
    of_written_words,
)
from pipeline.languages.spelling import spellers
from pipeline.languages.technical import ALWAYS_A_TERM, in_two_languages, project_terms
from pipeline.project.config import SpellingSettings
from pipeline.project.parallel import begun, jobs, ordered_map, started


class Suggestions:
    """A run's suggestions: some begun ahead on the started workers, the rest worked
    out when taken."""

    def __init__(
        self, settings: SpellingSettings, languages: tuple[str, ...], names: frozenset[str]
    ) -> None:
        self._run = (settings, languages, names)
        self._begun: dict[bool, list[Callable[[], list[dict[Key, tuple[str, ...]]]]]] = {}
        self._sent: dict[bool, set[Key]] = {False: set(), True: set()}
        self._seen: tuple[list[Key], list[Key]] = ([], [])  # unknown and named, so far
        self._held: dict[Key, None] = {}  # for `ahead`, in the order seen

    def __getstate__(self) -> object:
        return self._run  # a worker is sent what it suggests with, not work begun here

    def __setstate__(self, run: tuple[SpellingSettings, tuple[str, ...], frozenset[str]]) -> None:
        self.__init__(*run)  # type: ignore[misc]

    def begin(self, words: Collection[Key], quick: bool = False) -> None:
        """Send `words` to the started workers now, if any are (`quick`: see suggest),
        but those sent before."""
        words = [key for key in words if key not in self._sent[quick]]
        batch = functools.partial(_suggest, *self._run, quick)
        results = begun(batch, _batches(words)) if words else None
        if results is not None:
            self._begun.setdefault(quick, []).append(results)
            self._sent[quick].update(words)

    def ahead(self, findings: Iterable[Finding], left: int) -> None:
        """Begin the quick suggestions for the words a big catalog's slices report
        unknown, as they come in with `left` slices still to come: the workers take them
        as soon as they have no slice left, instead of waiting for the whole run's
        findings. Not the words the slices so far show to be terms, which need none:
        written ALWAYS_A_TERM times, in two languages, or hyphenated on names
        (take_terms). The workers take their work in order, so the words are held until
        a worker is about to run out of slices: many a word is shown to be a term by a
        later slice."""
        if not started():
            return
        unknown, named = unknown_and_named(findings)
        self._seen[0].extend(unknown)
        self._seen[1].extend(named)
        self._held.update(dict.fromkeys(unknown))
        if left >= jobs():
            return
        counts = Counter(self._seen[0])
        both = in_two_languages([*self._seen[0], *self._seen[1]])
        shown = Counter((lang, word.lower()) for lang, word in chain(*self._seen))
        two = {(lang, word.lower()) for lang, word in both}
        words = [
            key
            for key in self._held
            if counts[key] < ALWAYS_A_TERM
            and key not in both
            and not _built_on_names(key, shown, two)
        ]
        self._held.clear()
        self.begin(words, True)

    def before_terms(self, findings: list[Finding], written: ProjectWords) -> None:
        """Begin on the started workers what take_terms will want of the run's
        `findings`, so that this process can run the project-wide rules meanwhile:
        Hunspell's suggestions for the words whose count leaves in doubt whether they
        are terms, and the quick ones for every word it may report (not those it takes
        as terms whatever is suggested, nor the hyphenated words of words the project
        has `written` again) that `ahead` did not begin."""
        if not started():
            return  # no worker to begin them on: take_terms works them out
        unknown, named = unknown_and_named(findings)
        recurring = project_terms([(lang, word, "") for lang, word in unknown])
        self.begin([key for key, count in recurring.items() if count < ALWAYS_A_TERM])
        both = in_two_languages([*unknown, *named])
        rest = set(unknown) - recurring.keys() - both.keys()
        made = {key for key in rest if of_written_words(*key, written, _knows_nothing)}
        self.begin(rest - made, quick=True)

    def take(self, words: Collection[Key], quick: bool = False) -> dict[Key, tuple[str, ...]]:
        """The suggestions for `words`: what was begun for them, the rest worked out now."""
        ready = {
            key: found
            for results in self._begun.pop(quick, [])
            for part in results()
            for key, found in part.items()
        }
        self._sent[quick].clear()
        rest = [key for key in words if key not in ready]
        return {key: ready[key] for key in words if key in ready} | suggest(rest, *self._run, quick)


def _built_on_names(key: Key, shown: Counter[Key], two: set[Key]) -> bool:
    """Whether hyphenated `key` looks like a term take_terms will find: on a word written
    in `two` languages, or made of names the slices so far report (`shown`, in lower
    case) and of words they never report ("Fontwork-objekter")."""
    lang, word = key
    if "-" not in word:
        return False
    parts = [(lang, part) for part in word.lower().split("-")]
    if any(part in two for part in parts):
        return True
    parts = [part for part in parts if len(part[1]) > PART]
    return any(shown[part] >= WRITTEN_AGAIN for part in parts) and all(
        shown[part] >= WRITTEN_AGAIN or part not in shown for part in parts
    )


def _knows_nothing(lang: str, word: str) -> bool:
    return False  # no speller here: a part of a word must be written to count


# Fewer words than this are suggested for in this process: a worker loads the dictionaries.
_PARALLEL_FROM = 64


def suggest(
    words: Collection[Key],
    settings: SpellingSettings,
    languages: tuple[str, ...],
    names: frozenset[str] = frozenset(),
    quick: bool = False,
) -> dict[Key, tuple[str, ...]]:
    """The dictionary's suggestions for each (language, word), best first (`quick`: see
    Speller.suggestions); many words are shared out over every core."""
    batch = functools.partial(_suggest, settings, languages, names, quick)
    if len(words) < _PARALLEL_FROM:
        return batch(list(words))
    parts = ordered_map(batch, _batches(words), minimum=2)
    return {key: found for part in parts for key, found in part.items()}


def _batches(words: Collection[Key]) -> list[list[Key]]:
    """`words` in four batches a core: long compounds take far longer than most."""
    ordered = sorted(words)
    size = max(1, -(-len(ordered) // (jobs() * 4)))
    return [ordered[at : at + size] for at in range(0, len(ordered), size)]


def _suggest(
    settings: SpellingSettings,
    languages: tuple[str, ...],
    names: frozenset[str],
    quick: bool,
    words: list[Key],
) -> dict[Key, tuple[str, ...]]:
    found: dict[Key, tuple[str, ...]] = {}
    for lang, word in words:
        spelled = spellers(languages or (lang,), settings.dictionaries, settings.word_lists, names)
        speller = spelled.get(lang)
        found[lang, word] = speller.suggestions(word, quick=quick) if speller is not None else ()
    return found
