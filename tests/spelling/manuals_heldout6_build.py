"""Build the sixth held-out set of technical documentation (#29): `{da,en}_manuals_heldout6.toml`.

Every earlier held-out set had been measured and tuned on, so a fresh set from text nobody
here had seen must measure the checker changed since. This set is four GNOME applications'
own help, whole: Boxes (gnome-boxes: virtual machines, snapshots, libvirt), Déjà Dup
(deja-dup: backups, restoring with duplicity by hand), Calculator (gnome-calculator) and
Sysprof (sysprof: profiling), in Danish and in the English original from the same Debian 12
packages. Every paragraph is `held-out`. Same extraction, labelling rule and typo generator
as the other sets, with its own labels and seed, labelled by reading before any checker
(ours or Hunspell) ran on the text. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout6_build /tmp/src8/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import Build, write
from .manuals_heldout5_build import NOT_SEEDED_HELDOUT5

# (package, version, application): every page of /usr/share/help/{da,C}/APP/, Debian 12.
APPS = (
    ("gnome-boxes", "43.2-1", "gnome-boxes"),
    ("deja-dup", "44.0-2", "deja-dup"),
    ("gnome-calculator", "1:43.0.1-2", "gnome-calculator"),
    ("sysprof", "3.46.0-4", "sysprof"),
)

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "katestrofegendannelsessenarie": "katastrofegendannelsesscenarie",  # gnome-boxes/backup
        "Prodcuenten": "Producenten",  # deja-dup/restore-full
        "genopretttelsen": "genoprettelsen",  # deja-dup/restore-revert
        "tilstandende": "tilstandene",  # gnome-calculator/base and /superscript
    },
    "en": {
        "Afterwhich": "After which",  # sysprof/profiling
        "decendants": "descendants",  # sysprof/profiling ('descendants' in the next paragraph)
    },
}

# Typos chosen by hand, before any checker ran, that a translator makes in long words and
# compounds: (word, typo). Each goes in the first paragraph with that word and no other.
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("værtsmaskinen", "værtmaskinen"),  # vært+maskinen, the linking s left out
        ("hukommelsesdata", "hukommelsedata"),  # -else without its s
        ("øjebliksbilledet", "øjeblikbilledet"),  # øjeblik+billedet
        ("fejlfindingsloggen", "fejlfindingslogen"),  # log+gen: the double g written once
        ("udregningsskærmen", "udregningskærmen"),  # the joint's s and skærm's s run together
        ("virtualiseringsudvidelserne", "virtualiseringsudvidelsene"),  # -erne as -ene
        ("gæstestyresystemet", "gæstestyrsystemet"),  # styr+system
        ("opbevaringspladser", "opbevaringsplader"),  # opbevarings+plader (plates)
    ],
    "en": [
        ("keystrokes", "keystokes"),  # key+stokes
        ("snapshot", "snapshop"),  # snap+shop
        ("thumbnails", "thumbtails"),  # thumb+tails
        ("timestamp", "timestump"),  # time+stump
        ("toolkit", "tookit"),  # too+kit
        ("troubleshooting", "troubleshoting"),  # a double letter written once
        ("introductory", "introductary"),  # -ory as -ary
        ("keyboard", "keybord"),  # key+bord
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {"da": {"følende"}, "en": set()}  # for følgende

# Never seeded, on top of the other sets' words: programs, libraries, C names and file
# extensions written in lower case, the user name `anonymous`, and in Danish the English a
# page leaves in (financial terms in quotes, `issue tracker`, the label `support`,
# `- - kernel - -`, `mnemonics`, `virtualizer`).
HELDOUT6_NOT_SEEDED = {
    "duplicity", "flathub", "libvirt", "malloc", "rdiff", "sysprof", "virsh", "difftar",
    "anonymous",
}  # fmt: skip
ENGLISH_IN_DA6 = {
    "compounding", "period", "periods", "fraction", "accelerates", "allowance", "annuity",
    "balance", "issue", "tracker", "support", "kernel", "mnemonics", "virtualizer",
}  # fmt: skip
NOT_SEEDED_HELDOUT6 = {
    "da": NOT_SEEDED_HELDOUT5["da"] | HELDOUT6_NOT_SEEDED | ENGLISH_IN_DA6,
    "en": NOT_SEEDED_HELDOUT5["en"] | HELDOUT6_NOT_SEEDED,
}

HEADER = {
    "da": "Danish technical documentation, sixth held-out set: prose paragraphs of the Danish\n"
    "# help of Boxes (gnome-boxes 43.2-1), Déjà Dup (deja-dup 44.0-2), Calculator\n"
    "# (gnome-calculator 1:43.0.1-2) and Sysprof (sysprof 3.46.0-4), as Debian 12 ships them.",
    "en": "English technical documentation, sixth held-out set: prose paragraphs of the\n"
    "# English help of Boxes (gnome-boxes 43.2-1), Déjà Dup (deja-dup 44.0-2), Calculator\n"
    "# (gnome-calculator 1:43.0.1-2) and Sysprof (sysprof 3.46.0-4), the originals of the\n"
    "# Danish set, as Debian 12 ships them.",
}

HELDOUT6 = Build(
    suffix="_heldout6",
    sources={"da": [], "en": []},
    topics={"da": (), "en": ()},
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT6,
    seeded=56,
    seed=2932,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout6_build.py",
    apps=APPS,
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT6))


if __name__ == "__main__":
    main()
