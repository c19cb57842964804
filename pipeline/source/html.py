"""Raw HTML in Markdown, read with a real HTML parser: where its translatable text lies.

A block element's text is one piece (its inline tags stay inside as protected markup, as
in a Markdown paragraph), and so are the translatable attributes (`alt`, `title`,
`aria-label`) of elements that are not inside such a piece. Every piece knows its exact
span in the HTML, so a translation is spliced in and the rest stays byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements whose start or end closes a run of text: each block holds its own pieces.
BLOCK_TAGS = _names(
    "address article aside blockquote br center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p picture "
    "section summary table tbody td tfoot th thead tr ul caption"
)
# Inline elements that stay inside a piece of text as markup; any other element ends it.
INLINE_TAGS = _names(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong "
    "sub sup time u var wbr br img"
)
# Elements whose content is not prose to translate (and must never be read as such).
OPAQUE_TAGS = frozenset(
    "script style pre textarea svg math template noscript iframe object".split()  # noqa: SIM905
)
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)
TRANSLATABLE_ATTRIBUTES = ("alt", "title", "aria-label")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}


@dataclass(frozen=True, slots=True)
class HtmlPiece:
    """Translatable text in a run of HTML: its span, what it is, and for an attribute's
    value the attribute's name."""

    start: int
    end: int
    kind: str  # "text" or the attribute's name
    container: str  # the block element it stands in ("p", "h2", "summary", "" at top)


@dataclass
class _Run:
    start: int
    end: int
    container: str
    has_text: bool = False
    attributes: list[HtmlPiece] | None = None


