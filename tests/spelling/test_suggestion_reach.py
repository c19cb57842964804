"""Hunspell is not asked for suggestions it cannot have (#28): a word none of whose edits
is a form of the dictionary gets none from Hunspell, on each installed dictionary and on
a small one where each kind of edit leads to a word."""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.languages import dictionaries, suggestion_reach, word_forms
from pipeline.languages.dictionaries import dictionary_path, suggester
from pipeline.languages.suggestion_reach import reach, suggested_by
from pipeline.languages.technical import slips_of

HERE = Path(__file__).parent
_CACHED = (word_forms.word_forms, suggestion_reach.reach, dictionaries.suggester)


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A small dictionary with REP (anchored, with a space), KEY, a ph: field, word
    pairs, a name and compounds, some in capitals."""
    folder = tmp_path / "dictionaries"
    folder.mkdir()
    (folder / "tiny.aff").write_text(
        "SET UTF-8\nTRY aeiouhnrstlpvcbdfgkmwyz\nKEY qwertyuiop|asdfghjkl|zxcvbnm\n"
        "COMPOUNDFLAG X\nCOMPOUNDMIN 3\nREP 2\nREP f ph\nREP ^alot$ a_lot\n",
        "utf-8",
    )
    words = [
        "phone",
        "vacation",
        "have",
        "a lot",
        "a cappella",
        "house/X",
        "boat/X",
        "Paris",
        "NASA/X",
        "SHOW/X",
    ]
    (folder / "tiny.dic").write_text(f"{len(words) + 1}\n" + "\n".join(words) + "\nankh ph:anch\n")
    monkeypatch.setenv("PIPELINE_DICTIONARIES", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for cached in _CACHED:
        cached.cache_clear()
    yield "tiny"
    for cached in _CACHED:
        cached.cache_clear()


# Each reaches a word in one way Hunspell edits: (misspelt, what Hunspell suggests first).
_REACHED = [
    ("fone", "phone"),  # REP
    ("alot", "a lot"),  # REP anchored at both ends, with a space
    ("anch", "ankh"),  # the ph: field
    ("paris", "Paris"),  # a letter in capitals
    ("jave", "have"),  # a neighbour on the keyboard
    ("hvae", "have"),  # two letters swapped
    ("ahev", "have"),  # two swaps in a short word
    ("vacatoin", "vacation"),  # swapped
    ("vcaation", "vacation"),  # swapped
    ("vacationx", "vacation"),  # a letter too many
    ("vaction", "vacation"),  # a letter missing
    ("avcation", "vacation"),  # swapped
    ("vactiona", "vacation"),  # a letter moved
    ("vacacation", "vacation"),  # two letters typed twice
    ("houseboat", "house boat"),  # two words
    ("acappella", "a cappella"),  # a listed pair of words
    ("Fone", "Phone"),  # a capital: as written and in lower case
    ("nasashow", "NASASHOW"),  # a compound of forms in capitals (the second pass)
]


@pytest.mark.parametrize(("word", "first"), _REACHED)
def test_a_word_an_edit_away_is_asked_of_hunspell(tiny: str, word: str, first: str) -> None:
    assert suggester(tiny).suggest(word)[:1] == [first]  # the edit is Hunspell's
    assert not reach(tiny).hopeless(word)  # "fone" hopeless: the REP edit is missing
    assert suggested_by(tiny, word)[:1] == [first]


@pytest.mark.parametrize("word", ["zzqqxx", "Zzqqxx", "pones", "qwqwqwqw"])
def test_a_word_no_edit_reaches_gets_none_without_asking(tiny: str, word: str) -> None:
    assert reach(tiny).hopeless(word)
    assert suggester(tiny).suggest(word) == []


@pytest.mark.parametrize("word", ["NASAboat", "house-boat", "Fo.ne", "fone1"])
def test_a_word_hunspell_reads_in_further_ways_is_asked(tiny: str, word: str) -> None:
    assert not reach(tiny).hopeless(word)  # mixed capitals, a dash, signs: Hunspell's


def _real_words(lang: str) -> list[str]:
    words: set[str] = set()
    for path in HERE.glob(f"{lang}_manuals*.toml"):
        for paragraph in tomllib.loads(path.read_text("utf-8")).get("paragraph", []):
            words.update(re.findall(r"[^\W\d_]+", paragraph["text"]))
    return sorted(words)


def _misspellings(words: list[str], rng: random.Random) -> set[str]:
    """Slips of real words, one and two letters off, compounds of two words and their
    slips, in lower case and capitalised: what a check reports and asks suggestions for."""
    found: set[str] = set()
    for word in rng.sample(words, 250):
        slips = sorted(slips_of(word.lower()))
        for slip in rng.sample(slips, min(3, len(slips))):
            found |= {slip, slip.capitalize(), *rng.sample(sorted(slips_of(slip)), 2)}
        joined = word.lower() + rng.choice(words).lower()
        found |= {joined, joined.capitalize(), *rng.sample(sorted(slips_of(joined)), 2)}
    return found


@pytest.mark.parametrize(("name", "lang"), [("da_DK", "da"), ("en_US", "en"), ("en_GB", "en")])
def test_hunspell_has_no_suggestion_for_a_hopeless_word(name: str, lang: str) -> None:
    if dictionary_path(name) is None:
        pytest.skip(f"{name} is not installed")
    known = reach(name)
    assert known is not None
    misspelt = sorted(_misspellings(_real_words(lang), random.Random(1828)))
    hopeless = [word for word in misspelt if known.hopeless(word)]
    wrong = {word: found for word in hopeless if (found := suggester(name).suggest(word))}
    assert wrong == {}
    assert len(hopeless) > len(misspelt) / 10  # it spares Hunspell some: not a no-op


@pytest.mark.parametrize(("name", "lang"), [("da_DK", "da"), ("en_US", "en"), ("en_GB", "en")])
def test_suggestions_worked_out_here_are_hunspells(name: str, lang: str) -> None:
    """Where the edits in Hunspell's order give the list (a lower-case word), it is the
    quick copy's list, word for word and in order; the rest are left to Hunspell."""
    if dictionary_path(name) is None:
        pytest.skip(f"{name} is not installed")
    known = reach(name)
    assert known is not None
    misspelt = sorted(_misspellings(_real_words(lang), random.Random(1919)))
    if name == "da_DK":  # REP with a space, a dash from TRY, a form Hunspell will not suggest
        misspelt += ["henholdvis", "ier", "allere", "afk", "dett", "zomm"]
    answered = {word: found for word in misspelt if (found := known.suggestions(word)) is not None}
    wrong = {
        word: (found, hunspell)
        for word, found in answered.items()
        if found != (hunspell := list(suggester(name).suggest(word)))
    }
    assert wrong == {}
    assert all(word.islower() for word in answered)  # capitals are Hunspell's
    if name == "da_DK":  # NOSPLITSUGS: only a pair the dictionary lists is suggested
        assert len(answered) > len(misspelt) / 4
        assert answered["henholdvis"] == ["hen holdvis", "henholdsvis"]
        assert "duett" not in answered["dett"]  # a form, but not one Hunspell suggests
