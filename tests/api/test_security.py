"""The local server answers only its own Host and Origin; API bodies are JSON and bounded.

In process (httpx ASGITransport) for the rules, the NiceGUI pages and socket.io polling; one
real `pgdojo serve` for websocket handshakes, which ASGITransport cannot make."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from pgdojo.api.security import (
    MAX_BODY_BYTES,
    LocalOnlyGuard,
    allowed_hosts,
    own_origins,
)
from pgdojo.api.server import create_app
from pgdojo.services import Services

pytestmark = pytest.mark.anyio

PORT = 8765
HOSTS = allowed_hosts("127.0.0.1", PORT)
BASE = f"http://127.0.0.1:{PORT}"
OWN = BASE
EVIL = "https://evil.example"
LAB = "/api/v1/labs/lock-contention"
GRADE = "/api/v1/topics/mvcc/grade"
JUDGE = "/api/v1/problems/running-total/judge"
SOCKET_POLL = "/_nicegui_ws/socket.io/?EIO=4&transport=polling"


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


def in_process(app: Any, base_url: str = BASE, **kwargs: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, **kwargs), base_url=base_url)


@pytest.fixture()
async def client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    async with in_process(create_app(services, hosts=HOSTS)) as c:
        yield c


def assert_refused(response: httpx.Response, status: int, code: str) -> None:
    """The API's one error shape, with the refusal's code."""
    assert response.status_code == status, response.text
    assert response.json() == {
        "ok": False,
        "error": response.json()["error"],
        "code": code,
        "status": status,
    }


# -- Host ---------------------------------------------------------------------------------------
def test_allowed_hosts() -> None:
    assert sorted(HOSTS) == ["127.0.0.1:8765", "[::1]:8765", "localhost:8765"]
    assert "localhost" in allowed_hosts("127.0.0.1", 80)  # browsers drop :80 from Host
    assert "localhost" not in HOSTS
    assert {"0.0.0.0:8765", "[::]:8765"} <= allowed_hosts("0.0.0.0", PORT) | allowed_hosts(
        "::", PORT
    )
    extra = allowed_hosts("0.0.0.0", PORT, ["Dojo.Internal", "proxy.example:8443"])
    assert {"dojo.internal", "dojo.internal:8765", "proxy.example:8443"} <= extra
    assert "http://127.0.0.1:8765" in own_origins(HOSTS)


async def test_wrong_host_is_refused(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/health")).status_code == 200
    for host in ("localhost:8765", "[::1]:8765"):
        assert (await client.get("/api/v1/health", headers={"host": host})).status_code == 200
    # DNS rebinding: the attacker's name, now pointing at 127.0.0.1, is the Host (and Origin).
    rebound = {"host": "evil.example:8765", "origin": "http://evil.example:8765"}
    assert_refused(await client.get("/api/v1/labs", headers=rebound), 421, "wrong_host")
    assert_refused(await client.post(f"{LAB}/start", headers=rebound), 421, "wrong_host")
    for host in ("localhost", "127.0.0.1:9999", ""):
        assert_refused(
            await client.get("/api/v1/health", headers={"host": host}), 421, "wrong_host"
        )
    page = await client.get("/sql", headers={"host": "evil.example"})
    assert page.status_code == 421 and page.headers["content-type"].startswith("text/html")
    assert "<h1>421</h1>" in page.text


# -- Origin -------------------------------------------------------------------------------------
async def test_foreign_origin_cannot_start_a_lab(client: httpx.AsyncClient) -> None:
    try:
        response = await client.post(f"{LAB}/start", headers={"origin": EVIL})
        assert_refused(response, 403, "foreign_origin")
        assert (await client.get(f"{LAB}/status")).status_code == 400  # not started
    finally:
        await client.post(f"{LAB}/stop")


async def test_foreign_origins_are_refused(client: httpx.AsyncClient) -> None:
    body = {"answer": "MVCC keeps row versions"}
    for headers in (
        {"origin": EVIL},
        {"origin": "null"},  # sandboxed frame, file:// page
        {"origin": "http://localhost:3000"},  # another port of localhost: another origin
        {"origin": "http://127.0.0.1:8765.evil.example"},
        {"sec-fetch-site": "cross-site"},  # no Origin, but the browser says where it came from
        {"sec-fetch-site": "same-site"},
        {"referer": f"{EVIL}/page"},
        {"referer": f"{OWN}/sql", "sec-fetch-site": "cross-site"},
    ):
        assert_refused(await client.post(GRADE, json=body, headers=headers), 403, "foreign_origin")
    # A cross-origin read (fetch with Origin) of a GET is refused too.
    assert_refused(
        await client.get("/api/v1/labs", headers={"origin": EVIL}), 403, "foreign_origin"
    )


async def test_same_origin_and_origin_less_posts_are_allowed(client: httpx.AsyncClient) -> None:
    body = {"answer": "MVCC keeps row versions"}
    for headers in (
        {"origin": OWN},
        {"origin": "http://localhost:8765", "host": "localhost:8765"},
        {"origin": OWN, "sec-fetch-site": "same-origin", "referer": f"{OWN}/deepdive/mvcc"},
        {"referer": f"{OWN}/deepdive/mvcc"},
        {},  # curl, scripts, the CLI: no Origin, no Sec-Fetch-Site
    ):
        response = await client.post(GRADE, json=body, headers=headers)
        assert response.status_code == 200, (headers, response.text)
        assert response.json()["ok"] is True
    # A link from another site to a page is a cross-site GET, and fine.
    assert (
        await client.get("/api/v1/health", headers={"sec-fetch-site": "cross-site"})
    ).status_code == 200


# -- bodies -------------------------------------------------------------------------------------
async def test_api_bodies_must_be_json(client: httpx.AsyncClient) -> None:
    for content_type in (
        None,
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ):
        headers = {"content-type": content_type} if content_type else {}
        response = await client.post(JUDGE, content=b'{"sql": "SELECT 1"}', headers=headers)
        assert_refused(response, 415, "unsupported_media_type")
    ok = await client.post(
        JUDGE,
        content=b'{"sql": "SELECT 1 AS id"}',
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert ok.status_code == 200 and ok.json()["result"]["verdict"] == "wrong_answer"


async def test_chunked_body_is_cut_off_at_the_limit(client: httpx.AsyncClient) -> None:
    chunk = 64 * 1024
    sent = 0

    async def fifty_megabytes() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(50 * 1024 * 1024 // chunk):
            sent += chunk
            yield b"x" * chunk

    response = await client.post(
        JUDGE, content=fifty_megabytes(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers  # chunked
    assert_refused(response, 413, "too_large")
    assert MAX_BODY_BYTES < sent <= MAX_BODY_BYTES + 2 * chunk
    declared = await client.post(JUDGE, json={"sql": "x" * (MAX_BODY_BYTES + 1)})
    assert_refused(declared, 413, "too_large")


async def test_body_limit_holds_on_any_path() -> None:
    """A page route that buffers its body (as a form or upload handler does) is cut off too."""
    read = 0

    async def buffering_app(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal read
        body = await Request(scope, receive).body()
        read = len(body)
        await PlainTextResponse(f"read {read}")(scope, receive, send)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(200):
            yield b"x" * 32 * 1024

    async with in_process(LocalOnlyGuard(buffering_app, HOSTS)) as c:
        response = await c.post("/some/page", content=chunks())
        assert response.status_code == 413 and "<h1>413</h1>" in response.text
        assert read == 0  # the application never got the body
        small = await c.post("/some/page", content=b"hello")
        assert small.text == "read 5"


# -- errors -------------------------------------------------------------------------------------
async def test_api_error_hides_exception_text(services: Services) -> None:
    app = create_app(services, hosts=HOSTS)

    @app.get("/api/v1/boom")
    async def boom() -> None:
        raise RuntimeError("secret-detail-42")

    async with in_process(app, raise_app_exceptions=False) as c:
        response = await c.get("/api/v1/boom")
    assert_refused(response, 500, "internal")
    assert "secret-detail-42" not in response.text and "RuntimeError" not in response.text


@contextlib.asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Run an ASGI app's startup and shutdown (ASGITransport does not)."""
    to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
    task = asyncio.create_task(app(scope, to_app.get, from_app.put))
    await to_app.put({"type": "lifespan.startup"})
    assert (await from_app.get())["type"] == "lifespan.startup.complete"
    try:
        yield
    finally:
        await to_app.put({"type": "lifespan.shutdown"})
        await from_app.get()
        await task


