"""Read a Markdown source with front matter into a Document of translatable blocks."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from pipeline.project.config import check_language
from pipeline.project.errors import PipelineError
from pipeline.project.files import read_text
from pipeline.source.directives import directives, glossary_definitions, readable_texts
from pipeline.source.front_matter import opening_marker, parsed
from pipeline.source.html import heading_level, html_headings, html_pieces, html_urls
from pipeline.source.spans import placed
from pipeline.source.syntax import MARKDOWN


class BlockKind(enum.StrEnum):
    """What a translatable piece of a document is; shown to translators in the PO."""

    TITLE = "title"
    DESCRIPTION = "description"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    TABLE_CELL = "table cell"
    ALT_TEXT = "alt text"
    LINK_TITLE = "link title"
    BOX_TITLE = "box title"  # an admonition's own title (`!!! note "Title"`)
    SUMMARY = "summary"  # the always-visible line of an HTML <details>
    LABEL = "label"  # an HTML aria-label
    ABBREVIATION = "abbreviation"  # what `*[HTML]: HyperText Markup Language` stands for
    CAPTION = "caption"  # a MyST directive's `:caption:` (a toctree's, a code block's)
    NAVIGATION = "navigation label"  # front matter's short title for menus
    CONTENTS_ENTRY = "contents entry"  # a MyST toctree's title for a page: `Install <install>`


# What a MyST directive shows readers (source.directives.readable_texts), as units.
_DIRECTIVE_KINDS = {
    "alt": BlockKind.ALT_TEXT,
    "caption": BlockKind.CAPTION,
    "title": BlockKind.CONTENTS_ENTRY,
}


# Front matter keys whose values are prose for readers; all other keys are data.
TRANSLATABLE_FRONT_MATTER = {
    "title": BlockKind.TITLE,
    "description": BlockKind.DESCRIPTION,
    "sidebar_label": BlockKind.NAVIGATION,  # Docusaurus' name of the page in its sidebar
    "linkTitle": BlockKind.NAVIGATION,  # Hugo's, in menus and lists
}


@dataclass(frozen=True, slots=True)
class Block:
    """A translatable block: inline Markdown text and where it stands in the file."""

    kind: BlockKind
    text: str
    line: int
    # Offsets in `text` at which a further source line begins (soft breaks joined).
    line_starts: tuple[int, ...] = ()
    heading_level: int = 0
    # Where the text stands in the file (see source.spans); None for front matter values.
    span: tuple[int, int] | None = None
    raw_html: bool = False  # the text of an HTML block: a translation of it stays one line

    def line_at(self, offset: int) -> int:
        """Return the 1-based source line of the character at `offset`."""
        return line_of(self.line, self.line_starts, offset)


def line_of(first_line: int, line_starts: tuple[int, ...], offset: int) -> int:
    """The file line of `offset` in a text that starts on `first_line` and continues on a
    new line at each of `line_starts` (soft-wrapped paragraphs are joined into one text)."""
    return first_line + sum(1 for start in line_starts if start <= offset)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed source document; `name` is its catalog domain (its path under the language
    folder, without .md: `api/index`), `title` its front matter title, else its first
    level-1 heading, else its file name."""

    path: Path
    name: str
    lang: str
    front_matter: Mapping[str, Any]
    blocks: tuple[Block, ...]
    # Front matter key → 1-based line of its value, for errors about that value.
    key_lines: Mapping[str, int] = field(default_factory=dict)
    title: str = ""
    urls: tuple[str, ...] = ()  # every link, image and reference URL, raw HTML included
    # The names its code spans and blocks write ("uvicorn", "statsd"), lower case: a word
    # the project writes as code is a program's or package's name in its prose too.
    code_words: tuple[str, ...] = ()


NO_LANGUAGE_HINT = (
    "add 'lang: da' to its front matter, put it in a folder named after a project locale "
    "(source/da/…), or set source-language in [tool.pipeline]"
)


