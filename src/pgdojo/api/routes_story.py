"""/api/v1/stories and /api/v1/reference: the behavioral track over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.tracks.story import StoryTrack
from pgdojo.tracks.story.service import MAX_STORY_CHARS

router = APIRouter(prefix="/api/v1", tags=["stories"])
Stories = Annotated[StoryTrack, Depends(provide(StoryTrack))]


class StoryText(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_STORY_CHARS)


class DrillOutcome(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question_id: str = Field(min_length=1, max_length=100)
    story: str | None = Field(default=None, max_length=100)
    name_seconds: float | None = Field(default=None, ge=0, le=3600)
    tell_seconds: float | None = Field(default=None, ge=0, le=3600)


@router.get("/stories")
async def list_stories(stories: Stories) -> dict[str, Any]:
    rows = await run_in_threadpool(stories.list_stories)
    return {"ok": True, "stories": [r.to_dict() for r in rows]}


@router.post("/stories")
async def create_story(stories: Stories, body: StoryText) -> dict[str, Any]:
    view = await run_in_threadpool(stories.create, body.text)
    return {"ok": True, "story": view.to_dict()}


@router.get("/stories/template")
async def story_template(stories: Stories) -> dict[str, Any]:
    return {"ok": True, "template": stories.template()}


@router.get("/stories/bank")
async def story_bank(stories: Stories) -> dict[str, Any]:
    report = await run_in_threadpool(stories.bank_report)
    return {"ok": True, **report.to_dict()}


@router.post("/stories/grade")
async def grade_text(stories: Stories, body: StoryText) -> dict[str, Any]:
    """Grade a draft without keeping it."""
    graded = await run_in_threadpool(stories.grade_text, body.text)
    return {"ok": True, "grade": graded.to_dict()}


@router.get("/stories/drill")
async def drill_question(stories: Stories, question: str | None = None) -> dict[str, Any]:
    asked = await run_in_threadpool(stories.drill_question, question)
    return {"ok": True, "question": asked.to_dict()}


@router.post("/stories/drill")
async def finish_drill(stories: Stories, body: DrillOutcome) -> dict[str, Any]:
    result = await run_in_threadpool(
        stories.finish_drill, body.question_id, body.story, body.name_seconds, body.tell_seconds
    )
    return {"ok": True, "result": result.to_dict()}


@router.get("/stories/{slug}")
async def show_story(stories: Stories, slug: str) -> dict[str, Any]:
    view = await run_in_threadpool(stories.show, slug)
    return {"ok": True, "story": view.to_dict()}


@router.put("/stories/{slug}")
async def edit_story(stories: Stories, slug: str, body: StoryText) -> dict[str, Any]:
    view = await run_in_threadpool(stories.edit, slug, body.text)
    return {"ok": True, "story": view.to_dict()}


@router.delete("/stories/{slug}")
async def remove_story(stories: Stories, slug: str) -> dict[str, Any]:
    data = await run_in_threadpool(stories.remove, slug)
    return {"ok": True, **data}


@router.post("/stories/{slug}/grade")
async def grade_story(stories: Stories, slug: str) -> dict[str, Any]:
    graded = await run_in_threadpool(stories.grade, slug)
    return {"ok": True, "grade": graded.to_dict()}


@router.get("/reference/cheatsheet")
async def cheatsheet(stories: Stories) -> dict[str, Any]:
    return {
        "ok": True,
        "cheatsheet": stories.cheatsheet(),
        "power_phrases": [p.model_dump() for p in stories.power_phrases()],
    }


@router.get("/reference/questions")
async def questions_to_ask(stories: Stories) -> dict[str, Any]:
    return {"ok": True, "questions": [q.model_dump() for q in stories.questions_to_ask()]}


@router.get("/reference/behavioral-questions")
async def behavioral_questions(stories: Stories) -> dict[str, Any]:
    return {"ok": True, "families": [f.model_dump() for f in stories.families()]}
