"""What msgfmt rejects in a PO file and babel's parser would misread without a word."""

from __future__ import annotations

import re

from pipeline.project.errors import PipelineError

# A keyword or continuation line must hold exactly one properly closed string.
_STRING_LINE = re.compile(
    r'^(?:#~\s*|#\|\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$'
)
_NEEDS_STRING = re.compile(r'^(?:#~\s*|#\|\s*)?(?:msgctxt|msgid|msgid_plural|msgstr|")')


def check_syntax(lines: list[str], shown: str) -> None:
    """Reject unterminated or malformed strings, and escapes C does not have, which babel
    would misread silently."""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not _NEEDS_STRING.match(stripped):
            continue
        if not _STRING_LINE.match(stripped):
            raise PipelineError(
                f"malformed string: {stripped[:60]}",
                shown,
                number,
                hint='each line needs one string in double quotes, with \\" for a quote',
            )
        if bad := _BAD_ESCAPE.search(stripped):
            raise PipelineError(
                f"invalid escape {bad.group(1)} in: {stripped[:60]}",
                shown,
                number,
                hint="write \\\\ for a backslash; msgfmt rejects the file as it is",
            )
    _check_entries(lines, shown)


_BAD_ESCAPE = re.compile(r'(?<!\\)(?:\\\\)*(\\[^abfnrtv\\"\'?0-7x])')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)\s")
# What may come next after each keyword of an active entry, as msgfmt reads it.
_NEXT = {
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[0]"},
    "msgstr": {"msgctxt", "msgid"},
}


def _check_entries(lines: list[str], shown: str) -> None:
    """Each active entry is [msgctxt] msgid, then msgstr, or msgid_plural and msgstr[0],
    msgstr[1]… in order. Babel takes an orphan or second msgstr for the next entry's, and
    so moves a translation onto the wrong text."""
    previous: str | None = None
    at = 0
    for number, line in enumerate(lines, start=1):
        found = _KEYWORD.match(line.lstrip())
        if found is None:
            continue  # a comment, an obsolete entry, a continuation or a blank line
        keyword = found.group(1)
        if previous and previous.startswith("msgstr["):
            following = f"msgstr[{int(previous[7:-1]) + 1}]"
            allowed = {following, "msgctxt", "msgid"}
        else:
            allowed = _NEXT[previous]
        if previous in ("msgid", "msgid_plural") and keyword in ("msgid", "msgctxt"):
            # said where msgfmt says it: at the entry's msgid
            raise PipelineError(f"missing msgstr after this {previous}", shown, at)
        if keyword not in allowed:
            orphan = keyword.startswith("msgstr") and allowed == _NEXT["msgstr"]
            raise PipelineError(
                f"{keyword} with no msgid before it: its msgid line is missing, or it is a "
                "second msgstr"
                if orphan
                else f"{keyword} after {previous or 'the start of the file'}: expected "
                + " or ".join(sorted(allowed)),
                shown,
                number,
                hint="fix the entry, then check it with msgfmt --check",
            )
        previous, at = keyword, number
    if previous in ("msgctxt", "msgid", "msgid_plural"):
        raise PipelineError(f"missing msgstr: the file ends after {previous}", shown, at)
