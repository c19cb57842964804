"""Two of Python-Markdown's extensions that MkDocs Material sites use everywhere.

Attribute lists: `## Name {: #name }` gives the heading the id `name`, so links to
`#name` work; `![A diagram](a.png){ loading=lazy }` sets the image's attributes, and a
theme's class (`{ .md-button }`) is dropped. Before, the braces were shown on the page, a
heading's were in its unit, and the links to the ids were reported broken (Hatch's
docs: 79 headings). The source and the translated Markdown keep them as written.

Markdown in HTML: `<figure markdown>` holds Markdown (an image, its caption), even with
no blank line after the tag, where CommonMark reads the whole element as raw HTML and
Hatch's images were shown as `![…](…)` text and never copied.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_VALUE = r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+)"""
_NAME = r"(?:\\?[\w:.-])+"  # "#\9.0", "#\_fn_1": Python-Markdown drops the backslash
_ITEM = rf"(?:[#.]{_NAME}|[\w-]+={_VALUE})"
# `{: #id .class key=value }`; the colon is optional, as in Python-Markdown 3.
_ATTR_LIST = re.compile(rf"\{{:?[ \t]*({_ITEM}(?:[ \t]+{_ITEM})*)[ \t]*\}}")
_PARTS = re.compile(rf"([#.])({_NAME})|([\w-]+)=({_VALUE})")
# A heading's list ends it, after the optional closing hashes: `## Name ## {: #name }`.
_HEADING_END = re.compile(rf"(?:[ \t]+#+)?[ \t]+{_ATTR_LIST.pattern}[ \t]*$")
# What a list may set on an element; an event handler or a style may not.
_KEPT = {
    "image": {"id", "loading", "width", "height", "align", "title"},
    "link_open": {"id", "title"},
    "code_inline": {"id"},
    "heading_open": {"id"},
    "paragraph_open": {"id"},
}


def attribute_lists(state: StateCore) -> None:
    """Set each list's attributes on its element, and take the list out of the text."""
    if "{" not in state.src:
        return  # most documents
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "inline" or "{" not in token.content:
            continue
        opening = tokens[index - 1] if index else None
        if opening is not None and opening.type == "heading_open":
            _heading(opening, token)
        elif opening is not None and opening.type == "paragraph_open":
            _paragraph(opening, token)
        _inline(token)


def _heading(opening: Token, inline: Token) -> None:
    found = _HEADING_END.search(inline.content)
    last = inline.children[-1] if inline.children else None
    tail = _HEADING_END.search(last.content) if last and last.type == "text" else None
    if found is None or last is None or tail is None:
        return
    last.content = last.content[: tail.start()]
    inline.content = inline.content[: found.start()]
    _apply(opening, found.group(1))


def _paragraph(opening: Token, inline: Token) -> None:
    """A list on a line of its own that ends a paragraph is the paragraph's
    (`{: .no-print }`): out of its unit, so a translation written on one line does not
    glue it to the text, where MkDocs shows it."""
    head, newline, last = inline.content.rpartition("\n")
    found = _ATTR_LIST.fullmatch(last.strip())
    children = inline.children or []
    if not newline or found is None or len(children) < 2 or children[-2].type != "softbreak":
        return
    inline.content, inline.children = head, children[:-2]
    _apply(opening, found.group(1))


def _inline(inline: Token) -> None:
    """A list glued to an image, a link or a code span sets its attributes; one glued to
    anything else (an icon's shortcode) is not shown. The unit keeps it, as it keeps a
    link's address: the translation carries it to the translated page."""
    children = inline.children or []
    for at, child in enumerate(children):
        if child.type != "text" or not child.content.startswith("{") or not at:
            continue
        found = _ATTR_LIST.match(child.content)
        if found is None:
            continue
        target = _target(children, at - 1)
        if target is not None:
            _apply(target, found.group(1))
        child.content = child.content[found.end() :]
    for child in children:
        if child.type == "text" and "{" in child.content:
            child.content = _GLUED.sub("", child.content)


# A list glued to a word or an icon's shortcode (":material-clock:{ .lg }").
_GLUED = re.compile(rf"(?<=[^\s{{}}]){_ATTR_LIST.pattern}")


def _target(children: list[Token], before: int) -> Token | None:
    """The element a list right after `children[before]` belongs to."""
    previous = children[before]
    if previous.type in ("image", "code_inline"):
        return previous
    if previous.type == "link_close":
        depth = 0
        for candidate in reversed(children[: before + 1]):
            depth += {"link_close": 1, "link_open": -1}.get(candidate.type, 0)
            if depth == 0:
                return candidate
    return None


def _apply(token: Token, listed: str) -> None:
    kept = _KEPT.get(token.type, set())
    for mark, written, key, value in _PARTS.findall(listed):
        name = written.replace("\\", "")
        if mark == "#" and "id" in kept:
            token.attrSet("id", name)
        elif key in kept:  # classes are the theme's: our pages would drop them (sanitize)
            token.attrSet(key, value.strip("\"'"))


def markdown_in_html(state: StateCore) -> None:
    """An HTML block whose first line is a tag with the `markdown` attribute: that tag,
    the Markdown of the lines inside, and the closing tag."""
    if " markdown" not in state.src:
        return  # most documents
    tokens: list[Token] = []
    for token in state.tokens:
        opening = _MARKDOWN_TAG.match(token.content) if token.type == "html_block" else None
        lines = token.content.rstrip("\n").split("\n") if opening else []
        if opening is None or token.map is None or len(lines) < 3:
            tokens.append(token)
            continue
        closing = lines[-1].strip() == f"</{opening.group(1)}>"
        inner = lines[1:-1] if closing else lines[1:]
        first = token.map[0]
        tokens.append(_html(lines[0], first, token.level))
        parsed: list[Token] = []
        state.md.block.parse("\n".join(inner) + "\n", state.md, state.env, parsed)
        for child in parsed:
            child.level += token.level
            if child.map:
                child.map = [child.map[0] + first + 1, child.map[1] + first + 1]
        tokens += parsed
        if closing:
            tokens.append(_html(lines[-1], token.map[1] - 1, token.level))
    state.tokens = tokens


_MARKDOWN_TAG = re.compile(r"<([a-zA-Z][\w-]*)\b[^>\n]*\smarkdown(?:=[\"']?1?[\"']?)?[\s>/]")


def _html(line: str, at: int, level: int) -> Token:
    token = Token("html_block", "", 0, map=[at, at + 1], block=True, level=level)
    token.content = line + "\n"
    return token
