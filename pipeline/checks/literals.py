"""What a translation keeps literally: URLs, code spans, placeholders and markup tags."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.source.html import tag_sequence
from pipeline.source.syntax import ROLE_NAME, role_parts

LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<(https?://[^>\s]+)>")
BARE_URL = re.compile(r"(?<![(<\w])https?://[^\s)>\]|&\"`]+")  # nor a quote nor a backtick
_EMAIL = re.compile(r"<(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
# Addresses a translation may change: an example's, which it may localize (RFC 2606's
# example.com; a host named as one, "myserver.com", "www.my-bank.com" in LibreOffice's
# help), and GNU's translation teams.
_LOCALIZABLE = re.compile(
    r"//(?:[^/]*@)?(?:www\.)?(?:example|my-?(?:server|bank|provider|site|company|domain|host))"
    r"\.(?:com|org|net)\b|translationproject\.org/team"
)
CODE = re.compile(r"(?<!\\)(`+)(.+?)\1")  # `\`` is a backtick, not code
# A numeric entity HTML reads without its semicolon too ("&#8221").
TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|&#?\w+;|&#(?:\d+|x[0-9A-Fa-f]+)")
# A character written as its code, as .properties and JSON catalogs do: "Didn\u2019t".
_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}")


def without_literals(text: str) -> str:
    """`text` with URLs, code spans, placeholders, tags and escapes blanked out, for
    reading its words and numbers: what those hold is checked by their own rules. Blanked
    character for character, so that a number found in it is at the same place in `text`."""
    for pattern in (
        LINK_TARGET,
        BARE_URL,
        CODE,
        _PRINTF,
        _OTHER_PLACEHOLDER,
        _NAMED_BRACES,
        TAG,
        _ESCAPE,
    ):
        text = pattern.sub(_blank, text)
    return text


def without_source_code(source: str, target: str) -> str:
    """`target` with the source's code spans blanked where the translation writes them
    in quotes instead of backticks ("`rgb(215,150,0)`" → "“rgb(215,150,0)”"): code, not
    text, in either form."""
    for span in {found.group(2) for found in CODE.finditer(source)}:
        if span in target:
            target = target.replace(span, " " * len(span))
    return target


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group())


def link_targets(text: str) -> Counter[str]:
    """The URLs of Markdown links, autolinks and bare URLs in `text`, and e-mail addresses
    in angle brackets; example addresses, which translations localize, are left out."""
    if "://" not in text and "](" not in text and "@" not in text:
        return Counter()  # most texts: nothing to find, so no pattern runs
    found = [a or b for a, b in LINK_TARGET.findall(text)]
    found += [url.rstrip(".,;:!?") for url in BARE_URL.findall(LINK_TARGET.sub(" ", text))]
    found += _EMAIL.findall(text)
    return Counter(url for url in found if not _LOCALIZABLE.search(url))


def link_changes(source: str, target: str) -> tuple[list[str], list[str]]:
    """The source's URLs the translation lacks, and those it adds: none where the source's
    example or team address may be replaced by the translation's own."""
    theirs, ours = link_targets(source), link_targets(target)
    added = [] if localized_address(source) else sorted((ours - theirs).elements())
    return sorted((theirs - ours).elements()), added


def localized_address(source: str) -> bool:
    """Whether a translation may bring addresses of its own: the source gives an example
    address, or it is GNU's "Report bugs to", where translators name their team."""
    return _LOCALIZABLE.search(source) is not None or ("Report" in source and "bugs" in source)


_BOLD = re.compile(r"\*\*|__")
# Emphasis as pairs: a lone "_" is an access key ("First _row"), not emphasis.
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_\w])")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
# A value quoted or not, never both ways: an overlap backtracked exponentially.
_ATTRIBUTE = r"(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}\"'][^\s}]*))"
_ATTRIBUTE_LIST = re.compile(rf"\{{:?[ \t]*({_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*)[ \t]*\}}")
_ATTRIBUTE_NAME = re.compile(r"[.#][\w-]+|[\w-]+(?==)")
# Tags of HTML, Pango and help markup; an unknown <word> is a metavariable ("ME <action>")
# unless it has attributes or is a closing tag.
_KNOWN_TAGS = {
    "a", "abbr", "b", "big", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "q", "s", "small",
    "span", "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul", "markup",
    "ahelp", "link", "emph", "item", "variable", "bookmark", "bookmark_value",
    "switchinline", "caseinline", "defaultinline", "embedvar",
}  # fmt: skip
_TAG_LIKE = re.compile(r"<(/?)([A-Za-z][\w:-]*)(\s+[\w:-]+\s*=[^<>]*?)?\s*(/?)>")
_BROKEN_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?(?=<|$)")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_ENTITY_CHARS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'", "nbsp": "\u00a0"}


