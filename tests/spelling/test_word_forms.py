"""The word forms (#28): the trie answers as Hunspell does, on real text and its slips,
on each installed dictionary and on a small one using every affix feature it reads."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.languages import dictionaries, word_forms
from pipeline.languages.dictionaries import dictionary_path, load_hunspell
from pipeline.languages.technical import slips_of

HERE = Path(__file__).parent


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Tries made in a fresh cache folder, each dictionary read again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for cached in (word_forms.word_forms, word_forms.spell_checks, dictionaries.loaded_hunspell):
        cached.cache_clear()
    yield tmp_path / "cache"
    for cached in (word_forms.word_forms, word_forms.spell_checks, dictionaries.loaded_hunspell):
        cached.cache_clear()


def _real_words(lang: str) -> list[str]:
    """The words of the labelled manuals (typos included), as written and lower case."""
    words: set[str] = set()
    for path in HERE.glob(f"{lang}_manuals*.toml"):
        for paragraph in tomllib.loads(path.read_text("utf-8")).get("paragraph", []):
            words.update(re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", paragraph["text"]))
    return sorted(words | {w.lower() for w in words})


def _agreement(name: str, strings: list[str]) -> list[tuple[str, str, bool]]:
    takes, lists = word_forms.spell_checks(name)
    full, bare = load_hunspell(name), load_hunspell(name, compounds=False)
    wrong = [(s, "listed", lists(s)) for s in strings if lists(s) != bool(bare.spell(s))]
    return wrong + [(s, "taken", takes(s)) for s in strings if takes(s) != bool(full.spell(s))]


@pytest.mark.parametrize(("name", "lang"), [("da_DK", "da"), ("en_US", "en"), ("en_GB", "en")])
def test_the_forms_answer_as_hunspell_on_real_words_and_their_slips(name: str, lang: str) -> None:
    if dictionary_path(name) is None:
        pytest.skip(f"{name} is not installed")
    words = _real_words(lang)
    rng = random.Random(28)
    slips = {s for w in rng.sample(words, 150) for s in slips_of(w.lower())}
    strings = sorted({*words, *slips})
    assert len(strings) > 50_000
    assert word_forms.word_forms(name) is not None
    assert _agreement(name, strings) == []


# A dictionary using what the expansion reads: numeric flags, a stem that needs an
# affix, a suffix after a suffix, a prefix with a suffix, compound parts, a forbidden
# word, a form only for compounds.
TOY_AFFIX = """SET UTF-8
FLAG num
NEEDAFFIX 9
ONLYINCOMPOUND 8
FORBIDDENWORD 7
COMPOUNDBEGIN 31
COMPOUNDEND 32
COMPOUNDMIN 2
PFX 20 Y 1
PFX 20 0 gen .
SFX 10 Y 2
SFX 10 0 en/11 [^e]
SFX 10 0 n/11 e
SFX 11 Y 1
SFX 11 0 s/31,8 .
SFX 12 N 1
SFX 12 e ing e
"""
TOY_WORDS = [
    *("hus/10,20,31,32", "bil/10,31,32", "vase/10,12", "bær/9,10", "husen/7", "mand/32"),
    "kirke/8,31",
    "e/12",  # no FULLSTRIP: "ing" is not made of it
]


def _toy(folder: Path) -> None:
    (folder / "xx_TOY.aff").write_text(TOY_AFFIX, "utf-8")
    (folder / "xx_TOY.dic").write_text(f"{len(TOY_WORDS)}\n" + "\n".join(TOY_WORDS) + "\n")


def test_each_affix_feature_answers_as_hunspell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _toy(tmp_path)
    monkeypatch.setenv("PIPELINE_DICTIONARIES", str(tmp_path))
    stems = ["hus", "bil", "vase", "bær", "mand", "husen", "kirke", "e"]
    endings = ["", "en", "n", "ens", "ns", "s", "ing", "e"]
    forms = [p + s + e for p in ("", "gen") for s in stems for e in endings]
    strings = sorted({*forms, *(a + b for a in forms for b in forms), "Husen", "HUS", "Bil"})
    takes, lists = word_forms.spell_checks("xx_TOY")
    # What each feature makes of the words (Hunspell's own verdicts, checked below):
    listed = {
        "husen": False,  # forbidden, though "hus" + "en" makes it
        "bær": False,  # a stem needing an affix
        "bæren": True,
        "kirke": False,  # only in compounds
        "bilens": True,  # a second suffix: ONLYINCOMPOUND is read on the first
        "genhusens": True,  # a prefix and two suffixes
        "vasing": True,  # a suffix that strips
    }
    assert {word: lists(word) for word in listed} == listed
    taken = {"kirkehus": True, "bilhus": True, "mandbil": False}  # begin, end
    assert {word: takes(word) for word in taken} == taken
    assert _agreement("xx_TOY", strings) == []


def test_the_trie_is_made_once_a_machine_and_mapped_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_cache: Path
) -> None:
    _toy(tmp_path)
    monkeypatch.setenv("PIPELINE_DICTIONARIES", str(tmp_path))
    assert word_forms.word_forms("xx_TOY") is not None
    [made] = (own_cache / "pipeline" / "word-forms").iterdir()
    stamp = made.stat().st_mtime_ns
    word_forms.word_forms.cache_clear()
    assert word_forms.word_forms("xx_TOY") is not None
    assert made.stat().st_mtime_ns == stamp  # read, not made again
    (tmp_path / "xx_TOY.dic").write_text("1\nkat/10\n")  # a changed dictionary: a new trie
    word_forms.word_forms.cache_clear()
    assert word_forms.word_forms("xx_TOY").lists("katen")  # type: ignore[union-attr]
    assert len(list((own_cache / "pipeline" / "word-forms").iterdir())) == 1
    assert not made.exists()  # the stale trie is gone


def test_hunspell_answers_where_the_forms_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _toy(tmp_path)
    monkeypatch.setenv("PIPELINE_DICTIONARIES", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/no-cache-here")  # no folder can keep it
    assert word_forms.word_forms("xx_TOY") is None
    takes, lists = word_forms.spell_checks("xx_TOY")
    assert (takes("bilhus"), lists("husene"), lists("husen")) == (True, False, False)
    word_forms.word_forms.cache_clear()


@pytest.mark.parametrize(
    "directive", ["IGNORE -", "AF 1\nAF 10", "CIRCUMFIX 40", "ICONV 1\nICONV é e"]
)
def test_a_dictionary_the_expansion_cannot_read_goes_to_hunspell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directive: str
) -> None:
    _toy(tmp_path)
    monkeypatch.setenv("PIPELINE_DICTIONARIES", str(tmp_path))
    (tmp_path / "xx_TOY.aff").write_text(TOY_AFFIX + directive + "\n", "utf-8")
    assert word_forms.word_forms("xx_TOY") is None


def test_two_processes_starting_together_make_the_trie_once(
    tmp_path: Path, own_cache: Path
) -> None:
    """A check's workers all want the trie on a machine's first run: one makes it (a
    second in the Danish case, 190 MB), the others wait for it and map it."""
    rng = random.Random(15)
    stems = {
        "".join(rng.choices("abdefgiklmnoprstuv", k=rng.randint(4, 12))) for _ in range(40_000)
    }
    (tmp_path / "xx_BIG.aff").write_text(TOY_AFFIX, "utf-8")
    lines = [f"{stem}/10,12,20,31,32" for stem in sorted(stems)]
    (tmp_path / "xx_BIG.dic").write_text(f"{len(lines)}\n" + "\n".join(lines) + "\n", "utf-8")
    code = "from pipeline.languages.word_forms import word_forms; assert word_forms('xx_BIG')"
    env = {"PIPELINE_DICTIONARIES": str(tmp_path), "XDG_CACHE_HOME": str(own_cache)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            env={**os.environ, **env},
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    said = [run.communicate()[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert sum("reading the word forms of xx_BIG" in text for text in said) == 1
