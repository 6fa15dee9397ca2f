"""`pgdojo story ...`: the STAR-T story bank, grading, drills; `pgdojo cheatsheet` and
`pgdojo questions` (to ask the interviewers)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.prompt import Prompt
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt, guard
from pgdojo.cli.output import EXIT_NOT_ACCEPTED, EXIT_OK, console, emit, fail, read_source
from pgdojo.errors import UsageError
from pgdojo.grading import STRONG_SCORE
from pgdojo.tracks.story import StoryGrade, StoryTrack

story_app = typer.Typer(
    help="Behavioral + technical: your STAR-T story bank, graded and drilled.",
    no_args_is_help=True,
)
IdArg = Annotated[str, typer.Argument(metavar="ID", help="The story's id (`pgdojo story list`).")]
FromOpt = Annotated[
    Path | None, typer.Option("--from", help="Read the story from this file (no editor).")
]
LEVEL_COLOURS = {"staff": "green", "senior": "yellow", "junior": "red"}


def _story() -> StoryTrack:
    return context.services().track(StoryTrack)


def _edit_text(initial: str, as_json: bool) -> str:
    """The text after the user edited `initial` in $VISUAL/$EDITOR (a terminal is needed)."""
    if as_json or not sys.stdin.isatty():
        fail(UsageError("without a terminal, give the story with --from FILE"), as_json)
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as handle:
        handle.write(initial)
        path = Path(handle.name)
    try:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        subprocess.run([*editor.split(), str(path)], check=False)
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)


@story_app.command("new")
def new(source: FromOpt = None, as_json: JsonOpt = False) -> None:
    """Add a story to your bank: a template in $EDITOR, or --from FILE."""
    track = guard(as_json, _story)
    text = (
        guard(as_json, lambda: read_source(str(source)))
        if source
        else _edit_text(track.template(), as_json)
    )
    view = guard(as_json, lambda: track.create(text, str(source or "story")))
    emit(
        view.to_dict(),
        as_json,
        lambda: console.print(
            f"Saved [bold]{view.slug}[/]. `pgdojo story grade {view.slug}` grades it."
        ),
    )


@story_app.command("list")
def list_stories(as_json: JsonOpt = False) -> None:
    """Your stories, the questions they answer and their latest grade."""
    rows = guard(as_json, lambda: _story().list_stories())

    def render() -> None:
        table = Table(title=f"Your stories ({len(rows)})")
        for col in ("id", "title", "families", "rev", "score", "level"):
            table.add_column(col)
        for r in rows:
            table.add_row(
                r.slug,
                r.title + (" [magenta](failure)[/]" if r.failure else ""),
                ", ".join(r.families),
                str(r.revision),
                "" if r.score is None else str(r.score),
                r.level or "",
            )
        console.print(table)

    emit({"stories": [r.to_dict() for r in rows], "count": len(rows)}, as_json, render)


@story_app.command("show")
def show(story_id: IdArg, as_json: JsonOpt = False) -> None:
    """A story, and every revision with its score."""
    view = guard(as_json, lambda: _story().show(story_id))

    def render() -> None:
        console.print(Panel(Markdown(view.body), title=f"{view.slug} · revision {view.revision}"))
        for r in view.revisions:
            score = "ungraded" if r["score"] is None else f"{r['score']}/100 {r['level']}"
            console.print(f"  revision {r['number']}: {score} ({r['created_at'][:16]})")

    emit(view.to_dict(), as_json, render)


@story_app.command("edit")
def edit(story_id: IdArg, source: FromOpt = None, as_json: JsonOpt = False) -> None:
    """A new revision of a story (the old ones are kept, with their grades)."""
    track = guard(as_json, _story)
    current = guard(as_json, lambda: track.show(story_id))
    text = (
        guard(as_json, lambda: read_source(str(source)))
        if source
        else _edit_text(current.body, as_json)
    )
    view = guard(as_json, lambda: track.edit(story_id, text))
    emit(
        view.to_dict(),
        as_json,
        lambda: console.print(f"Saved revision {view.revision} of [bold]{view.slug}[/]."),
    )


@story_app.command("rm")
def remove(story_id: IdArg, as_json: JsonOpt = False) -> None:
    """Remove a story from your bank."""
    data = guard(as_json, lambda: _story().remove(story_id))
    emit(data, as_json, lambda: console.print(f"Removed {story_id}."))


@story_app.command("grade")
def grade(
    target: Annotated[str, typer.Argument(metavar="FILE|ID", help="A story file, - or an id.")],
    as_json: JsonOpt = False,
) -> None:
    """Grade a story on STAR-T: parts, ownership, figures, technical depth, length, level.
    Exit 0 when it grades strong, 1 otherwise."""
    track = guard(as_json, _story)
    if (
        target != "-"
        and not Path(target).is_file()
        and guard(as_json, lambda: track.store.exists(target))
    ):
        graded = guard(as_json, lambda: track.grade(target))
    else:
        graded = guard(as_json, lambda: track.grade_file(read_source(target), target))
    emit(graded.to_dict(), as_json, lambda: _render_grade(graded))
    raise typer.Exit(
        EXIT_OK if graded.level != "junior" and graded.score >= STRONG_SCORE else EXIT_NOT_ACCEPTED
    )


@story_app.command("bank")
def bank(as_json: JsonOpt = False) -> None:
    """Question families × your stories: which story answers what, the gaps, the bank's health."""
    report = guard(as_json, lambda: _story().bank_report())

    def render() -> None:
        table = Table(title="Story bank")
        table.add_column("family")
        for story in report.stories:
            table.add_column(story.slug[:14], justify="center")
        for family in report.families:
            table.add_row(
                family["title"],
                *("✓" if s.slug in family["stories"] else "" for s in report.stories),
            )
        console.print(table)
        for check in report.health:
            mark = "[green]ok[/]" if check.ok else "[red]✗[/]"
            console.print(f"{mark} {check.name}: {check.detail}")
        for gap in report.gaps:
            console.print(f"  [yellow]gap:[/] {gap}")

    emit(report.to_dict(), as_json, render)