_MARKUP_CHARACTER = re.compile(r"[<*_`\[!{$]")


def markup_counts(text: str, markdown: bool = True) -> Counter[str]:
    """Markup counted by kind: Markdown's bold, emphasis, links, images and each code span
    by its text (in Markdown texts), and HTML tags and entities (in every text)."""
    if not _MARKUP_CHARACTER.search(text):
        return Counter()
    counts = _tags(text)
    if not markdown:
        return counts
    without_code = CODE.sub(" ", text)
    counts["bold"] = len(_BOLD.findall(without_code)) // 2
    counts["emphasis"] = len(_EMPHASIS.findall(without_code.replace("**", "").replace("__", "")))
    counts["link"] = len(_LINK.findall(without_code))
    counts["image"] = len(_IMAGE.findall(without_code))
    for code in CODE.finditer(text):
        counts[_code_or_role(text, code)] += 1
    for formula in _MATH.findall(without_code):  # MyST's $…$: a changed formula says otherwise
        if _FORMULA.search(formula):  # not prices: "$5 for one, 10$ for two"
            counts[f"math ${formula}$"] += 1
    for label in _FOOTNOTE.findall(without_code):  # a changed label breaks the note
        counts[f"footnote [^{label}]"] += 1
    for attributes in _ATTRIBUTE_LIST.findall(without_code):  # MkDocs' `{ .md-button }`
        named = " ".join(sorted(_ATTRIBUTE_NAME.findall(attributes)))  # values translate
        counts[f"attribute list {{ {named} }}"] += 1
    return +counts


def _code_or_role(text: str, code: re.Match[str]) -> str:
    """A code span by its text; a MyST role's (``{ref}`the checklist <checklist>` ``) by
    its target, as its text is the translator's: ``{doc}`setup` `` may become
    ``{doc}`Opsætning <setup>` ``."""
    role = ROLE_NAME.search(text, max(0, code.start() - 40), code.start())
    return f"role {role[0]} <{role_parts(code[2])[1]}>" if role else f"code `{code[2]}`"


# Inline math as MyST's dollarmath reads it: no space inside the marks, no digit after
# the closing one, so that "$5 and $10" is no formula.
_FORMULA = re.compile(r"[\\^_=+{}<>]|^[A-Za-z]\w?$")
_MATH = re.compile(r"(?<![\\$\w])\$(?=[^\s$])([^$\n]*?[^\s$\\])\$(?![\d$])")


