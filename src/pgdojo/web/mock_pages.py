"""Mock interviews: start one (/mock, with your mocks and the history of your levels), play
it segment by segment against the clock (/mock/{id}: the self-score comes before the grade),
and read its report (/mock/{id}/report: printable, exportable as Markdown).

Every state lives in the store: the page reads `MockTrack.view(id)`, so a reload mid-mock
shows the same segment and the time left."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from nicegui import run, ui

from pgdojo.errors import NotFoundError, PgdojoError
from pgdojo.tracks.mock.criteria import CRITERIA, LEVELS, level_name
from pgdojo.tracks.mock.rounds import TIME_BOXES
from pgdojo.tracks.mock.service import KINDS, MockTrack, MockView, SegmentView, report_markdown
from pgdojo.web.frame import HEARTBEAT_S, call, frame, printable, route, safely, services, track

T = TypeVar("T")

KIND_LABELS = {
    "full": "Full loop: every round back to back",
    "deepdive": "Technical deep dive",
    "design": "System design (data layer)",
    "sql": "SQL live coding",
    "troubleshooting": "Troubleshooting (a live incident)",
    "behavioral": "Behavioral",
}
ITEM_EXAMPLES = {
    "deepdive": "mvcc",
    "design": "sharding",
    "sql": "running-total",
    "troubleshooting": "lock-contention",
    "behavioral": "risky-schema-migration",
}
# What each level means on each criterion (the seed's rubric), shown beside the self-score.
RUBRIC = {
    "correctness": ("gets basics right", "handles edge cases", "anticipates issues"),
    "depth": ("surface", "explains why", "discusses trade-offs"),
    "breadth": ("single approach", "multiple options", "cross-system thinking"),
    "communication": ("needs prompting", "clear structure", "teaches effectively"),
    "experience": ("theoretical", "real examples", "war stories"),
}
LEVEL_COLOURS = {"junior": "text-orange-300", "senior": "text-sky-300", "staff": "text-green-400"}
LINE_COLOURS = ["#4f8cc9", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"]
LINE_OFFSETS = {c: round((n - 2) * 0.04, 2) for n, c in enumerate(CRITERIA)}
SQL_START = "-- your SQL\n"


# -- small pure helpers (tested directly) ------------------------------------------------------
def parse_id(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def clock_text(seconds_left: float | None) -> str:
    """'12:34 left', or '+01:05 over time' past the box; '—' before the segment starts."""
    if seconds_left is None:
        return "—"
    seconds = int(abs(seconds_left))
    text = f"{seconds // 60:02d}:{seconds % 60:02d}"
    return f"{text} left" if seconds_left >= 0 else f"+{text} over time"


def clock_colour(seconds_left: float | None) -> str:
    if seconds_left is None:
        return "text-slate-400"
    if seconds_left < 0:
        return "text-red-400"
    return "text-amber-300" if seconds_left < 120 else "text-green-400"


def practise_link(kind: str, item_id: str) -> str:
    """Where to practise a report's item: the page of the track that played its round."""
    if kind == "sql":
        return f"/sql/{item_id}"
    if kind == "troubleshooting":
        return f"/labs/{item_id}"
    if kind == "behavioral":
        return "/stories"
    return f"/deepdive/{item_id}"  # deepdive, and design while it is a data-layer deep dive


def gap_text(gap: int | None) -> str:
    """A calibration gap (self-score minus grade, in levels) in words."""
    if gap is None:
        return "—"
    if gap == 0:
        return "0 (matches)"
    levels = "level" if abs(gap) == 1 else "levels"
    return f"{gap:+d} ({abs(gap)} {levels} {'high' if gap > 0 else 'low'})"


def segment_status(view: MockView, segment: SegmentView) -> str:
    answers = f"{segment.answers} answer{'s' if segment.answers != 1 else ''}"
    if segment.finished:
        return f"done · {answers}" if segment.answers else "done · unanswered"
    if segment.position == view.current and segment.started:
        return f"now · {answers}"
    return "to come"


