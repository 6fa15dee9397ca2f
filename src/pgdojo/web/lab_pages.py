"""Labs: the scenario list, and an incident page with briefing, DSN, console, live chart, check."""

from __future__ import annotations

from collections import deque
from typing import Any

from nicegui import ui

from pgdojo.tracks.lab.results import LabPage
from pgdojo.tracks.lab.service import LabTrack
from pgdojo.web.frame import call, frame, result_table, route, safely, services

CHART_POINTS = 90


@route("/labs")
async def labs_page() -> None:
    with frame("Labs"):
        ui.label("Troubleshooting labs").classes("text-2xl font-semibold")
        ui.label("Each lab pages you into a live incident on a disposable PostgreSQL.").classes(
            "text-slate-400"
        )
        track = safely(lambda: services().track(LabTrack))
        if track is None:
            return
        rows = await call(track.list_scenarios) or []
        with ui.column().classes("w-full gap-2"):
            for row in rows:
                with (
                    ui.card().classes("w-full"),
                    ui.row().classes("items-center justify-between w-full"),
                ):
                    with ui.column().classes("gap-0"):
                        ui.link(row["title"], f"/labs/{row['id']}").classes("text-lg")
                        ui.label(f"{row['id']} · {row['severity']} · {row['difficulty']}").classes(
                            "text-sm text-slate-400"
                        )
                    if row["running"]:
                        ui.badge("running", color="orange")
                    elif row["solved"]:
                        ui.badge("solved", color="green")


