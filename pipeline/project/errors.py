"""The one user-facing error: a bad input named by file and line, exit code 2."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


class PipelineError(Exception):
    """An input or usage problem the user must fix; the CLI prints it on one line."""

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __reduce__(self) -> tuple[type[PipelineError], tuple[object, ...]]:
        # Raised in a worker process, it must arrive whole in the parent.
        return (PipelineError, (self.message, self.path, self.line, self.hint))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}error: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def did_you_mean(word: str, known: Iterable[str], otherwise: str | None = None) -> str | None:
    """A hint naming the known word closest to a misspelt one, else `otherwise`."""
    guesses = difflib.get_close_matches(word, sorted(known), n=1)
    return f"did you mean '{guesses[0]}'?" if guesses else otherwise


def unknown_name(
    kind: str, name: str, known: Iterable[str], where: str, origin: Path | str | None
) -> PipelineError:
    """The error for a key or name a settings table does not know, with a hint."""
    known = list(known)
    return PipelineError(
        f"unknown {kind} '{name}'{where} (known: {', '.join(known)})",
        origin,
        hint=did_you_mean(name, known),
    )


def check_locales(
    names: Iterable[str], what: str, locales: Iterable[str], origin: Path | str | None
) -> None:
    """A table keyed by locale may name only the project's locales."""
    for lang in names:
        if lang not in locales:
            raise PipelineError(f"{what} names '{lang}', which is not a project locale", origin)
