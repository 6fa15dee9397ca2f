"""`pgdojo design ...`: data-layer designs run on the engine at a scale that shows."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt, guard
from pgdojo.cli.output import (
    EXIT_NOT_ACCEPTED,
    EXIT_OK,
    console,
    emit,
    progress_bar,
    read_source,
)
from pgdojo.tracks.design import DesignGrade, DesignTrack, RunResult

design_app = typer.Typer(
    help="System design of the data layer: your schema and queries run at scale.",
    no_args_is_help=True,
)
IdArg = Annotated[str, typer.Argument(metavar="ID", help="The prompt's id (`pgdojo design list`).")]
FileArg = Annotated[str, typer.Argument(metavar="FILE|-", help="Your design (Markdown), or -.")]


def _design() -> DesignTrack:
    return context.services().track(DesignTrack)


@design_app.command("list")
def list_prompts(as_json: JsonOpt = False) -> None:
    """The design prompts and your best grade on each."""
    rows = guard(as_json, lambda: _design().list_prompts())

    def render() -> None:
        table = Table(title=f"Design prompts ({len(rows)})")
        for col in ("id", "title", "tenants", "best"):
            table.add_column(col)
        for r in rows:
            best = "" if r["best_score"] is None else str(r["best_score"])
            table.add_row(r["id"], r["title"], "yes" if r["tenants"] else "", best)
        console.print(table)

    emit({"prompts": rows, "count": len(rows)}, as_json, render)


@design_app.command("show")
def show(
    prompt_id: IdArg,
    template: Annotated[bool, typer.Option(help="Print a submission skeleton instead.")] = False,
    model: Annotated[
        str | None, typer.Option(help="Print a worked design: staff, senior or flawed-*.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The prompt: clarifying questions, given tables, named queries, scale, rubric."""
    track = guard(as_json, _design)
    if template or model:
        text = guard(
            as_json,
            lambda: (
                track.template(prompt_id) if template else track.model(prompt_id, model or "staff")
            ),
        )
        # Raw, not through Rich: a terminal-width wrap would break the SQL of a saved file.
        emit({"id": prompt_id, "text": text}, as_json, lambda: print(text))
        return
    data = guard(as_json, lambda: track.show(prompt_id))

    def render() -> None:
        console.print(Panel(Markdown(data["statement"]), title=f"{data['id']} · {data['title']}"))
        console.print("[bold]Ask first:[/]")
        for q in data["clarifying_questions"]:
            console.print(f"  · {q}", highlight=False)
        console.print(f"[bold]Given tables[/] (run as {data['owner']}):")
        console.print(Syntax(data["given_sql"], "sql", theme="ansi_dark"))
        table = Table(title="Named queries your design provides")
        for col in ("name", "kind", "parameters", "contract"):
            table.add_column(col)
        for name, q in data["queries"].items():
            params = ", ".join(f":{k} {v}" for k, v in q["params"].items())
            table.add_row(name, q["kind"], params, q["contract"])
        console.print(table)
        console.print(f"[bold]Scale:[/] {data['scale']['name']}", highlight=False)
        if data["estimates"]:
            console.print(
                "[bold]Estimates expected:[/] " + ", ".join(e["name"] for e in data["estimates"])
            )
        console.print(f"[dim]`pgdojo design show {data['id']} --template` for a skeleton[/]")

    emit(data, as_json, render)


def _render_run(result: RunResult) -> None:
    mark = "[green]PASSED[/]" if result.passed else "[red]NOT PASSED[/]"
    console.print(f"{mark}  {result.prompt_id} in {result.seconds:.1f} s")
    for check in result.checks:
        sign = "[green]✓[/]" if check.passed else "[red]✗[/]"
        console.print(f"  {sign} {check.name}: {check.message}", highlight=False)
    for leak in result.leaks:
        console.print(f"  [red]leak[/] {leak.path}: {leak.message}", highlight=False)
    queries = result.measured.get("queries", {})
    if queries:
        table = Table(title="Measured")
        for col in (
            "query",
            "kind",
            "p50 ms",
            "p95 ms",
            "rows/call",
            "WAL B/call",
            "buffers",
            "plan",
        ):
            table.add_column(col)
        for name, q in queries.items():
            table.add_row(
                name,
                q["kind"],
                str(q.get("p50_ms", "")),
                str(q.get("p95_ms", "")),
                str(q.get("rows_per_call", "")),
                f"{q['wal_bytes_per_call']:,}" if "wal_bytes_per_call" in q else "",
                str(q.get("buffers_p50", "")),
                q.get("plan", ""),
            )
        console.print(table)
    for figures in result.measured.get("extrapolated", {}).values():
        if isinstance(figures, dict):
            console.print(f"  [bold]at full scale:[/] {figures['says']}", highlight=False)


