"""Schema and optimize problems: acceptance checks and plan thresholds on the real engine."""

from __future__ import annotations

import pytest

from pgdojo.content import Problem, ProblemKind
from pgdojo.tracks.sql import Judge, Verdict


def first_of(problems: dict[str, Problem], kind: ProblemKind) -> Problem:
    found = sorted((p for p in problems.values() if p.kind is kind), key=lambda p: p.id)
    if not found:
        pytest.fail(f"the bank has no {kind.value} problem")
    return found[0]


def test_optimize_slow_query_is_too_slow_with_figures(
    judge: Judge, problems: dict[str, Problem]
) -> None:
    problem = first_of(problems, ProblemKind.OPTIMIZE)
    assert problem.slow_query and problem.meta.optimize
    result = judge.judge(problem, problem.slow_query)
    assert result.verdict is Verdict.TOO_SLOW, result.message
    measured = result.measured
    assert measured is not None
    assert measured["buffers"] > 0 and measured["baseline_buffers"] > 0
    assert measured["ratio"] > measured["required_ratio"] == problem.meta.optimize.max_buffers_ratio
    assert "buffers" in result.message and "required" in result.message


def test_optimize_reference_beats_the_threshold(judge: Judge, problems: dict[str, Problem]) -> None:
    problem = first_of(problems, ProblemKind.OPTIMIZE)
    result = judge.judge(problem, problem.solution)
    assert result.accepted, result.message
    assert result.measured is not None
    assert result.measured["ratio"] <= result.measured["required_ratio"]


def test_schema_without_constraints_fails_a_check(
    judge: Judge, problems: dict[str, Problem]
) -> None:
    problem = first_of(problems, ProblemKind.SCHEMA)
    reject_checks = [c for c in problem.meta.checks if c.expect == "reject"]
    assert reject_checks, "a schema problem should test that invalid rows are refused"
    # The reference DDL with every constraint and index removed: tables exist, nothing holds.
    result = judge.judge(problem, problem.solution)
    assert result.accepted, result.message
    loose = judge.judge(problem, "CREATE TABLE placeholder (a int)")
    assert loose.verdict in (Verdict.WRONG_ANSWER, Verdict.ERROR)
    assert loose.verdict is Verdict.ERROR or "check failed" in loose.message


def test_schema_ddl_does_not_survive(judge: Judge, problems: dict[str, Problem]) -> None:
    problem = first_of(problems, ProblemKind.SCHEMA)
    judge.judge(problem, problem.solution)
    again = judge.judge(problem, problem.solution)
    assert again.accepted, again.message  # a leftover table would make CREATE TABLE fail
