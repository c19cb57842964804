"""The pages a MyST toctree entry lists, found as Sphinx finds them.

An entry names a document relative to the page's folder (`install`, `../intro`) or, with
`/`, to the docs' root: the source folder, or the page's locale folder in it
(`source/en/`), where document names start. With `:glob:`, an entry is a pattern:
`*` and `?` within a folder, `**` across, `[…]` and `[!…]` a set of characters.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection
from pathlib import Path

GLOB_SIGNS = re.compile(r"[*?\[]")


def listed_pages(
    entry: str,
    glob: bool,
    here: Path,
    root: Path,
    pages: Collection[Path],
    linked: Callable[[str], Path | None],
) -> list[Path]:
    """The project's pages (`pages`, resolved) an entry of the toctree on page `here`
    lists: with `glob`, every page its pattern matches but `here`, by name; else the one
    `linked` opens, if a page. `root` is the docs' root that `/` names."""
    base = root if entry.startswith("/") else here.parent
    if glob and GLOB_SIGNS.search(entry):
        wanted = glob_pattern(entry.lstrip("/"))
        found = []
        for path in pages:
            name = posixpath.relpath(path.with_suffix("").as_posix(), base.as_posix())
            if path != here and wanted is not None and wanted.fullmatch(name):
                found.append((name, path))
        return [path for _, path in sorted(found)]
    target = posixpath.relpath((base / entry.lstrip("/")).as_posix(), here.parent.as_posix())
    one = linked(target)
    return [one] if one is not None and one in pages else []


def glob_pattern(pattern: str) -> re.Pattern[str] | None:
    """A glob pattern as Sphinx's sphinx.util.matching reads it; None for one no page can
    match (`[z-a]`). A `[` that no `]` closes is itself."""
    expression, at = "", 0
    while at < len(pattern):
        sign, at = pattern[at], at + 1
        if sign == "*" and pattern[at : at + 1] == "*":
            expression, at = expression + ".*", at + 1
        elif sign == "*":
            expression += "[^/]*"
        elif sign == "?":
            expression += "[^/]"
        elif sign == "[":
            end = at + (pattern[at : at + 1] == "!")
            end += pattern[end : end + 1] == "]"
            end = pattern.find("]", end)
            if end < 0:
                expression += r"\["
                continue
            inside, at = pattern[at:end].replace("\\", "\\\\"), end + 1
            if inside.startswith("!"):
                inside = "^/" + inside[1:]
            elif inside.startswith("^"):
                inside = "\\" + inside
            expression += f"[{inside}]"
        else:
            expression += re.escape(sign)
    try:
        return re.compile(expression)
    except re.error:
        return None
