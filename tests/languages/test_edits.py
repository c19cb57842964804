"""`one_edit_from` compares a word with the frequency list's words in C instead of looking
up each of its ~700 slips; its answers must be those of the lookups."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.languages.edits import a_form_of, one_edit_from, slips_of
from pipeline.languages.evidence import frequency_table
from tests.spelling.evaluation import manuals


def _by_lookups(word: str, lang: str, floor: float, inner: bool) -> bool:
    """The answer as it was worked out before: every slip looked up in the table."""
    table = frequency_table(lang)
    return any(table.get(o, 0.0) >= floor and not a_form_of(o, word) for o in slips_of(word, inner))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_one_edit_from_answers_as_the_lookups_do_on_real_words_and_their_typos(lang: str) -> None:
    """The words of the labelled manuals (typos among them) and a slip of each."""
    texts, typos, _ = manuals(lang)
    text = " ".join([*texts, *(typo.text for typo in typos)])
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)})
    rng = random.Random(16)
    words = rng.sample(words, min(1500, len(words)))
    words += [rng.choice(slips_of(word)) for word in words[:500]]
    asked = found = 0
    for word in words:
        for floor in (2.5, 3.0, 4.2):
            for inner in (False, True):
                expected = _by_lookups(word, lang, floor, inner)
                assert one_edit_from(word, lang, floor, inner) == expected, (word, floor, inner)
                asked, found = asked + 1, found + expected
    assert asked > 10_000  # both answers are asked for, many times
    assert found > 500


def test_what_is_a_slip_and_what_is_not() -> None:
    assert one_edit_from("filessystem", "en", 2.5)  # "filesystem", a letter added
    assert one_edit_from("backround", "en", 2.5)  # a letter dropped
    assert one_edit_from("reciept", "en", 2.5)  # two letters swapped
    assert not one_edit_from("hotspots", "en", 2.5)  # "hotspot": a form, not a slip
    assert not one_edit_from("xprinter", "en", 2.5)  # a first letter added is no slip
    assert one_edit_from("ellwr", "da", 3.0, inner=True)  # "eller", a letter mistyped
    assert one_edit_from("elleq", "da", 3.0)  # its last letter mistyped…
    assert not one_edit_from("elleq", "da", 3.0, inner=True)  # …which `inner` leaves out
