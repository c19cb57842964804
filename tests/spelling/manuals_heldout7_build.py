"""Build the seventh held-out set of technical documentation (#29): `{da,en}_manuals_heldout7.toml`.

Every earlier held-out set had been measured and tuned on, so a fresh set from text nobody
here had seen must measure the checker changed since. This set is five GNOME applications'
own help, whole: Brasero (brasero: burning discs, disc images, MD5 checks), Web (epiphany:
cookies, passwords, web applications, downloads), Document Scanner (simple-scan: scanning,
cropping, file formats), Color Manager (gnome-color-manager: importing ICC profiles and
calibration curves) and Devhelp (devhelp: API books, their index files, searching), in
Danish and in the English original from the same Debian 12 packages. Every paragraph is
`held-out`. Same extraction, labelling rule and typo generator as the other sets, with its
own labels and seed, labelled by reading before any checker (ours or Hunspell) ran on the
text. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout7_build /tmp/src9/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import Build, write
from .manuals_heldout6_build import NOT_SEEDED_HELDOUT6

# (package, version, application): every page of /usr/share/help/{da,C}/APP/, Debian 12.
APPS = (
    ("brasero-common", "3.12.3-2", "brasero"),
    ("epiphany-browser-data", "43.1-1", "epiphany"),
    ("simple-scan", "42.5-2", "simple-scan"),
    ("gnome-color-manager", "3.36.0-1+b1", "gnome-color-manager"),
    ("devhelp-common", "43.0-3", "devhelp"),
)

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "tilgængelighedsindstilligen": "tilgængelighedsindstillingen",  # epiphany/pref-font
        "indeholdere": "indeholde",  # devhelp/book-format
        # simple-scan/rotate: 'rotere' with a URL pasted into it,
        # 'rotehttps://en.wikipedia.org/wiki/Lossy_compressionre'
        "rotehttps": "rotere",
    },
    "en": {},
}

# Typos chosen by hand, before any checker ran, that a translator makes in long words and
# compounds: (word, typo). Each goes in the first paragraph with that word and no other.
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("brændingshastighed", "brændinghastighed"),  # the linking s left out
        ("tredjepartscookies", "tredjepartcookies"),  # the linking s left out
        ("skrifttypevælgerdialogen", "skriftypevælgerdialogen"),  # skrift+type: one t
        ("søgefraserne", "søgefrasene"),  # -erne as -ene
        ("skærmkortet", "skærmskortet"),  # a linking s where none belongs
        ("webprogrammet", "webprogramet"),  # the double m written once
        ("tekstindtastningsfeltet", "tekstindtastningsfelet"),  # felt+et without its t
        ("diskaftryk", "diskaftyrk"),  # two letters of aftryk swapped
    ],
    "en": [
        ("environment", "enviroment"),  # the n before -ment left out
        ("accessibility", "accessability"),  # -ibility as -ability
        ("watermark", "watemark"),  # water+mark without its r
        ("lowercase", "lowecase"),  # lower+case without its r
        ("webpage", "webapge"),  # two letters of page swapped
        ("cryptographic", "cryptograhic"),  # the h of -graph- left out
        ("advertisers", "advertisors"),  # -er as -or
        ("aforementioned", "aforementionned"),  # the n doubled
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {
    "da": {"brugs"},  # for bruges; a cooperative shop, and brug's genitive
    "en": {"fist", "thee"},  # for first and these
}

# Never seeded, on top of the other sets' words: the names these pages write in lower case
# (`linux`, the `smartcase` feature, a drive's `multi` label), and in Danish the English a
# page leaves in (`jewel cases`, `browsing`, the search example `gtk window application`).
HELDOUT7_NOT_SEEDED = {"linux", "smartcase", "multi"}
ENGLISH_IN_DA7 = {"jewel", "cases", "browsing", "window", "application"}
NOT_SEEDED_HELDOUT7 = {
    "da": NOT_SEEDED_HELDOUT6["da"] | HELDOUT7_NOT_SEEDED | ENGLISH_IN_DA7,
    "en": NOT_SEEDED_HELDOUT6["en"] | HELDOUT7_NOT_SEEDED,
}

HEADER = {
    "da": "Danish technical documentation, seventh held-out set: prose paragraphs of the Danish\n"
    "# help of Brasero (brasero-common 3.12.3-2), Web (epiphany-browser-data 43.1-1), Document\n"
    "# Scanner (simple-scan 42.5-2), Color Manager (gnome-color-manager 3.36.0-1+b1) and\n"
    "# Devhelp (devhelp-common 43.0-3), as Debian 12 ships them.",
    "en": "English technical documentation, seventh held-out set: prose paragraphs of the\n"
    "# English help of Brasero (brasero-common 3.12.3-2), Web (epiphany-browser-data 43.1-1),\n"
    "# Document Scanner (simple-scan 42.5-2), Color Manager (gnome-color-manager 3.36.0-1+b1)\n"
    "# and Devhelp (devhelp-common 43.0-3), the originals of the Danish set, as Debian 12\n"
    "# ships them.",
}

HELDOUT7 = Build(
    suffix="_heldout7",
    sources={"da": [], "en": []},
    topics={"da": (), "en": ()},
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT7,
    seeded=56,
    seed=2939,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout7_build.py",
    apps=APPS,
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT7))


if __name__ == "__main__":
    main()
