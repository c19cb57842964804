"""Where each block's text stands in the source file, to the character.

markdown-it gives blocks by line; a translated Markdown file swaps exactly the text of
each unit, so each block is found in its lines (table cells and an image's alt text and
title share a line and are found left to right), and raw HTML by the offsets its parser
gave. A block whose text is not where the parser put it gets no span: it is never
swapped, and the Markdown writer says so.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from markdown_it.token import Token

if TYPE_CHECKING:
    from pipeline.source.markdown import Block, Place

_LINE_END = re.compile(r"\r\n|\r|\n")
Span = tuple[int, int]


def placed(
    text: str, tokens: list[Token], places: Iterable[tuple[Place | None, Block]]
) -> list[Block]:
    """Each block with its span in `text`; `places` as block_places yields them (None for
    blocks outside the token stream, such as reference titles)."""
    lines = line_spans(text)
    cursors: dict[int, int] = {}
    found = []
    for place, block in sorted(places, key=lambda pair: pair[1].line):
        if place is not None and place.field == "html":
            span = _locate_html(text, lines, tokens[place.token], place.span)
            found.append(replace(block, span=span, raw_html=True))
        else:
            found.append(replace(block, span=_locate(text, lines, block, cursors)))
    return found


def line_spans(text: str) -> list[Span]:
    """(start, end without the line break) of each line, as markdown-it counts lines."""
    spans = []
    start = 0
    for match in _LINE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def line_pieces(block: Block) -> list[str]:
    """The text of each source line the block spans, as it stands in the source."""
    bounds = [0, *block.line_starts, len(block.text)]
    pieces = [block.text[a:b] for a, b in itertools.pairwise(bounds)]
    # A hard break joins lines with backslash-newline; the source has "\" or two spaces.
    return [piece.rstrip(" \n").removesuffix("\\").rstrip(" ") for piece in pieces]


def _locate(text: str, lines: list[Span], block: Block, cursors: dict[int, int]) -> Span | None:
    pieces = line_pieces(block)
    first, last = block.line - 1, block.line - 1 + len(pieces) - 1
    if last >= len(lines) or not pieces[0]:
        return None
    line_start, line_end = lines[first]
    start = text.find(pieces[0], cursors.get(first, line_start), line_end)
    if start < 0:
        return None
    end = start + len(pieces[0])
    if last != first:
        last_start, last_end = lines[last]
        found = text.find(pieces[-1], last_start, last_end)
        if found < 0:
            return None
        end = found + len(pieces[-1])
    cursors[last] = end
    return start, end


def _locate_html(text: str, lines: list[Span], token: Token, span: Span) -> Span | None:
    """A span of an HTML block's content in the file. The content is the block's lines
    without their container markers (a list's indentation, a quote's >)."""
    assert token.map is not None
    content_lines = token.content.split("\n")

    def position(offset: int) -> int | None:
        number = token.content.count("\n", 0, offset)
        column = offset - (token.content.rfind("\n", 0, offset) + 1)
        line_start, line_end = lines[token.map[0] + number]  # type: ignore[index]
        line = text[line_start:line_end]
        if not line.endswith(content_lines[number]):
            return None
        return line_start + len(line) - len(content_lines[number]) + column

    start, end = position(span[0]), position(span[1])
    return None if start is None or end is None else (start, end)
