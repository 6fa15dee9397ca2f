"""The FastAPI application: JSON API under /api/v1, OpenAPI at /openapi.json."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from pgdojo import __version__
from pgdojo.api.errors import error_response, install_error_handlers
from pgdojo.api.routes_sql import router as sql_router
from pgdojo.api.routes_tracks import router as tracks_router
from pgdojo.services import Services

MAX_BODY_BYTES = 256 * 1024


class BodySizeLimit(BaseHTTPMiddleware):
    """Refuse bodies over the limit before reading them (Content-Length) or while reading."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return error_response(413, "too_large", f"request body over {MAX_BODY_BYTES} bytes")
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return error_response(413, "too_large", f"request body over {MAX_BODY_BYTES} bytes")
        return await call_next(request)


def create_app(services: Services, web: bool = False) -> FastAPI:
    app = FastAPI(title="pgdojo", version=__version__, docs_url=None, redoc_url=None)
    app.state.services = services
    app.add_middleware(BodySizeLimit)
    install_error_handlers(app)
    app.include_router(sql_router)
    app.include_router(tracks_router)

    @app.get("/api/v1/health")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "version": __version__})

    if web:
        from pgdojo.web.app import mount_web_ui

        mount_web_ui(app, services)
    return app


def run_server(services: Services, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(services, web=True), host=host, port=port, log_level="warning")
