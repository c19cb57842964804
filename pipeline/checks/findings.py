"""The one language every check speaks: Finding records, severities and the exit code."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How much a finding matters; config can change it per rule."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place, phrased for the person who must fix it."""

    rule: str
    severity: Severity
    path: str
    line: int
    message: str
    fix: str | None = None
    column: int | None = None  # of the words it names, from 1 (`checks.positions`)
    occurrence: int = 0  # which time those words stand on its line: each is a finding
    # compare=False: a dict field would make the frozen dataclass unhashable.
    data: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column or 0, self.rule, self.message)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # As a plain tuple: the cache holds thousands, and a slotted dataclass restores
        # field by field and the severity through the enum's lookup (3x slower to load).
        fields = (self.rule, int(self.severity), self.path, self.line, self.message)
        return _restore, (*fields, self.fix, self.column, self.occurrence, self.data)


_SEVERITIES = {int(severity): severity for severity in Severity}


def _restore(
    rule: str,
    severity: int,
    path: str,
    line: int,
    message: str,
    fix: str | None,
    column: int | None,
    occurrence: int,
    data: Mapping[str, str],
) -> Finding:
    """A pickled Finding again (`Finding.__reduce__`)."""
    return Finding(rule, _SEVERITIES[severity], path, line, message, fix, column, occurrence, data)


EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2


def exit_code(findings: Iterable[Finding], strict: bool = False) -> int:
    """Return 1 if any finding is an error (or a warning under `strict`), else 0."""
    worst = max((finding.severity for finding in findings), default=Severity.INFO)
    threshold = Severity.WARNING if strict else Severity.ERROR
    return EXIT_FINDINGS if worst >= threshold else EXIT_CLEAN


def shorten(text: str, limit: int = 50) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis, for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def counted(number: int, noun: str) -> str:
    """Return "1 catalog", "2 catalogs", "2 entries"."""
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"


def severity_counts(findings: Iterable[Finding]) -> str:
    """Return "1 error, 2 warnings" (and ", 3 info" when there are any)."""
    severities = [finding.severity for finding in findings]
    errors, warnings = severities.count(Severity.ERROR), severities.count(Severity.WARNING)
    infos = len(severities) - errors - warnings
    text = f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
    return text + (f", {infos} info" if infos else "")
