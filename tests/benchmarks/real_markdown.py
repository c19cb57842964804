"""Real Markdown against GitHub's renderer, and the PO round trip against mdpo and po4a.

    python -m tests.benchmarks.real_markdown [DOCS_FOLDER]

With no folder it fetches the READMEs and docs pages of published npm packages
(`npm pack`) and PyPI sdists (`pip download`) into a temporary folder: every `.md` over
2 kB that is not a changelog or licence. It prints the figures the README quotes:

1. What a reader sees, per construct, on GitHub (cmark-gfm) and on our exported page.
2. The identity round trip (every msgstr = its msgid): files given back byte for byte,
   and files that render as the source does, by us, mdpo (md2po + po2md) and po4a.
3. Time: writing translated Markdown for the whole set against extract on it, and
   against md2po + po2md, in the same run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

import polib

from tests.benchmarks.publish import publish, table
from tests.export.github import github_html, shown, without_front_matter

PIPELINE = [sys.executable, "-m", "pipeline"]
NPM = [
    "axios",
    "prettier",
    "vite",
    "zod",
    "date-fns",
    "chalk",
    "commander",
    "express",
    "tailwindcss",
    "eslint",
    "webpack",
    "sharp",
    "socket.io",
    "husky",
    "nodemon",
    "turbo",
    "react-router",
    "pnpm",
    "ky",
    "got",
    "execa",
    "ora",
    "yargs",
    "dotenv",
    "jest",
    "vitest",
    "playwright",
    "puppeteer",
    "electron-builder",
    "nx",
]
PYPI = [
    "rich",
    "httpx",
    "typer",
    "textual",
    "pydantic",
    "fastapi",
    "polars",
    "black",
    "mkdocs-material",
]
SKIP = ("changelog", "license", "licence", "history", "third-party", "/test")


def fetch(into: Path) -> Path:
    """READMEs and docs of published packages (each under its own licence)."""
    packed = into / "packed"
    packed.mkdir()
    for name in NPM:
        subprocess.run(["npm", "pack", name, "--silent"], cwd=packed, capture_output=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", *PYPI],
        cwd=packed,
        capture_output=True,
    )
    docs = into / "docs"
    for archive in sorted(packed.iterdir()):
        with tarfile.open(archive) as tar:
            tar.extractall(into / "unpacked" / archive.name, filter="data")
    for path in sorted((into / "unpacked").rglob("*.md")):
        relative = path.relative_to(into / "unpacked").as_posix().lower()
        if path.stat().st_size > 2000 and not any(skip in relative for skip in SKIP):
            target = docs / relative.split("/")[0].removesuffix(".tgz") / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copy(path, target)
    return docs


def project_of(docs: Path, root: Path) -> list[tuple[Path, str]]:
    """The documents as one English project; (original, document name) pairs."""
    pairs = []
    for path in sorted(docs.rglob("*.md")):
        name = f"{path.parent.name}-{path.stem.lower()}"
        target = root / "source/en" / f"{name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
        pairs.append((path, name))
    (root / "pyproject.toml").write_text(
        '[tool.pipeline]\nlocales = ["en", "da"]\n[tool.pipeline.export]\nmin-translated = 0\n'
    )
    return pairs


def timed(command: list[str], cwd: Path, runs: int = 3) -> float:
    """The best of `runs` wall-clock times of a command (the machine's noise is large)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
        best = min(best, time.perf_counter() - start)
    return best


def identity_catalogs(root: Path) -> None:
    for path in (root / "locales/da/LC_MESSAGES").rglob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = entry.msgid
        catalog.save()


def renders_alike(a: str, b: str) -> bool:
    one, other = shown(github_html(a)), shown(github_html(b))
    return one.counts == other.counts and one.links == other.links and one.words == other.words


def pandoc_counts(markdown: str) -> Counter[str]:
    """What pandoc's GitHub reader shows (its alerts are divs of class note, warning …)."""
    if shutil.which("pandoc") is None:
        return Counter()
    done = subprocess.run(
        ["pandoc", "-f", "gfm", "-t", "html"], input=markdown, capture_output=True, text=True
    )
    counts = shown(done.stdout).counts
    counts["alerts"] += sum(done.stdout.count(f'<div class="{kind}">') for kind in ALERT_KINDS)
    return counts


ALERT_KINDS = ("note", "tip", "important", "warning", "caution")


def mdpo_round_trip(path: Path, work: Path) -> str:
    from mdpo.md2po import markdown_to_pofile
    from mdpo.po2md import pofile_to_markdown

    catalog = markdown_to_pofile(str(path))
    for entry in catalog:
        entry.msgstr = entry.msgid
    po = work / "mdpo.po"
    catalog.save(str(po))
    return str(pofile_to_markdown(str(path), str(po)))


def po4a_round_trip(path: Path, work: Path) -> str | None:
    if shutil.which("po4a-updatepo") is None:
        return None
    po, out = work / "po4a.po", work / "po4a.md"
    base = ["-f", "text", "-o", "markdown", "-M", "UTF-8", "-m", str(path)]
    subprocess.run(["po4a-updatepo", *base, "-p", str(po)], capture_output=True)
    if not po.exists():
        return ""
    catalog = polib.pofile(str(po))
    for entry in catalog:
        entry.msgstr = entry.msgid
    catalog.save()
    subprocess.run(
        ["po4a-translate", *base, "-p", str(po), "-l", str(out), "-k", "0", "-L", "UTF-8"],
        capture_output=True,
    )
    return out.read_text(encoding="utf-8") if out.exists() else ""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docs = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch(work)
        root = work / "project"
        pairs = project_of(docs, root)
        print(
            f"{len(pairs)} real Markdown documents from {len({p.parent for p, _ in pairs})} packages"
        )
        extract = timed([*PIPELINE, "extract", "--no-cache"], root)
        timed([*PIPELINE, "export", "--format", "html", "--locale", "en"], root, runs=1)
        identity_catalogs(root)
        write = timed([*PIPELINE, "export", "--format", "markdown", "--locale", "da"], root)

        github: Counter[str] = Counter()
        by_pandoc: Counter[str] = Counter()
        ours: Counter[str] = Counter()
        complete = 0
        results = Counter()
        mdpo_time = 0.0
        for original, name in pairs:
            source = original.read_text(encoding="utf-8")
            theirs = shown(github_html(without_front_matter(source)))
            page = shown((root / f"build/html/en/{name}.html").read_text(), main_only=True)
            github.update(theirs.counts)
            by_pandoc.update(pandoc_counts(source))
            ours.update({k: min(page.counts[k], v) for k, v in theirs.counts.items()})
            complete += all(page.counts[k] >= v for k, v in theirs.counts.items())
            written = (root / f"build/markdown/da/{name}.md").read_text(encoding="utf-8")
            results["us byte"] += written == source
            results["us render"] += renders_alike(written, source)
            start = time.perf_counter()
            try:
                by_mdpo = mdpo_round_trip(original, work)
            except Exception:  # mdpo fails on some real files: count it as not given back
                by_mdpo = ""
            mdpo_time += time.perf_counter() - start
            results["mdpo byte"] += by_mdpo == source
            results["mdpo render"] += bool(by_mdpo) and renders_alike(by_mdpo, source)
            by_po4a = po4a_round_trip(original, work)
            if by_po4a is not None:
                results["po4a byte"] += by_po4a == source
                results["po4a render"] += bool(by_po4a) and renders_alike(by_po4a, source)

        print("\nWhat a reader sees (GitHub's cmark-gfm; pandoc -f gfm; of GitHub's, on our page):")
        for kind in sorted(github):
            theirs_too = f"{by_pandoc[kind]:6}" if shutil.which("pandoc") else "     -"
            print(f"  {kind:22} GitHub {github[kind]:6}   pandoc {theirs_too}   us {ours[kind]:6}")
        print(f"  documents complete     {complete} of {len(pairs)}")
        print("\nIdentity round trip (every msgstr = its msgid):")
        for tool in ("us", "mdpo", "po4a"):
            if f"{tool} byte" in results or tool == "us":
                print(
                    f"  {tool:5} byte for byte {results[f'{tool} byte']:4} of {len(pairs)}, "
                    f"renders as the source {results[f'{tool} render']:4}"
                )
        print("\nTime (same run):")
        print(f"  extract --no-cache (baseline)  {extract:7.2f} s   (best of 3, each)")
        print(f"  translated Markdown, all files {write:7.2f} s   {write / extract:.2f}x extract")
        print(
            f"  mdpo md2po + po2md, in process {mdpo_time:7.2f} s   {mdpo_time / write:.2f}x ours"
        )
        rows = [
            ["`pipeline extract --no-cache`, first run", f"{extract:.2f}", "1"],
            [
                f"`pipeline export --format markdown` ({len(pairs)} files)",
                f"{write:.2f}",
                f"{write / extract:.2f}× extract",
            ],
            [
                "baseline: `md2po` + `po2md` in one process",
                f"{mdpo_time:.2f}",
                f"{mdpo_time / write:.2f}× ours",
            ],
        ]
        kept = ", ".join(
            f"{tool} {results[f'{tool} byte']} byte for byte, {results[f'{tool} render']} "
            "rendering as the source"
            for tool in ("us", "mdpo", "po4a")
            if f"{tool} byte" in results or tool == "us"
        )
        publish(
            "real_markdown",
            table(["run", "seconds", "ratio"], rows, right={1}),
            f"{len(pairs)} documents from {len({p.parent for p, _ in pairs})} packages; "
            f"best of 3 for ours. Identity round trip of {len(pairs)}: {kept}; "
            f"{complete} of {len(pairs)} documents show all GitHub shows.",
        )


if __name__ == "__main__":
    main()
