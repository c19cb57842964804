"""One big real catalog: the LibreOffice help, English→Danish, as a single PO file.

    python -m tests.benchmarks.big_catalog [--out DIR]

Debian's libreoffice-help-en-us and libreoffice-help-da ship the help as HTML in which
every paragraph and heading carries the same id in both languages. Aligning them gives
a human-translated catalog of about 62,000 entries and 1.6 million words, with msgctxt
"page#id" as LibreOffice's own catalogs have. Nothing of it is committed: it is fetched
with apt-get and built each time. Then `pipeline check` (on one core and on all, and
with only the rules pofilter has) and pofilter run on it, alternating, best of two, and
the ratios and peak memory are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from tests.benchmarks.bench_corpus import BIN, REPO, run_stage
from tests.benchmarks.publish import publish, table

PACKAGES = ("libreoffice-help-en-us", "libreoffice-help-da")
HELP = "usr/share/libreoffice/help"


class _Blocks(HTMLParser):
    """Text of every p and h element that has an id; the Mac and default names of a key
    (shown side by side in hidden spans) are joined with "/"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._open: tuple[str, str, list[str]] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open is not None:
            self._depth += tag == self._open[1]
            if tag == "span" and ("class", "switchinline") in attrs:
                self._open[2].append("\x00")
            return
        ident = dict(attrs).get("id")
        if ident and (tag in {"p", "h"} or re.fullmatch(r"h[1-6]", tag)):
            self._open, self._depth = (ident, tag, []), 1

    def handle_endtag(self, tag: str) -> None:
        if self._open is None or tag != self._open[1]:
            return
        self._depth -= 1
        if self._depth == 0:
            text = " ".join("".join(self._open[2]).replace("\x00", " ").split())
            self.found.append((self._open[0], text))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)


def _blocks(path: Path) -> dict[str, str]:
    parser = _Blocks()
    parser.feed(path.read_text(encoding="utf-8"))
    texts: dict[str, list[str]] = {}
    for ident, text in parser.found:
        texts.setdefault(ident, []).append(text)
    return {ident: found[0] for ident, found in texts.items() if len(set(found)) == 1}


def build(out: Path) -> Path:
    """Fetch the two packages and write out/help.po; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    po = out / "help.po"
    if po.exists():
        return po
    for package in PACKAGES:
        subprocess.run(["apt-get", "download", package], cwd=out, check=True)
    for deb in out.glob("*.deb"):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(out / "x")], check=True)
    english, danish = out / "x" / HELP / "en-US", out / "x" / HELP / "da"
    catalog = Catalog(locale="da", project="libreoffice-help")
    for page in sorted(english.rglob("*.html")):
        name = page.relative_to(english)
        if not (danish / name).exists():
            continue
        targets = _blocks(danish / name)
        for ident, source in _blocks(page).items():
            target = targets.get(ident, "")
            if source and target:
                catalog.add(source, target, locations=[(str(name), 0)], context=f"{name}#{ident}")
    with po.open("wb") as stream:
        write_po(stream, catalog, include_lineno=False)
    text = po.read_text().replace(
        '"Language: da\\n"', '"Language: da\\n"\n"X-Source-Language: en\\n"'
    )
    po.write_text(text)
    return po


# The rules pofilter runs too: translation QA, without a glossary, spelling (pofilter
# checks spelling only when asked, with enchant) or the language rules.
LIKE_POFILTER = """[tool.pipeline.rules]
a11y = "off"
spelling = "off"
term = "off"
"translation/wrong-language" = "off"
"""


def measure(po: Path) -> None:
    glossary = str(REPO / "source/glossary.tbx")
    check = [str(BIN / "pipeline"), "check", "--no-cache", "--glossary", glossary,
             "--format", "json", "--output", str(po.with_suffix(".json")), po.name]  # fmt: skip
    config = po.parent / "like-pofilter" / "pyproject.toml"
    config.parent.mkdir(exist_ok=True)
    config.write_text(LIKE_POFILTER)
    like_pofilter = [str(BIN / "pipeline"), "check", "--no-cache", "--config", str(config),
                     "--format", "json", "--output", str(po.with_suffix(".qa.json")), po.name]  # fmt: skip
    pofilter = [str(BIN / "pofilter"), po.name, str(po.with_suffix(".pofilter.po"))]
    cores = str(os.cpu_count() or 1)
    runs: dict[str, list[tuple[float, float]]] = {}
    for _ in range(2):
        for label, command, jobs in (
            (f"pipeline check, {cores} cores", check, cores),
            ("pipeline check, 1 core", check, "1"),
            (f"pofilter's rules only, {cores} cores", like_pofilter, cores),
            ("pofilter (baseline)", pofilter, None),
        ):
            env = {**os.environ, "PIPELINE_JOBS": jobs} if jobs else None
            runs.setdefault(label, []).append(run_stage(label, command, po.parent, (0, 1), env))
    best = {label: min(times) for label, times in runs.items()}
    entries = po.read_text().count("\nmsgid ") - 1
    print(f"{po}: {entries:,} entries, {len(po.read_text().split()):,} words")
    for label, (seconds, memory) in best.items():
        print(f"  {label:<32} {seconds:7.2f} s {memory:7.0f} MiB (best of 2)")
    ours = best[f"pipeline check, {cores} cores"][0]
    baseline = best["pofilter (baseline)"][0]
    print(f"  pofilter / pipeline check: {baseline / ours:.2f}×")
    like = best[f"pofilter's rules only, {cores} cores"][0]
    print(f"  pofilter / pipeline check with pofilter's rules only: {baseline / like:.2f}×")
    print(f"  parallel speed-up of check: {best['pipeline check, 1 core'][0] / ours:.2f}×")
    rows = [
        [label, f"{seconds:.2f}", f"{memory:,.0f}", f"{baseline / seconds:.2f}×"]
        for label, (seconds, memory) in best.items()
    ]
    header = ["run (best of 2, alternating)", "seconds", "peak MiB", "pofilter ÷ this"]
    publish(
        "big_catalog",
        table(header, rows, right={1, 2, 3}),
        f"{entries:,} entries. Targets: 1.5× pofilter with every rule, 3× with pofilter's "
        f"rules only; memory under 1 GB.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/pipeline-bench/big-catalog", type=Path)
    measure(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
