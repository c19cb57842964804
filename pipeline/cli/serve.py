"""The `serve` command: the local web app for editors, on uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from pipeline.cli.options import project_options, resolve_config
from pipeline.project import memo
from pipeline.project.errors import PipelineError


@click.command()
@project_options
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but a loopback address lets other machines in.",
)
@click.option(
    "--port", default=8750, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
def serve(config_file: Path | None, host: str, port: int, **overrides: Any) -> None:
    """Serve the local web app for editors: pages and a JSON API.

    Pages: the project's documents per language with their LIX band and open
    findings; each document with its sentences marked by difficulty, the hardest
    sentences, glossary findings and its translation side by side; and "check my
    text", where LIX, Flesch, hard sentences and term findings follow your typing.

    The JSON API takes {"text": "...", "lang": "da"} (and an optional project
    "path"): POST /api/check and POST /api/readability answer with the JSON that
    `pipeline check - --format json` and `pipeline readability - --format json`
    print for that text.

    It reads what is saved and writes nothing to the project. It listens on the
    loopback address only unless --host says otherwise, refuses requests for any
    other host name (DNS rebinding), sends no CORS headers and limits the size of
    requests. Stop it with Ctrl+C.

    \b
    Example:
      pipeline serve                  # then open http://127.0.0.1:8750/
      pipeline serve --port 9000
    """
    import uvicorn

    from pipeline.web.app import create_app
    from pipeline.web.guard import is_loopback

    config = resolve_config(config_file, **overrides)
    if not is_loopback(host):
        click.secho(
            f"WARNING: listening on {host}: anyone who can reach this machine can read the "
            "project's documents through this server. Use the default 127.0.0.1 unless you "
            "mean to share them.",
            err=True,
            fg="red",
            bold=True,
        )
    _check_free(host, port)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"pipeline serve: http://{shown}:{port}/  (Ctrl+C to stop)")
    try:
        uvicorn.run(create_app(config, host), host=host, port=port, log_level="warning")
    finally:
        # The server reads the cache but never writes the project: drop the folder so the
        # command group's save at exit writes nothing.
        memo.use_folder(None)


def _check_free(host: str, port: int) -> None:
    """Say so in one line before printing an address nobody answers on."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PipelineError(
                f"cannot listen on {host}:{port}: {error.strerror}",
                hint=f"another program uses it: pass another port, e.g. --port {port + 1}",
            ) from None
