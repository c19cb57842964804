"""Passages in another language and abbreviations, marked in a localized page's tokens.

- Language of parts (WCAG 3.1.2): each unit's text is searched for passages in the
  project's other languages, which become `<span lang="…">` (and /Lang in the PDF).
- Abbreviations (WCAG 3.1.4): the first use on a page of a glossary acronym becomes
  `<abbr title="full form">` (and /E in the PDF).

Authors win over detection: a passage written as `<span lang="en">…</span>` is kept as
written and not searched, and a block after `<!-- pipeline: ignore
a11y/language-of-parts -->` is not searched at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from pipeline.export.assemble import Localized, lang_token, text_token
from pipeline.languages.evidence import AUTHOR_SPAN
from pipeline.languages.passages import Passage, find_passages
from pipeline.project.config import primary_language
from pipeline.source.suppressions import Suppression
from pipeline.terms.glossary import Glossary
from pipeline.terms.occurrences import Matchers

LANGUAGE_OF_PARTS = "a11y/language-of-parts"
# How inline children read to the detector: emphasis and code keep their marks, so that
# "*Tap here to get started*" is set off as in the Markdown.
_MARKUP = {"em_open": "*", "em_close": "*", "strong_open": "**", "strong_close": "**"}


@dataclass
class Marking:
    """What marking a page needs: the project's languages and glossary, and what the
    author said (suppression comments)."""

    languages: tuple[str, ...]
    glossary: Glossary | None = None
    matchers: Matchers | None = None
    suppressions: list[Suppression] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.names = self.glossary.names() if self.glossary else frozenset()


def mark(localized: Localized, marking: Marking) -> None:
    """Wrap passages in another language and first uses of acronyms, in place."""
    tokens = localized.tokens
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        line = (token.map[0] + 1) if token.map else 0
        if any(s.silences(LANGUAGE_OF_PARTS, line) for s in marking.suppressions):
            continue
        lang = str(_block_lang(tokens, index) or localized.lang)
        token.children = _with_passages(token.children, lang, marking)
    if marking.glossary is not None and marking.matchers is not None:
        _mark_abbreviations(tokens, localized.lang, marking.glossary, marking.matchers)
    _mark_defined(tokens, localized.env.get("abbreviations", {}))


def _block_lang(tokens: list[Token], index: int) -> str | None:
    opening = tokens[index - 1] if index else None
    if opening is not None and opening.hidden:  # tight list items render no <p>
        opening = next((t for t in reversed(tokens[:index]) if t.type == "list_item_open"), None)
    return str(opening.attrGet("lang")) if opening and opening.attrGet("lang") else None


def _with_passages(children: list[Token], lang: str, marking: Marking) -> list[Token]:
    """The children, with each passage in another language wrapped in a lang span."""
    result: list[Token] = []
    for piece_lang, piece in _pieces(children, lang):
        if piece_lang is None:
            result += piece
            continue
        if piece[0].type == "lang_open":  # the fallback: searched in the source's language
            inner = _with_passages(piece[1:-1], piece_lang, marking)
            result += [piece[0], *inner, piece[-1]]
            continue
        text, starts = _reading(piece)
        passages = find_passages(text, piece_lang, marking.languages, marking.names)
        for child, start in zip(piece, starts, strict=True):
            inside = [p for p in passages if start is not None and _overlaps(p, start, child)]
            result += _split(child, start, inside) if inside and start is not None else [child]
    return result


def _pieces(children: list[Token], lang: str) -> Iterator[tuple[str | None, list[Token]]]:
    """Runs of children in one language; None for what the author marked (searched no
    further). A fallback's run, in its lang span, comes with the span's language."""
    piece: list[Token] = []
    depth = 0
    for child in children:
        opens = child.type == "lang_open" or _author_open(child)
        closes = child.type == "lang_close" or _author_close(child)
        if opens and depth == 0 and piece:
            yield lang, piece
            piece = []
        depth += opens
        piece.append(child)
        depth -= closes and depth > 0
        if closes and depth == 0:
            yield (str(piece[0].attrGet("lang")) if piece[0].type == "lang_open" else None), piece
            piece = []
    if piece:
        yield (None if depth else lang), piece


def _author_open(child: Token) -> bool:
    return child.type == "html_inline" and bool(AUTHOR_SPAN.match(child.content + "</span>"))


def _author_close(child: Token) -> bool:
    return child.type == "html_inline" and child.content.strip().lower() == "</span>"


def _reading(children: list[Token]) -> tuple[str, list[int | None]]:
    """The children as the detector reads them, and where each text child starts."""
    text, starts = "", []
    for child in children:
        starts.append(len(text) if child.type == "text" else None)
        if child.type == "text":
            text += child.content
        elif child.type == "code_inline":
            text += "`" + child.content + "`"
        elif child.type in ("softbreak", "hardbreak"):
            text += " "
        else:
            text += _MARKUP.get(child.type, "")
    return text, starts


def _overlaps(passage: Passage, start: int, child: Token) -> bool:
    return passage.start < start + len(child.content) and passage.end > start


def _split(child: Token, start: int, passages: list[Passage]) -> list[Token]:
    """A text child cut around the passages that overlap it."""
    content, pieces, at = child.content, [], 0
    for passage in passages:
        begin = max(0, passage.start - start)
        end = min(len(content), passage.end - start)
        if begin > at:
            pieces.append(text_token(content[at:begin]))
        pieces += [lang_token("lang_open", passage.lang), text_token(content[begin:end])]
        pieces.append(lang_token("lang_close", passage.lang))
        at = end
    if at < len(content):
        pieces.append(text_token(content[at:]))
    return pieces


def _mark_abbreviations(
    tokens: list[Token], lang: str, glossary: Glossary, matchers: Matchers
) -> None:
    """The first use of each glossary acronym on the page gets its full form, in the
    language of the text around it (a fallback's, a passage's)."""
    explained: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        outer = _block_lang(tokens, index) or lang
        for child, text_lang in _languages(token.children, outer):
            children += _expanded(child, text_lang, glossary, matchers, explained)
        token.children = children


def _languages(children: list[Token], lang: str) -> Iterator[tuple[Token, str]]:
    """Each child with its language: the innermost lang span's, else `lang`."""
    open_langs = [lang]
    for child in children:
        if child.type == "lang_open":
            open_langs.append(str(child.attrGet("lang")))
        elif child.type == "lang_close" and len(open_langs) > 1:
            open_langs.pop()
        yield child, open_langs[-1]


