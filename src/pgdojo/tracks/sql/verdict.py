"""Verdicts, the judge's result (with the classic mistakes found in the submission), and the one
place where failures become verdicts: SQLSTATEs, the sandbox's own limits, and what a hidden
case may tell."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from psycopg import errors as pg_errors

from pgdojo.tracks.sql.sandbox import ResultTooLarge, SandboxBroken, TimeLimitExceeded

# The judge reports its time rounded up to this: a total that moves with the branch a hidden
# case took would otherwise read out hidden data (the time of one case is never reported).
ELAPSED_BUCKET_MS = 250


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    ERROR = "error"
    TIMEOUT = "timeout"
    REJECTED = "rejected"
    TOO_SLOW = "too_slow"


@dataclass
class Position:
    """Where in the submission an error is: 1-based line and column, and the line marked."""

    offset: int
    line: int
    column: int
    excerpt: str

    @classmethod
    def at(cls, source: str, offset: int) -> Position:
        offset = max(0, min(offset, len(source)))
        before = source[:offset]
        line = before.count("\n") + 1
        start = before.rfind("\n") + 1
        end = source.find("\n", offset)
        text = source[start : end if end != -1 else len(source)]
        column = offset - start + 1
        return cls(offset, line, column, f"{text}\n{' ' * (column - 1)}^")


@dataclass
class CaseResult:
    """How one dataset went, for the per-case summary."""

    name: str
    hidden: bool
    passed: bool


class Severity(StrEnum):
    """How a classic mistake is shown: beside a failed verdict, or as a risk in an accepted one."""

    ERROR = "error"
    WARNING = "warning"


@dataclass
class Finding:
    """A classic mistake the submission makes (tracks/sql/mistakes.py): what, why, the fix."""

    rule: str
    title: str
    why: str
    fix: str
    severity: Severity
    position: Position | None = None


@dataclass
class JudgeResult:
    """Everything the candidate is told about a submission; `to_dict` is the JSON contract."""

    problem_id: str
    verdict: Verdict
    message: str
    failed_case: str | None = None
    failed_case_hidden: bool | None = None
    catches: str | None = None
    cases: list[CaseResult] = field(default_factory=list)
    diff: dict[str, Any] | None = None
    position: Position | None = None
    sqlstate: str | None = None
    time_limit_ms: int = 0
    allowed_statements: list[str] = field(default_factory=list)
    measured: dict[str, Any] | None = None
    elapsed_ms: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdict"] = self.verdict.value
        for finding in data["findings"]:
            finding["severity"] = str(finding["severity"])
        data["accepted"] = self.accepted
        data["passed_cases"] = sum(1 for c in self.cases if c.passed)
        data["total_cases"] = len(self.cases)
        return data


@dataclass
class Failure:
    """A database error during the candidate's statements, mapped to a verdict."""

    verdict: Verdict
    sqlstate: str | None
    condition: str
    message: str


# SQLSTATE classes (first two characters) and exact codes that are not plain errors.
TIMEOUT_SQLSTATE = "57014"  # query_canceled: statement_timeout, or a cancel request
_BY_CODE = {
    TIMEOUT_SQLSTATE: (Verdict.TIMEOUT, "the statement ran past the time limit and was cancelled"),
    "53400": (Verdict.ERROR, "exceeded a resource limit (temporary file space)"),
    "53200": (Verdict.ERROR, "exceeded the memory available to a submission"),
    "53100": (Verdict.ERROR, "exceeded the disk space available to a submission"),
    "54001": (Verdict.ERROR, "the statement is too complex (stack depth limit)"),
    "42501": (Verdict.REJECTED, "not permitted in the sandbox"),
    "55P03": (Verdict.ERROR, "waited too long for a lock"),
}
_BY_CLASS = {
    "25": (Verdict.REJECTED, "transaction control is not allowed in submissions"),
    "53": (Verdict.ERROR, "exceeded a resource limit"),
    "54": (Verdict.ERROR, "exceeded a program limit"),
}


def failure_from(exc: BaseException) -> Failure:
    """Map a psycopg exception from the candidate's SQL, or one of the sandbox's limits, to a
    verdict and an explanation."""
    if isinstance(exc, TimeLimitExceeded):
        return Failure(
            Verdict.TIMEOUT,
            TIMEOUT_SQLSTATE,
            "query_canceled",
            "the statements ran past the time limit and were stopped",
        )
    if isinstance(exc, ResultTooLarge):
        return Failure(Verdict.ERROR, None, "result_too_large", str(exc))
    if isinstance(exc, SandboxBroken):
        return Failure(Verdict.ERROR, None, "sandbox_broken", str(exc))
    sqlstate = getattr(exc, "sqlstate", None)
    diag = getattr(exc, "diag", None)
    return failure_of(sqlstate, getattr(diag, "message_primary", None) or str(exc))


def failure_of(sqlstate: str | None, message: str) -> Failure:
    """A database error's verdict and explanation, from its SQLSTATE and primary message."""
    primary = message.strip()
    condition = _condition_name(sqlstate)
    if sqlstate in _BY_CODE:
        verdict, reason = _BY_CODE[sqlstate]
        return Failure(verdict, sqlstate, condition, f"{reason} ({primary})")
    if sqlstate and sqlstate[:2] in _BY_CLASS:
        verdict, reason = _BY_CLASS[sqlstate[:2]]
        return Failure(verdict, sqlstate, condition, f"{reason} ({primary})")
    return Failure(Verdict.ERROR, sqlstate, condition, primary)


def hidden_failure(failure: Failure) -> Failure:
    """What a failure on a hidden case may tell: that it timed out, or that it failed.

    Everything else reads out hidden data a few bits per submission: a statement can choose
    its error (division by zero, a bad cast, a refused permission) from the data it sees, so
    the SQLSTATE, the condition, the message and the error position stay unsaid, and
    `rejected` is told as `error`.
    """
    if failure.verdict is Verdict.TIMEOUT:
        return Failure(Verdict.TIMEOUT, None, "timeout", "the time limit was reached")
    return Failure(Verdict.ERROR, None, "error", "your statements failed with an error")


def coarse_elapsed_ms(seconds: float) -> float:
    """The judge's total time as reported: rounded up to ELAPSED_BUCKET_MS."""
    milliseconds = max(seconds * 1000, 1.0)
    return float(math.ceil(milliseconds / ELAPSED_BUCKET_MS) * ELAPSED_BUCKET_MS)


def _condition_name(sqlstate: str | None) -> str:
    if not sqlstate:
        return "unknown"
    try:
        cls = pg_errors.lookup(sqlstate)
    except KeyError:
        return sqlstate
    return "".join("_" + c.lower() if c.isupper() else c for c in cls.__name__).lstrip("_")