def read_document(
    path: Path,
    display: str | None = None,
    lang: str | None = None,
    name: str | None = None,
    no_language_hint: str = NO_LANGUAGE_HINT,
) -> Document:
    """Parse the Markdown file at `path`; bad input raises PipelineError.

    The language is the front matter's `lang`, else `lang`; with neither, the error
    names the ways to give one (`no_language_hint`). Front matter is optional.
    """
    shown = display or str(path)
    text = read_text(path, shown)
    env: dict[str, Any] = {}
    tokens = MARKDOWN.parse(text, env)
    front_matter: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    if tokens and tokens[0].type == "front_matter":
        front_matter, key_lines = parsed(tokens[0].content, tokens[0].markup, shown)
        tokens = tokens[1:]
    elif marker := opening_marker(text):
        raise PipelineError(
            "front matter is not closed",
            shown,
            1,
            hint=f"end the {'YAML' if marker == '---' else 'TOML'} block with a line: {marker}",
        )
    if "lang" in front_matter:
        lang = check_language(front_matter["lang"], shown, key_lines.get("lang", 1))
    elif lang is None:
        raise PipelineError("the document's language is not known", shown, 1, hint=no_language_hint)
    blocks = [*_front_matter_blocks(front_matter, key_lines, shown)]
    outside = [*_reference_title_blocks(env), *_abbreviation_blocks(env)]
    lines = text.split("\n")
    readable = (seen for _, found in directives(lines, tokens) for seen in readable_texts(found))
    outside += [Block(_DIRECTIVE_KINDS[what], value, line) for what, value, line in readable]
    glossary = glossary_definitions(lines, tokens)
    outside += [_inline_block(BlockKind.PARAGRAPH, text, line) for text, line in glossary]
    references = ((None, block) for block in outside)
    blocks += placed(text, tokens, [*block_places(tokens), *references])
    blocks.sort(key=lambda block: block.line)
    title = str(front_matter.get("title") or _first_heading(tokens) or path.stem)
    return Document(
        path,
        name or path.stem,
        lang,
        front_matter,
        tuple(blocks),
        key_lines,
        " ".join(title.split()),
        tuple(_urls(tokens, env)),
        _code_words(tokens),
    )


