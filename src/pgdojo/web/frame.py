"""The shared page frame: header, navigation, dark theme; and calling services safely."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from nicegui import run, ui

from pgdojo.errors import PgdojoError
from pgdojo.registry import tracks
from pgdojo.services import Services

T = TypeVar("T")
_services: list[Services] = []

S = TypeVar("S")


def navigation() -> list[tuple[str, str]]:
    """Home, then each registered track's links, in the registry's order."""
    return [("Home", "/")] + [link for spec in tracks() for link in spec.nav]


def set_services(services: Services) -> None:
    _services[:] = [services]


def services() -> Services:
    return _services[0]


def track(service: type[S]) -> S:
    """A track's service (built on first use: may raise a PgdojoError, see `safely`)."""
    return services().track(service)


# NiceGUI answers 500 for a page not built within its response timeout, 3 s by default; the
# first visit to a track's page builds the track (loads and checks its content), which takes
# longer than that on a slow machine (`pgdojo serve` builds them all at start, in the
# background, so that a visit rarely waits).
PAGE_TIMEOUT_S = 60.0


def route(path: str) -> ui.page:
    """`@ui.page(path)` with pgdojo's response timeout: every page is declared with it."""
    return ui.page(path, response_timeout=PAGE_TIMEOUT_S)


@contextlib.contextmanager
def frame(title: str) -> Iterator[None]:
    """Header with navigation, dark mode, and a centred content column."""
    ui.dark_mode(True)
    ui.colors(primary="#4f8cc9", secondary="#2a9d8f", accent="#e9c46a")
    ui.page_title(f"{title} · pgdojo")
    ui.add_css(".nicegui-markdown pre { white-space: pre-wrap; word-break: break-word; }")
    with ui.header().classes("items-center justify-between bg-slate-900 px-6 py-2"):
        with ui.row().classes("items-center gap-6"):
            ui.link("pgdojo", "/").classes("text-xl font-bold text-white no-underline")
            for label, target in navigation():
                ui.link(label, target).classes("text-slate-300 no-underline hover:text-white")
        ui.label(services().settings.user).classes("text-slate-400 text-sm")
    with ui.column().classes("w-full max-w-screen-xl mx-auto p-4 gap-4"):
        yield


async def call(fn: Callable[..., T], *args: Any) -> T | None:
    """Run a service call off the event loop; a user-facing error becomes a notification."""
    try:
        return await run.io_bound(fn, *args)
    except PgdojoError as exc:
        ui.notify(str(exc), type="negative", multi_line=True, close_button=True)
        return None


# Printed, a page shows its content only, black on white (the reference pages, plans, reports).
PRINT_CSS = """
@media print {
  header, .q-header, nav, button, .q-btn, .q-notifications, .no-print { display: none !important; }
  html, body, .q-layout, .q-page, .q-page-container, .nicegui-content {
    background: white !important; color: black !important;
  }
  .q-page-container { padding-top: 0 !important; }
  * { color: black !important; background: transparent !important; box-shadow: none !important; }
  .q-card { border: 1px solid #999 !important; break-inside: avoid; }
  .q-badge, .q-linear-progress { border: 1px solid #666 !important; }
  a { text-decoration: none !important; }
}
"""


def printable() -> None:
    """Make the current page print as its content only."""
    ui.add_css(PRINT_CSS)


HEARTBEAT_S = 30.0


def heartbeat(attempt_id: int) -> None:
    """Count active time on an attempt while its page is visible: every HEARTBEAT_S seconds,
    a touch when the tab is shown (a hidden or idle tab adds nothing past the attempt's cap)."""

    async def beat() -> None:
        try:
            visible = await ui.run_javascript("!document.hidden", timeout=5)
        except TimeoutError:
            return
        if visible:
            await call(services().attempts.touch, attempt_id)

    ui.timer(HEARTBEAT_S, beat)


def safely(getter: Callable[[], T]) -> T | None:
    """Build a service (it may load content); a user-facing error is shown on the page."""
    try:
        return getter()
    except PgdojoError as exc:
        with ui.card().classes("w-full border-red-500").props("bordered"):
            ui.label("Something is wrong").classes("text-lg text-red-400")
            ui.label(str(exc)).classes("whitespace-pre-wrap")
        return None


def result_table(result: Mapping[str, Any] | None, title: str | None = None) -> None:
    """Columns and rows (as the services return them) in a compact table."""
    if not result:
        return
    columns = [
        {"name": f"c{i}", "label": c, "field": f"c{i}", "align": "left"}
        for i, c in enumerate(result["columns"])
    ]
    rows = [
        {f"c{i}": _cell(v) for i, v in enumerate(row)} | {"_k": n}
        for n, row in enumerate(result["rows"])
    ]
    table = ui.table(
        columns=columns,
        rows=rows,
        row_key="_k",
        title=title,
        pagination=15 if len(rows) > 15 else None,
    )
    table.classes("w-full").props("dense flat bordered")


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, list):
        return "{" + ",".join(_cell(v) for v in value) + "}"
    return str(value)
