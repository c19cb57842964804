from __future__ import annotations

from pathlib import Path

from pipeline.source.markdown import BlockKind, read_document
from pipeline.source.units import has_prose, split_units

from .conftest import PROJECTS


def units_of(path: Path, mode: str = "block") -> list:
    return list(split_units(read_document(path), mode))  # type: ignore[arg-type]


def test_units_know_document_kind_heading_path_and_line() -> None:
    units = units_of(PROJECTS / "minimal/source/da/vektorer.md")
    item = next(u for u in units if u.text.startswith("Vektoren finder"))
    assert (item.document, item.lang, item.kind, item.line) == (
        "vektorer",
        "da",
        BlockKind.LIST_ITEM,
        18,
    )
    assert item.heading_path == ("Vektorer i genterapi", "Sådan virker det")
    cell = next(u for u in units if u.text == "Virus")
    assert cell.heading_path == ("Vektorer i genterapi", "Sådan virker det", "Typer")


def test_ids_are_stable_when_other_units_change(tmp_path: Path) -> None:
    original = (PROJECTS / "minimal/source/da/vektorer.md").read_text()
    path = tmp_path / "vektorer.md"
    path.write_text(original)
    before = {u.text: u.id for u in units_of(path)}
    path.write_text(
        original.replace("## Sådan virker det", "## Sådan virker en vektor\n\nNyt afsnit.")
    )
    after = {u.text: u.id for u in units_of(path)}
    kept = set(before) & set(after)
    assert len(kept) == len(before) - 1
    assert all(before[text] == after[text] for text in kept)


def test_repeated_text_gets_a_distinct_id(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("---\nlang: da\n---\n\n| A | B |\n|---|---|\n| Ja | Ja |\n")
    ids = [u.id for u in units_of(path) if u.text == "Ja"]
    assert len(ids) == 2
    assert ids[1] == f"{ids[0]}-2"


def test_sentence_mode_splits_paragraphs_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text(
        "---\nlang: da\n---\n\n# Om f.eks. genterapi\n\n"
        "Genterapi gives bl.a. som infusion. Den virker\nf.eks. i leveren. Virker den?\n"
    )
    got = [(u.kind, u.line, u.text) for u in units_of(path, "sentence")]
    assert got == [
        (BlockKind.HEADING, 5, "Om f.eks. genterapi"),
        (BlockKind.PARAGRAPH, 7, "Genterapi gives bl.a. som infusion."),
        (BlockKind.PARAGRAPH, 7, "Den virker f.eks. i leveren."),
        (BlockKind.PARAGRAPH, 8, "Virker den?"),
    ]


def test_code_urls_and_numbers_alone_are_not_prose() -> None:
    assert not has_prose("`pipeline check`")
    assert not has_prose("<https://ema.europa.eu>")
    assert not has_prose("2,5 %")
    assert has_prose("Se `pipeline` her")


def test_addresses_formulas_keys_and_emoji_alone_are_not_prose() -> None:
    """mkdocs-print-site-plugin's docs: "++ctrl+alt+del++", ":smile:", a formula and a
    table cell of an e-mail address were units for translators to copy."""
    for text in ("++ctrl+alt+del++", ":smile:", "$$\nx = y^2\n$$", "$e^{i\\pi}$"):
        assert not has_prose(text), text
    assert not has_prose("johndoe@gmail.com")
    assert not has_prose("www.google.com")
    assert has_prose("acorn@v8.19.0")  # a package's name and version, no address
    assert has_prose("It costs $5 and $10")  # no formula: prices
    assert has_prose("Press ++ctrl+c++ to copy :smile:")
    assert has_prose("Mail jane@example.dk or visit www.example.dk for help")
