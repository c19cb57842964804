"""Reading level at a glance: the document's and each section's LIX (and Flesch in English)
as inlay hints at the end of the headings, the scores `pipeline readability` gives."""

from __future__ import annotations

from lsprotocol import types

from pipeline.lsp.diagnostics import utf16
from pipeline.readability.counts import Counts
from pipeline.readability.levels import DocumentScore, flesch_band, lix_band
from pipeline.source.markdown import BlockKind


def heading_hints(
    lines: list[str], score: DocumentScore, bounds: tuple[float, ...]
) -> list[types.InlayHint]:
    """One hint per section with running text, at its heading; the document's at the
    first heading (or the first line)."""
    if score.is_translation:
        return []  # a catalog has no headings to put them at
    headings = [s for s in score.sentences if s.kind is BlockKind.HEADING]
    sections = score.sections()
    named = {name for name, _ in sections}
    hints = []
    if score.counts.words:  # at the title heading (the first that opens no section)
        title = next((s for s in headings if s.text.strip() not in named), None)
        label = f"document: {_label(score.counts, score, bounds)} (target ≤ {score.target.lix:g})"
        hints.append(_hint(lines, title.line - 1 if title else 0, label))
    for section, counts in sections:
        # a heading is scored in the section above it: its own is the one named as it is
        heading = next((s for s in headings if s.text.strip() == section), None)
        if heading is not None:
            hints.append(
                _hint(lines, heading.line - 1, f"section: {_label(counts, score, bounds)}")
            )
    return hints


def _label(counts: Counts, score: DocumentScore, bounds: tuple[float, ...]) -> str:
    text = f"LIX {counts.lix:.0f} {lix_band(counts.lix, bounds)}"
    if score.english:
        text += f" · Flesch {counts.flesch:.0f} {flesch_band(counts.flesch)}"
    return text


def _hint(lines: list[str], line: int, label: str) -> types.InlayHint:
    text = lines[line] if line < len(lines) else ""
    return types.InlayHint(
        position=types.Position(line, utf16(text, len(text))),
        label=label,
        padding_left=True,
    )
