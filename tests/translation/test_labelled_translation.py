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
    "translation/unchanged": (0.88, 0.7),
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
    measured 19 of 27 real problems found, 1 false alarm (docs/ci.md). 20 until a name
    said in words became a warning: "TOTP/OTP/2FA" in another message's translation, as
    long as its source, reads as "2FA" translated."""
    from .evaluation import number_levels

    flagged = [entry for entry in entries() if "error" in number_levels(entry)]
    right = [entry for entry in flagged if "translation/numbers" in entry.findings]
    assert len(right) >= 19
    assert len(flagged) - len(right) <= 1


# The held-out sets of software catalogs (SOURCES-software-numbers.md), each from packages
# and messages no other set used, all held out, each measured once at error level:
# set → (file, at least: entries, random entries, real errors, packages).
HELD_OUT_SETS = {
    "4": ("software_numbers_heldout2.toml", 440, 300, 25, 150),
    "5": ("software_numbers_heldout3.toml", 390, 300, 14, 130),  # real errors are rare
    "6": ("software_numbers_heldout4.toml", 720, 530, 34, 490),  # labelled by a non-tuner
}
# Error-level floors on each (errors found at least, false alarms at most), a little under
# what was measured:
# - held-out2: 0.49/0.76 when measured, tuning data since: 20 of 25 found, none false;
# - held-out3, measured once (0.92/0.86), then tuning data: 12 of 14 found, none false;
# - held-out4, labelled by a helper who does not tune: 22 of 34 found, 26 false alarms
#   (0.46/0.65; pofilter 0.15/0.68), then tuning data: 29 found, 8 false (0.78/0.85);
# - held-out5, labelled by a helper who does not tune, measured once after tuning on
#   held-out4: 27 of 31 found, 16 false alarms (0.63/0.87; pofilter 0.24/0.94), the
#   same as the rule before that tuning.
# - held-out6 (PyPI, npm, Qt and Debian 13/forky catalogs), labelled by a helper who does
#   not tune, measured once after tuning on held-out5: 21 of 28 found, 15 false alarms
#   (0.58/0.75; pofilter 0.19/0.82; the rule at the start of that round: 0.55/0.79);
#   tuned on since: 21 found, 10 false (0.68/0.75).
# - held-out7 (Debian 11, sid and experimental, Debian 12's Qt catalogs, WordPress, older
#   PyPI), labelled by a helper who does not tune, measured once: 17 of 32 found, 19 false
#   alarms (0.47/0.53; pofilter 0.16/0.75); 7 of the misses are Jami's '% 1', which
#   translation/placeholders reports as an error. Tuned on since: 17 found, 17 false; then
#   names said in words, Qt's %L1, entities without ";" and lists without spaces: 9 false
#   (held-out4 to 6: 29/6, 28/6, 21/9); a placeholder in the number's place ("Atom 1" →
#   "Atom %1") a warning: held-out5 and 7 one false alarm fewer.
# - held-out8 (debconf templates and man page catalogs of source packages), labelled by a
#   helper who does not tune, measured once: 6 of 15 found, 3 false alarms (0.67/0.40;
#   pofilter 0.11/0.60; the session's starting rule the same). Tuned on since (a point
#   turned into a hyphen, "0.94" → "0-94"): 7 found, 3 false.
# - held-out9 (Debian's translated package descriptions, DDTP), labelled by a helper who
#   does not tune, measured once: 341 of 471 found, 68 false alarms (0.83/0.72; pofilter
#   0.70/0.76); the session's starting rule 356 and 69 (0.84/0.76): names said in words
#   cost 15 there. Tuned on since (a slipped name is no name said in words, "Y0da" as
#   "Yoda" changed, a count rounded to a round figure): 350 found, 56 false (0.86/0.74);
#   then letters typed as the digits they look like ("PyO3" → "Py03"): 378 (0.87/0.80);
#   a digit typed into a part of a hyphenated source word ("Aho-Co9rasick"): 379.
# - held-out10 (GNOME and MATE help, Danish man pages), labelled by a helper who does not
#   tune, measured once: 2 of 5 found, 1 false alarm (0.67/0.40; pofilter found none of
#   the 5 and raised 11 false); the session's starting rule the same. Tuned on since (a
#   die's faces, "fives" as "5'ere"): no false alarm.
# - held-out11 (upstream catalogs: OpenWrt's LuCI, Enigma2), labelled by a helper who
#   does not tune, measured once: 2 of 5 found, no false alarm in 327 clean entries
#   (1.00/0.40; pofilter 0.03/0.20). Since: a date is no part of a longer dotted run
#   ("10.10.10.10" as "10.10.10.10.10" read a date and hid the octet added): a warning.
# - held-out12 (Mozilla's Firefox and Thunderbird packs: 368 real entries, no real error,
#   and 63 errors seeded into real entries), labelled by a helper who does not tune,
#   measured once: 43 of 63 found, 11 false alarms (0.80/0.68; pofilter 0.36/0.63); the
#   session's first change (ranges turned round, a digit for a letter) 46 (0.81/0.73).
#   Tuned on since (a window's CSS sizes, a name written fewer times, one number word
#   each, labels and steps swapped, a slip beside a compound's hyphen): 57, 5 false.
# - held-out13 (Chromium's Danish interface: 218 real entries, no real error, and 63
#   seeded errors), labelled by a helper who does not tune, measured once on the rule
#   tuned on held-out12: 54 of 63 found, 1 false alarm (0.98/0.86; pofilter 0.80/0.71;
#   the session's starting rule 0.98/0.71). Tuned on since (a "\u2019" escape holds no
#   number, a digit for a source word's last letter, a digit in a word the dictionary
#   knows): 57, none false.
HELD_OUT_FLOORS = {
    "4": (20, 0), "5": (12, 0), "6": (29, 6), "7": (28, 5), "8": (21, 9), "9": (17, 8),
    "10": (7, 3), "11": (381, 56), "12": (2, 0), "13": (2, 0), "14": (57, 5), "15": (57, 0),
}  # fmt: skip


@pytest.mark.parametrize("number", sorted(HELD_OUT_SETS))
def test_a_held_out_set_is_real_and_new(number: str) -> None:
    from .evaluation import software_sample

    name, size, random, errors, packages = HELD_OUT_SETS[number]
    held = [item for item in software_sample() if item.set == number]
    others = [item for item in software_sample() if item.set != number]
    assert len(held) >= size, name
    assert {item.split for item in held} == {"held-out"}
    assert sum(item.expected == "error" for item in held) >= errors
    assert sum(item.entry.group == "random" for item in held) >= random
    used = {item.entry.catalog.split()[0] for item in held}
    assert len(used) >= packages
    # held-out5 to 11 ("7" to "13") take other versions of packages these used: new texts
    later = ("7", "8", "9", "10", "11", "12", "13")
    assert not used & {item.entry.catalog.split()[0] for item in others if item.set not in later}
    sources = {item.entry.source for item in held}
    assert not sources & {item.entry.source for item in others}
    assert not sources & {entry.source for entry in entries()}
    assert not sources & {entry.source for entry in help_sample()}


def test_the_fifth_held_out_set_is_new_and_held_out() -> None:
    """software_numbers_heldout5.toml: Debian 13 versions of catalogs the other sets used and
    Qt catalogs none read, keeping only messages no other set holds; all held out, with no
    floor here: it is measured once, on the rule changed after held-out4."""
    from .evaluation import HELD_OUT, software_sample

    held = [item for item in software_sample() if item.set == "7"]
    others = [item for item in software_sample() if item.set != "7"]
    assert HELD_OUT["held-out5"][0] == "7"
    assert len(held) >= 480
    assert {item.split for item in held} == {"held-out"}
    assert sum(item.expected == "error" for item in held) >= 31
    assert sum(item.entry.group == "random" for item in held) >= 360
    assert len({item.entry.catalog.split()[0] for item in held}) >= 220
    sources = {item.entry.source for item in held}
    assert not sources & {item.entry.source for item in others}
    assert not sources & {entry.source for entry in entries()}
    assert not sources & {entry.source for entry in help_sample()}


@pytest.mark.parametrize("number", sorted(HELD_OUT_FLOORS))
def test_numbers_errors_on_a_held_out_set(number: str) -> None:
    from .evaluation import number_levels, software_sample

    held = [item for item in software_sample() if item.set == number]
    flagged = [item for item in held if "error" in number_levels(item.entry)]
    right = [item for item in flagged if item.expected == "error"]
    found, false_alarms = HELD_OUT_FLOORS[number]
    assert len(right) >= found, f"held-out set {number}"
    assert len(flagged) - len(right) <= false_alarms


def test_unchanged_on_identical_translations_of_the_libreoffice_help() -> None:
    """150 identical translations of the help, labelled prose (102) or keep (48): code is
    not prose, so signatures and identifiers left as they are are not reported. Floors
    at the scores measured when each round was held out (help_unchanged.toml)."""
    import tomllib
    from pathlib import Path

    from pipeline.checks.surface import common_words

    with (Path(__file__).parent / "help_unchanged.toml").open("rb") as file:
        labelled = tomllib.load(file)["entry"]
    reported = [common_words(entry["text"]) >= 3 for entry in labelled]
    prose = [entry["label"] == "prose" for entry in labelled]
    right = sum(r and p for r, p in zip(reported, prose, strict=True))
    assert (len(labelled), sum(prose)) == (150, 102)
    # Every one was a finding before code was told apart: precision 0.68.
    assert round(right / sum(reported), 2) >= 0.95  # 101 of 106
    assert round(right / sum(prose), 2) >= 0.99  # 101 of 102
