"""MyST directives shown as Sphinx shows them: an `{image}` and a `{figure}` as images, a
`{list-table}` as a table, a `{toctree}` as a list of links to its pages.

The parser keeps an image or a toctree as code (translated Markdown writes it back as it
stands) and a figure or a list-table as a box of Markdown; localize has read each one's
options and translated the ones readers see (`meta["directive"]`, `meta["texts"]`).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, Literal, Protocol

from markdown_it.token import Token

from pipeline.export.assemble import lang_token, text_token
from pipeline.source.directives import Directive, toctree_entries
from pipeline.source.syntax import MARKDOWN


class ProjectPages(Protocol):
    """What a page's MyST needs of the project's other pages, in the page's language.
    A page is given as (its address from this page's source, its title or heading in
    the page's language, the language that text is in where untranslated, else "")."""

    def listed(self, entry: str, glob: bool) -> list[tuple[str, str, str]]:
        """The pages a toctree entry lists (with `:glob:` on, its pattern's)."""

    def labelled(self, label: str) -> tuple[str, str, str] | None:
        """The heading on another page that a MyST label `(label)=` stands before."""


_IMAGE_SIZES = ("width", "height")
_LISTS = frozenset(
    {"bullet_list_open", "bullet_list_close", "ordered_list_open", "ordered_list_close"}
)


def show_directives(tokens: list[Token], pages: ProjectPages | None = None) -> list[Token]:
    """`tokens` with each image, figure, list-table and toctree in the HTML Sphinx gives."""
    shown: list[Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        found = (token.meta or {}).get("directive")
        directive = found if isinstance(found, Directive) else Directive("", "")
        name = directive.name
        if name in {"figure", "list-table"} and token.type == "admonition_open":
            close = _closing(tokens, at)
            inner = tokens[at + 4 : close]  # after the box's title
            title = tokens[at + 2] if '"' in token.info else None
            if name == "figure":
                shown += _figure(token, inner)
            else:
                shown += _table(token, title, inner)
            at = close + 1
            continue
        if token.type == "fence" and name == "image":
            shown.append(_html(f"<p>{_image(token)}</p>\n", token))
        elif token.type == "fence" and name == "toctree":
            if "hidden" not in directive.options:  # a hidden one makes Sphinx's menu only
                shown.append(_html(_toctree(token, pages), token))
        else:
            shown.append(token)
        at += 1
    return shown


def _closing(tokens: list[Token], at: int) -> int:
    """Where the box opened at `at` closes (a box's tokens are not levelled: counted)."""
    depth = 0
    for index in range(at, len(tokens)):
        depth += {"admonition_open": 1, "admonition_close": -1}.get(tokens[index].type, 0)
        if depth == 0:
            return index
    return len(tokens) - 1


def _html(content: str, like: Token) -> Token:
    token = Token("html_block", "", 0, map=like.map, block=True, content=content)
    token.level = like.level
    return token


def _image(token: Token) -> str:
    """An `<img>` of the directive's path, alt text and size; in a link with `:target:`."""
    directive: Directive = token.meta["directive"]
    options = directive.options
    attributes = [f'src="{escape(directive.argument.strip())}"']
    if "alt" in options:  # an alt in the source's language marks the image with it
        shown, fallback = _in_page(token, options["alt"])
        attributes.append(f'alt="{escape(shown)}"' + (f' lang="{fallback}"' if fallback else ""))
    for size in _IMAGE_SIZES:
        value = options.get(size, "").strip().removesuffix("px")
        if value.isdigit():
            attributes.append(f'{size}="{value}"')
    if options.get("name") and directive.name == "image":  # a label links may name
        attributes.append(f'id="{escape(options["name"])}"')
    image = f"<img {' '.join(attributes)}>"
    target = options.get("target", "").strip()
    return f'<a href="{escape(target)}">{image}</a>' if target else image


def _figure(opening: Token, inner: list[Token]) -> list[Token]:
    """A `<figure>`: the image, then its caption and legend (the directive's body)."""
    name = opening.meta["directive"].options.get("name")
    named = f' id="{escape(name)}"' if name else ""  # a label links may name
    shown = [_html(f"<figure{named}>{_image(opening)}\n", opening)]
    if inner:
        shown += [_html("<figcaption>\n", opening), *inner, _html("</figcaption>\n", opening)]
    return [*shown, _html("</figure>\n", opening)]


def _table(opening: Token, title: Token | None, inner: list[Token]) -> list[Token]:
    """A `<table>` of the list of lists: each item a row, each of its items a cell. The
    first `:header-rows:` rows are the header (th scope=col), the first `:stub-columns:`
    cells of a row head it (th scope=row); the directive's title is the caption."""
    options: dict[str, Any] = opening.meta["directive"].options
    header_rows, stub_columns = (
        _count(options.get(key)) for key in ("header-rows", "stub-columns")
    )
    table = [_tag("table_open", "table", 1, opening)]
    if options.get("name"):  # a label links may name
        table[0].attrSet("id", str(options["name"]))
    if title is not None:
        table += [
            _tag("caption_open", "caption", 1, opening),
            title,
            _tag("caption_close", "caption", -1, opening),
        ]
    depth = row = cell = 0
    for token in inner:
        if token.type in _LISTS:
            depth += token.nesting > 0
            outer = depth <= 2  # the rows' list or a row's list of cells
            depth -= token.nesting < 0
            if outer and token.nesting < 0 and depth == 0 and row:  # the last part ends
                table.append(_part(row <= header_rows, -1, opening))
            if outer:
                continue
        elif token.type in {"list_item_open", "list_item_close"} and depth == 1:  # a row
            if token.nesting > 0:
                row, cell = row + 1, 0
                if row in {1, header_rows + 1}:
                    if row > 1:
                        table.append(_part(True, -1, opening))
                    table.append(_part(row <= header_rows, 1, opening))
            table.append(_tag(f"tr_{_way(token)}", "tr", token.nesting, opening))
            continue
        elif token.type in {"list_item_open", "list_item_close"} and depth == 2:  # a cell
            cell += token.nesting > 0
            head = row <= header_rows or cell <= stub_columns
            tag = "th" if head else "td"
            shown = _tag(f"{tag}_{_way(token)}", tag, token.nesting, opening)
            if head and token.nesting > 0:
                shown.attrSet("scope", "col" if row <= header_rows else "row")
            table.append(shown)
            continue
        table.append(token)
    return [*table, _tag("table_close", "table", -1, opening)]


def _count(value: object) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


def _way(token: Token) -> str:
    return "open" if token.nesting > 0 else "close"


def _part(head: bool, nesting: Literal[-1, 1], like: Token) -> Token:
    tag = "thead" if head else "tbody"
    return _tag(f"{tag}_{'open' if nesting > 0 else 'close'}", tag, nesting, like)


def _tag(kind: str, tag: str, nesting: Literal[-1, 0, 1], like: Token) -> Token:
    token = Token(kind, tag, nesting, map=like.map if nesting > 0 else None, block=True)
    token.level = like.level
    return token


def _toctree(token: Token, project: ProjectPages | None) -> str:
    """A toctree as Sphinx shows it in the page: its caption, then a list of links to its
    pages, each named by its own title in the toctree or by the page's title. An entry
    that is no page of ours (an .rst page Sphinx reads) is named, not linked."""
    directive: Directive = token.meta["directive"]
    caption = directive.options.get("caption", "")
    glob = "glob" in directive.options
    items = []
    for title, target, _ in toctree_entries(directive):
        own = _text(token, title) if title else ""
        if target == "self":
            continue
        if _ADDRESS.match(target):
            items.append(f'<li><a href="{escape(target)}">{own or escape(target)}</a></li>')
            continue
        pages = project.listed(target, glob) if project else []
        if not pages and not (glob and _GLOB.search(target)):
            items.append(f"<li>{own or escape(target)}</li>")
        for href, page_title, fallback in pages:  # a heading's code spans and emphasis
            shown = _LINK_TAG.sub("", MARKDOWN.renderInline(page_title).strip())  # no link in one
            name = own or _marked(shown, fallback, html=True)
            items.append(f'<li><a href="{escape(href)}">{name}</a></li>')
    if not items:
        return ""
    heading = f'<p class="caption">{_text(token, caption)}</p>\n' if caption else ""
    # A landmark named by its caption; not by one in another language: an aria-label
    # cannot say its language, and would be read in the page's.
    shown, fallback = _in_page(token, caption)
    label = f' role="navigation" aria-label="{escape(shown)}"' if caption and not fallback else ""
    listed = "".join(reversed(items) if "reversed" in directive.options else items)
    tag = "ol" if "numbered" in directive.options else "ul"  # Sphinx numbers its sections
    return f'<div class="toctree"{label}>\n{heading}<{tag}>\n{listed}\n</{tag}>\n</div>\n'


_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:
_GLOB = re.compile(r"[*?\[]")
_LINK_TAG = re.compile(r"</?a\b[^>]*>")


def _marked(text: str, lang: str, html: bool = False) -> str:
    shown = text if html else escape(text)
    return f'<span lang="{lang}">{shown}</span>' if lang else shown


def _in_page(token: Token, text: str) -> tuple[str, str]:
    """A text of the directive in the page's language, and the source's language where
    it fell back, else "" (as localize read it)."""
    shown, fallback = token.meta.get("texts", {}).get(text, (text, ""))
    return str(shown), str(fallback)


def _text(token: Token, text: str) -> str:
    """A text of the directive in the page's language, escaped; a fallback marked with
    the source's language (WCAG 3.1.2)."""
    return _marked(*_in_page(token, text))


def follow_labels(tokens: list[Token], pages: ProjectPages) -> None:
    """A link to a MyST label on another page (`[](customize:sidebar)`) goes to its
    heading there, named by it when the link has no text, as Sphinx shows it: our page
    showed an empty link to nowhere. A link with no text to a page of the project
    (`[](content-blocks.md)`) is named by the page's title, as MyST names it."""
    for token in tokens:
        children = token.children or []
        for at in range(len(children) - 1, -1, -1):
            link = children[at]
            if link.type != "link_open":
                continue
            href = str(link.attrGet("href") or "")
            empty = at + 1 < len(children) and children[at + 1].type == "link_close"
            found = pages.labelled(href)
            if found is not None:
                link.attrSet("href", found[0])
            elif empty and href and "#" not in href:
                found = next(iter(pages.listed(href, glob=False)), None)
            if found is not None and empty:
                children[at + 1 : at + 1] = _named(*found[1:])


def _named(text: str, fallback: str) -> list[Token]:
    """A heading's or title's inline Markdown as a link's text (its own links left out),
    marked with its language where it is not the page's."""
    inline = MARKDOWN.parseInline(text)[0].children or [text_token(text)]
    named = [c for c in inline if c.type not in {"link_open", "link_close"}]
    if not fallback:
        return named
    return [lang_token("lang_open", fallback), *named, lang_token("lang_close", fallback)]
