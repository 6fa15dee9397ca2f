"""Mount the web UI on the FastAPI application."""

from __future__ import annotations

import importlib
import secrets
import sys

from fastapi import FastAPI
from nicegui import app as nicegui_app
from nicegui import core, ui

from pgdojo.api.security import socketio_allowed_origins
from pgdojo.registry import tracks
from pgdojo.services import Services
from pgdojo.web.frame import set_services

PAGE_FAILED = "Something went wrong on this page; the details are in the server log."


def mount_web_ui(app: FastAPI, services: Services, hosts: frozenset[str] | None = None) -> None:
    """Register the pages (importing their modules) and serve them from `app`.

    `hosts` are the Host names the server answers (None: an app used in process); NiceGUI's
    socket.io server then accepts only the origins of those hosts."""
    set_services(services)
    register_pages()

    # NiceGUI creates its socket.io server with cors_allowed_origins='*' (any page may open a
    # socket, and its polling answers echo the Origin with credentials); engine.io reads the
    # setting on every request, so narrowing it here is enough.
    core.sio.eio.cors_allowed_origins = socketio_allowed_origins(hosts)
    nicegui_app.on_page_exception(show_page_failed)
    ui.run_with(
        app,
        title="pgdojo",
        dark=True,
        storage_secret=secrets.token_hex(16),
        show_welcome_message=False,
    )


def register_pages(reload: bool = False) -> None:
    """Import the home page and every registered track's page module: importing a module runs
    its `@ui.page` decorators. `reload` runs them again (NiceGUI's test user resets pages)."""
    names = ["pgdojo.web.home", *(spec.pages for spec in tracks() if spec.pages)]
    for name in names:
        if reload and name in sys.modules:
            importlib.reload(sys.modules[name])
        else:
            importlib.import_module(name)


def show_page_failed() -> None:
    """The error page for a page that raised: a plain message, never the exception's text.

    (NiceGUI's own page prints it.) NiceGUI logs the traceback itself, to the `nicegui` logger."""
    with ui.column().classes("w-full items-center py-20 gap-4"):
        ui.label("500").classes("text-6xl")
        ui.label(PAGE_FAILED).classes("text-lg")
        ui.link("Back to the home page", "/")
