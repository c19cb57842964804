"""The aligner on real human-translated help pages whose structure was perturbed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.align.pairing import align_documents, align_units
from pipeline.source.markdown import read_document
from pipeline.source.units import Unit, split_units
from tests.benchmarks.align_real import Score, by_position, gale_church

REALPAIRS = Path(__file__).parent / "realpairs"
DIRECTIONS = ("da-en", "en-da")


def units(path: Path) -> list[Unit]:
    return list(split_units(read_document(path)))


def cases() -> list[tuple[list[Unit], list[Unit], list[list[int]]]]:
    found = []
    for truth_file in sorted(REALPAIRS.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for direction in DIRECTIONS:
            case = truth[direction]
            original = units(REALPAIRS / case["original"])
            translation = units(REALPAIRS / case["translation"])
            found.append((original, translation, case["truth"]))
    return found


def score(aligner: object) -> Score:
    total = Score()
    for original, translation, truth in cases():
        pairs = [
            (p[0], p[1]) if isinstance(p, tuple) else (p.original, p.translation)
            for p in aligner(original, translation)
        ]  # type: ignore[operator]
        total.add(pairs, truth, len(translation))
    return total


def test_pairs_are_right_97_times_in_100_and_leave_few_gaps_on_real_pages() -> None:
    ours = score(align_units)
    assert ours.precision >= 0.97
    assert ours.recall >= 0.85


def test_it_is_ahead_of_position_and_length_alone_on_the_same_pages() -> None:
    ours, length, position = score(align_units), score(gale_church), score(by_position)
    assert ours.precision > length.precision > position.precision
    assert ours.correct > length.correct


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_a_translation_of_another_page_does_not_match(direction: str) -> None:
    pages = sorted(REALPAIRS.glob("*.truth.json"))
    first, second = (json.loads(path.read_text(encoding="utf-8"))[direction] for path in pages[:2])
    original = units(REALPAIRS / first["original"])
    assert align_documents(original, units(REALPAIRS / first["translation"])).matches
    assert not align_documents(original, units(REALPAIRS / second["translation"])).matches


def test_glossary_terms_count_as_anchors_in_both_languages(tmp_path: Path) -> None:
    original = units_of(
        tmp_path / "da.md", "Genterapi virker\n\nVi taler om genterapi og vektorer."
    )
    translation = units_of(
        tmp_path / "en.md", "Gene therapy works\n\nWe talk about gene therapy and vectors."
    )
    terms = {"genterapi": "≡1", "gene therapy": "≡1", "vektor": "≡2", "vector": "≡2"}
    with_terms = align_units(original, translation, terms)
    assert [(p.original, p.translation) for p in with_terms] == [((0,), (0,)), ((1,), (1,))]
    assert with_terms[1].cost < align_units(original, translation)[1].cost


def units_of(path: Path, text: str) -> list[Unit]:
    path.write_text(text, encoding="utf-8")
    return list(split_units(read_document(path, lang=path.stem)))


# The Debian installation guide's amd64 pages against the arm64 edition's Danish, where a
# section of its own stands: shared section numbers paired "Laptops" with it, and the
# next sections shifted by one, paragraphs with them.
EDITION_EN = """# 2.1. Supported Hardware

Debian does not impose hardware requirements beyond those of the Linux kernel.

## <a id="idm265"></a>2.1.2. Laptops

From a technical point of view, laptops are normal PCs, so all information regarding PC
systems applies to laptops as well.

## <a id="gfx"></a>2.1.3. Graphics Hardware Support

On modern PCs, a graphical display usually works out of the box.
"""
EDITION_DA = """# 2.1. Understøttet udstyr

Debian indfører ikke udstyrskrav udover kravene fra Linux-kernen.

## <a id="idm274"></a>2.1.2. Platforme understøttet af Debian/arm64

Arm64/AArch64/ARMv8-udstyr blev tilgængelig ret sent i udgivelsescyklussen for Debian
Bookworm, så få platforme havde understøttelse i hovedudgivelsens kerneversion.

## <a id="gfx"></a>2.1.3. Understøttelse af grafikudstyr

