"""Who may drive the local server: its own Host and Origin only, JSON for the API, bounded bodies.

`pgdojo serve` listens on 127.0.0.1, and every web page the user visits can send requests there:
"simple" cross-origin POSTs (no body, or text/plain, form or multipart bodies) go out without a
CORS preflight, and DNS rebinding (an attacker's name re-pointed at 127.0.0.1) makes the
attacker's page same-origin with the server, so it can read the API and open websockets.
`LocalOnlyGuard`, a pure ASGI middleware in front of everything (API, NiceGUI pages, NiceGUI's
socket.io endpoint), applies these rules to every HTTP request and websocket handshake:

1. Host. The Host header must be one the server answers (`allowed_hosts`): localhost,
   127.0.0.1, [::1] and the bound address, each with the bound port (bare as well when the port
   is 80), and names added with `--allow-host`. DNS rebinding cannot change the Host a browser
   sends (the attacker's name), so it ends here: 421 for HTTP, a refused websocket handshake.

2. Origin. A request whose Origin header is present must come from one of the server's own
   origins: http or https (a TLS proxy in front) with a host[:port] of rule 1; `Origin: null`
   (sandboxed frames, file:// pages) is foreign. This holds for every method and for websocket
   handshakes (browsers send Origin on every websocket handshake, every cross-origin fetch and
   every POST); a same-origin GET carries no Origin, so no page of ours is refused. 403.

   Without Origin, a state-changing request (POST, PUT, PATCH, DELETE) is refused when the
   browser's `Sec-Fetch-Site` says cross-site or same-site (a page on another port of localhost
   is same-site yet another origin), or when its Referer is present and foreign. Otherwise it
   is allowed: every browser in use sends Origin on a cross-origin POST and on a websocket
   handshake, so a request with neither Origin nor Sec-Fetch-Site comes from a program (curl,
   scripts, the tests), and a program on this machine can reach the server anyway.

3. JSON for the API. A request to /api/ that has a body (a Content-Length over 0, or a
   Transfer-Encoding) must be `Content-Type: application/json`, else 415. A page can send a
   text/plain, form or multipart body cross-origin without a preflight, and FastAPI versions in
   the pinned range (before strict_content_type) parse a body without Content-Type as JSON.
   `application/json` from another origin needs a preflight, which this server never grants.
   A POST with no body (start, check, stop a lab) is a simple request no Content-Type rule can
   stop; rule 2 does: a browser always sends Origin on a cross-origin POST, so a cross-origin
   simple POST without Origin cannot come from a browser.

4. Body size. A body is counted as it streams in (in receive(), before the application buffers
   it): a Content-Length over the limit is answered 413 before anything is read, and a chunked
   body 413 as soon as the count passes the limit, one chunk over it at most. The limit is
   MAX_BODY_BYTES on every path but two NiceGUI ones: socket.io long-polling posts get
   engine.io's own message cap (SOCKET_MAX_BODY_BYTES), and ui.upload endpoints (pgdojo's pages
   have none today) get UPLOAD_MAX_BODY_BYTES.

Refusals are the API's one JSON error shape on /api paths, a small HTML page elsewhere, and
a websocket close before accept (the server answers the handshake 403).
"""

from __future__ import annotations

import html
import ipaddress
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pgdojo.api.errors import error_response

log = logging.getLogger("pgdojo.api.security")

MAX_BODY_BYTES = 256 * 1024
SOCKET_MAX_BODY_BYTES = 1_000_000  # engine.io's max_http_buffer_size: it refuses more itself
UPLOAD_MAX_BODY_BYTES = 10 * 1024 * 1024
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
API_PREFIX = "/api/"
SOCKET_PREFIX = "/_nicegui_ws/"
UPLOAD_PATH = re.compile(r"^/_nicegui/client/[^/]+/upload/[^/]+$")


