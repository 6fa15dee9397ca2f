"""/api/v1/problems: the SQL track over HTTP."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.services import Services

MAX_SQL_CHARS = 100_000

router = APIRouter(prefix="/api/v1", tags=["sql"])


class Submission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sql: str = Field(min_length=1, max_length=MAX_SQL_CHARS, description="The candidate's SQL.")
    attempt_id: int | None = None


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


@router.get("/problems")
async def list_problems(
    request: Request,
    pattern: str | None = None,
    difficulty: str | None = None,
    solved: bool | None = None,
) -> dict[str, Any]:
    sql = _services(request).sql
    rows = await run_in_threadpool(sql.list_problems, pattern, difficulty, solved)
    return {"ok": True, "count": len(rows), "problems": [r.__dict__ for r in rows]}


@router.get("/problems/{problem_id}")
async def show_problem(request: Request, problem_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(_services(request).sql.show, problem_id)
    return {"ok": True, "problem": data}


@router.get("/problems/{problem_id}/hints/{number}")
async def hint(request: Request, problem_id: str, number: int) -> dict[str, Any]:
    text = await run_in_threadpool(_services(request).sql.hint, problem_id, number)
    return {"ok": True, "number": number, "hint": text}


@router.post("/problems/{problem_id}/judge")
async def judge(request: Request, problem_id: str, body: Submission) -> dict[str, Any]:
    result = await run_in_threadpool(
        _services(request).sql.judge, problem_id, body.sql, body.attempt_id
    )
    return {"ok": True, "result": result.to_dict()}


@router.post("/problems/{problem_id}/run")
async def run_sample(request: Request, problem_id: str, body: Submission) -> dict[str, Any]:
    data = await run_in_threadpool(_services(request).sql.run_sample, problem_id, body.sql)
    return {"ok": True, **data}
