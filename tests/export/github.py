"""What a page shows, counted the same way for GitHub's renderer (cmark-gfm) and for ours."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options

GITHUB = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
ALERT = re.compile(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]")
# Words as md2po and readers count them: letters, at least two.
WORD = re.compile(r"[^\W\d_]{2,}")
URL = re.compile(r"(?:https?://|www\.)\S+")


@dataclass
class Shown:
    """Elements a reader meets on a page, and the words shown outside code."""

    counts: Counter[str] = field(default_factory=Counter)
    links: list[str] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)
    text: list[str] = field(default_factory=list)  # outside code


class _Reader(HTMLParser):
    def __init__(self, main_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.shown = Shown()
        self.inside = not main_only
        self.skip = 0  # inside code, a script, our table of contents
        self.quote_start = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "main":
            self.inside = True
        if not self.inside:
            return
        if tag in {"code", "pre", "script", "style"} or (tag == "nav"):
            self.skip += 1
        counts = self.shown.counts
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and "footnotes-title" not in values.get(
            "id", ""
        ):
            counts["headings"] += 1
        elif tag == "img":
            counts["images"] += 1
        elif tag == "a" and values.get("href") and not self.skip:
            if "data-footnote-ref" in values or values.get("role") == "doc-noteref":
                counts["footnote references"] += 1
            elif "data-footnote-backref" not in values and values.get("role") != "doc-backlink":
                counts["links"] += 1
                self.shown.links.append(values["href"])
        elif tag == "details":
            counts["details"] += 1
        elif tag == "input" and values.get("type") == "checkbox":
            counts["task boxes"] += 1
        elif tag == "div" and "markdown-alert" in values.get("class", "").split():
            counts["alerts"] += 1
        elif tag == "blockquote":
            self.quote_start = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = False
        if self.inside and (tag in {"code", "pre", "script", "style"} or tag == "nav"):
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        if self.quote_start and data.strip():
            self.quote_start = False
            if ALERT.match(data.strip()):  # cmark-gfm leaves GitHub's alerts to the site
                self.shown.counts["alerts"] += 1
                data = ALERT.sub("", data, count=1)
        if not self.skip:  # an address shown as text is no prose (units leave it out too)
            self.shown.text.append(data)
            prose = URL.sub(" ", data)
            self.shown.words.update(word.lower() for word in WORD.findall(prose))


def shown(html: str, main_only: bool = False) -> Shown:
    """What `html` shows (only inside `<main>` for our whole pages)."""
    reader = _Reader(main_only)
    reader.feed(html)
    reader.close()
    return reader.shown


def github_html(markdown: str) -> str:
    """The page GitHub's own renderer library makes of `markdown`. GitHub's site then
    shows an emoji's shortcode (`:heavy_check_mark:`) as the emoji, not as words."""
    html = str(cmarkgfm.github_flavored_markdown_to_html(markdown, options=GITHUB))
    return SHORTCODE.sub("", html)


SHORTCODE = re.compile(r"(?<![A-Za-z0-9_:]):[a-z0-9_+-]+:(?![A-Za-z0-9_:])")


def without_front_matter(markdown: str) -> str:
    """GitHub shows front matter as a table; pages and units leave it out."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---", 4)
        if end > 0:
            return markdown[markdown.index("\n", end + 1) + 1 :]
    return markdown
