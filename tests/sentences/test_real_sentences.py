"""Sentence splitting on real published paragraphs, split by hand (tests/sentences/real.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline.source import language
from pipeline.source.language import split_sentences

from .evaluation import DEGREES, GOLD, HELD_OUT, _load, exact_paragraphs, paragraphs, pysbd_splitter


def test_the_set_is_real_and_big_enough() -> None:
    languages = [lang for lang, _, _ in paragraphs()]
    assert languages.count("da") >= 100
    assert languages.count("en") >= 100


def test_we_split_real_paragraphs_at_least_as_exactly_as_pysbd() -> None:
    ours, total = exact_paragraphs(split_sentences)
    theirs, _ = exact_paragraphs(pysbd_splitter)
    assert ours >= theirs
    assert ours / total >= 0.97


def test_the_held_out_set_is_split_at_least_as_exactly_as_pysbd() -> None:
    """heldout.toml was split by someone who never saw our splitter; it was not tuned on."""
    ours, total = exact_paragraphs(split_sentences, HELD_OUT)
    theirs, _ = exact_paragraphs(pysbd_splitter, HELD_OUT)
    assert total >= 100
    assert ours >= theirs


def test_danish_degrees_and_titles_do_not_end_a_sentence() -> None:
    """ "dr. med. Jens …" was two sentences, "cand.med.) ved et …" too (degrees.toml)."""
    ours, total = exact_paragraphs(split_sentences, DEGREES)
    assert (ours, total) == (7, 7)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("da", "Du kan tage den med. Hanne kommer også.", 2),  # "med" is a word, too
        ("da", "Hun er uddannet cand.psych. Nu arbejder hun i Odense.", 2),
        ("da", "Hun forsvarede sin ph.d. Afhandlingen handlede om genterapi.", 2),
        ("da", "Bogen er skrevet af dr.med. Jens Benn Sørensen i 2001.", 1),
        ("en", "He works as a cand.med. Later he moved to Oslo.", 2),
        (
            "da",
            "Se afsnittet om RAID. (Læs det før du deler disken for RAID.) På første skærm vælger du.",
            3,
        ),
        ("da", "Programmet hedder speakup. speakup understøtter mange skærmlæsere.", 2),
        ("da", "Tast a. Og så Enter.", 2),
        ("da", "Det koster 10 kr. pr. stk. Hvert stykke pakkes for sig.", 2),
        ("da", "Han sagde: »Starting kernel ...«, men intet skete. »Prøv igen,« sagde hun.", 2),
        ("da", "Skrevet af F. Pinard. Rettet af Anne B. Hansen.", 2),
        ("da", "Se f.eks. De fleste pakker. Det er alt.", 2),
        ("en", "Drivers exist for T, P, E, Z, Y. Binary prefixes differ.", 2),
        ("en", 'Conflicts exist in B. "Conflicts" are often combined with "replaces".', 2),
        ("en", "Use the groups comp.os.linux.* or linux.*. There are many.", 2),
        ("en", "Name a file with a . as its first character and it is hidden.", 1),
        ("en", "Ian (!), but not Bob, wrote it.", 1),
    ],
)
def test_failure_kinds_of_real_text(lang: str, text: str, expected: int) -> None:
    assert len(split_sentences(text, lang)) == expected, [
        text[a:b] for a, b in split_sentences(text, lang)
    ]


def _real_chunks() -> set[tuple[str, str]]:
    texts = [(p.lang, p.text) for gold in (GOLD, HELD_OUT) for p in _load(gold)]
    for lang in ("da", "en"):
        path = Path(__file__).parents[1] / "spelling" / f"{lang}_paragraphs.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts += [(lang, entry["text"]) for entry in data["paragraph"]]
    return {(lang, chunk) for lang, text in texts for chunk in text.split()}


def test_plain_chunks_get_the_tokens_spacy_gives_them() -> None:
    # Sentence splitting skips spaCy for plain words ("sætning.", "13.", "Det"), so a
    # check of one edit need not load it. On every chunk of real text, the shortcut and
    # spaCy agree.
    compared = 0
    for lang, chunk in sorted(_real_chunks()):
        plain = language._plain_tokens(lang, chunk)
        if plain is not None:
            spacy_tokens = tuple((t.text, t.idx) for t in language.tokenizer(lang).tokenizer(chunk))
            assert plain == spacy_tokens, (lang, chunk)
            compared += 1
    assert compared > 5_000


@pytest.mark.parametrize("lang", ["da", "en"])
def test_special_cases_get_the_tokens_spacy_gives_them(lang: str) -> None:
    # "1.", "f.eks.", "cannot": cut as the language's special case says, without
    # loading spaCy; a first edit that adds "1." once loaded it for 0.7 s.
    specials = language._tokenizer_words(lang)[2]
    nlp = language.tokenizer(lang)
    for chunk in specials:
        if not chunk.strip():
            continue  # a space is no chunk: split_sentences cuts at spaces first
        spacy_tokens = tuple((t.text, t.idx) for t in nlp.tokenizer(chunk))
        assert language._plain_tokens(lang, chunk) == spacy_tokens, chunk
    assert len(specials) > 1_000


def _spacy_tokens(lang: str, chunk: str) -> tuple[tuple[str, int], ...]:
    return tuple((t.text, t.idx) for t in language.tokenizer(lang).tokenizer(chunk))


def test_chunks_are_cut_as_spacys_tokenizer_cuts_them() -> None:
    # Sentence splitting cuts the chunks around an end mark with spaCy's rules, without
    # loading spaCy (chunk_tokens): on every chunk of real text, the same tokens.
    chunks = sorted(_real_chunks())
    for lang, chunk in chunks:
        assert language.chunk_tokenizer(lang).tokens(chunk) == _spacy_tokens(lang, chunk), chunk
    assert len(chunks) > 8_000


@pytest.mark.parametrize("lang", ["da", "en"])
def test_special_cases_set_in_marks_are_cut_as_spacy_cuts_them(lang: str) -> None:
    # Emoticons, abbreviations and contractions in brackets, quotes and before a full
    # stop: where the prefix, suffix and special-case rules meet.
    cut = language.chunk_tokenizer(lang)
    marks = [("(", ")."), ('"', '",'), ("«", "»."), ("[", "]:"), ("", "?!"), ("*", "*")]
    extra = ["www.sst.dk", "https://x.dk/a?b=1", "U.S.A.", "10-12.", "x@y.dk", "1.-2.", "…"]
    words = [w for w in [*cut.rules.specials, *extra] if w.strip() and " " not in w]
    for word in words:
        for before, after in marks:
            chunk = before + word + after
            if not any(c.isspace() for c in chunk):
                assert cut.tokens(chunk) == _spacy_tokens(lang, chunk), chunk
