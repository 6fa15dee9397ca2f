"""The SQL live-coding track as a service: the CLI, the API and the web UI all call this."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from pgdojo.content.models import Problem
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.store import Store
from pgdojo.tracks.sql.classify import allowed_statement_words
from pgdojo.tracks.sql.compare import ResultSet, jsonable
from pgdojo.tracks.sql.judge import Judge
from pgdojo.tracks.sql.verdict import JudgeResult
from pgdojo.tracks.sql.verify import VerifyReport, verify_problem

TRACK = "sql"


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


def result_set_dict(result: ResultSet | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {"columns": list(result.columns), "rows": [jsonable(list(r)) for r in result.rows]}


class SqlTrack:
    """List, show, judge and practise SQL problems; records everything in the store."""

    def __init__(self, problems: dict[str, Problem], judge: Judge, store: Store) -> None:
        self.problems = problems
        self.judge_engine = judge
        self.store = store

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
        solved_ids, attempted = self.store.item_status(TRACK)
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

    def show(self, problem_id: str, with_sample: bool = True) -> dict[str, Any]:
        """Everything a candidate sees before solving: statement, tables, sample rows."""
        p = self.problem(problem_id)
        data: dict[str, Any] = {
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
            "sample_sql": p.sample.sql,
            "slow_query": p.slow_query,
            "hidden_cases": len(p.hidden_datasets),
            "hints_available": len(p.meta.hints),
            "allowed_statements": allowed_statement_words(p.kind),
            "solved": p.id in self.store.solved_items(TRACK),
        }
        if (
            with_sample
            and p.kind.value in ("query", "mutation", "optimize")
            and len(p.sample.sql) < 20_000
        ):
            data["sample_expected"] = result_set_dict(
                self.judge_engine.expected_result(p, p.sample)
            )
        return data

    def judge(self, problem_id: str, source: str, attempt_id: int | None = None) -> JudgeResult:
        """Judge and record a submission; an accepted one closes the attempt."""
        problem = self.problem(problem_id)
        if not source.strip():
            raise UsageError("the submission is empty: write a SQL statement")
        result = self.judge_engine.judge(problem, source)
        detail = result.to_dict()
        self.store.record_submission(
            TRACK, problem.id, source, result.verdict.value, detail, result.elapsed_ms, attempt_id
        )
        if attempt_id is not None and result.accepted:
            self.store.finish_attempt(attempt_id, solved=True)
        return result

    def run_sample(self, problem_id: str, source: str) -> dict[str, Any]:
        """Run on the sample only and show the rows (nothing recorded)."""
        problem = self.problem(problem_id)
        failure, rows = self.judge_engine.run_sample(problem, source)
        if failure is not None:
            return {"ok": False, "result": failure.to_dict()}
        return {"ok": True, "rows": result_set_dict(rows)}

    def hint(self, problem_id: str, number: int) -> str:
        problem = self.problem(problem_id)
        hints = problem.meta.hints
        if not 1 <= number <= len(hints):
            raise UsageError(f"hints are numbered 1 to {len(hints)}")
        return hints[number - 1]

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

    def verify(self, problem_id: str | None = None) -> list[VerifyReport]:
        ids = [problem_id] if problem_id else sorted(self.problems)
        return [verify_problem(self.judge_engine, self.problem(i)) for i in ids]


_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def _problem_order(p: Problem) -> tuple[int, str]:
    return (_DIFFICULTY_ORDER[p.meta.difficulty.value], p.id)