def history_options(history: dict[str, Any]) -> dict[str, Any] | None:
    """ECharts options: each criterion's level (junior 1, senior 2, staff 3) over the finished
    mocks, one line per criterion; None before the first graded mock."""
    series = history["criteria"]
    mocks: dict[int, str] = {}
    for points in series.values():
        for p in points:
            mocks.setdefault(p["mock"], p["at"])
    if not mocks:
        return None
    order = sorted(mocks, key=lambda m: (mocks[m], m))
    labels = [f"#{m} · {mocks[m][5:10]}" for m in order]
    # Each criterion a little off its level, so that lines at the same level stay apart.
    values = {
        c: {p["mock"]: LEVELS.index(p["level"]) + 1 + LINE_OFFSETS[c] for p in series[c]}
        for c in CRITERIA
    }
    names = "['', 'junior', 'senior', 'staff']"
    return {
        "backgroundColor": "transparent",
        "color": LINE_COLOURS,
        "textStyle": {"color": "#cbd5e1"},
        "tooltip": {
            "trigger": "axis",
            ":valueFormatter": f"v => v == null ? '—' : {names}[Math.round(v)]",
        },
        "legend": {"data": list(CRITERIA), "top": 0, "textStyle": {"color": "#cbd5e1"}},
        "grid": {"left": 70, "right": 30, "top": 40, "bottom": 36},
        "xAxis": {
            "type": "category",
            "data": labels,
            "axisLabel": {"color": "#cbd5e1", "margin": 14},
        },
        "yAxis": {
            "type": "value",
            "min": 1,
            "max": 3,
            "interval": 1,
            "axisLabel": {"color": "#cbd5e1", ":formatter": f"v => {names}[v] ?? ''"},
            "axisTick": {"show": False},
            "splitLine": {"lineStyle": {"color": "#334155"}},
        },
        "series": [
            {
                "name": c,
                "type": "line",
                "connectNulls": True,
                "clip": False,  # the offsets go a little past junior and staff
                "data": [values[c].get(m) for m in order],
            }
            for c in CRITERIA
        ],
    }


def spread_lines(history: dict[str, Any]) -> list[str]:
    """'depth: mean 2.33 (≈ senior) ± 0.47 over 3 mocks' per criterion assessed."""
    lines = []
    for criterion, s in history["spread"].items():
        if not s["mocks"]:
            continue
        spread = f" ± {s['stdev']}" if s["stdev"] is not None else " (one mock: no spread yet)"
        plural = "mock" if s["mocks"] == 1 else "mocks"
        lines.append(
            f"{criterion}: mean {s['mean']} (≈ {level_name(s['mean'])}){spread} "
            f"over {s['mocks']} {plural}"
        )
    return lines


def in_order(report: dict[str, Any]) -> dict[str, Any]:
    """The report with its criteria in the rubric's order (a report read back from the store
    has them in jsonb's key order: shortest name first)."""
    criteria = report["criteria"]
    ordered = {c: criteria[c] for c in CRITERIA if c in criteria}
    return {**report, "criteria": ordered | criteria}


async def fetch(fn: Callable[..., T], *args: Any) -> tuple[T | None, PgdojoError | None]:
    """A service call off the event loop, its error returned to be shown on the page."""
    try:
        return await run.io_bound(fn, *args), None
    except PgdojoError as exc:
        return None, exc


def message(title: str, text: str, link: tuple[str, str]) -> None:
    with ui.card().classes("w-full max-w-2xl border-amber-400").props("bordered").mark("message"):
        ui.label(title).classes("text-lg text-amber-300")
        ui.label(text).classes("whitespace-pre-wrap")
        ui.link(*link).mark("message-link")


