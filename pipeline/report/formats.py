"""Findings as text, JSON, SARIF 2.1.0, JUnit XML or GitHub annotations; sorted, no timestamps."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline import __version__
from pipeline.checks.findings import Finding, Severity
from pipeline.checks.positions import named_words
from pipeline.checks.registry import Rule, all_rules

FORMATS = ("text", "json", "sarif", "junit", "github")
SUMMARY = "check: "  # how the run's last note, what it covered and found, begins
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def resolve_format(name: str) -> str:
    """`auto` is `github` under GitHub Actions, else `text`."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(
    name: str,
    findings: Sequence[Finding],
    rules: Sequence[Rule],
    checked: Sequence[str],
    style: Callable[[str, Severity], str] | None = None,
    notes: Sequence[str] = (),
) -> str:
    """Render `findings` (already sorted) of a run over `checked` files with `rules`.

    SARIF lists every registered rule, not only `rules`: code scanning closes the
    alerts of a rule only when the rule is listed; the run's `notes` (what it left out,
    what it covered) are its invocation's notifications. JUnit has a testcase per file
    and rule that ran.
    """
    if name == "json":
        return _json(findings)
    if name == "sarif":
        return _sarif(findings, all_rules(), notes)
    if name == "junit":
        return _junit(findings, rules, checked, _left_out(notes))
    if name == "github":
        return _github(findings, notes)
    return _text(findings, style or (lambda text, _: text))


def _text(findings: Sequence[Finding], style: Callable[[str, Severity], str]) -> str:
    lines: list[str] = []
    for path, group in groupby(findings, key=lambda f: f.path):
        lines.append(path)
        found = list(group)
        untranslated = [f for f in found if f.rule == _FOLDED]
        folded = untranslated[_SHOWN:] if len(untranslated) > _SHOWN + 1 else []
        hidden = {id(finding) for finding in folded}
        for finding in found:
            severity = style(str(finding.severity), finding.severity)
            if folded and finding is folded[0]:
                lines.append(
                    f"  {finding.line}…{folded[-1].line}: {severity}: {len(folded)} more "
                    f"entries not translated (--format json lists each) [{_FOLDED}]"
                )
            if id(finding) in hidden:
                continue
            lines.append(f"  {finding.line}: {severity}: {finding.message} [{finding.rule}]")
            if finding.fix:
                lines.append(f"      fix: {finding.fix}")
    return "\n".join(lines)


# A catalog just begun is untranslated from top to bottom: a few of its entries say so
# (Hatch's new project printed 2,164 lines, one per entry, hiding what else was found).
_FOLDED = "translation/untranslated"
_SHOWN = 3


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as plain JSON data."""
    return {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "path": finding.path,
        "line": finding.line,
        **({"column": finding.column} if finding.column else {}),
        "message": finding.message,
        "fix": finding.fix,
        "data": dict(sorted(finding.data.items())),
    }


def _artifact(path: str) -> dict[str, str]:
    """A SARIF artifact location: inside the working folder relative to %SRCROOT%, as
    code scanning places it; outside it ("../po/da.po", "/tmp/x.po") an absolute file
    URI, which it cannot misplace."""
    if Path(path).is_absolute() or path.startswith(".."):
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _json(findings: Sequence[Finding]) -> str:
    return json.dumps([finding_dict(f) for f in findings], indent=2, ensure_ascii=False)


def _sarif(findings: Sequence[Finding], rules: Sequence[Rule], notes: Sequence[str]) -> str:
    """SARIF 2.1.0 with every rule listed, so code scanning can close fixed alerts."""
    index = {rule.id: position for position, rule in enumerate(rules)}
    driver = {
        "name": "pipeline",
        "version": __version__,
        "rules": [
            {
                "id": rule.id,
                "name": rule.id.replace("/", "-"),
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.explanation or rule.summary},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
                "help": {"text": rule.explanation or rule.summary},
            }
            for rule in rules
        ],
    }
    results = []
    for finding in findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": _SARIF_LEVEL[finding.severity],
            "message": {
                "text": finding.message + (f" (fix: {finding.fix})" if finding.fix else "")
            },
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(finding.path),
                        "region": _region(finding),
                    }
                }
            ],
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if finding.data:
            result["properties"] = dict(sorted(finding.data.items()))
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [_invocation(notes)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False)


def _region(finding: Finding) -> dict[str, int]:
    """The finding's line, and where it names words the file shows there, their columns."""
    region = {"startLine": max(finding.line, 1)}
    if finding.column:
        end = _end_column(finding)
        region.update(startColumn=finding.column, endLine=region["startLine"], endColumn=end)
    return region


