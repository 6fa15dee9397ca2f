"""The question bank holds: every reference accepted, every wrong answer caught where declared."""

from __future__ import annotations

from collections import Counter

import pytest

from pgdojo.content import Problem, ProblemKind, load_problems
from pgdojo.tracks.sql import Judge
from pgdojo.tracks.sql.verify import expected_failure, verify_problem

BUILTIN = load_problems()
SEEDS = {
    "running-total": ProblemKind.QUERY,
    "top-n-per-group": ProblemKind.QUERY,
    "gaps-and-islands": ProblemKind.QUERY,
    "recursive-org-chart": ProblemKind.QUERY,
    "pivot-monthly-sales": ProblemKind.QUERY,
    "dedupe-keep-latest": ProblemKind.MUTATION,
}


@pytest.mark.parametrize("problem_id", sorted(BUILTIN))
def test_problem_verifies(problem_id: str, judge: Judge) -> None:
    report = verify_problem(judge, BUILTIN[problem_id])
    assert report.ok, "\n".join(report.problems)


def test_bank_size_and_coverage() -> None:
    assert len(BUILTIN) >= 80
    kinds = Counter(p.kind for p in BUILTIN.values())
    assert set(kinds) == set(ProblemKind)
    assert kinds[ProblemKind.OPTIMIZE] >= 12 and kinds[ProblemKind.SCHEMA] >= 8
    for problem in BUILTIN.values():
        assert len(problem.hidden_datasets) >= 3
        assert len(problem.meta.hints) == 3
        assert "## The pitfall" in problem.editorial or "pitfall" in problem.editorial.lower()


@pytest.mark.parametrize("problem_id", sorted(SEEDS))
def test_seed_problems_exist_with_two_wrong_answers_caught_by_hidden_cases(
    problem_id: str, problems: dict[str, Problem], judge: Judge
) -> None:
    problem = problems[problem_id]
    assert problem.kind is SEEDS[problem_id]
    hidden_catches = 0
    for name, source in problem.wrong_solutions.items():
        verdict, case = expected_failure(problem, name, source)
        result = judge.judge(problem, source)
        assert result.verdict.value == verdict
        assert result.failed_case == case
        hidden_catches += bool(result.failed_case_hidden)
    assert hidden_catches >= 2
