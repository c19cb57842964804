"""Front matter: YAML between `---` lines, or TOML between `+++` lines (Hugo's).

Both are read into a mapping with the line of each top-level key, and both give the
places of their top-level string values, so that translated Markdown can swap `title`
and `description` in place and keep every other byte.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import yaml
from markdown_it.rules_block import StateBlock

from pipeline.project.errors import PipelineError

# libyaml's loader when PyYAML was built with it: the pure-Python one costs a quarter of
# extract's time on a large project.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TOML = "+++"


def opening_marker(text: str) -> str | None:
    """The marker of the front matter `text` opens with: `---` (YAML) or a line `+++`
    (TOML: "+++ Breaking news +++" is text), else None."""
    if text.split("\n", 1)[0].rstrip() == TOML:
        return TOML
    return "---" if text.startswith("---") else None


def parsed(content: str, markup: str, shown: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter's mapping, and the 1-based file line of each top-level key."""
    if markup == TOML:
        return _toml(content, shown), {key: line for key, line, *_ in _toml_values(content)}
    data = _yaml(content, shown)
    node = yaml.compose(content, Loader=_YAML_LOADER)
    if not isinstance(node, yaml.MappingNode):
        return data, {}
    return data, {str(key.value): 2 + int(value.start_mark.line) for key, value in node.value}


def _yaml(content: str, shown: str) -> dict[str, Any]:
    try:
        data = yaml.load(content, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        start = getattr(error, "context_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        since = f" (in what starts on line {2 + start.line})" if start is not None else ""
        raise PipelineError(
            f"front matter is not valid YAML: {problem}{since}",
            shown,
            line,
            hint="check quotes and colons: a value with a colon or a quote needs quotes around it",
        ) from None
    if not isinstance(data, dict):
        raise PipelineError(
            "front matter must be a mapping of keys to values", shown, 2, hint="e.g. 'lang: da'"
        )
    return data


def _toml(content: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+)", str(error))
        problem = str(error).split(" (at ")[0]
        raise PipelineError(
            f"front matter is not valid TOML: {problem}",
            shown,
            1 + int(found[1]) if found else 1,
            hint='a text value needs quotes: title = "Genterapi"',
        ) from None


def string_values(source: str) -> Iterator[tuple[str, int, int, str]]:
    """(key, start, end, value) of each top-level value of the front matter that opens
    `source`, its span without the line end (a YAML block scalar's `>-` included)."""
    opening = opening_marker(source)
    if opening is None:
        return
    toml, marker = opening == TOML, re.escape(opening)
    offset = len(source.split("\n", 1)[0]) + 1  # the front matter starts after its marker
    closing = re.search(rf"^{marker}[ \t]*$", source[offset:], re.MULTILINE)
    if closing is None:
        return
    content = source[offset : offset + closing.start()]
    if toml:
        for key, _, start, end, value in _toml_values(content):
            yield key, offset + start, offset + end, value
        return
    node = yaml.compose(content)
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if isinstance(value, yaml.ScalarNode) and isinstance(value.value, str):
            start, end = offset + value.start_mark.index, offset + value.end_mark.index
            if source[start] not in "&*":  # an anchor or an alias (`title: &t X`) stays
                yield key.value, start, start + len(source[start:end].rstrip()), value.value


def _toml_values(content: str) -> Iterator[tuple[str, int, int, int, str]]:
    """(key, line, start, end, value) of each top-level one-line string of TOML `content`;
    a table (`[params]`) ends the top level."""
    for found in _TOML_STRING.finditer(content):
        if "\n[" in "\n" + content[: found.start()]:
            return
        value = tomllib.loads(f"v = {found['value']}")["v"]
        line = 2 + content.count("\n", 0, found.start())
        yield found["key"], line, found.start("value"), found.end("value"), value


_TOML_STRING = re.compile(
    r"""^[ \t]*(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*"""
    r"""(?P<value>"{3}[\s\S]*?"{3}(?!")|'{3}[\s\S]*?'{3}(?!')|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')""",
    re.MULTILINE,
)


def toml_front_matter(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Hugo's TOML front matter, between `+++` lines at the top: no text of the page."""
    if start != 0 or not _is_marker(state, 0):
        return False
    closing = next((line for line in range(1, end) if _is_marker(state, line)), None)
    if closing is None:
        return False
    if not silent:
        token = state.push("front_matter", "", 0)
        token.hidden, token.block, token.markup = True, True, TOML
        token.content = (
            state.src[state.bMarks[1] : state.eMarks[closing - 1]] if closing > 1 else ""
        )
        token.map = [0, closing + 1]
        state.line = closing + 1
    return True


def _is_marker(state: StateBlock, line: int) -> bool:
    return state.src[state.bMarks[line] : state.eMarks[line]].rstrip() == TOML
