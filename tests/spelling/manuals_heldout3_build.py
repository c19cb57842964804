"""Build the third held-out set of technical documentation (#29): `{da,en}_manuals_heldout3.toml`.

The second held-out set had been measured twice and then tuned on, so it no longer measures
anything nobody tuned on. This set is text none of the other sets use: more of manpages-da's
coreutils pages (echo, expr, printf, test, ...), its pages for the compressors' helper
scripts (bzdiff, bzexe, bzgrep, zcmp, zforce) and wdiff, with the English originals
(coreutils, bzip2, gzip, wdiff), and the GNOME help's accessibility, mouse, clock and look
pages. Every paragraph is `held-out`. Same extraction, labelling rule and typo generator as
the other sets, with its own labels and seed, labelled by reading before any checker (ours
or Hunspell) ran on the text. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout3_build /tmp/src5/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import MAN_DA, NOT_SEEDED, Build, write
from .manuals_heldout2_build import ENGLISH_IN_DA2, HELDOUT2_NOT_SEEDED
from .manuals_tune3_build import TUNE3_NOT_SEEDED
from .manuals_tune_build import ENGLISH_IN_DA, KEYWORDS

COREUTILS = (
    "echo", "expr", "printf", "test", "id", "who", "stdbuf", "tac", "basename", "base64",
    "cksum", "mknod", "chcon", "runcon", "pinky", "tty", "sleep", "factor",
)  # fmt: skip
OTHERS = (
    ("wdiff", "1.2.2-5", ("wdiff",)),
    ("bzip2", "1.0.8-5+b1", ("bzdiff", "bzexe", "bzgrep")),
    ("gzip", "1.12-1", ("zcmp", "zforce")),
)


def _man(package: str, version: str, page: str) -> tuple[str, str, str, str]:
    return package, version, f"usr/share/man/man1/{page}.1.gz", f"man1/{page}.1"


SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "da": [
        (*MAN_DA[:2], MAN_DA[2].format(s=1, page=page), f"man1/{page}.1")
        for page in (*(p for _, _, pages in OTHERS for p in pages), *COREUTILS)
    ],
    "en": [
        *(_man(package, version, page) for package, version, pages in OTHERS for page in pages),
        *(_man("coreutils", "9.1-1", page) for page in COREUTILS),
    ],
}
TOPICS = {"da": ("a11y", "mouse", "clock", "look"), "en": ("a11y", "mouse", "clock", "look")}

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "foretrukkent": "foretrukket",  # echo.1
        "markørene": "markørerne",  # a11y-right-click
    },
    "en": {},
}

# Typos chosen by hand that form plausible compounds or words: (word, typo).
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("lysstyrken", "lystyrken"),  # ly+styrken
        ("baggrundsbillede", "baggrundbillede"),  # baggrund+billede, no linking s
        ("funktionstasten", "funktiontasten"),  # funktion+tasten, no linking s
        ("tilgængelighedsikonet", "tilgængelighedikonet"),  # -hed without its s
        ("verdensure", "verdenure"),  # verden+ure
        ("arbejdsområde", "arbejdområde"),  # arbejd+område
        ("rullehjulet", "rulehjulet"),  # rule+hjulet
        ("museknappen", "musknappen"),  # mus+knappen
    ],
    "en": [
        ("workspace", "workpace"),  # work+pace
        ("titlebar", "titlebra"),  # title+bra
        ("newlines", "newlimes"),  # new+limes
        ("filenames", "finenames"),  # fine+names
        ("crosshairs", "crosshars"),  # cross+hars
        ("keyboard", "keybord"),  # key+bord
        ("sideways", "sidways"),  # sid+ways
        ("standalone", "standlone"),  # stand+lone
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {
    "da": {"same", "tater", "sært", "vies", "fule"},
    "en": {"muse", "vale", "whee"},
}

# Never seeded, on top of the other sets' words: the programs these pages write in lower
# case, and the English a Danish page quotes.
HELDOUT3_NOT_SEEDED = {
    "bzexe", "bzgrep", "bzdiff", "bzegrep", "bzfgrep", "egrep", "fgrep", "zcmp", "zdiff",
    "zforce", "mknod", "stdbuf", "chown", "chcon", "runcon", "pinky", "finger", "sleep",
}  # fmt: skip
ENGLISH_IN_DA3 = {"likes"}
NOT_SEEDED_BOTH = (
    NOT_SEEDED | KEYWORDS | TUNE3_NOT_SEEDED | HELDOUT2_NOT_SEEDED | HELDOUT3_NOT_SEEDED
)
NOT_SEEDED_HELDOUT3 = {
    "da": NOT_SEEDED_BOTH | ENGLISH_IN_DA | ENGLISH_IN_DA2 | ENGLISH_IN_DA3,
    "en": NOT_SEEDED_BOTH,
}

HEADER = {
    "da": "Danish technical documentation, third held-out set: prose paragraphs of Danish man\n"
    "# pages (manpages-da: coreutils' echo, expr, printf, test, ...; bzdiff, bzexe, bzgrep,\n"
    "# zcmp, zforce, wdiff) and the Danish GNOME help's a11y, mouse, clock and look pages\n"
    "# (gnome-user-docs), as Debian 12 ships them.",
    "en": "English technical documentation, third held-out set: prose paragraphs of man pages\n"
    "# (coreutils' echo, expr, printf, test, ...; bzip2's bzdiff, bzexe, bzgrep; gzip's zcmp,\n"
    "# zforce; wdiff) and the GNOME help's a11y, mouse, clock and look pages\n"
    "# (gnome-user-docs, C), as Debian 12 ships them.",
}

HELDOUT3 = Build(
    suffix="_heldout3",
    sources=SOURCES,
    topics=TOPICS,
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT3,
    seeded=56,
    seed=2911,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout3_build.py",
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT3))


if __name__ == "__main__":
    main()
