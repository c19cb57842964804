"""The stats stage: translation progress per locale and document, read from the catalogs."""

from __future__ import annotations

from pipeline.catalogs.paths import po_path
from pipeline.catalogs.po import read_po_file
from pipeline.catalogs.update import StatsRow
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path
from pipeline.source.tree import SourceFile


def collect_stats(config: Config, sources: list[SourceFile]) -> list[StatsRow]:
    """Read every target catalog of `sources` and count its progress."""
    from pipeline.catalogs.update import catalog_stats
    from pipeline.source.language import count_words

    rows: list[StatsRow] = []
    for source in sources:
        words = {unit.text: count_words(unit.text) for unit in source.units}
        for lang in source.targets(config.locales):
            path = po_path(config.locale_path, lang, source.document.name)
            shown = display_path(path, config.root)
            if not path.exists():
                raise PipelineError("catalog not found", shown, hint="run `pipeline extract` first")
            catalog = read_po_file(path, shown).catalog
            rows.append(catalog_stats(catalog, words, lang, source.document.name, shown))
    return sorted(rows, key=lambda row: (row.locale, row.document))
