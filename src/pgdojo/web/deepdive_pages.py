"""Deep dives: topics, the writing page with grading, the "prove it" experiment, flashcards."""

from __future__ import annotations

import time
from typing import Any

from nicegui import ui

from pgdojo.content.topic_models import ExperimentStep
from pgdojo.grading import WORDS_PER_MINUTE
from pgdojo.tracks.deepdive import DeepDiveTrack, grade_dict
from pgdojo.tracks.deepdive.cards import RATINGS
from pgdojo.tracks.deepdive.service import TopicView
from pgdojo.web.frame import call, frame, result_table, route, safely, services

RATING_COLOURS = {"again": "red", "hard": "orange", "good": "green", "easy": "teal"}
LEVEL_COLOURS = {"strong": "text-green-400", "fair": "text-yellow-300", "weak": "text-red-400"}


@route("/deepdive")
async def deepdive_list_page() -> None:
    with frame("Deep dives"):
        ui.label("Technical deep dives").classes("text-2xl font-semibold")
        track = safely(lambda: services().track(DeepDiveTrack))
        if track is None:
            return
        topics = await call(track.list_topics) or []
        with ui.grid(columns=2).classes("w-full gap-3"):
            for topic in topics:
                with ui.card().classes("w-full"):
                    ui.link(topic["title"], f"/deepdive/{topic['id']}").classes("text-lg")
                    ui.label(topic["question"]).classes("text-slate-300")
                    with ui.row().classes("gap-2"):
                        ui.badge(f"{topic['cards']} cards").props("outline")
                        if topic["experiment"]:
                            ui.badge("prove it", color="teal")
                        if topic["best_score"] is not None:
                            ui.badge(f"best {topic['best_score']}", color="green")


@route("/deepdive/{topic_id}")
async def deepdive_page(topic_id: str) -> None:
    with frame(topic_id):
        track = safely(lambda: services().track(DeepDiveTrack))
        if track is None:
            return
        data = await call(track.show, topic_id)
        if data is None:
            ui.link("All topics", "/deepdive")
            return
        opened = time.monotonic()
        with ui.row().classes("w-full items-center justify-between"):
            ui.label(data["title"]).classes("text-2xl font-semibold")
            with ui.row().classes("items-center gap-1"):
                ui.icon("timer").classes("text-lg")
                clock = ui.label().classes("font-mono text-lg")
        ui.timer(1.0, lambda: setattr(clock, "text", _clock(time.monotonic() - opened)))
        with ui.tabs().classes("w-full") as tabs:
            write_tab = ui.tab("Explain")
            prove_tab = ui.tab("Prove it")
        with ui.tab_panels(tabs, value=write_tab).classes("w-full bg-transparent"):
            with ui.tab_panel(write_tab):
                await _write_panel(track, data)
            with ui.tab_panel(prove_tab):
                await _prove_panel(track, topic_id, data)


async def _write_panel(track: Any, data: TopicView) -> None:
    ui.label(data["question"]).classes("text-xl")
    for variant in data["variants"]:
        ui.label(f"· {variant}").classes("text-slate-400")
    answer = (
        ui.textarea(
            placeholder="What it is, why it exists, how it works, the trade-offs, "
            "how other systems do it…"
        )
        .classes("w-full")
        .props("outlined autogrow input-style='min-height: 14rem'")
        .mark("answer")
    )
    words = ui.label("0 words").classes("text-xs text-slate-400")

    def count_words(event: Any) -> None:
        n = len((event.value or "").split())
        words.text = f"{n} words · ~{n / WORDS_PER_MINUTE:.1f} min spoken"

    answer.on_value_change(count_words)
    result_box = ui.column().classes("w-full gap-2").mark("grade")
    models = ui.column().classes("w-full")

    async def grade() -> None:
        result = await call(track.grade, data["id"], answer.value or "")
        result_box.clear()
        if result is None:
            return
        graded = grade_dict(result)
        with result_box:
            colour = LEVEL_COLOURS[result.level]
            ui.label(f"{result.score}/100").classes(f"text-3xl font-bold {colour}").mark("score")
            with ui.row().classes("w-full gap-4"):
                for part, score in graded["parts"].items():
                    with ui.column().classes("gap-0 flex-1"):
                        ui.label(f"{score['label'] or part} {score['covered']}/{score['total']}")
                        ui.linear_progress(score["score"] / 100, show_value=False).props(
                            "color=teal size=10px"
                        )
            for item in graded["covered_detail"]:
                ui.label(f"✓ {item['concept']}").classes("text-green-400")
            for item in graded["missing_detail"]:
                ui.label(f"✗ {item['concept']}").classes("text-red-300")
            for wrong in graded["misconceptions"]:
                ui.label(
                    f"⚠ -{wrong['penalty']}: {wrong['claim']} — {wrong['correction']}"
                ).classes("text-orange-300")
            if graded["feedback"]:
                with ui.card().classes("w-full"):
                    ui.label("What to add next").classes("text-lg")
                    for line in graded["feedback"]:
                        ui.label(f"· {line}")
        full = await call(track.show, data["id"], True)
        models.clear()
        if full:
            with models:
                with ui.expansion("Senior answer", icon="person").classes("w-full"):
                    ui.markdown(full["senior_answer"])
                with ui.expansion("Staff answer", icon="star").classes("w-full"):
                    ui.markdown(full["staff_answer"])
                with ui.expansion("Follow-up questions", icon="forum").classes("w-full"):
                    for question in full["follow_ups"]:
                        ui.label(f"· {question}")

    ui.button("Grade my answer", icon="grading", on_click=grade).mark("grade-button")


