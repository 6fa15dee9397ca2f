"""Typed models of deep-dive topics: rubric, misconceptions, model answers, flashcards."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pgdojo.content.models import ID_PATTERN


class Part(StrEnum):
    """The structure of a strong deep-dive answer, in the order an interviewer expects it."""

    WHAT = "what"
    WHY = "why"
    HOW = "how"
    TRADEOFFS = "tradeoffs"
    COMPARISON = "comparison"


# Points per part; bonus concepts add up to BONUS_POINTS on top (capped at 100).
PART_POINTS: dict[Part, int] = {
    Part.WHAT: 15,
    Part.WHY: 15,
    Part.HOW: 35,
    Part.TRADEOFFS: 25,
    Part.COMPARISON: 10,
}
BONUS_POINTS = 10


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"ids are lower-case-with-dashes (got {value!r})")
    return value


class Concept(_Strict):
    """Something the interviewer listens for, and the words that show it was explained."""

    id: str
    concept: str = Field(min_length=10)
    weight: int = Field(default=2, ge=1, le=3)
    terms: list[str] = Field(min_length=1)
    context: list[str] = Field(min_length=2)

    _id = field_validator("id")(_check_id)

    @field_validator("terms", "context")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        cleaned = [v.strip().lower() for v in value if v.strip()]
        if not cleaned:
            raise ValueError("must hold at least one non-empty word")
        return cleaned


class Misconception(_Strict):
    id: str
    claim: str = Field(min_length=8)
    correction: str = Field(min_length=8)
    penalty: int = Field(default=10, ge=1, le=30)
    patterns: list[str] = Field(min_length=1)

    _id = field_validator("id")(_check_id)

    @field_validator("patterns")
    @classmethod
    def _regexes(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regex: {exc}") from exc
        return value


class Rubric(_Strict):
    what: list[Concept] = Field(min_length=1)
    why: list[Concept] = Field(min_length=1)
    how: list[Concept] = Field(min_length=1)
    tradeoffs: list[Concept] = Field(min_length=1)
    comparison: list[Concept] = Field(min_length=1)

    def parts(self) -> dict[Part, list[Concept]]:
        return {part: list(getattr(self, part.value)) for part in Part}


class TopicMeta(_Strict):
    """The front matter of topic.md."""

    title: str = Field(min_length=3)
    question: str = Field(min_length=10)
    variants: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    rubric: Rubric
    bonus: list[Concept] = Field(default_factory=list)
    misconceptions: list[Misconception] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> TopicMeta:
        ids = [c.id for concepts in self.rubric.parts().values() for c in concepts]
        ids += [c.id for c in self.bonus] + [m.id for m in self.misconceptions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"ids must be unique in a topic (repeated: {', '.join(duplicates)})")
        return self


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
