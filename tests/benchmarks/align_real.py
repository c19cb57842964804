"""Aligning existing translations, measured on real human-translated help pages.

    python -m tests.benchmarks.align_real [--out DIR] [--split tune|held-out|both]
                                          [--dump DIR] [--write-fixture DIR]

Two of Debian's help packages hold the same pages in English and in Danish, translated by
people who are not on this team:

- libreoffice-help-en-us / libreoffice-help-da: every translatable p and h element
  carries the same id in both languages, so the true pairing is by id;
- gimp-help-en / gimp-help-da: DocBook translated with PO files and rendered by the same
  stylesheets, so both renderings hold the same elements in the same order; a page is
  used only when both give the same sequence of element paths, and a pair only when the
  Danish differs from the English (much of gimp-help-da is untranslated).

Each page becomes a Markdown document per language (headings, paragraphs, list items,
table cells; links and code spans kept). Then the translation side of each direction
(da→en: Danish original, English translation; en→da the other way) is perturbed the way
independently maintained translations differ: paragraphs merged, split, deleted and
added, list items swapped, headings reworded, links dropped. The truth follows every
change: for each original unit, the set of translation units that hold its text.

Three aligners run on the same units (`split_units` of the written files): position
(unit i with unit i), Gale & Church's (1993) length-based alignment, and the product's
`pipeline.align.pairing.align_units` when it can be imported. A unit is correct when
the translation units it is paired with are exactly its truth set; precision is correct
over paired (filled) units, recall correct over units whose truth is not empty.

Pages go to `tune` (about 30 %, by a hash of the page's name) or `held-out`; each figure
says which. Nothing of the data is committed except the small fixture that
--write-fixture writes (tests/align/realpairs); the packages are fetched with apt-get
into --out and kept there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Protocol

from pipeline.source.markdown import BlockKind, read_document
from pipeline.source.units import Unit, has_prose, split_units
from tests.benchmarks.publish import publish, table

PACKAGES = (
    "libreoffice-help-en-us",
    "libreoffice-help-da",
    "gimp-help-en",
    "gimp-help-da",
    "gimp-help-common",  # only for its copyright file, which gimp-help-da links to
)
LIBREOFFICE = "usr/share/libreoffice/help"
GIMP = "usr/share/gimp/2.0/help"
LANGS = ("da", "en")
SOURCES = ("all", "libreoffice", "gimp")
DIRECTIONS = (("da", "en"), ("en", "da"))  # (original, translation)
MIN_PAIRS = 5
MAX_UNITS = 300  # larger pages are left out: Gale–Church is quadratic in pure Python
PAGES_PER_SOURCE = 300
TUNE_PERCENT = 30
SEED = "align-real-1"

# Probability per eligible spot of each perturbation of the translation side.
RATES = {
    "merge": 0.10,  # per pair of adjacent paragraphs
    "split": 0.12,  # per paragraph of two or more sentences
    "delete": 0.08,  # per paragraph; per heading, its whole section when small
    "insert": 0.08,  # per paragraph: another page's paragraph after it
    "swap": 0.15,  # per list of two or more items: two adjacent items change places
    "reword": 0.15,  # per heading
    "unlink": 0.15,  # per block with links: the links become their text
}


# ---------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Block:
    """A block of a page as Markdown: `text` is its inline Markdown.

    `group` ties list items of one list and table cells of one table together (0: none),
    `row` is a table cell's row; `origin` holds the original block indices whose text it
    carries (empty for a paragraph that only the translation has)."""

    kind: BlockKind
    text: str
    level: int = 0
    group: int = 0
    row: int = 0
    origin: frozenset[int] = frozenset()


@dataclass(slots=True)
class Page:
    """One help page in both languages: blocks[lang][i] translate each other."""

    source: str  # "libreoffice" or "gimp"
    path: str  # the HTML file under the language folder
    blocks: dict[str, list[Block]]

    @property
    def name(self) -> str:
        stem = re.sub(r"[^A-Za-z0-9]+", "-", self.path.removesuffix(".html")).strip("-")
        return f"{self.source}-{stem}"

    @property
    def split(self) -> str:
        digest = hashlib.blake2b(self.name.encode(), digest_size=4).digest()
        return "tune" if int.from_bytes(digest) % 100 < TUNE_PERCENT else "held-out"


# ------------------------------------------------------------------------- fetching


def fetch(out: Path) -> Path:
    """Download and unpack the packages into out/x (once); return out/x."""
    out.mkdir(parents=True, exist_ok=True)
    root = out / "x"
    for package in PACKAGES:
        if not list(out.glob(f"{package}_*.deb")):
            subprocess.run(["apt-get", "download", package], cwd=out, check=True)
    if not (root / "unpacked").exists():
        for deb in sorted(out.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        (root / "unpacked").touch()
    return root


# ---------------------------------------------------------------------- HTML walking

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd"} | _HEADINGS
_SKIP_TAGS = {"script", "style", "pre", "header", "aside", "head", "title"}
_SKIP_CLASSES = {"navheader", "navfooter", "toc", "list-of-figures", "list-of-tables"}
_CODE_PARAGRAPHS = {"code", "codeintable", "smathcode", "bascode", "pycode"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "area", "col", "wbr", "source"}
_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)")
_PLAIN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """Plain text as inline Markdown that reads back as the same text."""
    return _ENTITY.sub("\\&", _PLAIN_SPECIAL.sub(r"\\\1", text))


_LINE_START = re.compile(r"^(?:[#>+\-=:!{]|\d{1,9}[.)](?:\s|$))")


def escape_start(text: str) -> str:
    """Escape what would make a line start a heading, list, quote, box or break."""
    found = _LINE_START.match(text)
    if not found:
        return text
    at = found.end() - 1 if text[0].isdigit() else 0
    while text[at].isspace():
        at -= 1
    return text[:at] + "\\" + text[at:]


def code_span(text: str) -> str:
    """Text as a code span with enough backticks."""
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


@dataclass(slots=True)
class _Open:
    tag: str
    kind: BlockKind | None  # None: tracked for nesting but not collected
    level: int
    key: str
    slot: int
    group: int
    row: int
    parts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Element:
    """A collected HTML element: its key (id or path), kind and inline Markdown."""

    key: str
    kind: BlockKind
    level: int
    group: int
    row: int
    text: str


class Walker(HTMLParser):
    """Collect headings, paragraphs, list items and table cells in reading order.

    With `by_id`, only p and h elements that have an id are collected (LibreOffice);
    otherwise every such element is, keyed by its tag path (GIMP). Links become Markdown
    links, code and tt code spans; LibreOffice's hidden Mac key names are left out."""

    def __init__(self, by_id: bool, strip_href: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.by_id = by_id
        self.strip_href = strip_href
        self.found: list[Element | None] = []
        self.tags: list[tuple[str, bool]] = []  # (tag, skipping)
        self.blocks: list[_Open] = []
        self.containers: list[tuple[str, int]] = []  # ("ul"|"table", id)
        self.counter = 0
        self.row = 0
        self.links: list[tuple[str, list[str]]] = []
        self.code: list[list[str]] = []

    @property
    def skipping(self) -> bool:
        return bool(self.tags) and self.tags[-1][1]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_data(" ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_startendtag(tag, attrs)
            return
        attr = {name: value or "" for name, value in attrs}
        classes = set(attr.get("class", "").split())
        skip = (
            self.skipping
            or tag in _SKIP_TAGS
            or bool(classes & _SKIP_CLASSES)
            or (tag == "span" and "hidden" in attr and "MAC" in classes)
            or (tag == "p" and bool(classes & _CODE_PARAGRAPHS))
        )
        self.tags.append((tag, skip))
        if skip:
            return
        if tag in {"ul", "ol", "table"}:
            self.counter += 1
            self.containers.append((tag, self.counter))
        elif tag == "tr":
            self.row += 1
        elif tag in _BLOCK_TAGS:
            self._open_block(tag, attr)
        elif tag == "a" and attr.get("href") and self.blocks and not self.code:
            self.links.append((self.strip_href(attr["href"]), []))
        elif tag in {"code", "tt"} and self.blocks:
            self.code.append([])

    def _open_block(self, tag: str, attr: dict[str, str]) -> None:
        context = next((t for t in reversed(self.blocks) if t.tag in {"li", "td", "th"}), None)
        if tag in _HEADINGS:
            kind, level = BlockKind.HEADING, int(tag[1])
        elif tag == "li" or (tag == "p" and context is not None and context.tag == "li"):
            kind, level = BlockKind.LIST_ITEM, 0
        elif tag in {"td", "th"} or (tag == "p" and context is not None):
            kind, level = BlockKind.TABLE_CELL, 0
        else:
            kind, level = BlockKind.PARAGRAPH, 0
        wanted = {BlockKind.LIST_ITEM: {"ul", "ol"}, BlockKind.TABLE_CELL: {"table"}}.get(kind)
        container = next(
            (ident for name, ident in reversed(self.containers) if wanted and name in wanted), 0
        )
        collect = not self.by_id or ((tag == "p" or tag in _HEADINGS) and bool(attr.get("id")))
        key = attr.get("id", "") if self.by_id else "/".join(t for t, _ in self.tags)
        self.blocks.append(
            _Open(tag, kind if collect else None, level, key, len(self.found), container, self.row)
        )
        self.found.append(None)

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.tags):
            return
        while self.tags:
            name, skip = self.tags.pop()
            if not skip:
                self._close(name)
            if name == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in {"ul", "ol", "table"} and self.containers:
            self.containers.pop()
        elif tag in _BLOCK_TAGS and self.blocks and self.blocks[-1].tag == tag:
            block = self.blocks.pop()
            if block.kind is not None:
                text = escape_start(" ".join("".join(block.parts).split()))
                self.found[block.slot] = Element(
                    block.key, block.kind, block.level, block.group, block.row, text
                )
        elif tag == "a" and self.links and not self.code:
            href, parts = self.links.pop()
            label = " ".join("".join(parts).split())
            if label:
                target = f"<{href}>" if re.search(r"[\s()<>]", href) else href
                self._emit(f"[{label}]({target})")
        elif tag in {"code", "tt"} and self.code:
            text = " ".join("".join(self.code.pop()).split())
            if text:
                self._emit(code_span(text))

    def _emit(self, markdown: str) -> None:
        if self.code:
            self.code[-1].append(markdown)
        elif self.links:
            self.links[-1][1].append(markdown)
        elif self.blocks:
            self.blocks[-1].parts.append(markdown)

    def handle_data(self, data: str) -> None:
        if self.skipping or not self.blocks:
            return
        self._emit(data if self.code else escape(data))


def walk(path: Path, by_id: bool, strip_href: Callable[[str], str]) -> list[Element]:
    walker = Walker(by_id, strip_href)
    walker.feed(path.read_text(encoding="utf-8"))
    walker.close()
    return [element for element in walker.found if element is not None]


# ------------------------------------------------------------------------ the pages


@dataclass
class Counts:
    """What reading the sources found and left out, per source."""

    html_pages: Counter[str] = field(default_factory=Counter)
    structure_differs: Counter[str] = field(default_factory=Counter)
    too_few_pairs: Counter[str] = field(default_factory=Counter)
    too_large: Counter[str] = field(default_factory=Counter)
    pages: Counter[str] = field(default_factory=Counter)
    pairs: Counter[str] = field(default_factory=Counter)
    untranslated: Counter[str] = field(default_factory=Counter)
    identical_kept: Counter[str] = field(default_factory=Counter)
    no_prose: Counter[str] = field(default_factory=Counter)
    units_differ: Counter[str] = field(default_factory=Counter)


def _page(source: str, path: str, pairs: Iterable[tuple[Element, Element]], counts: Counts) -> Page:
    blocks: dict[str, list[Block]] = {"en": [], "da": []}
    for english, danish in pairs:
        if not (has_prose(english.text) and has_prose(danish.text)):
            counts.no_prose[source] += 1
            continue
        if english.kind is not danish.kind or english.level != danish.level:
            continue
        if english.text == danish.text:
            if source == "gimp":
                counts.untranslated[source] += 1
                continue
            counts.identical_kept[source] += 1
        for lang, element in (("en", english), ("da", danish)):
            blocks[lang].append(
                Block(element.kind, element.text, english.level, english.group, english.row)
            )
    return Page(source, path, blocks)


def libreoffice_pages(root: Path, counts: Counts) -> list[Page]:
    english, danish = root / LIBREOFFICE / "en-US", root / LIBREOFFICE / "da"

    def strip(href: str) -> str:
        # Pages link as "en-US/text/…" and "da/text/…": the language folder is the help
        # viewer's, not the text's; a Markdown translation links to the same relative path.
        return re.sub(r"^(?:en-US|da)/", "", href)

    pages = []
    for file in sorted(english.rglob("*.html")):
        name = str(file.relative_to(english))
        if not (danish / name).exists():
            continue
        counts.html_pages["libreoffice"] += 1
        theirs = {e.key: e for e in walk(danish / name, True, strip)}
        ours = walk(file, True, strip)
        keys = Counter(e.key for e in ours)
        pairs = [(e, theirs[e.key]) for e in ours if keys[e.key] == 1 and e.key in theirs]
        pages.append(_page("libreoffice", name, pairs, counts))
    return pages


def gimp_pages(root: Path, counts: Counts) -> list[Page]:
    english, danish = root / GIMP / "en", root / GIMP / "da"
    pages = []
    for file in sorted(english.glob("*.html")):
        name = file.name
        if not (danish / name).exists():
            continue
        counts.html_pages["gimp"] += 1
        ours, theirs = walk(file, False, str), walk(danish / name, False, str)
        shape = [(e.key, e.kind, e.level) for e in ours]
        if shape != [(e.key, e.kind, e.level) for e in theirs]:
            counts.structure_differs["gimp"] += 1
            continue
        pages.append(_page("gimp", name, zip(ours, theirs, strict=True), counts))
    return pages


def choose(pages: list[Page], counts: Counts) -> list[Page]:
    """Pages with enough pairs and not too many, every k-th of them up to the cap."""
    kept = []
    for page in pages:
        size = len(page.blocks["en"])
        if size < MIN_PAIRS:
            counts.too_few_pairs[page.source] += 1
        elif size > MAX_UNITS:
            counts.too_large[page.source] += 1
        else:
            kept.append(page)
    step = max(1, math.ceil(len(kept) / PAGES_PER_SOURCE))
    return kept[::step]


# ------------------------------------------------------------------------- Markdown


def render(blocks: Sequence[Block], lang: str) -> str:
    """The blocks as a Markdown document: each parses back as exactly one unit."""
    chunks: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind is BlockKind.HEADING:
            chunks.append(f"{'#' * block.level} {block.text}")
            index += 1
        elif block.kind is BlockKind.LIST_ITEM:
            end = index
            while end < len(blocks) and blocks[end].kind is BlockKind.LIST_ITEM:
                end += 1
            chunks.append("\n".join(f"- {item.text}" for item in blocks[index:end]))
            index = end
        elif block.kind is BlockKind.TABLE_CELL:
            end = index
            while (
                end < len(blocks)
                and blocks[end].kind is BlockKind.TABLE_CELL
                and blocks[end].group == block.group
            ):
                end += 1
            chunks.append(_table(blocks[index:end]))
            index = end
        else:
            chunks.append(block.text)
            index += 1
    return f"---\nlang: {lang}\n---\n\n" + "\n\n".join(chunks) + "\n"


def _table(cells: Sequence[Block]) -> str:
    rows: list[list[str]] = []
    last = None
    for cell in cells:
        if cell.row != last:
            rows.append([])
            last = cell.row
        rows[-1].append(cell.text)
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def read_units(path: Path) -> list[Unit]:
    return list(split_units(read_document(path)))


def units_match(units: Sequence[Unit], blocks: Sequence[Block]) -> bool:
    return len(units) == len(blocks) and all(
        unit.kind is block.kind and unit.text == block.text
        for unit, block in zip(units, blocks, strict=True)
    )


# -------------------------------------------------------------------- perturbations

_SYNONYMS = {
    "en": {
        "Settings": "Options",
        "Options": "Settings",
        "Using": "Working with",
        "Overview": "Introduction",
        "Introduction": "Overview",
        "Example": "Sample",
        "Examples": "Samples",
        "Activating": "Opening",
        "Activate": "Open",
        "Create": "Make",
        "Creating": "Making",
        "Insert": "Add",
        "Inserting": "Adding",
        "Edit": "Change",
        "Editing": "Changing",
        "Delete": "Remove",
        "Deleting": "Removing",
        "Dialog": "Window",
        "Parameters": "Arguments",
        "Syntax": "Usage",
        "Returned": "Result",
        "Description": "Details",
        "Properties": "Attributes",
        "Shortcut": "Key",
        "Selecting": "Choosing",
        "Select": "Choose",
        "Changing": "Modifying",
        "Defining": "Setting up",
        "Menu": "Menus",
        "Tool": "Tools",
        "Filter": "Effect",
        "Find": "Search",
        "Save": "Store",
        "Reset": "Restore",
        "Apply": "Use",
        "Position": "Placement",
        "Size": "Dimensions",
        "Wizard": "Assistant",
        "Return": "Returned",
        "Constants": "Constant values",
        "Error": "Failure",
    },
    "da": {
        "Indstillinger": "Valgmuligheder",
        "Valgmuligheder": "Indstillinger",
        "Indstilling": "Valgmulighed",
        "Oversigt": "Overblik",
        "Introduktion": "Indledning",
        "Eksempel": "Et eksempel",
        "Eksempler": "Nogle eksempler",
        "Aktivering": "Sådan åbnes",
        "Aktiver": "Åbn",
        "Oprettelse": "Sådan oprettes",
        "Opret": "Lav",
        "Indsæt": "Tilføj",
        "Indsættelse": "Tilføjelse",
        "Rediger": "Ret",
        "Redigering": "Ændring",
        "Slet": "Fjern",
        "Sletning": "Fjernelse",
        "Dialog": "Vindue",
        "Dialogen": "Vinduet",
        "Parametre": "Argumenter",
        "Syntaks": "Brug",
        "Returværdi": "Resultat",
        "Beskrivelse": "Detaljer",
        "Egenskaber": "Attributter",
        "Genvejstast": "Tast",
        "Vælg": "Markér",
        "Ændring": "Tilpasning",
        "Ændre": "Tilpasse",
        "Menu": "Menuen",
        "Værktøj": "Værktøjet",
        "Filter": "Effekt",
        "Fejlkoder": "Fejlkoderne",
        "Fjern": "Slet",
        "Nulstil": "Gendan",
        "Hjælp": "Vejledning",
        "Aktivér": "Slå til",
        "Søg": "Find",
        "Placering": "Position",
        "Flyt": "Flytning af",
        "Tilpas": "Juster",
        "Vis": "Visning af",
        "Tilføj": "Indsæt",
        "Anvend": "Brug",
        "Funktioner": "Funktionerne",
        "Navn": "Navnet",
        "Standard": "Standardværdi",
    },
}
_PREFIX = {"en": "About ", "da": "Om "}
# Words a translator may leave out of a heading without changing what it says.
_FILLERS = {
    "en": {"the", "a", "an", "your", "this", "current", "selected"},
    "da": {"den", "det", "de", "en", "et", "din", "dit", "dine", "aktuelle", "markerede"},
}
_WORD = re.compile(r"[^\W\d_]+")
_NOT_WORDS = re.compile(r"`+[^`]*`+|\]\([^)]*\)|https?://\S+")


def reword(text: str, lang: str, rng: random.Random) -> str:
    """A heading as another translator might have put it: a word replaced by a synonym,
    else a filler word ("the", "den") left out, else "About"/"Om" put before it."""
    kept = [m.span() for m in _NOT_WORDS.finditer(text)]
    prose = [m for m in _WORD.finditer(text) if not any(a <= m.start() < b for a, b in kept)]
    words = [m for m in prose if m.group() in _SYNONYMS[lang]]
    if not words:
        words = [m for m in prose if m.group().lower() in _FILLERS[lang]]
        if words:
            found = rng.choice(words)
            return " ".join(f"{text[: found.start()]}{text[found.end() :]}".split())
    if words:
        found = rng.choice(words)
        return text[: found.start()] + _SYNONYMS[lang][found.group()] + text[found.end() :]
    number = re.match(r"(?:\d+\.)*\d*\.?\s*", text)
    at = number.end() if number else 0
    rest = text[at:]
    if rest[:1].isalpha() and rest[1:2].islower():
        rest = rest[0].lower() + rest[1:]
    return text[:at] + _PREFIX[lang] + rest


_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\((<[^>]*>|[^)\s]*)\)")
_SPANS = re.compile(r"`+[^`]*`+|(?<!\\)\[(?:\\.|[^\]\\])*\]\([^)]*\)")
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"“„])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:\S\.\S+|[A-Za-zæøå]{1,3}\.)$")


