"""Typed models of the question bank, validated when a pack is loaded."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ProblemKind(StrEnum):
    QUERY = "query"
    MUTATION = "mutation"
    SCHEMA = "schema"
    OPTIMIZE = "optimize"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HiddenCase(Strict):
    """A hidden dataset: its data is never shown, `catches` is what a failure tells."""

    name: str
    catches: str = Field(min_length=8)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not ID_PATTERN.match(value) or value == "sample":
            raise ValueError(f"must be lower-case-with-dashes and not 'sample' (got {value!r})")
        return value


class SchemaCheck(Strict):
    """One acceptance check of a schema-design problem, run after the candidate's DDL."""

    case: str = "sample"
    name: str = Field(min_length=4)
    expect: Literal["accept", "reject", "index"]
    sql: str = Field(min_length=6)


class OptimizeTarget(Strict):
    """How much cheaper than the given slow query the candidate's plan must be."""

    max_buffers_ratio: float = Field(gt=0, le=1)
    min_rows_note: str | None = None


class ProblemMeta(Strict):
    """The YAML front matter of problem.md."""

    title: str = Field(min_length=3)
    kind: ProblemKind
    difficulty: Difficulty
    patterns: list[str] = Field(min_length=1)
    target_minutes: int = Field(ge=1, le=120)
    time_limit_ms: int = Field(default=2000, ge=100, le=30000)
    ordered: bool = False
    # With `ordered`: the output columns the statement orders by. Rows that tie on them may
    # come in any order. Default: the columns of the reference solution's ORDER BY.
    order_by: list[str] | None = None
    tolerance: float = Field(default=1e-6, ge=0)
    extensions: list[str] = Field(default_factory=list)
    # Functions that run SQL given as text (crosstab, ts_stat, ...) are refused unless the
    # problem names them here; their query must then be a string literal, which is judged too.
    allow_functions: list[str] = Field(default_factory=list)
    hints: list[str] = Field(min_length=3, max_length=3)
    hidden: list[HiddenCase] = Field(min_length=3)
    compare_tables: list[str] = Field(default_factory=list)
    checks: list[SchemaCheck] = Field(default_factory=list)
    optimize: OptimizeTarget | None = None

    @field_validator("patterns")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not ID_PATTERN.match(tag):
                raise ValueError(f"pattern tags are lower-case-with-dashes (got {tag!r})")
        return value

    @model_validator(mode="after")
    def _kind_specific(self) -> ProblemMeta:
        names = [case.name for case in self.hidden]
        if len(set(names)) != len(names):
            raise ValueError("hidden case names must be unique")
        if self.kind is ProblemKind.MUTATION and not self.compare_tables:
            raise ValueError("a mutation problem needs `compare_tables`")
        if self.kind is ProblemKind.SCHEMA:
            if not self.checks:
                raise ValueError("a schema problem needs `checks`")
            known = {"sample", *names}
            for check in self.checks:
                if check.case not in known:
                    raise ValueError(f"check {check.name!r} names unknown case {check.case!r}")
            for name in known:
                if not any(c.case == name for c in self.checks):
                    raise ValueError(f"case {name!r} has no checks")
        if self.kind is ProblemKind.OPTIMIZE and self.optimize is None:
            raise ValueError("an optimize problem needs `optimize: {max_buffers_ratio: ...}`")
        return self


class Dataset(Strict):
    """SQL that fills the problem's tables: the visible sample or a hidden case."""

    name: str
    sql: str
    hidden: bool
    catches: str | None = None


class Problem(Strict):
    """A SQL problem, loaded from its folder and validated."""

    id: str
    meta: ProblemMeta
    statement: str
    schema_sql: str
    datasets: list[Dataset]
    solution: str
    editorial: str
    slow_query: str | None = None
    wrong_solutions: dict[str, str] = Field(default_factory=dict)
    source: str  # folder it was loaded from, for messages
    pack: str = "builtin"

    @property
    def sample(self) -> Dataset:
        return self.datasets[0]

    @property
    def hidden_datasets(self) -> list[Dataset]:
        return [d for d in self.datasets if d.hidden]

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def kind(self) -> ProblemKind:
        return self.meta.kind
