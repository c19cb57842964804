"""Locales in HTML: BCP 47 tags ("zh-CN"), by which a screen reader picks its voice and
WeasyPrint the PDF's /Lang, where the project names them as gettext does ("zh_CN")."""

from __future__ import annotations

import re

_GETTEXT_LOCALE = re.compile(r'(\s(?:hreflang|lang)=")([a-zA-Z]{2,3})_([\w-]+)"')


def with_language_tags(html: str) -> str:
    """`html` with every lang and hreflang value that names a gettext locale as its tag."""
    return _GETTEXT_LOCALE.sub(lambda m: f'{m[1]}{m[2]}-{m[3].replace("_", "-")}"', html)