def sentence_boundaries(text: str) -> list[int]:
    """Offsets where a sentence ends and the next begins, outside links and code."""
    spans = [m.span() for m in _SPANS.finditer(text)]
    found = []
    for match in _BOUNDARY.finditer(text):
        at = match.start()
        if any(start < at < end for start, end in spans):
            continue
        if _ABBREVIATION.search(text[:at]) or len(text[:at]) < 15 or len(text) - at < 15:
            continue
        found.append(at)
    return found


def _sections(blocks: Sequence[Block], heading: int) -> int:
    """The index after the section that the heading at `heading` starts."""
    level = blocks[heading].level
    end = heading + 1
    while end < len(blocks) and not (
        blocks[end].kind is BlockKind.HEADING and blocks[end].level <= level
    ):
        end += 1
    return end


def perturb(
    blocks: Sequence[Block], lang: str, rng: random.Random, pool: Sequence[str]
) -> tuple[list[Block], Counter[str]]:
    """The translation side, changed as independent translations differ; each block's
    origin says which original blocks' text it holds."""
    done: Counter[str] = Counter()
    work = [replace(block, origin=frozenset({i})) for i, block in enumerate(blocks)]

    # Non-structural first: the headings and links of blocks that stay in place.
    for i, block in enumerate(work):
        if block.kind is BlockKind.HEADING and rng.random() < RATES["reword"]:
            work[i] = replace(block, text=escape_start(reword(block.text, lang, rng)))
            done["reword heading"] += 1
        block = work[i]
        if _LINK.search(block.text) and rng.random() < RATES["unlink"]:
            work[i] = replace(block, text=escape_start(_LINK.sub(r"\1", block.text)))
            done["drop links"] += 1
    start = 0
    while start < len(work):
        end = start
        while (
            end < len(work)
            and work[end].kind is BlockKind.LIST_ITEM
            and work[end].group == work[start].group
        ):
            end += 1
        if end - start >= 2 and rng.random() < RATES["swap"]:
            at = rng.randrange(start, end - 1)
            work[at], work[at + 1] = work[at + 1], work[at]
            done["swap list items"] += 1
        start = max(end, start + 1)

    # Deletions: a paragraph, or a heading with its section when that is small.
    kept: list[Block] = []
    skip_to = 0
    for i, block in enumerate(work):
        if i < skip_to:
            continue
        if block.kind is BlockKind.PARAGRAPH and rng.random() < RATES["delete"]:
            done["delete paragraph"] += 1
            continue
        if block.kind is BlockKind.HEADING and i > 0 and rng.random() < RATES["delete"]:
            end = _sections(work, i)
            inside = work[i + 1 : end]
            if len(inside) <= 3 and all(b.kind is not BlockKind.TABLE_CELL for b in inside):
                done["delete section"] += 1
                skip_to = end
                continue
        kept.append(block)
    work = kept

    # Splits at a sentence boundary.
    split: list[Block] = []
    for block in work:
        cuts = sentence_boundaries(block.text) if block.kind is BlockKind.PARAGRAPH else []
        if cuts and rng.random() < RATES["split"]:
            at = rng.choice(cuts)
            first, second = block.text[:at].rstrip(), escape_start(block.text[at:].lstrip())
            split += [replace(block, text=first), replace(block, text=second)]
            done["split paragraph"] += 1
        else:
            split.append(block)
    work = split

    # Merges of two adjacent paragraphs that were not split.
    shared = Counter(index for block in work for index in block.origin)
    merged: list[Block] = []
    for block in work:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind is BlockKind.PARAGRAPH
            and block.kind is BlockKind.PARAGRAPH
            and len(previous.origin) == 1
            and all(shared[i] == 1 for i in previous.origin | block.origin)
            and rng.random() < RATES["merge"]
        ):
            merged[-1] = replace(
                previous,
                text=f"{previous.text} {block.text}",
                origin=previous.origin | block.origin,
            )
            done["merge paragraphs"] += 1
        else:
            merged.append(block)
    work = merged

    # Paragraphs that only the translation has, from other pages of the same help.
    inserted: list[Block] = []
    for block in work:
        inserted.append(block)
        if block.kind is BlockKind.PARAGRAPH and pool and rng.random() < RATES["insert"]:
            inserted.append(Block(BlockKind.PARAGRAPH, rng.choice(pool)))
            done["insert paragraph"] += 1
    return inserted, done


