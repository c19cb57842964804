"""Images in the page's language: a diagram's variant for a locale sits beside it, named
as Sphinx names one (`figure_language_filename`, "{root}.{language}{ext}"):
`images/genterapi.en.svg` is `images/genterapi.svg` with its words in English. Every
page, print and Markdown copy in that locale shows the variant instead.

A drawing with words and no variant shows the source's language on a translated page;
for an SVG we can tell (a `<text>` or a `<foreignObject>` with letters), and
a11y/image-language says so.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from pipeline.languages.evidence import primary

_LETTER = re.compile(r"[^\W\d_]")
_DRAWN = {"text", "foreignObject"}


def in_language(image: Path, lang: str) -> Path:
    """`image`'s variant for `lang` ("da-DK", then "da") if there is one, else `image`."""
    for code in dict.fromkeys((lang, primary(lang))):
        variant = image.with_name(f"{image.stem}.{code}{image.suffix}")
        if variant.is_file():
            return variant
    return image


def draws_words(image: Path) -> bool:
    """Whether `image` is an SVG whose drawing holds words (a `<text>` or a
    `<foreignObject>` with letters); an SVG that cannot be read is given the benefit
    of the doubt."""
    if image.suffix.lower() != ".svg":
        return False
    stamp = image.stat()
    return _draws_words(image, stamp.st_size, stamp.st_mtime_ns)


@cache
def _draws_words(image: Path, size: int, mtime: int) -> bool:
    try:
        root = ElementTree.parse(image).getroot()
    except (OSError, ElementTree.ParseError):
        return False
    # Words are drawn as <text>, or as HTML in a <foreignObject> (draw.io's labels).
    drawn = (e for e in root.iter() if str(e.tag).rsplit("}", 1)[-1] in _DRAWN)
    return any(_LETTER.search("".join(element.itertext())) for element in drawn)
