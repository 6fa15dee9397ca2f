"""`pgdojo lab ...`: live incidents on a disposable PostgreSQL."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt, guard
from pgdojo.cli.output import EXIT_NOT_ACCEPTED, EXIT_OK, console, emit
from pgdojo.tracks.lab.service import LabTrack

lab_app = typer.Typer(
    help="Troubleshooting: live incidents, investigated and verified.", no_args_is_help=True
)
IdArg = Annotated[str, typer.Argument(metavar="ID")]


@lab_app.command("list")
def list_labs(as_json: JsonOpt = False) -> None:
    """The scenarios, whether one is running, whether you solved it."""
    svc = context.services()
    rows = guard(as_json, svc.track(LabTrack).list_scenarios)

    def render() -> None:
        table = Table(title=f"Lab scenarios ({len(rows)})")
        for col in ("id", "title", "severity", "difficulty", "state"):
            table.add_column(col)
        for r in rows:
            state = (
                "[yellow]running[/]"
                if r["running"]
                else ("[green]solved[/]" if r["solved"] else "")
            )
            table.add_row(r["id"], r["title"], r["severity"], r["difficulty"], state)
        console.print(table)

    emit({"scenarios": rows, "count": len(rows)}, as_json, render)


@lab_app.command("start")
def start(scenario_id: IdArg, as_json: JsonOpt = False) -> None:
    """Page yourself into the incident: a fresh cluster, a live workload, the pager briefing."""
    svc = context.services()
    with (
        console.status("starting a disposable PostgreSQL and the workload…", spinner="dots")
        if not as_json
        else contextlib.nullcontext()
    ):
        data = guard(as_json, lambda: svc.track(LabTrack).start(scenario_id))

    def render() -> None:
        console.print(
            Panel(
                Markdown(data["briefing"]),
                title=f"[bold red]{data['severity']}[/] {data['alert']}",
                border_style="red",
            )
        )
        console.print(f"psql: [bold]{data['dsn']}[/]", highlight=False)
        if data.get("standby_dsn"):
            console.print(f"standby: [bold]{data['standby_dsn']}[/]", highlight=False)
        console.print(
            f"[dim]ready in {data['ready_s']} s · `pgdojo lab console {data['scenario']}`"
            f" · `pgdojo lab status {data['scenario']}` · `pgdojo lab check "
            f"{data['scenario']}`[/]"
        )

    emit(data, as_json, render)


@lab_app.command("status")
def status(
    scenario_id: IdArg,
    watch: Annotated[int, typer.Option(help="Refresh every second for this many seconds.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """The live symptom figures of the workload and the engine."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(LabTrack).status(scenario_id))
    if as_json:
        emit(data, True, lambda: None)
        return
    _render_status(data)
    for _ in range(watch):
        time.sleep(1)
        _render_status(guard(False, lambda: svc.track(LabTrack).status(scenario_id)))


@lab_app.command("check")
def check(scenario_id: IdArg, as_json: JsonOpt = False) -> None:
    """Is it fixed? Symptom, root cause, prevention, your diagnosis, traps, your method."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(LabTrack).check(scenario_id))
    emit(data, as_json, lambda: _render_check(data))
    raise typer.Exit(EXIT_OK if data["solved"] else EXIT_NOT_ACCEPTED)


@lab_app.command("hint")
def hint(scenario_id: IdArg, as_json: JsonOpt = False) -> None:
    """The next of three progressive hints (counted in your score)."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(LabTrack).hint(scenario_id))
    emit(
        data,
        as_json,
        lambda: console.print(
            Panel(Markdown(data["hint"]), title=f"hint {data['number']}/{data['total']}")
        ),
    )


@lab_app.command("diagnose")
def diagnose(
    scenario_id: IdArg,
    text: Annotated[str, typer.Argument(help="The root cause, in your words: name the culprit.")],
    as_json: JsonOpt = False,
) -> None:
    """Record your root-cause statement (the Detect part of the score)."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(LabTrack).diagnose(scenario_id, text))
    emit(data, as_json, lambda: console.print("recorded."))


@lab_app.command("debrief")
def debrief(scenario_id: IdArg, as_json: JsonOpt = False) -> None:
    """The model investigation and fix, with the why."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(LabTrack).debrief(scenario_id))
    emit(
        data, as_json, lambda: console.print(Panel(Markdown(data["debrief"]), title=data["title"]))
    )