def truth_of(original: int, translation: Sequence[Block]) -> list[list[int]]:
    return [
        [j for j, block in enumerate(translation) if i in block.origin] for i in range(original)
    ]


# ------------------------------------------------------------------------- aligners


class PairLike(Protocol):
    @property
    def original(self) -> tuple[int, ...]: ...

    @property
    def translation(self) -> tuple[int, ...]: ...


Pairs = list[tuple[tuple[int, ...], tuple[int, ...]]]
Aligner = Callable[[Sequence[Unit], Sequence[Unit]], Pairs]


def by_position(original: Sequence[Unit], translation: Sequence[Unit]) -> Pairs:
    return [((i,), (i,)) for i in range(min(len(original), len(translation)))]


# Gale & Church (1993): the prior of each match type and the length model's parameters.
_GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089}
_GC_PRIORS[(2, 2)] = 0.011
_GC_C, _GC_S2 = 1.0, 6.8


def _gc_cost(source: int, target: int) -> float:
    """-log P(match type's lengths): 2(1 - Φ(|δ|)) as in Gale & Church's align.c."""
    if source == 0 and target == 0:
        return 0.0
    mean = (source + target / _GC_C) / 2
    delta = (_GC_C * source - target) / math.sqrt(mean * _GC_S2)
    probability = math.erfc(abs(delta) / math.sqrt(2))  # two-sided tail: 2(1 - Φ(|δ|))
    return -math.log(max(probability, 1e-300))


