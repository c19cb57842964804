"""Raw HTML made harmless: the rendered body through an allow-list sanitizer (ammonia, by nh3).

GitHub's allow-list is the reference: text formatting, tables, lists, `<details>`,
`<picture>`, images and links stay; `<script>`, `<style>`, `<iframe>`, `<object>`, `<svg>`,
forms, event handlers, `style` attributes and every URL scheme but http(s) and mailto go.
Classes are kept only where our own renderer sets them (a source's `class="sr-only"`
could hide text), and every `<input>` becomes a disabled checkbox (task lists are the
only inputs we render). Links and images point where export says they go.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import nh3

from pipeline.export.assemble import spliced

UrlFor = Callable[[str], str | None]

TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code"),
        *("col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em"),
        *("figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img"),
        *("input", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp"),
        *("rt", "ruby", "s", "samp", "section", "small", "source", "span", "strike"),
        *("strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "time", "tr", "tt", "u", "ul", "var", "wbr"),
    }
)
# Removed with everything inside them.
REMOVED_WITH_CONTENT = frozenset(
    {
        *("script", "style", "iframe", "object", "embed", "svg", "math", "template"),
        *("noscript", "textarea", "select", "button", "frame", "frameset", "applet"),
    }
)
_ALIGN = {"align"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "lang", "dir", "title", "class", "aria-label", "role"},
    "a": {"href", "name", "aria-labelledby"},
    "img": {"src", "alt", "width", "height", "align"},
    "source": {"srcset", "media", "type", "width", "height"},
    "td": {"align", "colspan", "rowspan", "valign"},
    "th": {"align", "colspan", "rowspan", "valign", "scope"},
    "section": {"aria-labelledby"},
    "details": {"open"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "input": {"checked"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "col": {"span"},
    "colgroup": {"span"},
    **dict.fromkeys(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"), _ALIGN),
}
# The classes our own renderer and stylesheet use in a page's body.
CLASSES = frozenset(
    {
        *("markdown-alert", "markdown-alert-title", "admonition", "admonition-title"),
        *("note", "tip", "important", "warning", "caution", "danger", "info", "attention"),
        *(f"markdown-alert-{kind}" for kind in ("note", "tip", "important", "warning")),
        "markdown-alert-caution",
        *("is-collapsible", "collapsible-open", "collapsible-closed"),
        *("contains-task-list", "task-list-item", "task-list-item-checkbox"),
        *("footnotes", "footnotes-title", "footnotes-list", "footnote-item"),
        *("footnote-ref", "footnote-backref"),
        *("toctree", "caption"),
    }
)
# Roles our renderer gives; an author's role="presentation" could hide a table's meaning.
ROLES = frozenset({"note", "group", "navigation", "doc-noteref", "doc-endnotes", "doc-backlink"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize(html: str, image_url: UrlFor, link_url: UrlFor) -> str:
    """`html` with only allowed elements, attributes and URLs; links and images resolved."""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "class":
            kept = [c for c in value.split() if c in CLASSES]
            return " ".join(kept) or None
        if name == "role":
            return value if value in ROLES else None
        if tag == "a" and name == "href":
            return link_url(value)
        if name == "src":
            return image_url(value)
        if name == "srcset":
            return _srcset(value, image_url)
        return value

    cleaned = nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes=ATTRIBUTES,
        attribute_filter=attribute,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        set_tag_attribute_values={"input": {"type": "checkbox", "disabled": ""}},
    )
    return _without_empty_images(cleaned)


class _EmptyImages(HTMLParser):
    """Where the `<img>` tags with neither a source nor a text alternative are."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offsets = [0] + [i + 1 for i, c in enumerate(html) if c == "\n"]
        self.spans: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "img" and not names & {"src", "alt"}:
            line, column = self.getpos()
            start = self.line_offsets[line - 1] + column
            self.spans.append((start, start + len(self.get_starttag_text() or ""), ""))


def _without_empty_images(html: str) -> str:
    """An image whose source was refused (a hostile `<img src=x onerror=…>` in a msgstr,
    say) and that has no alt shows nothing to anyone: it is left out of the page."""
    if "<img" not in html:
        return html
    finder = _EmptyImages(html)
    finder.feed(html)
    finder.close()
    return spliced(html, finder.spans)


def _srcset(value: str, image_url: UrlFor) -> str | None:
    """Each candidate of a `srcset` ("a.png 1x, b.png 2x") resolved; None if any is refused."""
    candidates = []
    for candidate in value.split(","):
        url, _, size = candidate.strip().partition(" ")
        resolved = image_url(url)
        if resolved is None:
            return None
        candidates.append(f"{resolved} {size}".strip())
    return ", ".join(candidates)
