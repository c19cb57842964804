"""Precision and recall of the translation/* rules on real, hand-labelled PO entries.

    cd /work/main && .venv/bin/python -m tests.translation.evaluation [--wrong RULE]

`labelled.toml` beside this module holds English→Danish entries from released catalogs
(Debian packages, Django, Sphinx; see SOURCES.md), each labelled with the rules a careful
reviewer would report. Each entry is checked by our rules and by the matching tests of
Translate Toolkit's pofilter, and a Markdown table of both is printed. `--wrong RULE`
lists the entries a rule gets wrong (false alarms, then misses).
"""

from __future__ import annotations

import argparse
import functools
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.registry import resolve
from pipeline.checks.runner import run
from tests.terms.evaluation import Score

LABELLED = Path(__file__).with_name("labelled.toml")
# 200 random pairs with digits from the LibreOffice help, labelled for numbers only.
HELP_NUMBERS = Path(__file__).with_name("help_numbers.toml")
# Our message rules, and the pofilter tests that check the same thing.
POFILTER_TESTS = {
    "translation/numbers": ("numbers",),
    "translation/placeholders": ("printf", "pythonbraceformat"),
    "translation/links": ("urls",),
    "translation/markup": ("xmltags",),
    "translation/whitespace": ("doublespacing", "startwhitespace", "endwhitespace"),
    "translation/punctuation": ("endpunc",),
    "translation/unchanged": ("unchanged",),
    "translation/length": ("long", "short"),
}
RULES = tuple(POFILTER_TESTS)


@dataclass(frozen=True)
class Entry:
    catalog: str
    context: str | None
    source: str
    target: str
    findings: frozenset[str]
    why: str
    group: str  # the section of labelled.toml: "Random sample …" or a screen

    def message(self) -> CatalogMessage:
        return CatalogMessage(
            self.catalog, 1, 1, "labelled", "en", "da", self.source, self.target,
            fuzzy=False, context=self.context, markdown=False,
        )  # fmt: skip


@functools.cache
def entries() -> tuple[Entry, ...]:
    text = LABELLED.read_text(encoding="utf-8")
    data: list[dict[str, Any]] = tomllib.loads(text)["entry"]
    return tuple(
        Entry(
            e["catalog"],
            e.get("msgctxt"),
            e["msgid"],
            e["msgstr"],
            frozenset(e["findings"]),
            e.get("why", ""),
            group,
        )
        for e, group in zip(data, _groups(text), strict=True)
    )


def _groups(text: str) -> list[str]:
    """The section heading above each entry ("# ====" banners in labelled.toml)."""
    groups, current, lines = [], "", text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("# ===") and index + 1 < len(lines) and lines[index + 1][:2] == "# ":
            if not lines[index + 1].startswith("# ==="):
                current = lines[index + 1][2:].strip()
        elif line.strip() == "[[entry]]":
            groups.append(current)
    return groups


@functools.cache
def help_sample() -> tuple[Entry, ...]:
    """The LibreOffice help pairs, as entries whose only possible finding is numbers."""
    with HELP_NUMBERS.open("rb") as file:
        pairs: list[dict[str, Any]] = tomllib.load(file)["pair"]
    return tuple(
        Entry(
            f"libreoffice-help {p['page']}#{p['id']}",
            None,
            p["source"],
            p["target"],
            frozenset({"translation/numbers"} if p["numbers_error"] else ()),
            p.get("why", ""),
            "LibreOffice help",
        )
        for p in pairs
    )


def random_sample() -> list[Entry]:
    """The entries drawn at random (with digits or number words), not by a screen."""
    return [e for e in entries() if e.group.startswith("Random sample")]


Detector = Callable[[Entry], set[str]]


def ours(entry: Entry) -> set[str]:
    """The rules of ours that report the entry."""
    return {finding.rule for finding in run(_rules(), {"message": [entry.message()]})}


@functools.cache
def _rules() -> list[Any]:
    """The rules as a team that blocks CI on changed numbers sets them: the numbers rule's
    sure findings are errors (by default warnings), those the meaning must tell warnings."""
    settings = {"translation/numbers": "error"}
    return [active for active in resolve(settings) if active.rule.id in RULES]