# -- /mock: start a mock, your mocks, the history ----------------------------------------------
@route("/mock")
async def mock_start_page(type: str = "") -> None:  # `type`: the plan links /mock?type=sql
    with frame("Mock interviews"):
        mocks = safely(lambda: track(MockTrack))
        if mocks is None:
            return
        ui.label("Mock interviews").classes("text-2xl font-semibold")
        ui.label(
            "Timed rounds played through the tracks: the interviewer follows up where your "
            "answer is thin; you score yourself before you see the grade."
        ).classes("text-slate-300")
        _start_form(mocks, type if type in KIND_LABELS else "full")
        listed = await call(mocks.list_mocks) or []
        history = await call(mocks.history)
        with ui.row().classes("w-full gap-4 items-start"):
            with ui.card().classes("flex-1 min-w-80 gap-1").mark("mocks"):
                _mock_list(listed)
            with ui.card().classes("flex-[2] min-w-96 gap-2").mark("history"):
                _history(history)


def _start_form(mocks: MockTrack, kind: str) -> None:
    with ui.card().classes("w-full gap-3").mark("start-form"):
        ui.label("Start a mock").classes("text-lg")
        with ui.row().classes("items-end gap-4"):
            pick = ui.select(KIND_LABELS, value=kind, label="round").classes("w-80").mark("type")
            minutes = (
                ui.number("minutes (optional)", min=1, max=300, step=5)
                .props("clearable")
                .classes("w-44")
                .mark("minutes")
            )
            item = ui.input("item (optional)").props("clearable").classes("w-56").mark("item")
            short = ui.checkbox("short variant (a third of each box)").mark("short")
        boxes = ui.label().classes("text-sm text-slate-400").mark("boxes")

        def update() -> None:
            chosen = pick.value or "full"
            kinds = KINDS if chosen == "full" else (chosen,)
            share = 1 / 3 if short.value else 1
            total = sum(TIME_BOXES[k][0] for k in kinds) * share
            boxes.text = (
                f"{' + '.join(kinds)}: {total:g} min"
                + (" (scaled to the minutes given)" if minutes.value else "")
                + " · empty item: your weakest or unseen one first"
            )
            if chosen == "full":
                item.value = None
                item.disable()
                item.props("placeholder=''")
            else:
                item.enable()
                item.props(f"placeholder='e.g. {ITEM_EXAMPLES[chosen]}'")

        for element in (pick, short, minutes):
            element.on_value_change(update)
        update()

        async def start() -> None:
            button.disable()
            with ui.row().classes("items-center gap-2") as waiting:
                ui.spinner()
                ui.label("Preparing the first segment…")
            view = await call(
                mocks.start,
                pick.value or "full",
                (item.value or "").strip() or None,
                float(minutes.value) if minutes.value else None,
                bool(short.value),
            )
            waiting.delete()
            button.enable()
            if view is not None:
                ui.navigate.to(f"/mock/{view.id}")

        button = ui.button("Start the mock", icon="play_arrow", on_click=start).mark("start")


def _mock_list(listed: list[dict[str, Any]]) -> None:
    ui.label("Your mocks").classes("text-lg")
    if not listed:
        ui.label("No mock yet.").classes("text-slate-400").mark("no-mocks")
        return
    for m in reversed(listed):
        with ui.row().classes("w-full items-baseline gap-3").mark(f"mock-{m['id']}"):
            ui.link(f"Mock {m['id']}", f"/mock/{m['id']}")
            ui.label(m["kind"]).classes("text-slate-300")
            ui.label(m["created_at"][:16].replace("T", " ")).classes("text-slate-400 text-sm")
            if not m["finished"]:
                ui.link("Resume", f"/mock/{m['id']}").classes("text-amber-300")
            else:
                level = m["overall"] or "not graded"
                ui.link(level, f"/mock/{m['id']}/report").classes(
                    LEVEL_COLOURS.get(m["overall"] or "", "text-slate-400")
                )


def _history(history: dict[str, Any] | None) -> None:
    ui.label("Your levels per criterion over mocks").classes("text-lg")
    options = history_options(history) if history else None
    if history is None or options is None:
        ui.label("No finished mock yet: each criterion's level shows here after one.").classes(
            "text-slate-400"
        ).mark("no-history")
        return
    ui.echart(options).classes("w-full h-64").mark("history-chart")
    ui.label("One mock is a noisy measure: read the spread across mocks.").classes(
        "text-sm text-slate-300 italic"
    )
    with ui.column().classes("gap-0").mark("spread"):
        for line in spread_lines(history):
            ui.label(line).classes("text-sm text-slate-400 font-mono")


