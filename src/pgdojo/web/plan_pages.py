"""The practice plan (/plan: the weeks, this week, the calendar) and progress (/progress:
readiness per interview type with its formula, every track's record, activity and scores)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from nicegui import ui

from pgdojo.errors import NotFoundError
from pgdojo.tracks.plan.ics import plan_to_ics
from pgdojo.tracks.plan.progress import LEVEL_POINTS, ProgressReport, Readiness
from pgdojo.tracks.plan.service import Plan, PlanTrack, PlanWeek, WeekProgress
from pgdojo.web.frame import call, frame, printable, route, safely, track

# Days of activity the progress report holds (`progress_report` asks for 120).
DAILY_DAYS = 120
PALETTE = ["#4f8cc9", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#9b5de5", "#90be6d"]
_AXIS = {
    "axisLine": {"lineStyle": {"color": "#64748b"}},
    "axisLabel": {"color": "#cbd5e1"},
    "nameTextStyle": {"color": "#94a3b8"},
    "splitLine": {"lineStyle": {"color": "#334155"}},
}
# An ECharts theme for the dark pages: light text and axes, on the page's own background.
DARK_THEME: dict[str, Any] = {
    "color": PALETTE,
    "backgroundColor": "transparent",
    "textStyle": {"color": "#cbd5e1"},
    "legend": {"textStyle": {"color": "#cbd5e1"}},
    "categoryAxis": _AXIS,
    "valueAxis": _AXIS,
    "timeAxis": _AXIS,
}
NO_ITEMS = "No pgdojo items for this focus yet: follow the advice, review your flashcards."
TYPE_LABELS = {
    "deepdive": "Technical deep dive",
    "sql": "SQL live coding",
    "troubleshooting": "Troubleshooting",
    "behavioral": "Behavioral",
    "design": "System design",
}
INPUTS = ("mock", "coverage", "quality", "trend")
INPUT_HELP = {
    "mock": "the mean level of the type's last three mock segments "
    "(junior 33, senior 67, staff 100)",
    "coverage": "the share of the track's items passed",
    "quality": "the mean best score of the items tried "
    "(deep dives: with the flashcard retention of the last 30 days)",
    "trend": "50 + the last five attempts' mean score minus the five before's",
}


def _chart(options: dict[str, Any]) -> ui.echart:
    return ui.echart({"backgroundColor": "transparent", **options}, theme=DARK_THEME)


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.0f} min"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


# -- /plan: the model ----------------------------------------------------------------------
@dataclass
class PlanModel:
    """What the plan page shows: the plan (None: no plan yet), this week, hours done a week."""

    today: date
    plan: Plan | None = None
    week: WeekProgress | None = None
    # hours done in each week of the plan; None where not known (future, or before the
    # report's 120 days of activity)
    done: list[float | None] = field(default_factory=list)

    @property
    def days_left(self) -> int:
        return (self.plan.interview_date - self.today).days if self.plan else 0


def done_by_week(
    plan: Plan, current: WeekProgress, daily: list[dict[str, Any]], today: date
) -> list[float | None]:
    """Hours done in each week: this week's from `show()`, past weeks' from the daily
    active minutes (a week is the 7 days from its `starts_on`, as `show()` counts them)."""
    minutes = {date.fromisoformat(d["day"]): float(d["minutes"]) for d in daily}
    known_from = today - timedelta(days=DAILY_DAYS - 1)
    done: list[float | None] = []
    for week in plan.weeks:
        if week.week == current.week.week:
            done.append(round(current.hours_done, 2))
        elif week.starts_on > today or week.starts_on < known_from:
            done.append(None)
        else:
            end = week.starts_on + timedelta(days=7)
            spent = sum(m for day, m in minutes.items() if week.starts_on <= day < end)
            done.append(round(spent / 60, 2))
    return done


def load_plan(plans: PlanTrack, today: date | None = None) -> PlanModel:
    today = today or date.today()
    try:
        plan = plans.plan()
        week = plans.show(today)
    except NotFoundError:
        return PlanModel(today)
    daily = plans.progress().daily
    return PlanModel(today, plan, week, done_by_week(plan, week, daily, today))


def plan_ics(plans: PlanTrack) -> str:
    return plan_to_ics(plans.plan())


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


# -- /plan: the view -----------------------------------------------------------------------
class PlanPage:
    """The plan page's state and its refreshable view."""

    def __init__(self, plans: PlanTrack) -> None:
        self.plans = plans
        self.model = PlanModel(date.today())
        self.editing = False  # the form shown over an existing plan ("Make a new plan")

    async def load(self) -> None:
        model = await call(load_plan, self.plans)
        if model is not None:
            self.model = model

    async def reload(self) -> None:
        await self.load()
        self.view.refresh()

    # -- actions ---------------------------------------------------------------------------
    async def make(self, when: str | None, hours: float | None) -> None:
        interview = _parse_date(when)
        if interview is None:
            ui.notify("The interview date must be a date like 2027-01-15.", type="warning")
            return
        plan = await call(self.plans.init, interview, hours)
        if plan is None:
            return
        ui.notify(f"A {len(plan.weeks)}-week plan to {interview:%d %B %Y}.", type="positive")
        self.editing = False
        await self.reload()

    async def reset(self, dialog: ui.dialog) -> None:
        dialog.close()
        result = await call(self.plans.reset)
        if result is None:
            return
        ui.notify("Plan removed (your attempts stay)." if result["reset"] else "No plan.")
        self.editing = False
        await self.reload()

    async def download(self) -> None:
        text = await call(plan_ics, self.plans)
        if text is not None:
            ui.download.content(text.encode(), "pgdojo-plan.ics", "text/calendar")

    def edit(self, editing: bool) -> None:
        self.editing = editing
        self.view.refresh()

    # -- view ------------------------------------------------------------------------------
    @ui.refreshable_method
    def view(self) -> None:
        model = self.model
        if model.plan is None or model.week is None or self.editing:
            self._form()
            return
        self._header(model.plan)
        self._this_week(model.plan, model.week)
        self._chart(model.plan, model.done)
        self._weeks(model.plan, model.week.week.week, model.done)

    def _form(self) -> None:
        today = self.model.today
        with ui.card().classes("w-full max-w-xl gap-3").mark("plan-form"):
            ui.label("Make your practice plan").classes("text-xl")
            ui.label(
                "The six-week schedule (deep dives, SQL, system design, troubleshooting, mocks, "
                "full mocks) fitted to the weeks before your interview, with your weakest "
                "items first."
            ).classes("text-slate-300")
            default = (today + timedelta(weeks=6)).isoformat()
            with ui.input("Interview date (YYYY-MM-DD)", value=default) as when:
                after = f"{today:%Y/%m/%d}"  # Quasar's picker passes dates as YYYY/MM/DD
                with ui.menu().props("no-parent-event") as menu:
                    picker = ui.date().bind_value(when).props(f":options=\"d => d > '{after}'\"")
                    with picker, ui.row().classes("justify-end"):
                        ui.button("Close", on_click=menu.close).props("flat")
                with when.add_slot("append"):
                    ui.icon("edit_calendar").on("click", menu.open).classes("cursor-pointer")
            when.classes("w-64").mark("interview-date")
            hours = (
                ui.number("Hours per week (optional)", min=0.5, max=60, step=0.5)
                .props('clearable hint="empty: as the seed, 2 to 4 h a week"')
                .classes("w-64")
                .mark("hours")
            )
            with ui.row().classes("gap-2"):
                ui.button(
                    "Make the plan",
                    icon="event",
                    on_click=lambda: self.make(when.value, hours.value),
                ).mark("make-plan")
                if self.model.plan is not None:
                    ui.button("Cancel", on_click=lambda: self.edit(False)).props("flat")

    def _header(self, plan: Plan) -> None:
        days = self.model.days_left
        left = (
            f"{days} days left"
            if days > 1
            else ("tomorrow" if days == 1 else ("today" if days == 0 else "passed"))
        )
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-1"):
                ui.label(f"Interview on {plan.interview_date:%A %d %B %Y}").classes(
                    "text-2xl font-semibold"
                ).mark("plan-header")
                with ui.row().classes("gap-2"):
                    ui.badge(left, color="accent").props("text-color=black").mark("days-left")
                    ui.badge(f"{len(plan.weeks)} weeks").props("outline")
                    ui.badge(f"from {plan.starts_on:%d %b %Y}").props("outline")
                    hours = (
                        f"{plan.hours_per_week:g} h a week"
                        if plan.hours_per_week is not None
                        else "the seed's hours"
                    )
                    ui.badge(hours).props("outline")
            with ui.row().classes("gap-2 no-print"):
                ui.button("Download calendar (.ics)", icon="download", on_click=self.download).mark(
                    "download-ics"
                )
                ui.button(
                    "Make a new plan", icon="edit_calendar", on_click=lambda: self.edit(True)
                ).props("outline").mark("new-plan")
                with ui.dialog() as dialog, ui.card():
                    ui.label("Forget the plan? Your attempts and progress stay.")
                    with ui.row().classes("justify-end w-full"):
                        ui.button("Cancel", on_click=dialog.close).props("flat")
                        ui.button(
                            "Reset the plan",
                            color="negative",
                            on_click=lambda: self.reset(dialog),
                        ).mark("reset-confirm")
                ui.button("Reset", icon="delete", color="negative", on_click=dialog.open).props(
                    "outline"
                ).mark("reset")

    def _this_week(self, plan: Plan, progress: WeekProgress) -> None:
        week = progress.week
        with ui.card().classes("w-full gap-2").mark("this-week"):
            with ui.row().classes("w-full items-baseline justify-between"):
                ui.label(
                    f"This week · week {week.week} of {len(plan.weeks)} · {week.title}"
                ).classes("text-xl")
                ui.label(f"day {progress.day} of 7").classes("text-slate-400")
            share = min(1.0, progress.hours_done / week.hours) if week.hours else 0.0
            colour = "orange" if progress.behind else "teal"
            ui.linear_progress(share, show_value=False).props(
                f"size=14px rounded color={colour}"
            ).mark("hours-bar")
            ui.label(
                f"{progress.hours_done:.1f} of {week.hours:g} h done (recorded active time)"
            ).classes("text-slate-300").mark("hours-done")
            if progress.behind:
                with (
                    ui.card()
                    .classes("w-full gap-1 border-orange-400 bg-transparent")
                    .props("bordered flat")
                    .mark("behind")
                ):
                    ui.label(
                        f"⚠ Behind: {progress.hours_done:.1f} of {week.hours:g} h on day "
                        f"{progress.day} of 7."
                    ).classes("text-orange-300")
                    if progress.drop:
                        minutes = sum(i["minutes"] for i in progress.drop)
                        ui.label(
                            f"To fit the hours left this week, drop these {len(progress.drop)}"
                            f" ({minutes} min; marked drop below):"
                        )
                        with ui.column().classes("gap-0 text-sm"):
                            for item in progress.drop:
                                ui.label(f"· {item['title']} ({item['minutes']} min)")
                    else:
                        ui.label("The items left still fit in the hours left: keep the pace.")
            for item in progress.items_done:
                ui.label(f"✓ {item['title']}").classes("text-green-400").mark("item-done")
            dropped = {(i["track"], i["item_id"]) for i in progress.drop}
            for item in progress.items_left:
                with ui.row().classes("items-center gap-3").mark("item-left"):
                    ui.link(item["title"], item["link"])
                    ui.label(f"{item['minutes']} min").classes("text-slate-400 text-sm")
                    ui.label(item["command"]).classes("font-mono text-xs text-slate-400")
                    if (item["track"], item["item_id"]) in dropped:
                        ui.badge("drop", color="orange")
            if not week.items:
                ui.label(NO_ITEMS).classes("text-slate-400")
            for advice in week.advice:
                ui.label(advice).classes("text-slate-400 italic text-sm")

    def _chart(self, plan: Plan, done: list[float | None]) -> None:
        # Not printed: each week's card has its hours, and the chart's light text is for the screen.
        with ui.card().classes("w-full no-print"):
            ui.label("Hours per week: planned and done").classes("text-lg")
            _chart(
                {
                    "tooltip": {"trigger": "axis"},
                    "legend": {"data": ["planned", "done"], "top": 0, "right": 10},
                    "xAxis": {"type": "category", "data": [f"week {w.week}" for w in plan.weeks]},
                    "yAxis": {"type": "value", "name": "hours"},
                    "series": [
                        {"name": "planned", "type": "bar", "data": [w.hours for w in plan.weeks]},
                        {"name": "done", "type": "bar", "data": done},
                    ],
                    "grid": {"left": 50, "right": 20, "top": 40, "bottom": 30},
                }
            ).classes("w-full h-56").mark("hours-chart")

    def _weeks(self, plan: Plan, current: int, done: list[float | None]) -> None:
        with ui.grid().classes("w-full gap-3 grid-cols-1 md:grid-cols-2 xl:grid-cols-3"):
            for week, hours_done in zip(plan.weeks, done, strict=True):
                _week_card(plan, week, week.week == current, hours_done)


