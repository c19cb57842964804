"""A baseline of accepted findings, so a team can adopt the checks on legacy content.

Findings are keyed by rule, file and message, not by line: edits elsewhere in a file
do not break the baseline, and a finding that was accepted twice may occur twice.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path, PurePosixPath

from pipeline.catalogs.moves import match_moves
from pipeline.checks.findings import Finding
from pipeline.project.errors import PipelineError
from pipeline.project.files import read_text, write_output

Key = tuple[str, str, str, str]  # rule, path, message, msgctxt ("" for none)


def key(finding: Finding) -> Key:
    return (
        finding.rule,
        finding.path,
        _stable(finding.rule, finding.message),
        finding.data.get("msgctxt", ""),
    )


def _stable(rule: str, message: str) -> str:
    """A message as the baseline matches it: without another file's line ("first at
    a.po:208"), a count of the project's entries ("(3×)") or a reading level's figures
    ("LIX 42 is above the target 40"): edits elsewhere change them, the finding stays."""
    message = _COUNT.sub("#×", _PLACE.sub(r"\1", message))
    return _FIGURE.sub("#", message) if rule.startswith("readability/") else message


_PLACE = re.compile(r"(\S+\.(?:po|pot|md|markdown)):\d+")
_COUNT = re.compile(r"\d+×")  # how often the usual rendering occurs in the project
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


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
        (
            str(e["rule"]),
            str(e["path"]),
            _stable(str(e["rule"]), str(e["message"])),
            str(e.get("msgctxt", "")),
        )
        for e in entries
    )


def without_baseline(
    findings: list[Finding], accepted: Counter[Key], root: Path
) -> tuple[list[Finding], int]:
    """Drop findings the baseline accepts; return the new ones and how many were dropped.

    A file moved or renamed (`git mv`, and extract moves its catalogs along) keeps its
    accepted findings: a file with findings left over continues a file the baseline names
    that is gone, when most of its findings are that file's (see `_moved`).
    """
    left = Counter(accepted)
    unmatched = _take(findings, left, {})
    moved = _moved_files(unmatched, left, root)
    new = _take(unmatched, left, moved)
    return new, len(findings) - len(new)


def _take(findings: list[Finding], left: Counter[Key], moved: dict[str, str]) -> list[Finding]:
    """The findings `left` does not accept, counting down what it does; a finding in a
    moved file is looked up under the file's old name."""
    new: list[Finding] = []
    for finding in findings:
        rule, path, message, context = key(finding)
        wanted = (rule, moved.get(path, path), message, context)
        if left[wanted] > 0:
            left[wanted] -= 1
        else:
            new.append(finding)
    return new


def _moved_files(findings: list[Finding], left: Counter[Key], root: Path) -> dict[str, str]:
    """File with unaccepted findings → the gone file of the baseline it continues."""
    gone: dict[str, set[tuple[str, ...]]] = {}
    for (rule, path, message, context), count in left.items():
        if count > 0 and not (root / path).exists():
            gone.setdefault(path, set()).add((rule, message, context))
    if not gone:
        return {}
    found: dict[str, set[tuple[str, ...]]] = {}
    for finding in findings:
        rule, path, message, context = key(finding)
        found.setdefault(path, set()).add((rule, message, context))
    moves = match_moves(
        {path: frozenset(keys) for path, keys in found.items()},
        {path: frozenset(keys) for path, keys in gone.items()},
    )
    return {new: old for new, old in moves.items() if _moved(new, old, found[new], gone[old])}


def _moved(new: str, old: str, found: set[tuple[str, ...]], gone: set[tuple[str, ...]]) -> bool:
    """Whether file `new` is `old` moved: most of `old`'s accepted findings are `new`'s,
    and it kept its name (`git mv a/x.md b/x.md`) or shares three findings at least, as
    one or two findings as common as "no alt text" tell nothing."""
    shared = len(found & gone)
    same_name = PurePosixPath(new).name == PurePosixPath(old).name
    return 2 * shared >= len(gone) and (same_name or shared >= 3)


def record_baseline(path: Path, findings: list[Finding]) -> None:
    """Write today's findings as the baseline later runs accept."""
    write_output(path, render_baseline(findings), "baseline")
