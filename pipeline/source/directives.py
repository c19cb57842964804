"""What a MyST directive shows readers beyond its body: the options they read (an image's
`:alt:`, a `:caption:`), a glossary's definitions and a toctree's titles. A directive
kept as code (an `{image}`, a `{toctree}`, a `{glossary}`) is one fence token; these are
found in the file's lines under it, where translated Markdown swaps them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.token import Token

from pipeline.source.syntax import DIRECTIVE, OPTION

_PROSE_OPTIONS = frozenset({"alt", "caption"})
_OPTION_LINE = re.compile(r"[ \t]*:([\w-]+):(?:[ \t]+(.*))?")
_OPTION_KEY = re.compile(r"[ \t]*([\w-]+):(?:[ \t]+(.*))?")  # in a `---` block
# A directive's opening line, in a quote or opening a list item too: "> ```{image} a.png".
_OPENING = re.compile(
    r"((?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*)[ \t]*"
    r"(?:`{3,}|~{3,}|:{3,})[ \t]*\{([\w:-]+)\}[ \t]*(.*)"
)
_QUOTE_MARK = re.compile(r"[ \t]*>[ \t]?")
# A toctree entry with a title of its own: `Installing the viewer <install>`.
_TITLED_ENTRY = re.compile(r"(\S.*?)[ \t]+<([^<>\s]+)>")


@dataclass(frozen=True, slots=True)
class Directive:
    """A MyST directive as its lines write it: `{image} a.png` and `:alt: A cat`."""

    name: str
    argument: str
    options: dict[str, str] = field(default_factory=dict)  # quotes of YAML values removed
    option_lines: dict[str, int] = field(default_factory=dict)  # 1-based
    body: list[tuple[str, int]] = field(default_factory=list)  # lines after the options


def directive_at(lines: list[str], token: Token) -> Directive | None:
    """The MyST directive `token` opens (a fence kept as code, or a box), read from the
    file's `lines`; None for any other token."""
    if not token.map or token.type not in {"fence", "admonition_open"}:
        return None
    if token.type == "fence" and not DIRECTIVE.fullmatch(token.info.strip()):
        return None
    opening = (
        _OPENING.fullmatch(lines[token.map[0]].rstrip()) if token.map[0] < len(lines) else None
    )
    directive = Directive(opening[2], opening[3].strip()) if opening else Directive("", "")
    quotes = opening[1].count(">") if opening else 0
    first, end = token.map[0] + 1, min(token.map[1], len(lines))
    inside = [_inside(line, quotes) for line in lines[first:end]]
    block = bool(inside) and inside[0].strip() == "---"  # options as YAML
    number = first + block
    while number < end:
        line = inside[number - first].rstrip()
        if line.strip() == "---" if block else not OPTION.match(line.strip()):
            break
        if found := (_OPTION_KEY if block else _OPTION_LINE).fullmatch(line):
            value = found[2] or ""
            quoted = len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]
            directive.options[found[1]] = value[1:-1] if quoted else value
            directive.option_lines[found[1]] = number + 1
        number += 1
    number += block  # past the closing `---`
    last = end - 1 if token.type == "fence" else end  # a fence's closing line is no body
    directive.body.extend((inside[n - first], n + 1) for n in range(number, last))
    return directive


def _inside(line: str, quotes: int) -> str:
    """A line of a directive inside `quotes` block quotes, without their `>` marks."""
    for _ in range(quotes):
        line = _QUOTE_MARK.sub("", line, count=1)
    return line


def directives(lines: list[str], tokens: list[Token]) -> Iterator[tuple[Token, Directive]]:
    """Each MyST directive of the file (`lines`), with the token that opens it."""
    for token in tokens:
        if (directive := directive_at(lines, token)) is not None:
            yield token, directive


def readable_texts(directive: Directive) -> Iterator[tuple[str, str, int]]:
    """What readers see of a directive beyond its body: (what, text, line), where what
    is the option ("alt": an image's, "caption": a toctree's or a code block's) or
    "title", a toctree's own title for a page (`Installing <install>`)."""
    for name, line in directive.option_lines.items():
        if name in _PROSE_OPTIONS and directive.options[name]:
            yield name, directive.options[name], line
    if directive.name == "toctree":
        yield from (
            ("title", title, line) for title, _, line in toctree_entries(directive) if title
        )


def directive_names(lines: list[str], tokens: list[Token]) -> set[str]:
    """The `:name:` MyST directives give themselves: a label links may name, and the id
    of what our HTML shows (a figure, a table, an image)."""
    found = (directive.options.get("name") for _, directive in directives(lines, tokens))
    return {name for name in found if name}


def toctree_entries(directive: Directive) -> Iterator[tuple[str, str, int]]:
    """A toctree's entries: (its own title or "", the document or address, line)."""
    for line, number in directive.body:
        entry = line.strip()
        if not entry or entry == ".." or entry.startswith(".. "):  # an rST comment
            continue
        titled = _TITLED_ENTRY.fullmatch(entry)
        yield (titled[1], titled[2], number) if titled else ("", entry, number)


def glossary_definitions(lines: list[str], tokens: list[Token]) -> Iterator[tuple[str, int]]:
    """Each paragraph of a `{glossary}`'s definitions, the indented lines under a term:
    (its lines, joined by newlines; its first line). The terms stay as written: Sphinx
    makes their ids and `{term}` references of them."""
    for token in tokens:
        found = DIRECTIVE.fullmatch(token.info.strip()) if token.type == "fence" else None
        if not token.map or found is None or found[1] != "glossary":
            continue
        paragraph: list[str] = []
        for number in range(token.map[0] + 1, min(token.map[1], len(lines)) + 1):
            line = lines[number] if number < min(token.map[1], len(lines)) else ""
            if line[:1] in {" ", "\t"} and line.strip() and not OPTION.match(line.strip()):
                paragraph.append(line.strip())
                continue
            if paragraph:  # a blank line, a term or the fence's end closes a paragraph
                yield "\n".join(paragraph), number + 1 - len(paragraph)
            paragraph = []