def _tags(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for closing, name, attributes, empty in _TAG_LIKE.findall(CODE.sub(" ", text)):
        if closing or attributes or empty or name.lower() in _KNOWN_TAGS:
            counts[f"tag <{closing}{name.lower()}{empty}>"] += 1
    counts["broken tag"] = len(_BROKEN_TAG.findall(text))
    return +counts


def unnested_tags(source: str, target: str) -> str | None:
    """Why the target's HTML tags do not nest where the source's do; None if they do."""
    # A code span shows tags, it has none: "`<b>`", MyST's "{doc}`Opsætning <setup>`"
    theirs, ours = tag_sequence(CODE.sub(" ", source)), tag_sequence(CODE.sub(" ", target))
    return ours.problem if theirs.balanced and not ours.balanced else None


def entities(text: str) -> Counter[str]:
    """Character entities ("&lt;", "&#176;"), each as the character it stands for."""
    return Counter(map(_character, _ENTITY.findall(text))) if "&" in text else Counter()


def _character(name: str) -> str:
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    return chr(int(name[1:])) if name.startswith("#") else _ENTITY_CHARS.get(name, name)


def plain_count(text: str, character: str) -> int:
    """How often `character` is written as itself, not as an entity."""
    return _ENTITY.sub("", text).count(character)


# printf with position, flags (glibc's I too), width, precision and length: %s, %1$s,
# %-10.2f, %'d, %zu, %Id; a conversion letter glued to a word is text ("%-encoding"), but
# not before an ordinal or a genitive's ending ("%'dth", Danish "%ss filer") or a unit
# ("%0.3gcm", "%dpx", "%.2fpts").
_PRINTF = re.compile(
    r"%(?:(\d+)\$)?([-+0#'I]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?"
    r"[diouxXeEfFgGaAcspn])"
    r"(?!(?!(?:st|nd|rd|th|s|cm|mm|px|pts?|ms|dpi|[kmgt]i?b|[kmg]?hz)\b)[^\W\d_])|%<\w+>"
)
# Python %(name)s, Qt %1 and %L1, LibreOffice %PRODUCTNAME, %{name} and $(ARG1), ld's %P and %X,
# jinja {{ x }}, {} and {0}.
_OTHER_PLACEHOLDER = re.compile(
    r"%\(\w+\)[-+0#]*\d*(?:\.\d+)?[sdifrxXeEgG]|%L?\d+(?!\$)|%[A-Z][A-Z_]{2,}|%\{\w+\}"
    r"|%[A-Z](?![^\W\d_])|\$\([A-Z][A-Z0-9_]*\)"
    r"|\{\{\s*[\w.]+\s*\}\}|\{\d*\}"
)
# {name}: a placeholder in our Markdown; in programs' catalogs often text ("{unset}").
_NAMED_BRACES = re.compile(r"\{\w+(?:[:!][^{}\s]*)?\}")
# Any placeholder: printf's, Qt's, Python's, a template's.
PLACEHOLDER = re.compile("|".join(p.pattern for p in (_PRINTF, _OTHER_PLACEHOLDER, _NAMED_BRACES)))
# A web address, or a Markdown link's destination; a percent escape in one.
_ADDRESS = re.compile(r"\b(?:https?|ftp)://[^\s<>\"')\]]+|\]\([^\s)]+")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# strftime's hour, minute, second and year, which no printf has; a date format is the
# translator's to localize.
_STRFTIME = re.compile(r"%[-_0^#]?[HMSYyIlk](?![^\W\d_])")


def placeholder_counts(text: str, markdown: bool = True) -> Counter[str]:
    """The placeholders of `text` by what they mean: "%s %d" and "%2$d %1$s" agree."""
    if "%" not in text and "{" not in text and "$" not in text:
        return Counter()
    if markdown:
        text = CODE.sub(" ", text)
    if "%" in text:  # an address's escapes ("Ltsp%20Hardware") are no Qt or printf ones
        text = _ADDRESS.sub(lambda address: _PERCENT_ESCAPE.sub("", address.group()), text)
    found: Counter[str] = Counter()
    sequential = 0
    for match in _PRINTF.finditer(text):
        if match.group(2) is None:
            found[match.group()] += 1  # %<PRIuMAX>
            continue
        if match.group(1) is None:
            sequential += 1
        position = match.group(1) or str(sequential)
        found[f"%{position}${match.group(2).replace('I', '')}"] += 1
    found.update(_OTHER_PLACEHOLDER.findall(text))
    if markdown:
        found.update(_NAMED_BRACES.findall(text))
    return found


def is_strftime(source: str, target: str) -> bool:
    """Whether an entry is a date format ("%a %l:%M %p", "%F %T" → "%d-%m-%Y %T"), which
    each locale writes its own way."""
    return _STRFTIME.search(source) is not None or _STRFTIME.search(target) is not None


def twelve_hours_alone(text: str) -> bool:
    """A 12-hour hour with no AM/PM. Where the source has one too, it is no time to
    show but the format's documentation ("%I hour (01..12)" in date's man page)."""
    return bool(re.search(r"%-?[Il](?![a-z])", text)) and not re.search(r"%[pP]", text)


_ACCELERATOR_MARKS = "_~&^"  # GTK and Qt, LibreOffice, KDE and Windows, aptitude
_AROUND_A_WORD = ".,:;!?()[]\"'«»„“”‘’"  # punctuation and quotes, Danish ones too


def accelerator(text: str, source: str) -> int | None:
    """Where the mark of a translation's accelerator key stands inside a word ("Hj_ælp",
    "Akti~ver", "Opl^ysninger") when its source has one too ("_Help"): the letters on
    both sides are one word, and a spelling check must not read two. None when there is
    none, or when the word stands in the source as written (an identifier: "show_source")."""
    for mark in _ACCELERATOR_MARKS:
        if text.count(mark) != 1 or source.count(mark) != 1:
            continue
        at, in_source = text.index(mark), source.index(mark)
        if not source[in_source + 1 : in_source + 2].isalnum():
            continue
        if not (0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()):
            continue
        if mark == "&" and _ENTITY.match(text, at):
            continue
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        end = min(i for i in (text.find(" ", at), text.find("\n", at), len(text)) if i >= 0)
        if text[start:end].strip(_AROUND_A_WORD) not in source:
            return at
    return None
