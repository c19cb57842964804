"""What a translation keeps literally: URLs, code spans, placeholders and markup tags."""

from __future__ import annotations

import re

LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<(https?://[^>\s]+)>")
BARE_URL = re.compile(r"(?<![(<\w])https?://[^\s)>\]]+")
CODE = re.compile(r"(`+)(.+?)\1")
# printf (%s, %1$s, %-10.2f, %'d, %zu, %<PRIuMAX>), Python %(name)s, Qt %1, {name} and {0},
# {{ jinja }}, LibreOffice $(ARG1) and %PRODUCTNAME.
PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?[-+0#']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|q)?[diouxXeEfFgGaAcsp]"
    r"|%<\w+>|%\(\w+\)[-+0#]*\d*(?:\.\d+)?[sdifrxXeEgG]|%\d+|%[A-Z][A-Z_]{2,}"
    r"|\{\{\s*[\w.]+\s*\}\}|\{\w*(?:[:!][^{}\s]*)?\}|\$\([A-Z][A-Z0-9_]*\)"
)
TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|&#?\w+;")


def without_literals(text: str) -> str:
    """`text` with URLs, code spans, placeholders and tags blanked out, for reading its words
    and numbers: what those hold is checked by their own rules."""
    for pattern in (LINK_TARGET, BARE_URL, CODE, PLACEHOLDER, TAG):
        text = pattern.sub(" ", text)
    return text