På moderne pc'er virker en grafisk skærm som regel med det samme.
"""


def test_a_heading_is_paired_on_what_it_says_not_on_its_section_number(tmp_path: Path) -> None:
    original = units_of(tmp_path / "en.md", EDITION_EN)
    translation = units_of(tmp_path / "da.md", EDITION_DA)
    pairs = {p.original: p.translation for p in align_documents(original, translation).pairs}
    assert pairs[(0,)] == (0,)
    assert (2,) not in pairs  # "Laptops" has no counterpart in the arm64 edition
    assert (3,) not in pairs
    assert pairs[(4,)] == (4,)  # the anchor both keep: `gfx`
    assert pairs[(5,)] == (5,)


def test_whether_another_page_matches_is_the_same_in_every_process() -> None:
    """The shuffles that tell order from chance (`matches`, for pages paired half-way)
    took the kinds of blocks in a set's order, which Python's string hashing changes
    per process: on the benchmark's tune pages 11 or 14 other pages passed as
    translations, depending on the run."""
    script = (
        "from tests.align.test_pairing import REALPAIRS, units;"
        "from pipeline.align.evidence import profile;"
        "from pipeline.align.pairing import _shuffled;"
        "page = sorted(REALPAIRS.glob('*.en.md'))[-1];"
        "pieces = [profile(unit) for unit in units(page)];"
        "where = {id(piece): at for at, piece in enumerate(pieces)};"
        "print([[where[id(piece)] for piece in _shuffled(pieces, seed)] for seed in (0, 1)])"
    )
    orders = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=Path(__file__).parents[2],  # where `tests` imports from
        ).stdout
        for seed in range(6)
    }
    assert len(orders) == 1


LIST_EN = """# Information

You can find information about your treatment in:

- The leaflet that comes with each medicine.
- The letters from the hospital. They tell you when to come, what to bring and which
  tests you will have. Often the letter also names the ward, for example **Ward 4** or
  **Ward 12**, but some hospitals use other names. Usually the letter ends with a phone
  number you can call if you have questions before the day of the treatment.
- The boxes and packs of each drug you take.
- The app that your region offers for patients.
- Your own doctor or the nurse at the ward, who can explain the results of your tests
  and what they mean for your treatment.
- Patient groups and their websites. They can tell you about the experience of other
  patients and put you in touch with them.
"""

# The translation lacks the item about the app (as the Debian installation guide's
# Danish lacks "The System window in the Windows Control Panel").
LIST_DA = """# Information

Du kan finde information om din behandling i:

- Indlægssedlen, der følger med hver medicin.
- Brevene fra hospitalet. De fortæller dig, hvornår du skal komme, hvad du skal have
  med, og hvilke prøver du skal have taget. Ofte står afdelingen også i brevet, for
  eksempel **Afsnit 4** eller **Afsnit 12**, men nogle hospitaler bruger andre navne.
  Som regel slutter brevet med et telefonnummer, du kan ringe til, hvis du har
  spørgsmål før dagen.
- Æskerne og pakningerne til hvert lægemiddel.
- Din egen læge eller sygeplejersken på afsnittet, som kan forklare resultaterne af
  dine prøver, og hvad de betyder for din behandling.
- Patientforeninger og deres hjemmesider. De kan fortælle om andre patienters
  erfaringer og sætte dig i forbindelse med dem.
"""


def test_an_item_the_translation_lacks_leaves_gaps_not_a_shifted_pair(tmp_path: Path) -> None:
    """The path merged the long item about letters with the short one after it, to
    leave the app's item out at no cost: the letters, a clear pair (Ward 4, Ward 12),
    were left empty, and the app took the boxes' translation."""
    english, danish = units_of(tmp_path / "en.md", LIST_EN), units_of(tmp_path / "da.md", LIST_DA)
    pairs = {english[p.original[0]].text[:20]: danish[p.translation[0]].text[:20]
             for p in align_units(english, danish)}  # fmt: skip
    assert pairs["The letters from the"] == "Brevene fra hospital"
    assert "The app that your re" not in pairs  # the boxes' item cannot be told from it
    assert pairs["Your own doctor or t"] == "Din egen læge eller "
