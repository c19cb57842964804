"""The organisation's brand on every HTML page and PDF (#25, items 3-4)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from ..conftest import REPO, copy_of_the_project, run_cli
from .pdfua import violations
from .test_html import Page, width_on_a_phone

BRAND = """
[tool.pipeline.brand]
logo = "brand/logo.svg"
logo-alt = { da = "Klinikkens logo", en = "The clinic's logo" }
colors = { text = "#1b2a3a", background = "#fffdf7", link = "#005f73", accent = "#9b2226" }
fonts = { body = "brand/Body.ttf" }
header = { da = "Klinikken · Patientinformation", en = "The Clinic · Patient information" }
footer = "Klinikken, Blegdamsvej 9"
page-size = "A5"
margins = "15mm"
stylesheet = "brand/extra.css"
"""


def branded(project: Callable[[str], Path], brand: str = BRAND) -> Path:
    root = project("minimal")
    (root / "brand").mkdir()
    shutil.copy(REPO / "source/brand/logo.svg", root / "brand/logo.svg")
    serif = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    (root / "brand/Body.ttf").write_bytes(serif.read_bytes() if serif.exists() else b"")
    (root / "brand/extra.css").write_text("h1 { letter-spacing: 0.01em; }\n")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + brand)
    return root


def test_a_branded_build_changes_logo_colours_fonts_header_and_footer(
    project: Callable[[str], Path],
) -> None:
    root = branded(project)
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "all").exit_code == 0
    page = Page((root / "build/html/da/vektorer.html").read_text())
    assert page.find("link", rel="stylesheet", href="../assets/brand.css")
    assert page.find("link", rel="stylesheet", href="../assets/brand/extra.css")
    assert page.find("img", src="../assets/brand/logo.svg", alt="Klinikkens logo")
    assert "Klinikken · Patientinformation" in page.text
    assert "Klinikken, Blegdamsvej 9" in page.text
    english = Page((root / "build/html/en/vektorer.html").read_text())
    assert english.find("img", alt="The clinic's logo")
    css = (root / "build/html/assets/brand.css").read_text()
    assert "--ink: #1b2a3a; --paper: #fffdf7;" in css
    assert "size: A5; margin: 15mm;" in css
    assert (root / "build/html/assets/brand/Body.ttf").is_file()
    assert 'href="assets/brand.css"' in (root / "build/html/index.html").read_text()
    pdf_path = root / "build/pdf/da/vektorer.pdf"
    assert violations(pdf_path) == []
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf_path).pages)
    assert "Klinikken · Patientinformation" in text
    assert "Klinikken, Blegdamsvej 9" in text
    with pikepdf.open(pdf_path) as pdf:
        width = float(pdf.pages[0].MediaBox[2]) / 72 * 25.4
        assert round(width) == 148  # A5
        fonts = {
            str(f.get("/BaseFont")).split("+")[-1] for f in pdf.pages[0].Resources.Font.values()
        }
        assert "Brand-body" in fonts  # the project's font file, embedded
        figures = [e for e in _elements(pdf) if e.get("/S") == "/Figure"]
        assert any(str(e.get("/Alt")) == "Klinikkens logo" for e in figures)


def test_the_same_project_without_a_brand_shows_none(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (root / "build/html/da/vektorer.html").read_text()
    assert "brand" not in html
    assert not (root / "build/html/assets/brand.css").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('link = "#005f73"', 'link = "#7fb7c4"'),
            "brand colours link #7fb7c4 on background #fffdf7 have contrast 2.",
        ),
        (  # enough on the page, too little on the panels (contents, code, notes)
            ('link = "#005f73"', 'link = "#0070d9"'),
            "brand colours link #0070d9 on the tinted panels #f4f2ee have contrast 4.35:1",
        ),
        (
            ('accent = "#9b2226"', 'accent = "#f4a259"'),
            "brand colours accent #f4a259 on background #fffdf7 have contrast 2.",
        ),
        (
            ('logo = "brand/logo.svg"', 'logo = "brand/missing.svg"'),
            "brand logo 'brand/missing.svg' is not a file",
        ),
        (
            ('logo-alt = { da = "Klinikkens logo", en = "The clinic\'s logo" }', ""),
            "the brand's logo needs logo-alt",
        ),
        (("colors = {", "colours = {"), "unknown key 'colours' in [tool.pipeline.brand]"),
    ],
)
def test_a_bad_brand_is_refused_in_one_line(
    project: Callable[[str], Path], change: tuple[str, str], message: str
) -> None:
    branded(project, BRAND.replace(*change))
    result = run_cli("export", "--format", "html")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    from .pdfua import elements

    return list(elements(pdf))


def test_the_sample_builds_with_its_brand_and_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_of_the_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run_cli("export", "--format", "html", "--locale", "da").exit_code == 0
    html = (tmp_path / "build/html/da/genterapi.html").read_text()
    assert 'alt="Logo for Center for Genterapi"' in html
    assert "Center for Genterapi · Patientinformation" in html
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text()
    start = text.index("# The sample's own brand")
    end = text.index("\n\n", text.index("[tool.pipeline.brand]"))
    pyproject.write_text(text[:start] + text[end + 2 :])
    shutil.rmtree(tmp_path / "build")
    assert run_cli("export", "--format", "html", "--locale", "da").exit_code == 0
    plain = (tmp_path / "build/html/da/genterapi.html").read_text()
    assert "Center for Genterapi" not in plain
    assert "brand.css" not in plain


def test_a_template_folder_changes_a_block_and_the_checks_see_the_result(
    project: Callable[[str], Path],
) -> None:
    root = branded(project, BRAND + 'templates = "brand/templates"\n')
    (root / "brand/templates").mkdir()
    (root / "brand/templates/page.html.j2").write_text(
        '{% extends "pipeline/page.html.j2" %}\n'
        '{% block after_content %}<p class="notice">Reviewed 2026. <img src="x.png"></p>'
        "{% endblock %}\n"
    )
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (root / "build/html/da/vektorer.html").read_text()
    assert '<p class="notice">Reviewed 2026.' in html
    assert 'alt="Klinikkens logo"' in html  # the rest of our page is there
    result = run_cli("check", "--format", "json")
    assert '"rule": "a11y/missing-alt"' in result.stdout  # the template's own image


def test_a_missing_template_folder_is_refused(project: Callable[[str], Path]) -> None:
    branded(project, BRAND + 'templates = "brand/nowhere"\n')
    result = run_cli("export", "--format", "html")
    assert result.exit_code == 2
    assert "brand templates must be a folder of the project, not 'brand/nowhere'" in result.stderr


def test_a_long_brand_header_wraps_at_320_px(project: Callable[[str], Path]) -> None:
    """WCAG 1.4.10: a public body's header ("Digitaliseringsstyrelsen ·
    Udviklerdokumentation") ran off a phone's screen beside the logo."""
    header = "Digitaliseringsstyrelsen · Udviklerdokumentationsafdelingen"
    root = branded(project, BRAND.replace("Klinikken · Patientinformation", header))
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--locale", "da", "--format", "html").exit_code == 0
    assert width_on_a_phone(root / "build/html/da/vektorer.html") <= 320
