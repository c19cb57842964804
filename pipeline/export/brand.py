"""The brand on every page: a stylesheet made from `[tool.pipeline.brand]`, and its files.

`build/html/assets/brand.css` sets the colours (the stylesheet's custom properties), the
brand's fonts (embedded in the PDF by WeasyPrint), the header shown in print, the page
size, margins and running footer; the logo, fonts and extra stylesheet are copied to
`build/html/assets/brand/`. The same files serve the HTML pages and the PDFs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from pipeline.project.brand import Brand
from pipeline.project.config import Config
from pipeline.project.files import write_atomic

FALLBACK_FONTS = '"DejaVu Sans", "Noto Sans CJK SC", sans-serif'


@dataclass(frozen=True, slots=True)
class BrandView:
    """What a page in one locale shows of the brand; files relative to build/html/."""

    logo: str
    logo_alt: str
    header: str
    footer: str
    extra_stylesheet: str
    templates: str  # the project's template folder (absolute), or ""


def brand_view(config: Config, lang: str) -> BrandView | None:
    brand = config.brand
    if brand is None:
        return None
    return BrandView(
        f"assets/brand/{brand.logo.name}" if brand.logo else "",
        brand.logo_alt.get(lang, ""),
        brand.header.get(lang, ""),
        brand.footer.get(lang, ""),
        f"assets/brand/{brand.stylesheet.name}" if brand.stylesheet else "",
        str(config.root / brand.templates) if brand.templates else "",
    )


def write_brand(config: Config, html_root: Path) -> None:
    """Write assets/brand.css and copy the brand's files next to it."""
    brand = config.brand
    if brand is None:
        return
    folder = html_root / "assets" / "brand"
    folder.mkdir(parents=True, exist_ok=True)
    for path in (brand.logo, brand.stylesheet, *brand.fonts.values()):
        if path is not None:
            shutil.copyfile(config.root / path, folder / path.name)
    write_atomic(html_root / "assets" / "brand.css", brand_css(brand))


def brand_css(brand: Brand) -> str:
    """The brand's stylesheet: loaded after site.css, so its values win."""
    colors = brand.colors
    rules = [
        ":root {",
        f"  --ink: {colors['text']}; --paper: {colors['background']};",
        f"  --link: {colors['link']}; --focus: {colors['accent']}; --tint: {colors['tint']};",
        "}",
    ]
    for role, path in brand.fonts.items():
        source = f'url("brand/{path.name}")'
        rules.append(f'@font-face {{ font-family: "Brand {role}"; src: {source}; }}')
    if "body" in brand.fonts:
        rules.append(f'body {{ font-family: "Brand body", {FALLBACK_FONTS}; }}')
    if "heading" in brand.fonts:
        headings = "h1, h2, h3, h4, h5, h6"
        rules.append(f'{headings} {{ font-family: "Brand heading", {FALLBACK_FONTS}; }}')
    rules += [
        # At 320 px the header wraps under the logo, and a long Danish word breaks
        # (WCAG 1.4.10: "Digitaliseringsstyrelsen · Udviklerdokumentation" ran off).
        ".brand { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }",
        ".brand-logo { height: 2.5rem; width: auto; max-width: 100%; margin: 0; }",
        ".brand-header { margin: 0; min-width: 0; overflow-wrap: anywhere; color: var(--ink);"
        " font-weight: 700; }",
        "@media print {",
        f"  @page {{ size: {brand.page_size}; margin: {brand.margins}; }}",
        "  .site-header { display: flex; margin-bottom: 1rem; }",
        "  .site-header .site-name, .site-header .languages { display: none; }",
        "}",
    ]
    return "\n".join(rules) + "\n"
