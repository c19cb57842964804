"""`pipeline check`: terminology on a mini-project, report formats and the CI contract."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from pipeline.checks.registry import all_rules

from .conftest import run_cli, snapshot

PO_EN = "locales/en/LC_MESSAGES/vektorer.po"

GOOD = {
    "Om genterapi": "About gene therapy",
    "Genterapien gives på hospitalet.": "The gene therapy is given in hospital.",
    "CAR-T-behandlingen bruger patientens egne celler.": "CAR-T treatment uses the patient's own cells.",
    "About gene therapy": "Om genterapi",
    "Gene therapies are given in hospital.": "Genterapier gives på hospitalet.",
}


def translated(project: Callable[[str], Path], overrides: dict[str, str] | None = None) -> Path:
    root = project("terms")
    assert run_cli("extract").exit_code == 0
    for po in (root / "locales").rglob("*.po"):
        catalog = polib.pofile(str(po))
        for entry in catalog:
            entry.msgstr = (overrides or {}).get(entry.msgid, GOOD[entry.msgid])
        catalog.save()
    return root


def test_clean_project_passes_and_says_what_it_covered(project: Callable[[str], Path]) -> None:
    translated(project)
    result = run_cli("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    # 5 distinct units, as extract and stats count them: each title is also its h1
    assert result.stderr.strip().endswith(
        "check: checked 2 Markdown files, 2 catalogs and 4 pages (5 units, 5 translated entries, 0 relative links; "
        "languages: da, en); glossary glossary.tbx (da 2, en 2 concepts); 0 errors, 0 warnings"
    )


def seeded(project: Callable[[str], Path]) -> Path:
    root = translated(
        project,
        {
            "CAR-T-behandlingen bruger patientens egne celler.": "CART treatment uses own cells.",
            "Genterapien gives på hospitalet.": "The treatment is given in hospital.",
        },
    )
    source = root / "source/en/treatment.md"
    source.write_text(source.read_text().replace("Gene therapies are", "Gene treatments are"))
    return root


def msgstr_line(po: Path, translation: str) -> int:
    lines = po.read_text().splitlines()
    return lines.index(f'msgstr "{translation}"') + 1


def test_seeded_mistakes_are_each_caught(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    missing = msgstr_line(po, "The treatment is given in hospital.")
    changed = msgstr_line(po, "CART treatment uses own cells.")
    result = run_cli("check", "--format", "text")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "locales/en/LC_MESSAGES/behandling.po",
        f"  {missing}: error: 'Genterapien' (gene-therapy) is not translated with a glossary "
        "term; expected 'gene therapy' [term/missing-translation]",
        "      fix: gene therapy",
        f"  {changed}: error: 'CAR-T' must stay as it is in the translation (found 'CART') "
        "[term/untranslatable]",
        "      fix: CAR-T",
        "source/en/treatment.md",
        "  8: error: 'Gene treatments' is a superseded term for gene-therapy; use 'gene therapy' "
        "[term/deprecated]",
        "      fix: gene therapy",
    ]


def test_json_and_determinism(project: Callable[[str], Path]) -> None:
    seeded(project)
    first = run_cli("check", "--format", "json").stdout
    assert first == run_cli("check", "--format", "json").stdout
    findings = json.loads(first)
    assert {f["rule"] for f in findings} == {
        "term/deprecated", "term/missing-translation", "term/untranslatable",
    }  # fmt: skip
    assert all(f["data"]["concept"] for f in findings)


def test_sarif_lists_every_rule_and_the_concept(project: Callable[[str], Path]) -> None:
    seeded(project)
    result = run_cli("check", "--format", "sarif", "--output", "out.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
    sarif = json.loads(Path("out.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "term/deprecated" in ids
    assert "readability/long-sentence" in ids  # listed although it found nothing
    for result_ in run["results"]:
        assert ids[result_["ruleIndex"]] == result_["ruleId"]
        assert result_["properties"]["concept"] in {"gene-therapy", "car-t"}
        assert result_["locations"][0]["physicalLocation"]["region"]["startLine"] > 0
    assert "timestamp" not in Path("out.sarif").read_text().lower()


def test_junit_has_a_testcase_per_file_and_rule(project: Callable[[str], Path]) -> None:
    seeded(project)
    xml = run_cli("check", "--format", "junit").stdout
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    off = {"translation/outdated"}  # off in this project, as is all of readability
    active = [r for r in all_rules() if r.family != "readability" and r.id not in off]
    assert len(cases) == 4 * len(active)  # every file × every rule that ran
    failed = {(c.get("classname"), c.get("name")) for c in cases if c.find("failure") is not None}
    assert failed == {
        ("locales/en/LC_MESSAGES/behandling.po", "term/missing-translation"),
        ("locales/en/LC_MESSAGES/behandling.po", "term/untranslatable"),
        ("source/en/treatment.md", "term/deprecated"),
    }
    assert suite.get("failures") == "3"


def test_github_annotations_and_auto_format(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = seeded(project)
    line = msgstr_line(
        root / "locales/en/LC_MESSAGES/behandling.po", "The treatment is given in hospital."
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    lines = run_cli("check").stdout.splitlines()
    assert lines[0] == (
        f"::error file=locales/en/LC_MESSAGES/behandling.po,line={line},"
        "title=term/missing-translation::"
        "'Genterapien' (gene-therapy) is not translated with a glossary term; "
        "expected 'gene therapy' (fix: gene therapy)"
    )


def test_strict_makes_warnings_fail(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            '"readability" = "off"', '"readability" = "off"\n"term" = "warning"'
        )
    )
    result = run_cli("check")
    assert result.exit_code == 0
    assert "0 errors, 3 warnings" in result.stderr
    assert run_cli("check", "--strict").exit_code == 1


def test_paths_and_catalog_languages(project: Callable[[str], Path], tmp_path: Path) -> None:
    root = seeded(project)
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    result = run_cli("check", str(po))
    assert result.exit_code == 1
    assert "source/en/treatment.md" not in result.stdout
    assert "checked 0 Markdown files, 1 catalog and 0 pages" in result.stderr
    foreign = tmp_path / "foreign.po"
    foreign.write_text(po.read_text().replace('"X-Source-Language: da\\n"\n', ""), encoding="utf-8")
    missing = run_cli("check", str(foreign))
    assert missing.exit_code == 2
    assert "catalog has no X-Source-Language header (pass --source-lang" in missing.stderr
    assert run_cli("check", str(foreign), "--source-lang", "da").exit_code == 1


def test_without_a_glossary_it_says_so(project: Callable[[str], Path]) -> None:
    root = translated(project)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('glossary = "glossary.tbx"\n', ""))
    result = run_cli("check")
    assert result.exit_code == 0
    assert "warning: no glossary configured: term/* rules were not run" in result.stderr


def test_glossary_without_terms_in_a_language_is_reported(project: Callable[[str], Path]) -> None:
    root = translated(project)
    (root / "da-only.csv").write_text("concept,lang,term\ngene-therapy,da,genterapi\n")
    result = run_cli("check", "--glossary", "da-only.csv")
    assert (
        "the glossary has no terms in 'en': term checks of en text checked nothing" in result.stderr
    )


def test_extract_tells_translators_the_terms(project: Callable[[str], Path]) -> None:
    root = project("terms")
    assert run_cli("extract").exit_code == 0
    text = (root / "locales/en/LC_MESSAGES/behandling.po").read_text()
    assert "#. glossary: genterapi → gene therapy\n" in text
    assert "#. glossary: CAR-T (keep as is)\n" in text


def test_bad_glossary_is_an_input_error(project: Callable[[str], Path]) -> None:
    root = project("terms")
    (root / "glossary.tbx").write_text("<martif><text>")
    result = run_cli("check")
    assert result.exit_code == 2
    assert result.stderr.startswith("glossary.tbx:1: error: not well-formed XML")


SAMPLE_GLOSSARY = Path(__file__).parent.parent / "source" / "glossary.tbx"


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        # The full form on the paragraph's next line explains the acronym before it.
        ("An ATMP\n(advanced therapy medicinal product) is a new medicine.\n", False),
        # A full form in another paragraph, on another line, does not explain it first.
        ("An ATMP is a new medicine.\n\nAn advanced therapy medicinal product is costly.\n", True),
    ],
)
def test_an_acronym_is_explained_by_its_full_form_in_the_same_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, reported: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text(f"---\nlang: en\ntitle: Medicines\n---\n\n# Medicines\n\n{body}")
    result = run_cli("check", "page.md", "--glossary", str(SAMPLE_GLOSSARY), "--format", "json")
    rules = [finding["rule"] for finding in json.loads(result.stdout)]
    assert ("a11y/abbreviation" in rules) is reported


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # The fix "lægemiddel til avanceret terapi (ATMP)" made "…(ATMP)-reglerne".
        (
            "ATMP-reglerne gælder i hele EU.\n",
            "'ATMP' in 'ATMP-reglerne' is used before its full form 'lægemiddel til avanceret "
            "terapi' is given (fix: give 'lægemiddel til avanceret terapi (ATMP)' before "
            "'ATMP-reglerne')",
        ),
        # It dropped the ending: "(ATMP)" for "ATMP'er".
        (
            "ATMP'er er nye lægemidler.\n",
            "'ATMP'er' is used before its full form 'lægemiddel til avanceret terapi' is given "
            "(fix: lægemiddel til avanceret terapi (ATMP'er))",
        ),
        # The page's own definition, below the text as Python-Markdown's are, explains it.
        ("ATMP'er er nye lægemidler.\n\n*[ATMP]: lægemidler til avanceret terapi\n", None),
    ],
)
def test_an_acronym_in_a_danish_word_gets_a_fix_that_reads_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, said: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("side.md").write_text(f"---\nlang: da\ntitle: Lægemidler\n---\n\n# Lægemidler\n\n{body}")
    result = run_cli("check", "side.md", "--glossary", str(SAMPLE_GLOSSARY), "--format", "json")
    found = [
        f"{f['message']} (fix: {f['fix']})"
        for f in json.loads(result.stdout)
        if f["rule"] == "a11y/abbreviation"
    ]
    assert found == ([said] if said else [])


def test_a_myst_link_to_a_label_is_no_missing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sphinx-book-theme's `[](contribute/testing)` names its `(contribute/testing)=`
    label; links/broken called it a missing file and failed CI, though Sphinx builds it."""
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text(
        "---\nlang: en\n---\n\n(setup/install)=\n# Install\n\nRun it.\n\n"
        "See [](setup/install), [the guide](nosuch.md) and [how](install).\n"
    )  # "install" is a heading's id, no label: the writer forgot the "#"
    result = run_cli("check", "page.md", "--format", "json")
    broken = [f["message"] for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert sorted(broken) == [
        "link 'install': install does not exist",
        "link 'nosuch.md': nosuch.md does not exist",
    ]


def test_a_missing_path_is_one_line_naming_it(project: Callable[[str], Path]) -> None:
    project("minimal")
    result = run_cli("check", "source/da/nosuch.md")
    assert result.exit_code == 2
    assert result.stderr == "source/da/nosuch.md: error: no such file or folder (check the path)\n"


def test_a_file_given_twice_is_checked_once(project: Callable[[str], Path]) -> None:
    """Django's catalogs given as "po po/django": 27 catalogs instead of 14, and typos
    written in each copy counted as the project's terms, so no longer reported."""
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    once = run_cli("check", "--format", "json", "locales")
    twice = run_cli("check", "--format", "json", "locales", "locales/en", f"{root}/{PO_EN}")
    assert once.stdout == twice.stdout
    assert once.stderr.splitlines()[-1] == twice.stderr.splitlines()[-1]  # "2 catalogs"


def test_export_with_a_missing_catalog_folder_writes_nothing(
    project: Callable[[str], Path],
) -> None:
    """A mistyped --locale-dir published every Danish page in English, with exit 0."""
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    assert run_cli("export", "--format", "html").exit_code == 0
    before = snapshot(root)
    result = run_cli("export", "--locale-dir", "nope", "--format", "html")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "nope: error: the folder of PO catalogs does not exist "
        "(give the right --locale-dir, or run `pipeline extract` first)"
    ]
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("command", "given", "said"),
    [
        ("check", "nosuch.csv", "nosuch.csv: error: glossary not found"),
        ("extract", "nosuch.tbx", "nosuch.tbx: error: glossary not found"),
        ("check", "source", "source: error: glossary is a folder, not a glossary file"),
    ],
)
def test_a_missing_glossary_option_is_one_line_naming_it(
    project: Callable[[str], Path], command: str, given: str, said: str
) -> None:
    project("minimal")
    result = run_cli(command, "--glossary", given)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{said} (fix glossary in [tool.pipeline] or --glossary)"]


