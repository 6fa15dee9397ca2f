"""/api/v1/problems: the SQL track over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.tracks.sql import SqlTrack

MAX_SQL_CHARS = 100_000

router = APIRouter(prefix="/api/v1", tags=["sql"])
Sql = Annotated[SqlTrack, Depends(provide(SqlTrack))]


class Submission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sql: str = Field(min_length=1, max_length=MAX_SQL_CHARS, description="The candidate's SQL.")
    attempt_id: int | None = None


@router.get("/problems")
async def list_problems(
    sql: Sql,
    pattern: str | None = None,
    difficulty: str | None = None,
    solved: bool | None = None,
) -> dict[str, Any]:
    rows = await run_in_threadpool(sql.list_problems, pattern, difficulty, solved)
    return {"ok": True, "count": len(rows), "problems": [r.__dict__ for r in rows]}


@router.get("/problems/{problem_id}")
async def show_problem(sql: Sql, problem_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(sql.show, problem_id)
    return {"ok": True, "problem": data}


@router.get("/problems/{problem_id}/hints/{number}")
async def hint(sql: Sql, problem_id: str, number: int) -> dict[str, Any]:
    shown = await run_in_threadpool(sql.hint, problem_id, number)
    return {"ok": True, **shown.to_dict()}


@router.post("/problems/{problem_id}/practice")
async def practise(sql: Sql, problem_id: str) -> dict[str, Any]:
    """Open (or resume) a practice attempt: its id goes with judge and hint requests."""
    practice = await run_in_threadpool(sql.practise, problem_id)
    return {"ok": True, **practice.to_dict()}


@router.post("/attempts/{attempt_id}/hint")
async def next_hint(sql: Sql, attempt_id: int) -> dict[str, Any]:
    """The next hint of a practice attempt, counted on it."""
    shown = await run_in_threadpool(sql.next_hint, attempt_id)
    if shown is None:
        return {"ok": True, "hint": None, "last": True}
    return {"ok": True, **shown.to_dict()}


@router.post("/problems/{problem_id}/judge")
async def judge(sql: Sql, problem_id: str, body: Submission) -> dict[str, Any]:
    result = await run_in_threadpool(sql.judge, problem_id, body.sql, body.attempt_id)
    return {"ok": True, "result": result.to_dict()}


@router.post("/problems/{problem_id}/run")
async def run_sample(sql: Sql, problem_id: str, body: Submission) -> dict[str, Any]:
    data = await run_in_threadpool(sql.run_sample, problem_id, body.sql)
    return {"ok": True, **data}
