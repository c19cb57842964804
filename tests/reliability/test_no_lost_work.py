"""No translator's work is ever lost: random edits, round trips, races, interruptions."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.project.config import load_config
from pipeline.project.files import write_atomic
from pipeline.source.tree import load_sources
from pipeline.stages.extract import extract_project

from ..conftest import REPO, msgfmt_check, run_cli

PARAGRAPHS = [f"Afsnit nummer {n} handler om genterapi og vektorer i cellerne." for n in range(8)]
EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "change", "move"]),
        st.integers(min_value=0, max_value=20),
        st.text(alphabet="abcdefæøå ", min_size=3, max_size=12),
    ),
    min_size=1,
    max_size=6,
)


def write_document(root: Path, paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    (root / "source/da/doc.md").write_text(f"---\ntitle: Dokument\nlang: da\n---\n\n{body}\n")


def extract(root: Path) -> None:
    config = load_config(root / "pyproject.toml", {})
    extract_project(config)


def all_translations(po_file: Path) -> set[str]:
    catalog = polib.pofile(str(po_file))
    return {entry.msgstr for entry in catalog if entry.msgstr} | {
        entry.msgstr for entry in catalog.obsolete_entries() if entry.msgstr
    }


def apply(paragraphs: list[str], edits: list[tuple[str, int, str]]) -> list[str]:
    result = list(paragraphs)
    for kind, position, text in edits:
        index = position % max(len(result), 1)
        if kind == "insert":
            result.insert(index, f"Nyt afsnit {text}.")
        elif kind == "delete" and len(result) > 1:
            result.pop(index)
        elif kind == "change" and result:
            result[index] = result[index].rstrip(".") + f" {text}."
        elif kind == "move" and len(result) > 1:
            result.append(result.pop(index))
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=EDITS, second=EDITS)
def test_random_edits_never_lose_a_translation(
    first: list[tuple[str, int, str]], second: list[tuple[str, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "source/da").mkdir(parents=True)
        (root / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["da", "en"]\n')
        write_document(root, PARAGRAPHS)
        extract(root)
        po_file = root / "locales/en/LC_MESSAGES/doc.po"
        catalog = polib.pofile(str(po_file))
        for entry in catalog:
            entry.msgstr = f"EN {entry.msgid}"
        catalog.save()
        before = all_translations(po_file)
        edited = apply(PARAGRAPHS, first)
        write_document(root, edited)
        extract(root)
        write_document(root, apply(edited, second))
        extract(root)
        assert before <= all_translations(po_file)  # active, fuzzy or obsolete
        assert msgfmt_check(po_file).returncode == 0


class MainText(HTMLParser):
    """The text of <main>, without the table of contents."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        if tag == "nav":
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1
        if tag == "nav":
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join("".join(parser.parts).split())


def test_round_trip_copying_the_source_gives_the_source_text(tmp_path: Path) -> None:
    for name in ("source", "pyproject.toml"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, tmp_path / name)
    extract(tmp_path)
    for po_file in (tmp_path / "locales").glob("*/LC_MESSAGES/*.po"):
        catalog = polib.pofile(str(po_file))
        for entry in catalog:
            entry.msgstr = entry.msgid
        catalog.save()
    config = load_config(tmp_path / "pyproject.toml", {})
    from pipeline.stages.export import export

    export(config, load_sources(config), config.locales, ("html",))
    pages = 0
    for source in (tmp_path / "source").glob("*/*.md"):
        own, other = source.parent.name, "en" if source.parent.name == "da" else "da"
        original = MainText.of((tmp_path / f"build/html/{own}/{source.stem}.html").read_text())
        copied = MainText.of((tmp_path / f"build/html/{other}/{source.stem}.html").read_text())
        assert copied == original, source.name
        pages += 1
    assert pages == 6


def test_two_extract_runs_at_once_leave_valid_catalogs(project) -> None:  # type: ignore[no-untyped-def]
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    po_file = root / "locales/en/LC_MESSAGES/vektorer.po"
    catalog = polib.pofile(str(po_file))
    for entry in catalog:
        entry.msgstr = f"EN {entry.msgid}"
    catalog.save()
    source = root / "source/da/vektorer.md"
    for round_ in range(3):
        source.write_text(source.read_text() + f"\nTilføjet afsnit {round_}.\n")
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "pipeline", "extract"],
                cwd=root,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        for run in runs:
            assert run.wait(timeout=120) == 0, run.stderr.read() if run.stderr else ""
        assert msgfmt_check(po_file).returncode == 0
        assert {f"EN {e.msgid}" for e in catalog if e.msgid} <= all_translations(po_file)


def test_interrupted_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "catalog.po"
    target.write_text("the translator's work\n")

    def killed(_: int) -> None:
        raise KeyboardInterrupt  # as if the process were stopped between write and rename

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "half of a new fi")
    assert target.read_text() == "the translator's work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.po"]  # no temporary file left


def test_a_killed_writer_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "big.po"
    old, new = "old line\n" * 200_000, "new line\n" * 3_000_000
    target.write_text(old)
    (tmp_path / "old.txt").write_text(old)
    script = (
        "import sys\nfrom pathlib import Path\nfrom pipeline.project.files import write_atomic\n"
        "target, old = Path(sys.argv[1]), Path(sys.argv[2]).read_text()\n"
        "new = 'new line\\n' * 3_000_000\n"
        "while True:\n    write_atomic(target, new)\n    write_atomic(target, old)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(target), str(tmp_path / "old.txt")], cwd=REPO
    )
    time.sleep(1.5)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert target.read_text() in {old, new}  # the whole old file or the whole new one
