"""How `pipeline lsp` ends: the protocol's exit codes, over real stdio."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_of_the_project


def _message(body: dict[str, object]) -> bytes:
    data = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


@pytest.mark.parametrize(("shut_down", "code"), [(True, 0), (False, 1)])
def test_exit_without_shutdown_ends_with_1(tmp_path: Path, shut_down: bool, code: int) -> None:
    root = copy_of_the_project(tmp_path / "project")
    said: list[dict[str, object]] = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        *([{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}] if shut_down else []),
        {"jsonrpc": "2.0", "method": "exit"},
    ]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "lsp"],
        input=b"".join(_message(body) for body in said),
        capture_output=True,
        cwd=root,
        timeout=120,
    )
    assert done.returncode == code, done.stderr.decode()
    assert b"Traceback" not in done.stderr
