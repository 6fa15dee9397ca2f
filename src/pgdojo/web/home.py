"""Home: today's plan, recent activity, progress at a glance."""

from __future__ import annotations

from collections import Counter
from typing import Any

from nicegui import ui

from pgdojo.errors import PgdojoError
from pgdojo.web.frame import call, frame, services


def _overview() -> dict[str, Any]:
    svc = services()
    problems = svc.sql.list_problems()
    solved_by_pattern: Counter[str] = Counter()
    for p in problems:
        if p.solved:
            solved_by_pattern.update(p.patterns)
    unsolved = [p for p in problems if not p.solved][:3]
    errors: list[str] = []
    # One broken track (a bad content pack, say) must not take the whole home page down.
    stats: dict[str, Any] = {"due": 0, "new": 0}
    topics: list[dict[str, Any]] = []
    labs: list[dict[str, Any]] = []
    try:
        stats = svc.deepdive.cards.stats()
        topics = svc.deepdive.list_topics()
    except PgdojoError as exc:
        errors.append(str(exc))
    try:
        labs = svc.lab.list_scenarios()
    except PgdojoError as exc:
        errors.append(str(exc))
    return {
        "errors": errors,
        "unsolved": unsolved,
        "solved": sum(p.solved for p in problems),
        "problems": len(problems),
        "by_pattern": solved_by_pattern.most_common(12),
        "cards_due": stats["due"] + min(stats["new"], 10),
        "topics": [(t["id"], t["best_score"]) for t in topics if t["best_score"] is not None],
        "lab": next((s for s in labs if not s["solved"]), labs[0] if labs else None),
        "labs_solved": sum(s["solved"] for s in labs),
        "labs": len(labs),
        "recent": svc.store.recent_activity(8),
    }


@ui.page("/")
async def home_page() -> None:
    with frame("Home"):
        data = await call(_overview)
        if data is None:
            return
        ui.label("Today's plan").classes("text-2xl font-semibold")
        for error in data["errors"]:
            ui.label(error).classes("text-red-400 whitespace-pre-wrap")
        with ui.row().classes("w-full gap-4"):
            with ui.card().classes("flex-1"):
                ui.label("Problems to try").classes("text-lg")
                for p in data["unsolved"]:
                    ui.link(f"{p.title} ({p.difficulty})", f"/sql/{p.id}")
                ui.label(f"{data['solved']}/{data['problems']} solved").classes(
                    "text-sm text-slate-400"
                )
            with ui.card().classes("flex-1"):
                ui.label("Flashcards").classes("text-lg")
                ui.label(f"{data['cards_due']} to review now")
                ui.link("Review", "/cards")
            with ui.card().classes("flex-1"):
                ui.label("A lab to run").classes("text-lg")
                if data["lab"]:
                    ui.link(data["lab"]["title"], f"/labs/{data['lab']['id']}")
                ui.label(f"{data['labs_solved']}/{data['labs']} incidents solved").classes(
                    "text-sm text-slate-400"
                )
        with ui.row().classes("w-full gap-4"):
            with ui.card().classes("flex-1"):
                ui.label("Problems solved by pattern").classes("text-lg")
                labels = [k for k, _ in data["by_pattern"]] or ["none yet"]
                values = [v for _, v in data["by_pattern"]] or [0]
                ui.echart(
                    {
                        "backgroundColor": "transparent",
                        "xAxis": {"type": "value", "minInterval": 1},
                        "yAxis": {"type": "category", "data": labels},
                        "series": [{"type": "bar", "data": values}],
                        "grid": {"left": 140, "right": 20, "top": 10, "bottom": 30},
                    }
                ).classes("w-full h-64")
            with ui.card().classes("flex-1"):
                ui.label("Deep-dive best scores").classes("text-lg")
                ui.echart(
                    {
                        "backgroundColor": "transparent",
                        "xAxis": {"type": "value", "max": 100},
                        "yAxis": {"type": "category", "data": [t for t, _ in data["topics"]]},
                        "series": [{"type": "bar", "data": [s for _, s in data["topics"]]}],
                        "grid": {"left": 170, "right": 20, "top": 10, "bottom": 30},
                    }
                ).classes("w-full h-64")
        with ui.card().classes("w-full"):
            ui.label("Recent activity").classes("text-lg")
            if not data["recent"]:
                ui.label("Nothing yet: pick a problem above.").classes("text-slate-400")
            for item in data["recent"]:
                colour = "text-green-400" if item["verdict"] == "accepted" else "text-red-400"
                with ui.row().classes("gap-3"):
                    ui.label(item["created_at"].strftime("%b %d %H:%M")).classes("text-slate-400")
                    ui.link(item["item_id"], f"/sql/{item['item_id']}")
                    ui.label(item["verdict"]).classes(colour)
