"""One document in one locale, rendered to HTML in memory: what export writes and a11y checks.

Pages mirror the source tree: `source/en/api/fs.md` becomes `build/html/<lang>/api/fs.html`
in every locale. Relative links to other documents point at their page in the same
locale; other files of the source folder (images, downloads) are copied to the same place
under `build/html/`, so the links to them keep working.
"""

from __future__ import annotations

import functools
import posixpath
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.catalogs.paths import po_path
from pipeline.catalogs.reader import read_entries
from pipeline.export.assemble import Localized, localize
from pipeline.export.brand import brand_view, write_brand
from pipeline.export.image_language import draws_words, in_language
from pipeline.export.marks import Marking, mark
from pipeline.export.to_html import Alternate, Heading, Site, render_body, render_page
from pipeline.export.toctree import listed_pages
from pipeline.languages import language_name
from pipeline.languages.evidence import primary
from pipeline.project.config import Config
from pipeline.project.files import display_path, read_text, write_atomic
from pipeline.source.anchors import candidates, is_remote, local_target, resolve_path
from pipeline.source.suppressions import markdown_suppressions
from pipeline.source.syntax import MARKDOWN
from pipeline.source.tree import SourceFile, document_identity, find_sources, load_source
from pipeline.terms.glossary import Glossary, project_glossary
from pipeline.terms.occurrences import Matchers

STYLESHEET = Path(__file__).parent / "templates" / "site.css"
# What a link or image becomes: a URL, or None to show the text without a link.
UrlFor = Callable[[str], str | None]


def build_dir(config: Config) -> Path:
    """The folder every export writes into."""
    return config.root / "build"


def page_url(name: str, lang: str) -> str:
    """A document's page, relative to `build/html/`."""
    return f"{lang}/{name}.html"


def relative_url(target: str, page: str) -> str:
    """`target` (relative to build/html/) as a link from `page` (relative to it too)."""
    return quote(posixpath.relpath(target, posixpath.dirname(page) or "."))


def listing_name(names: set[str]) -> str:
    """Where a locale's list of documents goes: index.html, unless a document is called
    index (it is then the locale's home, and the list goes beside it)."""
    return next(name for name in ("index", "contents", "all-documents") if name not in names)


def document_names(config: Config) -> dict[Path, str]:
    """Every source file of the project (resolved) → its document name.

    Worked out once per configuration and process: every page links by these names, and
    walking the tree for each page made a large project's check quadratic.
    """
    cached = _NAMES.get(id(config))
    if cached is None or cached[0] is not config:
        names = {_resolved(p): document_identity(config, p)[0] for p in find_sources(config)}
        cached = _NAMES[id(config)] = (config, names)
    return cached[1]


@functools.cache
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()


def _resolved(path: Path) -> Path:
    """`path.resolve()`, resolving each folder once: a file that is no link is its
    resolved folder's entry (a large project has thousands of files in a few folders)."""
    if path.is_symlink():
        return path.resolve()
    return _resolved_folder(path.parent) / path.name


_NAMES: dict[int, tuple[Config, dict[Path, str]]] = {}
_SOURCES: dict[Path, SourceFile] = {}  # the pages toctrees list, read once a run


def forget_document_names() -> None:
    """A new run may see a changed tree (and glossary): check and export start by
    forgetting the names and the glossary."""
    _NAMES.clear()
    _SOURCES.clear()
    _LABELS.clear()
    _resolved_folder.cache_clear()
    _GLOSSARIES.clear()


_GLOSSARIES: dict[int, tuple[Config, Glossary | None, Matchers | None]] = {}


def _marking(config: Config, source: SourceFile) -> Marking:
    """What marking the document's pages needs: the glossary is read once per run."""
    cached = _GLOSSARIES.get(id(config))
    if cached is None or cached[0] is not config:
        glossary = project_glossary(config)
        matchers = Matchers(glossary) if glossary else None
        cached = _GLOSSARIES[id(config)] = (config, glossary, matchers)
    text = read_text(source.document.path, source.display)
    suppressions = markdown_suppressions(text, source.display)
    return Marking(config.locales, cached[1], cached[2], suppressions)


