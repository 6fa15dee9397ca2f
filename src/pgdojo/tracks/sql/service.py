"""The SQL live-coding track as a service: the CLI, the API and the web UI all call this."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NotRequired, TypedDict

from pgdojo.attempts import Attempt, AttemptLog
from pgdojo.content.models import Problem
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.store import Store
from pgdojo.tracks.sql.classify import allowed_statement_words
from pgdojo.tracks.sql.compare import ResultSet, jsonable
from pgdojo.tracks.sql.judge import Judge
from pgdojo.tracks.sql.verdict import JudgeResult
from pgdojo.tracks.sql.verify import Verification, verify_problems

TRACK = "sql"
ACTIVITY = "problem"
ACCEPTED_SCORE = 100
BUILTIN_PACK = "builtin"  # Problem.pack of the bank shipped in the package
# What `show` gives of a large sample: the head of its SQL and of its expected output.
SAMPLE_HEAD_LINES = 60
SAMPLE_ROWS = 50


@dataclass(frozen=True)
class Hint:
    """A hint as shown during practice: its number of the total, and whether it is the last."""

    number: int
    total: int
    text: str
    last: bool

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "total": self.total, "hint": self.text, "last": self.last}


def seconds_since(moment: datetime) -> float:
    """Seconds from `moment` (timezone-aware) to now, never negative."""
    return max(0.0, (datetime.now(UTC) - moment).total_seconds())


@dataclass(frozen=True)
class Practice:
    """An open practice attempt at a problem: the clock and hints are the attempt's."""

    problem_id: str
    attempt_id: int
    started_at: datetime  # the attempt's start (timezone-aware): a resumed clock counts from it
    target_minutes: int
    hints_used: int
    hints_total: int

    def elapsed_s(self) -> float:
        """Seconds since the attempt started (never negative: the database's clock, which set
        the start, may run a little ahead of this one)."""
        return seconds_since(self.started_at)

    def to_dict(self) -> dict[str, Any]:
        return {
            "problem_id": self.problem_id,
            "attempt_id": self.attempt_id,
            "started_at": self.started_at.isoformat(),
            "target_minutes": self.target_minutes,
            "hints_used": self.hints_used,
            "hints_total": self.hints_total,
        }


class ProblemDetails(TypedDict):
    """Everything a candidate sees before solving (the JSON of `sql show`)."""

    id: str
    title: str
    kind: str
    difficulty: str
    patterns: list[str]
    target_minutes: int
    time_limit_ms: int
    ordered: bool
    statement: str
    schema_sql: str
    sample_sql: str  # its head when the sample is long (sample_sql_lines says how long)
    sample_sql_lines: int
    slow_query: str | None
    hidden_cases: int
    hints_available: int
    allowed_statements: list[str]
    solved: bool
    sample_expected: NotRequired[dict[str, Any] | None]


@dataclass(frozen=True)
class ProblemSummary:
    id: str
    title: str
    kind: str
    difficulty: str
    patterns: list[str]
    target_minutes: int
    solved: bool
    attempted: bool
    pack: str


def result_set_dict(result: ResultSet | None, limit: int | None = None) -> dict[str, Any] | None:
    """Columns and rows for the JSON API; with `limit`, the first rows only (`total_rows` says
    how many there are)."""
    if result is None:
        return None
    rows = result.rows if limit is None else result.rows[:limit]
    return {
        "columns": list(result.columns),
        "rows": [jsonable(list(r)) for r in rows],
        "total_rows": len(result.rows),
    }


def head(text: str, lines: int = SAMPLE_HEAD_LINES, chars: int = 6000) -> str:
    """The first lines of a long text (at most `chars` characters)."""
    return "\n".join(text.split("\n", lines)[:lines])[:chars]


