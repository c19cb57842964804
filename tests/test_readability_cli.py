"""`pipeline readability` and the HTML report, on a mini-project."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import polib

from .conftest import run_cli

HARD_DA = (
    "Behandlingen gives på en af de specialiserede afdelinger på hospitalet, hvor patienten "
    "bliver overvåget tæt i flere dage, fordi der kan komme alvorlige bivirkninger fra "
    "immunforsvaret og nervesystemet."
)


def prepared(project: Callable[[str], Path], extra: str = "") -> Path:
    root = project("minimal")
    source = root / "source/da/vektorer.md"
    source.write_text(source.read_text() + "\n" + HARD_DA + "\n" + extra)
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile(str(root / "locales/en/LC_MESSAGES/vektorer.po"))
    for entry in catalog:
        entry.msgstr = "It is simple. " if entry.msgid != HARD_DA else "It is given in hospital."
    catalog.save()
    return root


def test_table_hardest_sentences_findings_and_summary(project: Callable[[str], Path]) -> None:
    prepared(project)
    result = run_cli("readability", "--no-report")
    assert result.exit_code == 0, result.stderr  # warnings do not block by default
    out = result.stdout
    assert "LIX bands: danish scale (upper bounds 24, 34, 44, 54)" in out
    rows = {tuple(line.split()[:3]) for line in out.splitlines()}
    assert ("vektorer", "da", "original") in rows
    assert ("vektorer", "en", "translation") in rows
    assert ("vectors", "en", "original") in rows
    assert "source/da/vektorer.md:38  LIX 64: 28 words, 36% long  'Behandlingen gives" in out
    assert (
        "source/da/vektorer.md:38: warning: sentence of 28 words (max 25)" in out
    )  # the finding names file and line
    assert "[readability/long-sentence]" in out
    assert (
        out.strip()
        .splitlines()[-1]
        .startswith("readability: 3 documents scored (1 da, 2 en), 1 not scored (no running text)")
    )  # vectors.po has no translation yet
    assert "warning: locales/da/LC_MESSAGES/vectors.po: no translated running text" in result.stderr


def test_a_translation_just_begun_gets_no_document_verdict(
    project: Callable[[str], Path],
) -> None:
    """Two translated units of 35 gave "LIX 44 is above the target 40" for the document."""
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile(str(root / "locales/en/LC_MESSAGES/vektorer.po"))
    first = next(entry for entry in catalog if entry.comment.startswith("paragraph"))
    first.msgstr = (
        "Administration necessitates hospitalisation, considerable immunological "
        "surveillance and comprehensive documentation."
    )
    catalog.save()
    result = run_cli("readability", "--no-report", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    verdicts = [f for f in findings if f["rule"] == "readability/document-level"]
    assert not [f for f in verdicts if "vektorer" in f["path"] and f["path"].endswith(".po")]
    assert "words, is too little for a verdict" in result.stderr
    assert run_cli("readability").exit_code == 0  # the report shows it uncoloured, too
    report = (root / "build/reports/readability.html").read_text()
    rows = report.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")
    row = next(r for r in rows if "#doc-vektorer" in r and ">translation<" in r)
    assert ">–</td>" not in row.split("not scored")[0]  # it is scored, on two sentences
    assert " over" not in row  # Flesch -30 was in red, beside "too little for a verdict"


def test_strict_and_error_severity_exit_1(project: Callable[[str], Path]) -> None:
    root = prepared(project)
    assert run_cli("readability", "--no-report", "--strict").exit_code == 1
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text() + '\n[tool.pipeline.rules]\n"readability/long-sentence" = "error"\n'
    )
    result = run_cli("readability", "--no-report")
    assert result.exit_code == 1
    assert "error: sentence of 28 words" in result.stdout


def test_json_output(project: Callable[[str], Path]) -> None:
    prepared(project)
    result = run_cli("readability", "--format", "json", "--no-report", "--top", "1")
    data = json.loads(result.stdout)
    original = next(
        d for d in data["documents"] if d["document"] == "vektorer" and d["locale"] == "da"
    )
    assert original["role"] == "original"
    assert original["band"] in {"very easy", "easy", "medium", "hard", "very hard"}
    assert original["target_lix"] == 40
    assert original["hardest"][0]["line"] == 38
    assert [s["section"] for s in original["sections"]][:1] == ["(introduction)"]
    english = next(d for d in data["documents"] if d["document"] == "vectors")
    assert english["flesch"] is not None
    assert english["grade"] is not None
    assert {f["rule"] for f in data["findings"]} >= {"readability/long-sentence"}


def test_paths_limit_the_run(project: Callable[[str], Path]) -> None:
    prepared(project)
    result = run_cli("readability", "--no-report", "locales/en/LC_MESSAGES/vektorer.po")
    assert result.exit_code == 0
    assert "vectors" not in result.stdout
    assert "translation" in result.stdout
    bad = run_cli("readability", "--no-report", "pyproject.toml")
    assert bad.exit_code == 2
    assert "pyproject.toml: error: not a Markdown file, nor a catalog of this project" in bad.stderr


def test_config_scale_and_targets(project: Callable[[str], Path]) -> None:
    root = prepared(project)
    pyproject = root / "pyproject.toml"
    base = pyproject.read_text()
    pyproject.write_text(
        base + '\n[tool.pipeline.readability]\nlix-scale = "bjornsson"\ntarget = {lix = 30}\n'
    )
    out = run_cli("readability", "--no-report").stdout
    assert "bjornsson scale (upper bounds 20, 30, 40, 50)" in out
    assert "<=30" in out
    pyproject.write_text(base + "\n[tool.pipeline.readability]\nlix-scal = 3\n")
    bad = run_cli("readability", "--no-report")
    assert bad.exit_code == 2
    assert "did you mean 'lix-scale'?" in bad.stderr


def test_bad_reading_level_in_front_matter(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    path = root / "source/en/vectors.md"
    path.write_text(path.read_text().replace("lang: en", "lang: en\nreading-level: {lix: high}"))
    run_cli("extract")
    result = run_cli("readability", "--no-report")
    assert result.exit_code == 2
    assert "source/en/vectors.md:4: error: reading-level lix must be a number" in result.stderr


class Spans(HTMLParser):
    """Collect what the report test needs: lang attributes, marked sentences, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.langs: list[str] = []
        self.marked: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("lang"):
            self.langs.append(str(found["lang"]))
        if found.get("class") in {"hard", "very-hard"}:
            self.marked.append(str(found.get("title")))
        self.scripts += tag == "script"


