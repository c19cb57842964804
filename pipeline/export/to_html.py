"""Localized documents → accessible HTML pages through Jinja2 templates (autoescaped).

Raw HTML from sources and translations is kept as GitHub keeps it: the rendered body
goes through an allow-list sanitizer (export.sanitize), so a `<script>`, an event
handler or a `javascript:` URL in a source or a msgstr never reaches the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any, NamedTuple

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
    select_autoescape,
)
from markdown_it.token import Token
from markupsafe import Markup

from pipeline.export.assemble import Localized, lang_token, text_token
from pipeline.export.brand import BrandView
from pipeline.export.myst_html import ProjectPages, follow_labels, show_directives
from pipeline.export.rendering import FOOTNOTE_RULES, ROLE_RULES, TASK_RULES, box_title
from pipeline.export.sanitize import sanitize
from pipeline.languages import language_name
from pipeline.project.language_tags import with_language_tags
from pipeline.source.html import html_headings
from pipeline.source.syntax import MARKDOWN

UrlFor = Callable[[str], str | None]  # a link or image's URL; None: no link
TOC_MIN_SECTIONS = 4  # a table of contents pays off from this many sections on

STRINGS: dict[str, dict[str, str]] = {
    "da": {
        "skip": "Spring til indholdet",
        "contents": "Indhold",
        "languages": "Sprog",
        "articles": "Alle artikler",
        "fallback": "Dele af siden er endnu ikke oversat og står på {language}.",
        "untranslated": "Siden er endnu ikke oversat og står på {language}.",
        "translated": "Oversat fra {language}.",
        "choose": "Vælg sprog",
    },
    "en": {
        "skip": "Skip to content",
        "contents": "Contents",
        "languages": "Language",
        "articles": "All articles",
        "fallback": "Parts of this page are not translated yet and are shown in {language}.",
        "untranslated": "This page is not translated yet and is shown in {language}.",
        "translated": "Translated from {language}.",
        "choose": "Choose a language",
    },
}


def strings(lang: str) -> dict[str, str]:
    return STRINGS.get(lang.split("-")[0], STRINGS["en"])


@dataclass(frozen=True, slots=True)
class Site:
    """What every page of a locale shares: the site's name, and links up from the page."""

    name: str
    root: str  # from the page to build/html/: "../", "../../"
    home: str  # from the page to its locale's index.html
    documents: str = ""  # to the list of documents, when index.html is a document
    brand: BrandView | None = None  # the organisation's logo, header and footer


@dataclass(frozen=True, slots=True)
class Alternate:
    lang: str
    href: str
    name: str
    current: bool


