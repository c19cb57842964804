"""The `lsp` command: the language server for editors, over standard input and output."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The project's pyproject.toml (default: found from the editor's workspace folder, "
    "else from the current directory).",
)
@click.option(
    "--debounce",
    type=click.FloatRange(0, 5),
    default=0.15,
    show_default=True,
    help="Seconds of quiet after a keystroke before the text is checked again.",
)
def lsp(config_file: Path | None, debounce: float) -> None:
    """Run the language server: the checks, fixes and reading levels in your editor.

    Speaks the Language Server Protocol over standard input and output (it opens
    no port); an editor starts it and talks to it. Markdown sources and PO
    catalogs of the project get the findings `pipeline check` reports, with the
    same rule ids, severities and suppressions, for the text as you type it, not
    as saved; rules that need the whole project (links, consistency, the
    rendered page) see the saved project plus your open files. Files outside a
    project are checked as `pipeline check FILE` checks them.

    Code actions apply a finding's fix (the preferred term, the source's number,
    placeholder or end mark), add an unknown word to the word list, or insert
    the suppression comment. Hovering a glossary term shows its concept,
    definition and the term in the other language; hovering a sentence shows its
    LIX and why it is hard. Headings show their section's LIX (and Flesch, for
    English) as inlay hints. docs/editors.md has the set-up for VS Code, Neovim, Helix and Zed.

    Exit codes: 0 after the editor's shutdown and exit; 1 when the editor says
    exit without shutdown or goes away, so that it may restart the server.

    \b
    Example:
      pipeline lsp
      pipeline lsp --config ~/docs/pyproject.toml --debounce 0.3
    """
    from pipeline.lsp.server import serve_stdio

    sys.exit(serve_stdio(config_file, debounce))
