"""The export stage: every document in every locale to HTML pages and tagged PDFs."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markupsafe import Markup

from pipeline.export.brand import brand_view
from pipeline.export.markdown_site import MarkdownPage, forget_written_ids, write_markdown
from pipeline.export.page import (
    RenderedPage,
    build_dir,
    forget_document_names,
    listing_name,
    page_url,
    relative_url,
    render,
    translations,
    write_stylesheets,
)
from pipeline.export.to_html import (
    Alternate,
    Site,
    page_title,
    render_index,
    render_page,
    render_root,
)
from pipeline.languages import language_name
from pipeline.project.config import Config, gettext_locale
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, write_atomic
from pipeline.project.parallel import ordered_map
from pipeline.source.tree import SourceFile

log = logging.getLogger(__name__)


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
    listed: tuple[str, str] = ("", "")  # title and description on the list of documents
    markdown: MarkdownPage | None = None
    offline_images: tuple[str, ...] = ()  # remote images the PDF shows as their alt text
    pdf_warnings: tuple[str, ...] = ()  # what WeasyPrint said of the PDF


@dataclass(frozen=True, slots=True)
class _Job:
    config: Config
    source: SourceFile
    lang: str
    formats: tuple[str, ...]
    languages: tuple[str, ...]  # the locales whose page of the document its switch names


def export(
    config: Config,
    sources: list[SourceFile],
    locales: tuple[str, ...],
    formats: tuple[str, ...],
    progress: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    """Write build/html/<lang>/<doc>.html, build/pdf/<lang>/<doc>.pdf and the translated
    Markdown (see export.markdown_site) for each pair, as `formats` asks."""
    locales = tuple(map(gettext_locale, locales))  # --locale da-DK is the locale da_DK
    for code in locales:
        if code not in config.locales:
            raise PipelineError(
                f"'{code}' is not one of the project's locales {list(config.locales)}",
                hint="see [tool.pipeline] locales",
            )
    translated = any(lang != source.document.lang for source in sources for lang in locales)
    if translated and not config.locale_path.is_dir():  # else every page is the source's
        raise PipelineError(
            "the folder of PO catalogs does not exist",
            config.locale_dir,
            hint="give the right --locale-dir, or run `pipeline extract` first",
        )
    forget_document_names()
    forget_written_ids()
    out = build_dir(config)
    if {"html", "pdf"} & set(formats):  # once a run: the pages and PDFs load them
        write_stylesheets(config)
    written = locales if "html" in formats else ()
    jobs = [
        _Job(
            config, source, lang, formats, _with_pages(config, written, source.document.name, lang)
        )
        for source in sources
        for lang in locales
    ]
    results: list[PageResult] = []
    for result in ordered_map(_export_one, jobs):
        results.append(result)
        if progress:
            progress(result)
    if "html" in formats:  # after the pages, which bring their titles in each locale
        _write_shared(config, sources, locales, results)
    log.debug("exported %d pages to %s", len(results), out)
    return sorted(results, key=lambda r: (r.lang, r.document))


def _export_one(job: _Job) -> PageResult:
    markdown = None
    if "markdown" in job.formats:
        markdown = write_markdown(job.config, job.source, job.lang)
    if not {"html", "pdf"} & set(job.formats):
        assert markdown is not None
        result = markdown.result
        return PageResult(
            job.source.document.name, job.lang, None, None, result.units, result.fallbacks,
            markdown=markdown,
        )  # fmt: skip
    page = render(job.config, job.source, job.lang, languages=job.languages)
    pdf_path = build_dir(job.config) / "pdf" / job.lang / f"{job.source.document.name}.pdf"
    written_html = written_pdf = None
    offline: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    if "html" in job.formats:
        write_atomic(page.path, page.html)
        written_html = page.shown
    if "pdf" in job.formats:
        offline, warnings = _write_pdf(job.config, page, pdf_path)
        written_pdf = display_path(pdf_path, job.config.root)
    localized = page.localized
    return PageResult(
        job.source.document.name, job.lang, written_html, written_pdf,
        localized.units, localized.fallbacks, page.refused_images,
        _listed(job.config, job.source, job.lang), markdown, offline, warnings,
    )  # fmt: skip


def _with_pages(config: Config, written: tuple[str, ...], name: str, lang: str) -> tuple[str, ...]:
    """The project locales that have page `name` once this run is done: written now, or
    left in the output folder by an earlier run. A language switch names only those, so
    that an export of one locale does not link to pages that were never written."""
    html = build_dir(config) / "html"
    return tuple(
        code
        for code in config.locales
        if code in (*written, lang) or (html / page_url(name, code)).is_file()
    )


def _listed(config: Config, source: SourceFile, lang: str) -> tuple[str, str]:
    """The document's title and description in `lang`, for the list of documents: worked
    out where the page was made, whose catalog is at hand there."""
    translated = translations(config, source, lang)
    document = source.document
    description = " ".join(str(document.front_matter.get("description") or "").split())
    title = _in_language(document.title, translated, document.lang, lang)
    return title, _in_language(description, translated, document.lang, lang)


def _by_title(page: tuple[str, str, str]) -> str:
    return Markup(page[1]).striptags()  # an untranslated title is marked up


def _in_language(text: str, translated: Mapping[str, str], source: str, lang: str) -> str:
    """`text` in `lang`, else as the source has it, marked with its language: the list of
    Danish pages named untranslated ones ("Usage") in a Danish voice."""
    if not text or lang == source or text in translated:
        return translated.get(text, text)
    return Markup(f'<span lang="{escape(source)}">{escape(text)}</span>')


def _write_pdf(
    config: Config, page: RenderedPage, pdf_path: Path
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Write the page's PDF; return the remote images it shows as their alt text, and
    what WeasyPrint warned of."""
    from pipeline.export.to_pdf import write_pdf

    localized = page.localized
    body, offline = page.print_body()
    printed = render_page(
        localized, body, page.headings, page.alternates, page.site, for_print=True
    )
    html_root = build_dir(config) / "html"
    title = page_title(localized, page.headings)
    pdf, warnings = write_pdf(printed, page.path, html_root, title)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = pdf_path.with_suffix(".pdf.tmp")
    temporary.write_bytes(pdf)
    temporary.replace(pdf_path)
    return offline, warnings


def _write_shared(
    config: Config, sources: list[SourceFile], locales: tuple[str, ...], pages: list[PageResult]
) -> None:
    out = build_dir(config) / "html"
    homes = _with_pages(config, locales, "index", locales[0])  # this run's, and earlier ones
    entries = [Alternate(lang, f"{lang}/index.html", language_name(lang), False) for lang in homes]
    write_atomic(
        out / "index.html",
        render_root(entries, {lang: config.site(lang) for lang in homes}, config.brand is not None),
    )
    listing = listing_name({source.document.name for source in sources})
    for lang in locales:
        here = page_url(listing, lang)
        listed = [
            (relative_url(page_url(page.document, lang), here), *page.listed)
            for page in pages
            if page.lang == lang
        ]
        alternates = [
            Alternate(
                other,
                relative_url(page_url(listing, other), here),
                language_name(other),
                other == lang,
            )
            for other in _with_pages(config, locales, listing, lang)
        ]
        site = Site(
            config.site(lang),
            relative_url(".", here) + "/",
            relative_url(f"{lang}/index.html", here),
            brand=brand_view(config, lang),
        )
        write_atomic(
            out / here,
            render_index(lang, sorted(listed, key=_by_title), alternates, site),
        )