def pofilter(entry: Entry) -> set[str]:
    """Our rule names for the pofilter tests that fail on the entry."""
    from translate.filters import checks  # deferred: a test extra

    checker = _checker()
    failed = set()
    for rule, tests in POFILTER_TESTS.items():
        for test in tests:
            try:
                getattr(checker, test)(entry.source, entry.target)
            except checks.FilterFailure:
                failed.add(rule)
    return failed


@functools.cache
def _checker() -> Any:
    from translate.filters import checks

    return checks.StandardChecker()


def score(detect: Detector, chosen: Iterable[Entry] | None = None) -> dict[str, Score]:
    counts = {rule: [0, 0, 0] for rule in RULES}  # true positives, false ones, misses
    for entry in entries() if chosen is None else chosen:
        found = detect(entry)
        for rule in RULES:
            got, wanted = rule in found, rule in entry.findings
            counts[rule][0] += got and wanted
            counts[rule][1] += got and not wanted
            counts[rule][2] += wanted and not got
    return {rule: Score(*count) for rule, count in counts.items()}


def table() -> str:
    """The table in docs/ci.md: per rule, its severity, positives, and both tools' scores."""
    severities = {active.rule.id: active.rule.severity.name.lower() for active in _rules()}
    mine, theirs = score(ours), score(pofilter)
    positives = {rule: sum(rule in e.findings for e in entries()) for rule in RULES}
    lines = [
        f"Labelled set: {len(entries())} real entries from "
        f"{len({e.catalog for e in entries()})} catalogs.",
        "",
        "| rule | severity | real problems | precision | recall | pofilter precision | "
        "pofilter recall |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for rule in RULES:
        a, b = mine[rule], theirs[rule]
        lines.append(
            f"| `{rule}` | {severities[rule]} | {positives[rule]} | {a.precision:.2f} | "
            f"{a.recall:.2f} | {b.precision:.2f} | {b.recall:.2f} |"
        )
    for name, sample in (("the random sample", random_sample()), ("the help", help_sample())):
        a, b = (score(detect, sample)["translation/numbers"] for detect in (ours, pofilter))
        wanted = sum("translation/numbers" in e.findings for e in sample)
        lines += [
            "",
            f"`translation/numbers` on {name} ({len(sample)} entries with digits or number "
            f"words, {wanted} real problems): ours {a.true_positives} found, "
            f"{a.false_positives} false alarms, {a.false_negatives} missed; pofilter "
            f"{b.true_positives} found, {b.false_positives} false alarms, "
            f"{b.false_negatives} missed.",
        ]
    flagged = [e for e in entries() if "error" in number_levels(e)]
    wanted = [e for e in entries() if "translation/numbers" in e.findings]
    right = [e for e in flagged if e in wanted]
    lines += [
        "",
        f"`translation/numbers` at error level only on the labelled set: {len(right)} of "
        f"{len(wanted)} real problems found as errors, {len(flagged) - len(right)} false alarms "
        f"(precision {_ratio(right, flagged)}, recall {_ratio(right, wanted)}).",
        "",
        "`translation/numbers` on the held-out sets of software catalogs, each measured "
        "once (error level, then warnings apart): software_numbers_heldout4.toml, labelled "
        "by someone who does not tune, and software_numbers_heldout3.toml:",
        "",
        software_table(("held-out4", "held-out3")),
    ]
    return "\n".join(lines)


def wrong(rule: str) -> list[str]:
    """The entries `rule` gets wrong: false alarms first, then misses."""
    alarms, misses = [], []
    for entry in entries():
        got, wanted = rule in ours(entry), rule in entry.findings
        shown = f"  {entry.source!r}\n→ {entry.target!r}\n  ({entry.catalog}; {entry.why})"
        if got and not wanted:
            alarms.append("false alarm:\n" + shown)
        elif wanted and not got:
            misses.append("missed:\n" + shown)
    return alarms + misses


SOFTWARE_NUMBERS = Path(__file__).with_name("software_numbers.toml")
# A second tuning set from the same kinds of catalogs: traps and warnings, no errors.
SOFTWARE_NUMBERS_TUNE = Path(__file__).with_name("software_numbers_tune.toml")
# A third, from catalogs neither of the others used, screened for real errors.
SOFTWARE_NUMBERS_TUNE3 = Path(__file__).with_name("software_numbers_tune3.toml")
# A fresh set from catalogs none of the others used, all held out: the measurement once the
# first set's held-out half was measured four times; measured once, and tuning data since.
SOFTWARE_NUMBERS_HELDOUT2 = Path(__file__).with_name("software_numbers_heldout2.toml")
# A third fresh set from catalogs none of the others used, all held out: the measurement.
SOFTWARE_NUMBERS_HELDOUT3 = Path(__file__).with_name("software_numbers_heldout3.toml")
# A fourth, built and labelled by someone who does not tune the rule: measured once.
SOFTWARE_NUMBERS_HELDOUT4 = Path(__file__).with_name("software_numbers_heldout4.toml")
# A fifth, by a non-tuner, from messages no set holds (Debian 13's new ones, Qt catalogs).
SOFTWARE_NUMBERS_HELDOUT5 = Path(__file__).with_name("software_numbers_heldout5.toml")
# A sixth, by a non-tuner, from text no set holds (PyPI, npm, Qt, Debian 13 and forky catalogs).
SOFTWARE_NUMBERS_HELDOUT6 = Path(__file__).with_name("software_numbers_heldout6.toml")
# A seventh, by a non-tuner, from text no set holds (Debian 11, sid, experimental, Qt, PyPI).
SOFTWARE_NUMBERS_HELDOUT7 = Path(__file__).with_name("software_numbers_heldout7.toml")
# An eighth, by a non-tuner, from kinds of catalog no set read (debconf templates, man pages).
SOFTWARE_NUMBERS_HELDOUT8 = Path(__file__).with_name("software_numbers_heldout8.toml")
# A ninth, by a non-tuner, from Debian's translated package descriptions (DDTP).
SOFTWARE_NUMBERS_HELDOUT9 = Path(__file__).with_name("software_numbers_heldout9.toml")
# A tenth, by a non-tuner, from translated user documentation (help pages, handbooks).
SOFTWARE_NUMBERS_HELDOUT10 = Path(__file__).with_name("software_numbers_heldout10.toml")
# An eleventh, by a non-tuner, from upstream repositories' catalogs (session 15).
SOFTWARE_NUMBERS_HELDOUT11 = Path(__file__).with_name("software_numbers_heldout11.toml")
# A twelfth, by a non-tuner, with real errors and errors seeded into real entries (session 16).
SOFTWARE_NUMBERS_HELDOUT12 = Path(__file__).with_name("software_numbers_heldout12.toml")
# A thirteenth, the same way, from catalogs no set read (session 16, after tuning on 12).
SOFTWARE_NUMBERS_HELDOUT13 = Path(__file__).with_name("software_numbers_heldout13.toml")
# Each file's name in the tables: the tune split is reported per file and together.
SOFTWARE_SETS = {
    SOFTWARE_NUMBERS: "1",
    SOFTWARE_NUMBERS_TUNE: "2",
    SOFTWARE_NUMBERS_TUNE3: "3",
    SOFTWARE_NUMBERS_HELDOUT2: "4",
    SOFTWARE_NUMBERS_HELDOUT3: "5",
    SOFTWARE_NUMBERS_HELDOUT4: "6",
    SOFTWARE_NUMBERS_HELDOUT5: "7",
    SOFTWARE_NUMBERS_HELDOUT6: "8",
    SOFTWARE_NUMBERS_HELDOUT7: "9",
    SOFTWARE_NUMBERS_HELDOUT8: "10",
    SOFTWARE_NUMBERS_HELDOUT9: "11",
    SOFTWARE_NUMBERS_HELDOUT10: "12",
    SOFTWARE_NUMBERS_HELDOUT11: "13",
    SOFTWARE_NUMBERS_HELDOUT12: "14",
    SOFTWARE_NUMBERS_HELDOUT13: "15",
}
# The held-out splits: the file each names and its row in the tables.
HELD_OUT = {
    "held-out": ("1", "held-out 1 (seen)"),
    "held-out2": ("4", "held-out 2 (seen)"),
    "held-out3": ("5", "held-out 3 (measured once)"),
    "held-out4": ("6", "held-out 4 (fresh, labelled by a non-tuner)"),
    "held-out5": ("7", "held-out 5 (fresh, labelled by a non-tuner)"),
    "held-out6": ("8", "held-out 6 (fresh, labelled by a non-tuner)"),
    "held-out7": ("9", "held-out 7 (fresh, labelled by a non-tuner)"),
    "held-out8": ("10", "held-out 8 (fresh, labelled by a non-tuner)"),
    "held-out9": ("11", "held-out 9 (fresh, labelled by a non-tuner)"),
    "held-out10": ("12", "held-out 10 (fresh, labelled by a non-tuner)"),
    "held-out11": ("13", "held-out 11 (fresh, labelled by a non-tuner)"),
    "held-out12": ("14", "held-out 12 (fresh, labelled by a non-tuner)"),
    "held-out13": ("15", "held-out 13 (fresh, labelled by a non-tuner)"),
}


@dataclass(frozen=True)
class Levelled:
    """An entry of software_numbers*.toml: the severity a reviewer expects (#29)."""

    entry: Entry
    expected: str  # "error", "warning" or "none"
    split: str
    set: str = "1"  # file: "1" software_numbers, "2" _tune, "3" _tune3, "4"-"9" _heldout2-7


@functools.cache
def software_sample() -> tuple[Levelled, ...]:
    """Entries with digits from catalogs of many kinds of software, labelled with the
    severity `translation/numbers` should give (see SOURCES-software-numbers.md)."""
    pairs: list[tuple[dict[str, Any], str]] = []
    for path, name in SOFTWARE_SETS.items():
        if not path.exists():  # a set being built; its own test says if it is missing
            continue
        with path.open("rb") as file:
            pairs += [(pair, name) for pair in tomllib.load(file)["pair"]]
    return tuple(
        Levelled(
            Entry(
                p["catalog"],
                p.get("context"),
                p["source"],
                p["target"],
                frozenset({"translation/numbers"} if p["numbers_error"] else ()),
                p.get("why", ""),
                p["group"],
            ),
            p["severity_expected"],
            p["split"],
            name,
        )
        for p, name in pairs
    )


def number_levels(entry: Entry) -> set[str]:
    """The severities of our translation/numbers findings on the entry."""
    found = run(_rules(), {"message": [entry.message()]})
    return {f.severity.name.lower() for f in found if f.rule == "translation/numbers"}


def software_parts(splits: tuple[str, ...]) -> list[tuple[str, list[Levelled]]]:
    """The rows of the table: the tune split per file and together, the first set's
    held-out half and the second held-out set (seen: now tuning data too), the fresh one."""
    rows = []
    for split in splits:
        if split == "tune":
            chosen = [e for e in software_sample() if e.split == "tune"]
            rows += [(f"tune {n}", [e for e in chosen if e.set == n]) for n in ("1", "2", "3")]
            rows.append(("tune (all)", chosen))
        else:
            name, row = HELD_OUT[split]
            chosen = [e for e in software_sample() if e.split == "held-out" and e.set == name]
            rows.append((row, chosen))
            seeded = [e for e in chosen if e.entry.group == "seeded errors"]
            if seeded:  # errors typed into real entries: recall on kinds real sets lack
                rows.append((f"{row}, real entries only", [e for e in chosen if e not in seeded]))
                rows.append((f"{row}, seeded errors only", seeded))
    return rows


def software_table(splits: tuple[str, ...]) -> str:
    """Error-level findings against "error" labels, warnings against real problems
    ("error" or "warning") not found as errors; pofilter's numbers test alongside. Then
    the warnings apart: entries with warnings only, and every level together."""
    lines = ["| split | entries | errors | precision | recall | warnings (right) | "
             "pofilter precision | pofilter recall |", "|---|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    apart = ["| split | labelled warnings | found as warnings | entries with warnings only | "
             "of them real | any level: precision | any level: recall |", "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for split, chosen in software_parts(splits):
        wanted = [e for e in chosen if e.expected == "error"]
        levels = [(e, number_levels(e.entry)) for e in chosen]
        flagged = [e for e, found in levels if "error" in found]
        right = [e for e in flagged if e.expected == "error"]
        warned = [e for e, found in levels if found == {"warning"}]
        warned_right = [e for e in warned if e.expected != "none"]
        theirs = [e for e in chosen if pofilter(e.entry)]
        theirs_right = [e for e in theirs if e.expected == "error"]
        lines.append(
            f"| {split} | {len(chosen)} | {len(wanted)} | {_ratio(right, flagged)} | "
            f"{_ratio(right, wanted)} | {len(warned)} ({len(warned_right)}) | "
            f"{_ratio(theirs_right, theirs)} | {_ratio(theirs_right, wanted)} |"
        )
        labelled = [e for e in chosen if e.expected == "warning"]
        real = [e for e in chosen if e.expected != "none"]
        found = [e for e, levels_found in levels if levels_found]
        apart.append(
            f"| {split} | {len(labelled)} | {sum(e in warned for e in labelled)} | {len(warned)} "
            f"| {len(warned_right)} | {_ratio([e for e in found if e in real], found)} | "
            f"{_ratio([e for e in real if e in found], real)} |"
        )
    return "\n".join([*lines, "", *apart])


def _ratio(part: list[Any], whole: list[Any]) -> str:
    """A share to two places, or "–" where there is nothing to divide by."""
    return f"{len(part) / len(whole):.2f}" if whole else "–"


# The held-out sets that have been measured, by file: tuning data now (#29).
_SEEN = {
    "1": "held-out1", "4": "held-out2", "5": "held-out3", "6": "held-out4", "7": "held-out5",
    "8": "held-out6", "9": "held-out7", "10": "held-out8",
    "11": "held-out9",
    "12": "held-out10",
    "13": "held-out11",
    "14": "held-out12",
    "15": "held-out13",
}  # fmt: skip


def software_wrong(split: str) -> list[str]:
    """What the numbers rule gets wrong on the tune split (or one tune file: "tune3"), or
    on a held-out set that has been measured and is tuning data now ("held-out1" to
    "held-out4"). Never a fresh set."""
    shown = []
    for item in software_sample():
        name = f"tune{item.set}" if item.split == "tune" else _SEEN.get(item.set, "fresh")
        if name == "fresh" or split not in (name, "tune" if item.split == "tune" else ""):
            continue
        found = number_levels(item.entry)
        got = "error" if "error" in found else ("warning" if found else "none")
        if got != item.expected:
            shown.append(f"expected {item.expected}, got {got}:\n  {item.entry.source!r}\n→ "
                         f"{item.entry.target!r}\n  ({item.entry.catalog}; {item.entry.why})")  # fmt: skip
    return shown


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", metavar="RULE", help="list what RULE gets wrong")
    parser.add_argument(
        "--software",
        choices=("tune", *HELD_OUT, "both", "all"),
        help="translation/numbers on software_numbers*.toml (held-out3 to 7: measurements)",
    )  # fmt: skip
    parser.add_argument(
        "--software-wrong", choices=("tune", "tune1", "tune2", "tune3", *_SEEN.values()),
        help="its mistakes on the tuning data",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.software:
        parts = {
            "both": ("tune", "held-out"),
            "all": ("tune", "held-out", "held-out2", "held-out3", "held-out4"),
        }
        print(software_table(parts.get(args.software, (args.software,))))
    elif args.software_wrong:
        print("\n\n".join(software_wrong(args.software_wrong)))
    elif args.wrong:
        print("\n\n".join(wrong(args.wrong)))
    else:
        print(table())


if __name__ == "__main__":
    main()
