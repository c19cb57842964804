from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.project.errors import PipelineError
from pipeline.source.markdown import BlockKind, read_document
from pipeline.source.units import split_units

from .conftest import PROJECTS

K = BlockKind


def test_every_kind_of_unit_with_its_line() -> None:
    document = read_document(PROJECTS / "minimal/source/da/vektorer.md")
    got = [(block.kind, block.line, block.text) for block in document.blocks]
    assert got == [
        (K.TITLE, 2, "Vektorer i genterapi"),
        (K.DESCRIPTION, 4, "Kort om vektorer, der bringer gener ind i cellerne."),
        (K.HEADING, 10, "Vektorer i genterapi"),
        (
            K.PARAGRAPH,
            12,
            "En **vektor** er et transportsystem. Den bringer f.eks. et nyt gen ind i "
            "cellerne, bl.a. i leveren.",
        ),
        (K.HEADING, 15, "Sådan virker det"),
        (K.LIST_ITEM, 17, "Lægen giver behandlingen som infusion."),
        (K.LIST_ITEM, 18, "Vektoren finder cellerne."),
        (K.HEADING, 20, "Typer"),
        (K.TABLE_CELL, 22, "Type"),
        (K.TABLE_CELL, 22, "Brug"),
        (K.TABLE_CELL, 24, "Virus"),
        (K.TABLE_CELL, 24, "Ofte brugt"),
        (K.ALT_TEXT, 26, "Tegning af en vektor, der afleverer et gen til en celle"),
        (K.PARAGRAPH, 28, "Læs mere hos [Medicinrådet][mr]."),
        (K.LINK_TITLE, 36, "Medicinrådets hjemmeside"),
    ]
    assert document.lang == "da"
    assert document.name == "vektorer"


def test_soft_wrapped_paragraph_maps_offsets_back_to_lines() -> None:
    document = read_document(PROJECTS / "minimal/source/da/vektorer.md")
    paragraph = document.blocks[3]
    assert paragraph.line_at(0) == 12
    assert paragraph.line_at(paragraph.text.index("cellerne")) == 13


def write(tmp_path: Path, text: str | bytes, name: str = "doc.md") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_inline_image_link_title_and_code_stay_in_the_paragraph_and_html_text_is_a_unit(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        '---\nlang: en\n---\n\nSee ![the icon](i.svg) and [EMA](https://ema.europa.eu "EMA site")'
        " or run `pipeline`.\n\n<p>raw html block</p>\n\n    indented code\n",
    )
    blocks = read_document(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (
            K.PARAGRAPH,
            'See ![the icon](i.svg) and [EMA](https://ema.europa.eu "EMA site") or run `pipeline`.',
        ),
        (K.PARAGRAPH, "raw html block"),
    ]


def test_a_paragraph_of_inline_html_alone_has_its_title_and_alt_as_units(tmp_path: Path) -> None:
    """NexT's README: a linked logo on one line is a paragraph to markdown-it, not an HTML
    block (a tag follows the first one), and its title and alt were no unit at all."""
    path = write(
        tmp_path,
        '---\nlang: en\n---\n\n<picture>\n  <img alt="NexT preview" src="p.png">\n</picture>\n\n'
        '<a title="NexT website" href="https://theme-next.js.org"><img align="right" '
        'alt="NexT logo" width="100" src="logo.svg"></a>\n\n# NexT\n',
    )
    units = split_units(read_document(path))
    assert [(u.kind, u.line, u.text) for u in units] == [
        (K.ALT_TEXT, 6, "NexT preview"),
        (K.LINK_TITLE, 9, "NexT website"),
        (K.ALT_TEXT, 9, "NexT logo"),
        (K.HEADING, 11, "NexT"),
    ]


def test_hard_break_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "---\nlang: en\n---\n\nFirst line  \nsecond line\\\nthird\n")
    (block,) = read_document(path).blocks
    assert block.text == "First line\\\nsecond line\\\nthird"
    assert [block.line_at(block.text.index(w)) for w in ("First", "second", "third")] == [5, 6, 7]


def test_crlf_and_bom_are_read_like_lf(tmp_path: Path) -> None:
    path = write(
        tmp_path, "\ufeff---\r\ntitle: T\r\nlang: da\r\n---\r\n\r\nTekst her.\r\n".encode()
    )
    blocks = read_document(path).blocks
    assert [(b.kind, b.line, b.text) for b in blocks] == [
        (K.TITLE, 2, "T"),
        (K.PARAGRAPH, 6, "Tekst her."),
    ]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"---\nlang: da\n---\n\nGr\xf8n tekst\n", 5, "not valid UTF-8"),
        (b"---\nlang: da\n---\n\nA\x00B\n", 5, "NUL byte"),
        (b"---\ntitle: [unclosed\nlang: da\n---\n\nText\n", 3, "not valid YAML"),
        (b"---\ntitle: T\n---\n\nText\n", 1, "language is not known"),
        (b"---\n- a\n- b\n---\n\nText\n", 2, "must be a mapping"),
        (b"---\ntitle: T\nlang: da\n\nText\n", 1, "not closed"),
        (b"# No front matter\n", 1, "language is not known"),
        (b"---\nlang: xx-nonsense\n---\n", 2, "unknown language"),
        (b"---\nlang: da\ntitle: [1, 2]\n---\n", 3, "'title' must be text"),
        (b'+++\nlang = "da"\ntitle = Genterapi\n+++\n', 3, "not valid TOML"),
        (b'+++\nlang = "da"\n\nText\n', 1, "not closed"),
    ],
)
def test_bad_input_names_file_and_line(
    tmp_path: Path, content: bytes, line: int, message: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(PipelineError) as caught:
        read_document(path, "source/da/doc.md")
    error = caught.value
    assert (error.path, error.line) == ("source/da/doc.md", line)
    assert message in error.message
    assert str(error).startswith(f"source/da/doc.md:{line}: error: ")


def test_hugos_toml_front_matter_is_front_matter(tmp_path: Path) -> None:
    """A Hugo site's `+++` block was a paragraph unit: its title never reached translators,
    and a translation of that unit, written on one line, stopped Hugo."""
    path = write(
        tmp_path,
        b'+++\ntitle = "Install guide"\nlang = "en"\nweight = 3\n[params]\ndescription = "x"\n+++\n\nText.\n',
    )
    document = read_document(path, "source/en/doc.md")
    assert document.lang == "en"
    assert document.front_matter["weight"] == 3
    assert [(b.kind, b.line, b.text) for b in document.blocks] == [
        (BlockKind.TITLE, 2, "Install guide"),
        (BlockKind.PARAGRAPH, 9, "Text."),
    ]
