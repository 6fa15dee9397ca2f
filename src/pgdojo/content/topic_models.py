"""Typed models of deep-dive topics: rubric, misconceptions, model answers, flashcards.

A topic's rubric is the grader's (pgdojo.content.rubric): concepts and misconceptions are its
models, and its parts are the deep dive's What, Why, How, Trade-offs and Comparison unless the
front matter declares `parts:` of its own.
"""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    RootModel,
    ValidationError,
    field_validator,
    model_validator,
)

from pgdojo.content.models import ID_PATTERN
from pgdojo.content.rubric import DEEP_DIVE_PARTS, Concept, Misconception, Part, Rubric

__all__ = [
    "Card",
    "Concept",
    "Experiment",
    "ExperimentStep",
    "Misconception",
    "Part",
    "Prediction",
    "Topic",
    "TopicMeta",
    "TopicRubric",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"ids are lower-case-with-dashes (got {value!r})")
    return value


class TopicRubric(RootModel[dict[str, list[Concept]]]):
    """`rubric:` of topic.md: each part's concepts, by part id (what, why, how, ...)."""

    model_config = ConfigDict(frozen=True)


class TopicMeta(_Strict):
    """The front matter of topic.md."""

    title: str = Field(min_length=3)
    question: str = Field(min_length=10)
    variants: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    parts: list[Part] = Field(default_factory=lambda: list(DEEP_DIVE_PARTS), min_length=1)
    rubric: TopicRubric
    bonus: list[Concept] = Field(default_factory=list)
    misconceptions: list[Misconception] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)

    _grading_rubric: Rubric = PrivateAttr()

    @model_validator(mode="after")
    def _valid_rubric(self) -> TopicMeta:
        try:
            self._grading_rubric = Rubric(
                parts=self.parts,
                concepts=self.rubric.root,
                bonus=self.bonus,
                misconceptions=self.misconceptions,
            )
        except ValidationError as exc:
            # The rubric's own rule, in its words: "ids must be unique in a rubric (...)".
            first = exc.errors()[0]
            error = first.get("ctx", {}).get("error")
            raise ValueError(f"rubric: {error or first['msg']}") from None
        return self

    def to_rubric(self) -> Rubric:
        """The rubric the grader reads: these parts, concepts, bonus and misconceptions."""
        return self._grading_rubric


class Card(_Strict):
    id: str
    kind: Literal["fact", "why", "command"]
    front: str = Field(min_length=5)
    back: str = Field(min_length=2)

    _id = field_validator("id")(_check_id)


class Prediction(_Strict):
    """A question asked before a step; the real run decides which choice was right.

    `from: outcome` — the step's outcome key: `blocks`, `ok`, or `error:<SQLSTATE>`.
    `from: value`   — the first column of the step's first row, as text.
    """

    question: str = Field(min_length=8)
    source: Literal["outcome", "value"] = Field(alias="from", default="outcome")
    choices: dict[str, str] = Field(min_length=2)


class ExperimentStep(_Strict):
    session: str = "a"
    sql: str = Field(min_length=1)
    note: str = ""
    capture: str | None = None  # name for the first column of the first row: ${name} later
    predict: Prediction | None = None
    expect: Literal["ok", "error", "blocks", "any"] = "ok"


class Experiment(_Strict):
    """A "prove it" experiment: steps in a fixed interleaving over one or more sessions."""

    title: str = Field(min_length=5)
    summary: str = Field(min_length=10)
    extensions: list[str] = Field(default_factory=list)
    setup: str = ""
    sessions: list[str] = Field(default_factory=lambda: ["a"], min_length=1, max_length=4)
    steps: list[ExperimentStep] = Field(min_length=2)

    @model_validator(mode="after")
    def _sessions_known(self) -> Experiment:
        for index, step in enumerate(self.steps, start=1):
            if step.session not in self.sessions:
                raise ValueError(f"step {index} uses unknown session {step.session!r}")
        return self


class Topic(_Strict):
    id: str
    meta: TopicMeta
    senior_answer: str
    staff_answer: str
    cards: list[Card]
    experiment: Experiment | None = None
    sample_answers: dict[str, str] = Field(default_factory=dict)
    source: str
    pack: str = "builtin"

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def rubric(self) -> Rubric:
        """The rubric this topic's answers are graded against."""
        return self.meta.to_rubric()