def gale_church(original: Sequence[Unit], translation: Sequence[Unit]) -> Pairs:
    source = [len(unit.text) for unit in original]
    target = [len(unit.text) for unit in translation]
    n, m = len(source), len(target)
    priors = {move: -math.log(p) for move, p in _GC_PRIORS.items()}
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, move = math.inf, (0, 0)
            for (di, dj), prior in priors.items():
                if di > i or dj > j or cost[i - di][j - dj] == math.inf:
                    continue
                length = _gc_cost(sum(source[i - di : i]), sum(target[j - dj : j]))
                total = cost[i - di][j - dj] + prior + length
                if total < best:
                    best, move = total, (di, dj)
            cost[i][j], back[i][j] = best, move
    pairs: Pairs = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        pairs.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def product_aligner() -> tuple[Aligner | None, str]:
    """pipeline.align.pairing.align_units, when it can be imported."""
    try:
        from pipeline.align.pairing import align_units
    except Exception as error:  # any failure to import only leaves this aligner out
        return None, f"{type(error).__name__}: {error}"

    def ours(original: Sequence[Unit], translation: Sequence[Unit]) -> Pairs:
        found: Iterable[PairLike] = align_units(original, translation)
        return [(tuple(pair.original), tuple(pair.translation)) for pair in found]

    return ours, ""


