"""SQL: the problem list with filters, and a problem page with editor, run, submit, hints."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from nicegui import ui

from pgdojo.tracks.sql import SqlTrack
from pgdojo.tracks.sql.service import Practice, ProblemDetails, seconds_since
from pgdojo.web.drafts import TabDraft
from pgdojo.web.frame import call, frame, heartbeat, result_table, route, safely, track

STARTING_TEXT = "-- your SQL\n"  # the editor's text before the candidate has typed


@route("/sql")
async def sql_list_page(pattern: str = "", difficulty: str = "", status: str = "") -> None:
    with frame("SQL problems"):
        sql = safely(lambda: track(SqlTrack))
        if sql is None:
            return
        solved = {"solved": True, "unsolved": False}.get(status)
        rows = await call(sql.list_problems, pattern or None, difficulty or None, solved)
        patterns = await call(sql.patterns) or []
        with ui.row().classes("items-end gap-4"):
            ui.label("SQL problems").classes("text-2xl font-semibold")
            pick_pattern = ui.select(["", *patterns], value=pattern, label="pattern").classes(
                "w-56"
            )
            pick_difficulty = ui.select(
                ["", "easy", "medium", "hard"], value=difficulty, label="difficulty"
            ).classes("w-36")
            pick_status = ui.select(
                ["", "solved", "unsolved"], value=status, label="status"
            ).classes("w-36")

            def apply() -> None:
                ui.navigate.to(
                    f"/sql?pattern={pick_pattern.value or ''}&difficulty="
                    f"{pick_difficulty.value or ''}&status={pick_status.value or ''}"
                )

            for element in (pick_pattern, pick_difficulty, pick_status):
                element.on_value_change(apply)
        columns = [
            {"name": "title", "label": "problem", "field": "title", "align": "left"},
            {"name": "kind", "label": "kind", "field": "kind", "align": "left"},
            {"name": "difficulty", "label": "difficulty", "field": "difficulty", "align": "left"},
            {"name": "patterns", "label": "patterns", "field": "patterns", "align": "left"},
            {"name": "minutes", "label": "min", "field": "minutes"},
            {"name": "solved", "label": "", "field": "solved"},
        ]
        table_rows = [
            {
                "id": p.id,
                "title": p.title,
                "kind": p.kind,
                "difficulty": p.difficulty,
                "patterns": ", ".join(p.patterns),
                "minutes": p.target_minutes,
                "solved": "✓" if p.solved else "",
            }
            for p in rows or []
        ]
        table = ui.table(columns=columns, rows=table_rows, row_key="id").classes("w-full")
        table.props("dense flat bordered")
        table.on("rowClick", lambda e: ui.navigate.to(f"/sql/{e.args[1]['id']}"))
        table.classes("cursor-pointer")


class ProblemView:
    """The state of one problem page: its practice attempt (the clock and the hints used) and
    the editor's draft, kept in the tab so that a reload shows both as they were."""

    def __init__(self, problem_id: str, data: ProblemDetails) -> None:
        self.problem_id = problem_id
        self.data = data
        self.opened = datetime.now(UTC)
        self.practice: Practice | None = None
        self.draft = TabDraft(f"sql-draft:{problem_id}")

    @property
    def attempt_id(self) -> int | None:
        return self.practice.attempt_id if self.practice else None

    def elapsed_seconds(self) -> int:
        """Whole seconds on the clock: since the attempt's start (a reload resumes it), or
        since the page opened when no attempt could be opened."""
        return int(self.practice.elapsed_s() if self.practice else seconds_since(self.opened))