@pytest.fixture(scope="module")
async def web_app(services: Services) -> AsyncIterator[FastAPI]:
    """The API with the NiceGUI pages, in process (NiceGUI is global: one per test process)."""
    from nicegui import ui

    app = create_app(services, web=True, hosts=HOSTS)

    @ui.page("/_test/page-that-raises")
    def page_that_raises() -> None:
        ui.label("half a page")
        raise RuntimeError("secret-detail-43")

    async with lifespan(app):
        yield app


async def test_page_that_raises_shows_no_exception_text(
    web_app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    from pgdojo.web.app import PAGE_FAILED

    with caplog.at_level(logging.ERROR):
        async with in_process(web_app, raise_app_exceptions=False) as c:
            response = await c.get("/_test/page-that-raises")
        await asyncio.sleep(0.1)  # NiceGUI runs its own exception handlers as tasks
    assert response.status_code == 500
    assert PAGE_FAILED in response.text
    assert "secret-detail-43" not in response.text and "RuntimeError" not in response.text
    assert any("secret-detail-43" in (r.exc_text or "") for r in caplog.records)


async def test_socketio_polling_handshake_only_from_own_origin(web_app: FastAPI) -> None:
    from nicegui import core

    assert set(core.sio.eio.cors_allowed_origins) == own_origins(HOSTS)
    async with in_process(web_app) as c:
        refused = await c.get(SOCKET_POLL, headers={"origin": EVIL})
        assert refused.status_code == 403 and "access-control-allow-origin" not in refused.headers
        rebound = await c.get(SOCKET_POLL, headers={"host": "evil.example:8765"})
        assert rebound.status_code == 421
        posted = await c.post(SOCKET_POLL, content=b"40", headers={"origin": EVIL})
        assert posted.status_code == 403
        own = await c.get(SOCKET_POLL, headers={"origin": OWN})
        assert own.status_code == 200 and own.text.startswith("0{")
        assert own.headers["access-control-allow-origin"] == OWN


# -- a real server: websocket handshakes -----------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(pgdojo_home: Path, engine: Any) -> Iterator[int]:
    """`pgdojo serve` on a free port, as a user runs it; yields the port."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PGDOJO_")}
    env.update(PGDOJO_HOME=str(pgdojo_home), PGDOJO_USER="security-tester")
    log_path = pgdojo_home / "serve-security.log"
    with log_path.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "pgdojo", "serve", "--port", str(port)],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).is_success:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pgdojo serve did not start: {log_path.read_text()}")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


async def test_websocket_handshake_only_from_own_origin_and_host(served: int) -> None:
    url = f"ws://127.0.0.1:{served}/_nicegui_ws/socket.io/?EIO=4&transport=websocket"
    own = f"http://127.0.0.1:{served}"
    async with connect(url, origin=own) as ws:  # type: ignore[arg-type]
        assert str(await ws.recv()).startswith("0{")  # engine.io's open packet
    rebound = f"ws://evil.example:{served}/_nicegui_ws/socket.io/?EIO=4&transport=websocket"
    for target, kwargs in (
        (url, {"origin": EVIL}),
        (url, {"origin": "null"}),
        (url, {"origin": own, "additional_headers": {"Host": "evil.example"}}),  # a second Host
        # DNS rebinding: evil.example resolves to 127.0.0.1; Host and Origin are the attacker's.
        (rebound, {"origin": f"http://evil.example:{served}", "host": "127.0.0.1"}),
    ):
        with pytest.raises(InvalidStatus) as refused:
            async with connect(target, port=served, **kwargs):
                pass
        assert refused.value.response.status_code == 403, kwargs
    # The real server refuses a rebinding Host on plain HTTP as well.
    response = httpx.get(
        f"http://127.0.0.1:{served}/api/v1/health", headers={"host": "evil.example"}
    )
    assert response.status_code == 421