def _week_card(plan: Plan, week: PlanWeek, current: bool, hours_done: float | None) -> None:
    last = min(week.starts_on + timedelta(days=6), plan.interview_date)
    classes = "w-full gap-1" + (" border-2 border-amber-400" if current else "")
    with ui.card().classes(classes).mark(f"week-{week.week}"):
        with ui.row().classes("w-full items-baseline justify-between"):
            ui.label(f"Week {week.week}").classes("text-lg font-semibold")
            if current:
                ui.badge("this week", color="accent").props("text-color=black")
            ui.label(f"{week.starts_on:%a %d %b} – {last:%a %d %b}").classes(
                "text-slate-400 text-sm"
            )
        ui.label(week.title).classes("text-amber-300")
        spent = "" if hours_done is None else f" · {hours_done:.1f} h done"
        ui.label(f"{week.hours:g} h planned{spent}").classes("text-slate-300 text-sm")
        with ui.row().classes("gap-1"):
            for focus, hours in week.hours_by_focus.items():
                ui.badge(f"{focus} {hours:g} h").props("outline")
        for advice in week.advice:
            ui.label(advice).classes("text-slate-400 italic text-sm")
        if not week.items:
            ui.label(NO_ITEMS).classes("text-slate-400 text-sm")
        for item in week.items:
            with ui.row().classes("items-baseline gap-2"):
                ui.link(item["title"], item["link"]).classes("text-sm")
                ui.label(f"{item['minutes']} min").classes("text-slate-400 text-xs")


