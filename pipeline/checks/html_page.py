"""Exported pages as check subjects: the elements an accessibility check looks at."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple

from pipeline.source.directives import directive_at
from pipeline.source.markdown import BlockKind, Document
from pipeline.source.syntax import MARKDOWN


@dataclass(frozen=True, slots=True)
class Element:
    """An element of a page: tag, attributes, its text, and its line in the page."""

    tag: str
    attrs: dict[str, str]
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Page:
    """An exported page, parsed."""

    path: str
    lang: str
    elements: tuple[Element, ...] = field(default_factory=tuple)
    # Images the export refused (outside the project or missing), with the source
    # file and line that name them.
    refused: tuple[tuple[str, str, int], ...] = ()
    # The Markdown source of the page (its display path and text), to point at.
    source: tuple[str, str] = ("", "")
    # The source's headings (level, text, line), on the page in the source's language:
    # the page closes a skipped level, the source is where to fix it.
    source_headings: tuple[tuple[int, str, int], ...] = ()
    # Images that draw words in the source's language, shown on this translated page as
    # the source names them (export/image_language.py).
    untranslated_images: tuple[str, ...] = ()

    def all(self, *tags: str) -> list[Element]:
        return [element for element in self.elements if element.tag in tags]

    def source_image(self, src: str, nth: int = 0) -> tuple[str, int, str] | None:
        """The source file and line that show the image `src` (a Markdown image or an
        HTML `<img>`) the `nth` time after the first, and its address as written there:
        a translated page may point elsewhere (`../en/images/a.png`), its file name does
        not. A mention in code is no image; a file's name in text ("data.png") neither."""
        path, text = self.source
        name = file_name(src)
        shown = shown_images(text).get(name, [])
        if nth < len(shown):
            return path, shown[nth].line, shown[nth].written
        found = text.find(name) if name and not shown else -1
        return (path, text.count("\n", 0, found) + 1, src) if found >= 0 else None

    def decorative_image(self, src: str, nth: int = 0) -> bool:
        """Whether the source marks the image decorative, as HTML does: `<img alt="">`.
        A Markdown image has no way to: `![](a.png)` is an alt text forgotten more often
        than one meant empty (markdownlint's MD045 and eslint's require-alt-text agree)."""
        shown = shown_images(self.source[1]).get(file_name(src), [])
        return nth < len(shown) and shown[nth].decorative

    def link_line(self, href: str, shown: str = "") -> tuple[str, int] | None:
        """The source file and line of the link to `href` whose text is `shown`: written
        inline, as a reference definition, or as HTML. A translated page keeps its
        source's addresses; a page's link to `x.html` is the source's to `x.md`. Of
        two links to one address, the one with this text ("See [here](…)" in a table,
        beside "[Environment markers](…)" above it)."""
        path, text = self.source
        first = None
        for address in _source_addresses(href):
            for written in (f"]({address}", f"]: {address}", f'href="{address}"', f"<{address}>"):
                found = text.find(written)
                while found >= 0:
                    before = text[text.rfind("[", 0, found) + 1 : found]
                    if shown and _MARKUP.sub("", before).strip().lower() == shown.lower():
                        return path, text.count("\n", 0, found) + 1
                    first = first if first is not None else found
                    found = text.find(written, found + 1)
        return None if first is None else (path, text.count("\n", 0, first) + 1)


_MARKUP = re.compile(r"[*_`]")


def written_image_line(text: str, src: str) -> int | None:
    """The line of the Markdown `text` that shows the image it writes as `src`, if any:
    not an example in code that names it first."""
    shown = shown_images(text).get(file_name(src), [])
    return next((image.line for image in shown if image.written == src), None)


def file_name(src: str) -> str:
    """The file name an image's address ends in: the same on every locale's page."""
    return src.rstrip("/").rsplit("/", 1)[-1]


class ShownImage(NamedTuple):
    line: int
    written: str  # the address as the source writes it
    decorative: bool  # marked so in HTML: `<img alt="">`


