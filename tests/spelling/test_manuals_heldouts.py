"""The fourth to eighth held-out sets of technical documentation (MANUALS.md) are what they
say they are: their own text, held out, with the typos their labels name. No checker runs
here: a set measures only when someone runs `evaluation --manuals --heldout4` (or 5 to 8)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from .evaluation import (
    _PLAIN_WORD,
    HELDOUT4_FILES,
    HELDOUT5_FILES,
    HELDOUT6_FILES,
    HELDOUT7_FILES,
    HELDOUT8_FILES,
    MANUALS_ROWS,
    manuals,
)

HERE = Path(__file__).parent
# set, language → (words, real typos listed, seeded typos, of them compounds chosen by
# hand, seeded typos that are words)
COUNTS = {
    ("heldout4", "da"): (5_246, 17, 64, 8, 0),
    ("heldout4", "en"): (6_186, 3, 64, 8, 1),
    ("heldout5", "da"): (5_711, 2, 64, 8, 3),
    ("heldout5", "en"): (6_433, 0, 64, 8, 2),
    ("heldout6", "da"): (5_150, 4, 64, 8, 1),
    ("heldout6", "en"): (5_901, 2, 64, 8, 0),
    ("heldout7", "da"): (5_253, 3, 64, 8, 1),
    ("heldout7", "en"): (5_831, 0, 64, 8, 2),
    ("heldout8", "da"): (5_128, 2, 64, 8, 3),
    ("heldout8", "en"): (7_279, 1, 64, 8, 1),
}
# the documents' folders: man pages, and the applications' help
FOLDERS = {
    "heldout4": {"man1", "man6"},
    "heldout5": {"seahorse", "file-roller"},
    "heldout6": {"gnome-boxes", "deja-dup", "gnome-calculator", "sysprof"},
    "heldout7": {"brasero", "epiphany", "simple-scan", "gnome-color-manager", "devhelp"},
    "heldout8": {"cheese", "polari", "gedit", "gnome-text-editor"},
}


def _load(name: str) -> dict[str, list[dict[str, object]]]:
    return tomllib.loads((HERE / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("held_out", "lang"), sorted(COUNTS))
def test_a_held_out_set_has_its_counted_words_and_typos(held_out: str, lang: str) -> None:
    data = _load(f"{lang}_manuals_{held_out}.toml")
    texts = [str(p["text"]) for p in data["paragraph"]]
    words, published, seeded, compounds, forms_word = COUNTS[held_out, lang]
    assert sum(len(_PLAIN_WORD.findall(text)) for text in texts) == words
    assert {p["split"] for p in data["paragraph"]} == {"held-out"}
    assert {str(p["document"]).split("/")[0] for p in data["paragraph"]} == FOLDERS[held_out]
    assert len(data.get("published", [])) == published
    for entry in data.get("published", []):  # each real typo is in the text as written
        assert any(str(entry["word"]) in _PLAIN_WORD.findall(text) for text in texts), entry
    assert len(data["seeded"]) == seeded
    assert sum(entry["kind"] == "compound" for entry in data["seeded"]) == compounds
    assert sum(entry.get("forms_word") is True for entry in data["seeded"]) == forms_word
    assert len({entry["paragraph"] for entry in data["seeded"]}) == seeded  # one a paragraph
    for entry in data["seeded"]:
        text, start = texts[int(str(entry["paragraph"]))], int(str(entry["start"]))
        assert text[start:].startswith(str(entry["original"])), entry
        assert entry["typo"] != entry["original"]


@pytest.mark.parametrize(("held_out", "lang"), sorted(COUNTS))
def test_a_held_out_set_shares_no_text_or_document_with_another_set(
    held_out: str, lang: str
) -> None:
    data = _load(f"{lang}_manuals_{held_out}.toml")
    others = [p for p in sorted(HERE.glob(f"{lang}_*.toml")) if held_out not in p.name]
    assert len(others) >= 7  # the LibreOffice paragraphs and six manuals sets
    texts = {str(p["text"]) for p in data["paragraph"]}
    documents = {str(p["document"]) for p in data["paragraph"]}
    for path in others:
        other = _load(path.name)["paragraph"]
        assert not texts & {str(p["text"]) for p in other}, path.name
        assert not documents & {str(p.get("document")) for p in other}, path.name


@pytest.mark.parametrize(
    ("files", "published"),
    [
        (HELDOUT4_FILES, 17),
        (HELDOUT5_FILES, {"synrkoniseres", "synkroniserere"}),
        (
            HELDOUT6_FILES,
            {"katestrofegendannelsessenarie", "Prodcuenten", "genopretttelsen", "tilstandende"},
        ),
        (HELDOUT7_FILES, {"tilgængelighedsindstilligen", "indeholdere", "rotehttps"}),
        (HELDOUT8_FILES, {"Billede-tilsand", "indtastningfelt"}),
    ],
)
def test_only_a_run_that_asks_for_it_reads_a_later_held_out_set(
    files: tuple[str, ...], published: int | set[str]
) -> None:
    assert all(files[0] not in chosen for _, _, chosen in MANUALS_ROWS)
    _, typos, errors = manuals("da", "held-out", files)
    assert len(typos) == 64
    assert (len(errors) if isinstance(published, int) else errors) == published
    assert manuals("da", "tune", files)[0] == []
