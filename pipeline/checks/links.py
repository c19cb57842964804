"""links/*: relative links in sources and translations that lead nowhere."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import CheckContext, rule
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, read_text
from pipeline.source.anchors import (
    ANY_ANCHOR,
    anchors,
    candidates,
    id_style,
    local_target,
    resolve_path,
)
from pipeline.source.syntax import MARKDOWN

# A link as gathered: (file to report, line, href, the source document it is relative to).
# Plain tuples: a large project's cache loads fast.
LinkRow = tuple[str, int, str, str]


@dataclass(frozen=True, slots=True)
class LinkSet:
    """The links of a run, and what they may point at (looked up by the stage beforehand)."""

    links: tuple[LinkRow, ...]
    existing: frozenset[str]  # every file a link may open that exists (normalised paths)
    anchors: Mapping[str, frozenset[str]]  # Markdown file → the ids a link may name in it
    shown: Mapping[str, str]  # normalised path → how to name it in a message
    root: str = "/"  # the source folder: where a link that starts with "/" starts
    folders: frozenset[str] = frozenset()  # linked folders that exist
    labels: frozenset[str] = frozenset()  # MyST's `(label)=` targets of the run

    def target_of(self, row: LinkRow) -> tuple[str, str] | None:
        """(file, anchor) a link opens; None for web and mail links. A missing file is
        returned as linked, a folder as its index.md or README.md when it has one."""
        _, _, href, document = row
        target = target_of_href(href)
        if target is None:
            return None
        path = resolve_path(target.path, document, self.root)
        opened = next((found for found in candidates(path) if found in self.existing), path)
        return opened, target.anchor


# A project's links repeat their hrefs (Node's docs: 3,500 links, most within a page):
# each is split once a run. Targets are frozen.
target_of_href = functools.lru_cache(maxsize=1 << 14)(local_target)


# Fragments every browser understands without an element of that id (HTML, "scroll to
# the top"), so a link to them always works.
ALWAYS_THERE = {"", "top"}


@rule(
    "links/broken",
    severity=Severity.ERROR,
    summary="A relative link points at a file or heading that does not exist.",
    target="links",
)
def broken(links: LinkSet, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a reader who follows the link lands on nothing. Links are resolved as GitHub
    resolves them: relative to the file, anchors as GitHub makes heading ids. Markdown
    links and the `<a href>` of raw HTML are read, in sources and translations.

    Example (da): `[Se bivirkninger](bivirkninger.md#risici)` where the page has no
    heading "Risici".
    Example (en): `[the guide](../guide/intro.md)` where guide/ has no intro.md.

    Instead: link to a file that exists, and to an anchor its headings make; the
    finding names the nearest existing anchor.
    """
    for row in links.links:
        resolved = links.target_of(row)
        if resolved is None:
            continue
        path, anchor = resolved
        shown = links.shown.get(path, path)
        if path not in links.existing and path not in links.folders:
            if row[2] not in links.labels:  # MyST's `[](setup/install)`: a label, no file
                said = f"link '{row[2]}': {shown} does not exist"
                yield ctx.finding(row[0], row[1], said, target=shown)
            continue
        known = links.anchors.get(path)
        if anchor.lower() in ALWAYS_THERE or known is None or anchor in known:
            continue
        if ANY_ANCHOR in known:  # made by the site generator's plugins: not ours to tell
            continue
        nearest = _nearest(anchor, known)
        fix = row[2].split("#")[0] + f"#{nearest}" if nearest is not None else ""
        yield ctx.finding(
            row[0],
            row[1],
            f"link '{row[2]}': {shown} has no heading or anchor '{anchor}'",
            fix=fix,
            found=row[2],
            target=shown,
        )


def _nearest(anchor: str, known: frozenset[str]) -> str | None:
    """`difflib.get_close_matches(anchor, known, n=1, cutoff=0)`, the same answer (the
    highest ratio, the greatest name among equals) without working out the full ratio
    of a name whose cheap upper bounds already lose: a page of Node's docs has hundreds
    of anchors, and every run checks every link."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(anchor)
    best: tuple[float, str] | None = None
    for name in known:
        matcher.set_seq1(name)
        if best is not None and (
            (matcher.real_quick_ratio(), name) < best or (matcher.quick_ratio(), name) < best
        ):
            continue
        found = (matcher.ratio(), name)
        if best is None or found > best:
            best = found
    return None if best is None else best[1]


def link_set(
    config: Config,
    rows: Sequence[LinkRow],
    anchors: Iterable[tuple[str, tuple[str, ...]]],
    labels: Iterable[str] = (),
) -> LinkSet:
    """Every relative link of a run, with the files and anchors it may point at: the
    run's documents' (`anchors`, each file's ids) and, read here, the files they link to."""
    known = {path: frozenset(ids) for path, ids in anchors}
    root = str(config.source_path.resolve())
    paths: set[str] = set()
    for _, _, href, document in rows:
        target = target_of_href(href)
        if target is not None:
            paths.update(candidates(resolve_path(target.path, document, root)))
    # A document of the run exists even when it is standard input.
    existing = frozenset(path for path in paths if Path(path).is_file()) | known.keys()
    folders = frozenset(path for path in paths if Path(path).is_dir())
    for path in existing - known.keys():
        if path.endswith(".md"):
            known[path] = _anchors_of(Path(path))
    shown = {path: display_path(Path(path), config.root) for path in paths}
    return LinkSet(tuple(rows), existing, known, shown, root, folders, frozenset(labels))


def _anchors_of(path: Path) -> frozenset[str]:
    """The ids a Markdown file outside the run offers; none when it cannot be read."""
    try:
        return frozenset(anchors(MARKDOWN.parse(read_text(path)), id_style(path)))
    except PipelineError:
        return frozenset()
