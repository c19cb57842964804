"""Build the fourth held-out set of technical documentation (#29): `{da,en}_manuals_heldout4.toml`.

The third held-out set had been measured once and was about to be tuned on, so a fresh set
from text nobody here had seen must measure the result. This set is manpages-da's pages
that only Debian 13 (trixie, manpages-da 4.27.0-1) translates (time, addr2line, ac,
memusage, sprof, AusweisApp, zstdgrep, BSD games, ...) and a few pages no other set or
test uses (rusers, biff, tzselect, rwho, ...), with their English originals from the
trixie packages. No GNOME help. Every paragraph is `held-out`. Same extraction, labelling
rule and typo generator as the other sets, with its own labels and seed, labelled by
reading before any checker (ours or Hunspell) ran on the text. See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout4_build /tmp/src6/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import NOT_SEEDED, Build, write
from .manuals_heldout2_build import ENGLISH_IN_DA2, HELDOUT2_NOT_SEEDED
from .manuals_heldout3_build import ENGLISH_IN_DA3, HELDOUT3_NOT_SEEDED
from .manuals_tune3_build import TUNE3_NOT_SEEDED
from .manuals_tune_build import ENGLISH_IN_DA, KEYWORDS

MAN_DA = "manpages-da", "4.27.0-1"  # Debian 13 (trixie)
# (package, version, section, pages): the English originals as trixie ships them.
PAGES = (
    # pages that manpages-da 4.18.1-1 (Debian 12) does not translate
    ("ausweisapp", "2.3.1-1", 1, ("AusweisApp",)),
    ("acct", "6.6.4-8", 1, ("ac",)),
    ("groff", "1.23.0-9", 1, ("addftinfo",)),
    ("binutils-common", "2.44-3", 1, ("addr2line",)),
    ("sane-airscan", "0.99.35-1", 1, ("airscan-discover",)),
    ("netpbm", "2:11.10.02-1", 1, ("atktopbm",)),
    ("ghostscript", "10.05.1~dfsg-1+deb13u3", 1, ("gsnd",)),
    ("manpages", "6.9.1-1", 1, ("memusage", "sprof")),
    ("time", "1.9-0.2", 1, ("time",)),
    ("zstd", "1.5.7+dfsg-1", 1, ("zstdgrep", "zstdless")),
    ("bsdgames", "2.17-35", 6, (
        "bsdgames-adventure", "caesar", "countmail", "rain", "random", "rot13", "wargames",
        "worm",
    )),
    # pages both versions translate that no other set (nor a test's text) uses
    ("rusers", "0.17-13", 1, ("rusers",)),
    ("biff", "1:0.17.pre20000412-5.1", 1, ("biff",)),
    ("libc-bin", "2.41-12+deb13u5", 1, ("tzselect",)),
    ("rwho", "0.17-16", 1, ("rwho", "ruptime")),
    ("rwall", "0.17-11", 1, ("rwall",)),
    ("libc-devtools", "2.41-12+deb13u5", 1, ("sotruss",)),
    ("ghostscript", "10.05.1~dfsg-1+deb13u3", 1, ("pdf2ps",)),
    ("kbd", "2.7.1-2", 1, ("fgconsole", "deallocvt", "psfxtable")),
    ("coreutils", "9.7-3", 1, ("printenv",)),
    ("bash", "5.2.37-2+b10", 1, ("clear_console",)),
)  # fmt: skip
SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "da": [
        (*MAN_DA, f"usr/share/man/da/man{s}/{page}.{s}.gz", f"man{s}/{page}.{s}")
        for _, _, s, pages in PAGES
        for page in pages
    ],
    "en": [
        (package, version, f"usr/share/man/man{s}/{page}.{s}.gz", f"man{s}/{page}.{s}")
        for package, version, s, pages in PAGES
        for page in pages
    ],
}
TOPICS: dict[str, tuple[str, ...]] = {"da": (), "en": ()}

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "dyben": "dybden",  # ×2, addftinfo.1
        "skalederede": "skalerede",  # addftinfo.1
        "komileren": "kompileren",  # addr2line.1
        "funktionsnavet": "funktionsnavnet",  # addr2line.1
        "niveaer": "niveauer",  # addr2line.1
        "fejlraporter": "fejlrapporter",  # addr2line.1
        "tegnen": "tegnet",  # addr2line.1
        "stakpegeradrese": "stakpegeradresse",  # memusage.1
        "funktonerne": "funktionerne",  # sprof.1
        "henvisingsnavnet": "henvisningsnavnet",  # sprof.1
        "procentegn": "procenttegn",  # time.1
        "spørgsmåltegn": "spørgsmålstegn",  # ×2, time.1
        "afviklignen": "afviklingen",  # time.1
        "Standardværdiem": "Standardværdien",  # random.6
        "calle": "callee",  # sotruss.1, the original's slip, quoted in English
        "parametere": "parametre",  # sotruss.1
        "Kommanden": "Kommandoen",  # clear_console.1
    },
    "en": {
        "ambigious": "ambiguous",  # addr2line.1
        "accomodate": "accommodate",  # rusers.1 (rwall.1 spells it right)
        "calle": "callee",  # sotruss.1
    },
}

# Typos chosen by hand that form plausible compounds or words: (word, typo).
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("grundlinjen", "grundlinen"),  # grund+linen
        ("forbindelsestid", "forbindelsetid"),  # -else without its linking s
        ("sidefejl", "sidefjel"),  # side+fjel
        ("arbejdsstationer", "arbejdstationer"),  # arbejd+stationer
        ("rekursionsbegrænsningen", "rekursionbegrænsningen"),  # -ion without its s
        ("filnavnet", "filnavet"),  # fil+navet
        ("hovedprogrammet", "hovedprogramet"),  # a double letter written once
        ("hukommelsesblok", "hukommelsesblog"),  # hukommelses+blog
    ],
    "en": [
        ("webserver", "webserve"),  # web+serve
        ("wildcards", "wildcars"),  # wild+cars
        ("underscore", "undersore"),  # under+sore
        ("breakdown", "brakedown"),  # brake+down
        ("foreground", "forground"),  # for+ground
        ("lifetime", "lifetine"),  # life+tine
        ("symlinks", "synlinks"),  # syn+links
        ("baseline", "basline"),  # bas+line
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {"da": set(), "en": {"eery"}}  # a variant of eerie

# Never seeded, on top of the other sets' words: the programs, files and values these
# pages write in lower case, and the English a Danish page quotes.
HELDOUT4_NOT_SEEDED = {
    "addftinfo", "atktopbm", "caesar", "countmail", "deallocvt", "devfs", "devfsd", "groff",
    "libnetpbm", "makeman", "memusage", "portmapper", "printenv", "psfxtable", "random",
    "ripgrep", "rusers", "rwall", "snake", "soname", "sotruss", "sprof", "tzdata", "tzselect",
    "uptime", "wayland", "webservice", "websocket", "zstdgrep", "zstdless", "localhost",
    "gnome", "nomove",
    # placeholders: psfxtable's files, addr2line's format name
    "infont", "outfont", "intable", "outtable", "bfdname",
}  # fmt: skip
ENGLISH_IN_DA4 = {
    "accounting", "caller", "demangle", "demangling", "denied", "inlined", "mangled",
    "umangled", "memory", "people", "profile", "serial", "suspend", "vanilla",
    "denominator", "resolution",
}  # fmt: skip
NOT_SEEDED_BOTH = (
    NOT_SEEDED | KEYWORDS | TUNE3_NOT_SEEDED | HELDOUT2_NOT_SEEDED | HELDOUT3_NOT_SEEDED
    | HELDOUT4_NOT_SEEDED
)  # fmt: skip
NOT_SEEDED_HELDOUT4 = {
    "da": NOT_SEEDED_BOTH | ENGLISH_IN_DA | ENGLISH_IN_DA2 | ENGLISH_IN_DA3 | ENGLISH_IN_DA4,
    "en": NOT_SEEDED_BOTH,
}

HEADER = {
    "da": "Danish technical documentation, fourth held-out set: prose paragraphs of Danish man\n"
    "# pages (manpages-da 4.27.0-1: pages only Debian 13 translates, such as time, addr2line,\n"
    "# ac, memusage, sprof and the BSD games, and rusers, biff, tzselect, rwho, ...), as\n"
    "# Debian 13 ships them.",
    "en": "English technical documentation, fourth held-out set: prose paragraphs of the\n"
    "# English originals of the Danish set's man pages (time, binutils, acct, manpages,\n"
    "# bsdgames, rusers, biff, libc-bin, rwho, kbd, coreutils, ...), as Debian 13 ships them.",
}

HELDOUT4 = Build(
    suffix="_heldout4",
    sources=SOURCES,
    topics=TOPICS,
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT4,
    seeded=56,
    seed=2918,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout4_build.py",
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT4))


if __name__ == "__main__":
    main()