@route("/labs/{scenario_id}")
async def lab_page(scenario_id: str) -> None:
    with frame(scenario_id):
        track = safely(lambda: services().track(LabTrack))
        if track is None:
            return
        rows = await call(track.list_scenarios) or []
        row = next((r for r in rows if r["id"] == scenario_id), None)
        if row is None:
            ui.label(f"No lab scenario {scenario_id!r}.").classes("text-red-400")
            ui.link("All labs", "/labs")
            return
        ui.label(row["title"]).classes("text-2xl font-semibold")
        header = ui.column().classes("w-full")
        body = ui.column().classes("w-full gap-4")
        series: dict[str, deque[Any]] = {k: deque(maxlen=CHART_POINTS) for k in ("t", "p95", "ops")}

        async def start() -> None:
            header.clear()
            with header, ui.row().classes("items-center gap-3"):
                ui.spinner(size="lg")
                ui.label("Starting a disposable PostgreSQL and the workload…")
            data = await call(track.start, scenario_id)
            header.clear()
            if data is not None:
                await show_running(data)
            else:
                await show_idle()

        async def stop() -> None:
            await call(track.stop, scenario_id)
            ui.notify("Lab stopped and removed.")
            timer.active = False
            await show_idle()

        async def show_idle() -> None:
            body.clear()
            header.clear()
            with header:
                ui.button("Start the incident", icon="notifications_active", on_click=start).mark(
                    "start"
                )

        async def show_running(data: LabPage | None) -> None:
            body.clear()
            with body:
                if data:
                    with ui.card().classes("w-full border-red-500").props("bordered"):
                        ui.label(f"{data['severity']} · {data['alert']}").classes(
                            "text-lg text-red-300"
                        )
                        ui.markdown(data["briefing"])
                    with ui.row().classes("items-center gap-2"):
                        ui.label("psql").classes("text-slate-400")
                        ui.code(data["dsn"], language="text").mark("dsn")
                        ui.button(
                            icon="content_copy", on_click=lambda: ui.clipboard.write(data["dsn"])
                        ).props("flat dense")
                chart = (
                    ui.echart(
                        {
                            "backgroundColor": "transparent",
                            "tooltip": {"trigger": "axis"},
                            "legend": {"data": ["p95 ms", "ops/s"], "textStyle": {"color": "#ccc"}},
                            "xAxis": {"type": "category", "data": []},
                            "yAxis": [
                                {"type": "value", "name": "p95 ms"},
                                {"type": "value", "name": "ops/s"},
                            ],
                            "series": [
                                {"name": "p95 ms", "type": "line", "data": [], "showSymbol": False},
                                {
                                    "name": "ops/s",
                                    "type": "line",
                                    "yAxisIndex": 1,
                                    "data": [],
                                    "showSymbol": False,
                                },
                            ],
                            "grid": {"left": 60, "right": 60, "top": 40, "bottom": 30},
                        }
                    )
                    .classes("w-full h-64")
                    .mark("chart")
                )
                symptom = ui.label().mark("symptom")
                with ui.row().classes("w-full gap-4 items-start"):
                    with ui.column().classes("flex-1 gap-2"):
                        ui.label("Console (as oncall; recorded)").classes("text-lg")
                        editor = ui.codemirror(
                            "SELECT pid, state, wait_event_type, application_name,"
                            " now() - xact_start AS xact_age\nFROM pg_stat_activity"
                            " WHERE datname = 'shop' ORDER BY xact_start;",
                            language="PostgreSQL",
                            theme="oneDark",
                            keymap={"Mod-Enter": lambda: run_sql()},
                        )
                        editor.classes("w-full h-40").mark("console")
                        ui.button("Run", icon="play_arrow", on_click=lambda: run_sql()).mark(
                            "console-run"
                        )
                        console_out = ui.column().classes("w-full")
                    with ui.column().classes("w-96 gap-2"):
                        diagnosis = ui.input("Root cause (name the culprit)").classes("w-full")
                        ui.button("Record diagnosis", on_click=lambda: diagnose()).props("outline")
                        with ui.row().classes("gap-2"):
                            ui.button("Check", icon="fact_check", on_click=lambda: check()).mark(
                                "check"
                            )
                            ui.button("Hint", icon="lightbulb", on_click=lambda: hint()).props(
                                "flat"
                            )
                            ui.button("Debrief", icon="school", on_click=lambda: debrief()).props(
                                "flat"
                            )
                            ui.button("Stop", icon="stop", color="red", on_click=stop).props("flat")
                        findings = ui.column().classes("w-full gap-1").mark("findings")

            async def refresh() -> None:
                status = await call(track.status, scenario_id)
                if status is None:
                    timer.active = False
                    return
                m = status["measured"]
                series["t"].append(f"{status['elapsed_s']:.0f}s")
                series["p95"].append(m.get("p95_ms"))
                series["ops"].append(m.get("ops_per_s"))
                chart.options["xAxis"]["data"] = list(series["t"])
                chart.options["series"][0]["data"] = list(series["p95"])
                chart.options["series"][1]["data"] = list(series["ops"])
                chart.update()
                extra = ", ".join(
                    f"{k} {v}" for k, v in m.items() if k not in ("fresh", "p95_ms", "ops_per_s")
                )
                symptom.text = (
                    "SYMPTOM PRESENT · " if status["symptom_present"] else "symptom gone · "
                ) + extra
                symptom.classes(
                    replace="text-red-400" if status["symptom_present"] else "text-green-400"
                )

            async def run_sql() -> None:
                result = await call(track.console_execute, scenario_id, editor.value)
                console_out.clear()
                if result is None:
                    return
                with console_out:
                    if result["error"]:
                        ui.label(f"ERROR: {result['error']}").classes("text-red-400")
                    elif result["columns"]:
                        result_table(result)
                    else:
                        ui.label(result["status"])

            async def diagnose() -> None:
                result = await call(track.diagnose, scenario_id, diagnosis.value or "")
                if result:
                    ui.notify("Diagnosis recorded.")

            async def check() -> None:
                result = await call(track.check, scenario_id)
                findings.clear()
                if result is None:
                    return
                with findings:
                    ui.label("SOLVED" if result["solved"] else "NOT SOLVED").classes(
                        "text-xl font-bold "
                        + ("text-green-400" if result["solved"] else "text-red-400")
                    )
                    for item in result["findings"]:
                        ui.label(
                            ("✓ " if item["ok"] else "✗ ") + f"{item['name']}: {item['detail']}"
                        )
                    for trap in result["traps"]:
                        ui.label(f"⚠ {trap['name']}: {trap['detail']}").classes("text-orange-300")
                    method = result["investigation"]
                    ui.label(
                        f"method {method['score']}/100: "
                        + " → ".join(p for p, ok in method["phases"].items() if ok)
                    )
                    for note in method["notes"]:
                        ui.label(f"· {note}").classes("text-sm text-slate-400")

            async def hint() -> None:
                result = await call(track.hint, scenario_id)
                if result:
                    with findings:
                        ui.markdown(
                            f"**Hint {result['number']}/{result['total']}.** {result['hint']}"
                        )

            async def debrief() -> None:
                result = await call(track.debrief, scenario_id)
                if result:
                    with body, ui.expansion("Debrief", icon="school", value=True).classes("w-full"):
                        ui.markdown(result["debrief"])

            timer.callback = refresh
            timer.active = True

        timer = ui.timer(1.5, lambda: None, active=False)
        if row["running"]:
            await show_running(await call(track.describe, scenario_id))
        else:
            await show_idle()
