"""The translation/* rules on real, hand-labelled catalog entries (tests/translation)."""

from __future__ import annotations

import pytest

from .evaluation import RULES, entries, help_sample, ours, random_sample, score

# Floors at the measured scores (docs/ci.md, "Translation rules on real catalogs"): a change
# that makes a rule worse on real data fails here.
FLOORS = {
    "translation/numbers": (0.70, 0.96),
    "translation/placeholders": (1.0, 1.0),
    "translation/links": (1.0, 1.0),
    "translation/markup": (1.0, 1.0),
    "translation/whitespace": (0.97, 0.92),
    "translation/punctuation": (0.92, 0.92),
    "translation/unchanged": (0.64, 0.7),
    "translation/length": (0.55, 0.46),
}


def test_the_set_is_real_and_covers_every_message_rule() -> None:
    assert len(entries()) >= 400
    assert len({entry.catalog for entry in entries()}) >= 50
    for rule in RULES:
        assert sum(rule in entry.findings for entry in entries()) >= 3, rule


@pytest.mark.parametrize("rule", RULES)
def test_rule_keeps_its_precision_and_recall(rule: str) -> None:
    measured = score(ours)[rule]
    precision, recall = FLOORS[rule]
    assert round(measured.precision, 2) >= precision
    assert round(measured.recall, 2) >= recall


def test_numbers_raise_no_false_alarm_on_the_random_sample() -> None:
    measured = score(ours, random_sample())["translation/numbers"]
    assert len(random_sample()) >= 120
    assert measured.false_positives == 0


def test_numbers_on_a_random_sample_of_the_libreoffice_help() -> None:
    """200 random help paragraphs with digits: one real error, and traps of every kind."""
    measured = score(ours, help_sample())["translation/numbers"]
    assert len(help_sample()) == 200
    assert measured.true_positives == 1
    assert measured.false_positives == 0


def test_numbers_errors_on_the_software_catalogs_tune_part() -> None:
    """#29: error-level findings against the severity a reviewer expects, on the part the
    rule was tuned on (the held-out part is measured, not asserted: see docs/ci.md): each
    tune file apart and all together, floors at the measured scores."""
    from .evaluation import number_levels, software_sample

    tune = [item for item in software_sample() if item.split == "tune"]
    assert len(tune) >= 980
    for part in ("1", "2", "3", None):
        chosen = [item for item in tune if part is None or item.set == part]
        flagged = [item for item in chosen if "error" in number_levels(item.entry)]
        wanted = [item for item in chosen if item.expected == "error"]
        right = [item for item in flagged if item.expected == "error"]
        assert len(right) == len(flagged), part  # precision 1.00
        assert len(right) == len(wanted), part  # recall 1.00


def test_numbers_errors_on_the_first_sets_seen_held_out_half() -> None:
    """Measured four times, so now tuning data (the fresh set is the measurement): 13 of
    its 14 errors found at error level, no false alarm (docs/ci.md)."""
    from .evaluation import number_levels, software_sample

    seen = [item for item in software_sample() if item.split == "held-out" and item.set == "1"]
    flagged = [item for item in seen if "error" in number_levels(item.entry)]
    right = [item for item in flagged if item.expected == "error"]
    assert len(right) >= 13
    assert len(flagged) == len(right)


def test_the_third_tune_set_is_real_and_holds_real_errors() -> None:
    """software_numbers_tune3.toml: new catalogs, a random sample and screened errors."""
    from .evaluation import software_sample

    third = [item for item in software_sample() if item.set == "3"]
    assert len(third) >= 470
    assert len({item.entry.catalog.split()[0] for item in third}) >= 150
    assert sum(item.expected == "error" for item in third) >= 3
    assert sum(item.entry.group == "random" for item in third) >= 300


def test_numbers_at_error_level_on_the_labelled_set() -> None:
    """The older labelled set counted at error level only (warnings aside): floors at the
    measured 20 of 27 real problems found, 1 false alarm (docs/ci.md)."""
    from .evaluation import number_levels

    flagged = [entry for entry in entries() if "error" in number_levels(entry)]
    right = [entry for entry in flagged if "translation/numbers" in entry.findings]
    assert len(right) >= 20
    assert len(flagged) - len(right) <= 1


