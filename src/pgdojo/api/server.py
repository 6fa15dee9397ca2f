"""The FastAPI application: JSON API under /api/v1, OpenAPI at /openapi.json."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from pgdojo import __version__
from pgdojo.api.errors import install_error_handlers
from pgdojo.api.security import LocalOnlyGuard, allowed_hosts
from pgdojo.registry import resolve, tracks
from pgdojo.services import Services


def create_app(
    services: Services, web: bool = False, hosts: Iterable[str] | None = None
) -> FastAPI:
    """The API (and, with `web`, the NiceGUI pages) behind the local-only guard.

    `hosts` are the Host header values the server answers (`security.allowed_hosts`); None only
    for an app used in process, never bound to a port."""
    app = FastAPI(title="pgdojo", version=__version__, docs_url=None, redoc_url=None)
    app.state.services = services
    known_hosts = None if hosts is None else frozenset(hosts)
    app.add_middleware(LocalOnlyGuard, hosts=known_hosts)
    install_error_handlers(app)
    for spec in tracks():
        if spec.api:
            app.include_router(resolve(spec.api))

    @app.get("/api/v1/health")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "version": __version__})

    if web:
        from pgdojo.web.app import mount_web_ui

        mount_web_ui(app, services, known_hosts)
    return app


def run_server(services: Services, host: str, port: int, extra_hosts: Iterable[str] = ()) -> None:
    """Serve the API and the web UI on host:port, answering only the Host names it serves."""
    import uvicorn

    app = create_app(services, web=True, hosts=allowed_hosts(host, port, extra_hosts))
    uvicorn.run(app, host=host, port=port, log_level="warning")