def translations(config: Config, source: SourceFile, lang: str) -> dict[str, str]:
    """Source text → finished translation (neither empty nor fuzzy) in `lang`."""
    if lang == source.document.lang:
        return {}
    path = po_path(config.locale_path, lang, source.document.name)
    if not path.exists():
        return {}
    entries = read_entries(path, display_path(path, config.root)).entries
    return {
        entry.msgid: entry.strings[0]
        for entry in entries
        if entry.msgid and entry.plural is None and entry.strings[0] and not entry.fuzzy
    }


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A page rendered in memory: where it goes, its HTML, and what fed it."""

    path: Path
    shown: str
    html: str
    localized: Localized
    body: str
    headings: list[Heading]
    alternates: list[Alternate]
    refused_images: tuple[str, ...]
    # Drawings with words in the source's language and no variant for this page's.
    untranslated_images: tuple[str, ...]
    # The body for PDF (links to other documents by base URL or to their PDFs, remote
    # images as alt text).
    print_body: Callable[[], tuple[str, tuple[str, ...]]]
    site: Site


def render(
    config: Config,
    source: SourceFile,
    lang: str,
    copy_images: bool = True,
    languages: tuple[str, ...] | None = None,
) -> RenderedPage:
    """Assemble and render one document in one locale (nothing is written but images).

    The language switch links to the document's page in `languages` (default: every
    project locale): an export of some locales names those whose pages exist.
    """
    document = source.document
    texts = translations(config, source, lang)
    marking = _marking(config, source)
    localized = localize(document, lang, texts, config.segmentation, source.display)
    mark(localized, marking)
    here = page_url(document.name, lang)
    refused: list[str] = []
    names = document_names(config)
    resources = _Resources(config, document.path, here, copy_images, names, lang)
    # On a translated page, the drawings with words that stay in the source's language.
    untranslated: list[str] | None = [] if primary(lang) != primary(document.lang) else None
    images = resources.image_url(refused, untranslated=untranslated)
    body, headings = render_body(
        localized, images, resources.link_url(lang, for_print=False), _OtherPages(resources, lang)
    )
    alternates = alternates_of(document.name, lang, languages or config.locales)
    listing = listing_name(set(names.values()))
    site = site_of(config, lang, here, listing)
    html = render_page(localized, body, headings, alternates, site)
    path = build_dir(config) / "html" / here
    shown = display_path(path, config.root)

    def print_body() -> tuple[str, tuple[str, ...]]:
        """The body for PDF, and the remote images it shows as their alt text. Rendering
        changes the tokens: the PDF localizes afresh."""
        printed = localize(document, lang, texts, config.segmentation, source.display)
        mark(printed, marking)
        offline: list[str] = []
        print_images = resources.image_url(offline, for_print=True)
        links = resources.link_url(lang, for_print=True)
        body = render_body(printed, print_images, links, _OtherPages(resources, lang))[0]
        return body, tuple(src for src in offline if is_remote(src))

    return RenderedPage(
        path, shown, html, localized, body, headings, alternates, tuple(refused),
        tuple(dict.fromkeys(untranslated or ())), print_body, site,
    )  # fmt: skip


def alternates_of(name: str, lang: str, locales: tuple[str, ...]) -> list[Alternate]:
    """The page of document `name` in every locale, linked from its page in `lang`."""
    root = relative_url(".", page_url(name, lang)) + "/"
    return [
        Alternate(code, root + page_url(name, code), language_name(code), code == lang)
        for code in locales
    ]


def site_of(config: Config, lang: str, here: str, listing: str = "index") -> Site:
    """The site's name in `lang`, and the way from page `here` up to the root, the home
    page and, when it is not the home page, the list of documents."""
    home = relative_url(page_url("index", lang), here)
    documents = relative_url(page_url(listing, lang), here) if listing != "index" else ""
    root = relative_url(".", here) + "/"
    return Site(config.site(lang), root, home, documents, brand_view(config, lang))


@dataclass(frozen=True, slots=True)
class _Resources:
    """Where the links and images of one page point, in HTML and in print."""

    config: Config
    source_path: Path
    here: str  # the page, relative to build/html/
    copy: bool
    names: dict[Path, str]  # every source file (resolved) → its document name
    lang: str  # the page's: an image's variant in it is shown (image_language)

    def image_url(
        self, refused: list[str], for_print: bool = False, untranslated: list[str] | None = None
    ) -> UrlFor:
        """Copy an image of the project next to the pages, in the page's language if it
        has a variant in it (else, if it draws words, it is added to `untranslated`). A
        remote image stays as the author wrote it (unless remote-images = "refuse"), but
        not in print: a PDF is made without the network, and shows the alt text.
        Anything else is refused."""

        def url(src: str) -> str | None:
            if is_remote(src):
                if for_print or self.config.export.remote_images == "refuse":
                    refused.append(src)
                    return None
                return src
            target = local_target(src)
            found = self._project_file(target.path) if target else None
            if target is None or found is None or not found.is_file():
                refused.append(src)
                return None
            shown = in_language(found, self.lang)
            if untranslated is not None and shown == found and draws_words(found):
                untranslated.append(src)
            fragment = f"#{target.anchor}" if target.anchor else ""  # "#only-light" (MkDocs)
            return self._mirror(shown) + fragment

        return url

    def link_url(self, lang: str, for_print: bool) -> UrlFor:
        """A link to another document goes to its page in `lang`; in print, to its web
        address when the project has a base URL, else to its PDF (build/pdf mirrors
        build/html). Another file of the source folder has no copy beside the PDFs: in
        print without a base URL, its text stays without a link."""
        base = self.config.base_url

        def url(href: str) -> str | None:
            target = local_target(href)
            if target is None or not target.path:
                return href  # the web, mail, or an anchor on this page
            found = self.linked(target.path)
            anchor = f"#{target.anchor}" if target.anchor else ""
            if found is None or found.is_dir():
                return href  # outside the project or missing (links/broken says so), a folder
            name = self.names.get(found)
            page = page_url(name, lang) if name else self._mirror(found, relative=False)
            if for_print and not base:
                return relative_url(f"{lang}/{name}.pdf", self.here) + anchor if name else None
            if for_print:
                return f"{base}{page}{anchor}"
            return relative_url(page, self.here) + anchor

        return url

    def docs_root(self) -> Path:
        """Where a MyST `/` path starts: the source folder, or the page's locale folder
        in it (`source/en/`), where document names start."""
        here, root = _resolved(self.source_path), self.config.source_path.resolve()
        if document_identity(self.config, self.source_path.absolute())[1] is not None:
            root = root / here.relative_to(root).parts[0]
        return root

    @staticmethod
    def address(here: Path, path: Path) -> str:
        return posixpath.relpath(path.as_posix(), here.parent.as_posix())

    def title(self, path: Path, lang: str, text: str | None = None) -> tuple[str, str]:
        """A page's title (or its `text`, a heading) in `lang`, and its source's language
        where not translated."""
        source = _SOURCES.get(path) or _SOURCES.setdefault(path, load_source(self.config, path))
        document = source.document
        text = " ".join((text or document.title).split())
        translated = translations(self.config, source, lang).get(text)
        if translated or lang == document.lang:
            return translated or text, ""
        return text, document.lang

    def linked(self, path: str) -> Path | None:
        return linked_file(self.config, self.source_path, path)

    def _project_file(self, path: str) -> Path | None:
        """The file `path` names, relative to the source document or, with "/", to the
        source folder (as MkDocs and Docusaurus read it); None outside the source."""
        if not path:
            return None
        root = self.config.source_path.resolve()
        found = Path(resolve_path(path, str(self.source_path.resolve()), str(root))).resolve()
        return found if found.is_relative_to(root) else None

    def _mirror(self, found: Path, relative: bool = True) -> str:
        """Copy a file of the source folder to the same place under build/html/."""
        inside = found.relative_to(self.config.source_path.resolve()).as_posix()
        if self.copy:
            target = build_dir(self.config) / "html" / inside
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(found, target)
        return relative_url(inside, self.here) if relative else inside


@dataclass(frozen=True, slots=True)
class _OtherPages:
    """The project's other pages as a page's MyST names them, in `lang` (myst_html)."""

    resources: _Resources
    lang: str

    def listed(self, entry: str, glob: bool) -> list[tuple[str, str, str]]:
        found = self.resources
        here = _resolved(found.source_path)
        pages = listed_pages(entry, glob, here, found.docs_root(), found.names, found.linked)
        return [(found.address(here, path), *found.title(path, self.lang)) for path in pages]

    def labelled(self, label: str) -> tuple[str, str, str] | None:
        found = self.resources
        if (
            not label
            or label[0] == "#"
            or _WEB.match(label)
            or found.linked(label.partition("#")[0])
        ):
            return None  # an address or a file: a link as any other
        here = _resolved(found.source_path)
        path, heading = _labels(found.config, found.names).get(label, (here, ""))
        if path == here:
            return None
        return f"{found.address(here, path)}#{label}", *found.title(path, self.lang, heading)


_WEB = re.compile(r"(?:https?|mailto|ftp):", re.IGNORECASE)
_LABELS: dict[int, tuple[Config, dict[str, tuple[Path, str]]]] = {}


def _labels(config: Config, names: dict[Path, str]) -> dict[str, tuple[Path, str]]:
    """Every MyST label `(label)=` of the project → its page and the heading it stands
    before; read once a run, when a link names no file."""
    cached = _LABELS.get(id(config))
    if cached is None or cached[0] is not config:
        labels: dict[str, tuple[Path, str]] = {}
        for path in names:
            env: dict[str, Any] = {}
            MARKDOWN.parse(read_text(path, display_path(path, config.root)), env)
            for label, heading in env.get("labels", {}).items():
                labels.setdefault(label, (path, heading))
        cached = _LABELS[id(config)] = (config, labels)
    return cached[1]


def linked_file(config: Config, document: Path, path: str) -> Path | None:
    """What a link's path in `document` opens (see source.anchors.candidates), resolved;
    None outside the source folder or missing."""
    root = config.source_path.resolve()
    linked = resolve_path(path, str(document.resolve()), str(root))
    inside = [path for path in map(Path, candidates(linked)) if path.is_relative_to(root)]
    opened = next((path for path in inside if path.is_file()), None)
    return opened or next((path for path in inside if path.is_dir()), None)


def write_stylesheets(config: Config) -> None:
    """Write the site's stylesheets, and the brand's, to build/html/assets."""
    out = build_dir(config) / "html"
    for name in ("site.css", "narrow.css"):
        text = (STYLESHEET.parent / name).read_text(encoding="utf-8")
        write_atomic(out / "assets" / name, text)
    write_brand(config, out)