# -- /mock/{id}: the mock being played ----------------------------------------------------------
class MockPage:
    """One mock's page: the store's view of it, what is typed, and the stage shown (the
    segment, the self-score form, then the report)."""

    def __init__(self, mocks: MockTrack, view: MockView, report: dict[str, Any] | None) -> None:
        self.mocks = mocks
        self.view = view
        self.report = report
        self.stage = "report" if report is not None else "segment"
        self.draft = ""
        self.self_levels: dict[str, str | None] = dict.fromkeys(CRITERIA)
        self.busy = False
        self.deadline: float | None = None
        self.clock_label: ui.label | None = None
        self.buttons: list[ui.button] = []
        self._sync_clock()

    @property
    def segment(self) -> SegmentView | None:
        return self.view.segment

    @property
    def is_sql(self) -> bool:
        return self.segment is not None and self.segment.kind == "sql"

    def _sync_clock(self) -> None:
        left = self.segment.seconds_left if self.segment else None
        self.deadline = None if left is None else time.monotonic() + left

    def seconds_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def tick(self) -> None:
        label = self.clock_label
        if label is None or label.is_deleted:
            return
        left = self.seconds_left()
        label.text = clock_text(left)
        label.classes(replace=f"font-mono text-2xl {clock_colour(left)}")

    async def beat(self) -> None:
        """Count active time on the SQL round's attempt while the tab is visible."""
        attempt_id = self.segment.prompt.get("attempt_id") if self.segment else None
        if self.stage != "segment" or not isinstance(attempt_id, int):
            return
        try:
            visible = await ui.run_javascript("!document.hidden", timeout=5)
        except TimeoutError:
            return
        if visible:
            await call(services().attempts.touch, attempt_id)

    # -- actions -------------------------------------------------------------------------
    async def _run(self, fn: Callable[..., T], *args: Any) -> T | None:
        if self.busy:
            return None
        self.busy = True
        for button in self.buttons:
            button.disable()
        try:
            return await call(fn, *args)
        finally:
            self.busy = False
            for button in self.buttons:
                if not button.is_deleted:
                    button.enable()

    def _show(self, view: MockView) -> None:
        self.view = view
        self._sync_clock()
        self.body.refresh()

    async def submit(self, text: str | None) -> None:
        view = await self._run(self.mocks.answer, self.view.id, text or "")
        if view is None:
            return
        if not self.is_sql:  # a written answer adds to what was said: the area starts afresh
            self.draft = ""
        self._show(view)

    async def next_segment(self) -> None:
        view = await self._run(self.mocks.next, self.view.id)
        if view is not None:
            self.draft = ""
            self._show(view)

    def ask_self_score(self, asking: bool) -> None:
        self.stage = "self" if asking else "segment"
        self.body.refresh()

    async def show_grade(self) -> None:
        levels = {c: v for c, v in self.self_levels.items() if v}
        report = await self._run(self.mocks.finish, self.view.id, levels or None)
        if report is None:
            return
        self.report = report
        self.stage = "report"
        self.body.refresh()

    # -- the view ------------------------------------------------------------------------
    @ui.refreshable_method
    def body(self) -> None:
        self.buttons = []
        self.clock_label = None
        if self.stage == "report" and self.report is not None:
            report_view(self.report, on_mock_page=True)
        elif self.stage == "self":
            self._self_form()
        else:
            self._playing()

    def _playing(self) -> None:
        view = self.view
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-0"):
                ui.label(f"Mock {view.id} · {view.kind}").classes("text-2xl font-semibold")
                ui.label(f"started {view.created_at:%d %b %Y %H:%M}").classes(
                    "text-slate-400 text-sm"
                )
            self.clock()
        with ui.row().classes("w-full gap-4 items-start no-wrap"):
            with ui.column().classes("flex-1 min-w-0 gap-3"):
                self.segment_view()
            with ui.card().classes("w-72 shrink-0 gap-1").mark("segments"):
                self.segment_list()

    @ui.refreshable_method
    def clock(self) -> None:
        segment = self.segment
        with ui.row().classes("items-center gap-2").mark("clock"):
            ui.icon("timer").classes("text-2xl")
            self.clock_label = ui.label().mark("time-left")
            if segment is not None:
                ui.badge(f"{segment.minutes:g} min box").props("outline").mark("box")
        self.tick()

    @ui.refreshable_method
    def segment_list(self) -> None:
        ui.label("Segments").classes("text-lg")
        for s in self.view.segments:
            current = s.position == self.view.current
            with (
                ui.column()
                .classes("gap-0 w-full p-1 rounded " + ("bg-slate-800" if current else ""))
                .mark(f"segment-{s.position + 1}")
            ):
                title = s.prompt.get("title") or s.item_id
                ui.label(f"{'▶ ' if current else ''}{s.position + 1}. {s.kind} · {title}").classes(
                    "text-sm " + ("font-semibold" if current else "text-slate-300")
                )
                ui.label(f"{s.minutes:g} min · {segment_status(self.view, s)}").classes(
                    "text-xs text-slate-400"
                )

    @ui.refreshable_method
    def segment_view(self) -> None:
        view, segment = self.view, self.segment
        if segment is None:
            with ui.card().classes("w-full gap-3").mark("all-done"):
                ui.label("Every segment is done.").classes("text-lg")
                ui.label("Score yourself, then see your grade.").classes("text-slate-300")
                self._finish_button()
            return
        with ui.card().classes("w-full gap-3").mark("segment"):
            with ui.row().classes("w-full items-baseline justify-between"):
                ui.label(segment.prompt.get("title") or segment.item_id).classes(
                    "text-xl font-semibold"
                ).mark("segment-title")
                with ui.row().classes("gap-2"):
                    ui.badge(f"segment {segment.position + 1} of {len(view.segments)}").props(
                        "outline"
                    ).mark("position")
                    ui.badge(segment.kind, color="secondary")
            with ui.column().classes("w-full gap-2").mark("prompt"):
                _prompt(segment)
            self._visible(segment)
            self._answer_area(segment)

    def _visible(self, segment: SegmentView) -> None:
        visible = segment.visible or {}
        if "verdict" in visible:
            accepted = visible["verdict"] == "accepted"
            with ui.column().classes("gap-0").mark("visible"):
                ui.label(f"Judge: {visible['verdict'].upper().replace('_', ' ')}").classes(
                    "text-lg font-bold " + ("text-green-400" if accepted else "text-red-400")
                ).mark("verdict")
                ui.label(visible.get("message") or "").classes("text-sm whitespace-pre-wrap")
        elif "solved" in visible:
            with ui.column().classes("gap-0").mark("visible"):
                solved = bool(visible["solved"])
                ui.label("Engine: SOLVED" if solved else "Engine: NOT SOLVED").classes(
                    "text-lg font-bold " + ("text-green-400" if solved else "text-red-400")
                ).mark("solved")
                if visible.get("symptom"):
                    ui.label(str(visible["symptom"])).classes("text-sm text-slate-300")
        elif segment.answers:
            ui.label(
                f"Answer recorded ({segment.answers} so far): the grade comes with the report."
            ).classes("text-slate-300").mark("recorded")
        if segment.follow_up:
            with (
                ui.card()
                .classes("w-full border-l-4 border-amber-400 bg-slate-800")
                .props("flat")
                .mark("follow-up")
            ):
                with ui.row().classes("items-center gap-2"):
                    ui.icon("record_voice_over").classes("text-amber-300 text-xl")
                    ui.label("Interviewer").classes("text-amber-300 font-semibold")
                ui.label(segment.follow_up).classes("text-lg italic")

    def _answer_area(self, segment: SegmentView) -> None:
        area: ui.codemirror | ui.textarea
        if segment.kind == "sql":
            area = ui.codemirror(
                self.draft or SQL_START,
                language="PostgreSQL",
                theme="oneDark",
                keymap={"Shift-Mod-Enter": lambda: self.submit(area.value)},
            ).classes("w-full h-64")
        else:
            placeholder = (
                "Answer the interviewer's follow-up…"
                if segment.follow_up
                else "Your answer, as you would say it aloud…"
            )
            area = (
                ui.textarea(value=self.draft, placeholder=placeholder)
                .classes("w-full")
                .props("outlined autogrow input-style='min-height: 12rem'")
            )
        area.mark("answer")
        area.on_value_change(lambda e: setattr(self, "draft", e.value or ""))
        with ui.row().classes("items-center gap-2"):
            self.buttons.append(
                ui.button(
                    "Submit answer", icon="send", on_click=lambda: self.submit(area.value)
                ).mark("submit")
            )
            if segment.position + 1 < len(self.view.segments):
                self.buttons.append(
                    ui.button("Next segment", icon="skip_next", on_click=self.next_segment)
                    .props("outline")
                    .mark("next")
                )
            self._finish_button()
            if segment.kind == "sql":
                ui.label("Ctrl+Shift+Enter submits").classes("text-xs text-slate-400")

    def _finish_button(self) -> None:
        self.buttons.append(
            ui.button(
                "Finish", icon="flag", color="accent", on_click=lambda: self.ask_self_score(True)
            )
            .props("outline")
            .mark("finish")
        )

    def _self_form(self) -> None:
        unanswered = [s for s in self.view.segments if not s.answers]
        with ui.card().classes("w-full max-w-3xl gap-3").mark("self-form"):
            ui.label(f"Mock {self.view.id}: how did you do?").classes("text-xl")
            ui.label(
                "Score yourself first, as you would have after the real interview; then see "
                "the grade and the gap. Leave a criterion empty to skip it."
            ).classes("text-slate-300")
            if unanswered:
                ui.label(
                    f"{len(unanswered)} of {len(self.view.segments)} segment(s) unanswered: "
                    "they are graded as such."
                ).classes("text-amber-300 text-sm").mark("unanswered")
            for criterion in CRITERIA:
                with ui.row().classes("w-full items-center gap-4 no-wrap"):
                    with ui.column().classes("gap-0 w-72"):
                        ui.label(criterion.capitalize()).classes("font-semibold")
                        ui.label(" / ".join(RUBRIC[criterion])).classes("text-xs text-slate-400")
                    ui.radio(
                        list(LEVELS),
                        value=self.self_levels[criterion],
                        on_change=lambda e, c=criterion: self.self_levels.__setitem__(c, e.value),
                    ).props("inline").mark(f"self-{criterion}")
            with ui.row().classes("gap-2"):
                self.buttons.append(
                    ui.button("Show my grade", icon="grading", on_click=self.show_grade).mark(
                        "show-grade"
                    )
                )
                self.buttons.append(
                    ui.button("Back to the mock", on_click=lambda: self.ask_self_score(False))
                    .props("flat")
                    .mark("back")
                )


