"""Build the second held-out set of technical documentation (#29): `{da,en}_manuals_heldout2.toml`.

The first held-out half had been measured too often to be a measurement any more. This set
is text none of the other sets use: GNU tar's and GNU cpio's man pages (manpages-da's
translations and the English originals in the tar and cpio packages) and the GNOME help's
keyboard pages. Every paragraph is `held-out`. Same extraction, labelling rule and typo
generator as the other sets, with its own labels and seed, labelled by reading before any
checker (ours or Hunspell) ran on the text. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout2_build /tmp/src4/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import MAN_DA, NOT_SEEDED, Build, write
from .manuals_tune3_build import TUNE3_NOT_SEEDED
from .manuals_tune_build import ENGLISH_IN_DA, KEYWORDS

SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "da": [
        (*MAN_DA[:2], MAN_DA[2].format(s=1, page=page), f"man1/{page}.1")
        for page in ("tar", "cpio")
    ],
    "en": [
        ("tar", "1.34+dfsg-1.2+deb12u1", "usr/share/man/man1/tar.1.gz", "man1/tar.1"),
        ("cpio", "2.13+dfsg-7.1", "usr/share/man/man1/cpio.1.gz", "man1/cpio.1"),
    ],
}
TOPICS = {"da": ("keyboard",), "en": ("keyboard",)}

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "arguementer": "argumenter",  # tar.1
        "indbyggde": "indbyggede",
        "Dise": "Disse",
        "tilvalgkontrollerer": "tilvalg kontrollerer",
        "medelemsrækkefølge": "medlemsrækkefølge",
        "indholde": "indeholde",
        "eksisternede": "eksisterende",
        "mijøvariablen": "miljøvariablen",
        "efterføglende": "efterfølgende",
        "uddybningsniveaet": "uddybningsniveauet",
        "filesystem": "filsystem",  # twice, in tar's Danish messages
        "numriske": "numeriske",  # cpio.1
        "sammenhænget": "sammenhængen",  # keyboard-key-menu
        "In": "I",  # keyboard-nav: 'In en liste- eller ikonvisning'
    },
    "en": {"Controlsи": "Controls"},  # cpio.1: a Cyrillic letter typed after the word
}

# Typos chosen by hand that form plausible compounds or words: (word, typo).
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("kommandolinjeord", "kommandolinjerod"),  # kommando+linje+rod
        ("tidsstemplet", "tidstemplet"),  # tid+stemplet
        ("ejergruppe", "ejegruppe"),  # eje+gruppe
        ("forstørrelsesglas", "forstørrelsesgas"),  # forstørrelses+gas
        ("piletasterne", "pilletasterne"),  # pille+tasterne
        ("afkrydsningsboks", "afkrydsningboks"),  # afkrydsning+boks, no linking s
        ("menulinjen", "menulinen"),  # menu+linen
        ("fanebladet", "fanbladet"),  # fan+bladet
    ],
    "en": [
        ("snapshot", "snapshoot"),  # snap+shoot
        ("pathname", "patname"),  # pat+name
        ("namespace", "namepace"),  # name+pace
        ("hostname", "hotname"),  # hot+name
        ("counterparts", "counterpats"),  # counter+pats
        ("backward", "backwad"),  # back+wad
        ("sidebar", "sidebat"),  # side+bat
        ("underlined", "underlied"),  # under+lied
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {"da": {"tilvalgte", "same"}, "en": {"there"}}

# Never seeded, on top of the other sets' words: what tar's and cpio's pages write in lower
# case as names (programs, formats, option values) and the English the Danish pages quote.
HELDOUT2_NOT_SEEDED = {
    "emacs", "texinfo", "compress", "ustar", "oldgnu", "posix", "hpbin", "hpodc", "newc",
    "inode", "xattrs", "rhythmbox", "replace", "system", "existing", "numbered", "simple",
    "literal", "shell", "escape", "clocale", "truncate", "globbing",
}  # fmt: skip
ENGLISH_IN_DA2 = {
    "traditional", "style", "short", "option", "optional", "archive", "patterns", "level",
    "child", "match", "suffix", "suffixes", "sparse", "formats",
}  # fmt: skip
NOT_SEEDED_BOTH = NOT_SEEDED | KEYWORDS | TUNE3_NOT_SEEDED | HELDOUT2_NOT_SEEDED
NOT_SEEDED_HELDOUT2 = {
    "da": NOT_SEEDED_BOTH | ENGLISH_IN_DA | ENGLISH_IN_DA2,
    "en": NOT_SEEDED_BOTH,
}

HEADER = {
    "da": "Danish technical documentation, second held-out set: prose paragraphs of Danish man\n"
    "# pages (manpages-da: tar.1, cpio.1) and the Danish GNOME help's keyboard pages\n"
    "# (gnome-user-docs), as Debian 12 ships them.",
    "en": "English technical documentation, second held-out set: prose paragraphs of man pages\n"
    "# (tar, cpio) and the GNOME help's keyboard pages (gnome-user-docs, C), as Debian 12\n"
    "# ships them.",
}

HELDOUT2 = Build(
    suffix="_heldout2",
    sources=SOURCES,
    topics=TOPICS,
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT2,
    seeded=56,
    seed=2907,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout2_build.py",
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT2))


if __name__ == "__main__":
    main()
