"""/api/v1/topics and /api/v1/cards: the deep-dive track (and its flashcards) over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.api.deps import provide
from pgdojo.tracks.deepdive import DeepDiveTrack, grade_dict
from pgdojo.tracks.deepdive.cards import RATINGS

router = APIRouter(prefix="/api/v1", tags=["deepdive"])
DeepDive = Annotated[DeepDiveTrack, Depends(provide(DeepDiveTrack))]


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: str = Field(min_length=1, max_length=30_000)


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: str = Field(pattern="^(" + "|".join(RATINGS) + ")$")


@router.get("/topics")
async def list_topics(deepdive: DeepDive) -> dict[str, Any]:
    rows = await run_in_threadpool(lambda: deepdive.list_topics())
    return {"ok": True, "topics": rows}


@router.get("/topics/{topic_id}")
async def show_topic(deepdive: DeepDive, topic_id: str, answers: bool = False) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: deepdive.show(topic_id, answers))
    return {"ok": True, "topic": data}


@router.post("/topics/{topic_id}/grade")
async def grade_topic(deepdive: DeepDive, topic_id: str, body: Answer) -> dict[str, Any]:
    grade = await run_in_threadpool(lambda: deepdive.grade(topic_id, body.answer))
    return {"ok": True, "grade": grade_dict(grade)}


@router.post("/topics/{topic_id}/prove")
async def prove_topic(deepdive: DeepDive, topic_id: str) -> dict[str, Any]:
    run = await run_in_threadpool(lambda: deepdive.prove(topic_id))
    return {"ok": True, "run": run.to_dict()}


@router.get("/cards/due", tags=["cards"])
async def due_cards(deepdive: DeepDive, limit: int = 20) -> dict[str, Any]:
    due = await run_in_threadpool(lambda: deepdive.cards.due())
    return {"ok": True, "cards": [d.to_dict() for d in due[: max(1, min(limit, 200))]]}


@router.post("/cards/{card_id}/review", tags=["cards"])
async def review_card(deepdive: DeepDive, card_id: str, body: Review) -> dict[str, Any]:
    outcome = await run_in_threadpool(lambda: deepdive.cards.review(card_id, body.rating))
    return {"ok": True, **outcome.to_dict()}


@router.get("/cards/stats", tags=["cards"])
async def card_stats(deepdive: DeepDive) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: deepdive.cards.stats())
    return {"ok": True, **data}