# ----------------------------------------------------------------------- evaluating


@dataclass
class Score:
    units: int = 0  # original units
    with_truth: int = 0  # original units whose truth is not empty
    filled: int = 0
    correct: int = 0
    pieces: int = 0  # translation units
    unused: int = 0  # translation units in no pair
    seconds: float = 0.0
    errors: int = 0

    def add(self, pairs: Pairs, truth: Sequence[Sequence[int]], pieces: int) -> None:
        got: list[set[int]] = [set() for _ in truth]
        used: set[int] = set()
        for originals, translations in pairs:
            used.update(translations)
            for i in originals:
                got[i].update(translations)
        self.units += len(truth)
        self.with_truth += sum(1 for t in truth if t)
        self.filled += sum(1 for g in got if g)
        self.correct += sum(1 for g, t in zip(got, truth, strict=True) if t and g == set(t))
        self.pieces += pieces
        self.unused += pieces - len(used & set(range(pieces)))

    @property
    def precision(self) -> float:
        return self.correct / self.filled if self.filled else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.with_truth if self.with_truth else 0.0


@dataclass
class Case:
    """One page in one direction: the files and the truth."""

    page: Page
    original_lang: str
    original: Path
    translation: Path
    original_units: list[Unit]
    translation_units: list[Unit]
    truth: list[list[int]]
    perturbations: Counter[str]

    @property
    def translation_lang(self) -> str:
        return "en" if self.original_lang == "da" else "da"


