"""A large catalog is checked in slices on every core, with the findings of one piece: its
workers start before it is read, and suggest for its typos while the corpus rules run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from pipeline.checks.batches import SLICE_FROM

REPO = Path(__file__).resolve().parents[1]


def big_catalog(path: Path) -> None:
    """More entries than SLICE_FROM, with a mistake of each kind every few hundred."""
    catalog = Catalog(locale="da")
    for n in range(SLICE_FROM + 700):
        source = f"Gene therapy step {n} takes {n % 7 + 2} days."
        target = f"Genterapi trin {n} tager {n % 7 + 2} dage."
        if n % 301 == 0:
            target = target.replace(" dage", " uger").replace(f"{n % 7 + 2}", f"{n % 7 + 3}")
        if n % 401 == 0:
            target = f"Genbehandling trin {n} tager {n % 7 + 2} dage"
        if n % 503 == 0:  # typos, suggested for on the workers while the corpus rules run
            target = target.replace("Genterapi", ("Genterpi", "Gentreapi", "Gnterapi")[n % 3])
        if n % 540 == 270:  # once in each of five slices: begun ahead, then found a term
            target = target.replace("Genterapi", "Genteraapi")
        catalog.add(source, target, context=f"help/{n}")
    with path.open("wb") as stream:
        write_po(stream, catalog)
    text = path.read_text().replace(
        '"Language: da\\n"', '"Language: da\\n"\n"X-Source-Language: en\\n"'
    )
    path.write_text(text)


def check(folder: Path, jobs: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", "--format", "json", "--glossary",
         str(REPO / "source/glossary.tbx"), "big.po"],
        cwd=folder, capture_output=True, text=True, env={**os.environ, "PIPELINE_JOBS": jobs},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_slices_on_two_cores_give_the_findings_of_one_piece(tmp_path: Path) -> None:
    big_catalog(tmp_path / "big.po")
    one, two = check(tmp_path, "1"), check(tmp_path, "2")
    assert one == two
    assert '"translation/numbers"' in one
    assert '"term/deprecated"' in one
    assert "did you mean 'Genterapi'" in one
    assert "Genteraapi" not in one  # written five times: a term, whatever was begun for it
    assert one.count('"rule"') >= 2 * ((SLICE_FROM + 700) // 401)
