"""What a translation keeps literally: URLs, code spans, placeholders and markup tags."""

from __future__ import annotations

import re
from collections import Counter

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


def link_targets(text: str) -> Counter[str]:
    """The URLs of Markdown links, autolinks and bare URLs in `text`."""
    found = [a or b for a, b in LINK_TARGET.findall(text)]
    found += BARE_URL.findall(LINK_TARGET.sub(" ", text))
    return Counter(found)


_BOLD = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![*_\w])[*_](?=\S)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")


def markup_counts(text: str) -> Counter[str]:
    """Bold, emphasis, links and images counted, and each code span by its text."""
    without_code = CODE.sub(" ", text)
    counts: Counter[str] = Counter()
    counts["bold"] = len(_BOLD.findall(without_code)) // 2
    counts["emphasis"] = len(_EMPHASIS.findall(without_code.replace("**", "").replace("__", "")))
    counts["link"] = len(_LINK.findall(without_code))
    counts["image"] = len(_IMAGE.findall(without_code))
    for code in CODE.findall(text):
        counts[f"code `{code[1]}`"] += 1
    return counts
