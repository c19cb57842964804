"""Translation progress per locale and document as an aligned text table."""

from __future__ import annotations

from pipeline.catalogs.update import StatsRow


def render_stats_table(rows: list[StatsRow]) -> str:
    """Return the stats as an aligned text table with a total line.

    `memory` counts units the translation memory filled that still hold its translation.
    """
    header = (
        "locale", "document", "units", "words", "translated", "fuzzy", "untranslated", "memory",
        "done",
    )  # fmt: skip
    lines: list[tuple[str, ...]] = [header]
    for row in rows:
        done = f"{100 * row.translated // row.units if row.units else 100}%"
        counts = (row.units, row.source_words, row.translated, row.fuzzy, row.untranslated)
        lines.append((row.locale, row.document, *map(str, (*counts, row.memory)), done))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    return "\n".join(text)
