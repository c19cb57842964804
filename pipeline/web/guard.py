"""Safe by default: the Host check against DNS rebinding, strict headers, a body size limit.

A page on another site cannot read our answers (no CORS headers), but through DNS
rebinding its own name can come to point at 127.0.0.1; the browser then sends that name
as Host, which we refuse. The Content-Security-Policy lets a page load only our own
stylesheet and script, so text shown on a page never runs.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1024 * 1024  # bytes: a long document is a few hundred kilobytes of Markdown
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class TooLarge(Exception):
    """A request body over the limit."""


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or address to bind or to be named by) is this machine only."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def host_allowed(header: str, bound: str) -> bool:
    """Whether a request's Host header names us, not a name rebound to our address.

    Bound to loopback, only loopback names and addresses; bound elsewhere (the user
    asked for it), also the bound name and any address literal, which DNS cannot rebind.
    """
    name = _host_name(header)
    if not name:
        return False
    if is_loopback(bound):
        return is_loopback(name)
    return is_loopback(name) or _is_address(name) or name == bound.strip("[]").lower()


def _host_name(header: str) -> str:
    """The name in a Host header, without its port: "[::1]:8750" → "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: refuse a foreign Host, add the security headers to every answer."""

    def __init__(self, app: ASGIApp, bound: str) -> None:
        self.app = app
        self.bound = bound

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self.bound):
            await _refuse_host(host, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse_host(host: str, send: Send) -> None:
    body = json.dumps({
        "error": f"this server answers only to its own address, not to Host '{host}'",
        "hint": "open it as http://127.0.0.1:PORT/ (see pipeline serve --help)",
    }).encode()  # fmt: skip
    headers = [(b"content-type", b"application/json"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def read_limited(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request body, or TooLarge as soon as it passes `limit` (never read it all)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    return bytes(body)
