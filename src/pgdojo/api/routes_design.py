"""/api/v1/designs: the system-design track over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.tracks.design import DesignTrack
from pgdojo.tracks.design.service import MAX_SUBMISSION_CHARS

router = APIRouter(prefix="/api/v1", tags=["design"])
Designs = Annotated[DesignTrack, Depends(provide(DesignTrack))]


class DesignText(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_SUBMISSION_CHARS)


@router.get("/designs")
async def list_prompts(designs: Designs) -> dict[str, Any]:
    rows = await run_in_threadpool(designs.list_prompts)
    return {"ok": True, "prompts": rows}


@router.get("/designs/numbers")
async def numbers(designs: Designs, refresh: bool = False) -> dict[str, Any]:
    rows = await run_in_threadpool(designs.numbers, refresh)
    return {"ok": True, "numbers": rows}


@router.get("/designs/{prompt_id}")
async def show(designs: Designs, prompt_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(designs.show, prompt_id)
    return {"ok": True, "prompt": data}


@router.get("/designs/{prompt_id}/template")
async def template(designs: Designs, prompt_id: str) -> dict[str, Any]:
    text = await run_in_threadpool(designs.template, prompt_id)
    return {"ok": True, "text": text}


@router.post("/designs/{prompt_id}/run")
async def run(designs: Designs, prompt_id: str, body: DesignText) -> dict[str, Any]:
    result = await run_in_threadpool(designs.run, prompt_id, body.text)
    return {"ok": True, **result.to_dict()}


@router.post("/designs/{prompt_id}/grade")
async def grade(designs: Designs, prompt_id: str, body: DesignText) -> dict[str, Any]:
    graded = await run_in_threadpool(designs.grade, prompt_id, body.text)
    return {"ok": True, **graded.to_dict()}


@router.post("/designs/{prompt_id}/prove")
async def prove(designs: Designs, prompt_id: str) -> dict[str, Any]:
    results = await run_in_threadpool(designs.prove, prompt_id)
    return {"ok": True, "experiments": [r.to_dict() for r in results]}


@router.get("/designs/{prompt_id}/history")
async def history(designs: Designs, prompt_id: str) -> dict[str, Any]:
    rows = await run_in_threadpool(designs.history, prompt_id)
    return {"ok": True, "runs": rows}
