"""Mount the web UI on the FastAPI application."""

from __future__ import annotations

import secrets

from fastapi import FastAPI
from nicegui import ui

from pgdojo.services import Services
from pgdojo.web.frame import set_services


def mount_web_ui(app: FastAPI, services: Services) -> None:
    """Register the pages (importing their modules) and serve them from `app`."""
    set_services(services)
    from pgdojo.web import deepdive_pages, home, lab_pages, sql_pages  # noqa: F401

    ui.run_with(
        app,
        title="pgdojo",
        dark=True,
        storage_secret=secrets.token_hex(16),
        show_welcome_message=False,
    )
