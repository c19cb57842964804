"""links/broken reads every link a reader can follow: Markdown's, and raw HTML's `<a href>`,
which GitHub and our pages show as links (Node's modules.md links esm.md this way)."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from ..conftest import run_cli

GUIDE = """---
lang: en
---

# Guide

## Resolution algorithm

<pre>
LOAD(X)
1. let MATCH = RESOLVE(X) <a href="#resolver-algorithm">defined
   below</a>.
2. See <a href="#resolution-algorithm">the algorithm</a>.
</pre>

A raw <a href="other.md#nowhere">link</a>, a [Markdown one](other.md#other), and
one to a <a href="missing.md">missing page</a>.
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source/guide.md").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "source/other.md").write_text("---\nlang: en\n---\n\n# Other\n")
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    return tmp_path


def broken(site: Path) -> list[tuple[str, int, str, str]]:
    result = run_cli("check", "--format", "json")
    return [
        (f["path"], f["line"], f["message"], f.get("fix") or "")
        for f in json.loads(result.stdout)
        if f["rule"] == "links/broken"
    ]


def test_raw_html_links_are_checked_where_they_stand(site: Path) -> None:
    assert broken(site) == [
        (
            "source/guide.md",
            11,
            "link '#resolver-algorithm': source/guide.md has no heading or anchor "
            "'resolver-algorithm'",
            "#resolution-algorithm",
        ),
        (
            "source/guide.md",
            16,
            "link 'other.md#nowhere': source/other.md has no heading or anchor 'nowhere'",
            "other.md#other",
        ),
        ("source/guide.md", 17, "link 'missing.md': source/missing.md does not exist", ""),
    ]


def test_a_raw_html_link_a_translation_breaks_is_found_in_its_catalog(site: Path) -> None:
    catalog = site / "locales/da/LC_MESSAGES/guide.po"
    po = polib.pofile(str(catalog))
    for entry in po:
        if entry.msgid.startswith("A raw"):
            entry.msgstr = entry.msgid.replace("#nowhere", "#other").replace(
                'href="missing.md"', 'href="mangler.md"'
            )
    po.save()
    found = [row for row in broken(site) if row[0].endswith(".po")]
    assert [message for _, _, message, _ in found] == [
        "link 'mangler.md': source/mangler.md does not exist"
    ]
