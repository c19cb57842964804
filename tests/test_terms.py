"""The term matcher on the cases the issue names; the labelled set measures the rest."""

from __future__ import annotations

import pytest

from pipeline.terms.glossary import Concept, Glossary, Term, TermStatus
from pipeline.terms.matcher import TermMatcher

P, A, D = TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED


def concept(concept_id: str, *terms: Term) -> Concept:
    return Concept(concept_id, terms)


GLOSSARY = Glossary(
    "test",
    (
        concept("gene-therapy", Term("genterapi", "da", P), Term("genbehandling", "da", D),
                Term("gene therapy", "en", P), Term("gene treatment", "en", D)),
        concept("gene", Term("gen", "da", P), Term("gene", "en", P)),
        concept("car-t", Term("CAR-T", "da", P, "acronym", do_not_translate=True),
                Term("CAR T", "da", D, "acronym"),
                Term("CAR-T", "en", P, "acronym", do_not_translate=True),
                Term("CAR T", "en", D, "acronym")),
        concept("cell-therapy", Term("celleterapi", "da", P), Term("cell therapy", "en", P)),
        concept("clinical-trial", Term("klinisk forsøg", "da", P), Term("clinical trial", "en", P)),
        concept("side-effect", Term("bivirkning", "da", P), Term("sideeffekt", "da", A),
                Term("side effect", "en", P), Term("adverse effect", "en", A)),
        concept("haemophilia", Term("hæmofili B", "da", P), Term("blødersyge", "da", A)),
        concept("immune-cell", Term("immuncelle", "da", P), Term("immune cell", "en", P)),
        concept("retina", Term("nethinde", "da", P)),
        concept("retinal-dystrophy", Term("nethindedystrofi", "da", P)),
        concept("atmp", Term("ATMP", "da", P, "acronym"), Term("ATMP", "en", P, "acronym")),
    ),
)  # fmt: skip
DA = TermMatcher(GLOSSARY, "da")
EN = TermMatcher(GLOSSARY, "en")


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str, str]]:
    return [(hit.concept, hit.text, hit.how) for hit in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Genterapien virker.", [("gene-therapy", "Genterapien", "inflected")]),
        ("De kliniske forsøg.", [("clinical-trial", "kliniske forsøg", "inflected")]),
        ("Genterapibehandlingen.", [("gene-therapy", "Genterapibehandlingen", "compound")]),
        ("Blødersygepatienter.", [("haemophilia", "Blødersygepatienter", "compound")]),
        ("Sideeffektsregistrering.", [("side-effect", "Sideeffektsregistrering", "compound")]),
        ("Immuncellerne.", [("immune-cell", "Immuncellerne", "inflected")]),
        ("CAR-T-celler.", [("car-t", "CAR-T", "exact")]),
        ("Gen-terapi.", [("gene-therapy", "Gen-terapi", "inflected")]),
        ("Generne og genet.", [("gene", "Generne", "inflected"), ("gene", "genet", "inflected")]),
        ("Han kom igen, generelt efter genoptræning.", []),
        ("Ikke Cart, cart eller car-t.", []),
        ("ATMP'er og ATMPs, ikke atmosfære.", [("atmp", "ATMP", "exact"), ("atmp", "ATMPs", "inflected")]),
        ("Nethindedystrofi og nethinden.", [
            ("retinal-dystrophy", "Nethindedystrofi", "variant"),
            ("retina", "nethinden", "inflected"),
        ]),
        ("Se `genterapi` og https://x.dk/genterapi her.", []),
        ("Genbehandling.", [("gene-therapy", "Genbehandling", "variant")]),
        ("Immuncelleterapi.", [
            ("cell-therapy", "Immuncelleterapi", "compound"),
            ("immune-cell", "Immuncelleterapi", "compound"),
        ]),
        ("Gener, genet og genernes.", [
            ("gene", "Gener", "inflected"), ("gene", "genet", "inflected"),
            ("gene", "genernes", "inflected"),
        ]),
        ("Egen genkendelse, antigen og ingen genbrug.", []),
    ],
)  # fmt: skip
def test_danish(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(DA, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gene therapies work.", [("gene-therapy", "Gene therapies", "inflected")]),
        ("The gene-therapy trials.", [("gene-therapy", "gene-therapy", "variant")]),
        ("In the clinical trials.", [("clinical-trial", "clinical trials", "inflected")]),
        ("Genes generate general genetic noise.", [("gene", "Genes", "inflected")]),
        ("The CAR-T cells, not the cart.", [("car-t", "CAR-T", "exact")]),
        ("Gene treatment.", [("gene-therapy", "Gene treatment", "variant")]),
        ("The immune cells' response.", [("immune-cell", "immune cells", "inflected")]),
        # Snowball stems a derivation like an inflection: no hit (Sphinx: "search
        # functionality" was the term "function"); irregular plurals still are.
        ("Side effects are no effective sideline.", [("side-effect", "Side effects", "inflected")]),
        ("Stopped gene therapies.", [("gene-therapy", "gene therapies", "inflected")]),
        # A placeholder's name is no word of the text (Django: "Changed %(gene)s").
        ("Changed %(gene)s, {gene}, {{ gene }} and {gene!r}.", []),
    ],
)
def test_english(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(EN, text) == expected


@pytest.mark.parametrize(
    ("matcher", "text"), [(DA, "Vi giver CAR T-celler."), (EN, "CAR T cells.")]
)
def test_a_listed_deprecated_variant_wins_over_the_preferred_term_it_resembles(
    matcher: TermMatcher, text: str
) -> None:
    (hit,) = matcher.find(text)
    assert (hit.text, hit.term.text, hit.term.status) == ("CAR T", "CAR T", TermStatus.DEPRECATED)
    (hit,) = matcher.find(text.replace("CAR T", "CAR-T"))
    assert (hit.text, hit.term.status) == ("CAR-T", TermStatus.PREFERRED)


def test_hits_point_at_the_text() -> None:
    text = "Læs om genterapi her."
    (hit,) = DA.find(text)
    assert text[hit.start : hit.end] == "genterapi"
    assert hit.term.status is TermStatus.PREFERRED
