"""A big catalog's quick suggestions are begun on the workers near the end of its slices,
for the words the slices so far do not show to be terms."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.checks import suggestions as module
from pipeline.checks.findings import Finding
from pipeline.checks.spelling_evidence import RULE
from pipeline.checks.suggestions import Suggestions
from pipeline.project.config import SpellingSettings


def unknown(word: str, lang: str = "da", name: bool = False) -> Finding:
    data = {"word": word, "lang": lang} | ({"name": "yes"} if name else {})
    return Finding(RULE, "warning", "help.po", 1, f"unknown word '{word}'", data=data)


@pytest.fixture
def begun(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The words sent to two started workers, in place of a pool."""
    sent: list[tuple[str, str]] = []

    def begin(function: object, batches: list[list[tuple[str, str]]]) -> object:
        sent.extend(key for batch in batches for key in batch)
        return lambda: []

    monkeypatch.setattr(module, "started", lambda: True)
    monkeypatch.setattr(module, "jobs", lambda: 2)
    monkeypatch.setattr(module, "begun", begin)
    return sent


def suggestions() -> Suggestions:
    return Suggestions(SpellingSettings(), ("en", "da"), frozenset())


def test_words_are_held_while_every_worker_has_a_slice(begun: list[tuple[str, str]]) -> None:
    run = suggestions()
    run.ahead([unknown("genterpi")], left=5)
    run.ahead([unknown("behandlng")], left=2)
    assert begun == []
    run.ahead([], left=1)
    assert sorted(begun) == [("da", "behandlng"), ("da", "genterpi")]
    run.ahead([unknown("vævsterpi")], left=0)  # after the held ones: as it comes
    assert begun[-1] == ("da", "vævsterpi")


def test_what_later_slices_show_to_be_terms_is_not_begun(begun: list[tuple[str, str]]) -> None:
    run = suggestions()
    run.ahead([unknown("Fontwork"), unknown("Fontwork-objekter"), unknown("genterpi")], 9)
    run.ahead([unknown("Fontwork", "en", name=True)], 8)  # written in two languages
    run.ahead([unknown("Imagemap-formater"), *[unknown("Imagemap")] * 2], 7)  # on a name
    run.ahead([unknown("Imagemap")] * 3, 1)  # written five times
    assert begun == [("da", "genterpi")]


def test_a_hyphenated_word_with_a_part_never_reported_is_begun(
    begun: list[tuple[str, str]],
) -> None:
    run = suggestions()
    run.ahead([unknown("Imagemap"), unknown("Imagemap"), unknown("Imagemap-formatter")], 1)
    run.ahead([unknown("Imagemap-fromater"), unknown("fromater")], 0)
    # "formatter" is never reported: the word may well be a term made of the project's
    # words; "fromater" is reported on its own, so its compound is a likely typo.
    assert ("da", "Imagemap-formatter") not in begun
    assert ("da", "Imagemap-fromater") in begun


def test_before_terms_leaves_out_hyphenated_words_of_words_written_again(
    begun: list[tuple[str, str]],
) -> None:
    run = suggestions()
    findings = [unknown("Fontwork-objekter"), unknown("Fontwork-objekterr"), unknown("trin")]
    written = Counter({("da", "fontwork"): 4, ("da", "objekter"): 2})
    run.before_terms(findings, written)
    assert sorted(begun) == [("da", "Fontwork-objekterr"), ("da", "trin")]
