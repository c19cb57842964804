"""Files changed since a git ref, for `pipeline check --changed-since REF`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pipeline.project.errors import PipelineError


def changed_files(root: Path, ref: str) -> tuple[set[Path], set[Path]]:
    """Files changed since `ref` (committed, staged, unstaged or new), as absolute paths,
    and the files deleted since: since the commit this branch left `ref` at, as a pull
    request shows them; a change `ref` got since is not this branch's. Without a common
    commit (a shallow clone), since `ref` itself."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise PipelineError(
            f"--changed-since {ref}: the project folder is not in a git repository",
            hint="check the whole project without --changed-since, or run it in a git clone",
        )
    if _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise PipelineError(
            f"--changed-since {ref}: git knows no commit, branch or tag '{ref}' here",
            hint=_unknown_ref_hint(root),
        )
    fork = _git(root, "merge-base", ref, "HEAD")
    since = fork.stdout.strip() if fork.returncode == 0 and fork.stdout.strip() else ref
    changed: set[Path] = set()
    gone: set[Path] = set()
    for command in (
        ("diff", "--name-only", "--no-renames", since, "--"),
        ("ls-files", "--others", "--exclude-standard"),
    ):
        result = _git(root, *command)
        if result.returncode != 0:
            problem = (result.stderr.strip().splitlines() or ["git failed"])[-1]
            raise PipelineError(f"git: {problem}")
        for name in result.stdout.splitlines():
            path = Path(top.stdout.strip()) / name
            if path.exists():
                changed.add(path.resolve())
            else:
                gone.add(path)
    return changed, gone


def _unknown_ref_hint(root: Path) -> str:
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return "the repository has no commit yet: commit, then compare with that commit"
    return (
        "give one that `git log --oneline` or `git branch -a` lists; in a shallow CI "
        "clone, fetch it first: git fetch origin main"
    )


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *arguments], cwd=root, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise PipelineError("--changed-since needs git, which is not installed") from None