async def _prove_panel(track: Any, topic_id: str, data: TopicView) -> None:
    topic = track.topic(topic_id)
    experiment = topic.experiment
    if experiment is None:
        ui.label("This topic has no experiment yet.").classes("text-slate-400")
        return
    ui.label(experiment.title).classes("text-xl")
    ui.label(experiment.summary).classes("text-slate-300")
    ui.label(
        "Predict first: answer the questions, then run the experiment on a scratch database."
    ).classes("text-slate-400")
    guesses: dict[int, Any] = {}
    for index, step in enumerate(experiment.steps, start=1):
        if step.predict:
            with ui.card().classes("w-full"):
                ui.label(f"Step {index}: {step.predict.question}")
                guesses[index] = ui.radio(step.predict.choices).props("dense")
    output = ui.column().classes("w-full gap-2").mark("steps")

    async def run_experiment() -> None:
        output.clear()
        with output:
            spinner = ui.spinner(size="lg")

        def predict(index: int, step: ExperimentStep, choices: dict[str, str]) -> str | None:
            radio = guesses.get(index)
            return radio.value if radio is not None else None

        run = await call(track.prove, topic_id, predict)
        spinner.delete()
        if run is None:
            return
        sessions = experiment.sessions
        with output:
            if run.predictions_asked:
                ui.label(
                    f"Your predictions: {run.predictions_correct}/{run.predictions_asked} right"
                ).classes("text-lg")
            for step in run.steps:
                with ui.row().classes("w-full gap-4 items-start"):
                    for name in sessions:
                        with ui.column().classes("flex-1 gap-1"):
                            if step.session != name:
                                continue
                            state = {"ok": "text-green-400", "error": "text-red-400"}.get(
                                step.status, "text-yellow-300"
                            )
                            ui.label(
                                f"{step.index} · session {name.upper()} · "
                                f"{'blocked, then ' if step.blocked else ''}{step.status}"
                            ).classes(f"text-sm {state}")
                            ui.code(step.sql, language="sql").classes("w-full")
                            if step.error:
                                ui.label(f"{step.sqlstate}: {step.error}").classes("text-red-300")
                            if step.columns:
                                result_table({"columns": step.columns, "rows": step.rows})
                            if step.note:
                                ui.label(step.note).classes("text-slate-300 italic")
                            if step.prediction:
                                p = step.prediction
                                right = p["choices"].get(p["answer"], p["actual"])
                                ok = "✓" if p["correct"] else "✗"
                                ui.label(f"{ok} {p['question']} → {right}").classes(
                                    "text-green-400" if p["correct"] else "text-orange-300"
                                )

    ui.button("Run the experiment", icon="science", on_click=run_experiment).mark("prove")


@route("/cards")
async def cards_page() -> None:
    with frame("Flashcards"):
        track = safely(lambda: services().track(DeepDiveTrack))
        if track is None:
            return
        deck = track.cards
        due = await call(deck.due) or []
        stats = await call(deck.stats)
        ui.label("Flashcards").classes("text-2xl font-semibold")
        if stats:
            ui.label(
                f"{stats['due']} due · {stats['new']} new · {stats['reviews_today']} reviewed today"
            ).classes("text-slate-400")
        queue = list(due)
        card_box = ui.column().classes("w-full max-w-2xl gap-3").mark("card")
        revealed = {"value": False}

        def show() -> None:
            card_box.clear()
            revealed["value"] = False
            with card_box:
                if not queue:
                    ui.label("Nothing due. Come back later.").classes("text-lg").mark("done")
                    return
                item = queue[0]
                ui.label(
                    f"{item.topic_title} · {item.card.kind} · {'new' if item.new else 'due'}"
                ).classes("text-sm text-slate-400")
                with ui.card().classes("w-full p-6"):
                    ui.markdown(item.card.front).classes("text-lg").mark("front")
                ui.button("Show answer (space)", on_click=reveal).mark("reveal")

        def reveal() -> None:
            if not queue or revealed["value"]:
                return
            revealed["value"] = True
            with card_box:
                with ui.card().classes("w-full p-6 border-green-600").props("bordered"):
                    ui.markdown(queue[0].card.back).mark("back")
                with ui.row().classes("gap-2"):
                    for key, rating in enumerate(RATINGS, start=1):
                        ui.button(
                            f"{rating.capitalize()} ({key})",
                            color=RATING_COLOURS[rating],
                            on_click=lambda r=rating: rate(r),
                        ).mark(f"rate-{rating}")

        async def rate(rating: str) -> None:
            if not queue or not revealed["value"]:
                return
            item = queue.pop(0)
            outcome = await call(deck.review, item.card.id, rating)
            if outcome:
                ui.notify(f"next review in {outcome.interval_days:.2f} days")
            show()

        async def on_key(event: Any) -> None:
            if not event.action.keydown:
                return
            if event.key.space:
                reveal()
            elif str(event.key.name) in "1234" and revealed["value"]:
                await rate(list(RATINGS)[int(event.key.name) - 1])

        ui.keyboard(on_key=on_key)
        show()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"
