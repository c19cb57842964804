"""One document in one locale, rendered to HTML in memory: what export writes and a11y checks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.catalogs.paths import po_path
from pipeline.catalogs.po import read_po_shared
from pipeline.export.assemble import Localized, localize
from pipeline.export.to_html import Alternate, language_name, render_body, render_page
from pipeline.project.config import Config
from pipeline.project.files import display_path, write_atomic
from pipeline.source.tree import SourceFile

STYLESHEET = Path(__file__).parent / "templates" / "site.css"


def build_dir(config: Config) -> Path:
    """The folder every export writes into."""
    return config.root / "build"


def translations(config: Config, source: SourceFile, lang: str) -> dict[str, str]:
    """Source text → finished translation (neither empty nor fuzzy) in `lang`."""
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
    localized = localize(
        document, lang, translations(config, source, lang), config.segmentation, source.display
    )
    refused: list[str] = []
    body, headings = render_body(localized, _image_url(config, document.path, refused, copy_images))
    alternates = _alternates(config, document.name, lang)
    html = render_page(localized, body, headings, alternates)
    path = build_dir(config) / "html" / lang / f"{document.name}.html"
    shown = display_path(path, config.root)
    return RenderedPage(path, shown, html, localized, body, headings, alternates, tuple(refused))


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


def write_stylesheets(out: Path) -> None:
    """Write the site's stylesheets to <out>/html/assets."""
    for name in ("site.css", "narrow.css"):
        text = (STYLESHEET.parent / name).read_text(encoding="utf-8")
        write_atomic(out / "html" / "assets" / name, text)
