"""Translated Markdown for the team's own site generator: the source's bytes, spans swapped.

A writer that renders Markdown again from a parse tree cannot give a file back byte for
byte (po4a and mdpo re-wrap lines, flatten lists and tables). Here each unit's exact span
in the source is found, the translation is written into that span, and every byte
between spans is copied: line breaks, wrapping, list markers, indentation, tables,
reference definitions, HTML, code and front matter stay as the author wrote them. A
translated paragraph is written on one line (wrapping it again would be guessing the
author's style), continuation lines keep the block's indentation and quote markers.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it.token import Token

from pipeline.export.assemble import Localized, spliced, translate_block, translate_text
from pipeline.project.config import Segmentation
from pipeline.source.html import tag_sequence
from pipeline.source.markdown import MARKDOWN, Block, BlockKind, Document, Place, block_places

_LINE_END = re.compile(r"\r\n|\r|\n")
# What would start a new block if it began a line of a translated paragraph.
_BLOCK_START = re.compile(
    r"(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|`{3}|~{3})"
)
_INLINE_KINDS = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}
_ONE_LINE_KINDS = {
    BlockKind.HEADING,
    BlockKind.TABLE_CELL,
    BlockKind.ALT_TEXT,
    BlockKind.LINK_TITLE,
    BlockKind.BOX_TITLE,
    BlockKind.SUMMARY,
    BlockKind.LABEL,
}

_ATTRIBUTE_KINDS = {BlockKind.ALT_TEXT, BlockKind.LINK_TITLE, BlockKind.LABEL}


@dataclass(frozen=True, slots=True)
class Problem:
    """A unit whose translation could not be put back: the source text stays there."""

    line: int
    message: str
    msgid: str = ""


@dataclass
class MarkdownResult:
    """A document's translated Markdown and what went into it."""

    text: str
    units: int = 0
    fallbacks: int = 0
    problems: list[Problem] = field(default_factory=list)


_Splice = tuple[int, int, str]  # a span of the source and what is written there


def translated_markdown(
    source: str,
    document: Document,
    lang: str,
    translations: Mapping[str, str],
    segmentation: Segmentation = "block",
) -> MarkdownResult:
    """The source text of `document` with every translated unit written in its place.

    With every translation equal to its source text the result is `source` itself, byte
    for byte. A fuzzy or missing translation leaves the source text (counted in
    `fallbacks`); one whose markup cannot be put back does too, and is a `problem`.
    """
    if lang == document.lang:
        return MarkdownResult(source)
    env: dict[str, Any] = {}
    tokens = MARKDOWN.parse(source, env)
    counts = Localized(document, lang, tokens, env, "", "")
    result = MarkdownResult(source)
    lines = _line_spans(source)
    splices: list[_Splice] = []
    if tokens and tokens[0].type == "front_matter":
        front = _front_matter(source, tokens[0].content, lang, translations, counts, result)
        splices += front
    cursors: dict[int, int] = {}
    places: list[tuple[Place | None, Block]] = list(block_places(tokens))
    places += [(None, block) for block in _reference_titles(env)]
    for place, block in sorted(places, key=lambda pair: pair[1].line):
        pieces = translate_block(block, document.lang, lang, translations, segmentation, counts)
        text = " ".join(piece for piece, _ in pieces)
        html = place is not None and place.field == "html"
        if html:
            assert place is not None
            span = _locate_html(source, lines, tokens[place.token], place.span)
        else:
            span = _locate(source, lines, block, cursors)
        if text == block.text:
            continue
        if span is None:
            result.problems.append(Problem(block.line, _UNPLACED.format(kind=block.kind)))
            counts.fallbacks += 1
            continue
        start, end, prefix = span
        if re.search(r"  \r?\n", source[start:end]) and "\\\n" not in source[start:end]:
            text = text.replace("\\\n", "  \n")  # the author's hard breaks are two spaces
        written, problem = _formatted(block, text, prefix, source[start - 1 : start], html)
        if problem:
            result.problems.append(Problem(block.line, problem, block.text))
            counts.fallbacks += 1
            continue
        splices.append((start, end, written))
    result.text = spliced(source, splices)
    result.units, result.fallbacks = counts.units, counts.fallbacks
    return result


