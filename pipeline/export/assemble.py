"""A localized document: the source's Markdown tokens with each unit's text translated.

Untranslated and fuzzy units fall back to the source text and are marked with the
source language, so the page says which parts are in which language (WCAG 3.1.2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from pipeline.project.config import Segmentation
from pipeline.project.files import read_text
from pipeline.source.anchors import explicit_anchors, github_slug, heading_ids, id_style
from pipeline.source.directives import directives, readable_texts
from pipeline.source.html import VOID_TAGS, html_headings
from pipeline.source.language import split_sentences
from pipeline.source.markdown import (
    Block,
    BlockKind,
    Document,
    block_places,
)
from pipeline.source.syntax import MARKDOWN
from pipeline.source.units import has_prose


@dataclass
class Localized:
    """A document in one locale, ready to render."""

    document: Document
    lang: str
    tokens: list[Token]
    env: dict[str, Any]
    title: str
    description: str
    # Distinct texts, as the catalogs and `pipeline stats` count them: a heading the
    # page repeats ("Fixed" in release notes) is one unit to translate.
    texts: set[str] = field(default_factory=set)
    untranslated: set[str] = field(default_factory=set)

    @property
    def units(self) -> int:
        return len(self.texts)

    @property
    def fallbacks(self) -> int:
        return len(self.untranslated)

    def count(self, text: str, *, translated: bool) -> None:
        self.texts.add(text)
        if not translated:
            self.untranslated.add(text)


def localize(
    document: Document,
    lang: str,
    translations: Mapping[str, str],
    segmentation: Segmentation = "block",
    shown: str | None = None,
) -> Localized:
    """Swap each unit of `document` for its translation in `lang` (fallback: the source)."""
    env: dict[str, Any] = {}
    text = read_text(document.path, shown)
    tokens = MARKDOWN.parse(text, env)
    # Ids from the source headings: a translated heading must not break links into it.
    openings = (token for token in tokens if token.type == "heading_open")
    ids = heading_ids(tokens, id_style(document.path))
    for opening, anchor in zip(openings, ids, strict=True):
        opening.attrSet("id", anchor)
    _without_repeated_ids(tokens, set(ids))
    _identify_html_headings(tokens, dict.fromkeys(ids, 0))
    result = Localized(document, lang, tokens, env, "", "")
    front = document.front_matter
    title, description = (str(front.get(key) or "") for key in ("title", "description"))
    result.title = translate_text(" ".join(title.split()), translations, result)
    result.description = translate_text(" ".join(description.split()), translations, result)
    for reference in env.get("references", {}).values():
        title = " ".join(str(reference.get("title") or "").split())
        if title:  # link reference definitions ([id]: url "Title") stand outside the text
            reference["title"] = translate_text(title, translations, result)
    for defined in env.get("abbreviations", {}).values():
        defined["title"] = translate_text(defined["title"], translations, result)
    _read_directives(text.split("\n"), tokens, translations, result)
    html_splices: dict[int, list[tuple[int, int, str]]] = {}
    for place, block in block_places(tokens):
        pieces = translate_block(block, document.lang, lang, translations, segmentation, result)
        if place.field == "html":
            content = tokens[place.token].content
            splices = html_splices.setdefault(place.token, [])
            splices += _html_splices(content, place.span, block, pieces, document.lang)
        elif place.image is None:
            _swap_inline(tokens, place.token, pieces, document.lang, env)
        else:
            _swap_image(tokens[place.token], place.image, place.field, pieces, env)
    for index, splices in html_splices.items():
        token = tokens[index]
        token.content = spliced(token.content, list(dict.fromkeys(splices)))
        if token.type == "inline":  # a paragraph of inline HTML: its children are rendered
            token.children = MARKDOWN.parseInline(token.content, env)[0].children
    result.tokens = _number_footnote_references(tokens)
    return result


def _read_directives(
    lines: list[str], tokens: list[Token], translations: Mapping[str, str], result: Localized
) -> None:
    """Each MyST directive's options on its token, with the texts readers see (an alt
    text, a caption, a toctree's titles) in the page's language: (text, the source's
    language where it fell back, else "")."""
    source = result.document.lang
    for token, directive in directives(lines, tokens):
        texts = [text for _, text, _ in readable_texts(directive)]
        shown = {text: translate_text(text, translations, result) for text in texts}
        fallback = {text: source if text in result.untranslated else "" for text in texts}
        token.meta = {
            **(token.meta or {}),
            "directive": directive,
            "texts": {text: (shown[text], fallback[text]) for text in texts},
        }


def _html_splices(
    content: str,
    span: tuple[int, int],
    block: Block,
    pieces: list[tuple[str, bool]],
    source: str,
) -> list[tuple[int, int, str]]:
    """A raw HTML piece's translation, its fallback marked in the source language:
    text in a span; an image's alt text by a lang on the image (an attribute cannot
    carry one, and the image has no other text it would mislabel)."""
    if block.kind not in _HTML_ATTRIBUTE_KINDS:
        text = " ".join(f'<span lang="{source}">{p}</span>' if f else p for p, f in pieces)
        return [(*span, text)]
    splices = [(*span, " ".join(piece for piece, _ in pieces))]
    if not any(fallback for _, fallback in pieces):
        return splices
    tag = _TAG_NAME.match(content, content.rfind("<", 0, span[0]))
    void = tag is not None and tag.group(1).lower() in VOID_TAGS
    if tag and void and not _LANG.search(content, tag.end(), content.find(">", span[1])):
        splices.append((tag.end(), tag.end(), f' lang="{source}"'))
    return splices


_HTML_ATTRIBUTE_KINDS = {BlockKind.ALT_TEXT, BlockKind.LINK_TITLE, BlockKind.LABEL}
_TAG_NAME = re.compile(r"<([A-Za-z][\w-]*)")
_LANG = re.compile(r"\slang\s*=", re.IGNORECASE)


def _number_footnote_references(tokens: list[Token]) -> list[Token]:
    """Number each note's references in page order and give the note one back link per
    reference. Parsing a unit's text again counted its references a second time, past the
    back links the first parse made: every back link missed (Node's webcrypto: 30 a page).
    A translation that drops a reference drops its back link."""
    counts: dict[int, int] = {}
    for token in tokens:
        for child in token.children or ():
            if child.type == "footnote_ref":
                note = child.meta["id"]
                child.meta["subId"] = counts.get(note, 0)
                counts[note] = child.meta["subId"] + 1
    numbered: list[Token] = []
    for token in tokens:
        if token.type != "footnote_anchor":
            numbered.append(token)
        elif token.meta["subId"] == 0:  # the note's first back link stands for them all
            for reference in range(counts.get(token.meta["id"], 0)):
                anchor = Token("footnote_anchor", "", 0)
                anchor.meta = {**token.meta, "subId": reference}
                numbered.append(anchor)
    return numbered


def _identify_html_headings(tokens: list[Token], taken: dict[str, int]) -> None:
    """Give each HTML heading without an id one, so it is in the outline, the table of
    contents and the PDF's bookmarks; the Markdown headings keep GitHub's ids."""
    for token in tokens:
        if token.type != "html_block":
            continue
        splices = [
            (heading.name_end, heading.name_end, f' id="{github_slug(heading.text, taken)}"')
            for heading in html_headings(token.content)
            if not heading.id and heading.text
        ]
        token.content = spliced(token.content, splices)


def spliced(text: str, splices: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) span replaced; a span overlapping an earlier one is
    left as it is."""
    out = []
    position = 0
    for start, end, replacement in sorted(splices):
        if start < position:
            continue
        out += [text[position:start], replacement]
        position = end
    out.append(text[position:])
    return "".join(out)


def translate_text(text: str, translations: Mapping[str, str], result: Localized) -> str:
    """One whole text (a title, a description) in the result's language; counted."""
    if not text:
        return ""
    translated = text in translations or result.lang == result.document.lang
    result.count(text, translated=translated)
    return translations.get(text, text)


def translate_block(
    block: Block,
    source_lang: str,
    lang: str,
    translations: Mapping[str, str],
    segmentation: Segmentation,
    result: Localized,
) -> list[tuple[str, bool]]:
    """(text, is fallback) pieces of the block: one, or one per sentence."""
    if lang == source_lang:
        return [(block.text, False)]
    sentence_kinds = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}
    if segmentation == "sentence" and block.kind in sentence_kinds:
        texts = [block.text[a:b] for a, b in split_sentences(block.text, source_lang)]
    else:
        texts = [block.text]
    pieces = []
    for text in texts:
        if not has_prose(text):
            pieces.append((text, False))
            continue
        translated = translations.get(text)
        result.count(text, translated=translated is not None)
        pieces.append((translated or text, translated is None))
    return pieces


