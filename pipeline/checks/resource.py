"""resource/*: files a page would load that the export refuses to read."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.html_page import Page
from pipeline.checks.registry import CheckContext, rule


@rule(
    "resource/refused-image",
    severity=Severity.ERROR,
    summary="An image path points outside the project, to the network, or to nothing.",
    target="page",
)
def refused_image(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a page may only show files of the project; `../../etc/passwd`,
    `file:///…` or a web address would leak files or track readers, and a missing
    file leaves a hole. The export leaves such an image out.

    Example (da): `![Diagram](../../../etc/passwd)` in a Danish source.
    Example (en): `![Diagram](https://tracker.example/pixel.png)` in a translation.

    Instead: put the image under the source folder and link it relatively.
    """
    for src, source, line in page.refused:
        yield ctx.finding(
            source, line, f"image '{src}' is outside the project or missing; not exported"
        )