def _prompt(segment: SegmentView) -> None:
    prompt = segment.prompt
    if prompt.get("alert"):
        severity = f"{prompt['severity']} · " if prompt.get("severity") else ""
        ui.label(f"{severity}{prompt['alert']}").classes("text-lg text-red-300").mark("alert")
    if prompt.get("question"):
        ui.label(prompt["question"]).classes("text-lg").mark("question")
    if prompt.get("statement"):
        ui.markdown(prompt["statement"]).classes("w-full min-w-0 break-words").mark("statement")
    if prompt.get("schema_sql"):
        with ui.expansion("Tables", icon="table_chart", value=True).classes("w-full"):
            ui.code(prompt["schema_sql"], language="sql").classes("w-full").mark("schema")
    if prompt.get("time_limit_ms"):
        ui.label(f"Time limit per dataset: {prompt['time_limit_ms']} ms").classes(
            "text-xs text-slate-400"
        )
    if prompt.get("briefing"):
        ui.markdown(prompt["briefing"]).classes("w-full").mark("briefing")
    if prompt.get("dsn"):
        dsn = str(prompt["dsn"])
        with ui.row().classes("items-center gap-2"):
            ui.label("psql").classes("text-slate-400")
            ui.code(dsn, language="text").mark("dsn")
            ui.button(icon="content_copy", on_click=lambda: ui.clipboard.write(dsn)).props(
                "flat dense"
            ).mark("copy-dsn").tooltip("Copy the DSN")
    for key in ("answer", "hint"):
        if prompt.get(key):
            ui.label(str(prompt[key])).classes("text-sm text-slate-400 italic")


