"""The committed real page pairs (tests/align/realpairs) agree with their truth files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.source.markdown import read_document
from pipeline.source.units import split_units

REALPAIRS = Path(__file__).parent / "realpairs"
TRUTHS = sorted(REALPAIRS.glob("*.truth.json"))


def units(path: Path) -> int:
    return len(list(split_units(read_document(path))))


def test_fixture_pages_are_libreoffice_help_under_the_mpl() -> None:
    sources = {json.loads(path.read_text(encoding="utf-8"))["source"] for path in TRUTHS}
    assert sources == {"libreoffice"}
    assert len(TRUTHS) >= 3
    assert "MPL-2.0" in (REALPAIRS / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("truth_file", TRUTHS, ids=lambda path: path.name.split(".")[0])
def test_truth_indices_are_within_the_units(truth_file: Path) -> None:
    name = truth_file.name.removesuffix(".truth.json")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    assert truth["split"] == "tune"
    for original, translation in (("da", "en"), ("en", "da")):
        case = truth[f"{original}-{translation}"]
        assert case["original"] == f"{name}.{original}.md"
        assert case["translation"] == f"{name}.{translation}.perturbed.md"
        pieces = units(REALPAIRS / case["translation"])
        assert len(case["truth"]) == units(REALPAIRS / case["original"])
        assert all(0 <= index < pieces for found in case["truth"] for index in found)
        # The unperturbed pages translate each other unit for unit.
        assert units(REALPAIRS / f"{name}.{original}.md") == units(
            REALPAIRS / f"{name}.{translation}.md"
        )