def _end_column(finding: Finding) -> int:
    """One past the last character of the words a finding names, as SARIF and GitHub count."""
    return (finding.column or 0) + len(named_words(finding))


def _invocation(notes: Sequence[str]) -> dict[str, Any]:
    """The run, and what it left out ("no glossary configured: term/* rules were not
    run") as warnings, what it covered as a note: a check that checked nothing says so
    in SARIF too, not only on stderr."""
    notifications = [
        {"level": "note" if note.startswith(SUMMARY) else "warning", "message": {"text": note}}
        for note in notes
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}


def _junit(
    findings: Sequence[Finding], rules: Sequence[Rule], checked: Sequence[str], left: list[str]
) -> str:
    """One testcase per (file, rule): failed when the rule found an error or a warning
    there; info findings (to confirm, never failing the run) are the testcase's output.
    What the run left out ("no glossary configured") is a skipped testcase each, so a
    dashboard does not show a check that checked nothing as passed."""
    by_case: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        by_case.setdefault((finding.path, finding.rule), []).append(finding)
    cases = sorted({(path, rule.id) for path in checked for rule in rules} | set(by_case))
    failures = sum(1 for found in by_case.values() if not all(map(_info, found)))
    counts = f'tests="{len(cases) + len(left)}" failures="{failures}" skipped="{len(left)}"'
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="pipeline" {counts}>',
        f'  <testsuite name="pipeline check" {counts}>',
    ]
    for path, rule_id in cases:
        lines += _testcase(path, rule_id, by_case.get((path, rule_id), []))
    for note in left:
        message = _quoted_attribute(note)
        lines.append(f'    <testcase classname="pipeline" name={message}>')
        lines += [f"      <skipped message={message}/>", "    </testcase>"]
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines)


def _testcase(path: str, rule_id: str, found: list[Finding]) -> list[str]:
    classname, name = _quoted_attribute(path), _quoted_attribute(rule_id)
    head = f"    <testcase classname={classname} name={name}"
    if not found:
        return [head + "/>"]
    failing = [f for f in found if not _info(f)]
    shown = [head + ">"]
    if failing:
        message = _quoted_attribute(f"{len(failing)} finding(s)")
        shown += [f"      <failure message={message} type={name}>", _xml_text(_lines(failing))]
        shown.append("      </failure>")
    if len(failing) < len(found):
        info = _lines([f for f in found if _info(f)])
        shown.append(f"      <system-out>{_xml_text(info)}</system-out>")
    return [*shown, "    </testcase>"]


def _lines(findings: Sequence[Finding]) -> str:
    return "\n".join(f"{f.path}:{f.line}: {f.severity}: {f.message}" for f in findings)


def _left_out(notes: Sequence[str]) -> list[str]:
    """The run's warnings about what it did not check (the summary line aside)."""
    return [note for note in notes if not note.startswith(SUMMARY)]


def _info(finding: Finding) -> bool:
    return finding.severity == Severity.INFO


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted_attribute(text: str) -> str:
    # xml.sax.saxutils.quoteattr would do, but importing it loads urllib and the
    # email package, a fifth of what `pipeline --help` takes.
    escaped = _xml_text(text).replace('"', "&quot;")
    for control, reference in (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):
        escaped = escaped.replace(control, reference)
    return f'"{escaped}"'


def _github(findings: Sequence[Finding], notes: Sequence[str]) -> str:
    """GitHub Actions workflow commands, one annotation per finding, and one warning per
    thing the run left out, where the pull request shows it (not only in the log)."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = [f"::warning title=pipeline check::{_escape_data(note)}" for note in _left_out(notes)]
    for finding in findings:
        path, title = _escape_property(finding.path), _escape_property(finding.rule)
        place = f"line={finding.line}"
        if finding.column:
            end = _end_column(finding)
            place += f",endLine={finding.line},col={finding.column},endColumn={end}"
        properties = f"file={path},{place},title={title}"
        message = finding.message + (f" (fix: {finding.fix})" if finding.fix else "")
        lines.append(f"::{level[finding.severity]} {properties}::{_escape_data(message)}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
