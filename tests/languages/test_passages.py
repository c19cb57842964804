"""Language of parts on the labelled paragraphs, and the behaviour users rely on (#15)."""

from __future__ import annotations

import pytest

from pipeline.languages.passages import find_passages

from .evaluation import DEVELOPMENT, HELD_OUT, evaluate, lingua_paragraph, ours, paragraphs

# (precision, recall) measured when the detector was written; a change may not fall below.
FLOORS = {
    (DEVELOPMENT, "da"): (0.95, 0.88),
    (DEVELOPMENT, "en"): (0.95, 0.93),
    (HELD_OUT, "da"): (0.90, 0.75),
    (HELD_OUT, "en"): (0.80, 0.78),
}


@pytest.mark.parametrize(("files", "lang"), list(FLOORS), ids=lambda v: str(v))
def test_labelled_paragraphs_keep_their_precision_and_recall(
    files: tuple[str, ...], lang: str
) -> None:
    items = [p for p in paragraphs(files) if p.lang == lang]
    tally = evaluate(ours, items)
    precision, recall = FLOORS[(files, lang)]
    assert tally.precision >= precision, tally.precision
    assert tally.recall >= recall, tally.recall
    library = evaluate(lingua_paragraph, items)  # what lingua alone scores on the same set
    assert tally.precision > library.precision
    assert tally.recall > library.recall


def _found(text: str, lang: str, names: frozenset[str] = frozenset()) -> list[str]:
    other = {"da": "en", "en": "da"}[lang]
    return [text[p.start : p.end] for p in find_passages(text, lang, (lang, other), names)]


def test_an_english_title_and_sentence_in_danish_text() -> None:
    text = (
        "Studien »A Phase 3 Trial of Gene Therapy for Hemophilia B« viste, at behandlingen "
        "virkede. Lægen sagde: The results were better than we had hoped."
    )
    assert _found(text, "da") == [
        "A Phase 3 Trial of Gene Therapy for Hemophilia B",
        "The results were better than we had hoped.",
    ]


def test_a_danish_phrase_in_english_text() -> None:
    text = "On the day, eat a light breakfast and tag din sædvanlige medicin as usual."
    assert _found(text, "en") == ["tag din sædvanlige medicin"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Medicinrådet anbefaler screening og off-label-brug af Luxturna in vivo.", "da"),
        ("Vi bruger software, feedback og online workshops i vores app.", "da"),
        ("The study was approved by Region Hovedstaden and Rigshospitalet.", "en"),
        ("Nielsen et al. confirmed it in vitro at Statens Serum Institut.", "en"),
        ("Read more on sundhed.dk and borger.dk before you call.", "en"),
    ],
)
def test_loanwords_names_latin_and_addresses_are_not_passages(text: str, lang: str) -> None:
    assert _found(text, lang) == []


def test_a_signature_is_code_not_an_english_passage() -> None:
    """A Danish catalog keeps ScriptForge's signatures as they are: code, not English to
    mark with lang="en" (190 of the LibreOffice help's findings were such). A sentence
    that begins with a call is still prose."""
    signature = "svc.ExportToTextFile(array_1d: any[0..*], filename: str, [encoding: str]): bool"
    assert _found(signature, "da") == []
    prose = "SUM(A1:A3) adds up the cells and shows the result in the cell below them."
    assert _found(prose, "da") == [prose]


def test_the_authors_span_wins_over_detection() -> None:
    text = 'Bogen hedder <span lang="da">Gene Therapy Today and Tomorrow</span>, og den er god.'
    assert _found(text, "da") == []


def test_a_passage_needs_three_words_inside_a_sentence() -> None:
    assert _found("Genren young adult er populær blandt unge lånere.", "da") == []


def test_one_language_projects_find_nothing() -> None:
    text = "Studien »A Phase 3 Trial of Gene Therapy« viste noget."
    assert find_passages(text, "da", ("da",)) == []


def test_wrong_language_on_real_entries_and_seeded_mistakes() -> None:
    from .wrong_language import context, entries, half_translated, kept_phrase, pasted, rate

    items, ctx = entries(), context()
    assert rate(items, ctx)[0] == 0  # 200 real translations: no false alarm
    assert rate(kept_phrase(items), ctx)[0] == 0  # an English phrase kept on purpose
    found, total = rate(pasted(items), ctx)
    assert found / total >= 0.9
    found, total = rate(half_translated(items), ctx)
    assert found / total >= 0.7
