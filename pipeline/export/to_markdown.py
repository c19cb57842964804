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

import bisect
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pipeline.export.assemble import Localized, spliced, translate_block, translate_text
from pipeline.project.config import Segmentation
from pipeline.source.anchors import heading_ids, mkdocs_config, style_of
from pipeline.source.front_matter import TOML, opening_marker, string_values
from pipeline.source.html import tag_sequence
from pipeline.source.language import CODE_SPAN
from pipeline.source.markdown import TRANSLATABLE_FRONT_MATTER, Block, BlockKind, Document
from pipeline.source.spans import line_pieces
from pipeline.source.syntax import MARKDOWN

FRONT_MATTER_KINDS = set(TRANSLATABLE_FRONT_MATTER.values())
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
    BlockKind.ABBREVIATION,
    BlockKind.CAPTION,
    BlockKind.CONTENTS_ENTRY,
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
    raw: str,
    document: Document,
    lang: str,
    translations: Mapping[str, str],
    segmentation: Segmentation = "block",
    keep_ids: bool = False,
) -> MarkdownResult:
    """The source text of `document` with every translated unit written in its place.

    `raw` is the file's text as it is on disk (a BOM and CRLF line ends kept); the blocks
    know their spans in it as read (without them). With every translation equal to its
    source text the result is `raw` itself, byte for byte. A fuzzy or missing translation
    leaves the source text (counted in `fallbacks`); one whose markup cannot be put back
    does too, and is a `problem`. With `keep_ids` (a generator that reads `{#id}` after
    a heading: Docusaurus, Hugo), a translated heading keeps its source id.
    """
    if lang == document.lang:
        return MarkdownResult(raw)
    source = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    counts = Localized(document, lang, [], {}, "", "")
    result = MarkdownResult(raw)
    splices: list[_Splice] = []
    kept_ids = _source_heading_ids(source, document, keep_ids)
    if opening_marker(source):
        splices += _front_matter(source, lang, translations, counts, result)
    for block in document.blocks:
        if block.kind in FRONT_MATTER_KINDS:
            continue
        pieces = translate_block(block, document.lang, lang, translations, segmentation, counts)
        text = " ".join(piece for piece, _ in pieces)
        if text == block.text:
            continue
        span = block.span
        if span is None or not source.startswith(line_pieces(block)[0], span[0]):
            result.problems.append(Problem(block.line, _UNPLACED.format(kind=block.kind)))
            counts.count(block.text, translated=False)
            continue
        start, end = span
        prefix = source[source.rfind("\n", 0, start) + 1 : start]
        if re.search(r"  \r?\n", source[start:end]) and "\\\n" not in source[start:end]:
            text = text.replace("\\\n", "  \n")  # the author's hard breaks are two spaces
        before = source[start - 1 : start]
        written, problem = _formatted(block, text, prefix, before, block.raw_html)
        if problem:
            result.problems.append(Problem(block.line, problem, block.text))
            counts.count(block.text, translated=False)
            continue
        splices.append((start, end, written))
        if block.kind is BlockKind.HEADING and block.line in kept_ids:
            splices.append(_id_splice(source, end, kept_ids[block.line], spaced=not keep_ids))
    result.text = spliced(raw, _on_disk(raw, splices))
    result.units, result.fallbacks = counts.units, counts.fallbacks
    return result


def _source_heading_ids(source: str, document: Document, keep_ids: bool) -> dict[int, str]:
    """Line → id of each heading without an id of its own, when the generator reads
    `{#id}` (`keep_ids`) or MkDocs publishes the file with attribute lists: a translated
    heading keeps its source id, so links into it work (mkdocstrings' docs: three broke,
    and `mkdocs build` stopped)."""
    config = mkdocs_config(document.path)
    if not keep_ids and (config is None or "attr_list" not in config):
        return {}
    tokens = MARKDOWN.parse(source)
    openings = [token for token in tokens if token.type == "heading_open"]
    ids = heading_ids(tokens, style_of(config))
    lines = source.split("\n")
    return {
        token.map[0] + 1: anchor
        for token, anchor in zip(openings, ids, strict=True)
        if token.map
        and token.attrGet("id") is None
        and (not keep_ids or _ATX_LINE.match(lines[token.map[0]]))
    }


# Docusaurus reads `{#id}` only on a line that starts with "#" (MDX fails on a setext
# heading's or a quoted heading's): there the links follow the heading's new id instead.
_ATX_LINE = re.compile(r"#{1,6}(?:[ \t]|$)")


def _id_splice(source: str, end: int, anchor: str, spaced: bool) -> _Splice:
    """The heading's source id, into the attribute list it has (`{ .special }` →
    `{ #id .special }`: a second list would show as text), else as one of its own:
    `{ #id }` as MkDocs' docs write it, or `{#id}`, the one form Docusaurus reads."""
    closing = _CLOSING_HASHES.match(source, end)
    found = _ATTRIBUTE_LIST_START.match(source, closing.end() if closing else end)
    if found:
        spacing = "" if source[found.end() : found.end() + 1].isspace() else " "
        return found.end(), found.end(), f" #{anchor}{spacing}"
    if spaced:  # Python-Markdown reads `## X ## { #x }`
        end = closing.end() if closing else end
        return end, end, f" {{ #{anchor} }}"
    # Hugo reads no `{#x}` before closing hashes, CommonMark (Docusaurus) none after: drop them
    return end, closing.end() if closing else end, f" {{#{anchor}}}"


