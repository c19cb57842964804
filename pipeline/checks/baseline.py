"""A baseline of accepted findings, so a team can adopt the checks on legacy content.

Findings are keyed by rule, file and message, not by line: edits elsewhere in a file
do not break the baseline, and a finding that was accepted twice may occur twice.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipeline.checks.findings import Finding
from pipeline.project.errors import PipelineError
from pipeline.project.files import read_text, write_output

Key = tuple[str, str, str, str]  # rule, path, message, msgctxt ("" for none)


def key(finding: Finding) -> Key:
    return (finding.rule, finding.path, finding.message, finding.data.get("msgctxt", ""))


def render_baseline(findings: list[Finding]) -> str:
    """The baseline file: sorted, deterministic JSON."""
    entries = [
        {"rule": r, "path": p, "message": m, **({"msgctxt": c} if c else {})}
        for r, p, m, c in sorted(key(f) for f in findings)
    ]
    return json.dumps({"version": 1, "findings": entries}, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path, shown: str) -> Counter[Key]:
    """Read a baseline file written by --write-baseline."""
    try:
        data = json.loads(read_text(path, shown))
    except json.JSONDecodeError as error:
        raise PipelineError(
            f"baseline is not valid JSON: {error.msg}", shown, error.lineno
        ) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and {"rule", "path", "message"} <= e.keys() for e in entries
    ):
        raise PipelineError(
            "not a baseline file",
            shown,
            hint="write one with `pipeline check --write-baseline FILE`",
        )
    return Counter(
        (str(e["rule"]), str(e["path"]), str(e["message"]), str(e.get("msgctxt", "")))
        for e in entries
    )


def without_baseline(findings: list[Finding], accepted: Counter[Key]) -> tuple[list[Finding], int]:
    """Drop findings the baseline accepts; return the new ones and how many were dropped."""
    left = Counter(accepted)
    new: list[Finding] = []
    for finding in findings:
        if left[key(finding)] > 0:
            left[key(finding)] -= 1
        else:
            new.append(finding)
    return new, len(findings) - len(new)


def record_baseline(path: Path, findings: list[Finding]) -> None:
    """Write today's findings as the baseline later runs accept."""
    write_output(path, render_baseline(findings), "baseline")