@route("/plan")
async def plan_page() -> None:
    with frame("Plan"):
        printable()
        plans = safely(lambda: track(PlanTrack))
        if plans is None:
            return
        page = PlanPage(plans)
        await page.load()
        page.view()


# -- /progress -----------------------------------------------------------------------------
@route("/progress")
async def progress_page() -> None:
    with frame("Progress"):
        printable()
        plans = safely(lambda: track(PlanTrack))
        if plans is None:
            return
        report = await call(plans.progress)
        if report is None:
            return
        ui.label("Progress and readiness").classes("text-2xl font-semibold")
        _readiness(report)
        _tracks_table(report)
        with ui.card().classes("w-full"):
            _activity(report.daily)
        with ui.card().classes("w-full"):
            _scores(report)
        with ui.card().classes("w-full"):
            _mock_levels(report.mock_levels)


def _readiness(report: ProgressReport) -> None:
    with ui.card().classes("w-full gap-3").mark("readiness"):
        with ui.row().classes("w-full items-baseline justify-between"):
            ui.label("Readiness per interview type").classes("text-lg")
            overall = "—" if report.overall is None else f"{report.overall:.0f}/100"
            ui.label(f"overall {overall}").classes("text-2xl font-bold text-amber-300").mark(
                "overall"
            )
        ui.label(report.formula).classes("font-mono text-sm").mark("formula")
        with ui.column().classes("gap-0"):
            for name in INPUTS:
                ui.label(f"{name}: {INPUT_HELP[name]}").classes("text-xs text-slate-400")
        ui.label(
            "An input without data is left out and the other weights rescaled; "
            "overall is the mean of the types that have a score."
        ).classes("text-xs text-slate-400")
        grid = ui.grid().classes("w-full gap-x-4 gap-y-2 items-center")
        grid.style("grid-template-columns: 11rem minmax(8rem, 1fr) repeat(4, 5rem) 2fr")
        with grid:
            for heading in ("round", "readiness", *INPUTS, "note"):
                ui.label(heading).classes("text-xs uppercase text-slate-400")
            for readiness in report.readiness:
                _readiness_row(readiness)