@route("/sql/{problem_id}")
async def sql_problem_page(problem_id: str) -> None:
    with frame(problem_id):
        sql = safely(lambda: track(SqlTrack))
        if sql is None:
            return
        # The expected sample output can take seconds to compute the first time (a large
        # sample): the page comes first, the output when it is ready.
        data = await call(lambda: sql.show(problem_id, with_sample=False))
        if data is None:
            ui.link("Back to the problems", "/sql")
            return
        view = ProblemView(problem_id, data)
        view.practice = await call(sql.practise, problem_id)
        if view.attempt_id is not None:
            heartbeat(view.attempt_id)
        target = data["target_minutes"] * 60

        with ui.row().classes("w-full items-center justify-between"):
            ui.label(data["title"]).classes("text-2xl font-semibold")
            with ui.row().classes("items-center gap-3"):
                for tag in (data["kind"], data["difficulty"], *data["patterns"]):
                    ui.badge(tag).props("outline")
                ui.icon("timer").classes("text-lg")
                clock = ui.label().classes("font-mono text-lg").mark("timer")

        def tick() -> None:
            elapsed = view.elapsed_seconds()
            over = elapsed > target
            clock.text = f"{elapsed // 60:02d}:{elapsed % 60:02d} / {target // 60:02d}:00"
            clock.classes(
                replace="font-mono text-lg " + ("text-red-400" if over else "text-green-400")
            )

        tick()
        ui.timer(1.0, tick)
        with ui.splitter(value=45).classes("w-full") as split:
            with split.before, ui.column().classes("pr-4 gap-3 w-full min-w-0"):
                ui.markdown(data["statement"]).classes("w-full min-w-0 break-words")
                ui.label("Tables").classes("text-lg")
                ui.code(data["schema_sql"], language="sql").classes("w-full")
                if data.get("slow_query"):
                    ui.label("The slow query").classes("text-lg")
                    ui.code(data["slow_query"] or "", language="sql").classes("w-full")
                with ui.expansion("Sample data", icon="table_rows").classes("w-full"):
                    ui.code(data["sample_sql"], language="sql").classes("w-full")
                    shown = data["sample_sql"].count("\n") + 1
                    if data["sample_sql_lines"] > shown:
                        ui.label(f"The first {shown} of {data['sample_sql_lines']} lines").classes(
                            "text-sm text-slate-400"
                        )
                if data["kind"] != "schema":
                    with ui.expansion("Expected output on the sample", icon="check").classes(
                        "w-full"
                    ):
                        expected_box = ui.column().classes("w-full").mark("expected")
                        with expected_box:
                            ui.spinner()
                ui.label(
                    f"Allowed: {', '.join(data['allowed_statements'])} · time limit "
                    f"{data['time_limit_ms']} ms · {data['hidden_cases']} hidden cases"
                ).classes("text-sm text-slate-400")
            with split.after, ui.column().classes("pl-4 gap-3 w-full"):
                editor = ui.codemirror(
                    STARTING_TEXT,
                    language="PostgreSQL",
                    theme="oneDark",
                    keymap={"Mod-Enter": lambda: run_sample(), "Shift-Mod-Enter": lambda: submit()},
                )
                editor.classes("w-full h-72").mark("editor")
                editor.on_value_change(lambda e: view.draft.save(e.value or ""))
                with ui.row().classes("gap-2 items-center"):
                    run_button = (
                        ui.button("Run on sample", on_click=lambda: run_sample(), icon="play_arrow")
                        .props("outline")
                        .mark("run")
                    )
                    submit_button = ui.button(
                        "Submit", on_click=lambda: submit(), icon="send"
                    ).mark("submit")
                    hint_button = (
                        ui.button(
                            _hint_label(view.practice),
                            on_click=lambda: show_hint(),
                            icon="lightbulb",
                        )
                        .props("flat")
                        .mark("hint")
                    )
                    ui.label("Ctrl+Enter runs · Ctrl+Shift+Enter submits").classes(
                        "text-xs text-slate-400"
                    )
                hints = ui.column().classes("w-full gap-1")
                # A resumed attempt shows the hints it already used.
                for number in range(1, (view.practice.hints_used if view.practice else 0) + 1):
                    with hints:
                        ui.markdown(
                            f"**Hint {number}.** {sql.hint(problem_id, number).text}"
                        ).classes("bg-slate-800 p-2 rounded")
                outcome = ui.column().classes("w-full gap-2").mark("outcome")
                editorial = ui.column().classes("w-full")
                ui.label("Your submissions").classes("text-lg")
                history = ui.column().classes("w-full")

        async def show_hint() -> None:
            if view.attempt_id is None:
                return
            shown = await call(sql.next_hint, view.attempt_id)
            if shown is None:
                ui.notify("No more hints: the editorial comes after solving.")
                return
            with hints:
                ui.markdown(f"**Hint {shown.number}.** {shown.text}").classes(
                    "bg-slate-800 p-2 rounded"
                )
            hint_button.text = f"Hint {min(shown.number + 1, shown.total)}/{shown.total}"

        async def run_sample() -> None:
            outcome.clear()
            with outcome:
                ui.spinner(size="lg")
            run_button.disable()
            result = await call(sql.run_sample, problem_id, editor.value)
            run_button.enable()
            outcome.clear()
            if result is None:
                return
            with outcome:
                if result["ok"]:
                    ui.label("Your result on the sample").classes("text-lg")
                    result_table(result["rows"])
                else:
                    _verdict_card(result["result"])

        async def submit() -> None:
            outcome.clear()
            with outcome:
                ui.spinner(size="lg")
            submit_button.disable()
            result = await call(sql.judge, problem_id, editor.value, view.attempt_id)
            submit_button.enable()
            outcome.clear()
            if result is None:
                return
            with outcome:
                _verdict_card(result.to_dict())
            if result.accepted:
                await show_editorial()
            await refresh_history()

        async def show_editorial() -> None:
            text = await call(sql.editorial, problem_id)
            editorial.clear()
            if text:
                with (
                    editorial,
                    ui.expansion(
                        "Editorial and reference solution", icon="school", value=True
                    ).classes("w-full"),
                ):
                    ui.markdown(text["editorial"])
                    ui.code(text["solution"], language="sql").classes("w-full")

        async def refresh_history() -> None:
            rows = await call(sql.submissions, problem_id, 10) or []
            history.clear()
            with history:
                for row in rows:
                    colour = "text-green-400" if row["verdict"] == "accepted" else "text-red-400"
                    with ui.row().classes("gap-3 text-sm"):
                        ui.label(row["created_at"].strftime("%H:%M:%S")).classes("text-slate-400")
                        ui.label(row["verdict"]).classes(colour)
                        ui.label(f"{float(row['elapsed_ms']):.0f} ms").classes("text-slate-400")

        async def fill_expected() -> None:
            expected = await call(lambda: sql.sample_expected(problem_id))
            expected_box.clear()
            with expected_box:
                if not expected:
                    ui.label("No expected output for this problem.").classes("text-slate-400")
                    return
                result_table(expected)
                shown, total = len(expected["rows"]), expected["total_rows"]
                ui.label(
                    f"The first {shown} of {total} rows" if total > shown else f"{total} rows"
                ).classes("text-sm text-slate-400")

        await refresh_history()
        if data.get("solved"):
            await show_editorial()
        if data["kind"] != "schema":
            ui.timer(0.05, fill_expected, once=True)
        draft = await view.draft.restore()
        if isinstance(draft, str) and draft != editor.value:
            editor.value = draft