def test_html_report(project: Callable[[str], Path]) -> None:
    root = prepared(project, extra="\nEt <script>alert(1)</script> i teksten.\n")
    result = run_cli("readability")
    assert "Report: build/reports/readability.html" in result.stdout
    html = (root / "build/reports/readability.html").read_text()
    parser = Spans()
    parser.feed(html)
    assert parser.langs[0] == "en"
    assert {"da", "en"} <= set(parser.langs)  # each column carries its language
    assert "LIX 64: 28 words, 36% long" in parser.marked
    assert parser.scripts == 0  # text from sources is escaped, never markup
    assert "&lt;script&gt;" in html
    assert '<svg role="img"' in html
    assert "target 40" in html


def test_scoring_one_file_leaves_the_projects_report_alone(
    project: Callable[[str], Path],
) -> None:
    root = prepared(project)
    assert run_cli("readability").exit_code == 0
    report = root / "build/reports/readability.html"
    whole = report.read_bytes()
    assert run_cli("readability", "source/da/vektorer.md").exit_code == 0
    assert report.read_bytes() == whole  # a report of one file would replace the project's
    assert run_cli("readability", "source/da/vektorer.md", "--report", "one.html").exit_code == 0
    assert "vektorer" in (root / "one.html").read_text()


def test_a_text_piped_in_is_scored_though_a_project_file_is_broken(
    project: Callable[[str], Path],
) -> None:
    """In Hatch's docs, a blog post's YAML stopped `pipeline readability -`, as if the
    text piped in were at fault; check already let the files given through."""
    root = project("minimal")
    (root / "source/da/broken.md").write_text("---\ntitle: [a\n---\n\nTekst.\n")
    piped = run_cli(
        "readability", "--lang", "en", "--format", "json", "-", input="# Hi\n\nShort text.\n"
    )
    assert piped.exit_code == 0, piped.stderr
    assert [score["document"] for score in json.loads(piped.stdout)["documents"]] == ["stdin"]
    whole = run_cli("readability")
    assert whole.exit_code == 2
    assert whole.stderr.startswith("source/da/broken.md:3: error: front matter is not valid YAML")


def test_a_document_with_no_prose_keeps_its_name_and_languages(
    project: Callable[[str], Path],
) -> None:
    """Hatch's CLI reference (only `::: mkdocs-click`) had an empty name, the locale
    "und", and a translation marked "original"."""
    root = project("minimal")
    (root / "source/da/reference.md").write_text("---\nlang: da\n---\n\n```\nkode\n```\n")
    assert run_cli("extract").exit_code == 0
    result = run_cli("readability", "--format", "json")
    rows = [d for d in json.loads(result.stdout)["documents"] if d["document"] == "reference"]
    assert [(row["locale"], row["role"]) for row in rows] == [
        ("da", "original"),
        ("en", "translation"),
    ]


