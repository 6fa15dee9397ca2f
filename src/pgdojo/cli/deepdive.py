"""`pgdojo deepdive ...` and `pgdojo cards ...`: explanations, experiments, flashcards."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.prompt import Prompt
from rich.table import Table

from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt, guard
from pgdojo.cli.output import EXIT_OK, console, emit, fail, print_json, read_source
from pgdojo.content.topic_models import ExperimentStep
from pgdojo.errors import UsageError
from pgdojo.tracks.deepdive import DeepDiveTrack, Grade, StepResult, grade_dict
from pgdojo.tracks.deepdive.cards import RATINGS

deepdive_app = typer.Typer(
    help="Technical deep dives: explain, get graded, prove it live.", no_args_is_help=True
)
cards_app = typer.Typer(help="Flashcards with spaced repetition (FSRS).", no_args_is_help=True)

LEVEL_COLOURS = {"strong": "green", "fair": "yellow", "weak": "red"}


@deepdive_app.command("list")
def list_topics(as_json: JsonOpt = False) -> None:
    """The topics, with your best score on each."""
    svc = context.services()
    rows = guard(as_json, svc.track(DeepDiveTrack).list_topics)

    def render() -> None:
        table = Table(title=f"Deep-dive topics ({len(rows)})")
        for col in ("id", "question", "cards", "prove it", "best"):
            table.add_column(col)
        for r in rows:
            best = "" if r["best_score"] is None else str(r["best_score"])
            table.add_row(
                r["id"], r["question"], str(r["cards"]), "✓" if r["experiment"] else "", best
            )
        console.print(table)

    emit({"topics": rows, "count": len(rows)}, as_json, render)


@deepdive_app.command("show")
def show(
    topic_id: Annotated[str, typer.Argument(metavar="ID")],
    answers: Annotated[
        bool,
        typer.Option(
            "--answers",
            help="Also show the model answers, rubric and follow-ups (after your attempt).",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """The question and its variants (and, with --answers, the model answers)."""
    svc = context.services()
    data = guard(as_json, lambda: svc.track(DeepDiveTrack).show(topic_id, with_answers=answers))

    def render() -> None:
        body = f"**{data['question']}**\n\n" + "".join(f"- {v}\n" for v in data["variants"])
        console.print(Panel(Markdown(body), title=data["title"]))
        if answers:
            console.print(Panel(Markdown(data["senior_answer"]), title="senior answer"))
            console.print(Panel(Markdown(data["staff_answer"]), title="staff answer"))
            console.print(
                Panel(
                    Markdown("".join(f"- {q}\n" for q in data["follow_ups"])),
                    title="follow-up questions",
                )
            )
        else:
            console.print(
                "Write your answer (What / Why / How / Trade-offs / Comparison), then "
                f"`pgdojo deepdive grade {data['id']} answer.md`."
            )

    emit(data, as_json, render)


@deepdive_app.command("grade")
def grade(
    topic_id: Annotated[str, typer.Argument(metavar="ID")],
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="Your answer, or - for stdin.")],
    as_json: JsonOpt = False,
) -> None:
    """Grade a written answer against the topic's rubric (deterministic, explains itself)."""
    svc = context.services()
    result = guard(as_json, lambda: svc.track(DeepDiveTrack).grade(topic_id, read_source(file)))
    emit(grade_dict(result), as_json, lambda: _render_grade(result))


@deepdive_app.command("prove")
def prove(
    topic_id: Annotated[str, typer.Argument(metavar="ID")],
    predict: Annotated[
        bool,
        typer.Option(
            "--predict/--no-predict",
            help="Ask for predictions before the telling steps (interactive terminals only).",
        ),
    ] = True,
    as_json: JsonOpt = False,
) -> None:
    """Run the topic's experiment on a scratch database and show each step's real output."""
    svc = context.services()
    interactive = predict and sys.stdin.isatty() and not as_json

    def ask(index: int, step: ExperimentStep, choices: dict[str, str]) -> str | None:
        assert step.predict is not None
        keys = list(choices)
        console.print(
            Panel(
                f"[bold]{step.predict.question}[/]\n"
                + "\n".join(f"  {n}. {choices[k]}" for n, k in enumerate(keys, start=1)),
                title=f"predict · step {index}",
            )
        )
        picked = Prompt.ask("your prediction", choices=[str(n) for n in range(1, len(keys) + 1)])
        return keys[int(picked) - 1]

    def show_step(result: StepResult) -> None:
        if not as_json:
            _render_step(result)

    run = guard(
        as_json,
        lambda: svc.track(DeepDiveTrack).prove(topic_id, ask if interactive else None, show_step),
    )
    if as_json:
        print_json(run.to_dict())
        return
    if run.predictions_asked and interactive:
        console.print(f"Predictions: {run.predictions_correct}/{run.predictions_asked} right.")
    raise typer.Exit(EXIT_OK)


