"""The labelled set holds a floor on term detection and on the term findings."""

from __future__ import annotations

import pytest

from pipeline.terms.glossary import Glossary, load_glossary

from .terms.evaluation import GLOSSARY, exact_words, findings_score, labelled, ours, score, texts


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY, "source/glossary.tbx")


def test_the_set_is_big_enough_and_uses_real_concepts(glossary: Glossary) -> None:
    data = labelled()
    assert len(data["case"]) + len(data["pair"]) >= 150
    ids = {concept.id for concept in glossary.concepts}
    used = {c for _, _, expected in texts() for c in expected}
    assert used <= ids
    assert {lang for lang, _, _ in texts()} == {"da", "en"}


def test_detection_floor(glossary: Glossary) -> None:
    result = score(ours(glossary))
    for key in ("all", "da", "en"):
        assert result[key].precision >= 0.97, key
        assert result[key].recall >= 0.97, key


def test_we_beat_exact_word_matching(glossary: Glossary) -> None:
    baseline, pipeline = score(exact_words(glossary))["all"], score(ours(glossary))["all"]
    assert pipeline.recall > baseline.recall + 0.2
    assert pipeline.precision > baseline.precision


def test_findings_floor(glossary: Glossary) -> None:
    result = findings_score(glossary)
    assert result.precision >= 0.95
    assert result.recall >= 0.95
