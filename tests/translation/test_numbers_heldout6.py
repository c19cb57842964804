"""The sixth held-out numbers set (software_numbers_heldout6.toml, #29): text no other set holds, labelled by a
helper who does not tune the rule, all held out, and measured once by the lead (no floor here)."""

from __future__ import annotations

import tomllib
from collections import Counter

from .evaluation import HELD_OUT, SOFTWARE_NUMBERS_HELDOUT6, entries, help_sample, software_sample


def test_the_sixth_held_out_set_is_new_and_held_out() -> None:
    held = [item for item in software_sample() if item.set == "8"]
    others = [item for item in software_sample() if item.set != "8"]
    assert HELD_OUT["held-out6"][0] == "8"
    assert len(held) >= 530
    assert {item.split for item in held} == {"held-out"}
    assert sum(item.expected == "error" for item in held) >= 28
    assert sum(item.expected == "warning" for item in held) >= 21
    assert sum(item.entry.group == "random" for item in held) >= 397
    assert len({item.entry.catalog.split()[0] for item in held}) >= 280
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


def test_the_sixth_set_names_where_each_entry_comes_from() -> None:
    """Each entry says which kind of catalog it comes from, so a figure can be read per origin."""
    with SOFTWARE_NUMBERS_HELDOUT6.open("rb") as file:
        pairs = tomllib.load(file)["pair"]
    origins = Counter(pair["origin"] for pair in pairs)
    assert set(origins) == {"pypi", "npm", "debian-qt", "debian13", "debian-forky"}
    assert min(origins.values()) >= 20