def _swap_inline(
    tokens: list[Token],
    index: int,
    pieces: list[tuple[str, bool]],
    source: str,
    env: dict[str, Any],
) -> None:
    """Parse the translated inline Markdown into the token; mark fallback passages.

    An explicit anchor of the source (`<a id="…">`) that the translation lost is put
    back: links into the page must work in every locale.
    """
    kept = _explicit_anchors(tokens[index].children or [])
    children: list[Token] = []
    whole = len(pieces) == 1 and pieces[0][1]
    if whole:
        _opening(tokens, index).attrSet("lang", source)
    for number, (text, fallback) in enumerate(pieces):
        if number:
            children.append(text_token(" "))
        parsed = MARKDOWN.parseInline(text, env)[0].children or []
        if fallback:
            children += [
                lang_token("lang_open", source),
                *parsed,
                lang_token("lang_close", source),
            ]
        else:
            children += parsed
    lost = [anchor for anchor in kept if anchor not in _explicit_anchors(children)]
    tokens[index].children = [*map(_anchor_token, lost), *children]
    tokens[index].content = " ".join(text for text, _ in pieces)


def _without_repeated_ids(tokens: list[Token], headings: set[str]) -> None:
    """An anchor named as a heading is ("<a id="pino-syslog"></a>" over "### pino-syslog")
    loses its id: the page would have it twice (WCAG 4.1.1), and the heading serves."""
    for token in tokens:
        for child in (token.children or []) if token.type == "inline" else []:
            if child.type == "html_inline" and set(explicit_anchors(child.content)) & headings:
                child.content = _ID.sub(
                    lambda m: "" if _named(m) in headings else m[0], child.content
                )


