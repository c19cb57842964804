"""What a MyST directive shows readers beyond its body: the options they read (an image's
`:alt:`, a `:caption:`) and a glossary's definitions. A directive kept as code (an
`{image}`, a `{toctree}`, a `{glossary}`) is one fence token; these are found in the
file's lines under it, where translated Markdown swaps them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from pipeline.source.syntax import DIRECTIVE, OPTION

_PROSE_OPTION = re.compile(r"[ \t]*:(alt|caption):[ \t]+(\S.*)")
_PROSE_KEY = re.compile(r"[ \t]*(alt|caption):[ \t]+(\S.*)")  # in a `---` block


def directive_options(lines: list[str], tokens: list[Token]) -> Iterator[tuple[str, str, int]]:
    """A MyST directive's options that readers see: an image's `:alt:`, a `:caption:`
    (a toctree's, a code block's): (option, text, line). `lines` are the file's."""
    for token in tokens:
        directive = token.type == "fence" and DIRECTIVE.fullmatch(token.info.strip())
        if not token.map or not (directive or token.type == "admonition_open"):
            continue
        first = token.map[0] + 1
        block = first < len(lines) and lines[first].strip() == "---"  # options as YAML
        for number in range(first + block, min(token.map[1], len(lines))):
            line = lines[number].rstrip()
            if line.strip() == "---" if block else not OPTION.match(line.strip()):
                break
            if found := (_PROSE_KEY if block else _PROSE_OPTION).fullmatch(line):
                value = found[2]
                quoted = len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]
                yield found[1], value[1:-1] if quoted else value, number + 1


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
