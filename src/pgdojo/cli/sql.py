"""`pgdojo sql ...`: list, show, judge, run, hint, verify and practise SQL problems."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.prompt import Prompt
from rich.syntax import Syntax
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt
from pgdojo.cli.common import guard as _guard
from pgdojo.cli.output import (
    EXIT_NOT_ACCEPTED,
    EXIT_OK,
    console,
    emit,
    fail,
    print_json,
    progress_bar,
    read_source,
)
from pgdojo.errors import UsageError
from pgdojo.tracks.sql import JudgeResult, MistakeMeasurement, Severity, SqlTrack, Verdict

sql_app = typer.Typer(
    help="SQL live coding: problems judged on a real PostgreSQL.", no_args_is_help=True
)


def _sql() -> SqlTrack:
    return context.services().track(SqlTrack)


VERDICT_STYLE = {
    Verdict.ACCEPTED: "bold green",
    Verdict.WRONG_ANSWER: "bold red",
    Verdict.ERROR: "bold red",
    Verdict.TIMEOUT: "bold yellow",
    Verdict.REJECTED: "bold magenta",
    Verdict.TOO_SLOW: "bold yellow",
}


@sql_app.command("list")
def list_problems(
    pattern: Annotated[
        str | None, typer.Option(help="Only problems with this pattern tag.")
    ] = None,
    difficulty: Annotated[str | None, typer.Option(help="easy, medium or hard.")] = None,
    solved: Annotated[
        bool | None, typer.Option("--solved/--unsolved", help="Filter by status.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The problems, with difficulty, patterns and whether you solved them."""
    rows = _guard(as_json, lambda: _sql().list_problems(pattern, difficulty, solved))

    def render() -> None:
        table = Table(title=f"SQL problems ({len(rows)})")
        for col in ("id", "kind", "difficulty", "patterns", "min", ""):
            table.add_column(col)
        for r in rows:
            mark = "[green]✓[/]" if r.solved else ("·" if r.attempted else "")
            table.add_row(
                r.id, r.kind, r.difficulty, ", ".join(r.patterns), str(r.target_minutes), mark
            )
        console.print(table)

    emit({"problems": rows, "count": len(rows)}, as_json, render)


@sql_app.command("show")
def show(
    problem_id: Annotated[str, typer.Argument(metavar="ID")], as_json: JsonOpt = False
) -> None:
    """The statement, the tables, the sample data and the expected sample output."""
    data = _guard(as_json, lambda: _sql().show(problem_id))
    emit(data, as_json, lambda: _render_problem(data))


@sql_app.command("judge")
def judge(
    problem_id: Annotated[str, typer.Argument(metavar="ID")],
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="SQL file, or - for stdin.")],
    as_json: JsonOpt = False,
) -> None:
    """Judge a solution on the sample and the hidden datasets. Exit 0 accepted, 1 not, 2 usage."""

    def act() -> JudgeResult:
        source = read_source(file)
        return _sql().judge(problem_id, source)

    result = _guard(as_json, act)
    emit(result.to_dict(), as_json, lambda: _render_result(result))
    raise typer.Exit(EXIT_OK if result.accepted else EXIT_NOT_ACCEPTED)


@sql_app.command("run")
def run(
    problem_id: Annotated[str, typer.Argument(metavar="ID")],
    file: Annotated[str, typer.Argument(metavar="FILE|-")],
    as_json: JsonOpt = False,
) -> None:
    """Run a solution on the sample dataset only and show its rows (not recorded)."""
    data = _guard(as_json, lambda: _sql().run_sample(problem_id, read_source(file)))

    def render() -> None:
        if data["ok"]:
            _render_rows(data["rows"], "your result on the sample")
        else:
            console.print(f"[red]{data['result']['message']}[/]")

    emit(data, as_json, render)
    raise typer.Exit(EXIT_OK if data["ok"] else EXIT_NOT_ACCEPTED)


@sql_app.command("hint")
def hint(
    problem_id: Annotated[str, typer.Argument(metavar="ID")],
    number: Annotated[int, typer.Argument(help="1, 2 or 3: each gives away more.")] = 1,
    as_json: JsonOpt = False,
) -> None:
    """One of the problem's three progressive hints."""
    shown = _guard(as_json, lambda: _sql().hint(problem_id, number))
    emit(
        {"problem_id": problem_id, **shown.to_dict()},
        as_json,
        lambda: console.print(
            Panel(Markdown(shown.text), title=f"hint {shown.number}/{shown.total}")
        ),
    )


