"""The FastAPI application: JSON API under /api/v1, OpenAPI at /openapi.json."""

from __future__ import annotations

import html

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from pgdojo import __version__
from pgdojo.api.errors import error_response, install_error_handlers
from pgdojo.api.routes_sql import router as sql_router
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


def create_app(services: Services) -> FastAPI:
    app = FastAPI(title="pgdojo", version=__version__, docs_url=None, redoc_url=None)
    app.state.services = services
    app.add_middleware(BodySizeLimit)
    install_error_handlers(app)
    app.include_router(sql_router)

    @app.get("/api/v1/health")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "version": __version__})

    @app.get("/", response_class=HTMLResponse)
    async def home() -> str:
        # A plain server-rendered index until the NiceGUI web UI lands.
        rows = "".join(
            f"<tr><td><a href='/api/v1/problems/{html.escape(p.id)}'>{html.escape(p.id)}</a></td>"
            f"<td>{html.escape(p.title)}</td><td>{p.kind}</td><td>{p.difficulty}</td>"
            f"<td>{'✓' if p.solved else ''}</td></tr>"
            for p in services.sql.list_problems()
        )
        return (
            "<!doctype html><html><head><meta charset='utf-8'><title>pgdojo</title>"
            "<style>body{font:15px system-ui;background:#111;color:#ddd;margin:2em}"
            "a{color:#8cf}td,th{padding:4px 12px;text-align:left}</style></head><body>"
            f"<h1>pgdojo {__version__}</h1><p>SQL problems. JSON API: <a href='/api/v1/problems'>"
            "/api/v1/problems</a> · <a href='/openapi.json'>OpenAPI</a>. Practise in the "
            "terminal with <code>pgdojo sql practice</code>.</p>"
            "<table><tr><th>id</th><th>title</th><th>kind</th><th>difficulty</th><th>solved</th>"
            f"</tr>{rows}</table></body></html>"
        )

    return app


def run_server(services: Services, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(services), host=host, port=port, log_level="warning")