def test_the_second_held_out_set_is_real_and_new() -> None:
    """software_numbers_heldout2.toml: all held out, from catalogs and messages no other set
    used, with enough real errors to measure (SOURCES-software-numbers.md)."""
    from .evaluation import software_sample

    second = [item for item in software_sample() if item.set == "4"]
    others = [item for item in software_sample() if item.set != "4"]
    assert len(second) >= 440
    assert {item.split for item in second} == {"held-out"}
    assert sum(item.expected == "error" for item in second) >= 25
    assert sum(item.entry.group == "random" for item in second) >= 300
    packages = {item.entry.catalog.split()[0] for item in second}
    assert len(packages) >= 150
    assert not packages & {item.entry.catalog.split()[0] for item in others}
    assert not {item.entry.source for item in second} & {item.entry.source for item in others}
    assert not {item.entry.source for item in second} & {entry.source for entry in entries()}


def test_numbers_errors_on_the_second_held_out_set() -> None:
    """software_numbers_heldout2.toml, measured once (precision 0.49, recall 0.76) and
    tuning data since: 20 of its 25 errors found at error level, no false alarm (precision
    1.00, recall 0.80; pofilter 0.16 and 0.64)."""
    from .evaluation import number_levels, software_sample

    second = [item for item in software_sample() if item.set == "4"]
    flagged = [item for item in second if "error" in number_levels(item.entry)]
    right = [item for item in flagged if item.expected == "error"]
    assert len(right) >= 20
    assert len(flagged) == len(right)


def test_the_fresh_held_out_set_is_real_and_new() -> None:
    """software_numbers_heldout3.toml: all held out, from catalogs and messages no other set
    used (SOURCES-software-numbers.md). It holds 14 real errors, fewer than the 25 asked
    for: real errors are rare in these catalogs."""
    from .evaluation import software_sample

    fresh = [item for item in software_sample() if item.set == "5"]
    others = [item for item in software_sample() if item.set != "5"]
    assert len(fresh) >= 390
    assert {item.split for item in fresh} == {"held-out"}
    assert sum(item.expected == "error" for item in fresh) >= 14
    assert sum(item.entry.group == "random" for item in fresh) >= 300
    packages = {item.entry.catalog.split()[0] for item in fresh}
    assert len(packages) >= 130
    assert not packages & {item.entry.catalog.split()[0] for item in others}
    assert not {item.entry.source for item in fresh} & {item.entry.source for item in others}
    assert not {item.entry.source for item in fresh} & {entry.source for entry in entries()}


def test_numbers_errors_on_the_fresh_held_out_set() -> None:
    """The measurement (software_numbers_heldout3.toml, never tuned on): measured once at
    error level, 12 of 14 errors found with 1 false alarm (precision 0.92, recall 0.86;
    pofilter 0.13 and 0.79). Floors a little under: a change that loses errors or adds
    false alarms there fails here."""
    from .evaluation import number_levels, software_sample

    fresh = [item for item in software_sample() if item.set == "5"]
    flagged = [item for item in fresh if "error" in number_levels(item.entry)]
    right = [item for item in flagged if item.expected == "error"]
    assert len(right) >= 11
    assert len(flagged) - len(right) <= 2


def test_the_fourth_held_out_set_is_real_and_new() -> None:
    """software_numbers_heldout4.toml: all held out, labelled by someone who does not tune
    the rule, from packages and messages no other set used (SOURCES-software-numbers.md):
    a random sample of 536 entries and 34 real errors."""
    from .evaluation import software_sample

    fourth = [item for item in software_sample() if item.set == "6"]
    others = [item for item in software_sample() if item.set != "6"]
    assert len(fourth) >= 720
    assert {item.split for item in fourth} == {"held-out"}
    assert sum(item.expected == "error" for item in fourth) >= 34
    assert sum(item.entry.group == "random" for item in fourth) >= 530
    packages = {item.entry.catalog.split()[0] for item in fourth}
    assert len(packages) >= 490
    assert not packages & {item.entry.catalog.split()[0] for item in others}
    assert not packages & {entry.catalog.split()[0] for entry in entries()}
    sources = {item.entry.source for item in fourth}
    assert not sources & {item.entry.source for item in others}
    assert not sources & {entry.source for entry in entries()}
    assert not sources & {entry.source for entry in help_sample()}


def test_numbers_errors_on_the_fourth_held_out_set() -> None:
    """software_numbers_heldout4.toml, labelled by a helper who does not tune and never
    tuned on: measured once at error level, 22 of 34 errors found with 26 false alarms
    (precision 0.46, recall 0.65; pofilter 0.15 and 0.68). 16 of the false alarms are
    labelled warnings, 10 traps. Floors a little under."""
    from .evaluation import number_levels, software_sample

    fourth = [item for item in software_sample() if item.set == "6"]
    flagged = [item for item in fourth if "error" in number_levels(item.entry)]
    right = [item for item in flagged if item.expected == "error"]
    assert len(right) >= 21
    assert len(flagged) - len(right) <= 28
