"""Find the shell examples of a Markdown page and run them in a copy of the sample project.

A fenced block with the info string `sh` is a list of commands; tests/docs/README.md has
the conventions. The runner is here so that tests/docs/test_examples.py can run the
docs, and a test of its own can run a page made up to fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[2]
# What a project copy holds: the sample project and the pages themselves.
COPIED = ("source", "locales", "pyproject.toml", "docs", "README.md")
DIRECTIVE = re.compile(r"^\s*<!--\s*example:\s*(.*?)\s*-->\s*$")
EXIT = re.compile(r"exit (\d+)")
SKIP = re.compile(r"skip \((.+)\)")
TIMEOUT = 900  # seconds per block: `pipeline build` exports every PDF


class ExampleError(Exception):
    """A page whose examples cannot be read: a directive the harness does not know."""


@dataclass(frozen=True, slots=True)
class Command:
    line: int  # 1-based, in the page
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """A `sh` block: its commands, the exit code its last command must give, or a skip."""

    line: int  # the fence's line, 1-based
    commands: tuple[Command, ...]
    exit_code: int = 0
    skip: str = ""  # the reason it is not run


def blocks(text: str, shown: str) -> list[Block]:
    """The `sh` blocks of a page, with their directives; `shown` names the page in errors."""
    lines = text.split("\n")
    found = []
    fences = set()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "fence" or token.info.split()[:1] != ["sh"] or token.map is None:
            continue
        start = token.map[0]
        fences.add(start)
        directive = DIRECTIVE.match(lines[start - 1]) if start > 0 else None
        exit_code, skip = (
            _directive(directive.group(1), f"{shown}:{start}") if directive else (0, "")
        )
        found.append(Block(start + 1, tuple(_commands(token.content, start + 2)), exit_code, skip))
    for number, line in enumerate(lines):
        if DIRECTIVE.match(line) and number + 1 not in fences:
            raise ExampleError(
                f"{shown}:{number + 1}: an example directive must stand on the line right before a ```sh block"
            )
    return found


def _directive(value: str, where: str) -> tuple[int, str]:
    if found := EXIT.fullmatch(value):
        return int(found.group(1)), ""
    if found := SKIP.fullmatch(value):
        return 0, found.group(1)
    raise ExampleError(
        f"{where}: unknown example directive {value!r}: use 'exit N' or 'skip (reason)'"
    )


def _commands(content: str, first_line: int) -> list[Command]:
    """The commands of a block: a trailing backslash continues a line; blank lines and
    `#` comments are skipped."""
    commands: list[Command] = []
    pending: list[str] = []
    start = first_line
    for number, line in enumerate(content.split("\n"), first_line):
        if not pending:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            start = number
        if line.endswith("\\"):
            pending.append(line[:-1])
            continue
        commands.append(Command(start, " ".join([*pending, line]).strip()))
        pending = []
    if pending:
        commands.append(Command(start, " ".join(pending).strip()))
    return commands


def copy_project(target: Path) -> Path:
    """A fresh copy of the sample project (and the docs), with the virtualenv linked."""
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(".pipeline-cache"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def environment() -> dict[str, str]:
    """The examples' environment: .venv/bin first on PATH, and CI=true."""
    env = dict(os.environ)
    env["PATH"] = f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["CI"] = "true"
    env.pop("VIRTUAL_ENV", None)
    return env


def run_block(block: Block, project: Path, shown: str) -> str | None:
    """Run a block's commands in order, from the project's root, in one bash; return what
    went wrong (the page, line, command, exit code and output), or None."""
    marker = "__example_exit__"
    script = []
    for index, command in enumerate(block.commands):
        expected = block.exit_code if index == len(block.commands) - 1 else 0
        script += [
            command.text,
            f'__rc=$?; if [ "$__rc" -ne {expected} ]; then '
            f'echo "{marker} {index} $__rc" >&2; exit 99; fi',
        ]
    try:
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-c", "\n".join(script)],
            cwd=project,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"{shown}:{block.line}: the block ran longer than {TIMEOUT} s"
    failed = re.search(rf"^{marker} (\d+) (\d+)$", result.stderr, flags=re.MULTILINE)
    if failed is None:
        if result.returncode == 0:
            return None
        return f"{shown}:{block.line}: the block stopped with exit code {result.returncode}\n{_tail(result)}"
    command = block.commands[int(failed.group(1))]
    expected = block.exit_code if command == block.commands[-1] else 0
    return (
        f"{shown}:{command.line}: `{command.text}` exited {failed.group(2)}, expected {expected}"
        f" (block at line {block.line})\n{_tail(result)}"
    )


def _tail(result: subprocess.CompletedProcess[str], lines: int = 30) -> str:
    output = (result.stdout + result.stderr).rstrip().split("\n")
    kept = [line for line in output if not line.startswith("__example_exit__")]
    return "\n".join(kept[-lines:])


def run_page(page: Path, project: Path, shown: str) -> tuple[list[str], list[str]]:
    """Run every block of a page in order in `project`: (what went wrong, what was skipped).

    The page stops at its first failing block: later blocks may build on it."""
    skipped = []
    for block in blocks(page.read_text(encoding="utf-8"), shown):
        if block.skip:
            skipped.append(f"{shown}:{block.line}: {block.skip}")
            continue
        if not block.commands:
            continue
        problem = run_block(block, project, shown)
        if problem:
            return [problem], skipped
    return [], skipped