def allowed_hosts(bind_host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host header values a server bound to `bind_host:port` answers.

    `extra` names (from `--allow-host`) are answered with the port, and bare (a proxy on 80 or
    443 in front); a name given with a port is taken as it is."""
    names = [*LOOPBACK_NAMES, _bracketed(bind_host)]
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts.update(names)  # browsers leave the default port out of Host and Origin
    for name in extra:
        name = _bracketed(name.strip())
        hosts.update({name} if _has_port(name) else {name, f"{name}:{port}"})
    return frozenset(h.lower() for h in hosts if h)


def own_origins(hosts: Iterable[str]) -> frozenset[str]:
    """The origins (scheme://host[:port]) of a server that answers `hosts`."""
    return frozenset(f"{scheme}://{host}" for scheme in ("http", "https") for host in hosts)


def socketio_allowed_origins(
    hosts: frozenset[str] | None,
) -> list[str] | Callable[[str, dict[str, Any]], bool]:
    """python-socketio's `cors_allowed_origins` for the same rule as the guard's.

    Without known hosts (an app served in process), an Origin must match the request's Host:
    engine.io's own same-origin default compares it with a scheme it is not given under ASGI."""
    if hosts is not None:
        return sorted(own_origins(hosts))

    def same_host(origin: str, environ: dict[str, Any]) -> bool:
        return origin.lower() in own_origins({str(environ.get("HTTP_HOST", "")).lower()})

    return same_host


@dataclass(frozen=True)
class Refusal:
    """Why a request is not served, in the API's error terms."""

    status: int
    code: str
    message: str


class LocalOnlyGuard:
    """The rules of this module's docstring, in front of an ASGI application.

    `hosts` None serves any Host (an app used in process, never bound to a port); Origin must
    then match the request's own Host. `run_server` always passes the hosts."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.hosts = None if hosts is None else frozenset(h.lower() for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            log.warning(
                "refused %s %s (Host %r, Origin %r): %s",
                scope.get("method", "WEBSOCKET"),
                scope["path"],
                headers.get("host"),
                headers.get("origin"),
                refusal.message,
            )
            await refuse(scope, receive, send, refusal)
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        await BoundedBody(self.app, body_limit(scope["path"]))(scope, receive, send)

    def _refusal(self, scope: Scope, headers: Headers) -> Refusal | None:
        # One Host header, exactly: with two, parts of a stack may read different ones.
        host = ",".join(headers.getlist("host")).lower()
        hosts = self.hosts if self.hosts is not None else frozenset({host})
        if host not in hosts:
            return Refusal(421, "wrong_host", f"this server does not answer for Host {host!r}")
        origins = own_origins(hosts)
        sent_origins = headers.getlist("origin")
        if sent_origins:
            if any(origin.lower() not in origins for origin in sent_origins):
                return Refusal(403, "foreign_origin", "requests from other sites are refused")
        elif scope["type"] == "websocket" or scope["method"] in STATE_CHANGING:
            if headers.get("sec-fetch-site", "").lower() in ("cross-site", "same-site"):
                return Refusal(403, "foreign_origin", "requests from other sites are refused")
            referer = headers.get("referer")
            if referer and _origin_of(referer) not in origins:
                return Refusal(403, "foreign_origin", "requests from other sites are refused")
        if scope["type"] == "http" and scope["path"].startswith(API_PREFIX):
            return _api_body_refusal(headers)
        return None


class BoundedBody:
    """Count a request body as it streams in; 413 as soon as it passes `limit`."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        too_large = Refusal(413, "too_large", f"request body over {self.limit} bytes")
        length = Headers(scope=scope).get("content-length")
        if length is not None:
            if not length.isdigit():
                bad = Refusal(400, "bad_request", "Content-Length is not a number")
                await refuse(scope, receive, send, bad)
                return
            if int(length) > self.limit:
                await refuse(scope, receive, send, too_large)
                return
        received = 0
        overflowed = False
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received, overflowed
            if overflowed:
                raise _BodyTooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    overflowed = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if overflowed:
                return  # the application's answer to a cut-off body gives way to the 413
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            # FastAPI turns a failing body read into a 400 (dropped above); others re-raise it.
            if not overflowed:
                raise
        if overflowed and not response_started:
            await refuse(scope, receive, send, too_large)


def body_limit(path: str) -> int:
    """The most bytes a request body to `path` may have."""
    if path.startswith(SOCKET_PREFIX):
        return SOCKET_MAX_BODY_BYTES
    if UPLOAD_PATH.match(path):
        return UPLOAD_MAX_BODY_BYTES
    return MAX_BODY_BYTES


async def refuse(scope: Scope, receive: Receive, send: Send, refusal: Refusal) -> None:
    """Answer with the refusal: JSON under /api, an HTML page elsewhere, a closed websocket."""
    if scope["type"] == "websocket":
        # Closing before accept makes the server answer the handshake with 403.
        await send({"type": "websocket.close", "code": 1008, "reason": refusal.code})
        return
    response: Response
    if scope["path"].startswith(API_PREFIX):
        response = error_response(refusal.status, refusal.code, refusal.message)
    else:
        response = HTMLResponse(_error_page(refusal), refusal.status)
    response.headers["connection"] = "close"  # the rest of the body is never read
    await response(scope, receive, send)


class _BodyTooLarge(Exception):
    """Raised from receive() to stop whoever is reading an oversized body."""


def _api_body_refusal(headers: Headers) -> Refusal | None:
    length = headers.get("content-length", "0")
    has_body = "transfer-encoding" in headers or not length.isdigit() or int(length) > 0
    media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if has_body and media_type != "application/json":
        return Refusal(415, "unsupported_media_type", "send the body as application/json")
    return None


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}".lower()


def _bracketed(host: str) -> str:
    """An IPv6 address as it appears in a Host header: [::1]."""
    try:
        return f"[{ipaddress.IPv6Address(host)}]"
    except ValueError:
        return host


def _has_port(host: str) -> bool:
    return bool(re.search(r":\d+$", host))  # a bracketed IPv6 address ends in "]" without one


def _error_page(refusal: Refusal) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{refusal.status} · pgdojo</title></head>"
        "<body style='font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto'>"
        f"<h1>{refusal.status}</h1><p>{html.escape(refusal.message)}</p>"
        "<p>pgdojo answers only pages it serves itself, at the address it listens on.</p>"
        "</body></html>"
    )
