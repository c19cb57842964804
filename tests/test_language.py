from __future__ import annotations

import pytest

from pipeline.source.language import count_words, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det gælder f.eks. CAR-T-behandling, bl.a. på Rigshospitalet. Det er nyt.",
            ["Det gælder f.eks. CAR-T-behandling, bl.a. på Rigshospitalet.", "Det er nyt."],
        ),
        (
            "Den 24. november kom ca. 5.678 patienter. Det var 2,5 pct. flere end før.",
            ["Den 24. november kom ca. 5.678 patienter.", "Det var 2,5 pct. flere end før."],
        ),
        (
            "Se kap. 4 og s. 12. Her står mere, dvs. alt om nr. 3.",
            ["Se kap. 4 og s. 12.", "Her står mere, dvs. alt om nr. 3."],
        ),
        (
            "Mødet er d. 3. maj kl. 14.30. Tag medicinen m.m. med osv. Derefter går du hjem.",
            [
                "Mødet er d. 3. maj kl. 14.30.",
                "Tag medicinen m.m. med osv.",
                "Derefter går du hjem.",
            ],
        ),
        ("Virker det? Ja! Og så videre …", ["Virker det?", "Ja!", "Og så videre …"]),
        (
            "Spørg om CAR-T. Du har hæmofili B. Det ved A. Jensen og Anne B. Hansen.",
            ["Spørg om CAR-T.", "Du har hæmofili B.", "Det ved A. Jensen og Anne B. Hansen."],
        ),
        (
            "Læs om **genterapi.** Det er *vigtigt*. Se [Medicinrådet](https://medicinraadet.dk/a.b).",
            [
                "Læs om **genterapi.**",
                "Det er *vigtigt*.",
                "Se [Medicinrådet](https://medicinraadet.dk/a.b).",
            ],
        ),
    ],
)
def test_danish_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "da") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith gave e.g. Luxturna, i.e. a gene therapy. It worked.",
            ["Dr. Smith gave e.g. Luxturna, i.e. a gene therapy.", "It worked."],
        ),
        (
            "It costs approx. 3.5 units on Nov. 24. Then it ended.",
            ["It costs approx. 3.5 units on Nov. 24.", "Then it ended."],
        ),
        (
            'Mr. Jones (U.S.) agreed. "Quoted." Next one? Yes.',
            ["Mr. Jones (U.S.) agreed.", '"Quoted."', "Next one?", "Yes."],
        ),
        (
            "Run `pipeline.check()` first. See https://ema.europa.eu/en. Done",
            ["Run `pipeline.check()` first.", "See https://ema.europa.eu/en.", "Done"],
        ),
        ("Cells, tissue, genes etc. Then more.", ["Cells, tissue, genes etc.", "Then more."]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_word_count_ignores_markup_urls_and_punctuation() -> None:
    text = "Læs **mere** hos [Medicinrådet](https://medicinraadet.dk/a/b/c) - f.eks. i dag."
    assert count_words(text) == 7


def test_an_html_tag_with_attributes_is_markup_not_words_and_no_wall_between_sentences() -> None:
    # accessibility.md tells editors to mark a passage in the other language this way
    text = 'Læs mere her. <span lang="en">All children are offered vaccines.</span>'
    assert count_words(text) == 8
    assert sentences(text, "da") == [
        "Læs mere her.",
        '<span lang="en">All children are offered vaccines.</span>',
    ]
