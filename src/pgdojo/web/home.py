"""Home: each track's part (from the registry), progress at a glance, recent activity."""

from __future__ import annotations

from dataclasses import dataclass, field

from nicegui import ui

from pgdojo.attempts import Attempt
from pgdojo.errors import PgdojoError
from pgdojo.registry import HomeCard, tracks
from pgdojo.web.frame import call, frame, route, services


@dataclass
class Overview:
    """What the home page shows: one card per track, recent attempts, errors by track."""

    cards: list[HomeCard] = field(default_factory=list)
    recent: list[Attempt] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def overview() -> Overview:
    svc = services()
    data = Overview()
    for spec in tracks():
        if spec.home is None:
            continue
        # One broken track (a bad content pack, say) must not take the whole home page down.
        try:
            data.cards.append(spec.home(svc.track(spec.service)))
        except PgdojoError as exc:
            data.errors.append(f"{spec.title}: {exc}")
    data.recent = svc.attempts.recent(8)
    return data


def _bar_chart(card: HomeCard) -> None:
    labels = [label for label, _ in card.bars]
    values = [value for _, value in card.bars]
    ui.echart(
        {
            "backgroundColor": "transparent",
            "xAxis": {"type": "value", "minInterval": 1},
            "yAxis": {"type": "category", "data": labels},
            "series": [{"type": "bar", "data": values}],
            "grid": {"left": 170, "right": 20, "top": 10, "bottom": 30},
        }
    ).classes("w-full h-64")


@route("/")
async def home_page() -> None:
    with frame("Home"):
        data = await call(overview)
        if data is None:
            return
        ui.label("Today's plan").classes("text-2xl font-semibold")
        for error in data.errors:
            ui.label(error).classes("text-red-400 whitespace-pre-wrap")
        with ui.row().classes("w-full gap-4 flex-wrap"):
            for card in data.cards:
                with ui.card().classes("flex-1 min-w-[220px]").mark(f"home-{card.track}"):
                    ui.link(card.title, card.link).classes("text-lg")
                    ui.label(card.headline)
                    for label, link in card.next_items:
                        ui.link(label, link)
                    for line in card.lines:
                        ui.label(line).classes("text-sm text-slate-400")
                    if card.progress and card.progress.active_seconds:
                        minutes = card.progress.active_seconds / 60
                        ui.label(f"{minutes:.0f} min practised").classes("text-sm text-slate-400")
        charts = [card for card in data.cards if card.bars_title and card.bars]
        if charts:
            with ui.row().classes("w-full gap-4 flex-wrap"):
                for card in charts:
                    with ui.card().classes("flex-1 min-w-[320px]"):
                        ui.label(card.bars_title).classes("text-lg")
                        _bar_chart(card)
        with ui.card().classes("w-full"):
            ui.label("Recent activity").classes("text-lg")
            if not data.recent:
                ui.label("Nothing yet: pick a problem above.").classes("text-slate-400")
            for attempt in data.recent:
                colour = "text-green-400" if attempt.passed else "text-red-400"
                when = attempt.finished_at or attempt.started_at
                with ui.row().classes("gap-3"):
                    ui.label(when.strftime("%b %d %H:%M")).classes("text-slate-400")
                    ui.label(f"{attempt.track} · {attempt.activity}").classes("text-slate-400")
                    ui.label(attempt.item_id)
                    ui.label(f"{attempt.score}/100").classes(colour)
