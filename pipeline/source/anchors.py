"""Anchors and the links that point at them: GitHub's heading ids, explicit anchors, link targets.

Heading ids follow github-slugger, which GitHub, VS Code and most Markdown previewers
use, so that anchors written against a document's GitHub page keep working: lowercase,
drop everything but letters, digits, marks, `_`, `-` and spaces, spaces become `-`, and a
repeated id gets `-1`, `-2`, … in document order. A file MkDocs publishes (under the
`docs_dir` of an mkdocs.yml above it) has the ids Python-Markdown's toc gives instead:
ASCII only, runs of `-` and spaces one `-`, a repeat `_1`, `_2`.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from pipeline.source.html import html_links

# <a id="x">, <a name="x"> (and <span id>, as GitHub keeps ids of raw HTML anchors); the
# value quoted or not, as HTML allows (pino's docs: <a id=opt-customlevels></a>).
EXPLICIT_ANCHOR = re.compile(
    r"""<(?:a|span)\s+(?:[^>]*?\s)?(?:id|name)\s*=\s*(?:["']([^"']+)["']|([^\s"'=<>`]+))[^>]*>""",
    re.IGNORECASE,
)


def explicit_anchors(html: str) -> list[str]:
    """The ids of the raw HTML anchors in `html`, quoted or not."""
    return [quoted or bare for quoted, bare in EXPLICIT_ANCHOR.findall(html)]


def github_slug(text: str, taken: dict[str, int]) -> str:
    """The id GitHub gives a heading with this text; `taken` counts the ids given so far."""
    kept = "".join(c for c in text.lower() if c in "-_ " or _is_word(c))
    base = kept.replace(" ", "-")
    candidate = base
    while candidate in taken:
        taken[base] += 1
        candidate = f"{base}-{taken[base]}"
    taken.setdefault(candidate, 0)
    return candidate


def _is_word(character: str) -> bool:
    return unicodedata.category(character)[0] in "LNM"


def heading_text(inline: Token) -> str:
    """The text of a heading as GitHub slugs it: words and code, without markup or HTML."""
    children = inline.children or []
    return "".join(c.content for c in children if c.type in {"text", "code_inline"})


def mkdocs_slug(text: str, taken: dict[str, int], style: str = "mkdocs") -> str:
    """The id MkDocs gives a heading (Python-Markdown toc's `unique`), made by its
    `slugify`, its `slugify_unicode` ("mkdocs unicode", which keeps "æ"), or by
    pymdownx.slugs' `slugify` with a case ("pymdownx lower"): a Danish site sets one so."""
    if style.startswith("pymdownx"):
        slug = " ".join(_TAG.sub("", unicodedata.normalize("NFC", text)).split())
        slug = _CASES.get(style.removeprefix("pymdownx "), str)(slug)
        candidate = re.sub(r"[^\w\- ]", "", slug).replace(" ", "-")
    else:
        plain = text
        if style != "mkdocs unicode":  # "žlutý" → "zluty", and "æ" is dropped
            plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        candidate = re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", plain).strip().lower())
    while candidate in taken or not candidate:
        counted = re.fullmatch(r"(.*)_([0-9]+)", candidate)
        candidate = f"{counted[1]}_{int(counted[2]) + 1}" if counted else f"{candidate}_1"
    taken.setdefault(candidate, 0)
    return candidate


_TAG = re.compile(r"</?[^>]*>")
_CASES: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "fold": str.casefold,
    "lower-ascii": lambda text: re.sub("[A-Z]", lambda found: found[0].lower(), text),
}


def id_style(path: Path) -> str:
    """How the site that publishes `path` makes heading ids: "github", or MkDocs' for a
    file under the `docs_dir` of an mkdocs.yml above it, with the `slugify` it sets.
    MkDocs trees link to its ids: github-slugger's made three of mkdocstrings' links
    broken errors, and the fixes it offered would break the site."""
    return style_of(mkdocs_config(path))


def style_of(config: str | None) -> str:
    """id_style, given the text of the mkdocs.yml that publishes a file (None: none)."""
    if config is None:
        return "github"
    if "pymdownx.slugs." in config:
        found = _SLUGS_CASE.search(config)
        deprecated = "lower" if "pymdownx.slugs.uslugify" in config else "none"
        return f"pymdownx {found[1] if found else deprecated}"
    return "mkdocs unicode" if "slugify_unicode" in config else "mkdocs"


_SLUGS_CASE = re.compile(
    r"""pymdownx\.slugs\.slugify[^\n]*(?:\n[ \t]+[^\n]*)*?\bcase:[ \t]*['"]?([\w-]+)"""
)


def mkdocs_config(path: Path) -> str | None:
    """The text of the mkdocs.yml that publishes `path` (under its `docs_dir`), if any."""
    here = path.resolve()
    configs = mkdocs_configs_above(here)
    if not configs:
        return None
    text = configs[0].read_text(encoding="utf-8", errors="replace")  # the nearest
    found = _DOCS_DIR.search(text)
    docs = configs[0].parent / (next(filter(None, found.groups())) if found else "docs")
    return text if here.is_relative_to(docs.resolve()) else None


def mkdocs_configs_above(path: Path) -> list[Path]:
    """The mkdocs.yml files in the folders above `path`, nearest first."""
    folders = path.resolve().parents
    return [
        f / name for f in folders for name in ("mkdocs.yml", "mkdocs.yaml") if (f / name).is_file()
    ]


_DOCS_DIR = re.compile(r"""^docs_dir:[ \t]*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#]+))""", re.MULTILINE)


def heading_ids(tokens: Sequence[Token], style: str = "github") -> list[str]:
    """The id of every heading in `tokens`, in order, as `style` (id_style) gives them."""
    slug = github_slug if style == "github" else functools.partial(mkdocs_slug, style=style)
    taken: dict[str, int] = {}
    ids = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            given = token.attrGet("id")  # an attribute list's `{: #id }`
            if isinstance(given, str):
                taken.setdefault(given, 0)
                ids.append(given)
            else:
                ids.append(slug(heading_text(tokens[index + 1]), taken))
    return ids


def anchors(tokens: Sequence[Token], style: str = "github") -> set[str]:
    """Every id a link may point at: headings, and explicit anchors in raw HTML; with
    ANY_ANCHOR when the site generator writes more (mkdocstrings' `::: pkg.Name` and
    mkdocs-click's `::: mkdocs-click` make a heading per class or command)."""
    found = set(heading_ids(tokens, style))
    for token in tokens:  # an inline token's content holds its inline HTML too
        found.update(explicit_anchors(token.content))
        if token.type == "paragraph_open" and isinstance(given := token.attrGet("id"), str):
            found.add(given)  # a paragraph's attribute list (`{: #note }`)
        if token.type == "fence" and token.info == "mkdocstrings":
            found.add(ANY_ANCHOR)
    return found


ANY_ANCHOR = "*"  # no heading id has it: GitHub's slugs drop "*"


def myst_labels(tokens: Sequence[Token]) -> set[str]:
    """MyST's `(label)=` targets: a link may name one instead of a file (`[](label)`)."""
    return {str(t.meta["label"]) for t in tokens if t.type == "html_block" and "label" in t.meta}


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a text: where it stands and where it points."""

    line: int
    href: str


def links(tokens: Sequence[Token], first_line: int = 1) -> Iterator[Link]:
    """Every link in parsed Markdown, with the 1-based line it stands on: Markdown's, and
    raw HTML's `<a href>`, which GitHub and the exported pages show as links too."""
    for token in tokens:
        line = (token.map[0] if token.map else 0) + first_line
        if token.type == "html_block":
            yield from (Link(line + offset, href) for offset, href in html_links(token.content))
        if token.type != "inline":
            continue
        for child in token.children or []:
            if child.type in {"softbreak", "hardbreak"}:
                line += 1
            elif child.type == "link_open":
                yield Link(line, str(child.attrGet("href") or ""))
            elif child.type == "html_inline":
                found = html_links(child.content)
                yield from (Link(line + offset, href) for offset, href in found)
                line += child.content.count("\n")


@dataclass(frozen=True, slots=True)
class Target:
    """A relative link split into the file it names (may be empty) and its anchor."""

    path: str
    anchor: str


def local_target(href: str) -> Target | None:
    """The file and anchor of a link within the project; None for web and mail links.

    A path that starts with "/" is taken from the source folder's root, as documentation
    sites (MkDocs, Docusaurus) take it.
    """
    if not href or href.startswith("//"):
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    return Target(unquote(parts.path), unquote(parts.fragment))


def is_remote(url: str) -> bool:
    """Whether a link or image points at the web (http, https, or scheme-relative //)."""
    return url.startswith("//") or urlsplit(url).scheme in {"http", "https"}


def resolve_path(path: str, document: str, root: str) -> str:
    """The file a link's path names: relative to the document, or from `root` with "/"."""
    if not path:
        return document
    if path.startswith("/"):
        return posixpath.normpath(posixpath.join(root, path.lstrip("/")))
    return posixpath.normpath(posixpath.join(posixpath.dirname(document), path))


def candidates(path: str) -> tuple[str, ...]:
    """What a link to `path` may open, in order: the file itself, then as documentation
    sites and GitHub read it, `path.md`, and a folder's index.md or README.md."""
    return (path, f"{path}.md", f"{path}/index.md", f"{path}/README.md")
