"""a11y/missing-alt and decorative images: HTML's `alt=""` marks one, Markdown cannot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import english_project, run_cli

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'


def test_an_html_image_with_an_empty_alt_is_decorative_and_a_markdown_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Debian Edu manual's warning icons (`alt=""` in its HTML) were 6 of its 11
    errors, and nothing in the source could say an image only decorates."""
    english_project(tmp_path, monkeypatch)
    Path("source/en/icon.svg").write_text(SVG)
    Path("source/en/page.md").write_text(
        "# Page\n\nText about the page.\n\n"
        '<img src="icon.svg" alt=""> Read this first.\n\n'  # line 5: decorative
        "![](icon.svg)\n\n"  # line 7: forgotten
        '<img src="icon.svg">\n\n'  # line 9: no alt at all
        "<p><img src='icon.svg' alt=''></p>\n"  # line 11: decorative
    )
    assert run_cli("extract").exit_code == 0
    found = json.loads(run_cli("check", "--format", "json").stdout)
    missing = sorted(f["line"] for f in found if f["rule"] == "a11y/missing-alt")
    assert missing == [7, 9]


def test_the_finding_names_the_image_the_text_writes_and_a_bare_alt_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decorative `<img>` and a forgotten `![]()` of one file in one paragraph: the
    finding is the Markdown image's, on its line; `<img src=a alt>` is an empty alt."""
    english_project(tmp_path, monkeypatch)
    Path("source/en/icon.svg").write_text(SVG)
    Path("source/en/page.md").write_text(
        '# Page\n\n<img src="icon.svg" alt=""> Read this first,\n![](icon.svg) and this.\n\n'
        "<img src=icon.svg alt> Bare.\n"
    )
    assert run_cli("extract").exit_code == 0
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert [f["line"] for f in found if f["rule"] == "a11y/missing-alt"] == [4]