@cache
def _templates(folder: str = "") -> Environment:
    """Our templates; a brand's `templates` folder comes first. A template there replaces
    ours of its name, and may extend ours as `pipeline/<name>` to change a block only."""
    ours = PackageLoader("pipeline.export", "templates")
    loaders: list[BaseLoader] = [FileSystemLoader(folder)] if folder else []
    return Environment(
        loader=ChoiceLoader([*loaders, ours, PrefixLoader({"pipeline": ours})]),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_body(
    localized: Localized, image_url: UrlFor, link_url: UrlFor, pages: ProjectPages | None = None
) -> tuple[str, list[Heading]]:
    """The page content as HTML, and its headings for the table of contents.

    Heading ids come from the source (localize sets them), so links into a page work in
    every locale. Raw HTML is kept, and the whole body then goes through the allow-list
    sanitizer (export.sanitize), which also points every link and image where it goes:
    a link whose `link_url` is None loses its href and shows as text. MyST's images,
    tables and toctrees show as Sphinx shows them; `pages` finds a toctree's pages and
    the headings that MyST labels on other pages name.
    """
    headings: list[Heading] = []
    tokens = localized.tokens = show_directives(localized.tokens, pages)
    if pages is not None:
        follow_labels(tokens, pages)
    _close_heading_gaps(tokens, titled=bool(localized.title))
    _give_header_only_tables_a_body(tokens)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = _plain(tokens[index + 1])
            anchor = str(token.attrGet("id") or "")
            lang = str(token.attrGet("lang") or "")  # a heading left untranslated
            headings.append(Heading(int(token.tag[1]), anchor, text, lang))
        elif token.type == "html_block":
            found = html_headings(token.content)
            headings += [Heading(h.level, h.id, h.text) for h in found if h.id]
        elif token.type == "th_open" and not token.attrGet("scope"):
            token.attrSet("scope", "col")
        elif token.type in {"alert_open", "admonition_open"}:
            meta = token.meta or {}
            group = meta.get("tag") in {"tab", "list-table"}  # no note: a group
            token.attrSet("role", "group" if group else "note")  # announced as such
            kind = str(meta.get("kind") or meta.get("tag") or "")
            version = meta.get("version")  # Sphinx's "Changed in version 2.1"
            title = box_title(kind, localized.lang) + (f" {version}" if version else "")
            if '"' not in token.info:
                tokens[index + 2].children = [text_token(title)]
            elif version:  # "Added in version 2.5: The spam parameter."
                prefix = [text_token(f"{title}: ")]
                lang = localized.lang
                if tokens[index + 1].attrGet("lang"):  # the text fell back: ours is not
                    prefix = [lang_token("lang_open", lang), *prefix]
                    prefix.append(lang_token("lang_close", lang))
                tokens[index + 2].children = [*prefix, *(tokens[index + 2].children or [])]
    env = {**localized.env, "lang": localized.lang}
    html = MARKDOWN.renderer.render(tokens, MARKDOWN.options, env)
    return sanitize(html, image_url, link_url), headings


class Heading(NamedTuple):
    """A heading of the page, for the table of contents and the title."""

    level: int
    id: str
    text: str
    lang: str = ""  # set where the heading is in another language than the page


def _close_heading_gaps(tokens: list[Token], titled: bool) -> None:
    """A heading never skips a level on the page (`#` then `#####` becomes h1, h2): screen
    reader users navigate by levels, and PDF/UA forbids the gap. Headings of one level
    stay siblings: each goes one below its nearest higher heading (`### Added`, `###
    Fixed` under `#` are both h2). a11y/heading-order still reports the source's gap.

    A page without an h1 gets its title as one (render_page), and its headings start
    below it; but the one heading at the top level (`## Long Term Support`), which titles
    the page (page_title), is its h1 when it opens the page: the page would say it twice.
    A raw HTML `<h1>` is the page's h1 then."""
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    raw = [h.level for t in tokens if t.type == "html_block" for h in html_headings(t.content)]
    # The top heading opens the page (no text above it) and has no sibling.
    shown = [t for t in tokens if t.type != "front_matter"]
    opens = bool(shown) and shown[0].type == "heading_open" and levels[0] == min(levels)
    top_is_title = opens and not titled and levels.count(levels[0]) == 1
    root = 0 if 1 in levels or (top_is_title and 1 not in raw) else 1
    open_headings: list[tuple[int, int]] = []  # (source level, page level) of the ancestors
    for token in tokens:
        if token.type == "heading_open":
            level = int(token.tag[1])
            while open_headings and open_headings[-1][0] >= level:
                open_headings.pop()
            parent = open_headings[-1][1] if open_headings else root
            open_headings.append((level, min(level, parent + 1)))
        if token.type in {"heading_open", "heading_close"}:
            token.tag = f"h{open_headings[-1][1]}"


def _give_header_only_tables_a_body(tokens: list[Token]) -> None:
    """A table of a header row alone: the row is its body (PDF/UA 7.2-14 wants one)."""
    head: list[Token] = []
    for token in tokens:
        if token.type in {"thead_open", "thead_close"}:
            head.append(token)
        elif token.type == "tbody_open":
            head = []
        elif token.type == "table_close":
            for part in head:
                part.tag = "tbody"
            head = []


def _plain(inline: Token) -> str:
    return (
        "".join(c.content for c in inline.children or [] if c.type in {"text", "code_inline"})
        or inline.content
    )


def _install_rules() -> None:
    """Render rules for what export adds: fallback passages and abbreviations, and
    footnotes, task boxes and admonitions in the page's language (export.rendering)."""

    def lang_open(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return f'<span lang="{escape(str(tokens[index].attrGet("lang")))}">'

    def lang_close(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return "</span>"

    def abbr_open(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return f'<abbr title="{escape(str(tokens[index].attrGet("title")))}">'

    def abbr_close(self: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        return "</abbr>"

    for name, rule in (
        ("lang_open", lang_open),
        ("lang_close", lang_close),
        ("abbr_open", abbr_open),
        ("abbr_close", abbr_close),
        *FOOTNOTE_RULES.items(),
        *TASK_RULES.items(),
        *ROLE_RULES.items(),
    ):
        MARKDOWN.add_render_rule(name, rule)


_install_rules()


def page_title(localized: Localized, headings: list[Heading]) -> str:
    """Front matter title, else the first level-1 heading, else the one heading at the top
    level (pino's lts.md is "## Long Term Support" and its sections: it was titled "lts"
    in every language), else the file name (a page of sibling sections)."""
    top = min((heading.level for heading in headings), default=0)
    tops = [heading.text for heading in headings if heading.level == top]
    return (
        localized.title
        or (tops[0] if len(tops) == 1 or top == 1 else "")
        or localized.document.title
    )


def render_page(
    localized: Localized,
    body: str,
    headings: list[Heading],
    alternates: list[Alternate],
    site: Site,
    for_print: bool = False,
) -> str:
    """The whole page: landmarks, skip link, language switcher, contents, footer."""
    lang = localized.lang
    source = localized.document.lang
    words = strings(lang)
    sections = [heading for heading in headings if heading.level == 2]
    notes, language = [], language_name(source, lang)
    none_translated = localized.fallbacks >= localized.units > 0  # not "Translated from"
    if localized.fallbacks:
        notes.append(
            words["untranslated" if none_translated else "fallback"].format(language=language)
        )
    if source != lang and not none_translated:
        notes.append(words["translated"].format(language=language))
    return with_language_tags(
        _templates(site.brand.templates if site.brand else "")
        .get_template("page.html.j2")
        .render(
            lang=lang,
            title=page_title(localized, headings),
            description=localized.description,
            words=words,
            site=site,
            alternates=alternates,
            toc=sections if len(sections) >= TOC_MIN_SECTIONS else [],
            # sanitized (export.sanitize); the contents go after the h1. A page whose source
            # has no level-1 heading gets its title as one (a11y/heading-order says so).
            head=Markup(
                body.split("</h1>", 1)[0] + "</h1>"
                if "</h1>" in body
                else f"<h1>{escape(page_title(localized, headings))}</h1>\n"
            ),
            body=Markup(body.split("</h1>", 1)[1] if "</h1>" in body else body),
            notes=notes,
            for_print=for_print,
        )
    )


def render_index(
    lang: str, pages: list[tuple[str, str, str]], alternates: list[Alternate], site: Site
) -> str:
    """A locale's list of documents: (href, title, description)."""
    return with_language_tags(
        _templates(site.brand.templates if site.brand else "")
        .get_template("index.html.j2")
        .render(lang=lang, words=strings(lang), pages=pages, alternates=alternates, site=site)
    )


def render_root(locales: list[Alternate], sites: dict[str, str], branded: bool = False) -> str:
    """The entry page linking each locale, each name in its own language (in the brand's
    colours and fonts when there is one)."""
    entries = [
        {"lang": loc.lang, "href": loc.href, "name": loc.name, "site": sites[loc.lang]}
        for loc in locales
    ]
    # One name shared by every locale is said once.
    for entry in entries[1:]:
        if entry["site"] == entries[0]["site"]:
            entry["site"] = ""
    return with_language_tags(
        _templates()
        .get_template("root.html.j2")
        .render(locales=entries, lang=entries[0]["lang"], branded=branded)
    )