@route("/mock/{mock_id}")
async def mock_page(mock_id: str) -> None:
    with frame(f"Mock {mock_id}"):
        printable()
        mocks = safely(lambda: track(MockTrack))
        if mocks is None:
            return
        number = parse_id(mock_id)
        if number is None:
            message("Not a mock", f"{mock_id!r} is not a mock id.", ("Your mocks", "/mock"))
            return
        view, error = await fetch(mocks.view, number)
        if view is None:
            text = f"There is no mock {number}." if isinstance(error, NotFoundError) else str(error)
            message("No such mock", text, ("Your mocks", "/mock"))
            return
        report: dict[str, Any] | None = None
        if view.finished:
            report, error = await fetch(mocks.report, number)
            if report is None:
                message("No report", str(error), ("Your mocks", "/mock"))
                return
        page = MockPage(mocks, view, report)
        ui.timer(1.0, page.tick)
        ui.timer(HEARTBEAT_S, page.beat)
        page.body()


# -- the report -------------------------------------------------------------------------------
def report_view(report: dict[str, Any], on_mock_page: bool = False) -> None:
    """The report: per criterion the grade, the self-score and the gap, with the evidence; the
    overall level and calibration; the segments; what to practise next."""
    report = in_order(report)
    mock_id = report["id"]
    mine = report.get("self") or {}
    calibration = report.get("calibration") or {}
    gaps = calibration.get("gaps") or {}
    with ui.column().classes("w-full gap-4").mark("report"):
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-0"):
                ui.label(f"Mock {mock_id} · {report['kind']} · report").classes(
                    "text-2xl font-semibold"
                )
                ui.label(report["created_at"][:16].replace("T", " ")).classes(
                    "text-slate-400 text-sm"
                )
            with ui.row().classes("gap-2 no-print"):
                ui.button(
                    "Download Markdown",
                    icon="download",
                    on_click=lambda: ui.download.content(
                        report_markdown(report).encode(), f"mock-{mock_id}.md", "text/markdown"
                    ),
                ).mark("download")
                ui.button(
                    "Print", icon="print", on_click=lambda: ui.run_javascript("window.print()")
                ).props("outline")
                if on_mock_page:
                    ui.link("Printable page", f"/mock/{mock_id}/report").classes("self-center")
                ui.link("Your mocks", "/mock").classes("self-center")

        with ui.card().classes("w-full gap-1"):
            with ui.row().classes("items-baseline gap-4"):
                ui.label("Overall level").classes("text-lg")
                overall = report.get("overall")
                ui.label(overall or "not graded").classes(
                    "text-3xl font-bold " + LEVEL_COLOURS.get(overall or "", "text-slate-400")
                ).mark("overall")
            if calibration.get("mean_gap") is not None:
                gap = calibration["mean_gap"]
                text = (
                    f"Calibration: {calibration['direction']} (mean gap {gap:+g} "
                    f"level{'' if abs(gap) == 1 else 's'}: your self-score minus the grade)"
                )
            elif calibration:
                text = f"Calibration: {calibration['direction']}"
            else:
                text = "Calibration: no self-score was given."
            ui.label(text).classes("text-slate-300").mark("calibration")

        with ui.card().classes("w-full gap-2"):
            ui.label("Per criterion").classes("text-lg")
            grid = ui.grid().classes("w-full gap-x-4 gap-y-2 items-start")
            grid.style("grid-template-columns: 9rem 6rem 6rem 9rem 1fr")
            with grid:
                for heading in ("criterion", "grade", "you said", "gap", "evidence"):
                    ui.label(heading).classes("text-xs uppercase text-slate-400")
                for criterion, data in report["criteria"].items():
                    _criterion_row(criterion, data, mine.get(criterion), gaps.get(criterion))

        with ui.card().classes("w-full gap-2").mark("report-segments"):
            ui.label("Segments").classes("text-lg")
            for n, s in enumerate(report["segments"], start=1):
                _segment_row(n, s)

        with ui.card().classes("w-full gap-2").mark("practise-next"):
            ui.label("What to practise next").classes("text-lg")
            if not report["practise_next"]:
                ui.label("Staff on every criterion assessed: try another round type.").classes(
                    "text-slate-300"
                )
            for p in report["practise_next"]:
                with ui.column().classes("gap-0"):
                    ui.label(f"{p['criterion']} ({p['level']}): {p['advice']}")
                    with ui.row().classes("gap-3"):
                        for item in p["items"]:
                            ui.link(
                                f"{item['title'] or item['item_id']} ({item['kind']})",
                                practise_link(item["kind"], item["item_id"]),
                            ).classes("text-sm")


