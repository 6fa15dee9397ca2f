"""The NiceGUI main file for in-process page tests (NiceGUI's simulated `User`)."""

from nicegui import app, ui

from pgdojo.web.app import register_pages, show_page_failed

register_pages(reload=True)
app.on_page_exception(show_page_failed)
ui.run(storage_secret="pgdojo-page-tests", show_welcome_message=False)