def _readiness_row(readiness: Readiness) -> None:
    with ui.element("div").classes("contents").mark(f"readiness-{readiness.type}"):
        ui.label(TYPE_LABELS.get(readiness.type, readiness.type))
        with ui.row().classes("items-center gap-2 no-wrap"):
            score = readiness.score
            ui.linear_progress((score or 0) / 100, show_value=False).props(
                "size=12px rounded color=secondary"
            ).classes("flex-1")
            ui.label(_number(score)).classes("w-8 text-right font-semibold")
        for name in INPUTS:
            ui.label(_number(readiness.inputs.get(name))).classes("text-slate-300")
        ui.label(readiness.note).classes("text-sm text-slate-400")


def _tracks_table(report: ProgressReport) -> None:
    columns = [
        {"name": "track", "label": "track", "field": "track", "align": "left"},
        {"name": "attempts", "label": "attempts", "field": "attempts"},
        {"name": "tried", "label": "items tried", "field": "tried"},
        {"name": "passed", "label": "passed", "field": "passed"},
        {"name": "mastered", "label": "mastered", "field": "mastered"},
        {"name": "best", "label": "mean best", "field": "best"},
        {"name": "time", "label": "time", "field": "time"},
        {"name": "extra", "label": "", "field": "extra", "align": "left"},
    ]
    rows = []
    for t in report.tracks:
        s = t["summary"]
        extra = ""
        if t.get("card_reviews_30d"):
            extra = f"{t['card_reviews_30d']} card reviews (30 d), {t['card_retention_30d']}% kept"
        rows.append(
            {
                "track": t["title"],
                "attempts": s["attempts"],
                "tried": f"{s['items_attempted']}/{t['items']}",
                "passed": s["items_passed"],
                "mastered": t["mastered"],
                "best": _number(s["mean_best_score"]),
                "time": _hours(s["active_seconds"]),
                "extra": extra,
            }
        )
    with ui.card().classes("w-full"):
        ui.label("Per track").classes("text-lg")
        ui.table(columns=columns, rows=rows, row_key="track").classes("w-full").props(
            "dense flat bordered"
        ).mark("tracks")


