"""Time from an edit to its diagnostics in `pipeline lsp`, on a 5,000-word Danish document.

    .venv/bin/python -m tests.benchmarks.lsp_latency [--changes 10] [--debounce 0.15]

A copy of the sample project gets a 5,000-word Danish document in place of
source/da/genterapi.md (the three Danish documents' text, repeated, each paragraph of a
repetition numbered so no two paragraphs are the same). `pipeline check` runs once first,
as it has in any project an editor opens (it fills the cache). Then a real client talks to
`pipeline lsp` over stdio: open the document, then edit a paragraph in the middle N times,
each time timing didChange → publishDiagnostics (the debounce included) and checking that
the diagnostics saw the edit. Baseline, in the same run: what an editor plugin without a
server does per change, `pipeline check FILE` as a new process (and the whole project's
`pipeline check`, which the cross-document rules need).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import client_capabilities
from pytest_lsp.client import LanguageClient, make_test_lsp_client

from tests.benchmarks.publish import publish, table
from tests.conftest import copy_of_the_project

DOCUMENT = Path("source/da/genterapi.md")
WORDS = 5000
PIPELINE = [sys.executable, "-m", "pipeline"]


def long_document(root: Path) -> str:
    """About WORDS words of the sample's Danish text, every paragraph distinct."""
    head = (root / DOCUMENT).read_text().split("\n# ", 1)[0]
    bodies = [
        p.read_text().split("\n---\n", 1)[1] for p in sorted((root / "source/da").glob("*.md"))
    ]
    text, part = head + "\n", 0
    while len(text.split()) < WORDS:
        part += 1
        for body in bodies:
            text += re.sub(r"(?m)^(?=[A-ZÆØÅ])", f"Del {part}: ", body)
    return text


def edited(text: str, number: int) -> str:
    """The text with a sentence added mid-document; odd edits use a deprecated term."""
    lines = text.split("\n")
    middle = next(n for n in range(len(lines) // 2, len(lines)) if lines[n].startswith("Del "))
    term = "genbehandling" if number % 2 else "genterapi"
    lines[middle] += f" Ændring {number} handler om {term}."
    return "\n".join(lines)


async def wait_for(
    client: LanguageClient, uri: str, send: object
) -> tuple[float, list[types.Diagnostic]]:
    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    waiting = asyncio.ensure_future(asyncio.wait_for(wait(), 300))
    await asyncio.sleep(0)
    start = time.perf_counter()
    send()  # type: ignore[operator]
    diagnostics = await waiting
    return time.perf_counter() - start, diagnostics


async def server_latencies(
    root: Path, text: str, changes: int, debounce: float
) -> tuple[float, list[float]]:
    client = make_test_lsp_client()
    await client.start_io(*PIPELINE, "lsp", "--debounce", str(debounce), cwd=root)
    await client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("neovim"), root_uri=root.as_uri())
    )
    uri = (root / DOCUMENT).as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
    first, _ = await wait_for(
        client,
        uri,
        lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item)),
    )
    times = []
    for number in range(1, changes + 1):
        change = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(version=number + 1, uri=uri),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(text=edited(text, number))
            ],
        )
        took, diagnostics = await wait_for(
            client, uri, lambda c=change: client.text_document_did_change(c)
        )
        deprecated = any(d.code == "term/deprecated" for d in diagnostics)
        assert deprecated == bool(number % 2), "the diagnostics did not follow the edit"
        times.append(took)
    await client.shutdown_session()
    return first, times


def process_latencies(root: Path, text: str, changes: int, whole: bool) -> list[float]:
    times = []
    for number in range(1, changes + 1):
        (root / DOCUMENT).write_text(edited(text, number))
        start = time.perf_counter()
        paths = [] if whole else [str(DOCUMENT)]
        subprocess.run(
            [*PIPELINE, "check", *paths, "--format", "json"],
            cwd=root,
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
    (root / DOCUMENT).write_text(text)
    return times


def line(name: str, times: list[float]) -> str:
    return (
        f"{name:<44} median {statistics.median(times) * 1000:7.0f} ms   "
        f"max {max(times) * 1000:7.0f} ms   (n={len(times)})"
    )


def cells(times: list[float]) -> list[str]:
    return [f"{statistics.median(times):.2f} s", f"{max(times):.2f} s", str(len(times))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--debounce", type=float, default=0.15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = copy_of_the_project(Path(folder))
        text = long_document(root)
        (root / DOCUMENT).write_text(text)
        print(f"document: {DOCUMENT}, {len(text.split())} words, {text.count(chr(10))} lines")
        subprocess.run(
            [*PIPELINE, "check"], cwd=root, capture_output=True, check=False
        )  # warm cache
        first, times = asyncio.run(server_latencies(root, text, args.changes, args.debounce))
        print(f"pipeline lsp: first diagnostics after opening {first * 1000:.0f} ms")
        print(line(f"pipeline lsp, change → diagnostics (debounce {args.debounce:g} s)", times))
        one_file = process_latencies(root, text, 5, False)
        project = process_latencies(root, text, 5, True)
        print(line("baseline: `pipeline check FILE` per change", one_file))
        print(line("baseline: `pipeline check` (project) per change", project))
        rows = [
            [
                f"`pipeline lsp`, edit → diagnostics ({args.debounce:g} s debounce included)",
                *cells(times),
            ],
            ["baseline: a new `pipeline check FILE` process per change", *cells(one_file)],
            ["baseline: a new `pipeline check` of the project per change", *cells(project)],
        ]
        publish(
            "lsp_latency",
            table(["run", "median", "max", "n"], rows, right={1, 2, 3}),
            f"A {len(text.split()):,}-word Danish document; first diagnostics after opening "
            f"{first:.2f} s.",
        )


if __name__ == "__main__":
    main()