def _criterion_row(criterion: str, data: dict[str, Any], said: str | None, gap: int | None) -> None:
    level = data["level"]
    with ui.element("div").classes("contents").mark(f"criterion-{criterion}"):
        ui.label(criterion.capitalize()).classes("font-semibold")
        ui.label(level or "not assessed").classes(
            LEVEL_COLOURS.get(level or "", "text-slate-400")
        ).mark(f"level-{criterion}")
        ui.label(said or "—").classes("text-slate-300").mark(f"said-{criterion}")
        ui.label(gap_text(gap)).classes("text-slate-300" if not gap else "text-amber-300").mark(
            f"gap-{criterion}"
        )
        with ui.column().classes("gap-0 min-w-0"):
            for line in data["evidence"] or ["not assessed in this mock"]:
                ui.label(f"· {line}").classes("text-sm text-slate-300 break-words")


def _segment_row(n: int, s: dict[str, Any]) -> None:
    with ui.column().classes("gap-0 w-full").mark(f"report-segment-{n}"):
        with ui.row().classes("items-baseline gap-3"):
            ui.label(f"{n}. {s['kind']}").classes("font-semibold")
            ui.link(s["title"] or s["item_id"], practise_link(s["kind"], s["item_id"]))
            if s["score"] is None:
                ui.label("unanswered").classes("text-slate-400")
            else:
                ui.label(f"{s['score']}/100").classes("font-mono")
                ui.label(s["level"] or "—").classes(LEVEL_COLOURS.get(s["level"] or "", ""))
            used, box = s["minutes_used"], s["minutes"]
            over = used is not None and used > box
            ui.label(f"{used or 0:g} of {box:g} min").classes(
                "text-sm " + ("text-red-400" if over else "text-slate-400")
            )
        for question in s["follow_ups_asked"]:
            ui.label(f"asked: {question}").classes("text-sm text-slate-400 italic")


@route("/mock/{mock_id}/report")
async def mock_report_page(mock_id: str) -> None:
    with frame(f"Mock {mock_id} report"):
        printable()
        mocks = safely(lambda: track(MockTrack))
        if mocks is None:
            return
        number = parse_id(mock_id)
        if number is None:
            message("Not a mock", f"{mock_id!r} is not a mock id.", ("Your mocks", "/mock"))
            return
        report, error = await fetch(mocks.report, number)
        if report is not None:
            report_view(report)
        elif isinstance(error, NotFoundError):
            message("No such mock", f"There is no mock {number}.", ("Your mocks", "/mock"))
        else:
            message(
                "Not finished yet",
                f"Mock {number} is not finished: finish it on its page. Your self-score comes "
                "before the grade.",
                (f"Back to mock {number}", f"/mock/{number}"),
            )
