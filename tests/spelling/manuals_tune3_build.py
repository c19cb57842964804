"""Build the third tuning set of technical documentation (#29): `{da,en}_manuals_tune3.toml`.

Man pages dense with identifiers, of the kind the held-out half is (program names,
options, file names, C names): the other coreutils pages of manpages-da, the diffutils
pages and the GRUB tools' pages, with their English originals (coreutils, diffutils,
grub-common, grub2-common). No document the first two sets use. Every paragraph is
`tune`. Same extraction, labelling rule and typo generator as the first two sets, with
its own labels and seed. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_tune3_build /tmp/src/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import MAN_DA, NOT_SEEDED, Build, write
from .manuals_tune_build import ENGLISH_IN_DA, KEYWORDS

COREUTILS = (
    "dd", "stat", "mv", "mkdir", "split", "cut", "wc", "head", "shred", "timeout", "stty",
    "md5sum", "mktemp", "nice", "nohup", "tee", "uniq", "readlink", "realpath", "cat",
    "chgrp", "comm", "csplit", "dircolors", "expand", "fmt", "fold", "nl", "numfmt",
    "paste", "pr", "ptx", "seq", "shuf", "truncate", "tsort", "uname",
)  # fmt: skip
DIFFUTILS = ("cmp", "diff", "diff3", "sdiff")
GRUB_1 = (
    "grub-editenv", "grub-file", "grub-fstest", "grub-glue-efi", "grub-kbdcomp",
    "grub-menulst2cfg", "grub-mkfont", "grub-mkimage", "grub-mklayout", "grub-mknetdir",
    "grub-mkpasswd-pbkdf2", "grub-mkrelpath", "grub-mkrescue", "grub-mkstandalone",
    "grub-mount", "grub-render-label", "grub-script-check", "grub-syslinux2cfg",
)  # fmt: skip
GRUB_8 = ("grub-macbless", "grub-mkconfig", "grub-probe")  # grub-common
GRUB2_8 = ("grub-install", "grub-reboot", "grub-set-default")  # grub2-common
GRUB = "2.06-13+deb12u2"


def _man(
    package: str, version: str, section: int, pages: tuple[str, ...]
) -> list[tuple[str, str, str, str]]:
    return [
        (
            package,
            version,
            f"usr/share/man/man{section}/{page}.{section}.gz",
            f"man{section}/{page}.{section}",
        )
        for page in pages
    ]


SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "da": [
        (*MAN_DA[:2], MAN_DA[2].format(s=s, page=page), f"man{s}/{page}.{s}")
        for s, pages in ((1, COREUTILS + DIFFUTILS + GRUB_1), (8, GRUB_8 + GRUB2_8))
        for page in pages
    ],
    "en": [
        *_man("coreutils", "9.1-1", 1, COREUTILS),
        *_man("diffutils", "1:3.8-4", 1, DIFFUTILS),
        *_man("grub-common", GRUB, 1, GRUB_1),
        *_man("grub-common", GRUB, 8, GRUB_8),
        *_man("grub2-common", GRUB, 8, GRUB2_8),
    ],
}
TOPICS: dict[str, tuple[str, ...]] = {"da": (), "en": ()}

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "nyline": "nylinje",  # dd.1, twice
        "mellemrun": "mellemrum",  # dd.1
        "størelse": "størrelse",  # dd.1, twice
        "Overskiv": "Overskriv",  # shred.1
        "upriviligeret": "uprivilegeret",  # grub-file.1
    },
    "en": {},
}

# Typos chosen by hand that form plausible compounds or words: (word, typo).
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("linjeskift", "linjeskrift"),  # linje+skrift
        ("tidsgrænsen", "tidgrænsen"),  # tid+grænsen, no linking s
        ("kontrolsummer", "kontrolsommer"),  # kontrol+sommer
        ("skilletegn", "skiltetegn"),  # skilte+tegn
        ("sidehoved", "sidehove"),  # side+hove
    ],
    "en": [
        ("checksums", "cheeksums"),  # cheek+sums
        ("bootloader", "bootleader"),  # boot+leader
        ("hardware", "hardwar"),  # hard+war
        ("overwrite", "overwhite"),  # over+white
        ("precompiled", "precomplied"),  # pre+complied
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {"da": {"førte", "angive"}, "en": {"fils"}}

# Never seeded, on top of the first two sets': program names and identifiers these pages
# write in lower case, and option values.
TUNE3_NOT_SEEDED = {
    # programs, packages and file names
    "shred", "timeout", "mktemp", "numfmt", "dircolors", "xorriso", "mkisofs", "syslinux",
    "ckbcomp", "terminfo", "grubenv", "biosdisk", "printf", "umask", "coreutils", "sparc",
    "multiboot", "nohup",
    # stty's settings
    "echoprt", "echoe", "echoctl", "echok", "echoke", "echonl", "brkint", "ignpar", "istrip",
    "icrnl", "opost", "icanon", "ixany", "ixoff", "cread", "iexten", "imaxbel", "onlcr",
    "noflsh", "iuclc", "xcase", "olcuc", "ocrnl", "ofill", "onocr", "onlret", "tostop",
    "ofdel", "extproc", "flusho", "erase", "cooked",
    # option values: dd's, shred's, uniq's, numfmt's, grub-install's
    "none", "noxfer", "progress", "sparse", "block", "unblock", "unlink", "wipe", "wipesync",
    "separate", "prepend", "append", "abort", "ignore", "native", "default", "double",
}  # fmt: skip
NOT_SEEDED_TUNE3 = {
    "da": NOT_SEEDED | KEYWORDS | ENGLISH_IN_DA | TUNE3_NOT_SEEDED,
    "en": NOT_SEEDED | KEYWORDS | TUNE3_NOT_SEEDED,
}

HEADER = {
    "da": "Danish technical documentation, third tuning set: prose paragraphs of Danish man\n"
    "# pages (manpages-da: coreutils', diffutils' and GRUB's pages), as Debian 12 ships them.",
    "en": "English technical documentation, third tuning set: prose paragraphs of man pages\n"
    "# (coreutils, diffutils, grub-common, grub2-common), as Debian 12 ships them.",
}

TUNE3 = Build(
    suffix="_tune3",
    sources=SOURCES,
    topics=TOPICS,
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_TUNE3,
    seeded=45,
    seed=2903,
    split="tune",
    header=HEADER,
    builder="manuals_tune3_build.py",
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, TUNE3))


if __name__ == "__main__":
    main()
