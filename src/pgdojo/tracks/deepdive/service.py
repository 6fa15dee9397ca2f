"""The deep-dive track as a service: topics, grading, experiments and flashcards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from pgdojo.content.topic_models import ExperimentStep, Topic
from pgdojo.engine import Engine
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.store.deepdive import DeepDiveStore
from pgdojo.tracks.deepdive.cards import CardDeck
from pgdojo.tracks.deepdive.experiments import ExperimentRun, ExperimentRunner, StepResult
from pgdojo.tracks.deepdive.grader import Grade, grade_answer

MAX_ANSWER_CHARS = 30_000


def grade_dict(grade: Grade) -> dict[str, Any]:
    data = asdict(grade)
    data["covered"] = [c["id"] for c in data["covered"]]
    data["covered_detail"] = [asdict(c) for c in grade.covered]
    data["missing"] = [c["id"] for c in data["missing"]]
    data["missing_detail"] = [asdict(c) for c in grade.missing]
    return data


class DeepDiveTrack:
    def __init__(self, topics: dict[str, Topic], store: DeepDiveStore, engine: Engine) -> None:
        self.topics = topics
        self.store = store
        self.engine = engine
        self.cards = CardDeck(topics, store)

    def topic(self, topic_id: str) -> Topic:
        try:
            return self.topics[topic_id]
        except KeyError:
            raise NotFoundError(
                f"no deep-dive topic {topic_id!r}; `pgdojo deepdive list` shows the ids"
            ) from None

    def list_topics(self) -> list[dict[str, Any]]:
        best = self.store.best_scores()
        return [
            {
                "id": t.id,
                "title": t.title,
                "question": t.meta.question,
                "concepts": sum(len(c) for c in t.meta.rubric.parts().values()),
                "cards": len(t.cards),
                "experiment": t.experiment.title if t.experiment else None,
                "best_score": best.get(t.id),
            }
            for t in sorted(self.topics.values(), key=lambda t: t.id)
        ]

    def show(self, topic_id: str, with_answers: bool = False) -> dict[str, Any]:
        """The question; the model answers and rubric only when asked (after an attempt)."""
        t = self.topic(topic_id)
        data: dict[str, Any] = {
            "id": t.id,
            "title": t.title,
            "question": t.meta.question,
            "variants": t.meta.variants,
            "related": t.meta.related,
            "experiment": t.experiment.title if t.experiment else None,
            "parts": ["what", "why", "how", "tradeoffs", "comparison"],
        }
        if with_answers:
            data["senior_answer"] = t.senior_answer
            data["staff_answer"] = t.staff_answer
            data["follow_ups"] = t.meta.follow_ups
            data["rubric"] = {
                part.value: [c.concept for c in concepts]
                for part, concepts in t.meta.rubric.parts().items()
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
            self.store.record_grading(topic.id, answer, grade.score, grade_dict(grade))
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
        run = ExperimentRunner(self.engine).run(topic.id, topic.experiment, predict, on_step)
        predictions = [s.prediction for s in run.steps if s.prediction]
        self.store.record_experiment(topic.id, run.to_dict()["steps"], predictions)
        return run
