"""A real `pgdojo serve` on a free port and a real Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def web_url(pgdojo_home: Path, engine: Any) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PGDOJO_")}
    env.update(PGDOJO_HOME=str(pgdojo_home), PGDOJO_USER="browser-tester")
    log = (pgdojo_home / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "pgdojo", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(
                f"pgdojo serve did not start: {(pgdojo_home / 'serve.log').read_text()}"
            )
        time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)


# Module scope: Playwright's sync API holds an event loop in this thread while the browser is
# open, and the in-process (anyio) tests that may run after it on the same worker need it gone.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("PGDOJO_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}: run scripts/ensure-chromium")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def set_editor(page: Page, text: str, nth: int = 0) -> None:
    """Replace a CodeMirror editor's text (insert_text: no auto-closed brackets)."""
    editor = page.locator(".cm-content").nth(nth)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)
