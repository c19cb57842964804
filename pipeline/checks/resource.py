"""resource/*: files a page would load that the export refuses to read."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.html_page import Page
from pipeline.checks.registry import CheckContext, rule
from pipeline.source.anchors import is_remote


@rule(
    "resource/refused-image",
    severity=Severity.ERROR,
    summary="An image points outside the project, to nothing, or to a refused web address.",
    target="page",
)
def refused_image(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a page may only show files of the project; `../../etc/passwd` or
    `file:///…` would leak files, and a missing file leaves a hole. A web address is
    kept as the author wrote it, unless `remote-images = "refuse"` in
    [tool.pipeline.export]: a privacy-strict site loads nothing that could track its
    readers. The export leaves such an image out.

    Example (da): `![Diagram](../../../etc/passwd)` in a Danish source.
    Example (en): `![Diagram](https://tracker.example/pixel.png)` with remote images refused.

    Instead: put the image under the source folder and link it relatively.
    """
    for src, source, line in page.refused:
        why = "is outside the project or missing"
        if is_remote(src):
            why = 'is remote and remote-images is "refuse"'
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), src))
        yield ctx.finding(source, line, f"image '{src}' {why}; not exported", target=target)