def _first_heading(tokens: list[Token]) -> str | None:
    """The first level-1 heading's text, in Markdown or in raw HTML (`<h1 align=center>`)."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            return tokens[index + 1].content
        if token.type == "html_block":
            first = next((h.text for h in html_headings(token.content) if h.level == 1), None)
            if first:
                return first
    return None


def _front_matter_blocks(
    data: Mapping[str, Any], key_lines: Mapping[str, int], shown: str
) -> Iterator[Block]:
    for key, kind in TRANSLATABLE_FRONT_MATTER.items():
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) and kind is BlockKind.NAVIGATION:
            continue  # Hugo's year pages: `linkTitle: 2023`, nothing to translate
        if not isinstance(value, str):
            raise PipelineError(
                f"front matter '{key}' must be text, not {type(value).__name__}",
                shown,
                key_lines.get(key, 1),
            )
        text = " ".join(value.split())
        if text:
            yield Block(kind, text, key_lines.get(key, 1))


@dataclass(frozen=True, slots=True)
class Place:
    """Where a block's text lives in the token stream: the inline token, and for alt
    texts and image titles the image child and which of the two it is."""

    token: int
    image: int | None = None
    field: str = "content"  # "content", "alt", "title", or "html" for raw HTML
    span: tuple[int, int] = (0, 0)  # raw HTML: where the text lies in the token's content


def block_places(tokens: list[Token]) -> Iterator[tuple[Place, Block]]:
    """Yield each translatable body block with its place in `tokens` (export swaps it)."""
    list_depth = 0
    row_line = 0
    heading_level = 0
    title_skipped = False
    boxes: list[int | None] = []  # per open box: a MyST list-table's list depth, else None
    for index, token in enumerate(tokens):
        if token.type == "admonition_open":
            table = (token.meta or {}).get("tag") == "list-table"
            boxes.append(list_depth if table else None)
        elif token.type == "admonition_close" and boxes:
            boxes.pop()
        if token.type == "list_item_open":
            list_depth += 1
        elif token.type == "list_item_close":
            list_depth -= 1
        elif token.type == "tr_open" and token.map:
            row_line = token.map[0] + 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "html_block" and token.map:
            yield from _html_blocks(token, index, list_depth > 0)
        elif token.type == "admonition_title_open" and '"' not in tokens[index - 1].info:
            title_skipped = True  # the title is the box's kind ("Note"): we localize it
        elif token.type == "inline" and token.map and title_skipped:
            title_skipped = False
        elif token.type == "inline" and token.map and tokens[index - 1].type.endswith("title_open"):
            title = " ".join(token.content.split())
            kind = BlockKind.CAPTION if boxes and boxes[-1] is not None else BlockKind.BOX_TITLE
            yield Place(index), Block(kind, title, token.map[0] + 1)
        elif token.type == "inline" and token.map:
            line = token.map[0] + 1
            place = Place(index)
            if heading_level:
                yield place, _inline_block(BlockKind.HEADING, token.content, line, heading_level)
            elif row_line and token.map[0] + 1 == row_line:
                yield place, _inline_block(BlockKind.TABLE_CELL, token.content.strip(), row_line)
            elif _is_images_only(token):
                yield from _image_blocks(token, index, line)
            elif _is_html_only(token):  # no text of its own: its tags' attributes are the units
                yield from _html_blocks(token, index, list_depth > 0)
            else:
                table = boxes[-1] if boxes else None  # a list-table's cell: its list's items'
                cell = table is not None and list_depth >= table + 2
                kind = BlockKind.LIST_ITEM if list_depth else BlockKind.PARAGRAPH
                yield (
                    place,
                    _inline_block(BlockKind.TABLE_CELL if cell else kind, token.content, line),
                )


def _inline_block(kind: BlockKind, content: str, line: int, level: int = 0) -> Block:
    """Join soft-wrapped lines with a space; a hard break becomes backslash-newline."""
    text = ""
    starts: list[int] = []
    for index, raw in enumerate(content.split("\n")):
        if index:
            if text.endswith("\\"):
                text += "\n"
            elif text.endswith("  "):
                text = text.rstrip(" ") + "\\\n"
            else:
                text = text.rstrip(" ") + " "
            starts.append(len(text))
        text += raw.lstrip(" \t")
    return Block(kind, text.rstrip(), line, tuple(starts), level)


_HTML_KINDS = {
    "alt": BlockKind.ALT_TEXT,
    "title": BlockKind.LINK_TITLE,
    "aria-label": BlockKind.LABEL,
}
_HTML_CONTAINERS = {
    "summary": BlockKind.SUMMARY,
    "li": BlockKind.LIST_ITEM,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
}


def _html_blocks(token: Token, index: int, in_list: bool) -> Iterator[tuple[Place, Block]]:
    """The text of an HTML block (or of a paragraph of inline HTML), piece by piece: block
    elements' text and attributes."""
    assert token.map is not None
    content = token.content
    for piece in html_pieces(content):
        line = token.map[0] + 1 + content.count("\n", 0, piece.start)
        level = heading_level(piece.container)
        if piece.kind != "text":
            kind = _HTML_KINDS[piece.kind]
        elif level:
            kind = BlockKind.HEADING
        else:
            default = BlockKind.LIST_ITEM if in_list else BlockKind.PARAGRAPH
            kind = _HTML_CONTAINERS.get(piece.container, default)
        text, starts = joined_lines(content[piece.start : piece.end])
        place = Place(index, field="html", span=(piece.start, piece.end))
        yield place, Block(kind, text, line, starts, level)


