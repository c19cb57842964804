"""The numbers sets built by a helper who does not tune the rule (#29): software_numbers_
heldout6.toml to _heldout13.toml hold text no other set holds, all held out, each entry
naming its origin; each is measured once by the lead (the floors are elsewhere)."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from .evaluation import HELD_OUT, entries, help_sample, software_sample


@dataclass(frozen=True)
class Made:
    """What a set was made to hold: its size, its labels and its origins."""

    number: str  # its name in the evaluation's tables
    entries: int
    errors: int
    warnings: int
    random: int
    packages: int
    origins: frozenset[str]
    per_origin: int  # entries of the smallest origin


SETS = {
    "held-out6": Made(
        "8", 530, 28, 21, 397, 280,
        frozenset({"pypi", "npm", "debian-qt", "debian13", "debian-forky"}), 20,
    ),
    "held-out7": Made(
        "9", 530, 32, 33, 354, 250,
        frozenset({"debian11", "debian-sid", "debian-experimental", "debian12-qt",
                   "debian-other", "pypi"}), 15,
    ),
    "held-out8": Made(
        "10", 395, 15, 4, 365, 225, frozenset({"debconf", "source-po"}), 35,
    ),
    "held-out9": Made(
        "11", 979, 471, 68, 364, 938,
        frozenset({"ddtp-trixie", "ddtp-bookworm", "ddtp-bullseye", "ddtp-sid", "ddtp-forky"}), 1,
    ),
    "held-out10": Made(
        "12", 362, 5, 0, 343, 52,
        frozenset({"gnome-help-deb12", "mate-help-deb12", "gnome-help-deb13", "mate-help-deb13",
                   "man-da-deb12"}), 1,
    ),
    "held-out11": Made("13", 332, 5, 0, 323, 3, frozenset({"github"}), 18),
    # real entries and 63 errors typed into real entries ("seeded errors")
    "held-out12": Made("14", 431, 63, 1, 343, 2, frozenset({"debian-xpi"}), 431),
    # Chromium's Danish locale: real entries and 63 seeded errors
    "held-out13": Made("15", 281, 63, 0, 213, 1, frozenset({"debian-pak"}), 281),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SETS))
def test_a_fresh_held_out_set_is_new_and_held_out(name: str) -> None:
    made = SETS[name]
    held = [item for item in software_sample() if item.set == made.number]
    others = [item for item in software_sample() if item.set != made.number]
    assert HELD_OUT[name][0] == made.number
    assert len(held) >= made.entries
    assert {item.split for item in held} == {"held-out"}
    assert sum(item.expected == "error" for item in held) >= made.errors
    assert sum(item.expected == "warning" for item in held) >= made.warnings
    assert sum(item.entry.group == "random" for item in held) >= made.random
    assert len({item.entry.catalog.split()[0] for item in held}) >= made.packages
    sources = {item.entry.source for item in held}
    assert not sources & {item.entry.source for item in others}
    assert not sources & {entry.source for entry in entries()}
    assert not sources & {entry.source for entry in help_sample()}
    # a real problem or an instructive look-alike says why
    assert all(
        item.entry.why for item in held if item.expected != "none" or item.entry.group != "random"
    )
    # an entry appears once
    assert len({(item.entry.source, item.entry.target) for item in held}) == len(held)


@pytest.mark.parametrize("name", sorted(SETS))
def test_a_fresh_set_names_where_each_entry_comes_from(name: str) -> None:
    """Each entry says which kind of catalog it comes from, so a figure can be read per
    origin; the held-out sources (the Debian installation guide, the Debian Edu manual,
    the LibreOffice help) are in none of them."""
    made = SETS[name]
    path = Path(__file__).with_name(f"software_numbers_{name.replace('-', '')}.toml")
    with path.open("rb") as file:
        pairs = tomllib.load(file)["pair"]
    origins = Counter(pair["origin"] for pair in pairs)
    assert set(origins) == made.origins
    assert min(origins.values()) >= made.per_origin
    packages = {pair["package"] for pair in pairs}
    assert not {p for p in packages if p.startswith(("debian-edu", "installation-guide"))}
    assert not [
        pair for pair in pairs if "/help" in pair["file"] and "libreoffice" in pair["package"]
    ]


@pytest.mark.parametrize("name", ["held-out12", "held-out13"])
def test_a_seeded_error_is_one_number_error_typed_into_a_real_entry(name: str) -> None:
    """The seeded errors of the twelfth and thirteenth sets are real, correct entries with
    one number error typed into the Danish: each keeps its English and says what was
    changed, the Danish it came from is recorded, and none repeats an entry drawn at random
    or any other entry of its set."""
    path = Path(__file__).with_name(f"software_numbers_{name.replace('-', '')}.toml")
    with path.open("rb") as file:
        pairs = tomllib.load(file)["pair"]
    seeded = [pair for pair in pairs if pair["group"] == "seeded errors"]
    assert len(seeded) >= 60
    for pair in seeded:
        assert pair["target"] != pair["original_target"]
        assert pair["numbers_error"]
        assert pair["severity_expected"] == "error"
        assert pair["why"].startswith("seeded (")
    kinds = Counter(pair["why"].split("(")[1].split(")")[0] for pair in seeded)
    assert len(kinds) >= 8  # the kinds real catalogs show, spread, not one kind
    random = {pair["source"] for pair in pairs if pair["group"] == "random"}
    assert not random & {pair["source"] for pair in seeded}
    unseeded = [pair for pair in pairs if pair["group"] != "seeded errors"]
    assert not {pair["source"] for pair in unseeded} & {pair["source"] for pair in seeded}