@design_app.command("run")
def run(prompt_id: IdArg, file: FileArg, as_json: JsonOpt = False) -> None:
    """Run the design's checks at the prompt's scale. Exit 0 when every check passes."""
    track = guard(as_json, _design)
    text = guard(as_json, lambda: read_source(file))
    with progress_bar(as_json) as progress:
        result = guard(as_json, lambda: track.run(prompt_id, text, progress))
    emit(result.to_dict(), as_json, lambda: _render_run(result))
    raise typer.Exit(EXIT_OK if result.passed else EXIT_NOT_ACCEPTED)


def _render_grade(graded: DesignGrade) -> None:
    console.print(
        f"[bold]{graded.score}/100 · {graded.level}[/]  ·  "
        + ", ".join(f"{k} {v}" for k, v in graded.criteria.items())
    )
    table = Table()
    for col in ("part", "score", "rubric", "run"):
        table.add_column(col)
    for part in graded.parts.values():
        table.add_row(
            part["label"],
            str(part["score"]),
            str(part["rubric"]),
            "" if part["run"] is None else str(part["run"]),
        )
    console.print(table)
    for e in graded.estimates:
        given = "—" if e.given is None else f"{e.given:,.0f}"
        console.print(
            f"  estimate {e.name}: {given} vs {e.expected:,.0f} → {e.verdict}", highlight=False
        )
    if graded.feedback:
        console.print("[bold]What to fix, most valuable first:[/]")
        for point in graded.feedback[:12]:
            console.print(f"  · {point['message']}", highlight=False)


@design_app.command("grade")
def grade(prompt_id: IdArg, file: FileArg, as_json: JsonOpt = False) -> None:
    """Grade the written sections together with a run. Exit 0 at staff or senior level."""
    track = guard(as_json, _design)
    text = guard(as_json, lambda: read_source(file))
    with progress_bar(as_json) as progress:
        graded = guard(as_json, lambda: track.grade(prompt_id, text, progress))
    emit(graded.to_dict(), as_json, lambda: _render_grade(graded))
    raise typer.Exit(EXIT_OK if graded.level != "junior" else EXIT_NOT_ACCEPTED)


@design_app.command("prove")
def prove(prompt_id: IdArg, as_json: JsonOpt = False) -> None:
    """The prompt's experiments: design variants run side by side (e.g. the fan-out sweep)."""
    track = guard(as_json, _design)
    with progress_bar(as_json) as progress:
        results = guard(as_json, lambda: track.prove(prompt_id, progress))

    def render() -> None:
        for result in results:
            console.print(Panel(result.explain, title=result.title))
            table = Table()
            table.add_column("variant")
            for m in result.measure:
                table.add_column(m)
            for row in result.rows:
                table.add_row(
                    row["label"], *(str(row["figures"].get(m, "")) for m in result.measure)
                )
            console.print(table)

    emit({"experiments": [r.to_dict() for r in results]}, as_json, render)


@design_app.command("numbers")
def numbers(
    refresh: Annotated[bool, typer.Option(help="Measure again.")] = False, as_json: JsonOpt = False
) -> None:
    """Numbers to know, measured on this machine's engine, beside the classic figures."""
    rows: list[dict[str, Any]] = guard(as_json, lambda: _design().numbers(refresh))

    def render() -> None:
        table = Table(title="Numbers to know, measured here")
        for col in ("figure", "measured", "classic"):
            table.add_column(col)
        for r in rows:
            table.add_row(r["name"], f"{r['measured']:,.0f} {r['unit']}", r["classic"])
        console.print(table)

    emit({"numbers": rows}, as_json, render)