def joined_lines(raw: str) -> tuple[str, tuple[int, ...]]:
    """Lines of HTML text joined with a space, and the offsets at which each line starts."""
    text = ""
    starts: list[int] = []
    for number, line in enumerate(raw.split("\n")):
        if number:
            text = text.rstrip() + " "
            starts.append(len(text))
        text += line.strip() if number else line.rstrip()
    return text, tuple(starts)


def _is_images_only(token: Token) -> bool:
    children = token.children or []
    kinds = {child.type for child in children}
    has_image = "image" in kinds
    rest = [c for c in children if c.type not in {"image", "softbreak", "hardbreak"}]
    return has_image and all(c.type == "text" and not c.content.strip() for c in rest)


def _is_html_only(token: Token) -> bool:
    """Inline HTML and no words outside its tags (`<a title="Home"><img alt="Logo"></a>`):
    markdown-it reads it as a paragraph, not as an HTML block, when a tag follows the
    first one on its line."""
    children = token.children or []
    return any(child.type == "html_inline" for child in children) and all(
        child.type in {"html_inline", "softbreak", "hardbreak"}
        or (child.type == "text" and not any(c.isalpha() for c in child.content))
        for child in children
    )


def _image_blocks(token: Token, index: int, line: int) -> Iterator[tuple[Place, Block]]:
    """Alt texts (and titles) of a paragraph made only of images, one block each."""
    position = 0
    for number, child in enumerate(token.children or []):
        if child.type != "image":
            continue
        position = token.content.find("![", position)
        child_line = line + token.content.count("\n", 0, max(position, 0))
        if child.content.strip():
            alt = Block(BlockKind.ALT_TEXT, " ".join(child.content.split()), child_line)
            yield Place(index, number, "alt"), alt
        title = child.attrs.get("title")
        if isinstance(title, str) and title.strip():
            yield (
                Place(index, number, "title"),
                Block(BlockKind.LINK_TITLE, title.strip(), child_line),
            )
        position += 2


def _reference_title_blocks(env: Mapping[str, Any]) -> Iterator[Block]:
    """Titles of link reference definitions (`[id]: url "Title"`) stand outside paragraphs,
    on the definition's last line."""
    for reference in env.get("references", {}).values():
        title = reference.get("title")
        if title and reference.get("map"):
            first, last = reference["map"]
            line = first + 1 + max(0, int(last) - int(first) - 1)
            yield Block(BlockKind.LINK_TITLE, " ".join(title.split()), line)


def _abbreviation_blocks(env: Mapping[str, Any]) -> Iterator[Block]:
    """What each `*[TERM]: …` definition stands for, on its line (the term stays as is)."""
    for defined in env.get("abbreviations", {}).values():
        if defined["title"]:
            yield Block(BlockKind.ABBREVIATION, defined["title"], defined["line"])


def _code_words(tokens: list[Token]) -> tuple[str, ...]:
    """The names written in the document's code spans and blocks, once each. A comment
    is prose, and may hold the prose's typo ("// Implicity mocked")."""
    code = [_COMMENT.sub(" ", t.content) for t in tokens if t.type in {"fence", "code_block"}]
    code += [c.content for t in tokens for c in t.children or () if c.type == "code_inline"]
    return tuple(sorted({word.lower() for text in code for word in _NAME.findall(text)}))


_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
# C's, JavaScript's, shell's and Python's comments (a "#" after a space or at a line's start)
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*|(?:^|(?<=\s))#[^\n]*", re.S)


def _urls(tokens: list[Token], env: Mapping[str, Any]) -> Iterator[str]:
    """Every link, image and reference URL of the document, raw HTML included."""
    for token in tokens:
        if token.type == "html_block":
            yield from html_urls(token.content)
        for child in token.children or ():
            if child.type in {"link_open", "image"}:
                yield str(child.attrGet("href") or child.attrGet("src") or "")
            elif child.type == "html_inline":
                yield from html_urls(child.content)
    for reference in env.get("references", {}).values():
        yield str(reference.get("href") or "")
