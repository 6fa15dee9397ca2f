"""The deep-dive track as a service: topics, grading, experiments and flashcards."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, NotRequired, TypedDict

from pgdojo.attempts import AttemptLog
from pgdojo.content.topic_models import ExperimentStep, Topic
from pgdojo.engine import Engine
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.grading import STRONG_SCORE
from pgdojo.store.deepdive import DeepDiveStore
from pgdojo.tracks.deepdive.cards import CardDeck
from pgdojo.tracks.deepdive.experiments import ExperimentRun, ExperimentRunner, StepResult
from pgdojo.tracks.deepdive.grader import Grade, grade_answer

TRACK = "deepdive"
MAX_ANSWER_CHARS = 30_000
# A written answer passes at the grader's "strong" level.
PASS_SCORE = STRONG_SCORE


def grade_dict(grade: Grade) -> dict[str, Any]:
    """The JSON of a grade (CLI --json, API, web UI): `Grade.to_dict`, the one serialiser."""
    return grade.to_dict()


class TopicRow(TypedDict):
    id: str
    title: str
    question: str
    concepts: int
    cards: int
    experiment: str | None
    best_score: int | None


class TopicView(TypedDict):
    """A topic as `deepdive show` gives it; the model answers only when asked for."""

    id: str
    title: str
    question: str
    variants: list[str]
    related: list[str]
    experiment: str | None
    parts: list[str]
    senior_answer: NotRequired[str]
    staff_answer: NotRequired[str]
    follow_ups: NotRequired[list[str]]
    rubric: NotRequired[dict[str, list[str]]]
    bonus: NotRequired[list[str]]
    misconceptions: NotRequired[list[dict[str, str]]]


class DeepDiveTrack:
    def __init__(
        self, topics: dict[str, Topic], store: DeepDiveStore, engine: Engine, attempts: AttemptLog
    ) -> None:
        self.topics = topics
        self.store = store
        self.engine = engine
        self.attempts = attempts
        self.cards = CardDeck(topics, store, attempts)

    def topic(self, topic_id: str) -> Topic:
        try:
            return self.topics[topic_id]
        except KeyError:
            raise NotFoundError(
                f"no deep-dive topic {topic_id!r}; `pgdojo deepdive list` shows the ids"
            ) from None

    def list_topics(self) -> list[TopicRow]:
        best = {
            item: progress.best_score
            for item, progress in self.attempts.items(TRACK, "answer").items()
        }
        return [
            {
                "id": t.id,
                "title": t.title,
                "question": t.meta.question,
                "concepts": sum(len(c) for c in t.meta.rubric.root.values()),
                "cards": len(t.cards),
                "experiment": t.experiment.title if t.experiment else None,
                "best_score": best.get(t.id),
            }
            for t in sorted(self.topics.values(), key=lambda t: t.id)
        ]

    def show(self, topic_id: str, with_answers: bool = False) -> TopicView:
        """The question; the model answers and rubric only when asked (after an attempt)."""
        t = self.topic(topic_id)
        data: TopicView = {
            "id": t.id,
            "title": t.title,
            "question": t.meta.question,
            "variants": t.meta.variants,
            "related": t.meta.related,
            "experiment": t.experiment.title if t.experiment else None,
            "parts": [part.id for part in t.meta.parts],
        }
        if with_answers:
            data["senior_answer"] = t.senior_answer
            data["staff_answer"] = t.staff_answer
            data["follow_ups"] = t.meta.follow_ups
            data["rubric"] = {
                part: [c.concept for c in concepts] for part, concepts in t.meta.rubric.root.items()
            }
            data["bonus"] = [c.concept for c in t.meta.bonus]
            data["misconceptions"] = [
                {"claim": m.claim, "correction": m.correction} for m in t.meta.misconceptions
            ]
        return data

    def grade(self, topic_id: str, answer: str, record: bool = True) -> Grade:
        topic = self.topic(topic_id)
        if not answer.strip():
            raise UsageError("the answer is empty: write your explanation first")
        if len(answer) > MAX_ANSWER_CHARS:
            raise UsageError(f"the answer is longer than {MAX_ANSWER_CHARS} characters")
        grade = grade_answer(topic, answer)
        if record:
            attempt_id = self.attempts.record_once(
                TRACK, "answer", topic.id, grade.score, grade.score >= PASS_SCORE
            )
            self.store.record_grading(attempt_id, topic.id, answer, grade.score, grade_dict(grade))
        return grade

    def prove(
        self,
        topic_id: str,
        predict: Callable[[int, ExperimentStep, dict[str, str]], str | None] | None = None,
        on_step: Callable[[StepResult], None] | None = None,
    ) -> ExperimentRun:
        topic = self.topic(topic_id)
        if topic.experiment is None:
            with_experiments = sorted(t.id for t in self.topics.values() if t.experiment)
            raise NotFoundError(
                f"topic {topic_id!r} has no experiment; these do: {', '.join(with_experiments)}"
            )
        started = time.monotonic()
        run = ExperimentRunner(self.engine).run(topic.id, topic.experiment, predict, on_step)
        predictions = [s.prediction for s in run.steps if s.prediction]
        attempt_id = self.attempts.record_once(
            TRACK,
            "experiment",
            topic.id,
            experiment_score(run),
            not any(s.unexpected for s in run.steps),
            seconds=time.monotonic() - started,
        )
        self.store.record_experiment(attempt_id, topic.id, run.to_dict()["steps"], predictions)
        return run


def experiment_score(run: ExperimentRun) -> int:
    """The share of correct predictions (100 when none were asked)."""
    if not run.predictions_asked:
        return 100
    return round(100 * run.predictions_correct / run.predictions_asked)
