"""`pgdojo mock ...`: timed mock interviews graded on the Junior/Senior/Staff rubric."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.prompt import Prompt
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt, guard
from pgdojo.cli.output import console, emit, read_source
from pgdojo.errors import UsageError
from pgdojo.tracks.mock.criteria import CRITERIA, LEVELS, parse_self
from pgdojo.tracks.mock.service import MockTrack, MockView, report_markdown

mock_app = typer.Typer(
    help="Mock interviews: timed rounds, your self-score first, then the grade.",
    no_args_is_help=True,
)
IdArg = Annotated[int, typer.Argument(metavar="ID", help="The mock's id (`pgdojo mock list`).")]


def _mock() -> MockTrack:
    return context.services().track(MockTrack)


def _render(view: MockView) -> None:
    segment = view.segment
    if segment is None:
        console.print(f"Every segment is done: `pgdojo mock finish {view.id}`.")
        return
    prompt = segment.prompt
    left = segment.seconds_left or 0
    clock = f"{int(left // 60)}:{int(abs(left) % 60):02d} left" if left >= 0 else "over time"
    body = prompt.get("question") or prompt.get("statement") or prompt.get("alert") or ""
    console.print(
        Panel(
            Markdown(body),
            title=f"mock {view.id} · segment {segment.position + 1}/{len(view.segments)} · "
            f"{segment.kind} · {prompt.get('title', '')}",
            subtitle=f"{segment.minutes:g} min box · {clock}",
        )
    )
    if prompt.get("dsn"):
        console.print(f"psql: [bold]{prompt['dsn']}[/]", highlight=False)
    if segment.visible and "verdict" in segment.visible:
        console.print(f"judge: {segment.visible['verdict']} — {segment.visible['message']}")
    if segment.visible and "solved" in segment.visible:
        console.print(f"engine: {'solved' if segment.visible['solved'] else 'not solved'}")
    if segment.follow_up:
        console.print(f"[bold]Interviewer:[/] {segment.follow_up}", highlight=False)
    console.print(
        f"[dim]`pgdojo mock answer {view.id} FILE|-` · `pgdojo mock next {view.id}` · "
        f"`pgdojo mock finish {view.id}`[/]"
    )


@mock_app.command("start")
def start(
    kind: Annotated[
        str,
        typer.Option("--type", help="deepdive, design, sql, troubleshooting, behavioral or full."),
    ] = "full",
    item: Annotated[str | None, typer.Option("--item", help="Practise this item.")] = None,
    minutes: Annotated[
        float | None, typer.Option(help="Total minutes (scales the seed's time boxes).")
    ] = None,
    short: Annotated[bool, typer.Option(help="The short variant: a third of each box.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Start a timed mock; items come from your weak and unseen ones first."""
    view = guard(as_json, lambda: _mock().start(kind, item, minutes, short))
    emit(view.to_dict(), as_json, lambda: _render(view))


@mock_app.command("answer")
def answer(
    mock_id: IdArg,
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="Your answer (- for stdin).")],
    as_json: JsonOpt = False,
) -> None:
    """Answer the current segment (SQL is judged, a lab checked); the interviewer follows up."""
    view = guard(as_json, lambda: _mock().answer(mock_id, read_source(file)))
    emit(view.to_dict(), as_json, lambda: _render(view))


@mock_app.command("next")
def next_segment(mock_id: IdArg, as_json: JsonOpt = False) -> None:
    """Move on to the next segment."""
    view = guard(as_json, lambda: _mock().next(mock_id))
    emit(view.to_dict(), as_json, lambda: _render(view))


@mock_app.command("status")
def status(mock_id: IdArg, as_json: JsonOpt = False) -> None:
    """Time left per segment."""
    view = guard(as_json, lambda: _mock().view(mock_id))

    def render() -> None:
        table = Table(title=f"mock {view.id} ({view.kind})")
        for col in ("#", "round", "item", "box", "left", "answers"):
            table.add_column(col)
        for s in view.segments:
            left = "" if s.seconds_left is None else f"{s.seconds_left / 60:.1f} min"
            mark = "▶ " if s.position == view.current and not view.finished else ""
            table.add_row(
                f"{mark}{s.position + 1}", s.kind, s.item_id, f"{s.minutes:g}", left, str(s.answers)
            )
        console.print(table)

    emit(view.to_dict(), as_json, render)


def _ask_self() -> dict[str, str]:
    console.print("Before you see the grade: how did you do? (junior, senior or staff)")
    return {c: Prompt.ask(f"  {c}", choices=list(LEVELS), default="senior") for c in CRITERIA}


@mock_app.command("finish")
def finish(
    mock_id: IdArg,
    self_score: Annotated[
        str | None,
        typer.Option("--self", help='Your self-score first: "correctness=senior,depth=staff,..."'),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Finish: your self-score first, then the grade on the seed's rubric and the gap."""

    def levels() -> dict[str, str] | None:
        if self_score is not None:
            try:
                return parse_self(self_score)
            except ValueError as exc:
                raise UsageError(f"--self: {exc}") from None
        return None

    mine = guard(as_json, levels)
    if mine is None and not as_json and sys.stdin.isatty():
        mine = _ask_self()
    report = guard(as_json, lambda: _mock().finish(mock_id, mine))
    emit(report, as_json, lambda: _render_report(report))


@mock_app.command("report")
def report(
    mock_id: IdArg,
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Also write the report as Markdown here.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The report of a finished mock (printable; exportable as Markdown)."""
    data = guard(as_json, lambda: _mock().report(mock_id))
    if markdown is not None:

        def write() -> None:
            try:
                markdown.write_text(report_markdown(data), encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"{markdown}: cannot write ({exc.strerror})") from None

        guard(as_json, write)
    emit(data, as_json, lambda: _render_report(data))


@mock_app.command("list")
def list_mocks(as_json: JsonOpt = False) -> None:
    """Your mocks, and the spread of your levels across them."""
    track = guard(as_json, _mock)
    mocks = guard(as_json, track.list_mocks)
    history = guard(as_json, track.history)

    def render() -> None:
        table = Table(title=f"Mocks ({len(mocks)})")
        for col in ("id", "type", "date", "overall"):
            table.add_column(col)
        for m in mocks:
            table.add_row(
                str(m["id"]),
                m["kind"],
                m["created_at"][:16],
                m["overall"] or ("…" if not m["finished"] else ""),
            )
        console.print(table)
        for c, s in history["spread"].items():
            if s["mocks"]:
                spread = "" if s["stdev"] is None else f" ± {s['stdev']}"
                console.print(f"  {c}: mean level {s['mean']}{spread} over {s['mocks']} mock(s)")

    emit({"mocks": mocks, "history": history}, as_json, render)


def _render_report(data: dict[str, Any]) -> None:
    console.print(Markdown(report_markdown(data)))
