"""One JSON error shape for the API: {"ok": false, "error": ..., "code": ..., "status": ...}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from pgdojo.errors import ContentError, EngineError, NotFoundError, PgdojoError

log = logging.getLogger("pgdojo.api")


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "code": code, "status": status}, status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PgdojoError)
    async def pgdojo_error(_: Request, exc: PgdojoError) -> JSONResponse:
        if isinstance(exc, NotFoundError):
            return error_response(404, exc.code, str(exc))
        if isinstance(exc, EngineError | ContentError):
            return error_response(503, exc.code, str(exc))
        return error_response(400, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        return error_response(422, "invalid_request", f"{where}: {first.get('msg')}")

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, "http", str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        # Never a stack trace to the client; the server log has it.
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal", "internal error: see the pgdojo server log")
