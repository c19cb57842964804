"""meta/*: findings about the checking itself."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import CheckContext, rule
from pipeline.checks.suppressions import Suppression


@rule(
    "meta/unused-suppression",
    severity=Severity.INFO,
    summary="A suppression comment suppresses nothing and can be removed.",
    target="suppression",
)
def unused_suppression(suppression: Suppression, ctx: CheckContext) -> Iterator[Finding]:
    """Why: stale suppressions hide the next real problem at that place.

    Example (da): `<!-- pipeline: ignore readability/long-sentence -->` above a
    paragraph that was shortened since.
    Example (en): `# pipeline: ignore term/untranslatable` on an entry that now keeps
    the name.

    Instead: remove the comment.
    """
    rules = ", ".join(suppression.rules)
    yield ctx.finding(
        suppression.path, suppression.line, f"suppression of {rules} suppresses nothing"
    )
