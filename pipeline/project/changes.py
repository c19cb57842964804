"""Files changed since a git ref, for `pipeline check --changed-since REF`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pipeline.project.errors import PipelineError


def changed_files(root: Path, ref: str) -> set[Path]:
    """Files changed since `ref` (committed, staged, unstaged or new), as absolute paths."""
    commands = [
        ["git", "diff", "--name-only", "--no-renames", ref, "--"],
        ["git", "ls-files", "--others", "--exclude-standard"],
    ]
    top = _git(root, ["git", "rev-parse", "--show-toplevel"]).strip()
    changed: set[Path] = set()
    for command in commands:
        for name in _git(root, command).splitlines():
            path = Path(top) / name
            if path.exists():
                changed.add(path.resolve())
    return changed


def _git(root: Path, command: list[str]) -> str:
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise PipelineError("--changed-since needs git, which is not installed") from None
    if result.returncode != 0:
        problem = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise PipelineError(f"git: {problem}", hint="give a commit, branch or tag that exists")
    return result.stdout
