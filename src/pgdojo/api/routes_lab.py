"""/api/v1/labs: the troubleshooting track over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.tracks.lab.service import LabTrack

router = APIRouter(prefix="/api/v1", tags=["labs"])
Lab = Annotated[LabTrack, Depends(provide(LabTrack))]


class Diagnosis(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=2_000)


class ConsoleCommand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sql: str = Field(min_length=1, max_length=20_000)


@router.get("/labs")
async def list_labs(lab: Lab) -> dict[str, Any]:
    rows = await run_in_threadpool(lambda: lab.list_scenarios())
    return {"ok": True, "scenarios": rows}


@router.post("/labs/{scenario_id}/start")
async def start_lab(lab: Lab, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: lab.start(scenario_id))
    return {"ok": True, **data}


@router.get("/labs/{scenario_id}/status")
async def lab_status(lab: Lab, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: lab.status(scenario_id))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/check")
async def check_lab(lab: Lab, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: lab.check(scenario_id))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/diagnose")
async def diagnose_lab(lab: Lab, scenario_id: str, body: Diagnosis) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: lab.diagnose(scenario_id, body.text))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/console")
async def lab_console(lab: Lab, scenario_id: str, body: ConsoleCommand) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: lab.console_execute(scenario_id, body.sql))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/stop")
async def stop_lab(lab: Lab, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: lab.stop(scenario_id))
    return {"ok": True, **data}