@story_app.command("questions")
def story_questions(as_json: JsonOpt = False) -> None:
    """The behavioral questions, by family, with what the interviewer listens for."""
    families = guard(as_json, lambda: _story().families())

    def render() -> None:
        for family in families:
            console.print(f"[bold]{family.title}[/] ({family.id})  [dim]{family.about}[/]")
            for q in family.questions:
                console.print(f"  {q.id}: {q.text}", highlight=False)

    emit({"families": [f.model_dump() for f in families]}, as_json, render)


@story_app.command("drill")
def drill(
    question: Annotated[str | None, typer.Option(help="Drill this question (an id).")] = None,
    story: Annotated[str | None, typer.Option(help="Scripted use: the story you named.")] = None,
    name_seconds: Annotated[
        float | None, typer.Option(help="Scripted use: seconds to name it.")
    ] = None,
    tell_seconds: Annotated[
        float | None, typer.Option(help="Scripted use: seconds to tell it.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """As in an interview: a question, 10 s to name your story, 2–3 minutes to tell it, then
    the follow-ups an interviewer would dig with."""
    track = guard(as_json, _story)
    asked = guard(as_json, lambda: track.drill_question(question))
    if as_json or not sys.stdin.isatty():
        if story is None and tell_seconds is None:
            emit({"question": asked.to_dict()}, as_json, lambda: console.print(asked.text))
            return
        result = guard(
            as_json,
            lambda: track.finish_drill(asked.question_id, story, name_seconds, tell_seconds),
        )
        emit({"question": asked.to_dict(), "result": result.to_dict()}, as_json, lambda: None)
        return
    console.print(Panel(asked.text, title=f"{asked.family} · name your story within 10 s"))
    started = time.monotonic()
    named = Prompt.ask("story id (Enter if none)", default="", show_default=False).strip() or None
    name_s = time.monotonic() - started
    console.print(
        f"[dim]named in {name_s:.1f} s.[/] Tell it now, aloud: 2–3 minutes. "
        "Press Enter when you finish."
    )
    started = time.monotonic()
    Prompt.ask("", default="", show_default=False)
    tell_s = time.monotonic() - started
    result = guard(False, lambda: track.finish_drill(asked.question_id, named, name_s, tell_s))
    console.print(
        f"told in {tell_s // 60:.0f} min {tell_s % 60:02.0f} s · drill score {result.score}/100"
    )
    for note in result.notes:
        console.print(f"  · {note}")
    console.print("[bold]The follow-ups:[/]")
    for item in result.follow_ups:
        console.print(f"  - {item}", highlight=False)


def _render_grade(graded: StoryGrade) -> None:
    colour = LEVEL_COLOURS[graded.level]
    console.print(
        f"[bold {colour}]{graded.score}/100 · {graded.level}[/]  ·  {graded.words} words, "
        f"~{graded.spoken_seconds // 60} min {graded.spoken_seconds % 60:02d} s spoken  ·  "
        f"{graded.experience}, {graded.scope}"
    )
    table = Table()
    for col in ("part", "present", "words", "score"):
        table.add_column(col)
    for part in graded.parts.values():
        table.add_row(part.label, "✓" if part.present else "✗", str(part.words), f"{part.score}%")
    console.print(table)
    console.print(
        f"first person in the Action: {graded.first_person_ratio:.0%} · "
        f"result quantified: {'yes' if graded.quantified_result else 'no'} · "
        f"lasting change: {'yes' if graded.lasting_change else 'no'}"
    )
    for mechanism in graded.mechanisms:
        console.print(f"  [green]✓[/] {mechanism.concept}  [dim]“{mechanism.evidence}”[/]")
    for claim in graded.false_claims:
        console.print(f"  [red]✗[/] {claim.claim} — {claim.correction}")
    if graded.feedback:
        console.print("[bold]What to fix, most valuable first:[/]")
        for point in graded.feedback:
            about = f"\n      [dim]“{point.sentence}”[/]" if point.sentence else ""
            console.print(f"  · {point.message}{about}", highlight=False)


# -- the interview-day reference (top-level commands) -------------------------------------------
def cheatsheet(as_json: JsonOpt = False) -> None:
    """The interview-day cheat sheet: before answering, the framework of each round."""
    track = guard(as_json, _story)
    text = track.cheatsheet()
    phrases = track.power_phrases()

    def render() -> None:
        console.print(Markdown(text))
        console.print(Markdown("## Power phrases"))
        for p in phrases:
            console.print(f"[bold]“{p.phrase}”[/]  [dim]{p.when}[/]", highlight=False)

    emit({"cheatsheet": text, "power_phrases": [p.model_dump() for p in phrases]}, as_json, render)


def questions(as_json: JsonOpt = False) -> None:
    """Questions to ask your interviewers, by category, with what a good answer sounds like."""
    items = guard(as_json, lambda: _story().questions_to_ask())

    def render() -> None:
        for category in ("stack", "scale", "operations", "team"):
            console.print(f"[bold]{category.capitalize()}[/]")
            for q in (q for q in items if q.category == category):
                console.print(f"  • {q.question}", highlight=False)
                console.print(f"    [dim]why: {q.why}[/]", highlight=False)

    emit({"questions": [q.model_dump() for q in items]}, as_json, render)