class SqlTrack:
    """List, show, judge and practise SQL problems; records everything in the store."""

    def __init__(
        self, problems: dict[str, Problem], judge: Judge, store: Store, attempts: AttemptLog
    ) -> None:
        self.problems = problems
        self.judge_engine = judge
        self.store = store
        self.attempts = attempts

    def close(self) -> None:
        self.judge_engine.sandbox.close()

    def item_status(self) -> tuple[set[str], set[str]]:
        """(solved, attempted) problem ids of this user."""
        items = self.attempts.items(TRACK, ACTIVITY)
        return {i for i, p in items.items() if p.passed}, {
            i for i, p in items.items() if p.attempts
        }

    def solved_items(self) -> set[str]:
        return self.item_status()[0]

    def problem(self, problem_id: str) -> Problem:
        try:
            return self.problems[problem_id]
        except KeyError:
            raise NotFoundError(
                f"no SQL problem {problem_id!r}; `pgdojo sql list` shows the ids"
            ) from None

    def list_problems(
        self,
        pattern: str | None = None,
        difficulty: str | None = None,
        solved: bool | None = None,
    ) -> list[ProblemSummary]:
        solved_ids, attempted = self.item_status()
        rows = []
        for p in sorted(self.problems.values(), key=_problem_order):
            if pattern and pattern not in p.meta.patterns:
                continue
            if difficulty and p.meta.difficulty.value != difficulty:
                continue
            is_solved = p.id in solved_ids
            if solved is not None and is_solved != solved:
                continue
            rows.append(
                ProblemSummary(
                    p.id,
                    p.title,
                    p.kind.value,
                    p.meta.difficulty.value,
                    list(p.meta.patterns),
                    p.meta.target_minutes,
                    is_solved,
                    p.id in attempted,
                    p.pack,
                )
            )
        return rows

    def patterns(self) -> list[str]:
        return sorted({t for p in self.problems.values() for t in p.meta.patterns})

    def show(self, problem_id: str, with_sample: bool = True) -> ProblemDetails:
        """Everything a candidate sees before solving: statement, tables, sample rows."""
        p = self.problem(problem_id)
        data: ProblemDetails = {
            "id": p.id,
            "title": p.title,
            "kind": p.kind.value,
            "difficulty": p.meta.difficulty.value,
            "patterns": list(p.meta.patterns),
            "target_minutes": p.meta.target_minutes,
            "time_limit_ms": p.meta.time_limit_ms,
            "ordered": p.meta.ordered,
            "statement": p.statement,
            "schema_sql": p.schema_sql,
            "sample_sql": head(p.sample.sql),
            "sample_sql_lines": p.sample.sql.count("\n") + 1,
            "slow_query": p.slow_query,
            "hidden_cases": len(p.hidden_datasets),
            "hints_available": len(p.meta.hints),
            "allowed_statements": allowed_statement_words(p.kind),
            "solved": p.id in self.solved_items(),
        }
        if with_sample:
            data["sample_expected"] = self.sample_expected(problem_id)
        return data

    def sample_expected(self, problem_id: str) -> dict[str, Any] | None:
        """The reference's output on the sample (the head of it when it is long); None for
        schema problems, whose outcome is their checks."""
        p = self.problem(problem_id)
        if p.kind.value not in ("query", "mutation", "optimize"):
            return None
        return result_set_dict(self.judge_engine.expected_result(p, p.sample), limit=SAMPLE_ROWS)

    def judge(self, problem_id: str, source: str, attempt_id: int | None = None) -> JudgeResult:
        """Judge and record a submission in an attempt (a one-shot one when none is given);
        an accepted submission closes the attempt."""
        problem = self.problem(problem_id)
        if not source.strip():
            raise UsageError("the submission is empty: write a SQL statement")
        if attempt_id is not None:
            self.attempts.require(attempt_id, TRACK, problem.id)
        result = self.judge_engine.judge(problem, source)
        score = ACCEPTED_SCORE if result.accepted else 0
        if attempt_id is None:
            attempt_id = self.attempts.record_once(
                TRACK, ACTIVITY, problem.id, score, result.accepted, result.elapsed_ms / 1000
            )
        else:
            self.attempts.score(attempt_id, score, result.accepted, finish=result.accepted)
        self.store.record_submission(
            TRACK,
            problem.id,
            source,
            result.verdict.value,
            result.to_dict(),
            result.elapsed_ms,
            attempt_id,
        )
        return result

    # -- practice: an open attempt, its clock and its hints -------------------------------------
    def practise(self, problem_id: str) -> Practice:
        """Open (or resume) the user's practice attempt at a problem."""
        problem = self.problem(problem_id)
        attempt_id = self.attempts.open(TRACK, ACTIVITY, problem.id)
        attempt = self.attempts.require(attempt_id, TRACK, problem.id)
        return Practice(
            problem.id,
            attempt_id,
            attempt.started_at,
            problem.meta.target_minutes,
            attempt.hints_used,
            len(problem.meta.hints),
        )

    def next_hint(self, attempt_id: int) -> Hint | None:
        """The next hint of a practice attempt, counted on it; None once all are shown."""
        attempt = self.attempts.get(attempt_id)
        if attempt is None or attempt.track != TRACK:
            raise NotFoundError(f"no SQL practice attempt {attempt_id} for this user")
        hints = self.problem(attempt.item_id).meta.hints
        number = self.attempts.use_hint(attempt_id, len(hints))
        if number is None:
            return None
        return Hint(number, len(hints), hints[number - 1], number == len(hints))

    def attempt(self, attempt_id: int) -> Attempt | None:
        return self.attempts.get(attempt_id)

    def submissions(self, problem_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """The user's latest submissions to a problem, newest first."""
        return self.store.submissions(TRACK, self.problem(problem_id).id, limit)

    def run_sample(self, problem_id: str, source: str) -> dict[str, Any]:
        """Run on the sample only and show the rows (nothing recorded)."""
        problem = self.problem(problem_id)
        failure, rows = self.judge_engine.run_sample(problem, source)
        if failure is not None:
            return {"ok": False, "result": failure.to_dict()}
        return {"ok": True, "rows": result_set_dict(rows)}

    def hint(self, problem_id: str, number: int) -> Hint:
        """Hint `number` of a problem, outside practice (nothing counted)."""
        problem = self.problem(problem_id)
        hints = problem.meta.hints
        if not 1 <= number <= len(hints):
            raise UsageError(f"hints are numbered 1 to {len(hints)}")
        return Hint(number, len(hints), hints[number - 1], number == len(hints))

    def editorial(self, problem_id: str) -> dict[str, str]:
        problem = self.problem(problem_id)
        return {"solution": problem.solution, "editorial": problem.editorial}

    def pick_unsolved(
        self,
        pattern: str | None = None,
        difficulty: str | None = None,
        rng: random.Random | None = None,
    ) -> Problem:
        candidates = [s for s in self.list_problems(pattern, difficulty, solved=False)]
        if not candidates:
            raise NotFoundError(
                "every problem matching these filters is solved: "
                "try another --pattern or --difficulty"
            )
        fresh = [s for s in candidates if not s.attempted] or candidates
        return self.problem((rng or random).choice(fresh).id)

    def verify(
        self,
        problem_id: str | None = None,
        packs_only: bool = False,
        on_progress: Callable[[str, float], None] | None = None,
    ) -> Verification:
        """Verify one problem, every problem, or (`packs_only`) every problem of the content
        packs and none of the built-in bank; with the mistake rules measured on them.
        `on_progress(problem_id, fraction)` as each problem is done."""
        if problem_id and packs_only:
            raise UsageError("give a problem ID or --packs-only, not both")
        if problem_id:
            ids = [self.problem(problem_id).id]
        elif packs_only:
            ids = sorted(i for i, p in self.problems.items() if p.pack != BUILTIN_PACK)
            if not ids:
                raise UsageError(
                    "--packs-only verifies content packs, and none is loaded: "
                    "pass --content DIR (or set PGDOJO_CONTENT)"
                )
        else:
            ids = sorted(self.problems)
        return verify_problems(self.judge_engine, [self.problems[i] for i in ids], on_progress)


_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def _problem_order(p: Problem) -> tuple[int, str]:
    return (_DIFFICULTY_ORDER[p.meta.difficulty.value], p.id)
