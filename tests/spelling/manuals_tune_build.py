"""Build the second tuning set of technical documentation (#29): `{da,en}_manuals_tune.toml`.

Documents the first set (`manuals_build.py`) does not use: other man pages of manpages-da
(coreutils' and the section 4-8 intros) with their English originals, and the GNOME help's
sound pages. Every paragraph is `tune`. Same extraction, labelling rule and typo generator
as the first set, with its own labels and seed. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_tune_build /tmp/src/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import MAN_DA, NOT_SEEDED, Build, write

COREUTILS = (
    "ls", "cp", "rm", "date", "du", "df", "tail", "sort", "chown", "touch", "ln", "install",
    "env", "tr", "od", "join",
)  # fmt: skip
INTROS = (4, 5, 6, 7, 8)
SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "da": [
        *((*MAN_DA[:2], MAN_DA[2].format(s=s, page="intro"), f"man{s}/intro.{s}") for s in INTROS),
        *((*MAN_DA[:2], MAN_DA[2].format(s=1, page=page), f"man1/{page}.1") for page in COREUTILS),
    ],
    "en": [
        *(
            ("manpages", "6.03-2", f"usr/share/man/man{s}/intro.{s}.gz", f"man{s}/intro.{s}")
            for s in INTROS
        ),
        *(
            ("coreutils", "9.1-1", f"usr/share/man/man1/{page}.1.gz", f"man1/{page}.1")
            for page in COREUTILS
        ),
    ],
}
TOPICS = {"da": ("sound",), "en": ("sound",)}

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "indenholder": "indeholder",
        "indenholdende": "indeholdende",
        "indtastningfelter": "indtastningsfelter",
        "kataloge": "kataloger",
        "pførslen": "opførslen",
        "sværre": "sværere",
        "højttalerenes": "højttalernes",
    },
    "en": {},
}

# Typos chosen by hand that form plausible compounds or words: (word, typo).
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("lydkort", "lydkor"),  # lyd+kor
        ("skærmbredden", "skærmbreden"),  # skærm+breden
        ("lydstikket", "lydstykket"),  # lyd+stykket
        ("tidszone", "tidzone"),  # tid+zone, no linking s
        ("sorteringsorden", "sorteringorden"),  # sortering+orden, no linking s
        ("højttalerkablet", "højtalerkablet"),  # høj+taler+kablet
    ],
    "en": [
        ("superuser", "superuse"),  # super+use
        ("backslash", "backlash"),  # a word
        ("whitespace", "whitepace"),  # white+pace
        ("lightweight", "lightweigh"),  # light+weigh
        ("overridden", "overriden"),  # over+riden
        ("touchpad", "touchpat"),  # touch+pat
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {"da": {"driveren", "ænder"}, "en": {"backlash", "pints"}}

# Never seeded, on top of the first set's: option values (`--sort=time`, `WHEN: never`), and
# in the Danish pages the English option values and terms they quote as written.
KEYWORDS = {
    "never", "always", "birth", "creation", "atime", "ctime", "mtime", "fstype", "itotal",
    "iused", "iavail", "ipcent", "avail", "pcent", "xattr",
}  # fmt: skip
ENGLISH_IN_DA = {
    "access", "status", "classify", "locale", "force", "backup", "context", "links",
    "ownership", "timestamps", "hours", "minutes", "seconds", "source", "target", "modify",
    "verbose",
}  # fmt: skip
NOT_SEEDED_TUNE = {"da": NOT_SEEDED | KEYWORDS | ENGLISH_IN_DA, "en": NOT_SEEDED | KEYWORDS}

HEADER = {
    "da": "Danish technical documentation, second tuning set: prose paragraphs of Danish man\n"
    "# pages (manpages-da: coreutils' pages, intro.4-8) and the Danish GNOME help's sound pages\n"
    "# (gnome-user-docs), as Debian 12 ships them.",
    "en": "English technical documentation, second tuning set: prose paragraphs of man pages\n"
    "# (coreutils, manpages: intro.4-8) and the GNOME help's sound pages (gnome-user-docs, C),\n"
    "# as Debian 12 ships them.",
}

TUNE = Build(
    suffix="_tune",
    sources=SOURCES,
    topics=TOPICS,
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_TUNE,
    seeded=54,
    seed=2901,
    split="tune",
    header=HEADER,
    builder="manuals_tune_build.py",
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, TUNE))


if __name__ == "__main__":
    main()
