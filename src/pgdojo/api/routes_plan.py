"""/api/v1/plan and /api/v1/progress: the practice plan and readiness over HTTP."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.tracks.plan.ics import plan_to_ics
from pgdojo.tracks.plan.service import PlanTrack

router = APIRouter(prefix="/api/v1", tags=["plan"])
Plans = Annotated[PlanTrack, Depends(provide(PlanTrack))]


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    interview_date: date
    hours_per_week: float | None = Field(default=None, ge=0.5, le=60)


@router.post("/plan")
async def init_plan(plans: Plans, body: PlanRequest) -> dict[str, Any]:
    plan = await run_in_threadpool(plans.init, body.interview_date, body.hours_per_week)
    return {"ok": True, **plan.to_dict()}


@router.get("/plan")
async def show_plan(plans: Plans) -> dict[str, Any]:
    plan = await run_in_threadpool(plans.plan)
    return {"ok": True, **plan.to_dict()}


@router.get("/plan/week")
async def this_week(plans: Plans) -> dict[str, Any]:
    progress = await run_in_threadpool(plans.show)
    return {"ok": True, **progress.to_dict()}


@router.get("/plan/today")
async def today(plans: Plans) -> dict[str, Any]:
    data = await run_in_threadpool(plans.today)
    return {"ok": True, **data}


@router.get("/plan.ics", response_class=PlainTextResponse)
async def plan_ics(plans: Plans) -> PlainTextResponse:
    plan = await run_in_threadpool(plans.plan)
    return PlainTextResponse(
        plan_to_ics(plan),
        media_type="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="pgdojo-plan.ics"'},
    )


@router.delete("/plan")
async def reset_plan(plans: Plans) -> dict[str, Any]:
    data = await run_in_threadpool(plans.reset)
    return {"ok": True, **data}


@router.get("/progress")
async def progress(plans: Plans) -> dict[str, Any]:
    report = await run_in_threadpool(plans.progress)
    return {"ok": True, **report.to_dict()}
