"""A rubric as content data: parts, concepts, bonus concepts and misconceptions.

These are the pydantic models content files are validated against (a topic's front matter, a
story or design prompt's rubric); grading reads them and never changes them. The module
depends on nothing else in pgdojo, so the content models can embed it.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Bonus concepts add up to this many points on top of the parts (a score is capped at 100).
BONUS_POINTS = 10


# The id rule of all content (pgdojo.content.models.ID_PATTERN): lower-case-with-dashes.
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"ids are lower-case-with-dashes (got {value!r})")
    return value


class Concept(_Strict):
    """Something the interviewer listens for, and the words that show it was explained.

    `terms` are the names people use for it; `context` the words that appear when someone
    explains it. One explanatory sentence needs both to cover the concept.
    """

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
    """A wrong claim that costs `penalty` points when an answer asserts it (refuting it is free)."""

    id: str
    claim: str = Field(min_length=8)
    correction: str = Field(min_length=8)
    penalty: int = Field(default=10, ge=1, le=30)
    patterns: list[str] = Field(min_length=1)  # regexes, case-insensitive

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


class Part(_Strict):
    """A section of a strong answer: What, Why, ...; Situation, Task, ...; Requirements, ...

    `weight` is relative: a part is worth weight / (sum of the parts' weights) of 100 points.
    `about` names the part in feedback ("Your answer has nothing on how it works").
    """

    id: str
    label: str = Field(min_length=1)
    weight: int = Field(ge=1, le=100)
    about: str = ""

    _id = field_validator("id")(_check_id)

    @property
    def feedback_name(self) -> str:
        return self.about or self.label.lower()


# The technical deep dive's framework, What → Why → How → Trade-offs (+ Comparison), with the
# points each part has always been worth. Topics use these parts unless they declare their own.
DEEP_DIVE_PARTS: tuple[Part, ...] = (
    Part(id="what", label="What", weight=15, about="what it is"),
    Part(id="why", label="Why", weight=15, about="why it exists"),
    Part(id="how", label="How", weight=35, about="how it works"),
    Part(id="tradeoffs", label="Trade-offs", weight=25, about="trade-offs"),
    Part(id="comparison", label="Comparison", weight=10, about="comparison with other systems"),
)
PART_LABELS: dict[str, str] = {part.id: part.label for part in DEEP_DIVE_PARTS}


class Rubric(_Strict):
    """What an answer is graded against.

    `concepts` maps each part id to that part's concepts (every part needs one at least);
    `bonus` concepts add up to `bonus_points` on top; ids are unique across the rubric.
    """

    parts: list[Part] = Field(min_length=1)
    concepts: dict[str, list[Concept]]
    bonus: list[Concept] = Field(default_factory=list)
    bonus_points: int = Field(default=BONUS_POINTS, ge=0, le=100)
    misconceptions: list[Misconception] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        part_ids = [p.id for p in self.parts]
        repeated_parts = sorted({i for i in part_ids if part_ids.count(i) > 1})
        if repeated_parts:
            raise ValueError(f"part ids must be unique (repeated: {', '.join(repeated_parts)})")
        unknown = [key for key in self.concepts if key not in part_ids]
        if unknown:
            what = "which is not a part" if len(unknown) == 1 else "which are not parts"
            raise ValueError(
                f"concepts are given for {', '.join(map(repr, unknown))}, {what} "
                f"(parts: {', '.join(part_ids)})"
            )
        empty = [p for p in part_ids if not self.concepts.get(p)]
        if empty:
            what = "part {} has" if len(empty) == 1 else "parts {} have"
            raise ValueError(
                what.format(", ".join(map(repr, empty))) + " no concepts: every part needs one"
            )
        ids = [c.id for concepts in self.concepts.values() for c in concepts]
        ids += [c.id for c in self.bonus] + [m.id for m in self.misconceptions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"ids must be unique in a rubric (repeated: {', '.join(duplicates)})")
        return self

    def points(self, part: Part) -> float:
        """How many of the 100 points `part` is worth."""
        return 100 * part.weight / sum(p.weight for p in self.parts)

    def concepts_of(self, part: Part) -> list[Concept]:
        return self.concepts[part.id]
