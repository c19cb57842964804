"""The export stage: every document in every locale to HTML pages and tagged PDFs."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.catalog import po_path
from pipeline.config import Config
from pipeline.export.assemble import Localized, localize
from pipeline.export.to_html import (
    Alternate,
    language_name,
    render_body,
    render_index,
    render_page,
    render_root,
)
from pipeline.extract import SourceFile
from pipeline.files import display_path, write_atomic
from pipeline.parallel import ordered_map
from pipeline.po import read_po_shared

log = logging.getLogger(__name__)
STYLESHEET = Path(__file__).parent / "templates" / "site.css"


@dataclass(frozen=True, slots=True)
class PageResult:
    """One exported document in one locale."""

    document: str
    lang: str
    html: str | None
    pdf: str | None
    units: int
    fallbacks: int
    refused_images: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Job:
    config: Config
    source: SourceFile
    lang: str
    formats: tuple[str, ...]


def build_dir(config: Config) -> Path:
    return config.root / "build"


def export(
    config: Config,
    sources: list[SourceFile],
    locales: tuple[str, ...],
    formats: tuple[str, ...],
    progress: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    """Write build/html/<lang>/<doc>.html and build/pdf/<lang>/<doc>.pdf for each pair."""
    out = build_dir(config)
    if "html" in formats:
        _write_shared(config, sources, locales)
    jobs = [_Job(config, source, lang, formats) for source in sources for lang in locales]
    results: list[PageResult] = []
    for result in ordered_map(_export_one, jobs):
        results.append(result)
        if progress:
            progress(result)
    log.debug("exported %d pages to %s", len(results), out)
    return sorted(results, key=lambda r: (r.lang, r.document))


def _translations(config: Config, source: SourceFile, lang: str) -> dict[str, str]:
    if lang == source.document.lang:
        return {}
    path = po_path(config.locale_path, lang, source.document.name)
    if not path.exists():
        return {}
    shown = display_path(path, config.root)
    catalog = read_po_shared(path, shown).catalog
    return {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and isinstance(m.string, str) and m.string and not m.fuzzy
    }


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A page rendered in memory: where it goes, its HTML, and what fed it."""

    path: Path
    shown: str
    html: str
    localized: Localized
    body: str
    headings: list[tuple[int, str, str]]
    alternates: list[Alternate]
    refused_images: tuple[str, ...]


def render(config: Config, source: SourceFile, lang: str, copy_images: bool = True) -> RenderedPage:
    """Assemble and render one document in one locale (nothing is written but images)."""
    document = source.document
    translations = _translations(config, source, lang)
    localized = localize(document, lang, translations, config.segmentation, source.display)
    refused: list[str] = []
    body, headings = render_body(localized, _image_url(config, document.path, refused, copy_images))
    alternates = _alternates(config, document.name, lang)
    html = render_page(localized, body, headings, alternates)
    path = build_dir(config) / "html" / lang / f"{document.name}.html"
    shown = display_path(path, config.root)
    return RenderedPage(path, shown, html, localized, body, headings, alternates, tuple(refused))


def _export_one(job: _Job) -> PageResult:
    page = render(job.config, job.source, job.lang)
    pdf_path = build_dir(job.config) / "pdf" / job.lang / f"{job.source.document.name}.pdf"
    written_html = written_pdf = None
    if "html" in job.formats:
        write_atomic(page.path, page.html)
        written_html = page.shown
    if "pdf" in job.formats:
        _write_pdf(job.config, page, pdf_path)
        written_pdf = display_path(pdf_path, job.config.root)
    localized = page.localized
    return PageResult(
        job.source.document.name, job.lang, written_html, written_pdf,
        localized.units, localized.fallbacks, page.refused_images,
    )  # fmt: skip


def _write_pdf(config: Config, page: RenderedPage, pdf_path: Path) -> None:
    from pipeline.export.to_pdf import write_pdf

    localized = page.localized
    printed = render_page(localized, page.body, page.headings, page.alternates, for_print=True)
    _write_stylesheet(build_dir(config))
    html_root = build_dir(config) / "html"
    # The page's own title: front matter title, else the first heading, else the file name.
    title = localized.title or (page.headings[0][2] if page.headings else localized.document.name)
    pdf = write_pdf(printed, page.path, html_root, title, localized.fallback_langs)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = pdf_path.with_suffix(".pdf.tmp")
    temporary.write_bytes(pdf)
    temporary.replace(pdf_path)


def _alternates(config: Config, name: str, current: str) -> list[Alternate]:
    return [
        Alternate(lang, f"../{lang}/{name}.html", language_name(lang), lang == current)
        for lang in config.locales
    ]


def _image_url(
    config: Config, source_path: Path, refused: list[str], copy: bool = True
) -> Callable[[str], str | None]:
    """Copy an image of the project into build/html/images; refuse anything else."""
    images = build_dir(config) / "html" / "images"
    root = config.source_path.resolve()

    def url(src: str) -> str | None:
        if not src or "://" in src or src.startswith(("//", "data:")):
            refused.append(src)
            return None
        target = (source_path.parent / src).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            refused.append(src)
            return None
        if copy:
            images.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, images / target.name)
        return f"../images/{target.name}"

    return url


def _write_stylesheet(out: Path) -> None:
    for name in ("site.css", "narrow.css"):
        text = (STYLESHEET.parent / name).read_text(encoding="utf-8")
        write_atomic(out / "html" / "assets" / name, text)


def _write_shared(config: Config, sources: list[SourceFile], locales: tuple[str, ...]) -> None:
    out = build_dir(config) / "html"
    _write_stylesheet(build_dir(config))
    entries = [
        Alternate(lang, f"{lang}/index.html", language_name(lang), False) for lang in locales
    ]
    write_atomic(out / "index.html", render_root(entries))
    for lang in locales:
        pages = []
        for source in sources:
            translations = _translations(config, source, lang)
            front = source.document.front_matter
            title = str(front.get("title") or source.document.name)
            description = str(front.get("description") or "")
            pages.append(
                (
                    f"{source.document.name}.html",
                    translations.get(title, title),
                    translations.get(" ".join(description.split()), description),
                )
            )
        alternates = [
            Alternate(other, f"../{other}/index.html", language_name(other), other == lang)
            for other in locales
        ]
        write_atomic(
            out / lang / "index.html",
            render_index(lang, sorted(pages, key=lambda p: p[1]), alternates),
        )