def build_cases(pages: Sequence[Page], work: Path, counts: Counts) -> tuple[list[Case], Counts]:
    """Write every page's Markdown, check it parses back unit for unit, perturb it."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    pools = {
        (source, lang): sorted(
            (page.name, block.text)
            for page in pages
            if page.source == source
            for block in page.blocks[lang]
            if block.kind is BlockKind.PARAGRAPH and 40 <= len(block.text) <= 400
        )
        for lang in LANGS
        for source in ("libreoffice", "gimp")
    }
    cases = []
    for page in pages:
        files = {}
        for lang in LANGS:
            files[lang] = work / f"{page.name}.{lang}.md"
            files[lang].write_text(render(page.blocks[lang], lang), encoding="utf-8")
        units = {lang: read_units(files[lang]) for lang in LANGS}
        if not all(units_match(units[lang], page.blocks[lang]) for lang in LANGS):
            counts.units_differ[page.source] += 1
            continue
        counts.pages[page.source] += 1
        counts.pairs[page.source] += len(page.blocks["en"])
        for original, target in DIRECTIONS:
            rng = random.Random(f"{SEED}:{page.name}:{original}>{target}")
            pool = [text for name, text in pools[page.source, target] if name != page.name]
            changed, done = perturb(page.blocks[target], target, rng, pool)
            path = work / f"{page.name}.{target}.perturbed.md"
            path.write_text(render(changed, target), encoding="utf-8")
            translation_units = read_units(path)
            if not units_match(translation_units, changed):
                counts.units_differ[f"{page.source} (perturbed)"] += 1
                continue
            cases.append(
                Case(page, original, files[original], path, units[original],
                     translation_units, truth_of(len(units[original]), changed), done)
            )  # fmt: skip
    return cases, counts


def evaluate(cases: Sequence[Case], aligners: dict[str, Aligner]) -> dict[tuple[str, ...], Score]:
    """Scores by (split, direction, aligner, source), source "all" for both sources."""
    scores: dict[tuple[str, ...], Score] = {}
    for case in cases:
        direction = f"{case.original_lang}→{case.translation_lang}"
        for name, aligner in aligners.items():
            began = time.perf_counter()
            failed = 0
            try:
                pairs = aligner(case.original_units, case.translation_units)
            except Exception:
                pairs, failed = [], 1
                if not any(s.errors for k, s in scores.items() if k[2] == name):
                    print(f"  {name} failed on {case.translation.name}:", file=sys.stderr)
                    traceback.print_exc()
            took = time.perf_counter() - began
            for source in ("all", case.page.source):
                score = scores.setdefault((case.page.split, direction, name, source), Score())
                score.add(pairs, case.truth, len(case.translation_units))
                score.seconds += took
                score.errors += failed
    return scores


# -------------------------------------------------------------------------- writing


def case_json(case: Case) -> dict[str, Any]:
    return {
        "original": case.original.name,
        "translation": case.translation.name,
        "perturbations": dict(sorted(case.perturbations.items())),
        "truth": case.truth,
    }


def write_pairs(cases: Sequence[Case], folder: Path) -> list[str]:
    """Each page's four Markdown files and NAME.truth.json (both directions) in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    by_page: dict[str, list[Case]] = {}
    for case in cases:
        by_page.setdefault(case.page.name, []).append(case)
    for name, both in by_page.items():
        page = both[0].page
        for case in both:
            for path in (case.original, case.translation):
                shutil.copyfile(path, folder / path.name)
        truth = {
            "source": page.source,
            "page": page.path,
            "split": page.split,
            **{f"{c.original_lang}-{c.translation_lang}": case_json(c) for c in both},
        }
        text = json.dumps(truth, ensure_ascii=False, indent=1)
        text = re.sub(r"\[[\d,\s]*\]", lambda m: json.dumps(json.loads(m.group())), text)
        (folder / f"{name}.truth.json").write_text(text + "\n", encoding="utf-8")
    return list(by_page)