@lab_app.command("stop")
def stop(scenario_id: IdArg, as_json: JsonOpt = False) -> None:
    """Stop the lab: workload, servers, data dir and sockets all removed."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(LabTrack).stop(scenario_id))
    emit(
        data,
        as_json,
        lambda: console.print("stopped and removed" if data["stopped"] else "was not running"),
    )


@lab_app.command("console")
def console_cmd(scenario_id: IdArg) -> None:
    """A SQL console on the incident as the on-call role: \\d, \\dt, \\x, history; recorded."""
    svc = context.services()
    track = svc.track(LabTrack)
    guard(False, lambda: track.status(scenario_id))
    _run_console(track, scenario_id, svc.settings.home / "labs" / scenario_id)


# -- rendering ---------------------------------------------------------------------------------


def _render_status(data: Mapping[str, Any]) -> None:
    m = data["measured"]
    colour = "red" if data["symptom_present"] else "green"
    parts = [
        f"[{colour}]{'SYMPTOM' if data['symptom_present'] else 'ok'}[/]",
        f"{m.get('ops_per_s', 0)} ops/s",
        f"p95 {m.get('p95_ms')} ms",
        f"errors {m.get('errors_per_s', 0)}/s",
    ]
    extra = {
        k: v
        for k, v in m.items()
        if k not in ("ops_per_s", "p95_ms", "errors_per_s", "fresh", "oldest_inflight_ms")
    }
    parts += [f"{k} {v}" for k, v in extra.items()]
    console.print(f"[dim]{data['elapsed_s']:>6.1f}s[/] " + " · ".join(parts), highlight=False)


def _render_check(data: Mapping[str, Any]) -> None:
    head = "[bold green]SOLVED[/]" if data["solved"] else "[bold red]NOT SOLVED[/]"
    console.print(head)
    for item in data["findings"]:
        mark = (
            "[green]✓[/]"
            if item["ok"]
            else ("[yellow]○[/]" if item["name"] == "prevention" else "[red]✗[/]")
        )
        console.print(f"{mark} {item['name']}: {item['detail']}", highlight=False)
    for trap in data["traps"]:
        console.print(f"[red]⚠ {trap['name']}[/]: {trap['detail']}", highlight=False)
    method = data["investigation"]
    phases = " → ".join(
        ("[green]" if ok else "[dim]") + p + "[/]" for p, ok in method["phases"].items()
    )
    console.print(f"method {method['score']}/100: {phases}")
    for note in method["notes"]:
        console.print(f"  · {note}", highlight=False)


def _run_console(track: Any, scenario_id: str, root: Path) -> None:
    import readline

    history = root / "console_history"
    if history.exists():
        readline.read_history_file(str(history))
    expanded = False
    console.print(
        f"[bold]{scenario_id}[/] console as oncall. \\q quits, \\dt tables, \\d NAME, "
        "\\x expanded, \\? help. Everything you run is recorded."
    )
    buffer: list[str] = []
    while True:
        try:
            line = input("shop=> " if not buffer else "shop-> ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        stripped = line.strip()
        if not buffer and stripped.startswith("\\"):
            command, _, arg = stripped.partition(" ")
            if command == "\\q":
                break
            if command == "\\x":
                expanded = not expanded
                console.print(f"Expanded display is {'on' if expanded else 'off'}.")
                continue
            sql = _meta_sql(command, arg.strip())
            if sql is None:
                console.print(
                    "\\dt  tables · \\d NAME  columns and indexes · \\x  expanded · \\q  quit"
                )
                continue
            _show(track.console_execute(scenario_id, sql), expanded)
            continue
        buffer.append(line)
        if stripped.endswith(";"):
            statement = "\n".join(buffer)
            buffer = []
            _show(track.console_execute(scenario_id, statement), expanded)
    readline.write_history_file(str(history))


def _meta_sql(command: str, arg: str) -> str | None:
    if command == "\\dt":
        return (
            "SELECT schemaname AS schema, relname AS table, n_live_tup AS rows, "
            "pg_size_pretty(pg_total_relation_size(relid)) AS size "
            "FROM pg_stat_user_tables ORDER BY 1, 2"
        )
    if command == "\\d" and arg:
        name = arg.replace("'", "''")
        return (
            "SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, "
            "a.attnotnull AS not_null FROM pg_attribute a "
            f"WHERE a.attrelid = '{name}'::regclass AND a.attnum > 0 AND NOT a.attisdropped "
            "UNION ALL SELECT 'index: ' || indexrelid::regclass::text, "
            "pg_get_indexdef(indexrelid), indisvalid FROM pg_index "
            f"WHERE indrelid = '{name}'::regclass"
        )
    if command == "\\d":
        return (
            "SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
            "ORDER BY 2"
        )
    return None


def _cell(value: Any) -> str:
    """A value as psql prints it: arrays in braces, NULL as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "{" + ",".join(_cell(v) for v in value) + "}"
    return str(value)


def _show(result: dict[str, Any], expanded: bool) -> None:
    if result["error"]:
        console.print(f"[red]ERROR:[/] {result['error']}", highlight=False)
        return
    if not result["columns"]:
        console.print(result["status"])
        return
    if expanded:
        for number, row in enumerate(result["rows"], start=1):
            console.print(f"[dim]-[ RECORD {number} ]-[/]")
            for col, value in zip(result["columns"], row, strict=True):
                console.print(f"{col:<24}| {_cell(value)}", highlight=False)
        return
    table = Table(show_edge=False)
    for col in result["columns"]:
        table.add_column(col)
    for row in result["rows"]:
        table.add_row(*[_cell(v) for v in row])
    console.print(table)
    console.print(f"[dim]({len(result['rows'])} rows)[/]")
