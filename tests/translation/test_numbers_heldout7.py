"""The seventh held-out numbers set (software_numbers_heldout7.toml, #29): text no other set holds, labelled by a
helper who does not tune the rule, all held out, and measured once by the lead (no floor here)."""

from __future__ import annotations

import tomllib
from collections import Counter

from .evaluation import HELD_OUT, SOFTWARE_NUMBERS_HELDOUT7, entries, help_sample, software_sample


def test_the_seventh_held_out_set_is_new_and_held_out() -> None:
    held = [item for item in software_sample() if item.set == "9"]
    others = [item for item in software_sample() if item.set != "9"]
    assert HELD_OUT["held-out7"][0] == "9"
    assert len(held) >= 530
    assert {item.split for item in held} == {"held-out"}
    assert sum(item.expected == "error" for item in held) >= 32
    assert sum(item.expected == "warning" for item in held) >= 33
    assert sum(item.entry.group == "random" for item in held) >= 354
    assert len({item.entry.catalog.split()[0] for item in held}) >= 250
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


def test_the_seventh_set_names_where_each_entry_comes_from() -> None:
    """Each entry says which kind of catalog it comes from, so a figure can be read per origin; the held-out
    sources (the Debian installation guide, the Debian Edu manual, the LibreOffice help) are in none of them."""
    with SOFTWARE_NUMBERS_HELDOUT7.open("rb") as file:
        pairs = tomllib.load(file)["pair"]
    origins = Counter(pair["origin"] for pair in pairs)
    assert set(origins) == {
        "debian11", "debian-sid", "debian-experimental", "debian12-qt", "debian-other", "pypi",
    }  # fmt: skip
    assert min(origins.values()) >= 15
    packages = {pair["package"] for pair in pairs}
    assert not {p for p in packages if p.startswith(("debian-edu", "installation-guide"))}
    assert not [
        pair for pair in pairs if "/help" in pair["file"] and "libreoffice" in pair["package"]
    ]