def _verdict_card(result: dict[str, Any]) -> None:
    accepted = result["verdict"] == "accepted"
    with (
        ui.card()
        .classes("w-full " + ("border-green-500" if accepted else "border-red-500"))
        .props("bordered")
    ):
        ui.label(result["verdict"].upper().replace("_", " ")).classes(
            "text-xl font-bold " + ("text-green-400" if accepted else "text-red-400")
        ).mark("verdict")
        ui.label(result["message"]).classes("whitespace-pre-wrap")
        if result.get("position"):
            ui.code(result["position"]["excerpt"], language="text").classes("w-full")
        if result.get("cases"):
            with ui.row().classes("gap-2"):
                for case in result["cases"]:
                    ui.badge(
                        ("✓ " if case["passed"] else "✗ ") + case["name"],
                        color="green" if case["passed"] else "red",
                    )
        diff = result.get("diff")
        if diff:
            for key, label in (
                ("missing", "Missing (expected, not in yours)"),
                ("extra", "Extra (yours, not expected)"),
            ):
                if diff[key]:
                    result_table({"columns": diff["columns"], "rows": diff[key]}, label)
        if result.get("measured"):
            m = result["measured"]
            ui.label(
                f"buffers {m['buffers']} vs original {m['baseline_buffers']} → ratio "
                f"{m['ratio']} (required ≤ {m['required_ratio']})"
            )
        for finding in result.get("findings") or []:
            _finding_card(finding)
        ui.label(f"{result['elapsed_ms']:.0f} ms").classes("text-xs text-slate-400")


def _finding_card(finding: dict[str, Any]) -> None:
    """A classic mistake named after the failed case: title, why it is wrong, the fix."""
    error = finding["severity"] == "error"
    position = finding.get("position")
    where = f" · line {position['line']}" if position else ""
    with (
        ui.card()
        .classes("w-full " + ("border-red-400" if error else "border-amber-400"))
        .props("bordered flat")
        .mark("finding")
    ):
        with ui.row().classes("items-center gap-2"):
            ui.icon("error" if error else "warning").classes(
                "text-red-400" if error else "text-amber-400"
            )
            ui.label(finding["title"]).classes("font-semibold")
            ui.badge(finding["rule"]).props("outline")
            ui.label(f"{finding['severity']}{where}").classes("text-xs text-slate-400")
        ui.label(finding["why"]).classes("whitespace-pre-wrap")
        ui.markdown(f"**Fix:** {finding['fix']}")


def _hint_label(practice: Practice | None) -> str:
    if practice is None:
        return "Hint"
    return f"Hint {min(practice.hints_used + 1, practice.hints_total)}/{practice.hints_total}"
