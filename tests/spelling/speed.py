"""Words per second of spell checking on every core, on a large real text.

    python -m tests.spelling.speed HELP_PO   (the big catalog of tests/benchmarks/big_catalog.py)

Each core checks its share of the catalog's Danish (msgstr) or English (msgid) texts in
its own process, from cold: dictionaries loaded, no word known yet, as in a first check.
The figure is words over wall time, start-up included.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.catalogs.reader import read_entries
from pipeline.languages.spelling import spellers


def _check(lang: str, texts: list[str]) -> int:
    speller = spellers(("da", "en"), {}, {}).get(lang)
    assert speller is not None
    return sum(len(speller.misspellings(text)) for text in texts)


def main() -> None:
    entries = read_entries(Path(sys.argv[1]), sys.argv[1]).entries
    cores = os.cpu_count() or 1
    for lang in ("da", "en"):
        texts = [e.strings[0] if lang == "da" else e.msgid for e in entries if e.strings]
        texts = [text for text in texts if text and "<" not in text]
        words = sum(len(text.split()) for text in texts)
        began = time.perf_counter()
        with ProcessPoolExecutor(cores) as pool:
            parts = [texts[n::cores] for n in range(cores)]
            found = sum(pool.map(_check, [lang] * cores, parts))
        seconds = time.perf_counter() - began
        print(f"{lang}: {words:,} words on {cores} cores in {seconds:.1f} s: "
              f"{words / seconds:,.0f} words/s, {found:,} findings")  # fmt: skip


if __name__ == "__main__":
    main()