@sql_app.command("verify")
def verify(
    problem_id: Annotated[str | None, typer.Argument(metavar="[ID]")] = None,
    packs_only: Annotated[
        bool,
        typer.Option(
            "--packs-only", help="Only the problems of the --content packs, not the built-in bank."
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """For authors: every reference solution accepted, every wrong/*.sql rejected as declared,
    and the classic-mistake rules measured against the `-- mistake:` declarations."""
    with progress_bar(as_json) as update:
        run = _guard(as_json, lambda: _sql().verify(problem_id, packs_only, update))
    reports = run.reports

    def render() -> None:
        for r in reports:
            status = "[green]ok[/]" if r.ok else "[red]FAIL[/]"
            console.print(f"{status} {r.problem_id}: " + "; ".join(r.checked), highlight=False)
            for problem in r.problems:
                console.print(f"    [red]✗[/] {problem}", highlight=False)
        _render_measurement(run.mistakes)
        console.print(f"{sum(r.ok for r in reports)}/{len(reports)} problems verified")

    emit(run.to_dict(), as_json, render)
    raise typer.Exit(EXIT_OK if run.ok else EXIT_NOT_ACCEPTED)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _render_measurement(measurement: MistakeMeasurement) -> None:
    table = Table(title="classic-mistake rules on these files")
    for col in ("rule", "declared", "TP", "FN", "FP", "precision", "recall"):
        table.add_column(col, justify="left" if col == "rule" else "right")
    active = [m for m in measurement.rules if m.declared or m.false_positives]
    quiet = len(measurement.rules) - len(active)
    if quiet:
        table.caption = f"{quiet} rule(s) neither declared nor firing here are not listed"
    for m in [*active, measurement.overall]:
        table.add_row(
            m.rule,
            str(m.declared),
            str(m.true_positives),
            str(m.false_negatives),
            str(m.false_positives),
            _ratio(m.precision),
            _ratio(m.recall),
            style="bold" if m is measurement.overall else None,
        )
    console.print(table)
    for line in measurement.overall.missed:
        console.print(f"    [yellow]missed[/] {line}", highlight=False)
    for line in measurement.overall.misfired:
        console.print(f"    [yellow]fired, not declared[/] {line}", highlight=False)


@sql_app.command("practice")
def practice(
    pattern: Annotated[str | None, typer.Option(help="Pick among this pattern tag.")] = None,
    difficulty: Annotated[str | None, typer.Option(help="easy, medium or hard.")] = None,
    problem_id: Annotated[str | None, typer.Option("--id", help="Practise this problem.")] = None,
    file: Annotated[
        Path | None, typer.Option(help="Solution file (judged when you press s).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Pick an unsolved problem, time yourself against its target, get hints, submit."""
    track = _guard(as_json, _sql)
    problem = _guard(
        as_json,
        lambda: (
            track.problem(problem_id) if problem_id else track.pick_unsolved(pattern, difficulty)
        ),
    )
    practice = _guard(as_json, lambda: track.practise(problem.id))
    target_s = practice.target_minutes * 60
    interactive = sys.stdin.isatty() and not as_json

    if not interactive:
        # Scripted use: judge the given file once and report, as one JSON object with --json.
        if file is None:
            fail(UsageError("without a terminal, give the solution with --file FILE"), as_json)
        result = _guard(
            as_json, lambda: track.judge(problem.id, read_source(str(file)), practice.attempt_id)
        )
        attempt = track.attempt(practice.attempt_id)
        payload: dict[str, Any] = {
            **practice.to_dict(),
            "result": result.to_dict(),
            "seconds_to_solve": attempt.seconds_to_solve if attempt else None,
        }
        if as_json:
            print_json(payload)
        else:
            _render_result(result)
        raise typer.Exit(EXIT_OK if result.accepted else EXIT_NOT_ACCEPTED)

    _render_problem(_guard(False, lambda: track.show(problem.id)))
    path = file or Path(tempfile.gettempdir()) / f"pgdojo-{problem.id}.sql"
    while True:
        elapsed = practice.elapsed_s()  # a resumed attempt's clock goes on
        over = "[red]" if elapsed > target_s else "[green]"
        console.print(
            f"{over}⏱ {_clock(elapsed)}[/] / target {_clock(target_s)}   solution file: {path}"
        )
        choice = Prompt.ask(
            r"\[s]ubmit  \[e]dit  \[r]un on sample  \[h]int  \[q]uit",
            choices=["s", "e", "r", "h", "q"],
            default="e",
        )
        if choice == "q":
            console.print(
                "Attempt kept open; `pgdojo sql practice --id " + problem.id + "` resumes."
            )
            return
        if choice == "h":
            shown = _guard(False, lambda: track.next_hint(practice.attempt_id))
            if shown is None:
                console.print("No more hints: the editorial comes after solving.")
            else:
                console.print(
                    Panel(Markdown(shown.text), title=f"hint {shown.number}/{shown.total}")
                )
            continue
        if choice == "e":
            _edit(path)
            continue
        if not path.exists():
            console.print("[yellow]write your solution first ([e]dit)[/]")
            continue
        source = path.read_text()
        if choice == "r":
            data = _guard(False, lambda: track.run_sample(problem.id, source))  # noqa: B023
            if data["ok"]:
                _render_rows(data["rows"], "your result on the sample")
            else:
                console.print(f"[red]{data['result']['message']}[/]")
            continue
        result = _guard(
            False,
            lambda: track.judge(problem.id, source, practice.attempt_id),  # noqa: B023
        )
        _render_result(result)
        if result.accepted:
            attempt = track.attempt(practice.attempt_id)
            hints = attempt.hints_used if attempt else 0
            console.print(
                f"Solved in {_clock(practice.elapsed_s())} "
                f"(target {_clock(target_s)}), {hints} hint(s)."
            )
            console.print(Panel(Markdown(problem.editorial), title="editorial"))
            return


def _edit(path: Path) -> None:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    if not path.exists():
        path.write_text("-- your solution\n")
    subprocess.run([*editor.split(), str(path)], check=False)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _render_problem(data: Mapping[str, Any]) -> None:
    head = (
        f"[bold]{data['title']}[/]  ·  {data['kind']}  ·  {data['difficulty']}  ·  "
        f"target {data['target_minutes']} min  ·  {', '.join(data['patterns'])}"
    )
    console.print(Panel(Markdown(data["statement"]), title=data["id"], subtitle=head))
    if data.get("schema_sql"):
        console.print(Syntax(data["schema_sql"], "sql", theme="ansi_dark"))
    if data.get("slow_query"):
        console.print("[bold]The slow query:[/]")
        console.print(Syntax(data["slow_query"], "sql", theme="ansi_dark"))
    if data.get("sample_sql"):
        console.print("[bold]Sample data:[/]")
        console.print(Syntax(data["sample_sql"], "sql", theme="ansi_dark"))
        shown = data["sample_sql"].count("\n") + 1
        if data["sample_sql_lines"] > shown:
            console.print(f"... the first {shown} of {data['sample_sql_lines']} lines")
    if data.get("sample_expected"):
        _render_rows(data["sample_expected"], "expected on the sample")
    console.print(
        f"Allowed: {', '.join(data['allowed_statements'])} · time limit "
        f"{data['time_limit_ms']} ms · {data['hidden_cases']} hidden cases"
    )


def _render_rows(rows: dict[str, Any] | None, title: str) -> None:
    if not rows:
        return
    table = Table(title=title)
    for col in rows["columns"]:
        table.add_column(col)
    for row in rows["rows"][:50]:
        table.add_row(*["NULL" if v is None else str(v) for v in row])
    console.print(table)
    total = rows.get("total_rows", len(rows["rows"]))
    if total > min(50, len(rows["rows"])):
        console.print(f"... the first {min(50, len(rows['rows']))} of {total} rows")


def _render_result(result: JudgeResult) -> None:
    style = VERDICT_STYLE.get(result.verdict, "bold")
    console.print(f"[{style}]{result.verdict.value.upper()}[/]  {result.message}", highlight=False)
    if result.position:
        console.print(Syntax(result.position.excerpt, "text"))
    if result.cases:
        marks = "  ".join(
            ("[green]✓[/] " if c.passed else "[red]✗[/] ")
            + c.name
            + (" (hidden)" if c.hidden else "")
            for c in result.cases
        )
        console.print(f"cases: {marks}")
    if result.diff:
        cols = result.diff["columns"]
        for label, key, colour in (
            ("missing (expected, not in yours)", "missing", "green"),
            ("extra (yours, not expected)", "extra", "red"),
        ):
            if result.diff[key]:
                _render_rows({"columns": cols, "rows": result.diff[key]}, f"[{colour}]{label}[/]")
    if result.measured:
        console.print(f"measured: {result.measured}")
    for finding in result.findings:
        colour = "red" if finding.severity is Severity.ERROR else "yellow"
        where = f" (line {finding.position.line})" if finding.position else ""
        console.print(
            Panel(
                f"{escape(finding.why)}\n[bold]Fix:[/] {escape(finding.fix)}",
                title=f"[{colour}]{finding.severity.value}: {escape(finding.title)}{where}[/]",
                subtitle=finding.rule,
                title_align="left",
            ),
            highlight=False,
        )
    console.print(
        f"[dim]{result.elapsed_ms:.0f} ms · limit {result.time_limit_ms} ms per dataset "
        f"· allowed: {', '.join(result.allowed_statements)}[/]"
    )
