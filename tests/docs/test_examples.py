"""Every shell example in README.md and docs/ runs, in a fresh copy of the sample project.

One test per page (`-k getting-started`); the conventions are in tests/docs/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .examples import ROOT, Block, Command, ExampleError, blocks, copy_project, run_page

PAGES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]
    if "```sh" in path.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("page", PAGES)
def test_shell_examples_of_the_page_run(page: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    problems, _skipped = run_page(ROOT / page, project, page)
    assert not problems, "\n".join(problems)


FAKE = """# A page

Some text.

```sh
# a comment, then a command that works
pipeline rules term/deprecated
printf 'x' \\
  > made.txt
```

<!-- example: exit 1 -->
```sh
test -f made.txt
false
```

```console
$ this is output, not run
```

```sh
true
false
true
```
"""


def test_blocks_read_commands_continuations_and_directives() -> None:
    found = blocks(FAKE, "fake.md")
    assert found[0] == Block(
        5,
        (
            Command(7, "pipeline rules term/deprecated"),
            Command(8, "printf 'x'    > made.txt"),
        ),
    )
    assert found[1].exit_code == 1
    assert [command.line for command in found[1].commands] == [14, 15]
    assert len(found) == 3  # the console block is output, not commands


def test_failing_command_is_reported_with_page_and_line(tmp_path: Path) -> None:
    page = tmp_path / "fake.md"
    page.write_text(FAKE, encoding="utf-8")
    project = copy_project(tmp_path / "project")
    problems, skipped = run_page(page, project, "docs/fake.md")
    assert (project / "made.txt").read_text() == "x"  # blocks share one project, in order
    assert skipped == []
    assert len(problems) == 1
    assert problems[0].startswith(
        "docs/fake.md:24: `false` exited 1, expected 0 (block at line 22)"
    )


def test_block_with_the_wrong_exit_code_fails(tmp_path: Path) -> None:
    page = tmp_path / "fake.md"
    page.write_text("<!-- example: exit 1 -->\n```sh\npipeline rules\n```\n", encoding="utf-8")
    problems, _ = run_page(page, copy_project(tmp_path / "project"), "fake.md")
    assert problems[0].startswith("fake.md:3: `pipeline rules` exited 0, expected 1")
    assert "term/deprecated" in problems[0]  # the command's output shows


def test_skipped_block_is_not_run_and_needs_a_reason(tmp_path: Path) -> None:
    page = tmp_path / "fake.md"
    page.write_text("<!-- example: skip (needs apt-get) -->\n```sh\nfalse\n```\n", encoding="utf-8")
    problems, skipped = run_page(page, tmp_path, "fake.md")
    assert (problems, skipped) == ([], ["fake.md:2: needs apt-get"])
    with pytest.raises(ExampleError, match=r"fake\.md:1: unknown example directive 'skip'"):
        blocks("<!-- example: skip -->\n```sh\nfalse\n```\n", "fake.md")


def test_directive_away_from_a_block_is_an_error() -> None:
    with pytest.raises(ExampleError, match=r"fake\.md:1: an example directive must stand"):
        blocks("<!-- example: exit 1 -->\n\n```sh\nfalse\n```\n", "fake.md")
