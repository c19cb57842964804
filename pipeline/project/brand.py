"""The organisation's brand, `[tool.pipeline.brand]`: one table for HTML and PDF alike.

Keys (all optional): `logo` (an SVG or PNG file) with `logo-alt`, `colors` (`text`,
`background`, `link`, `accent`), `fonts` (`body`, `heading`: font files of the project,
embedded in the PDF), `header` and `footer` (a text, or a table by locale), `page-size`
and `margins` (CSS, for the PDF), `stylesheet` (a CSS file added last), and `templates`
(a folder whose Jinja templates replace ours, or extend them block by block). Colours
are held to WCAG AA against the background: text and links 4.5:1, the accent 3:1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.project import schema
from pipeline.project.errors import PipelineError, check_locales, unknown_name

COLORS = {"text": 4.5, "link": 4.5, "accent": 3.0, "background": 0.0}  # least contrast
FONTS = ("body", "heading")
FONT_FILES = (".ttf", ".otf", ".woff", ".woff2")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True, slots=True)
class Brand:
    """A validated brand; paths are relative to the project root."""

    logo: Path | None = None
    logo_alt: Mapping[str, str] = field(default_factory=dict)
    colors: Mapping[str, str] = field(default_factory=dict)
    fonts: Mapping[str, Path] = field(default_factory=dict)
    header: Mapping[str, str] = field(default_factory=dict)
    footer: Mapping[str, str] = field(default_factory=dict)
    page_size: str = "A4"
    margins: str = "22mm 18mm 20mm"
    stylesheet: Path | None = None
    templates: Path | None = None  # a folder of Jinja templates that replace or extend ours


def load_brand(
    table: Mapping[str, Any], root: Path, locales: tuple[str, ...], origin: Path | None
) -> Brand:
    """Validate `[tool.pipeline.brand]`: files exist, colours are AA, texts per locale."""
    schema.check_keys(table, "tool.pipeline.brand", origin)
    logo = _file(table.get("logo"), "logo", root, origin, (".svg", ".png"))
    alt = _per_locale(table.get("logo-alt"), "logo-alt", locales, origin)
    if logo is not None and len(alt) != len(locales):
        raise PipelineError(
            "the brand's logo needs logo-alt: what it shows, for readers who cannot see it",
            origin,
            hint='e.g. logo-alt = { da = "Klinikkens logo", en = "The clinic\'s logo" }',
        )
    fonts = table.get("fonts") or {}
    for name in fonts:
        if name not in FONTS:
            raise unknown_name("brand font", name, FONTS, "", origin)
    return Brand(
        logo=logo,
        logo_alt=alt,
        colors=_colors(table.get("colors") or {}, origin),
        fonts={
            name: path
            for name in FONTS
            if (
                path := _file(
                    fonts.get(name),
                    f"fonts.{name}",
                    root,
                    origin,
                    (".ttf", ".otf", ".woff", ".woff2"),
                )
            )
        },
        header=_per_locale(table.get("header"), "header", locales, origin),
        footer=_per_locale(table.get("footer"), "footer", locales, origin),
        page_size=str(table.get("page-size", "A4")),
        margins=str(table.get("margins", "22mm 18mm 20mm")),
        stylesheet=_file(table.get("stylesheet"), "stylesheet", root, origin, (".css",)),
        templates=_folder(table.get("templates"), root, origin),
    )


def _folder(value: object, root: Path, origin: Path | None) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not (root / value).is_dir():
        raise PipelineError(
            f"brand templates must be a folder of the project, not {value!r}",
            origin,
            hint='e.g. templates = "brand/templates", holding page.html.j2',
        )
    return Path(value)


def _file(
    value: object, key: str, root: Path, origin: Path | None, suffixes: tuple[str, ...]
) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or Path(value).suffix.lower() not in suffixes:
        raise PipelineError(
            f"brand {key} must be a {' or '.join(suffixes)} file path, not {value!r}", origin
        )
    if not (root / value).is_file():
        raise PipelineError(
            f"brand {key} '{value}' is not a file", origin, hint="paths are from the project root"
        )
    return Path(value)


def _per_locale(
    value: object, key: str, locales: tuple[str, ...], origin: Path | None
) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return dict.fromkeys(locales, value)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise PipelineError(f'brand {key} must be a text or a table like {{da = "…"}}', origin)
    check_locales(value, f"brand {key}", locales, origin)
    return dict(value)


def _colors(value: Mapping[str, Any], origin: Path | None) -> dict[str, str]:
    colors = {"text": "#1a1a1a", "background": "#ffffff", "link": "#0b4f8a", "accent": "#c25e00"}
    for name, color in value.items():
        if name not in COLORS:
            raise unknown_name("brand colour", name, COLORS, "", origin)
        if not isinstance(color, str) or not _HEX.fullmatch(color):
            raise PipelineError(
                f"brand colour {name} must be like '#0b4f8a', not {color!r}", origin
            )
        colors[name] = color.lower()
    # The panels (contents, code, notes, table headers) are the background a shade
    # towards the text: text and links must read on them too (axe on pino's pages).
    colors["tint"] = _mixed(colors["background"], colors["text"], 0.05)
    for surface, shown in (("background", "background"), ("tint", "the tinted panels")):
        for name, least in COLORS.items():
            ratio = contrast(colors[name], colors[surface])
            if ratio < least and not (surface == "tint" and name in {"accent", "background"}):
                raise PipelineError(
                    f"brand colours {name} {colors[name]} on {shown} {colors[surface]} "
                    f"have contrast {ratio:.2f}:1, under WCAG AA's {least:g}:1",
                    origin,
                    hint="darken the colour or lighten the background",
                )
    return colors


def _mixed(one: str, other: str, share: float) -> str:
    """`one` with `share` of `other` mixed in, as #rrggbb."""
    pairs = [(int(one[i : i + 2], 16), int(other[i : i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in pairs)


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two #rrggbb colours (1 to 21)."""
    first, second = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (first + 0.05) / (second + 0.05)


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
