"""The fast PO reader against babel and polib on real catalogs: agreement and speed.

    python -m tests.benchmarks.po_reader [FOLDER ...]

Every *.po file under the folders is read by our reader (pipeline/catalogs/reader.py),
by babel (through pipeline.catalogs.po, as extract reads) and by polib. For each
active entry the msgctxt, msgid, msgid_plural, msgstr(s), fuzzy flag, translator
comments, reference files and msgid line must agree with babel, and msgctxt, msgid,
plural, msgstr(s) and fuzzy with polib. Without a folder, Django's catalogs (all
languages) are fetched with pip into a temporary folder. Prints the files that differ
and the time each reader took in all.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib

from pipeline.catalogs.po import parse_po, read_po_text
from pipeline.catalogs.reader import parse_entries
from pipeline.project.errors import PipelineError
from tests.benchmarks.publish import publish, table

Read = dict[tuple[str | None, str], tuple[Any, ...]]


def ours(text: str) -> Read | None:
    entries = parse_entries(text)
    if entries is None:
        return None
    return {
        (e.context, e.msgid): (e.plural, e.strings, e.fuzzy, e.comments, e.locations, e.line)
        for e in entries.entries
    }


def babel(text: str) -> Read:
    found = {}
    for m in parse_po(text, "t.po").catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id, None)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        files = tuple(str(location[0]) for location in m.locations)
        found[m.context, ids[0]] = (
            ids[1], tuple(s or "" for s in strings), "fuzzy" in m.flags,
            tuple(m.user_comments), files, m.lineno,
        )  # fmt: skip
    return found


def polib_read(text: str) -> Read:
    found = {}
    for e in polib.pofile(text):
        if e.obsolete or not e.msgid:
            continue
        plural = e.msgid_plural or None
        strings = (
            tuple(e.msgstr_plural[n] for n in sorted(e.msgstr_plural)) if plural else (e.msgstr,)
        )
        found[e.msgctxt, e.msgid] = (plural, strings, "fuzzy" in e.flags)
    return found


def timed(read: Callable[[str], Any], text: str, clock: dict[str, float], name: str) -> Any:
    start = time.perf_counter()
    try:
        return read(text)
    finally:
        clock[name] = clock.get(name, 0.0) + time.perf_counter() - start


def django_catalogs(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "django==5.1.4", "-d", str(folder)],
        check=True,
    )  # fmt: skip
    wheel = next(folder.glob("Django-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder / "django", [n for n in archive.namelist() if n.endswith(".po")])
    return folder / "django"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folders = args.folders or [django_catalogs(Path(scratch))]
        paths = sorted(p for folder in folders for p in folder.rglob("*.po"))
        clock: dict[str, float] = {}
        counts = {"files": 0, "entries": 0, "fallback": 0, "babel fails": 0}
        differ: list[str] = []
        for path in paths:
            try:
                text = read_po_text(path, str(path))
            except PipelineError:
                continue
            counts["files"] += 1
            mine = timed(ours, text, clock, "ours")
            theirs = timed(polib_read, text, clock, "polib")
            try:
                reference = timed(babel, text, clock, "babel")
            except PipelineError:
                counts["babel fails"] += 1
                reference = None
            if mine is None:
                counts["fallback"] += 1  # read by babel instead, so it agrees by construction
                continue
            counts["entries"] += len(mine)
            if reference is not None and mine != reference:
                differ.append(f"babel differs: {path}")
            if {key: value[:3] for key, value in mine.items()} != theirs:
                differ.append(f"polib differs: {path}")
        print(", ".join(f"{value} {name}" for name, value in counts.items()))
        print("\n".join(differ) or "no differences")
        print(", ".join(f"{name} {seconds:.2f} s" for name, seconds in clock.items()))
        print(
            f"ours is {clock['babel'] / clock['ours']:.1f}× babel, {clock['polib'] / clock['ours']:.1f}× polib"
        )
        rows = [
            [
                name,
                f"{seconds:.2f}",
                "1" if name == "ours" else f"ours is {seconds / clock['ours']:.1f}× as fast",
            ]
            for name, seconds in clock.items()
        ]
        agree = (
            "agrees with babel and polib on every entry"
            if not differ
            else f"differs on {len(differ)} catalogs"
        )
        publish(
            "po_reader",
            table(["reader", "seconds", "ratio"], rows, right={1}),
            f"On {counts['files']:,} catalogs ({counts['entries']:,} entries) our reader {agree}.",
        )


if __name__ == "__main__":
    main()
