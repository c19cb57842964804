"""Untrusted text stays data: no markup injected, no path outside the project, bounded work."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import polib

from pipeline.source.markdown import read_document
from pipeline.terms.glossary import load_glossary

from ..conftest import run_cli

HOSTILE = {
    "Vektorer i genterapi": "Vectors</title><script>document.title='pwned'</script>",
    "Typer": "Types <img src=x onerror=\"document.title='pwned'\">",
    "Virus": "[click](javascript:document.title='pwned')",
    "Ofte brugt": '<a href="#" onclick="document.title=\'pwned\'">often</a>',
}


def test_hostile_translations_are_shown_as_text(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(root / "locales/en/LC_MESSAGES/vektorer.po"))
    for entry in po:
        entry.msgstr = HOSTILE.get(entry.msgid, "")
    po.save()
    assert run_cli("export", "--format", "html").exit_code == 0
    html = (root / "build/html/en/vektorer.html").read_text()
    assert "<script" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert "onclick=" not in html.replace("onclick=&quot;", "")
    assert 'href="javascript' not in html
    assert html.count("<title>") == 1
    assert "&lt;/title&gt;&lt;script&gt;" in html


def test_image_paths_outside_the_project_are_refused_with_a_finding(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    source = root / "source/da/vektorer.md"
    source.write_text(
        source.read_text()
        + "\n![Hemmelig](../../../../etc/passwd)\n\n![Fil](file:///etc/hostname)\n\n![Net](https://tracker.example/p.png)\n"
    )
    assert run_cli("extract").exit_code == 0
    result = run_cli("check")
    for src in ("../../../../etc/passwd", "file:///etc/hostname"):
        assert (
            f"image '{src}' is outside the project or missing; not exported [resource/refused-image]"
            in result.stdout
        )
    assert "tracker.example" not in result.stdout  # remote images are kept by default
    assert result.exit_code == 1
    run_cli("export", "--format", "all")
    html = (root / "build/html/da/vektorer.html").read_text()
    assert '<img src="https://tracker.example/p.png" alt="Net">' in html
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text() + '\n[tool.pipeline.export]\nremote-images = "refuse"\n'
    )
    result = run_cli("check")
    assert (
        "image 'https://tracker.example/p.png' is remote and remote-images is \"refuse\"; "
        "not exported [resource/refused-image]"
    ) in result.stdout
    exported = run_cli("export", "--format", "html")
    assert "tracker.example" not in (root / "build/html/da/vektorer.html").read_text()
    assert "image 'https://tracker.example/p.png' is remote" in exported.stderr
    assert (
        "passwd" not in html.split("<main", 1)[1].split('alt="Hemmelig"')[0][-200:]
        or 'src=""' in html
    )
    assert not (root / "build/html/images/passwd").exists()


def test_an_image_from_the_source_root_or_with_a_fragment_is_exported(
    project: Callable[[str], Path],
) -> None:
    """MkDocs pages name images from the source folder ("/img/logo.svg") and mark a
    logo for light or dark themes ("#only-light"); both were refused."""
    root = project("minimal")
    (root / "source/img").mkdir()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    (root / "source/img/logo.svg").write_text(svg)
    source = root / "source/da/vektorer.md"
    source.write_text(
        source.read_text()
        + "\n![Logo](/img/logo.svg#only-light)\n\n![Mørkt logo](../img/logo.svg#only-dark)\n"
    )
    assert run_cli("extract").exit_code == 0
    assert "refused-image" not in run_cli("check").stdout
    assert run_cli("export", "--format", "all").exit_code == 0
    html = (root / "build/html/da/vektorer.html").read_text()
    assert 'src="../img/logo.svg#only-light"' in html
    assert 'src="../img/logo.svg#only-dark"' in html  # hidden by the stylesheet
    assert (root / "build/html/img/logo.svg").read_text() == svg


def test_front_matter_cannot_choose_an_output_path(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    source = root / "source/da/vektorer.md"
    source.write_text(
        source.read_text().replace("lang: da", "lang: da\nslug: ../../../outside\nname: /tmp/x")
    )
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    written = [p.relative_to(root).as_posix() for p in root.rglob("*.html")]
    assert all(path.startswith("build/html/") for path in written)
    assert not (root.parent / "outside.html").exists()


def test_pathological_markdown_finishes_quickly(tmp_path: Path) -> None:
    cases = {
        "deep-quotes": ">" * 100_000 + " text\n",
        "deep-lists": "".join("  " * n + "- item\n" for n in range(2_000)),
        "huge-table": "|"
        + "|".join(f"c{n}" for n in range(300))
        + "|\n|"
        + "---|" * 300
        + "\n"
        + ("|" + "|".join("x" for _ in range(300)) + "|\n") * 300,
        "emphasis-storm": "*a **b " * 20_000 + "\n",
        "link-storm": "[" * 50_000 + "x" + "](y)" * 50_000 + "\n",
    }
    for name, body in cases.items():
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\nlang: da\n---\n\n{body}")
        start = time.perf_counter()
        read_document(path)
        assert time.perf_counter() - start < 20, name


def test_pathological_glossary_finishes_quickly(tmp_path: Path) -> None:
    deep = "<martif><text><body>" + "<note>" * 50_000 + "x" + "</note>" * 50_000
    deep += '<termEntry id="x"><langSet xml:lang="da"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>'
    path = tmp_path / "deep.tbx"
    path.write_text(deep)
    start = time.perf_counter()
    load_glossary(path, "deep.tbx")
    assert time.perf_counter() - start < 20
