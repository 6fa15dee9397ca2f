"""A page's unsaved editor text, kept over a reload of the page.

The text goes to NiceGUI's tab storage: it lives on the server, keyed by an id the browser
keeps in its sessionStorage, so a reload of the page (or a visit away and back in the same tab)
finds it again, while another tab starts clean. Tab storage exists only once the page's socket
is connected: a page saves on every change and restores after `client.connected()`.
"""

from __future__ import annotations

import contextlib

from nicegui import app, ui

# What app.storage.tab raises without a connected client (RuntimeError) or before NiceGUI has
# created the tab's storage (AssertionError).
_NO_TAB_STORAGE = (RuntimeError, AssertionError)
CONNECT_TIMEOUT_S = 10.0


class TabDraft:
    """The draft of one page in this tab, under `key` (one key per page and item)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.client = ui.context.client

    def save(self, value: object) -> None:
        """Keep `value` (JSON-like: text, or a dict of texts) for the next load of the page."""
        # Before the page is connected there is no tab storage: nothing is kept then.
        with contextlib.suppress(*_NO_TAB_STORAGE), self.client:
            app.storage.tab[self.key] = value

    async def restore(self) -> object:
        """What this tab saved before, once the page is connected; None when nothing was."""
        try:
            await self.client.connected(timeout=CONNECT_TIMEOUT_S)
            with self.client:
                return app.storage.tab.get(self.key)
        except (TimeoutError, *_NO_TAB_STORAGE):
            return None