def test_a_catalog_just_begun_is_a_few_lines_of_text_and_every_entry_in_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hatch's new project printed 2,164 lines, one per untranslated entry, which hid the
    other findings; machine formats keep one finding per entry."""
    (tmp_path / "source/en").mkdir(parents=True)
    page = "# Guide\n\n" + "".join(f"Step {n} is short.\n\n" for n in range(1, 11))
    (tmp_path / "source/en/guide.md").write_text(page)
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    text = run_cli("check").stdout
    said = [line for line in text.splitlines() if "[translation/untranslated]" in line]
    assert len(said) == 4, text
    assert said[-1].endswith(
        ": warning: 8 more entries not translated (--format json lists each) "
        "[translation/untranslated]"
    )
    found = json.loads(run_cli("check", "--format", "json").stdout)
    assert len([f for f in found if f["rule"] == "translation/untranslated"]) == 11


def test_sarif_places_files_outside_the_working_folder_by_absolute_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a sibling folder, '../po/x.po' was a %SRCROOT%-relative URI that code
    scanning could not place."""
    catalog = tmp_path / "po files" / "da.po"
    catalog.parent.mkdir()
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: da\\n"\n\nmsgid "Open the file"\nmsgstr "Åbn  filen"\n'
    )
    (tmp_path / "ci").mkdir()
    monkeypatch.chdir(tmp_path / "ci")
    result = run_cli("check", "--format", "sarif", "--source-lang", "en", "../po files/da.po")
    locations = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    ]
    assert locations
    assert all(found == {"uri": catalog.resolve().as_uri()} for found in locations)
    assert "%20" in locations[0]["uri"]


