"""Run the pipeline on a real documentation set nobody here wrote, and follow every link.

    python -m tests.benchmarks.real_docs [DOCS_FOLDER]

With no folder it fetches Node.js's API reference (64 Markdown files, about 400k words,
cross-linked) from Debian's nodejs-doc package with `apt-get download`. It copies the
Markdown into a fresh project (English sources, a Danish locale), runs extract, export
(HTML) and check, then follows every relative link and anchor of every exported page,
and prints what worked: the figures the README quotes. First it times a first extract
against mdpo's md2po on the same files; last, a re-check after one edited paragraph and
after one edited translation (best of 3), against the check with nothing changed and
against pofilter on the same catalogs.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import polib

from tests.benchmarks.publish import publish, table

PIPELINE = [sys.executable, "-m", "pipeline"]


def fetch_node_docs(into: Path) -> Path:
    """Node.js's API docs from Debian's nodejs-doc package (MIT licence)."""
    subprocess.run(["apt-get", "download", "nodejs-doc"], cwd=into, check=True, capture_output=True)
    package = next(into.glob("nodejs-doc_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(package), str(into / "deb")], check=True)
    docs = into / "docs"
    docs.mkdir()
    for path in (into / "deb/usr/share/doc/nodejs/api").iterdir():
        if path.name.endswith(".md.gz"):
            (docs / path.name[:-3]).write_bytes(gzip.decompress(path.read_bytes()))
        elif path.suffix == ".md":
            shutil.copy(path, docs / path.name)
    return docs


class Page(HTMLParser):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("name"):  # browsers scroll to <a name> too (got's docs)
            self.ids.add(str(found["name"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def follow_links(html: Path) -> Counter[str]:
    """Every relative link of every page: does its file exist, and its anchor?"""
    pages = {path: Page(path) for path in html.rglob("*.html")}
    counts: Counter[str] = Counter()
    for path, page in pages.items():
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href == "#Main":
                continue
            counts["relative links"] += 1
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target not in pages and not target.is_file():
                counts["broken: no such file"] += 1
            elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                counts["broken: no such anchor"] += 1
    return counts


def run(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run([*PIPELINE, *args], cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, done


def extract_against_md2po(project: Path, files: list[Path]) -> None:
    """A first extract (no catalogs, no cache) against mdpo's md2po on the same files,
    alternating, best of two: the README's ratio on real docs."""
    from tests.benchmarks.bench_corpus import BIN, MD2PO_SCRIPT, PYTHON, run_stage

    times: dict[str, list[float]] = {"extract": [], "md2po": []}
    for _ in range(2):
        shutil.rmtree(project / "locales", ignore_errors=True)
        command = [str(BIN / "pipeline"), "extract", "--no-cache"]
        times["extract"].append(run_stage("extract", command, project)[0])
        md2po = [PYTHON, "-c", MD2PO_SCRIPT, *map(str, files)]
        times["md2po"].append(run_stage("md2po", md2po, project)[0])
    ours, theirs = min(times["extract"]), min(times["md2po"])
    print(
        f"first extract {ours:.2f} s, md2po {theirs:.2f} s (best of 2): "
        f"{theirs / ours:.2f}× md2po (target 2×)"
    )


def best_of(
    times: int, command: list[str], project: Path, edit: Callable[[], Callable[[], None]]
) -> float:
    """Seconds of the best of `times` runs of `command`, each after `edit()` (which returns
    what to put back); between runs the file is restored and the cache warmed again."""
    from tests.benchmarks.bench_corpus import run_stage

    best = float("inf")
    for _ in range(times):
        undo = edit()
        best = min(best, run_stage("re-check", command, project, (0, 1))[0])
        undo()
        run_stage("warm", command, project, (0, 1))
    return best


def recheck_times(project: Path, files: list[Path]) -> None:
    """A re-check after one edit (the cache filled by the check before), best of 3: a
    writer's edit to one source paragraph, a translator's to one catalog entry; against
    the check with nothing changed and pofilter on the same catalogs."""
    from tests.benchmarks.bench_corpus import BIN, compile_package, run_stage

    check = [str(BIN / "pipeline"), "check"]
    compile_package()
    for _ in range(2):
        run_stage("warm", check, project, (0, 1))
    source = next(path for path in files if " the " in path.read_text(encoding="utf-8"))
    catalog = sorted((project / "locales/da").rglob("*.po"))[0]

    def restoring(path: Path, text: str) -> Callable[[], None]:
        def restore() -> None:
            path.write_text(text, encoding="utf-8")

        return restore

    def edit_source() -> Callable[[], None]:
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace(" the ", " a ", 1), encoding="utf-8")
        return restoring(source, text)

    def edit_translation() -> Callable[[], None]:
        text = catalog.read_text(encoding="utf-8")
        po = polib.pofile(str(catalog))
        entry = next(entry for entry in po if entry.msgid and not entry.msgstr)
        entry.msgstr = "Oversat: " + entry.msgid
        po.save()
        return restoring(catalog, text)

    unchanged = best_of(3, check, project, lambda: lambda: None)
    pofilter = [str(BIN / "pofilter"), "-i", str(project / "locales"), "-o", str(project / "pf")]
    filtering = run_stage("pofilter", pofilter, project)[0]
    print(f"check, nothing changed: {unchanged:.2f} s (best of 3); pofilter {filtering:.2f} s")
    rows = [["nothing changed", f"{unchanged:.2f}", f"{filtering / unchanged:.1f}×"]]
    for label, edit in (("source paragraph", edit_source), ("translation", edit_translation)):
        seconds = best_of(3, check, project, edit)
        print(
            f"re-check after one {label} edited: {seconds:.2f} s (best of 3; target under 1 s), "
            f"{seconds / unchanged:.2f}× nothing changed, {filtering / seconds:.1f}× pofilter"
        )
        rows.append([f"one {label} edited", f"{seconds:.2f}", f"{filtering / seconds:.1f}×"])
    rows.append(["baseline: pofilter on the same catalogs", f"{filtering:.2f}", "1×"])
    header = ["pipeline check, re-check (best of 3)", "seconds", "pofilter ÷ this"]
    publish("real_docs_recheck", table(header, rows, right={1, 2}))


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        docs = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch_node_docs(work)
        project = work / "project"
        shutil.copytree(docs, project / "source", ignore=shutil.ignore_patterns(".*"))
        (project / "pyproject.toml").write_text(
            '[project]\nname = "real-docs"\n\n[tool.pipeline]\n'
            'locales = ["en", "da"]\nsource-language = "en"\n'
        )
        files = sorted((project / "source").rglob("*.md"))
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
        print(f"{len(files)} Markdown files, {words} words, from {docs}")
        extract_against_md2po(project, files)
        for step in (["extract"], ["export", "--format", "html"]):
            seconds, done = run([*step, "--no-cache"], project)
            print(f"{' '.join(step)}: exit {done.returncode} in {seconds:.1f} s")
            if done.returncode not in (0, 1):
                print(done.stderr)
                return
        seconds, done = run(["check", "--no-cache", "--format", "json"], project)
        rules = Counter(finding["rule"] for finding in json.loads(done.stdout or "[]"))
        print(f"check: exit {done.returncode} in {seconds:.1f} s; {done.stderr.splitlines()[-1]}")
        print(f"  links/broken in the sources: {rules['links/broken']}")
        html = project / "build/html"
        pages = len(list(html.rglob("*.html")))
        print(f"exported {pages} HTML pages")
        for name, count in sorted(follow_links(html).items()):
            print(f"  {name}: {count}")
        recheck_times(project, files)


if __name__ == "__main__":
    main()