_UNPLACED = (
    "the {kind}'s text was not found where the parser put it; it is kept in the source language"
)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end without the line break) of each line, as markdown-it counts lines."""
    spans = []
    start = 0
    for match in _LINE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _line_pieces(block: Block) -> list[str]:
    """The text of each source line the block spans, as it stands in the source."""
    bounds = [0, *block.line_starts, len(block.text)]
    pieces = [block.text[a:b] for a, b in itertools.pairwise(bounds)]
    # A hard break joins lines with backslash-newline; the source has "\" or two spaces.
    return [piece.rstrip(" \n").removesuffix("\\").rstrip(" ") for piece in pieces]


def _locate(
    source: str, lines: list[tuple[int, int]], block: Block, cursors: dict[int, int]
) -> tuple[int, int, str] | None:
    """Where the block's text stands in `source`: start, end, and the text before it on
    its first line (container markers and indentation). Blocks sharing a line (table
    cells, an image's alt text and title) are found left to right."""
    pieces = _line_pieces(block)
    first, last = block.line - 1, block.line - 1 + len(pieces) - 1
    if last >= len(lines) or not pieces[0]:
        return None
    line_start, line_end = lines[first]
    start = source.find(pieces[0], cursors.get(first, line_start), line_end)
    if start < 0:
        return None
    end = start + len(pieces[0])
    if last != first:
        last_start, last_end = lines[last]
        found = source.find(pieces[-1], last_start, last_end)
        if found < 0:
            return None
        end = found + len(pieces[-1])
    cursors[last] = end
    return start, end, source[line_start:start]


def _locate_html(
    source: str, lines: list[tuple[int, int]], token: Token, span: tuple[int, int]
) -> tuple[int, int, str] | None:
    """Where a span of an HTML block's content stands in `source`. The content is the
    block's lines without their container markers (a list's indentation, a quote's >)."""
    assert token.map is not None
    content_lines = token.content.split("\n")

    def position(offset: int) -> tuple[int, int] | None:
        number = token.content.count("\n", 0, offset)
        column = offset - (token.content.rfind("\n", 0, offset) + 1)
        line_start, line_end = lines[token.map[0] + number]  # type: ignore[index]
        text = source[line_start:line_end]
        if not text.endswith(content_lines[number]):
            return None
        return line_start + len(text) - len(content_lines[number]) + column, line_start

    start, end = position(span[0]), position(span[1])
    if start is None or end is None:
        return None
    return start[0], end[0], source[start[1] : start[0]]


def _formatted(
    block: Block, text: str, prefix: str, before: str, html: bool
) -> tuple[str, str | None]:
    """The translation as it is written into the source, or a problem that stops it.

    `before` is the character before the span (an attribute's or a title's quote), `html`
    whether the span is in raw HTML (one line: a blank line would end the HTML block).
    """
    problem = _broken_markup(block.text, text)
    if problem:
        return "", problem
    if html or block.kind in _ONE_LINE_KINDS:
        text = " ".join(text.split())
    if html and block.kind in _ATTRIBUTE_KINDS:
        if before not in {'"', "'"}:
            return '"' + text.replace('"', "&quot;") + '"', None
        return text.replace(before, "&quot;" if before == '"' else "&#39;"), None
    if block.kind is BlockKind.TABLE_CELL:
        return re.sub(r"(?<!\\)\|", r"\\|", text), None
    if block.kind is BlockKind.LINK_TITLE and before in {'"', "'"}:
        return text.replace(before, "\\" + before), None
    if html or block.kind in _ONE_LINE_KINDS:
        return text, None
    if "\n\n" in text.strip("\n"):
        return "", "the translation has a blank line, which would split the block in two"
    continuation = re.sub(r"[^>\s]", " ", prefix)
    lines = text.strip("\n").split("\n")
    if block.kind in _INLINE_KINDS:
        lines = [_escaped(line) for line in lines]
    return ("\n" + continuation).join(lines), None


def _escaped(line: str) -> str:
    """A backslash where a line of a translated paragraph would start another block."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    cut = match.end() if match.group().isdigit() else 0
    return line[:cut] + "\\" + line[cut:]


def _broken_markup(source: str, translation: str) -> str | None:
    """Why the translation's markup cannot go into the file: tags that do not nest where
    the source's did, or HTML or a URL scheme the source does not have (a msgstr must not
    bring a `<script>`, an `onerror=` or a `javascript:` link into the team's site)."""
    theirs, ours = tag_sequence(source), tag_sequence(translation)
    if theirs.balanced and not ours.balanced:
        return f"the translation's HTML tags are unbalanced ({ours.problem})"
    added = sorted(ours.attributes - theirs.attributes)
    new_tags = sorted({name for name in ours.names if name[0] != "/"} - set(theirs.names))
    if new_tags:
        return f"the translation adds HTML its source does not have: <{new_tags[0]}>"
    if added:
        tag, name = added[0]
        return f"the translation adds HTML its source does not have: {name}= on <{tag}>"
    for scheme in _UNSAFE_SCHEMES.findall(translation):
        if scheme.lower() not in source.lower():
            return f"the translation adds a '{scheme}' URL its source does not have"
    return None


_UNSAFE_SCHEMES = re.compile(r"(?i)\b(javascript|vbscript|data|file):")


def _front_matter(
    source: str,
    content: str,
    lang: str,
    translations: Mapping[str, str],
    counts: Localized,
    result: MarkdownResult,
) -> list[_Splice]:
    """`title` and `description` translated, `lang` set to the locale where it is given."""
    offset = len(source.split("\n", 1)[0]) + 1  # the front matter starts after "---"
    node = yaml.compose(content)
    if not isinstance(node, yaml.MappingNode):
        return []
    splices = []
    for key, value in node.value:
        if not isinstance(value, yaml.ScalarNode):
            continue
        start, end = offset + value.start_mark.index, offset + value.end_mark.index
        if key.value == "lang" and value.value != lang:
            splices.append((start, end, lang))
        elif key.value in {"title", "description"} and isinstance(value.value, str):
            text = " ".join(value.value.split())
            translated = translate_text(text, translations, counts)
            problem = _broken_markup(text, translated)
            if problem:
                line = source.count("\n", 0, start) + 1
                result.problems.append(Problem(line, problem, text))
                counts.fallbacks += 1
            elif translated != text:
                splices.append((start, end, json.dumps(translated, ensure_ascii=False)))
    return splices


def _reference_titles(env: Mapping[str, Any]) -> list[Block]:
    """Titles of link reference definitions (`[id]: url "Title"`), where they stand."""
    found = []
    for reference in env.get("references", {}).values():
        title = " ".join(str(reference.get("title") or "").split())
        if title and reference.get("map"):
            line = reference["map"][0] + 1
            found.append(Block(BlockKind.LINK_TITLE, title, line + _title_line(reference)))
    return found


def _title_line(reference: Mapping[str, Any]) -> int:
    """A definition's title may stand on the line after its URL."""
    first, last = reference["map"]
    return max(0, int(last) - int(first) - 1)
