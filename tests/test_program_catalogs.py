"""Programs' own catalogs, as translators bring them: plural entries, broken files, and
catalogs with nothing to check. Found by checking Wagtail's, Duplicity's and
sphinx-rtd-theme's Danish catalogs as a new user would."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from .conftest import msgfmt_check, run_cli

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: da\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def _check(path: Path, *options: str) -> list[dict[str, object]]:
    result = run_cli(
        "check", "--no-cache", "--source-lang", "en", "--format", "json", *options, str(path)
    )
    assert result.exit_code in (0, 1), result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)
    return findings


def _catalog(tmp_path: Path, entries: str) -> Path:
    path = tmp_path / "app.po"
    path.write_text(HEADER + entries, encoding="utf-8")
    return path


def test_each_plural_form_is_checked_at_its_own_line(tmp_path: Path) -> None:
    path = _catalog(
        tmp_path,
        '#, python-format\nmsgid "%(count)s page was copied."\n'
        'msgid_plural "%(count)s pages were copied."\n'
        'msgstr[0] "%(count)s side blev kopieret."\n'
        'msgstr[1] "5 sider blev kopieret."\n',
    )
    assert msgfmt_check(path).returncode == 1  # msgfmt agrees: msgstr[1] lost its number
    found = [(f["rule"], f["line"]) for f in _check(path)]
    assert ("translation/placeholders", 11) in found  # msgstr[1], not the entry's first line
    assert ("translation/placeholders", 10) not in found


def test_a_singular_form_may_say_one_in_words(tmp_path: Path) -> None:
    path = _catalog(
        tmp_path,
        '#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] "Én fil"\nmsgstr[1] "%d filer"\n',
    )
    assert msgfmt_check(path).returncode == 0
    assert not [f for f in _check(path) if f["rule"] == "translation/placeholders"]


def test_an_untranslated_plural_form_is_reported_and_the_entry_counted_once(
    tmp_path: Path,
) -> None:
    path = _catalog(
        tmp_path,
        'msgid "One page"\nmsgid_plural "Many pages"\nmsgstr[0] "Én side"\nmsgstr[1] ""\n',
    )
    result = run_cli("check", "--no-cache", "--source-lang", "en", str(path))
    assert "10: warning: not translated: 'Many pages'" in result.stdout
    assert "1 translated entry" in result.stderr


def test_the_fix_for_a_double_space_has_one_space(tmp_path: Path) -> None:
    path = _catalog(tmp_path, "msgid \"Page '%s' created.\"\nmsgstr \"Side   '%s' oprettet.\"\n")
    [finding] = [f for f in _check(path) if f["rule"] == "translation/whitespace"]
    assert finding["fix"] == "Side '%s' oprettet."


def test_a_short_term_inside_a_danish_compound_names_the_concept(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("concept,lang,term\npage,en,page\npage,da,side\n", encoding="utf-8")
    path = _catalog(
        tmp_path,
        'msgid "View page source"\nmsgstr "Vis sidekilde"\n\n'
        'msgid "Add child page"\nmsgstr "Tilføj underside"\n\n'
        'msgid "Its parent page"\nmsgstr "Dens forældreside"\n\n'
        'msgid "Page navigation"\nmsgstr "Navigation"\n',
    )
    missing = [
        f
        for f in _check(path, "--glossary", str(glossary))
        if f["rule"] == "term/missing-translation"
    ]
    assert [f["line"] for f in missing] == [17]  # only "Navigation" lacks "side"


def test_extract_leaves_a_catalog_with_a_lost_msgid_line_as_it_is(
    project: Callable[[str], Path],
) -> None:
    """A deleted msgid line made babel give its msgstr to the next entry, and extract
    then wrote that, losing the next entry's translation."""
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    po = next((root / "locales").rglob("*.po"))
    with po.open("rb") as handle:
        catalog = read_po(handle)
    first = next(message for message in catalog if message.id)
    text = po.read_text(encoding="utf-8")
    broken = text.replace(f'msgid "{first.id}"\n', "", 1)
    assert broken != text
    po.write_text(broken, encoding="utf-8")
    result = run_cli("extract")
    assert result.exit_code == 2
    assert "error: msgstr with no msgid before it" in result.stderr
    assert po.read_text(encoding="utf-8") == broken