@cards_app.command("review")
def review(
    topic: Annotated[str | None, typer.Option(help="Only cards of this topic.")] = None,
    card_id: Annotated[
        str | None, typer.Option("--card", help="Rate this card (scripted use).")
    ] = None,
    rating: Annotated[
        str | None, typer.Option(help="again, hard, good or easy (with --card).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many cards in a session.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """A review session: front, reveal, rate Again/Hard/Good/Easy; FSRS schedules the next."""
    deck = context.services().track(DeepDiveTrack).cards
    if card_id or rating:
        if not (card_id and rating):
            fail(UsageError(f"give both --card ID and --rating {'|'.join(RATINGS)}"), as_json)
        outcome = guard(as_json, lambda: deck.review(card_id, rating))
        emit(
            outcome.to_dict(),
            as_json,
            lambda: console.print(
                f"{outcome.card_id}: {outcome.rating}; next in {_interval(outcome.interval_days)}"
            ),
        )
        return
    due = guard(as_json, lambda: deck.due(topic=topic))[:limit]
    if as_json or not sys.stdin.isatty():
        emit(
            {"due": [d.to_dict() for d in due], "count": len(due)},
            as_json,
            lambda: console.print(f"{len(due)} cards due; run in a terminal to review them."),
        )
        return
    if not due:
        console.print("Nothing due. Come back later, or `pgdojo cards stats`.")
        return
    keys = {str(number): rating for number, rating in enumerate(RATINGS, start=1)}
    for number, item in enumerate(due, start=1):
        tag = "new" if item.new else "due"
        console.print(
            Panel(
                Markdown(item.card.front),
                title=f"{number}/{len(due)} · {item.topic_title} · {item.card.kind} · {tag}",
            )
        )
        Prompt.ask("[dim]Enter to reveal[/]", default="", show_default=False)
        console.print(Panel(Markdown(item.card.back), border_style="green"))
        key = Prompt.ask(
            " · ".join(f"{k} {r}" for k, r in keys.items()) + " · q quit",
            choices=[*keys, "q"],
            default="3",
        )
        if key == "q":
            break
        outcome = deck.review(item.card.id, keys[key])
        console.print(f"[dim]next in {_interval(outcome.interval_days)}[/]")
    stats = deck.stats()
    console.print(
        f"Done. {stats['due']} due, {stats['new']} new, {stats['reviews_today']} reviews today."
    )


@cards_app.command("stats")
def stats(as_json: JsonOpt = False) -> None:
    """Cards per topic: total, seen, due now, new; reviews today."""
    deck = context.services().track(DeepDiveTrack).cards
    data = guard(as_json, deck.stats)

    def render() -> None:
        table = Table(
            title=f"Flashcards: {data['cards']} · {data['due']} due · "
            f"{data['reviews_today']} reviewed today"
        )
        for col in ("topic", "total", "seen", "due", "new"):
            table.add_column(col)
        for r in data["topics"]:
            table.add_row(r["topic"], str(r["total"]), str(r["seen"]), str(r["due"]), str(r["new"]))
        console.print(table)

    emit(data, as_json, render)


def _interval(days: float) -> str:
    if days < 1 / 24:
        return f"{round(days * 1440)} min"
    if days < 1:
        return f"{round(days * 24)} h"
    return f"{days:.0f} days"


def _render_grade(result: Grade) -> None:
    colour = LEVEL_COLOURS[result.level]
    console.print(
        f"[bold {colour}]{result.score}/100[/]  ·  {result.words} words "
        f"(~{result.spoken_minutes} min spoken)"
    )
    table = Table(show_header=True)
    for col in ("part", "score", "covered"):
        table.add_column(col)
    for part, score in result.parts.items():
        table.add_row(score.label or part, f"{score.score}%", f"{score.covered}/{score.total}")
    console.print(table)
    for item in result.covered:
        console.print(f"[green]✓[/] {item.concept}  [dim]« {item.evidence} »[/]", highlight=False)
    for item in result.bonus:
        console.print(f"[cyan]★[/] {item.concept}", highlight=False)
    for wrong in result.misconceptions:
        console.print(
            f"[red]✗ -{wrong.penalty}[/] {wrong.claim} [dim]« {wrong.evidence} »[/]",
            highlight=False,
        )
    if result.feedback:
        console.print(
            Panel(
                "\n".join(f"{n}. {line}" for n, line in enumerate(result.feedback, 1)),
                title="what to add next",
                border_style=colour,
            )
        )


def _render_step(step: StepResult) -> None:
    status = {"ok": "[green]ok[/]", "error": "[red]error[/]", "blocked": "[yellow]blocked[/]"}
    state = status.get(step.status, step.status)
    head = f"step {step.index} · session {step.session.upper()} · {state}"
    console.print(f"[bold]{head}[/]")
    console.print(f"  [cyan]{step.sql}[/]", highlight=False)
    if step.blocked:
        console.print("  [yellow]… waiting for a lock (the run goes on)[/]")
    if step.error:
        console.print(f"  [red]{step.sqlstate}: {step.error}[/]", highlight=False)
    if step.columns:
        table = Table(show_edge=False)
        for col in step.columns:
            table.add_column(col)
        for row in step.rows[:20]:
            table.add_row(*["NULL" if v is None else str(v) for v in row])
        console.print(table)
    elif step.command and not step.blocked:
        console.print(f"  [dim]{step.command}[/]")
    if step.note:
        console.print(f"  [italic]{step.note}[/]", highlight=False)
    if step.prediction:
        p = step.prediction
        right = p["choices"].get(p["answer"], p["actual"])
        verdict = (
            ""
            if p["guess"] is None
            else ("[green]you were right[/]" if p["correct"] else "[red]not what you predicted[/]")
        )
        console.print(f"  [bold]→ {p['question']}[/] {right} {verdict}")
