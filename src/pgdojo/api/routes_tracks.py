"""/api/v1 for labs, deep dives and flashcards: thin wrappers over the same services."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.services import Services
from pgdojo.tracks.deepdive import grade_dict

router = APIRouter(prefix="/api/v1")


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: str = Field(min_length=1, max_length=30_000)


class Diagnosis(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=2_000)


class ConsoleCommand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sql: str = Field(min_length=1, max_length=20_000)


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: str = Field(pattern="^(again|hard|good|easy)$")


def _svc(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


# -- labs ---------------------------------------------------------------------------------------
@router.get("/labs", tags=["labs"])
async def list_labs(request: Request) -> dict[str, Any]:
    rows = await run_in_threadpool(lambda: _svc(request).lab.list_scenarios())
    return {"ok": True, "scenarios": rows}


@router.post("/labs/{scenario_id}/start", tags=["labs"])
async def start_lab(request: Request, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).lab.start(scenario_id))
    return {"ok": True, **data}


@router.get("/labs/{scenario_id}/status", tags=["labs"])
async def lab_status(request: Request, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).lab.status(scenario_id))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/check", tags=["labs"])
async def check_lab(request: Request, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).lab.check(scenario_id))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/diagnose", tags=["labs"])
async def diagnose_lab(request: Request, scenario_id: str, body: Diagnosis) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).lab.diagnose(scenario_id, body.text))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/console", tags=["labs"])
async def lab_console(request: Request, scenario_id: str, body: ConsoleCommand) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).lab.console_execute(scenario_id, body.sql))
    return {"ok": True, **data}


@router.post("/labs/{scenario_id}/stop", tags=["labs"])
async def stop_lab(request: Request, scenario_id: str) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).lab.stop(scenario_id))
    return {"ok": True, **data}


# -- deep dives ---------------------------------------------------------------------------------
@router.get("/topics", tags=["deepdive"])
async def list_topics(request: Request) -> dict[str, Any]:
    rows = await run_in_threadpool(lambda: _svc(request).deepdive.list_topics())
    return {"ok": True, "topics": rows}


@router.get("/topics/{topic_id}", tags=["deepdive"])
async def show_topic(request: Request, topic_id: str, answers: bool = False) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).deepdive.show(topic_id, answers))
    return {"ok": True, "topic": data}


@router.post("/topics/{topic_id}/grade", tags=["deepdive"])
async def grade_topic(request: Request, topic_id: str, body: Answer) -> dict[str, Any]:
    grade = await run_in_threadpool(lambda: _svc(request).deepdive.grade(topic_id, body.answer))
    return {"ok": True, "grade": grade_dict(grade)}


@router.post("/topics/{topic_id}/prove", tags=["deepdive"])
async def prove_topic(request: Request, topic_id: str) -> dict[str, Any]:
    run = await run_in_threadpool(lambda: _svc(request).deepdive.prove(topic_id))
    return {"ok": True, "run": run.to_dict()}


# -- flashcards ---------------------------------------------------------------------------------
@router.get("/cards/due", tags=["cards"])
async def due_cards(request: Request, limit: int = 20) -> dict[str, Any]:
    due = await run_in_threadpool(lambda: _svc(request).deepdive.cards.due())
    return {
        "ok": True,
        "cards": [
            {
                "card_id": d.card.id,
                "topic": d.topic_id,
                "kind": d.card.kind,
                "front": d.card.front,
                "back": d.card.back,
                "new": d.new,
            }
            for d in due[: max(1, min(limit, 200))]
        ],
    }


@router.post("/cards/{card_id}/review", tags=["cards"])
async def review_card(request: Request, card_id: str, body: Review) -> dict[str, Any]:
    outcome = await run_in_threadpool(
        lambda: _svc(request).deepdive.cards.review(card_id, body.rating)
    )
    return {
        "ok": True,
        "card_id": outcome.card_id,
        "next_due": outcome.next_due.isoformat(),
        "interval_days": outcome.interval_days,
    }


@router.get("/cards/stats", tags=["cards"])
async def card_stats(request: Request) -> dict[str, Any]:
    data = await run_in_threadpool(lambda: _svc(request).deepdive.cards.stats())
    return {"ok": True, **data}
