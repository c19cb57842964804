"""The app: routes, the guard in front of them, and errors that are never a traceback."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.project.config import Config
from pipeline.web import api, pages
from pipeline.web.engine import Engine
from pipeline.web.guard import Guard

log = logging.getLogger(__name__)


def create_app(config: Config, host: str = "127.0.0.1") -> Starlette:
    """The web app for the project `config`, answering to `host` (the address it is bound
    to) only: a Host header naming anything else is refused."""
    app = Starlette(
        routes=[
            Route("/", pages.documents),
            Route("/documents/{name:path}", pages.document),
            Route("/check", pages.check_page, methods=["GET", "POST"]),
            Route("/api/check", api.check, methods=["POST"]),
            Route("/api/readability", api.readability, methods=["POST"]),
            Mount("/static", StaticFiles(packages=[("pipeline.web", "static")]), name="static"),
        ],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.state.engine = Engine(config)
    app.add_middleware(Guard, bound=host)
    return app


async def _http_error(request: Request, error: Exception) -> Response:
    """404 and 405 as JSON under /api/, as a page elsewhere."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    if request.url.path.startswith("/api/"):
        hint = "POST JSON to /api/check or /api/readability"
        return api.error_response(status, str(getattr(error, "detail", "error")).lower(), hint)
    if status == 404:
        return pages.not_found(request)
    return Response(str(getattr(error, "detail", "")), status_code=status)


async def _server_error(request: Request, error: Exception) -> Response:
    """A bug of ours: logged here with its traceback, one line to the client."""
    log.exception("error answering %s %s", request.method, request.url.path)
    return api.error_response(
        500, "internal error: the server logged it", "please report it with the text you sent"
    )
