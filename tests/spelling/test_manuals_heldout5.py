"""The fifth held-out set of technical documentation (MANUALS.md) is what it says it is: its
own text, held out, with the typos its labels name. No checker runs here: the set measures
only when someone runs `evaluation --manuals --heldout5`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from .evaluation import _PLAIN_WORD, HELDOUT5_FILES, MANUALS_ROWS, manuals

HERE = Path(__file__).parent
# language → (words, real typos listed, seeded typos, of them compounds chosen by hand,
# seeded typos that are words)
COUNTS = {"da": (5_711, 2, 64, 8, 3), "en": (6_433, 0, 64, 8, 2)}


def _load(name: str) -> dict[str, list[dict[str, object]]]:
    return tomllib.loads((HERE / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_fifth_held_out_set_has_its_counted_words_and_typos(lang: str) -> None:
    data = _load(f"{lang}_manuals_heldout5.toml")
    texts = [str(p["text"]) for p in data["paragraph"]]
    words, published, seeded, compounds, forms_word = COUNTS[lang]
    assert sum(len(_PLAIN_WORD.findall(text)) for text in texts) == words
    assert {p["split"] for p in data["paragraph"]} == {"held-out"}
    assert {str(p["document"]).split("/")[0] for p in data["paragraph"]} == {
        "seahorse",
        "file-roller",
    }
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


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_fifth_held_out_set_shares_no_text_or_document_with_another_set(lang: str) -> None:
    data = _load(f"{lang}_manuals_heldout5.toml")
    others = [p for p in sorted(HERE.glob(f"{lang}_*.toml")) if "heldout5" not in p.name]
    assert len(others) >= 7  # the LibreOffice paragraphs and six manuals sets
    texts = {str(p["text"]) for p in data["paragraph"]}
    documents = {str(p["document"]) for p in data["paragraph"]}
    for path in others:
        other = _load(path.name)["paragraph"]
        assert not texts & {str(p["text"]) for p in other}, path.name
        assert not documents & {str(p.get("document")) for p in other}, path.name


def test_only_a_run_that_asks_for_it_reads_the_fifth_held_out_set() -> None:
    assert all(HELDOUT5_FILES[0] not in files for _, _, files in MANUALS_ROWS)
    _, typos, errors = manuals("da", "held-out", HELDOUT5_FILES)
    assert (len(typos), errors) == (64, {"synrkoniseres", "synkroniserere"})
    assert manuals("da", "tune", HELDOUT5_FILES)[0] == []