_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def _named(found: re.Match[str]) -> str:
    return found[1] or found[2] or found[3] or ""


def _explicit_anchors(children: list[Token]) -> list[str]:
    return [
        anchor
        for child in children
        if child.type == "html_inline"
        for anchor in explicit_anchors(child.content)
    ]


def _anchor_token(anchor: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = f'<a id="{anchor}"></a>'
    return token


def _opening(tokens: list[Token], index: int) -> Token:
    """The element that carries the lang attribute: the paragraph, or the list item when
    the paragraph is hidden (tight lists render no <p>)."""
    opening = tokens[index - 1]
    if opening.hidden:
        for candidate in reversed(tokens[:index]):
            if candidate.type == "list_item_open":
                return candidate
    return opening


def _swap_image(
    token: Token, image: int, field_name: str, pieces: list[tuple[str, bool]], env: dict[str, Any]
) -> None:
    child = (token.children or [])[image]
    text = " ".join(piece for piece, _ in pieces)
    if field_name == "title":
        child.attrSet("title", text)
        return
    child.children = MARKDOWN.parseInline(text, env)[0].children or []
    child.content = text


def text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def lang_token(kind: str, lang: str) -> Token:
    token = Token(kind, "span", 1 if kind == "lang_open" else -1)
    token.attrSet("lang", lang)
    return token
