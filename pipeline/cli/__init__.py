"""Command line: click commands, their options and help, exit codes and terminal output."""

from pipeline.cli.commands import main

__all__ = ["main"]
