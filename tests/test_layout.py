"""The package's layout stays as docs/architecture.md maps it: rooms that say what they hold, short modules."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "pipeline"
CODE_MAP = Path(__file__).parent.parent / "docs" / "architecture.md"
ROOMS = sorted(p.parent for p in PACKAGE.glob("*/__init__.py"))
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 420  # "about 400": a module past it is two concepts waiting to be told apart


@pytest.mark.parametrize("room", ROOMS, ids=lambda p: p.name)
def test_each_room_says_in_one_line_what_it_holds(room: Path) -> None:
    docstring = ast.get_docstring(ast.parse((room / "__init__.py").read_text())) or ""
    assert docstring
    assert "\n" not in docstring.strip()


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_longer_than_about_400_lines(module: Path) -> None:
    assert len(module.read_text().splitlines()) <= MAX_LINES


def test_the_code_map_names_every_room_and_module() -> None:
    text = CODE_MAP.read_text()
    code_map = text[text.index("## Map of the code") :]
    code_map = code_map[: code_map.index("\n## ", 1)]
    named = set(re.findall(r"`([a-z_]+/(?:[a-z0-9_]+\.py)?)`", code_map))
    for module in MODULES:
        relative = module.relative_to(PACKAGE)
        if len(relative.parts) == 1 or relative.name == "__init__.py":
            continue
        assert f"{relative.parts[0]}/" in named, f"room {relative.parts[0]}/ is not in the map"
        assert f"{relative.parts[0]}/{relative.name}" in named, f"{relative} is not in the map"
