"""Locales beyond Danish and English, as a team brings them: "zh-CN" as BCP 47 writes it,
Chinese translations through check and export, a partly translated site to align."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

from .conftest import run_cli

SOURCE = (
    "# Install\n\nRun the installer. It takes a minute, and it asks you nothing on the way.\n\n"
    "Then open the settings page.\n"
)
CHINESE = {
    "Install": "安装",
    "Run the installer. It takes a minute, and it asks you nothing on the way.": "运行 2.0 版安装程序。",
    "Then open the settings page.": "然后打开设置页面。",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the tokenizer's rules read anew
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "zh-CN"]\n')
    Path("source/en").mkdir(parents=True)
    Path("source/en/install.md").write_text(SOURCE)
    assert run_cli("extract").exit_code == 0
    return tmp_path


def test_a_bcp47_locale_is_the_gettext_locale_and_html_gets_the_bcp47_tag(project: Path) -> None:
    po = project / "locales/zh_CN/LC_MESSAGES/install.po"
    catalog = polib.pofile(str(po))
    for entry in catalog:
        entry.msgstr = CHINESE[entry.msgid]
    catalog.save()
    checked = run_cli("check", "--format", "json")
    assert checked.exit_code in (0, 1), checked.stderr
    assert "languages: en, zh_CN" in checked.stderr
    exported = run_cli("export", "--format", "html")
    assert exported.exit_code == 0, exported.stderr
    page = (project / "build/html/zh_CN/install.html").read_text()
    assert '<html lang="zh-CN">' in page
    assert "运行 2.0 版安装程序" in page
    assert not re.search(r'lang="[a-z]+_', page)  # no gettext name where HTML wants BCP 47
    assert run_cli("readability").exit_code == 0
    report = (project / "build/reports/readability.html").read_text()
    assert 'lang="zh-CN"' in report
    assert not re.search(r'lang="[a-z]+_', report)


def test_a_partly_translated_site_aligns_with_force(project: Path) -> None:
    old = project / "old/zh-CN/install.md"  # the folder names the locale as BCP 47 does
    old.parent.mkdir(parents=True)
    english = "Run the installer. It takes a minute, and it asks you nothing on the way."
    old.write_text(f"# Install\n\n{english}\n\n然后打开设置页面。\n")
    refused = run_cli("align", "source/en/install.md", str(old), "--dry-run")
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    forced = run_cli("align", "source/en/install.md", str(old), "--force")
    assert forced.exit_code == 0, forced.stderr
    catalog = polib.pofile(str(project / "locales/zh_CN/LC_MESSAGES/install.po"))
    assert {e.msgid: e.msgstr for e in catalog}[
        "Then open the settings page."
    ] == "然后打开设置页面。"
    assert json.loads(run_cli("stats", "--format", "json").stdout)


def test_front_matter_and_lang_options_name_the_locale_as_bcp_47_does(project: Path) -> None:
    page = project / "source/en/page.md"
    page.write_text("---\nlang: zh-CN\n---\n\n# 安装\n\n运行 2.0 版安装程序。\n")
    checked = run_cli("check", str(page))
    assert checked.exit_code == 0, checked.stderr
    assert "languages: zh_CN" in checked.stderr
    scored = run_cli(
        "readability", "-", "--lang", "zh-CN", "--format", "json", input="# 安装\n\n运行。\n"
    )
    assert scored.exit_code == 0, scored.stderr
    assert json.loads(scored.stdout)["documents"][0]["locale"] == "zh_CN"


def test_a_region_locale_folder_is_read_as_it_is_spelt_in_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Danish body's CMS says da-DK: `source/da-DK/` was an ordinary folder, its
    documents named "da-DK/hoering" and of no known language, and the error's advice
    (`source/da/`, `lang: da`) failed too."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.pipeline]\nlocales = ["da-DK", "en-GB"]\n')
    Path("source/da-DK").mkdir(parents=True)
    Path("source/da-DK/hoering.md").write_text("# Høring\n\nSkriv til os.\n")
    result = run_cli("extract")
    assert result.exit_code == 0, result.stderr
    assert Path("locales/en_GB/LC_MESSAGES/hoering.po").is_file()
    exported = run_cli("export", "--locale", "da-DK", "--format", "html")  # as the config says
    assert exported.exit_code == 0, exported.stderr
    assert Path("build/html/da_DK/hoering.html").is_file()
    Path("source/x.md").write_text("---\nlang: da\n---\n# Høring\n\nTekst.\n")
    result = run_cli("extract")
    assert result.exit_code == 2
    assert "(write lang: da_DK, the project's locale for it)" in result.stderr
    Path("source/x.md").write_text("# Høring\n\nTekst.\n")
    assert "put it in a folder named after a project locale (source/da_DK/" in (
        run_cli("extract").stderr
    )
