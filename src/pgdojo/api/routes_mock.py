"""/api/v1/mocks: mock interviews over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.errors import UsageError
from pgdojo.tracks.mock.criteria import CRITERIA
from pgdojo.tracks.mock.service import MAX_MINUTES, MockTrack, report_markdown

router = APIRouter(prefix="/api/v1", tags=["mock"])
Mocks = Annotated[MockTrack, Depends(provide(MockTrack))]
LevelName = Annotated[str, Field(pattern="^(junior|senior|staff)$")]


class StartMock(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str = Field(default="full", max_length=20)
    item: str | None = Field(default=None, max_length=100)
    minutes: float | None = Field(default=None, ge=1, le=MAX_MINUTES)
    short: bool = False


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=100_000)


class Finish(BaseModel):
    model_config = ConfigDict(extra="forbid")
    self_levels: dict[str, LevelName] | None = Field(
        default=None, description=f"your self-score first: {', '.join(CRITERIA)}"
    )


@router.post("/mocks")
async def start_mock(mocks: Mocks, body: StartMock) -> dict[str, Any]:
    view = await run_in_threadpool(mocks.start, body.type, body.item, body.minutes, body.short)
    return {"ok": True, **view.to_dict()}


@router.get("/mocks")
async def list_mocks(mocks: Mocks) -> dict[str, Any]:
    rows = await run_in_threadpool(mocks.list_mocks)
    history = await run_in_threadpool(mocks.history)
    return {"ok": True, "mocks": rows, "history": history}


@router.get("/mocks/{mock_id}")
async def mock_status(mocks: Mocks, mock_id: int) -> dict[str, Any]:
    view = await run_in_threadpool(mocks.view, mock_id)
    return {"ok": True, **view.to_dict()}


@router.post("/mocks/{mock_id}/answer")
async def answer(mocks: Mocks, mock_id: int, body: Answer) -> dict[str, Any]:
    view = await run_in_threadpool(mocks.answer, mock_id, body.text)
    return {"ok": True, **view.to_dict()}


@router.post("/mocks/{mock_id}/next")
async def next_segment(mocks: Mocks, mock_id: int) -> dict[str, Any]:
    view = await run_in_threadpool(mocks.next, mock_id)
    return {"ok": True, **view.to_dict()}


@router.post("/mocks/{mock_id}/finish")
async def finish(mocks: Mocks, mock_id: int, body: Finish) -> dict[str, Any]:
    unknown = set(body.self_levels or {}) - set(CRITERIA)
    if unknown:
        raise UsageError(f"self_levels: unknown criteria {', '.join(sorted(unknown))}")
    report = await run_in_threadpool(mocks.finish, mock_id, body.self_levels)
    return {"ok": True, **report}


@router.get("/mocks/{mock_id}/report")
async def report(mocks: Mocks, mock_id: int) -> dict[str, Any]:
    data = await run_in_threadpool(mocks.report, mock_id)
    return {"ok": True, **data}


@router.get("/mocks/{mock_id}/report.md", response_class=PlainTextResponse)
async def report_md(mocks: Mocks, mock_id: int) -> PlainTextResponse:
    data = await run_in_threadpool(mocks.report, mock_id)
    return PlainTextResponse(report_markdown(data), media_type="text/markdown")