@functools.lru_cache(maxsize=64)
def shown_images(text: str) -> dict[str, list[ShownImage]]:
    """File name → each image the Markdown `text` shows, in order: Markdown images,
    HTML `<img>` and MyST's image and figure directives, not code ("![](a.png)" in a
    MyST example)."""
    found: dict[str, list[ShownImage]] = {}
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    lines = text.split("\n")
    for token in MARKDOWN.parse(text):
        if not token.map:
            continue
        directive = directive_at(lines, token)
        images = [(directive.argument, False)] if directive and directive.name in _IMAGES else []
        images += _html_images(token.content) if token.type == "html_block" else []
        for child in token.children or ():  # in the order the text writes them
            if child.type == "image":
                images.append((str(child.attrGet("src")), False))
            elif child.type == "html_inline":
                images += _html_images(child.content)
        cursor = starts[min(token.map[0], len(starts) - 1)]
        for name, decorative in ((file_name(src), decorative) for src, decorative in images):
            at = re.compile(rf"(?<![^/(<\"'\s=]){re.escape(name)}(?=[)\"'>\s?#]|$)")
            address = at.search(text, cursor) if name else None
            if address is not None:
                line = bisect.bisect_right(starts, address.start())
                begin = _ADDRESS_START.search(text, starts[line - 1], address.start())
                written = text[begin.end() if begin else starts[line - 1] : address.end()]
                found.setdefault(name, []).append(ShownImage(line, written, decorative))
                cursor = address.end()
    return found


_IMAGES = frozenset({"image", "figure"})  # MyST's directives that show an image


def _html_images(html: str) -> list[tuple[str, bool]]:
    """Each `<img>` of the HTML: its address, and whether an empty alt marks it decorative."""
    tags = (tag.group() for tag in _IMG_TAG.finditer(html))
    return [
        (src[1], bool(_DECORATIVE.search(tag))) for tag in tags if (src := _IMG_SRC.search(tag))
    ]


# The last character before an image's address: what opens it.
_ADDRESS_START = re.compile(r"[(<\"'\s=](?=[^(<\"'\s=]*$)")
_IMG_SRC = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# HTML's empty alt: `alt=""`, or the attribute alone (`<img src=a alt>`).
_DECORATIVE = re.compile(r"""\salt(?:\s*=\s*(?:""|''))?(?=[\s/>])""", re.IGNORECASE)


def _source_addresses(href: str) -> list[str]:
    """`href` as the source may write it: as is, and a page's `.html` as its `.md`."""
    if not href:
        return []
    address, hash_, anchor = href.partition("#")
    if address.endswith(".html") and "://" not in address:
        return [href, f"{address[:-5]}.md{hash_}{anchor}"]
    return [href]


_CONTAINERS = {"a", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "button"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[Element] = []
        self.open: list[tuple[str, dict[str, str], int, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        line = self.getpos()[0]
        if tag in _CONTAINERS:
            self.open.append((tag, values, line, []))
        else:
            self.done.append(Element(tag, values, "", line))
        if tag == "img" and self.open:
            self.open[-1][3].append(values.get("alt", ""))  # an image's alt names its link

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                name, values, line, texts = self.open.pop(index)
                text = " ".join("".join(texts).split())
                self.done.append(Element(name, values, text, line))
                if self.open:
                    self.open[-1][3].append(text)
                return

    def handle_data(self, data: str) -> None:
        if self.open:  # the innermost element; it hands its text up when it closes
            self.open[-1][3].append(data)


def source_headings(document: Document, lang: str) -> tuple[tuple[int, str, int], ...]:
    """The document's headings (level, text, line), for its page in its own language."""
    if lang != document.lang:
        return ()
    return tuple(
        (block.heading_level, block.text, block.line)
        for block in document.blocks
        if block.kind is BlockKind.HEADING
    )


def parse_page(
    path: str,
    html: str,
    refused: tuple[tuple[str, str, int], ...] = (),
    source: tuple[str, str] = ("", ""),
    source_headings: tuple[tuple[int, str, int], ...] = (),
    untranslated_images: tuple[str, ...] = (),
) -> Page:
    """Parse an exported page into the elements checks need, in document order."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    elements = tuple(sorted(collector.done, key=lambda e: e.line))
    lang = next((e.attrs.get("lang", "") for e in elements if e.tag == "html"), "")
    return Page(path, lang, elements, refused, source, source_headings, untranslated_images)
