"""The generated references are up to date and cover every rule and configuration key."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path

import pytest

from pipeline.checks.registry import all_rules
from pipeline.project.schema import SECTIONS

from .generate import COMMAND, EXAMPLES, PAGES, ROOT, generate

GENERATED = generate()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_committed_page_is_what_the_code_generates(page: str) -> None:
    path = ROOT / page
    assert path.exists(), f"{page} is missing: run `{COMMAND}` and commit it"
    committed = path.read_text(encoding="utf-8")
    if committed != GENERATED[page]:
        diff = difflib.unified_diff(
            committed.split("\n"),
            GENERATED[page].split("\n"),
            "committed",
            "generated",
            n=1,
            lineterm="",
        )
        shown = "\n".join(list(diff)[:30])
        pytest.fail(f"{page} is out of date: run `{COMMAND}` and commit it\n{shown}", pytrace=False)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_says_it_is_generated_and_how(page: str) -> None:
    first = GENERATED[page].split("\n", 1)[0]
    assert "Generated" in first
    assert COMMAND in first


def _headings(text: str) -> set[str]:
    return {
        line.lstrip("#").strip().strip("`") for line in text.split("\n") if line.startswith("#")
    }


def test_every_rule_has_a_section_with_an_example_and_how_to_silence_it() -> None:
    page = GENERATED["docs/reference/rules.md"]
    sections = re.split(r"^### ", page, flags=re.MULTILINE)[1:]
    by_id = {section.split("\n", 1)[0].strip("`"): section for section in sections}
    assert set(by_id) == {found.id for found in all_rules()}
    for rule_id, section in by_id.items():
        assert "Reported:" in section, f"{rule_id}: no failing example in {EXAMPLES.name}"
        assert "Not reported:" in section, f"{rule_id}: no passing example in {EXAMPLES.name}"
        assert f"<!-- pipeline: ignore {rule_id} -->" in section
        assert f"# pipeline: ignore {rule_id}`" in section
        assert f'"{rule_id}" = "off"' in section


def test_every_rule_has_examples() -> None:
    examples = tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))
    missing = [r.id for r in all_rules() if not examples.get(r.id, {}).get("fail")]
    assert not missing, f"add failing examples to {EXAMPLES}: {missing}"


def test_every_rule_option_is_documented_with_its_default() -> None:
    page = GENERATED["docs/reference/rules.md"]
    options = [r for r in all_rules() if r.options is not None]
    assert options  # readability/long-sentence has max-words
    assert "| `max-words` | int | `25` |" in page


def test_every_configuration_key_is_in_the_reference() -> None:
    page = GENERATED["docs/reference/configuration.md"]
    headings = _headings(page)
    for section, keys in SECTIONS.items():
        assert f"[{section}]" in headings
        body = page.split(f"## [{section}]", 1)[1].split("\n## ", 1)[0]
        for key in keys:
            assert f"| `{key.name}` |" in body, f"{section} {key.name} is not in the reference"


def test_every_command_is_in_the_reference() -> None:
    from pipeline.cli.commands import main

    headings = _headings(GENERATED["docs/reference/commands.md"])
    assert {f"pipeline {name}" for name in main.commands} | {"pipeline"} <= headings


def test_commands_reference_is_as_wide_as_a_terminal_of_88() -> None:
    page = GENERATED["docs/reference/commands.md"]
    blocks = re.findall(r"```text\n(.*?)```", page, flags=re.DOTALL)
    assert blocks
    assert max(len(line) for block in blocks for line in block.split("\n")) <= 88


def test_generator_writes_every_page_it_promises(tmp_path: Path) -> None:
    from .generate import write

    for page, text in GENERATED.items():
        write(tmp_path / page, text)
        assert (tmp_path / page).read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        Path(page).name for page in PAGES
    )