class _Reader(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_offsets = [0]
        for index, character in enumerate(html):
            if character == "\n":
                self.line_offsets.append(index + 1)
        self.pieces: list[HtmlPiece] = []
        self.stack: list[str] = []
        self.run: _Run | None = None

    @property
    def opaque(self) -> bool:
        """Inside an element whose content is not prose (a script, code, an SVG)."""
        return any(tag in OPAQUE_TAGS for tag in self.stack)

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_offsets[line - 1] + column

    def container(self) -> str:
        return next((tag for tag in reversed(self.stack) if tag in BLOCK_TAGS), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if self.opaque or tag in OPAQUE_TAGS:
            self.end_run()
            if tag not in VOID_TAGS:
                self.stack.append(tag)
            return
        inline = tag in INLINE_TAGS
        if not inline:
            self.end_run()
        attributes = list(self._attribute_pieces(raw, start, attrs))
        if inline:
            self.extend_run(start, end)
            assert self.run is not None
            self.run.attributes = [*(self.run.attributes or []), *attributes]
        else:
            self.pieces += attributes
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        start = self.position()
        was_opaque = self.opaque
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if was_opaque:
            return
        if tag in INLINE_TAGS and self.run is not None:
            self.extend_run(start, self.html.index(">", start) + 1)
        else:
            self.end_run()

    def handle_data(self, data: str) -> None:
        if self.opaque:
            return
        start = self.position()
        if not data.strip():
            return
        while self.html[start].isspace():
            start += 1
        # Character references are already resolved in `data`: the text as written runs
        # to the next tag.
        end = self.html.find("<", start)
        self.extend_run(start, len(self.html) if end < 0 else end)
        assert self.run is not None
        self.run.has_text = self.run.has_text or any(c.isalpha() for c in data)

    def handle_comment(self, data: str) -> None:
        self.end_run()

    def extend_run(self, start: int, end: int) -> None:
        if self.run is None:
            self.run = _Run(start, end, self.container())
        self.run.end = end

    def end_run(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        if run.has_text:
            end = len(self.html[: run.end].rstrip())
            self.pieces.append(HtmlPiece(run.start, end, "text", run.container))
        else:
            self.pieces += run.attributes or []

    def _attribute_pieces(
        self, raw: str, start: int, attrs: list[tuple[str, str | None]]
    ) -> list[HtmlPiece]:
        found = []
        for name, value in attrs:
            if name not in TRANSLATABLE_ATTRIBUTES or not value or not value.strip():
                continue
            match = _attribute_value(raw, name)
            if match:
                found.append(HtmlPiece(start + match[0], start + match[1], name, self.container()))
        return found


def _attribute_value(raw: str, name: str) -> tuple[int, int] | None:
    """The span of attribute `name`'s value in a start tag as written (quotes excluded);
    the parser has already told us the attribute is there."""
    pattern = re.compile(
        rf"""\s{re.escape(name)}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE
    )
    match = pattern.search(raw)
    if match is None:
        return None
    group = next(index for index in (1, 2, 3) if match.group(index) is not None)
    return match.start(group), match.end(group)


def html_pieces(html: str) -> list[HtmlPiece]:
    """The translatable pieces of an HTML fragment, in document order."""
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    reader.end_run()
    return sorted(reader.pieces, key=lambda piece: piece.start)


def heading_level(container: str) -> int:
    """The level of an HTML heading element's name (h2 → 2); 0 for anything else."""
    return _HEADINGS.get(container, 0)


@dataclass(frozen=True, slots=True)
class Tags:
    """The HTML tags of a text in order ("b", "/b", "img"), and whether they nest."""

    names: tuple[str, ...]
    problem: str = ""
    attributes: frozenset[tuple[str, str]] = frozenset()  # (tag, attribute name)

    @property
    def balanced(self) -> bool:
        return not self.problem


_TAG_NAME = re.compile(r"[a-z][a-z0-9-]*")


class _TagLister(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: list[str] = []
        self.open: list[str] = []
        self.attributes: set[tuple[str, str]] = set()
        self.problem = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.fullmatch(tag):
            return  # an address in angle brackets (<dansk@dansk-gruppen.dk>), not a tag
        self.names.append(tag)
        self.attributes.update((tag, name) for name, _ in attrs)
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _TAG_NAME.fullmatch(tag):
            self.names.append(tag)
            self.attributes.update((tag, name) for name, _ in attrs)

    def handle_endtag(self, tag: str) -> None:
        if not _TAG_NAME.fullmatch(tag):
            return
        self.names.append("/" + tag)
        if self.open and self.open[-1] == tag:
            self.open.pop()
        elif not self.problem:
            self.problem = (
                f"</{tag}> closes {'<' + self.open[-1] + '>' if self.open else 'nothing'}"
            )


def tag_sequence(text: str) -> Tags:
    """The tags of a text (inline Markdown or HTML), read with the HTML parser."""
    if "<" not in text:
        return Tags(())
    lister = _TagLister()
    lister.feed(text)
    lister.close()
    problem = lister.problem or (f"<{lister.open[-1]}> is not closed" if lister.open else "")
    return Tags(tuple(lister.names), problem, frozenset(lister.attributes))


class _UrlLister(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in {"href", "src"} and value]


def html_urls(html: str) -> list[str]:
    """The `href` and `src` values of the tags in an HTML fragment."""
    lister = _UrlLister()
    lister.feed(html)
    lister.close()
    return lister.urls


class _LinkLister(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append((self.getpos()[0] - 1, href))


def html_links(html: str) -> list[tuple[int, str]]:
    """(line in the fragment, from 0; href) of each `<a href>` of an HTML fragment."""
    if "href" not in html.lower():  # most inline HTML is not a link: no parser for it
        return []
    lister = _LinkLister()
    lister.feed(html)
    lister.close()
    return lister.links


@dataclass(frozen=True, slots=True)
class HtmlHeading:
    """An HTML heading (`<h1 align="center">…</h1>`): level, id, text, and where an id
    attribute goes in its start tag (right after the tag's name)."""

    level: int
    id: str
    text: str
    name_end: int


class _HeadingReader(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_offsets = [0] + [i + 1 for i, c in enumerate(html) if c == "\n"]
        self.headings: list[HtmlHeading] = []
        self.open: tuple[int, str, int] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADINGS and self.open is None:
            line, column = self.getpos()
            start = self.line_offsets[line - 1] + column
            self.open = (_HEADINGS[tag], dict(attrs).get("id") or "", start + 1 + len(tag))
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS and self.open is not None:
            level, anchor, name_end = self.open
            self.headings.append(
                HtmlHeading(level, anchor, " ".join("".join(self.text).split()), name_end)
            )
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.text.append(data)


def html_headings(html: str) -> list[HtmlHeading]:
    """The headings of an HTML fragment, in order."""
    reader = _HeadingReader(html)
    reader.feed(html)
    reader.close()
    return reader.headings
