"""Localized documents → accessible HTML pages through Jinja2 templates (autoescaped).

Raw HTML from sources and translations never reaches the page: HTML blocks and
comments are dropped and inline HTML is shown as text, so a `<script>` in a msgstr is
harmless. Links with javascript: or other unsafe schemes are not linked (markdown-it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

from babel import Locale
from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it.token import Token
from markupsafe import Markup

from pipeline.export.assemble import Localized, slug
from pipeline.source.markdown import MARKDOWN

TOC_MIN_SECTIONS = 4  # a table of contents pays off from this many sections on

STRINGS: dict[str, dict[str, str]] = {
    "da": {
        "skip": "Spring til indholdet",
        "site": "Patientinformation om genterapi",
        "contents": "Indhold",
        "languages": "Sprog",
        "articles": "Alle artikler",
        "fallback": "Dele af siden er endnu ikke oversat og står på {language}.",
        "translated": "Oversat fra {language}.",
        "choose": "Vælg sprog",
    },
    "en": {
        "skip": "Skip to content",
        "site": "Patient information on gene therapy",
        "contents": "Contents",
        "languages": "Language",
        "articles": "All articles",
        "fallback": "Parts of this page are not translated yet and are shown in {language}.",
        "translated": "Translated from {language}.",
        "choose": "Choose a language",
    },
}


def strings(lang: str) -> dict[str, str]:
    return STRINGS.get(lang.split("-")[0], STRINGS["en"])


def language_name(code: str, in_lang: str | None = None) -> str:
    """ "dansk", "English", "Danish": the name of `code` in `in_lang` (default: itself)."""
    name = Locale.parse(code.replace("-", "_")).get_display_name(in_lang or code) or code
    return name[:1].upper() + name[1:] if in_lang is None else name


@dataclass(frozen=True, slots=True)
class Alternate:
    lang: str
    href: str
    name: str
    current: bool


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("pipeline.export", "templates"),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_body(
    localized: Localized, image_url: Callable[[str], str | None]
) -> tuple[str, list[tuple[int, str, str]]]:
    """The page content as HTML, and its headings (level, id, text) for the table of contents."""
    headings: list[tuple[int, str, str]] = []
    taken: set[str] = set()
    tokens = localized.tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = _plain(tokens[index + 1])
            anchor = slug(text, taken)
            token.attrSet("id", anchor)
            headings.append((int(token.tag[1]), anchor, text))
        elif token.type == "th_open":
            token.attrSet("scope", "col")
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "image":
                    src = image_url(str(child.attrGet("src") or ""))
                    child.attrSet("src", src or "")
    renderer = MARKDOWN.renderer
    html = renderer.render(tokens, MARKDOWN.options, localized.env)
    return html, headings


def _plain(inline: Token) -> str:
    return (
        "".join(c.content for c in inline.children or [] if c.type in {"text", "code_inline"})
        or inline.content
    )


def _install_rules() -> None:
    """Render rules that keep untrusted HTML out and mark fallback passages."""

    def dropped(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return ""

    def as_text(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return escape(tokens[index].content)

    def lang_open(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return f'<span lang="{escape(str(tokens[index].attrGet("lang")))}">'

    def lang_close(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return "</span>"

    for name, rule in (
        ("html_block", dropped),
        ("html_inline", as_text),
        ("lang_open", lang_open),
        ("lang_close", lang_close),
    ):
        MARKDOWN.add_render_rule(name, rule)


_install_rules()


def render_page(
    localized: Localized,
    body: str,
    headings: list[tuple[int, str, str]],
    alternates: list[Alternate],
    for_print: bool = False,
) -> str:
    """The whole page: landmarks, skip link, language switcher, contents, footer."""
    lang = localized.lang
    source = localized.document.lang
    words = strings(lang)
    sections = [h for h in headings if h[0] == 2]
    notes = []
    if localized.fallbacks:
        notes.append(words["fallback"].format(language=language_name(source, lang)))
    if source != lang:
        notes.append(words["translated"].format(language=language_name(source, lang)))
    return (
        _templates()
        .get_template("page.html.j2")
        .render(
            lang=lang,
            title=localized.title or (headings[0][2] if headings else localized.document.name),
            description=localized.description,
            words=words,
            alternates=alternates,
            toc=sections if len(sections) >= TOC_MIN_SECTIONS else [],
            # rendered by markdown-it with raw HTML dropped or escaped; the contents go after h1
            head=Markup(body.split("</h1>", 1)[0] + "</h1>" if "</h1>" in body else ""),
            body=Markup(body.split("</h1>", 1)[1] if "</h1>" in body else body),
            notes=notes,
            for_print=for_print,
        )
    )


def render_index(lang: str, pages: list[tuple[str, str, str]], alternates: list[Alternate]) -> str:
    """A locale's list of documents: (href, title, description)."""
    return (
        _templates()
        .get_template("index.html.j2")
        .render(lang=lang, words=strings(lang), pages=pages, alternates=alternates)
    )


def render_root(locales: list[Alternate]) -> str:
    """The entry page linking each locale, each name in its own language."""
    entries = [
        {"lang": loc.lang, "href": loc.href, "name": loc.name, "site": strings(loc.lang)["site"]}
        for loc in locales
    ]
    return (
        _templates().get_template("root.html.j2").render(locales=entries, lang=entries[0]["lang"])
    )
