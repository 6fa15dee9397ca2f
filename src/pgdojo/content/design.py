"""System-design prompts: the data layer of a product, run on the engine.

    designs/<id>/prompt.md       front matter (below) + the prompt as the interviewer says it
    designs/<id>/given.sql       the tables the prompt gives, run as the prompt's owner role
    designs/<id>/designs/*.md    worked designs: staff.md and senior.md (pass every check),
                                 flawed-*.md (front matter `fails: [check, ...]`)

The front matter declares the named queries a design must provide (parameters, contract,
a reference query for each read), the scale profile (base data, the write workload, the
sampled read parameters with their hard cases), the budgets, the estimates the candidate is
expected to make, and the rubric for the written sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from pgdojo.content.loader import read_content, split_front_matter
from pgdojo.content.models import ID_PATTERN
from pgdojo.content.rubric import Concept, Misconception, Part, Rubric
from pgdojo.errors import ContentError

BUILTIN_DESIGNS = Path(str(resources.files("pgdojo.content") / "designs"))
NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
PARAM_TYPES = ("bigint", "integer", "text", "numeric", "boolean", "timestamptz", "uuid", "jsonb")
SECTIONS = ("requirements", "estimation", "schema", "queries", "scaling", "tradeoffs")
DESIGN_PARTS = (
    Part(id="requirements", label="Requirements", weight=15, about="clarify, scope, the SLOs"),
    Part(id="estimation", label="Estimation", weight=15, about="the numbers that size the design"),
    Part(id="schema", label="Schema", weight=20, about="tables, keys, indexes, partitioning"),
    Part(id="queries", label="Queries", weight=15, about="the hot paths and their plans"),
    Part(id="scaling", label="Scaling", weight=20, about="what breaks first and what you do"),
    Part(id="tradeoffs", label="Trade-offs", weight=15, about="consistency, availability, cost"),
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NamedQuery(_Strict):
    kind: Literal["read", "write"]
    params: dict[str, str] = Field(default_factory=dict)
    contract: str = Field(min_length=10)
    # Reads: the prompt's own query over the given tables; a design's result must equal it.
    reference: str | None = None
    ordered: bool = False
    hot: bool = True  # a hot read: a sequential scan of a large table fails it
    p95_ms: float | None = Field(default=None, gt=0)

    @field_validator("params")
    @classmethod
    def _params(cls, value: dict[str, str]) -> dict[str, str]:
        for name, type_ in value.items():
            if not NAME.match(name):
                raise ValueError(f"parameter names are lower_case (got {name!r})")
            if type_ not in PARAM_TYPES:
                raise ValueError(f"{name}: type must be one of {', '.join(PARAM_TYPES)}")
        return value

    @model_validator(mode="after")
    def _reference(self) -> NamedQuery:
        if self.kind == "read" and not self.reference:
            raise ValueError("a read query needs its `reference` query")
        return self


class Workload(_Strict):
    """Calls of a write query, with parameters from a query over the base data."""

    query: str
    params: str = Field(min_length=10)  # SQL returning one row per call, columns = params


class Check(_Strict):
    """A prompt-specific check, run after the workload.

    race:   two sessions call `query` with `params` at the same moment; exactly `winners` of
            them must succeed (optimistic concurrency, a unique claim). A call succeeds when
            it affects or returns rows; a refusal raises an error, or affects and returns none.
    repeat: `query` is called twice with `params`; `state` (SQL) must read the same after the
            second call as after the first (idempotency).
    equal:  `left` and `right` (SQL, or the name of a read query) must return the same rows.
    """

    name: str
    kind: Literal["race", "repeat", "equal"]
    query: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    winners: int = 1
    state: str | None = None
    left: str | None = None
    right: str | None = None
    setup: str | None = None  # SQL run as the owner before the check
    message: str = Field(min_length=10)


class Estimate(_Strict):
    name: str
    label: str
    value: float = Field(gt=0)
    unit: str = ""
    formula: str = Field(min_length=5)


class Scale(_Strict):
    name: str = Field(min_length=5)
    setup: str = Field(min_length=10)  # base data, as the owner, after the candidate's schema
    workload: list[Workload] = Field(default_factory=list)
    samples: dict[str, str] = Field(default_factory=dict)  # read query -> SQL of params rows
    large_table_rows: int = Field(default=10_000, ge=100)
    write_rows_budget: int | None = Field(default=None, ge=1)  # rows written per write call
    full_scale: dict[str, float] = Field(default_factory=dict)  # write query -> calls a day
    full_scale_note: str = ""


class ExperimentRun(_Strict):
    """One run of an experiment: a worked design, with text replaced (a threshold, a clause)."""

    label: str
    design: str = "staff"
    replace: dict[str, str] = Field(default_factory=dict)


class Experiment(_Strict):
    """`design prove`: the same workload over variants of a design, figures side by side."""

    name: str
    title: str = Field(min_length=5)
    explain: str = Field(min_length=20)
    runs: list[ExperimentRun] = Field(min_length=2)
    # "query.figure" names from the run's measured queries, e.g. post_tweet.rows_per_call
    measure: list[str] = Field(min_length=1)


class PromptMeta(_Strict):
    title: str = Field(min_length=5)
    question: str = Field(min_length=10)
    clarifying_questions: list[str] = Field(min_length=3)
    owner: str = "app_owner"
    app_role: str | None = None  # the application's login role, which has no privileges
    tenant_setting: str | None = None  # e.g. app.tenant_id: the attack's tenant switch
    tenant_tables: list[str] = Field(default_factory=list)
    queries: dict[str, NamedQuery] = Field(min_length=1)
    scale: Scale
    checks: list[Check] = Field(default_factory=list)
    estimates: list[Estimate] = Field(default_factory=list)
    experiments: list[Experiment] = Field(default_factory=list)
    rubric: dict[str, list[Concept]]
    bonus: list[Concept] = Field(default_factory=list)
    misconceptions: list[Misconception] = Field(default_factory=list)

    _rubric: Rubric | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> PromptMeta:
        for name in self.queries:
            if not NAME.match(name):
                raise ValueError(f"query names are lower_case (got {name!r})")
        for w in self.scale.workload:
            if w.query not in self.queries or self.queries[w.query].kind != "write":
                raise ValueError(f"scale.workload: {w.query!r} is not a write query")
        for name in self.scale.samples:
            if name not in self.queries or self.queries[name].kind != "read":
                raise ValueError(f"scale.samples: {name!r} is not a read query")
        for check in self.checks:
            if check.query and check.query not in self.queries:
                raise ValueError(f"checks.{check.name}: unknown query {check.query!r}")
        self._rubric = Rubric(
            parts=list(DESIGN_PARTS),
            concepts=self.rubric,
            bonus=self.bonus,
            misconceptions=self.misconceptions,
        )
        return self

    def to_rubric(self) -> Rubric:
        assert self._rubric is not None
        return self._rubric


@dataclass(frozen=True)
class WorkedDesign:
    name: str  # staff, senior, flawed-...
    text: str
    fails: tuple[str, ...]  # the checks a flawed design is declared to fail


@dataclass(frozen=True)
class DesignPrompt:
    id: str
    meta: PromptMeta
    statement: str
    given_sql: str
    designs: dict[str, WorkedDesign]
    source: str

    @property
    def tenants(self) -> bool:
        return self.meta.tenant_setting is not None


def load_prompt(folder: Path) -> DesignPrompt:
    if not ID_PATTERN.match(folder.name):
        raise ContentError(str(folder), "folder name must be lower-case-with-dashes")
    path = folder / "prompt.md"
    data, statement = split_front_matter(read_content(path), path)
    try:
        meta = PromptMeta.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        raise ContentError(str(path), first["msg"], field=field) from exc
    designs: dict[str, WorkedDesign] = {}
    for design_path in sorted((folder / "designs").glob("*.md")):
        text = read_content(design_path)
        fails: tuple[str, ...] = ()
        if text.startswith("---"):
            head, text = split_front_matter(text, design_path)
            fails = tuple(head.get("fails") or ())
        if design_path.stem.startswith("flawed") and not fails:
            raise ContentError(str(design_path), "a flawed design declares `fails:`", "fails")
        designs[design_path.stem] = WorkedDesign(design_path.stem, text, fails)
    for required in ("staff", "senior"):
        if required not in designs:
            raise ContentError(str(folder / "designs"), f"{required}.md is missing")
    return DesignPrompt(
        folder.name, meta, statement, read_content(folder / "given.sql"), designs, str(folder)
    )


def load_prompts(extra_packs: tuple[Path, ...] = ()) -> dict[str, DesignPrompt]:
    prompts: dict[str, DesignPrompt] = {}
    for root in (BUILTIN_DESIGNS, *(p / "designs" for p in extra_packs)):
        if not root.is_dir():
            continue
        for folder in sorted(p for p in root.iterdir() if (p / "prompt.md").exists()):
            prompt = load_prompt(folder)
            if prompt.id in prompts:
                raise ContentError(str(folder), f"design prompt {prompt.id!r} is already defined")
            prompts[prompt.id] = prompt
    return prompts
