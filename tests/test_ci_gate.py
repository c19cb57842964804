"""The CI gate end to end: suppressions, baseline, changed-since, golden reports, SARIF schema."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import jsonschema
import polib
import pytest
from babel.messages.pofile import read_po

from pipeline.checks.baseline import key, without_baseline
from pipeline.checks.findings import Finding, Severity

from .conftest import run_cli
from .test_check_cli import seeded, translated

GOLDEN = Path(__file__).parent / "golden" / "report"
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text())


def test_markdown_suppressions_and_unused_ones(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    source = root / "source/en/treatment.md"
    text = source.read_text().replace(
        "Gene treatments are", "<!-- pipeline: ignore term/deprecated -->\nGene treatments are"
    )
    source.write_text(text + "\n<!-- pipeline: ignore translation -->\nNothing to see.\n")
    result = run_cli("check", "--format", "json")
    found = {(f["path"], f["rule"]) for f in json.loads(result.stdout)}
    assert ("source/en/treatment.md", "term/deprecated") not in found
    assert ("source/en/treatment.md", "meta/unused-suppression") in found
    assert ", 1 info" in result.stderr


def test_region_and_file_suppressions(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    source = root / "source/en/treatment.md"
    body = source.read_text()
    source.write_text(
        body.replace("# About", "<!-- pipeline: off term -->\n# About") + "<!-- pipeline: on -->\n"
    )
    assert "source/en/treatment.md" not in run_cli("check").stdout
    source.write_text(body + "\n<!-- pipeline: ignore-file term/deprecated -->\n")
    assert "source/en/treatment.md" not in run_cli("check").stdout


def test_suppression_shown_in_a_code_block_silences_nothing(
    project: Callable[[str], Path],
) -> None:
    root = seeded(project)
    source = root / "source/en/treatment.md"
    shown = "How to silence it:\n\n````markdown\n<!-- pipeline: ignore-file term -->\n````\n"
    source.write_text(source.read_text() + "\n" + shown)
    found = {
        (f["path"], f["rule"]) for f in json.loads(run_cli("check", "--format", "json").stdout)
    }
    assert ("source/en/treatment.md", "term/deprecated") in found
    assert ("source/en/treatment.md", "meta/unused-suppression") not in found


def test_po_translator_comment_suppresses_and_survives_extract(
    project: Callable[[str], Path],
) -> None:
    root = seeded(project)
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    catalog = polib.pofile(str(po))
    entry = catalog.find("CAR-T-behandlingen bruger patientens egne celler.")
    assert entry is not None
    entry.tcomment = "pipeline: ignore term/untranslatable"
    catalog.save()
    assert run_cli("extract").exit_code == 0
    assert "# pipeline: ignore term/untranslatable" in po.read_text()
    found = {f["rule"] for f in json.loads(run_cli("check", "--format", "json").stdout)}
    assert "term/untranslatable" not in found
    assert "term/missing-translation" in found


def test_baseline_fails_only_on_new_findings(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    written = run_cli(
        "check", "--write-baseline", "baseline.json", "--format", "json", "--output", "all.json"
    )
    assert written.exit_code == 0
    assert "wrote a baseline of 3 findings" in written.stderr
    assert len(json.loads(Path("all.json").read_text())) == 3  # the report asked for, too
    assert run_cli("check", "--baseline", "baseline.json").exit_code == 0
    source = root / "source/en/treatment.md"  # an edit above the old finding moves its line
    source.write_text(source.read_text().replace("# About", "Intro line.\n\n# About"))
    assert run_cli("check", "--baseline", "baseline.json").exit_code == 0
    source.write_text(source.read_text() + "\nGene treatment again.\n")
    result = run_cli("check", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 1
    assert [(f["rule"], f["line"]) for f in json.loads(result.stdout)] == [("term/deprecated", 12)]
    assert "3 findings accepted by the baseline" in result.stderr
    source.write_text(source.read_text().replace("Gene treatments are", "Gene therapies are"))
    fixed = run_cli("check", "--baseline", "baseline.json")
    assert "2 findings accepted by the baseline" in fixed.stderr
    assert "1 of its entries matched nothing (write it again to drop them)" in fixed.stderr


def test_a_moved_file_keeps_its_accepted_findings(project: Callable[[str], Path]) -> None:
    """`git mv` of a document (extract moves its catalogs along) made every accepted
    finding of it new, and CI failed on a rename."""
    root = seeded(project)
    assert run_cli("check", "--write-baseline", "baseline.json").exit_code == 0
    recorded = {e["path"] for e in json.loads(Path("baseline.json").read_text())["findings"]}
    assert "source/en/treatment.md" in recorded
    old = root / "source/en/treatment.md"
    text = old.read_text()
    (root / "source/en/care").mkdir()
    old.rename(root / "source/en/care/treatment.md")
    assert run_cli("extract").exit_code == 0
    result = run_cli("check", "--baseline", "baseline.json")
    assert result.exit_code == 0, result.stdout
    assert "3 findings accepted by the baseline" in result.stderr
    assert "matched nothing" not in result.stderr
    # A copy is no move: while the file the baseline names is there, its twin is new.
    old.write_text(text)
    assert run_cli("extract").exit_code == 0
    again = run_cli("check", "--baseline", "baseline.json", "--format", "json")
    assert again.exit_code == 1
    assert "source/en/care/treatment.md" in {f["path"] for f in json.loads(again.stdout)}


def test_a_suppression_on_a_catalog_header_covers_the_catalog_findings_at_line_1(
    project: Callable[[str], Path],
) -> None:
    root = translated(project)
    config = root / "pyproject.toml"
    config.write_text(
        config.read_text().replace('"readability" = "off"\n', "")
        + "\n[tool.pipeline.readability]\ntarget = {lix = 5}\n"
    )
    po = root / "locales/en/LC_MESSAGES/behandling.po"
    # A document's level is judged from 100 words of running text on.
    danish, english = (
        "Lægen følger dig tæt bagefter. ",
        "The doctor follows you closely afterwards. ",
    )
    source = root / "source/da/behandling.md"
    source.write_text(source.read_text() + "\n" + danish * 20 + "\n")
    assert run_cli("extract").exit_code == 0
    catalog = polib.pofile(str(po))
    catalog.find((danish * 20).strip()).msgstr = (english * 20).strip()
    catalog.save()
    header = ("locales/en/LC_MESSAGES/behandling.po", 1, "readability/document-level")

    def findings() -> set[tuple[str, int, str]]:
        result = run_cli("check", "--format", "json")
        return {(f["path"], f["line"], f["rule"]) for f in json.loads(result.stdout)}

    assert header in findings()
    text = po.read_text(encoding="utf-8")
    # Where a translator (or the editor's "Ignore" action) writes it: above the header.
    po.write_text("# pipeline: ignore readability/document-level\n" + text, encoding="utf-8")
    found = findings()
    assert header not in found
    assert not [f for f in found if f[0] == header[0] and f[2] == "meta/unused-suppression"]
    assert run_cli("extract").exit_code == 0  # the comment survives an update
    with po.open("rb") as stream:
        assert "pipeline: ignore readability/document-level" in read_po(stream).header_comment
    po.write_text("# pipeline: ignore readability/document-levle\n" + text, encoding="utf-8")
    typo = run_cli("check")
    assert typo.exit_code == 2
    assert "unknown rule 'readability/document-levle' in a suppression" in typo.stderr
    assert "did you mean 'readability/document-level'?" in typo.stderr
    po.write_text("# pipeline: ignore term/deprecated\n" + text, encoding="utf-8")
    found = findings()
    assert header in found
    assert [f for f in found if f[0] == header[0] and f[2] == "meta/unused-suppression"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_changed_since_checks_only_changed_files(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    config = root / "pyproject.toml"
    config.write_text(config.read_text().replace('"translation/outdated" = "off"\n', ""))
    git(root, "init", "-q")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "start")
    nothing = run_cli("check", "--changed-since", "HEAD")
    assert nothing.exit_code == 0
    assert "no source or catalog changed since HEAD; checked nothing" in nothing.stderr
    source = root / "source/en/treatment.md"
    source.write_text(source.read_text() + "\nOne more line.\n")
    result = run_cli("check", "--changed-since", "HEAD", "--format", "json")
    assert result.exit_code == 1
    found = {(f["path"], f["rule"]) for f in json.loads(result.stdout)}
    assert ("source/en/treatment.md", "term/deprecated") in found
    # The source was edited without extract: its catalog is out of date (CI passed).
    assert ("locales/da/LC_MESSAGES/treatment.po", "translation/outdated") in found
    assert not [path for path, _ in found if "behandling" in path]  # another document
    assert "the findings of the 1 document the change touched" in result.stderr
    bad = run_cli("check", "--changed-since", "no-such-ref")
    assert bad.exit_code == 2
    assert bad.stderr.splitlines() == [
        "error: --changed-since no-such-ref: git knows no commit, branch or tag 'no-such-ref' "
        "here (give one that `git log --oneline` or `git branch -a` lists; in a shallow CI "
        "clone, fetch it first: git fetch origin main)"
    ]


def test_changed_since_outside_git_or_before_a_commit_says_so(
    project: Callable[[str], Path],
) -> None:
    root = seeded(project)
    outside = run_cli("check", "--changed-since", "HEAD")
    assert outside.exit_code == 2
    assert outside.stderr.splitlines() == [
        "error: --changed-since HEAD: the project folder is not in a git repository "
        "(check the whole project without --changed-since, or run it in a git clone)"
    ]
    git(root, "init", "-q")
    empty = run_cli("check", "--changed-since", "HEAD")
    assert empty.exit_code == 2
    assert "git knows no commit, branch or tag 'HEAD'" in empty.stderr
    assert "the repository has no commit yet" in empty.stderr


@pytest.mark.parametrize("name", ["text", "json", "sarif", "junit", "github"])
def test_golden_reports(
    project: Callable[[str], Path], name: str, request: pytest.FixtureRequest
) -> None:
    seeded(project)
    output = run_cli("check", "--format", name).stdout
    golden = GOLDEN / f"seeded.{name}"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output)
    assert output == golden.read_text(), f"run pytest --update-golden and review {golden}"


def test_sarif_validates_against_the_official_schema(project: Callable[[str], Path]) -> None:
    seeded(project)
    sarif = json.loads(run_cli("check", "--format", "sarif").stdout)
    assert sarif["runs"][0]["results"]
    jsonschema.validate(sarif, SCHEMA)
    run_cli("check", "--write-baseline", "baseline.json")
    empty = json.loads(run_cli("check", "--format", "sarif", "--baseline", "baseline.json").stdout)
    assert empty["runs"][0]["results"] == []
    jsonschema.validate(empty, SCHEMA)


def test_a_misspelt_rule_in_a_suppression_is_an_input_error(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    source = root / "source/en/treatment.md"
    source.write_text(source.read_text() + "\n<!-- pipeline: ignore term/deprecatd -->\nMore.\n")
    result = run_cli("check")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "source/en/treatment.md:10: error: unknown rule 'term/deprecatd' in a suppression "
        "(did you mean 'term/deprecated'?)"
    )


def test_changed_since_a_branch_is_what_this_branch_changed(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    commit = ("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, *commit, "start")
    git(root, "checkout", "-q", "-b", "feature")
    mine = root / "source/en/treatment.md"
    mine.write_text(mine.read_text() + "\nOne more line.\n")
    git(root, *commit, "mine")
    git(root, "checkout", "-q", "main")
    theirs = root / "locales/en/LC_MESSAGES/behandling.po"
    theirs.write_text(theirs.read_text() + "\n")
    git(root, *commit, "theirs, on main since")
    git(root, "checkout", "-q", "feature")
    result = run_cli("check", "--changed-since", "main", "--format", "json")
    paths = {f["path"] for f in json.loads(result.stdout)}
    assert "source/en/treatment.md" in paths
    assert "locales/en/LC_MESSAGES/behandling.po" not in paths  # main's edit, not ours


def test_changed_since_reports_links_into_a_deleted_file(project: Callable[[str], Path]) -> None:
    """A pull request that deletes a page breaks the links to it in pages it does not
    touch: --changed-since said "checked nothing" and CI passed."""
    root = seeded(project)
    linking = root / "source/en/treatment.md"
    linking.write_text(linking.read_text() + "\nSee [the Danish page](../da/behandling.md).\n")
    assert run_cli("extract").exit_code == 0
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "start")
    git(root, "rm", "-q", "source/da/behandling.md")
    result = run_cli("check", "--changed-since", "HEAD", "--format", "json")
    assert result.exit_code == 1
    broken = [f for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert [(f["path"], f["data"]["target"]) for f in broken] == [
        ("source/en/treatment.md", "source/da/behandling.md")
    ]


def test_changed_since_reports_the_pages_and_the_catalogs_of_what_changed(
    project: Callable[[str], Path],
) -> None:
    """A table without header cells on an edited page is found on the rendered page
    (build/html/…), and a deleted catalog makes its document a changed one: both passed."""
    root = seeded(project)
    config = root / "pyproject.toml"
    config.write_text(config.read_text().replace('"translation/outdated" = "off"\n', ""))
    assert run_cli("extract").exit_code == 0
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "start")
    source = root / "source/en/treatment.md"
    source.write_text(source.read_text() + "\n|  |  |\n|--|--|\n| a | b |\n")
    assert run_cli("extract").exit_code == 0

    def found() -> set[tuple[str, str]]:
        result = run_cli("check", "--changed-since", "HEAD", "--format", "json")
        assert result.exit_code == 1
        return {(f["path"], f["rule"]) for f in json.loads(result.stdout)}

    assert ("build/html/en/treatment.html", "a11y/table-headers") in found()
    git(root, "checkout", "-q", ".")
    git(root, "rm", "-q", "locales/da/LC_MESSAGES/treatment.po")
    assert ("locales/da/LC_MESSAGES/treatment.po", "translation/outdated") in found()


def test_a_baseline_is_not_written_from_the_changed_files(project: Callable[[str], Path]) -> None:
    root = seeded(project)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "start")
    part = run_cli("check", "--changed-since", "HEAD", "--write-baseline", "b.json")
    assert part.exit_code == 2
    assert "with --changed-since that is only the changed files" in part.stderr
    assert not (root / "b.json").exists()


def test_a_baseline_matches_findings_whose_figures_and_places_elsewhere_moved() -> None:
    accepted = Counter({key(f) for f in [
        Finding("readability/document-level", Severity.WARNING, "a.md", 1, "LIX 43 is above the target 40 for a (da)"),
        Finding("term/inconsistent", Severity.WARNING, "b.po", 9, "'x' here; first at c.po:208 (3×)"),
    ]})  # fmt: skip
    later = [
        Finding("readability/document-level", Severity.WARNING, "a.md", 1, "LIX 42 is above the target 40 for a (da)"),
        Finding("term/inconsistent", Severity.WARNING, "b.po", 12, "'x' here; first at c.po:218 (4×)"),
    ]  # fmt: skip
    assert without_baseline(later, accepted, Path()) == ([], 2)


def test_a_new_page_with_a_gone_pages_one_finding_is_no_move(tmp_path: Path) -> None:
    """partners.md was deleted and contact.md added, each with an image without alt: the
    new page's error was taken for the old page's, accepted, and CI passed."""

    def missing_alt(path: str) -> Finding:
        return Finding("a11y/missing-alt", Severity.ERROR, path, 9, "image a.svg has no alt text")

    accepted = Counter({key(missing_alt("source/en/partners.md")): 1})
    new = [missing_alt("source/en/contact.md")]
    assert without_baseline(new, accepted, tmp_path) == (new, 0)
    moved = [missing_alt("source/en/about/partners.md")]  # `git mv`: the same file name
    assert without_baseline(moved, accepted, tmp_path) == ([], 1)
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/partners.md").write_text("# Partners\n")  # still there: no move
    assert without_baseline(moved, accepted, tmp_path) == (moved, 0)


def test_a_suppression_may_say_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("s.md").write_text(
        "# Side\n\n<!-- pipeline: ignore links/broken -- the anchor comes from attr_list -->\n"
        "Se [siden](mangler.md).\n\nOg [den anden](mangler-ogsaa.md).\n",
        encoding="utf-8",
    )
    result = run_cli("check", "s.md", "--lang", "da", "--format", "json")
    assert result.exit_code == 1, result.stderr  # only the second link, not a bad rule name
    broken = [f["line"] for f in json.loads(result.stdout) if f["rule"] == "links/broken"]
    assert broken == [6]