_ATTRIBUTE_LIST_START = re.compile(r"[ \t]*\{:?")
_CLOSING_HASHES = re.compile(r"[ \t]+#+(?=[ \t]*(?:\{|$))", re.MULTILINE)


def _on_disk(raw: str, splices: list[_Splice]) -> list[_Splice]:
    """Splices of the text as read, moved to the text as on disk (BOM, CRLF line ends)."""
    bom = 1 if raw.startswith("\ufeff") else 0
    if not bom and "\r\n" not in raw:
        return splices
    # Where, in the text as read, a line end was CRLF.
    crlf = [m.start() - bom - n for n, m in enumerate(re.finditer("\r\n", raw))]
    newline = "\r\n" if crlf else "\n"

    def moved(offset: int) -> int:
        return offset + bom + bisect.bisect_left(crlf, offset)

    return [(moved(a), moved(b), text.replace("\n", newline)) for a, b, text in splices]


_UNPLACED = (
    "the {kind}'s text was not found where the parser put it; it is kept in the source language"
)


def _formatted(
    block: Block, text: str, prefix: str, before: str, html: bool
) -> tuple[str, str | None]:
    """The translation as it is written into the source, or a problem that stops it.

    `before` is the character before the span (an attribute's or a title's quote), `html`
    whether the span is in raw HTML (one line: a blank line would end the HTML block).
    """
    problem = _broken_markup(block.text, text, code=not html)
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
    if _YAML_OPTION.fullmatch(prefix):  # a MyST option in a `---` block: a YAML value
        return _yaml_value(text, before), None
    if html or block.kind in _ONE_LINE_KINDS:
        return text, None
    if "\n\n" in text.strip("\n"):
        return "", "the translation has a blank line, which would split the block in two"
    continuation = re.sub(r"[^>\s]", " ", prefix)
    lines = text.strip("\n").split("\n")
    if block.kind in _INLINE_KINDS:
        lines = [_escaped(line) for line in lines]
    return ("\n" + continuation).join(lines), None


_YAML_OPTION = re.compile(r"[ \t]*(?:alt|caption):[ \t]*[\"']?")


def _yaml_value(text: str, quote: str) -> str:
    """`text` written inside the quotes it stands in (`alt: "…"`), else as a YAML string
    that needs none or double quotes: a `"` or a `: ` must not end or split it."""
    if quote == '"':
        return json.dumps(text, ensure_ascii=False)[1:-1]
    if quote == "'":
        return text.replace("'", "''")
    plain = not re.search(r"[:#]\s|^[\"'&*!|>%@`{\[-]|[\"']$", text)
    return text if plain else json.dumps(text, ensure_ascii=False)


def _escaped(line: str) -> str:
    """A backslash where a line of a translated paragraph would start another block."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    cut = match.end() if match.group().isdigit() else 0
    return line[:cut] + "\\" + line[cut:]


def _broken_markup(source: str, translation: str, code: bool = True) -> str | None:
    """Why the translation's markup cannot go into the file: a code span left open, tags
    that do not nest where the source's did, or HTML or a URL scheme the source does not
    have (a msgstr must not bring a `<script>`, an `onerror=` or a `javascript:` link
    into the team's site). In Markdown (`code`), a code span's `<…>` is text:
    "{term}`metoder <methods>`"."""
    if code:
        source, translation = _without_code(source), _without_code(translation)
        if "`" in translation and "`" not in source:  # the rest would show as code, or not
            return "the translation opens a code span it does not close (a lone `)"
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


def _without_code(text: str) -> str:
    """`text` with its code spans, and its escaped backticks (a backslash before one), blanked."""
    if "`" not in text:
        return text
    return CODE_SPAN.sub(lambda span: " " * len(span.group()), text).replace("\\`", "  ")


def _front_matter(
    source: str,
    lang: str,
    translations: Mapping[str, str],
    counts: Localized,
    result: MarkdownResult,
) -> list[_Splice]:
    """`title`, `description` and the menus' short title translated, `lang` set to the
    locale where it is given."""
    splices = []
    toml = opening_marker(source) == TOML  # TOML's strings are quoted, YAML's need not be
    for key, start, end, value in string_values(source):
        if key == "lang" and value != lang:
            splices.append((start, end, json.dumps(lang) if toml else lang))
        elif key in TRANSLATABLE_FRONT_MATTER:
            text = " ".join(value.split())
            translated = translate_text(text, translations, counts)
            problem = _broken_markup(text, translated)
            if problem:
                line = source.count("\n", 0, start) + 1
                result.problems.append(Problem(line, problem, text))
                counts.count(text, translated=False)
            elif translated != text:
                splices.append((start, end, json.dumps(translated, ensure_ascii=False)))
    return splices
