"""`pgdojo plan ...` and `pgdojo progress`: the 6-week plan, this week, today, readiness."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt, guard
from pgdojo.cli.output import console, emit
from pgdojo.errors import UsageError
from pgdojo.tracks.plan.ics import plan_to_ics
from pgdojo.tracks.plan.service import PlanTrack

plan_app = typer.Typer(
    help="The 6-week plan: the seed's schedule with pgdojo items, fitted to your date.",
    no_args_is_help=True,
)


def _plan() -> PlanTrack:
    return context.services().track(PlanTrack)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--interview-date must be a date like 2027-01-15 (got {text!r})"
        ) from None


@plan_app.command("init")
def init(
    interview_date: Annotated[
        str, typer.Option("--interview-date", help="The interview day, YYYY-MM-DD.")
    ],
    hours_per_week: Annotated[
        float | None, typer.Option(help="Hours you can practise a week (default: the seed's).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Make the plan: the seed's weeks fitted to the weeks left, weak items first."""
    plan = guard(as_json, lambda: _plan().init(_date(interview_date), hours_per_week))

    def render() -> None:
        table = Table(title=f"Plan to {plan.interview_date} ({len(plan.weeks)} weeks)")
        for col in ("week", "from", "focus", "hours", "items"):
            table.add_column(col)
        for w in plan.weeks:
            table.add_row(
                str(w.week),
                w.starts_on.isoformat(),
                w.title,
                f"{w.hours:g}",
                "\n".join(i["title"] for i in w.items[:6])
                + (f"\n… {len(w.items) - 6} more" if len(w.items) > 6 else ""),
            )
        console.print(table)

    emit(plan.to_dict(), as_json, render)


@plan_app.command("show")
def show(as_json: JsonOpt = False) -> None:
    """This week: hours done (recorded active time) against planned, items done and left."""
    progress = guard(as_json, lambda: _plan().show())

    def render() -> None:
        w = progress.week
        console.print(
            f"[bold]Week {w.week}[/] ({w.title}) · day {progress.day}/7 · "
            f"{progress.hours_done:.1f} of {w.hours:g} h · "
            f"{progress.days_to_interview} days to the interview"
            + (" · [red]behind[/]" if progress.behind else "")
        )
        for item in progress.items_done:
            console.print(f"  [green]✓[/] {item['title']}", highlight=False)
        for item in progress.items_left:
            dropped = item in progress.drop
            mark = "[yellow]drop[/]" if dropped else "·"
            console.print(f"  {mark} {item['title']}  [dim]{item['command']}[/]", highlight=False)

    emit(progress.to_dict(), as_json, render)


@plan_app.command("today")
def today(as_json: JsonOpt = False) -> None:
    """Today's share of this week's items."""
    data = guard(as_json, lambda: _plan().today())

    def render() -> None:
        console.print(f"[bold]Today[/] · week {data['week']} · {data['focus']}")
        if not data["items"]:
            console.print("  nothing left this week: review flashcards (`pgdojo cards review`)")
        for item in data["items"]:
            console.print(f"  · {item['title']}  [dim]{item['command']}[/]", highlight=False)

    emit(data, as_json, render)


@plan_app.command("export")
def export(
    ics: Annotated[Path, typer.Option("--ics", help="Write an iCalendar file here.")],
    as_json: JsonOpt = False,
) -> None:
    """The plan as calendar events (an .ics file calendar apps import)."""
    plan = guard(as_json, lambda: _plan().plan())
    text = plan_to_ics(plan)

    def write() -> None:
        try:
            ics.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UsageError(f"{ics}: cannot write ({exc.strerror})") from None

    guard(as_json, write)
    events = text.count("BEGIN:VEVENT")
    emit(
        {"file": str(ics), "events": events},
        as_json,
        lambda: console.print(f"{events} events written to {ics}"),
    )


@plan_app.command("reset")
def reset(as_json: JsonOpt = False) -> None:
    """Forget the plan (your attempts stay)."""
    data = guard(as_json, lambda: _plan().reset())
    emit(data, as_json, lambda: console.print("plan removed" if data["reset"] else "no plan"))


def progress(as_json: JsonOpt = False) -> None:
    """Per track: your record; per interview type: readiness, with its formula."""
    report = guard(as_json, lambda: _plan().progress())

    def render() -> None:
        table = Table(title="Progress")
        for col in ("track", "attempts", "tried", "passed", "best (mean)", "time"):
            table.add_column(col)
        for t in report.tracks:
            s = t["summary"]
            best = "" if s["mean_best_score"] is None else f"{s['mean_best_score']:.0f}"
            table.add_row(
                t["title"],
                str(s["attempts"]),
                f"{s['items_attempted']}/{t['items']}",
                str(s["items_passed"]),
                best,
                f"{s['active_seconds'] / 3600:.1f} h",
            )
        console.print(table)
        ready = Table(title=f"Readiness ({report.formula})")
        for col in ("round", "readiness", "mock", "coverage", "quality", "trend", ""):
            ready.add_column(col)
        for r in report.readiness:
            cells = [
                "" if r.inputs.get(k) is None else f"{r.inputs[k]:.0f}"
                for k in ("mock", "coverage", "quality", "trend")
            ]
            score = "" if r.score is None else f"{r.score:.0f}"
            ready.add_row(r.type, score, *cells, r.note)
        console.print(ready)
        if report.overall is not None:
            console.print(f"[bold]overall readiness {report.overall:.0f}/100[/]")
        console.print(f"streak: {report.streak_days} day(s) in a row")
        for t in report.tracks:
            detail = t.get("detail") or {}
            if t["track"] == "sql" and detail:
                solved = ", ".join(
                    f"{d} {v['solved']}/{v['total']}" for d, v in detail["by_difficulty"].items()
                )
                ratio = detail["time_vs_target_median"]
                console.print(
                    f"SQL by difficulty: {solved}"
                    + ("" if ratio is None else f"; median time {ratio:.1f}x the target")
                )
            if t["track"] == "lab" and detail:
                traps = sum(detail["traps"].values())
                console.print(
                    f"Labs: {detail['solved']}/{detail['scenarios']} solved, {traps} trap(s)"
                )

    emit(report.to_dict(), as_json, render)