def _activity(daily: list[dict[str, Any]], today: date | None = None) -> None:
    today = today or date.today()
    start = today - timedelta(days=DAILY_DAYS - 1)
    data = [[d["day"], d["minutes"]] for d in daily]
    total = sum(d["minutes"] for d in daily)
    with ui.row().classes("w-full items-baseline justify-between"):
        ui.label(f"Activity, the last {DAILY_DAYS} days").classes("text-lg")
        days = f"{len(daily)} active day" + ("" if len(daily) == 1 else "s")
        ui.label(f"{days} · {total / 60:.1f} h").classes("text-slate-400").mark("activity-total")
    _chart(
        {
            "tooltip": {":formatter": "p => `${p.value[0]}: ${p.value[1]} min`"},
            "visualMap": {
                "min": 0,
                "max": max([30.0, *(d["minutes"] for d in daily)]),
                "orient": "horizontal",
                "left": "center",
                "bottom": 0,
                "itemHeight": 160,
                "text": ["min", ""],
                "inRange": {"color": ["#134e4a", "#2a9d8f", "#e9c46a"]},
                "textStyle": {"color": "#cbd5e1"},
            },
            "calendar": {
                "range": [start.isoformat(), today.isoformat()],
                "cellSize": ["auto", 15],
                "top": 30,
                "left": 40,
                "right": 20,
                "bottom": 50,
                "itemStyle": {"color": "#1e293b", "borderColor": "#0f172a", "borderWidth": 2},
                "splitLine": {"lineStyle": {"color": "#64748b"}},
                "dayLabel": {"color": "#94a3b8", "firstDay": 1, "nameMap": "en"},
                "monthLabel": {"color": "#94a3b8"},
                "yearLabel": {"show": False},
            },
            "series": [{"type": "heatmap", "coordinateSystem": "calendar", "data": data}],
        }
    ).classes("w-full h-64").mark("activity")