def test_an_untranslated_version_is_not_scored_in_the_report_not_zero(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0  # catalogs, none translated
    assert run_cli("readability").exit_code == 0
    html = (root / "build/reports/readability.html").read_text()
    bars = re.findall(r"<text x=\"[\d.]+\" y=\"[\d.]+\">([^<]*)</text>", html)
    assert "not scored" in bars
    assert "0" not in bars  # a bar saying LIX 0 reads as the easiest text there is


ENGLISH_IN_DANISH = (
    "The vector carries a working copy of the gene into the cells of the liver. "
    "Most patients need only one treatment. The doctor will explain the risks to you."
)


def test_a_passage_in_the_other_language_is_left_out_of_the_score_and_said_so(
    project: Callable[[str], Path],
) -> None:
    """The Debian Edu manual's Danish pages keep English paragraphs: scored as Danish,
    one page got LIX 36 "medium" for English text, and English sentences were listed as
    hard Danish ones. A translator's entry left in Danish was scored for Flesch (-30)."""
    root = project("minimal")
    source = root / "source/da/vektorer.md"
    alone = json.loads(run_cli("readability", "--no-report", "--format", "json").stdout)
    source.write_text(source.read_text() + "\n" + ENGLISH_IN_DANISH + "\n")
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile(str(root / "locales/en/LC_MESSAGES/vektorer.po"))
    for entry in catalog:
        entry.msgstr = entry.msgid if entry.msgid.startswith("Vektor") else "It is simple."
    catalog.save()
    result = run_cli("readability", "--no-report", "--format", "json")
    rows = {row["path"]: row for row in json.loads(result.stdout)["documents"]}
    before = {row["path"]: row for row in alone["documents"]}["source/da/vektorer.md"]
    danish = rows["source/da/vektorer.md"]
    assert (danish["lix"], danish["words"]) == (before["lix"], before["words"])
    assert danish["other_language_sentences"] == 3
    hardest = " ".join(s["text"] for s in json.loads(result.stdout)["documents"][0]["hardest"])
    assert "vector" not in hardest
    english = rows["locales/en/LC_MESSAGES/vektorer.po"]
    assert english["other_language_sentences"] >= 1  # the entries left in Danish
    assert "Vektor" not in json.dumps(english["hardest"])
    assert "note: source/da/vektorer.md: 3 sentences in another language left out" in result.stderr
    summary = run_cli("readability", "--no-report").stdout.splitlines()[-1]
    assert "in another language left out" in summary


def test_readability_scores_a_project_whose_glossary_is_broken(
    project: Callable[[str], Path],
) -> None:
    """Readability reads the glossary's names for language of parts only: a missing
    glossary is check's to report, and the reading levels are still wanted."""
    root = project("minimal")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '\nglossary = "nowhere.tbx"\n')
    assert 'glossary = "nowhere.tbx"' in pyproject.read_text()
    result = run_cli("readability", "--no-report")
    assert result.exit_code == 0, result.stderr
    assert "vektorer" in result.stdout


def test_a_short_page_is_scored_but_not_judged_and_the_run_says_so(
    project: Callable[[str], Path],
) -> None:
    """Two hard sentences got "LIX 64 is above the target 40": under 100 words, one
    sentence more or less moves LIX by a band."""
    root = project("minimal")
    hard = (
        "Behandlingen gives på en af de specialiserede afdelinger på hospitalet, hvor "
        "patienten bliver overvåget tæt i flere dage, fordi der kan komme alvorlige "
        "bivirkninger fra immunforsvaret og nervesystemet."
    )
    (root / "source/da/kort.md").write_text(f"# Kort\n\n{hard}\n\n{hard}\n", encoding="utf-8")
    (root / "source/da/lang.md").write_text("# Lang\n\n" + f"{hard}\n\n" * 4, encoding="utf-8")
    result = run_cli("readability", "--no-report", "--format", "json")
    rows = {row["path"]: row for row in json.loads(result.stdout)["documents"]}
    short = rows["source/da/kort.md"]
    assert (short["words"], short["verdict"], round(short["lix"])) == (56, False, 64)
    assert rows["source/da/lang.md"]["verdict"] is True
    found = {(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]}
    assert ("source/da/lang.md", "readability/document-level") in found
    assert ("source/da/kort.md", "readability/document-level") not in found
    assert ("source/da/kort.md", "readability/long-sentence") in found
    assert (
        "note: source/da/kort.md: 56 words of running text, too few for a verdict on the "
        "document's level (100 needed); its sentences are checked"
    ) in result.stderr
    checked = run_cli("check", "--format", "json")  # the CI gate says so too
    assert "too few for a verdict on the level: source/da/kort.md" in checked.stderr
    assert not [
        f for f in json.loads(checked.stdout)
        if f["rule"] == "readability/document-level" and f["path"] == "source/da/kort.md"
    ]  # fmt: skip


def test_a_fuzzy_translation_is_read_for_its_level_only_under_check_fuzzy(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    po = root / "locales/en/LC_MESSAGES/vektorer.po"
    catalog = polib.pofile(str(po))
    long = " ".join(["The vector carries the gene"] * 6) + "."
    for entry in catalog:
        entry.msgstr, entry.flags = long, ["fuzzy"]
    catalog.save()

    def long_sentences(*options: str) -> list[str]:
        result = run_cli("check", "--format", "json", *options)
        found = json.loads(result.stdout)
        return [f["path"] for f in found if f["rule"] == "readability/long-sentence"]

    assert "locales/en/LC_MESSAGES/vektorer.po" not in long_sentences()
    assert "locales/en/LC_MESSAGES/vektorer.po" in long_sentences("--fuzzy")