FIXTURE_README = """\
# Real page pairs for aligning existing translations

Written by `python -m tests.benchmarks.align_real --write-fixture tests/align/realpairs`
from pages of its `tune` split (never its held-out one). For each page:

- `NAME.en.md`, `NAME.da.md`: the page in each language, unperturbed, as Markdown
  (headings, paragraphs, list items, table cells; links and code kept);
- `NAME.da.perturbed.md`, `NAME.en.perturbed.md`: the translation side of each direction
  after the benchmark's perturbations (paragraphs merged, split, deleted or added from
  another page, list items swapped, headings reworded, links dropped);
- `NAME.truth.json`: for each direction (`da-en`: Danish original, English perturbed
  translation; `en-da` the other way), `truth[i]` is the list of translation unit indices
  that hold original unit i's text (units as `split_units(read_document(path))` gives
  them); an empty list means that text was deleted.

## Where the text comes from

{pages}
The text was written and translated by the projects' contributors, not by this project.

- LibreOffice help (Debian packages `libreoffice-help-en-us`, `libreoffice-help-da`
  {lo_version}): `/usr/share/doc/libreoffice-help-da/copyright` gives `License: MPL-2.0`
  for `Files: *` (some files include Apache-2.0 licensed material). Mozilla Public
  License 2.0: https://mozilla.org/MPL/2.0/

The files here are modified: converted from HTML to Markdown, and the `perturbed` files
changed as described above.
"""


def _version(out: Path, package: str) -> str:
    found = sorted(out.glob(f"{package}_*.deb"))
    return found[0].name.split("_")[1].replace("%3a", ":") if found else "?"


def write_fixture(cases: Sequence[Case], folder: Path, out: Path) -> None:
    """Four small LibreOffice tune pages, each with headings, paragraphs and lists or tables,
    perturbed in both directions, from different parts of the help. GIMP's pages stay out:
    the GFDL asks a modified copy to carry the licence's whole text."""
    chosen: list[Case] = []
    for source in ("libreoffice",):
        by_page: dict[str, list[Case]] = {}
        for case in cases:
            if case.page.source == source and case.page.split == "tune":
                by_page.setdefault(case.page.name, []).append(case)
        parts: set[str] = set()
        for both in by_page.values():
            page = both[0].page
            part = page.path.split("/")[1] if "/" in page.path else page.path
            size = sum(len(c.original.read_bytes()) + len(c.translation.read_bytes()) for c in both)
            if (
                len(both) == 2
                and part not in parts
                and 10 <= len(both[0].original_units) <= 30
                and size <= 12_000
                and page.blocks["en"][0].kind is BlockKind.HEADING
                and len({block.kind for block in page.blocks["en"]}) >= 2 + (source != "gimp")
                and len(set().union(*(c.perturbations for c in both))) >= 3
                and all(sum(c.perturbations.values()) >= 2 for c in both)
            ):
                chosen += both
                parts.add(part)
                if len(parts) == 4:
                    break
    shutil.rmtree(folder, ignore_errors=True)
    names = write_pairs(chosen, folder)
    by_name = {case.page.name: case.page for case in chosen}
    listed = "".join(
        f"- `{name}`: {'LibreOffice' if by_name[name].source == 'libreoffice' else 'GIMP'} "
        f"help page `{by_name[name].path}`\n"
        for name in names
    )
    (folder / "README.md").write_text(
        FIXTURE_README.format(
            pages=listed,
            lo_version=_version(out, "libreoffice-help-da"),
        ),
        encoding="utf-8",
    )
    print(f"fixture: {len(names)} pages in {folder}")