def test_a_catalog_into_its_own_source_language_is_bad_input(tmp_path: Path) -> None:
    path = _catalog(tmp_path, 'msgid "reset to the last"\nmsgstr "nulstil til den sidste"\n')
    result = run_cli("check", "--no-cache", "--source-lang", "da", str(path))
    assert result.exit_code == 2
    assert "the catalog translates da into da: the same language" in result.stderr


@pytest.mark.parametrize(("content", "said"), [(HEADER, "has no entries"), ("", "is empty")])
def test_a_catalog_with_nothing_to_check_says_so(tmp_path: Path, content: str, said: str) -> None:
    path = tmp_path / "app.po"
    path.write_text(content, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--source-lang", "en", str(path))
    assert said in result.stderr


def test_junit_lists_only_the_rules_that_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog checked without a glossary showed term/*, a11y/* page rules and
    readability/* as passed testcases, though stderr said they were not run."""
    import xml.etree.ElementTree as ElementTree

    monkeypatch.chdir(tmp_path)  # no project around it: no glossary
    path = _catalog(tmp_path, 'msgid "Save the file"\nmsgstr "Gem filen"\n')
    result = run_cli("check", "--no-cache", "--source-lang", "en", "--format", "junit", str(path))
    assert result.exit_code == 0, result.stderr
    names = {
        case.get("name", "") for case in ElementTree.fromstring(result.stdout).iter("testcase")
    }
    assert "translation/placeholders" in names
    assert not [n for n in names if n.startswith(("term/", "readability/"))]
    assert not names & {"a11y/abbreviation", "a11y/missing-alt", "a11y/link-text"}
    assert "term/* rules were not run" in result.stderr


def test_an_info_finding_is_no_junit_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Info findings are to confirm and never fail a run (exit 0), but JUnit listed them as
    failures, so CI dashboards showed red for a green run."""
    import xml.etree.ElementTree as ElementTree

    monkeypatch.chdir(tmp_path)
    path = _catalog(tmp_path, 'msgid "Save the files"\nmsgstr "Gem de 2 filer"\n')
    result = run_cli("check", "--no-cache", "--source-lang", "en", "--format", "junit", str(path))
    assert result.exit_code == 0, result.stderr
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    assert suite.get("failures") == "0"
    [case] = [c for c in suite.iter("testcase") if c.get("name") == "translation/numbers"]
    assert case.find("failure") is None
    assert "info: the translation has the number 2" in (case.findtext("system-out") or "")


def test_sarif_says_what_the_run_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The coverage notes reached stderr only; code scanning showed a clean run."""
    monkeypatch.chdir(tmp_path)
    path = _catalog(tmp_path, "")
    result = run_cli("check", "--no-cache", "--source-lang", "en", "--format", "sarif", str(path))
    [invocation] = json.loads(result.stdout)["runs"][0]["invocations"]
    told = {(n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"]}
    assert ("warning", "app.po has no entries") in told
    assert any(level == "note" and text.startswith("check: checked") for level, text in told)


def test_a_kept_name_copied_as_the_source_writes_it_is_no_error(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(
        "concept,lang,term,status,do_not_translate\n"
        "wagtail,en,Wagtail,preferred,yes\nwagtail,da,Wagtail,preferred,yes\n",
        encoding="utf-8",
    )
    path = _catalog(
        tmp_path,
        'msgid "Find out more at wagtail.org."\nmsgstr "Læs mere på wagtail.org."\n\n'
        'msgid "Follow @wagtail on Mastodon"\nmsgstr "Følg @wagtail på Mastodon"\n\n'
        'msgid "Wagtail is a CMS."\nmsgstr "wagtail er et CMS."\n',
    )
    found = _check(path, "--glossary", str(glossary))
    kept = [f["line"] for f in found if f["rule"] == "term/untranslatable"]
    assert kept == [path.read_text().splitlines().index('msgstr "wagtail er et CMS."') + 1]