def _rolling_mean(scores: list[float], size: int = 5) -> list[float]:
    out = []
    for n in range(len(scores)):
        window = scores[max(0, n - size + 1) : n + 1]
        out.append(round(sum(window) / len(window), 1))
    return out


def _scores(report: ProgressReport) -> None:
    ui.label("Scores over time (dots: attempts; line: mean of the last five)").classes("text-lg")
    titles = {t["track"]: t["title"] for t in report.tracks}
    series: list[dict[str, Any]] = []
    for n, (track_id, points) in enumerate(report.history.items()):
        points = [p for p in points if p["score"] is not None]
        if not points:
            continue
        colour = PALETTE[n % len(PALETTE)]
        name = titles.get(track_id, track_id)
        mean = _rolling_mean([float(p["score"]) for p in points])
        series.append(
            {
                "name": name,
                "type": "scatter",
                "symbolSize": 6,
                "itemStyle": {"color": colour, "opacity": 0.45},
                "data": [[p["at"], p["score"], p["item"]] for p in points],
            }
        )
        series.append(
            {
                "name": name,
                "type": "line",
                "showSymbol": False,
                "lineStyle": {"color": colour, "width": 2},
                "itemStyle": {"color": colour},
                "data": [[p["at"], m] for p, m in zip(points, mean, strict=True)],
            }
        )
    if not series:
        ui.label("No scored attempt yet.").classes("text-slate-400").mark("no-scores")
        return
    _chart(
        {
            "tooltip": {"trigger": "item"},
            "legend": {"top": 0, "right": 10},
            "xAxis": {"type": "time"},
            "yAxis": {"type": "value", "min": 0, "max": 100, "name": "score"},
            "series": series,
            "grid": {"left": 50, "right": 20, "top": 40, "bottom": 30},
        }
    ).classes("w-full h-72").mark("scores")


def _level(value: Any) -> str | None:
    """A mock level's name (junior, senior, staff); None for anything else."""
    return value if isinstance(value, str) and value in LEVEL_POINTS else None


def mock_level_series(entries: list[dict[str, Any]]) -> tuple[list[str], dict[str, list[Any]]]:
    """(mock labels, criterion -> its level at each mock) from the report's `mock_levels`:
    entries with a `levels` mapping (criterion -> level), or one `criterion` and `level`
    each, labelled by `at`, `date`, `mock` or `id`."""
    by_mock: dict[str, dict[str, str | None]] = defaultdict(dict)
    for n, entry in enumerate(entries, start=1):
        label = next(
            (str(entry[k]) for k in ("at", "date", "mock", "id") if entry.get(k)), f"mock {n}"
        )
        levels = entry.get("levels")
        if isinstance(levels, dict):
            for criterion, level in levels.items():
                by_mock[label][str(criterion)] = _level(level)
        elif "criterion" in entry:
            by_mock[label][str(entry["criterion"])] = _level(entry.get("level"))
    keys = list(by_mock)
    criteria = sorted({c for levels in by_mock.values() for c in levels})
    series = {c: [by_mock[key].get(c) for key in keys] for c in criteria}
    return [_short(key) for key in keys], series


def _short(label: str) -> str:
    """A timestamp label as day and time; any other label as it is."""
    try:
        return datetime.fromisoformat(label).strftime("%d %b %H:%M")
    except ValueError:
        return label


def _mock_levels(entries: list[dict[str, Any]]) -> None:
    ui.label("Levels per criterion over mocks").classes("text-lg")
    labels, series = mock_level_series(entries) if entries else ([], {})
    if not series:
        ui.label("No mock yet: each criterion's level shows here after your first mock.").classes(
            "text-slate-400"
        ).mark("no-mock")
        return
    _chart(
        {
            "tooltip": {"trigger": "axis"},
            "legend": {"top": 0, "right": 10},
            "xAxis": {"type": "category", "data": labels},
            "yAxis": {"type": "category", "data": list(LEVEL_POINTS)},
            "series": [
                {"name": c, "type": "line", "data": values, "connectNulls": True}
                for c, values in series.items()
            ],
            "grid": {"left": 70, "right": 20, "top": 40, "bottom": 30},
        }
    ).classes("w-full h-72").mark("mock-levels")