# -------------------------------------------------------------------------- report


def report_data(counts: Counts, cases: Sequence[Case]) -> None:
    print("Data")
    for source in ("libreoffice", "gimp"):
        print(
            f"  {source}: {counts.html_pages[source]} HTML pages in both languages; "
            f"{counts.structure_differs[source]} with different element sequences, "
            f"{counts.too_few_pairs[source]} with fewer than {MIN_PAIRS} pairs, "
            f"{counts.too_large[source]} with more than {MAX_UNITS}; "
            f"units not 1:1 with blocks: {counts.units_differ[source]} pages "
            f"(+{counts.units_differ[source + ' (perturbed)']} perturbed sides)"
        )
        print(
            f"    pairs dropped: {counts.untranslated[source]} untranslated (da = en), "
            f"{counts.no_prose[source]} without words on a side; "
            f"identical da = en kept: {counts.identical_kept[source]}"
        )
        for split in ("tune", "held-out"):
            pages = {c.page.name: c.page for c in cases if c.page.source == source
                     and c.page.split == split}  # fmt: skip
            pairs = sum(len(p.blocks["en"]) for p in pages.values())
            print(f"    {split:<8}: {len(pages):4} pages, {pairs:6} pairs")
    for original, target in DIRECTIONS:
        done: Counter[str] = Counter()
        for case in cases:
            if case.original_lang == original:
                done.update(case.perturbations)
        listed = ", ".join(f"{kind} {n}" for kind, n in sorted(done.items()))
        print(f"  perturbations of the {target} side ({original}→{target}): {listed}")


def report_scores(scores: dict[tuple[str, ...], Score], splits: Sequence[str]) -> None:
    header = (
        f"  {'aligner':<12} {'source':<12} {'precision':>9} {'recall':>7} {'filled':>7} "
        f"{'units':>6} {'w/truth':>7} {'pieces':>6} {'unused':>6} {'seconds':>7}"
    )
    for split in splits:
        for original, target in DIRECTIONS:
            direction = f"{original}→{target}"
            keys = sorted(
                (k for k in scores if k[0] == split and k[1] == direction),
                key=lambda k: (SOURCES.index(k[3]), list(scores).index(k)),
            )
            if not keys:
                continue
            print(f"\n[{split}] {direction} (original {original}, translation {target} perturbed)")
            print(header)
            for key in keys:
                score = scores[key]
                errors = f"  ({score.errors} pages failed)" if score.errors else ""
                print(
                    f"  {key[2]:<12} {key[3]:<12} {score.precision:9.3f} {score.recall:7.3f} "
                    f"{score.filled:7} {score.units:6} {score.with_truth:7} {score.pieces:6} "
                    f"{score.unused:6} {score.seconds:7.2f}{errors}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/pipeline-bench/align", type=Path)
    parser.add_argument("--split", choices=("tune", "held-out", "both"), default="both")
    parser.add_argument("--dump", type=Path, help="write some page pairs and their truth here")
    parser.add_argument("--write-fixture", type=Path, help="write the CI fixture here")
    args = parser.parse_args()
    root = fetch(args.out)
    counts = Counts()
    pages = choose(libreoffice_pages(root, counts), counts) + choose(
        gimp_pages(root, counts), counts
    )
    cases, counts = build_cases(pages, args.out / "markdown", counts)
    splits = ("tune", "held-out") if args.split == "both" else (args.split,)
    if args.write_fixture:
        write_fixture(cases, args.write_fixture, args.out)
    cases = [case for case in cases if case.page.split in splits]
    report_data(counts, cases)
    if args.dump:
        sample = sorted({c.page.name for c in cases})[::20]
        written = write_pairs([c for c in cases if c.page.name in sample], args.dump)
        print(f"  dumped {len(written)} pages to {args.dump}")
    aligners: dict[str, Aligner] = {"position": by_position, "gale-church": gale_church}
    ours, why = product_aligner()
    if ours is None:
        print(f"\n(ours skipped: pipeline.align.pairing.align_units not importable: {why})")
    else:
        aligners["ours"] = ours
    scores = evaluate(cases, aligners)
    report_scores(scores, splits)
    publish_scores(scores, splits, cases)


def publish_scores(
    scores: dict[tuple[str, ...], Score], splits: Sequence[str], cases: Sequence[Case]
) -> None:
    """docs/performance.md: precision and recall per aligner and direction, all sources."""
    names = {"position": "position", "gale-church": "Gale–Church", "ours": "pipeline align"}
    directions = [f"{original}→{target}" for original, target in DIRECTIONS]
    tables = []
    for split in splits:
        pages = len({case.page.name for case in cases if case.page.split == split})
        header = [f"{split}, {pages} pages"]
        for direction in directions:
            header += [f"{direction} precision", "recall"]
        rows = []
        for aligner, shown in names.items():
            row = [shown]
            for direction in directions:
                score = scores.get((split, direction, aligner, "all"))
                row += [f"{score.precision:.3f}", f"{score.recall:.3f}"] if score else ["–", "–"]
            rows.append(row)
        tables.append(table(header, rows, right=set(range(1, len(header)))))
    publish(
        "align_real",
        "\n\n".join(tables),
        "LibreOffice and GIMP help pages, the translation side perturbed; "
        "`python -m tests.benchmarks.align_real`.",
    )


if __name__ == "__main__":
    main()