def test_lang_names_a_given_catalogs_language_when_its_header_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog without a Language header could only be checked by editing it."""
    catalog = tmp_path / "da.po"
    catalog.write_text('msgid ""\nmsgstr ""\n\nmsgid "Open the file"\nmsgstr "Åbn  filen"\n')
    monkeypatch.chdir(tmp_path)
    refused = run_cli("check", "--source-lang", "en", "da.po")
    assert refused.exit_code == 2
    assert refused.stderr.strip().endswith(
        "(set it to the target language, e.g. da, or pass --lang da)"
    )
    result = run_cli("check", "--source-lang", "en", "--lang", "da", "--format", "json", "da.po")
    assert [f["rule"] for f in json.loads(result.stdout)] == ["translation/whitespace"]
    assert catalog.read_text().count("Language") == 0  # the file is left as it is


def test_a_pasted_text_s_links_to_other_files_are_not_judged_but_said(
    project: Callable[[str], Path],
) -> None:
    root = translated(project)
    page = next((root / "source").rglob("*.md"))
    text = f"# Side\n\nSe [siden]({page.name}) og [afsnittet](#side).\n"
    result = run_cli("check", "-", "--lang", "da", "--format", "json", input=text)
    assert [f for f in json.loads(result.stdout) if f["rule"].startswith("links/")] == []
    assert "1 link of standard input to other files not checked" in result.stderr


def loose_catalog(path: Path, language: str, source: str, msgstr: str) -> Path:
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {language}\\n"\n"X-Source-Language: {source}\\n"\n\n'
        f'msgid "Open the file you saved yesterday before you close it"\nmsgstr "{msgstr}"\n',
        encoding="utf-8",
    )
    return path


def test_a_catalog_of_the_programs_c_locale_is_read_as_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GNOME's catalogs say X-Source-Language: C. The check died with a traceback."""
    monkeypatch.chdir(tmp_path)
    english = "Open the file you saved yesterday before you close it"
    po = loose_catalog(tmp_path / "nautilus.po", "da", "C", english)
    result = run_cli("check", str(po), "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.stderr  # warnings only
    assert "languages: da, en" in result.stderr
    rules = {finding["rule"] for finding in json.loads(result.stdout)}
    assert "translation/unchanged" in rules  # English left as it was, read as English


def test_a_language_we_cannot_tell_apart_is_not_read_as_english_and_the_run_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An Asturian translation was 'English passage in Asturian text', and lingua, which
    has no Asturian, raised a traceback when asked."""
    monkeypatch.chdir(tmp_path)
    po = loose_catalog(tmp_path / "ast.po", "ast", "en", "Abri'l ficheru que guardesti ayeri")
    result = run_cli("check", str(po), "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "language of parts not checked for ast: no word list" in result.stderr
    assert "spelling not checked for ast" in result.stderr


def test_fuzzy_translations_are_checked_only_when_asked_and_the_run_says_which(
    project: Callable[[str], Path],
) -> None:
    # align and msgmerge leave guesses fuzzy: CI leaves them out as gettext does, a
    # reviewer asks for them with --fuzzy (pofilter's --fuzzy).
    root = translated(
        project, {"CAR-T-behandlingen bruger patientens egne celler.": "CART uses own cells."}
    )
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    catalog = polib.pofile(str(po))
    catalog.find("CAR-T-behandlingen bruger patientens egne celler.").flags.append("fuzzy")
    catalog.save()
    line = msgstr_line(po, "CART uses own cells.")

    def rules_at_the_guess(*options: str) -> tuple[set[str], str]:
        result = run_cli("check", "--format", "json", *options)
        found = {f["rule"] for f in json.loads(result.stdout) if f["line"] == line}
        return found, result.stderr

    found, said = rules_at_the_guess()
    assert found == {"translation/fuzzy"}
    assert "1 fuzzy entry not checked: a fuzzy translation is a guess still to review " in said
    assert "4 translated entries" in said
    # The cache of the run before must not answer for a run that checks more.
    found, said = rules_at_the_guess("--fuzzy")
    assert found == {"translation/fuzzy", "term/untranslatable"}  # still a gate for CI
    assert "1 fuzzy entry checked as translated (--fuzzy)" in said
    assert "4 translated entries" in said  # what is translated: the guess is not
    assert rules_at_the_guess()[0] == {"translation/fuzzy"}
    guess = run_cli("check", "--fuzzy", "--format", "json").stdout
    marked = {f["rule"] for f in json.loads(guess) if f["data"].get("fuzzy")}
    assert marked == {"term/untranslatable"}  # a finding on a guess says so
    # A baseline from such a run would accept the guess's fault once the flag is gone.
    refused = run_cli("check", "--fuzzy", "--write-baseline", "baseline.json")
    assert refused.exit_code == 2
    assert "--write-baseline records what CI accepts; with --fuzzy" in refused.stderr
    assert not Path("baseline.json").exists()


def test_a_fuzzy_plural_entry_counts_once_whichever_form_has_text(tmp_path: Path) -> None:
    po = tmp_path / "da.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: da\\n"\n"X-Source-Language: en\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy, c-format\nmsgid "%s thing"\nmsgid_plural "%s things"\n'
        'msgstr[0] ""\nmsgstr[1] "%d ting"\n\n'
        '#, fuzzy\nmsgid "A guess"\nmsgstr "Et gæt"\n'
    )
    left = run_cli("check", str(po))
    assert "2 fuzzy entries not checked" in left.stderr
    assert "0 translated entries" in left.stderr
    checked = run_cli("check", "--fuzzy", "--format", "json", str(po))
    assert "2 fuzzy entries checked as translated (--fuzzy)" in checked.stderr
    assert "0 translated entries" in checked.stderr
    rules = [f["rule"] for f in json.loads(checked.stdout)]
    assert sorted(rules) == ["translation/fuzzy", "translation/fuzzy", "translation/placeholders"]


def test_a_word_the_guesses_repeat_is_no_term_of_the_project(tmp_path: Path) -> None:
    """Nicotine+'s Danish catalog: "Omindexere" in one reviewed entry was reported until
    --fuzzy read its fuzzy guesses too, which repeat it, and took it for a term."""
    entries = [("Reindex the shared files", "Omindexere de delte filer", False)]
    entries += [(f"Reindex folder {n}", f"Omindexere mappe {n}", True) for n in range(1, 5)]
    body = "".join(
        f'{"#, fuzzy" if fuzzy else "#. reviewed"}\nmsgid "{source}"\nmsgstr "{target}"\n\n'
        for source, target, fuzzy in entries
    )
    po = tmp_path / "da.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: da\\n"\n"X-Source-Language: en\\n"\n\n' + body)
    found = json.loads(run_cli("check", "--fuzzy", "--format", "json", str(po)).stdout)
    unknown = [f for f in found if f["rule"] == "spelling/unknown-word"]
    assert len(unknown) == 5
    assert [f["data"].get("fuzzy") for f in unknown] == [None, "yes", "yes", "yes", "yes"]
