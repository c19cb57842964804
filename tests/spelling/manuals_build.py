"""Build the technical-documentation spelling sets (#29): `{da,en}_manuals.toml`.

Prose paragraphs of man pages and GNOME help, as Debian ships them, with the real typos a
reader found in them (`PUBLISHED`, labelled by reading, never from a checker's output) and
one seeded typo in each of about 100 paragraphs, from `evaluation._typo` with a fixed seed,
plus a few chosen by hand that form plausible compounds (`COMPOUNDS`). See MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_build /tmp/src/x
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .evaluation import _PLAIN_WORD, _typo

HERE = Path(__file__).parent
MALLARD = "{http://projectmallard.org/1.0/}"
MIN_WORDS = 10
SEEDED = 90  # random ones a language; COMPOUNDS come on top
SEED = 29
SPLIT_SALT = "8:"

# (package, version, path in the package, document name); the name says the split.
MAN_DA = "manpages-da", "4.18.1-1", "usr/share/man/da/man{s}/{page}.{s}.gz"
SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "da": [
        (*MAN_DA[:2], MAN_DA[2].format(s=1, page=page), f"man1/{page}.1")
        for page in ("intro", "make", "sed", "getent", "chmod", "ldd", "iconv")
    ],
    "en": [
        *(
            ("manpages", "6.03-2", f"usr/share/man/man1/{page}.1.gz", f"man1/{page}.1")
            for page in ("intro", "ldd", "getent")
        ),
        ("make", "4.3-4.1", "usr/share/man/man1/make.1.gz", "man1/make.1"),
        ("coreutils", "9.1-1", "usr/share/man/man1/chmod.1.gz", "man1/chmod.1"),
    ],
}
GNOME = "gnome-user-docs", "43.0-2"
GNOME_TOPICS = {"da": ("accounts", "backup", "bluetooth", "disk", "user"), "en": ("disk", "user")}
GNOME_DIR = {"da": "da", "en": "C"}
LICENCES = {
    "manpages-da": "GPL-3+ (translation); the original pages' own licences",
    "manpages": "Linux man-pages licences (Verbatim, GPL-2+ and others, per page)",
    "make": "GPL-3+",
    "coreutils": "GPL-3+",
    "diffutils": "GPL-3+",
    "grub-common": "GPL-3+",
    "grub2-common": "GPL-3+",
    "gnome-user-docs": "CC-BY-SA-3.0",
    "tar": "GPL-3+",
    "cpio": "GPL-3+",
    "bzip2": "BSD-variant (bzip2's licence)",
    "gzip": "GPL-3+",
    "wdiff": "GPL-3+",
    "ausweisapp": "EUPL-1.2 (AusweisApp's licence; the page states none of its own)",
    "acct": "GPL-2+ and GPL-3 (acct's licences)",
    "groff": "groff's permission to copy its manual pages verbatim",
    "binutils-common": "GFDL-1.3+ (binutils' documentation)",
    "sane-airscan": "GPL-2+",
    "netpbm": "Netpbm's per-program licences (MIT-style)",
    "ghostscript": "AGPL-3+",
    "time": "freely redistributable (the page); GPL-3+ (time)",
    "zstd": "BSD-3-clause or GPL-2",
    "bsdgames": "BSD-3-clause (most games; per game)",
    "rusers": "BSD-4-clause (netkit)",
    "biff": "BSD-4-clause (netkit)",
    "rwho": "BSD-4-clause (netkit)",
    "rwall": "BSD-4-clause (netkit)",
    "libc-bin": "LGPL-2.1+ (glibc; per page)",
    "libc-devtools": "LGPL-2.1+ (glibc; per page)",
    "kbd": "GPL-2+",
    "bash": "GPL-3+",
    "seahorse": "CC-BY-SA-3.0 (the help's legal.xml; debian/copyright: GFDL-1.1+)",
    "file-roller": "CC-BY-SA-3.0 (the help's pages)",
    "gnome-boxes": "CC-BY-SA-3.0 (the help's legal.xml and debian/copyright)",
    "deja-dup": "CC-BY-SA-4.0 (the help's pages and debian/copyright)",
    "gnome-calculator": "CC-BY-SA-3.0 (the help's legal.xml and debian/copyright)",
    "sysprof": "CC-BY-SA-4.0 (the help's legal.xml)",
    "brasero-common": "CC-BY-SA-3.0 (the help's pages; debian/copyright: GFDL-1.1+)",
    "epiphany-browser-data": "CC-BY-SA-3.0 (the help's legal.xml and debian/copyright)",
    "simple-scan": "CC-BY-SA-3.0 (the help's legal.xml)",
    "gnome-color-manager": "CC-BY-SA-3.0 (the help's legal.xml)",
    "devhelp-common": "CC-BY-SA-4.0 (the help's pages, SPDX-License-Identifier)",
    "cheese-common": "CC-BY-SA-3.0 (the help's legal.xml and debian/copyright)",
    "polari": "CC-BY-SA-4.0 (the help's legal.xml)",
    "gedit-common": "GPL-2 (debian/copyright, the whole package; the pages state none)",
    "gnome-text-editor": "CC-BY-SA-3.0 (the help's legal.xml and debian/copyright)",
}
# Sections that are not the documents' prose: names, synopses, credits, licences.
SKIP_SECTIONS = {
    "NAVN", "NAME", "SYNOPSIS", "OVERSÆTTELSE", "COLOPHON", "FEJLRAPPORTER", "REPORTING BUGS",
    "OPHAVSRET", "COPYRIGHT", "AUTHOR", "AUTHORS", "FORFATTER", "FORFATTERE", "SE OGSÅ",
    "SEE ALSO",
}  # fmt: skip
_FUNCTION_WORDS = {
    "da": {
        "og", "at", "du", "der", "en", "er", "til", "på", "for", "med", "ikke", "kan", "af",
        "den", "det", "som", "de", "vil", "eller", "skal", "hvis", "et", "om", "fra", "har",
    },
    "en": {
        "the", "and", "to", "of", "is", "a", "in", "that", "for", "you", "it", "with", "be",
        "are", "as", "or", "this", "on", "not", "by", "can", "if", "from",
    },
}  # fmt: skip

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "manulaen": "manualen",
        "manulasider": "manualsider",
        "nuværrende": "nuværende",
        "udfra": "ud fra",
        "kommado": "kommando",
        "parallet": "parallelt",
        "varibelværdier": "variabelværdier",
        "versionnummeret": "versionsnummeret",
        "makeprocesskriver": "make-proces skriver",
        "omdbrudt": "ombrudt",
        "undvigelsesteng": "undvigelsestegn",
        "tilsvarnede": "tilsvarende",
        "adressser": "adresser",
        "tilvaget": "tilvalget",
        "trin's": "trins",
        "enummere": "enumerere",
        "rettigher": "rettigheder",
        "programm": "program",
    },
    "en": {"makeprocesswrites": "make process writes"},
}

# Typos chosen by hand that form plausible compounds or words: (word, typo), each put in
# the first paragraph with that word and no other seeded typo.
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("programmeringssprog", "programmeringsprog"),  # programmering+sprog
        ("kildetekstfiler", "kildetekstfilter"),  # kilde+tekst+filter
        ("adgangskode", "adgangsskode"),  # adgangs+skode
        ("datakanalen", "datakanelen"),  # data+kanel
        ("standardlænker", "standardlæner"),  # standard+læner
        ("værtsnavn", "værtsnav"),  # værts+nav
        ("mappenavne", "mappenave"),  # mappe+nave
        ("harddisk", "hardisk"),  # har+disk
        ("kommandolinjen", "kommandolinen"),  # kommando+linen
        ("regneark", "regnark"),  # regn+ark
    ],
    "en": [
        ("username", "usename"),  # use+name
        ("everything", "everthing"),  # ever+thing
        ("background", "backround"),  # back+round
        ("filesystem", "filessystem"),  # files+system
        ("toolbar", "tollbar"),  # toll+bar
        ("webcam", "webcame"),  # web+came
        ("standpoint", "standpint"),  # stand+pint
        ("underneath", "underneat"),  # under+neat
        ("anywhere", "anyhere"),  # any+here
        ("passwords", "passwards"),  # pass+wards
    ],
}

# Words never seeded: names of programs and other terms written in lower case.
NOT_SEEDED = {
    "chmod", "getent", "iconv", "xterm", "login", "makefile", "makefiles", "makefilen",
    "makefilens", "makefiler", "makefilerne", "stdin", "stdout", "stderr", "sudo", "perms",
    # getent's databases, which begin its paragraphs
    "ahosts", "aliases", "ethers", "group", "gshadow", "hosts", "initgroups", "netgroup",
    "networks", "passwd", "protocols", "services", "shadow",
}  # fmt: skip
# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {"da": {"tække", "bugt"}, "en": set()}


@dataclass(frozen=True)
class Build:
    """One set's sources and labels: the first set (`{lang}_manuals.toml`) by default;
    `manuals_tune_build.TUNE` is the second tuning set (`{lang}_manuals_tune.toml`)."""

    suffix: str = ""
    sources: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=lambda: SOURCES)
    topics: dict[str, tuple[str, ...]] = field(default_factory=lambda: GNOME_TOPICS)
    published: dict[str, dict[str, str]] = field(default_factory=lambda: PUBLISHED)
    compounds: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: COMPOUNDS)
    forms_word: dict[str, set[str]] = field(default_factory=lambda: FORMS_WORD)
    not_seeded: dict[str, set[str]] = field(
        default_factory=lambda: {"da": NOT_SEEDED, "en": NOT_SEEDED}
    )
    seeded: int = SEEDED
    seed: int = SEED
    split: str | None = None  # every paragraph's split; None: by `split(document)`
    header: dict[str, str] = field(default_factory=lambda: HEADER)
    builder: str = "manuals_build.py"
    apps: tuple[tuple[str, str, str], ...] = ()  # (package, version, app): every help page


def split(document: str) -> str:
    """tune for about 40 % of documents, by a hash of the name, the same in both languages.

    The salt is the first k (0, 1, ...) for which tune holds 35-45 % of both the documents
    and the words in each language, chosen before any checker saw the texts."""
    digest = int(hashlib.sha256(f"{SPLIT_SALT}{document}".encode()).hexdigest(), 16)
    return "tune" if digest % 5 < 2 else "held-out"


def language_of(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", text.lower())
    da, en = (sum(w in _FUNCTION_WORDS[lang] for w in words) for lang in ("da", "en"))
    return "da" if da > en else "en" if en > da else None


def man_paragraphs(path: Path) -> list[str]:
    rendered = subprocess.run(
        ["man", "-l", str(path)], env={"MANWIDTH": "5000", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    plain = subprocess.run(["col", "-bx"], input=rendered, capture_output=True, text=True).stdout
    found, section = [], ""
    for line in plain.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            section = line.strip()
            continue
        if section not in SKIP_SECTIONS:
            found.append(" ".join(line.split()))
    return found


def _mallard_text(element: ET.Element) -> str | None:
    parts: list[str] = []
    empty_link = False

    def walk(node: ET.Element, top: bool) -> None:
        nonlocal empty_link
        tag = node.tag.removeprefix(MALLARD) if isinstance(node.tag, str) else ""
        if tag == "keyseq":
            parts.append("+".join("".join(key.itertext()).strip() for key in node))
        elif tag == "guiseq":  # a menu path, as yelp shows it
            parts.append(" ▸ ".join("".join(gui.itertext()).strip() for gui in node))
        elif tag in ("media", "comment"):
            pass
        else:
            if tag == "link" and not "".join(node.itertext()).strip():
                empty_link = True  # yelp would fill in the linked page's title
            parts.append(node.text or "")
            for child in node:
                walk(child, False)
        if not top:
            parts.append(node.tail or "")

    walk(element, True)
    return None if empty_link else " ".join("".join(parts).split())


def mallard_paragraphs(path: Path) -> list[str]:
    found: list[str] = []

    def walk(node: ET.Element) -> None:
        tag = node.tag.removeprefix(MALLARD) if isinstance(node.tag, str) else ""
        if tag in ("info", "comment", "title", "desc", "code", "screen"):
            return
        if tag == "p":
            text = _mallard_text(node)
            if text:
                found.append(text)
            return
        for child in node:
            walk(child)

    walk(ET.parse(path).getroot())
    return found


def documents(lang: str, unpacked: Path, build: Build | None = None) -> list[dict[str, str]]:
    """Prose paragraphs of ten words or more, in the language, document by document."""
    build = build or Build()
    found = []
    for package, version, inside, document in build.sources[lang]:
        for text in man_paragraphs(unpacked / package / inside):
            found.append((package, version, inside, document, text))
    help_dir = unpacked / "gnome-user-docs/usr/share/help" / GNOME_DIR[lang] / "gnome-help"
    for topic in build.topics[lang]:
        for page in sorted(help_dir.glob(f"{topic}-*.page")):
            inside = str(page.relative_to(unpacked / "gnome-user-docs"))
            for text in mallard_paragraphs(page):
                found.append((*GNOME, inside, f"gnome-help/{page.stem}", text))
    for package, version, app in build.apps:
        app_dir = unpacked / package / "usr/share/help" / GNOME_DIR[lang] / app
        for page in sorted(app_dir.glob("*.page")):
            inside = str(page.relative_to(unpacked / package))
            found += [
                (package, version, inside, f"{app}/{page.stem}", t)
                for t in mallard_paragraphs(page)
            ]
    seen: set[str] = set()
    kept = []
    for package, version, inside, document, text in found:
        if len(text.split()) < MIN_WORDS or language_of(text) != lang or text in seen:
            continue  # short, in the other language (untranslated) or said before
        seen.add(text)
        kept.append({"document": document, "split": build.split or split(document),
                     "source": f"{package} {version}: {inside}", "licence": LICENCES[package],
                     "text": text})  # fmt: skip
    return kept


_EDGE = ".,;:!?()[]»«\"'“”‘’"


def candidates(text: str, lang: str, build: Build | None = None) -> list[re.Match[str]]:
    """Words a typo may be seeded in: lower case, five letters or more, standing alone."""
    build = build or Build()
    tokens = {token.strip(_EDGE) for token in text.split()}
    return [
        m for m in _PLAIN_WORD.finditer(text)
        if len(m.group()) >= 5 and m.group().islower() and m.group() in tokens
        and m.group() not in build.not_seeded[lang] and m.group() not in build.published[lang]
        and "-" not in m.group() and "'" not in m.group()
    ]  # fmt: skip


def seed(
    lang: str, paragraphs: list[dict[str, str]], build: Build | None = None
) -> list[dict[str, object]]:
    build = build or Build()
    rng = random.Random(build.seed)
    seeded: dict[int, dict[str, object]] = {}
    for word, typo in build.compounds[lang]:
        for index, entry in enumerate(paragraphs):
            m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", entry["text"])
            if m and index not in seeded:
                seeded[index] = {"paragraph": index, "start": m.start(), "original": word,
                                 "typo": typo, "kind": "compound"}  # fmt: skip
                break
        else:
            raise SystemExit(f"{lang}: no paragraph for the compound typo {typo!r} ({word!r})")
    open_ = [
        i
        for i, entry in enumerate(paragraphs)
        if i not in seeded and candidates(entry["text"], lang, build)
    ]
    for index in sorted(rng.sample(open_, min(build.seeded, len(open_)))):
        word = rng.choice(candidates(paragraphs[index]["text"], lang, build))
        typo = _typo(word.group(), rng)
        seeded[index] = {"paragraph": index, "start": word.start(), "original": word.group(),
                         "typo": typo, "kind": "random"}  # fmt: skip
    return [seeded[i] for i in sorted(seeded)]


def _string(text: str) -> str:
    if "'''" not in text and not text.endswith("'") and "\n" not in text:
        return f"'''{text}'''"
    return json.dumps(text, ensure_ascii=False)


HEADER = {
    "da": "Danish technical documentation: prose paragraphs of Danish man pages (manpages-da)\n"
    "# and the Danish GNOME help (gnome-user-docs), as Debian 12 ships them.",
    "en": "English technical documentation: prose paragraphs of man pages (manpages, make,\n"
    "# coreutils) and the GNOME help (gnome-user-docs, C), as Debian 12 ships them.",
}


def write(lang: str, unpacked: Path, build: Build | None = None) -> Path:
    build = build or Build()
    paragraphs = documents(lang, unpacked, build)
    seeded = seed(lang, paragraphs, build)
    lines = [
        f"# {build.header[lang]}",
        f"# Built by tests/spelling/{build.builder}; provenance, labels and counts: MANUALS.md.",
        "# [[paragraph]]: the text as published. [[published]]: its real typos (by reading).",
        "# [[seeded]]: one typo put in that paragraph at `start`, in place of `original`.",
        "",
    ]
    for entry in paragraphs:
        lines.append("[[paragraph]]")
        keys = ("document", "split", "source", "licence")
        lines += [f"{key} = {json.dumps(entry[key], ensure_ascii=False)}" for key in keys]
        lines += [f"text = {_string(entry['text'])}", ""]
    for word, correction in sorted(build.published[lang].items()):
        lines += [
            "[[published]]",
            f"word = {json.dumps(word, ensure_ascii=False)}",
            f"correction = {json.dumps(correction, ensure_ascii=False)}",
            "",
        ]
    for entry in seeded:
        lines.append("[[seeded]]")
        lines += [f"paragraph = {entry['paragraph']}", f"start = {entry['start']}"]
        keys = ("original", "typo", "kind")
        lines += [f"{key} = {json.dumps(entry[key], ensure_ascii=False)}" for key in keys]
        if entry["typo"] in build.forms_word[lang]:
            lines.append("forms_word = true")
        lines.append("")
    path = HERE / f"{lang}_manuals{build.suffix}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [p["text"] for p in data["paragraph"]] == [p["text"] for p in paragraphs]
    for entry in data.get("seeded", []):
        text = data["paragraph"][entry["paragraph"]]["text"]
        assert text[entry["start"] :].startswith(entry["original"]), entry
    return path


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked))


if __name__ == "__main__":
    main()
