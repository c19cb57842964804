"""The JSON API: POST /api/check and /api/readability answer as the CLI prints for the text.

A request is `{"text": "...", "lang": "da"}`, with an optional project-relative `"path"`
(for the rules that need a place: links, the document's catalogs) and, for readability,
`"top"` (the CLI's --top). Every bad request is a 4xx with `{"error": ..., "hint": ...}`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pipeline.project.config import Config, check_language
from pipeline.project.errors import PipelineError, did_you_mean
from pipeline.web.engine import Engine
from pipeline.web.guard import MAX_BODY, TooLarge, read_limited

KEYS = ("text", "lang", "path", "top")
DEFAULT_TOP = 3  # as the CLI's --top
MAX_TOP = 100


class BadRequest(Exception):
    """A request we refuse, with the status and the words to say why."""

    def __init__(self, status: int, error: str, hint: str | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.hint = status, error, hint


def error_response(status: int, error: str, hint: str | None = None) -> JSONResponse:
    """The one shape of every error the API gives."""
    return JSONResponse({"error": error, "hint": hint}, status_code=status)


@dataclass(frozen=True, slots=True)
class TextRequest:
    """A request's text, as `pipeline check PATH|- --lang LANG` would read it."""

    text: str
    lang: str | None
    path: Path | None
    top: int = DEFAULT_TOP


def engine_of(request: Request) -> Engine:
    """The app's engine (one per app, set by create_app)."""
    engine: Engine = request.app.state.engine
    return engine


async def check(request: Request) -> Response:
    """POST /api/check: the JSON of `pipeline check - --lang LANG --format json`."""
    return await _answer(request, "check")


async def readability(request: Request) -> Response:
    """POST /api/readability: the JSON of `pipeline readability - --lang LANG --format json`."""
    return await _answer(request, "readability")


async def _answer(request: Request, what: str) -> Response:
    engine = engine_of(request)
    try:
        asked = parse(await _body(request), engine.config)
        notes: list[str] = []
        if what == "check":
            answer, notes = await run_in_threadpool(
                engine.check, asked.text, asked.lang, asked.path
            )
        else:
            answer = await run_in_threadpool(
                engine.readability, asked.text, asked.lang, asked.path, asked.top
            )
    except BadRequest as bad:
        return error_response(bad.status, bad.error, bad.hint)
    except PipelineError as error:  # the text itself: no language, bad front matter, …
        shown = str(PipelineError(error.message, error.path, error.line))
        hint = error.hint
        if hint and "--lang" in hint:  # the command line's advice, said the API's way
            hint = 'send "lang", e.g. "lang": "da", or give the text front matter with lang: da'
        return error_response(422, shown, hint)
    # What the run left out, as the CLI says it on stderr: JSON in ASCII, as headers are.
    headers = {NOTES_HEADER: json.dumps(notes)} if notes else {}
    return Response(answer, media_type="application/json", headers=headers)


NOTES_HEADER = "X-Pipeline-Not-Checked"


async def _body(request: Request) -> bytes:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        # Requiring JSON also makes a browser ask first (CORS preflight) before another
        # site's page can post to us, and we never say yes.
        raise BadRequest(
            415, "the request body must be JSON", "send Content-Type: application/json"
        )
    try:
        return await read_limited(request)
    except TooLarge:
        raise BadRequest(
            413,
            f"the request body is larger than {MAX_BODY // 1024} KiB",
            "send one document at a time",
        ) from None


def parse(body: bytes, config: Config) -> TextRequest:
    """The request's fields, each checked; a BadRequest names the first that is wrong."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest(400, f"the body is not valid JSON: {error}", _EXAMPLE) from None
    if not isinstance(data, dict):
        raise BadRequest(400, "the body must be a JSON object", _EXAMPLE)
    for key in data:
        if key not in KEYS:
            hint = did_you_mean(key, KEYS, f"known keys: {', '.join(KEYS)}")
            raise BadRequest(400, f"unknown key '{key}'", hint)
    return TextRequest(
        _text(data.get("text")),
        _lang(data.get("lang"), config),
        _path(data.get("path"), config),
        _top(data.get("top", DEFAULT_TOP)),
    )


_EXAMPLE = 'e.g. {"text": "Genterapi er en behandling.", "lang": "da"}'


def _text(value: Any) -> str:
    if value is None:
        raise BadRequest(400, "'text' is missing", _EXAMPLE)
    if not isinstance(value, str):
        raise BadRequest(400, f"'text' must be a string, not {type(value).__name__}", _EXAMPLE)
    if not value.strip():
        raise BadRequest(400, "'text' is empty: there is nothing to check")
    if lone := _LONE_SURROGATE.search(value):  # JSON's "\ud800" alone is no character
        at = f"U+{ord(lone.group()):04X} at character {lone.start()}"
        raise BadRequest(422, f"'text' is not valid Unicode: a lone surrogate, {at}")
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _lang(value: Any, config: Config) -> str | None:
    """A language code of the project; None leaves it to the text's front matter."""
    if value is None:
        return None
    known = ", ".join(config.locales)
    try:
        code = check_language(value, "lang")
    except PipelineError as error:
        raise BadRequest(400, error.message, f"the project's languages: {known}") from None
    if code not in config.locales:
        raise BadRequest(
            400, f"'{code}' is not one of the project's languages", f"use one of: {known}"
        )
    return code


def _path(value: Any, config: Config) -> Path | None:
    """A path relative to the project, inside it once links are followed; never outside."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(400, "'path' must be a project-relative path such as source/da/x.md")
    root = config.root.resolve()
    given = Path(value)
    resolved = (root / given).resolve()
    if given.is_absolute() or "\x00" in value or not resolved.is_relative_to(root):
        raise BadRequest(
            400,
            f"'path' must lie inside the project: {value}",
            "give it relative to the project's folder, e.g. source/da/genterapi.md",
        )
    return root / given


def _top(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_TOP:
        raise BadRequest(400, f"'top' must be a whole number from 0 to {MAX_TOP}")
    return value
