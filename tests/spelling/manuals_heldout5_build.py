"""Build the fifth held-out set of technical documentation (#29): `{da,en}_manuals_heldout5.toml`.

The fourth held-out set had been measured once and was about to be tuned on, so a fresh set
from text nobody here had seen must measure the result. This set is the applications' own
GNOME help, not gnome-user-docs: every page of Passwords and Keys (seahorse: PGP and SSH
keys, keyrings, key servers) and of Archive Manager (file-roller), in Danish and in the
English original from the same Debian 12 packages. Every paragraph is `held-out`. Same
extraction, labelling rule and typo generator as the other sets, with its own labels and
seed, labelled by reading before any checker (ours or Hunspell) ran on the text. See
MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout5_build /tmp/src7/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import NOT_SEEDED, Build, write
from .manuals_heldout2_build import ENGLISH_IN_DA2, HELDOUT2_NOT_SEEDED
from .manuals_heldout3_build import ENGLISH_IN_DA3, HELDOUT3_NOT_SEEDED
from .manuals_heldout4_build import ENGLISH_IN_DA4, HELDOUT4_NOT_SEEDED
from .manuals_tune3_build import TUNE3_NOT_SEEDED
from .manuals_tune_build import ENGLISH_IN_DA, KEYWORDS

# (package, version, application): every page of /usr/share/help/{da,C}/APP/, Debian 12.
APPS = (("seahorse", "43.0-1", "seahorse"), ("file-roller", "43.0-1", "file-roller"))

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "synrkoniseres": "synkroniseres",  # seahorse/pgp-delete
        "synkroniserere": "synkronisere",  # seahorse/pgp-sync
    },
    "en": {},
}

# Typos chosen by hand that form plausible compounds or words: (word, typo).
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("udløbsdatoen", "udløbdatoen"),  # udløb+datoen, the linking s left out
        ("hovednøglen", "hovenøglen"),  # hove+nøglen
        ("hængelåsen", "hængelasen"),  # hænge+lasen
        ("fjerncomputeren", "fjercomputeren"),  # fjer+computeren
        ("standardnøgleringen", "standartnøgleringen"),  # standart, a common slip
        ("menuknappen", "menuknapen"),  # a double letter written once
        ("destinationsmappen", "destinationmappen"),  # -ion without its s
        ("sikkerhedskopi", "sikkerhedkopi"),  # -hed without its s
    ],
    "en": [
        ("fingerprint", "fingerpint"),  # finger+pint
        ("passphrase", "passphase"),  # pass+phase
        ("plaintext", "plaintest"),  # plain+test
        ("subkey", "sunkey"),  # sun+key
        ("shortcuts", "shotcuts"),  # shot+cuts
        ("semicolon", "semicolor"),  # semi+color
        ("metadata", "metadate"),  # meta+date
        ("somewhere", "somewere"),  # some+were
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {
    "da": {"høre", "lise", "væge"},  # for højre, liste, vælge
    "en": {"chose", "flies"},  # for choose, files
}

# Never seeded, on top of the other sets' words: the English a Danish page leaves in
# (`secure shell-nøgle`, `browse på webbet`).
ENGLISH_IN_DA5 = {"secure", "browse"}
NOT_SEEDED_BOTH = (
    NOT_SEEDED | KEYWORDS | TUNE3_NOT_SEEDED | HELDOUT2_NOT_SEEDED | HELDOUT3_NOT_SEEDED
    | HELDOUT4_NOT_SEEDED
)  # fmt: skip
NOT_SEEDED_HELDOUT5 = {
    "da": NOT_SEEDED_BOTH | ENGLISH_IN_DA | ENGLISH_IN_DA2 | ENGLISH_IN_DA3 | ENGLISH_IN_DA4
    | ENGLISH_IN_DA5,
    "en": NOT_SEEDED_BOTH,
}  # fmt: skip

HEADER = {
    "da": "Danish technical documentation, fifth held-out set: prose paragraphs of the Danish\n"
    "# help of Passwords and Keys (seahorse 43.0-1) and Archive Manager (file-roller 43.0-1),\n"
    "# as Debian 12 ships them.",
    "en": "English technical documentation, fifth held-out set: prose paragraphs of the\n"
    "# English help of Passwords and Keys (seahorse 43.0-1) and Archive Manager (file-roller\n"
    "# 43.0-1), the originals of the Danish set, as Debian 12 ships them.",
}

HELDOUT5 = Build(
    suffix="_heldout5",
    sources={"da": [], "en": []},
    topics={"da": (), "en": ()},
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT5,
    seeded=56,
    seed=2925,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout5_build.py",
    apps=APPS,
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT5))


if __name__ == "__main__":
    main()
