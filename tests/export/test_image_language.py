"""A drawing with words is shown in the page's language: its variant beside it
(`genterapi.en.svg`), or a11y/image-language says the page shows the source's words."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.export.image_language import draws_words, in_language

from ..conftest import copy_of_the_project, run_cli

REAL = Path(__file__).parent / "realsvg"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40">{}</svg>'


def test_the_variant_in_the_pages_language_is_found_beside_the_image(tmp_path: Path) -> None:
    image = tmp_path / "genterapi.svg"
    image.write_text(SVG.format("<text>Celler</text>"))
    assert in_language(image, "en") == image  # no variant yet: the original
    (tmp_path / "genterapi.en.svg").write_text(SVG.format("<text>Cells</text>"))
    assert in_language(image, "en") == tmp_path / "genterapi.en.svg"
    assert in_language(image, "en-GB") == tmp_path / "genterapi.en.svg"  # its language
    (tmp_path / "genterapi.en-GB.svg").write_text(SVG.format("<text>Cells</text>"))
    assert in_language(image, "en-GB") == tmp_path / "genterapi.en-GB.svg"
    assert in_language(image, "da") == image


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("labels.svg", SVG.format('<text x="4">1. Celler <tspan>tages ud</tspan></text>'), True),
        ("curved.svg", SVG.format("<text><textPath href='#p'>nethinde</textPath></text>"), True),
        (
            "drawio.svg",  # draw.io: the label is HTML, with no <text> to fall back on
            SVG.format(
                '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">Lever'
                "</div></foreignObject>"
            ),
            True,
        ),
        ("shapes.svg", SVG.format('<rect width="8" height="8"/><title>Celler</title>'), False),
        ("numbers.svg", SVG.format("<text>1</text><text> 2,5 </text>"), False),
        ("broken.svg", "<svg><text>Celler</svg>", False),  # unreadable: no verdict
        ("photo.png", "\x89PNG not an SVG", False),
    ],
)
def test_only_an_svg_that_draws_letters_has_words(
    tmp_path: Path, name: str, content: str, words: bool
) -> None:
    image = tmp_path / name
    image.write_text(content)
    assert draws_words(image) is words


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_of_the_project(tmp_path_factory.mktemp("sample"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = run_cli("export")
    assert result.exit_code == 0, result.stderr
    return root


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_each_locale_shows_the_diagram_labelled_in_its_language(sample: Path) -> None:
    html = sample / "build/html"
    assert 'src="../images/genterapi.en.svg"' in (html / "en/genterapi.html").read_text()
    assert 'src="../images/genterapi.svg"' in (html / "da/genterapi.html").read_text()
    assert 'src="../images/what-is-atmp.da.svg"' in (html / "da/what-is-atmp.html").read_text()
    assert (html / "images/genterapi.en.svg").is_file()
    # The PDF draws the SVG's words as text: the English one has the English labels.
    english, danish = (
        pdf_text(sample / f"build/pdf/{lang}/genterapi.pdf") for lang in ("en", "da")
    )
    assert "inside the body" in english
    assert "inde i kroppen" not in english
    assert "inde i kroppen" in danish
    assert "inside the body" not in danish
    markdown = (sample / "build/markdown/en/genterapi.md").read_text()
    assert "](../images/genterapi.en.svg)" in markdown
    assert (sample / "build/markdown/images/genterapi.en.svg").is_file()


def test_a_diagram_without_a_variant_is_reported_at_the_line_that_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_of_the_project(tmp_path)
    monkeypatch.chdir(root)
    clean = run_cli("check", "--format", "json")
    assert "a11y/image-language" not in clean.stdout  # every diagram has its variant
    (root / "source/images/genterapi.en.svg").unlink()
    result = run_cli("check")
    lines = (root / "source/da/genterapi.md").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "genterapi.svg)" in text)
    assert (
        f"  {line}: info: image ../images/genterapi.svg draws words in the source's "
        "language on the page in English; add ../images/genterapi.en.svg with its words "
        "in English [a11y/image-language]"
    ) in result.stdout
    assert result.stdout.count("[a11y/image-language]") == 1  # the Danish page is fine


def test_on_real_drawings_it_lists_each_with_words_to_translate() -> None:
    """26 drawings of Rust's books, labelled by reading them (realsvg/labels.toml):
    every one whose words need translating is listed (recall 16/16); so are 10 of
    names and numbers only, which is why the rule is info (precision 16/26)."""
    labels: dict[str, bool] = tomllib.loads((REAL / "labels.toml").read_text())["words"]
    assert len(labels) == len(list(REAL.glob("*.svg"))) == 26
    listed = {name for name in labels if draws_words(REAL / name)}
    needed = {name for name, words in labels.items() if words}
    assert needed <= listed
    assert (len(needed), len(listed)) == (16, 26)