def _expanded(
    child: Token, lang: str, glossary: Glossary, matchers: Matchers, explained: set[str]
) -> list[Token]:
    if child.type != "text":
        return [child]
    spans: list[tuple[int, int, str]] = []
    for hit in matchers.hits(primary_language(lang), child.content):
        full = glossary.concept(hit.concept).full_form(lang)
        if hit.term.short and full is not None and hit.concept not in explained:
            explained.add(hit.concept)
            spans.append((hit.start, hit.end, full.text))
    return _with_abbrs(child, spans)


def _with_abbrs(child: Token, spans: Iterable[tuple[int, int, str]]) -> list[Token]:
    """The text child cut at `spans` (start, end, full form), each an `<abbr title>`."""
    pieces: list[Token] = []
    at = 0
    for start, end, title in spans:
        if start > at:
            pieces.append(text_token(child.content[at:start]))
        opening = Token("abbr_open", "abbr", 1)
        opening.attrSet("title", title)
        pieces += [opening, text_token(child.content[start:end]), Token("abbr_close", "abbr", -1)]
        at = end
    if at and at < len(child.content):
        pieces.append(text_token(child.content[at:]))
    return pieces or [child]


def _mark_defined(tokens: list[Token], defined: Mapping[str, Mapping[str, Any]]) -> None:
    """Python-Markdown's `*[HTML]: …`: each use of the term is an `<abbr>` with what it
    stands for in the page's language, as MkDocs shows it."""
    titles = {term: found["title"] for term, found in defined.items() if found["title"]}
    if not titles:
        return
    terms = "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
    pattern = re.compile(rf"(?<!\w)(?:{terms})(?!\w)")
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        inside = False  # in a glossary acronym already marked
        for child in token.children:
            inside = child.type == "abbr_open" or (inside and child.type != "abbr_close")
            if child.type != "text" or inside:
                children.append(child)
                continue
            hits = pattern.finditer(child.content)
            children += _with_abbrs(child, ((h.start(), h.end(), titles[h.group()]) for h in hits))
        token.children = children
