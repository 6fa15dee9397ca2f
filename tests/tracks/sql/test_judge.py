from __future__ import annotations

from pgdojo.content import Problem
from pgdojo.tracks.sql import Judge, Verdict


def test_sample_failure_shows_the_diff(judge: Judge, problems: dict[str, Problem]) -> None:
    result = judge.judge(
        problems["running-total"],
        "SELECT id, date, amount, amount AS running_total FROM transactions ORDER BY date, id",
    )
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.failed_case == "sample" and result.failed_case_hidden is False
    assert result.diff is not None
    assert result.diff["columns"] == ["id", "date", "amount", "running_total"]
    assert ["2", "2026-03-02", "50.00", "150.00"] in [
        [str(v) for v in r] for r in result.diff["missing"]
    ]
    assert result.diff["extra"]


def test_hidden_failure_names_the_case_but_not_its_data(
    judge: Judge, problems: dict[str, Problem]
) -> None:
    problem = problems["running-total"]
    result = judge.judge(problem, problem.wrong_solutions["range-frame-peers"])
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.failed_case == "same-day-ties" and result.failed_case_hidden
    assert result.catches and result.catches in result.message
    assert result.diff is None
    assert "2026-01-10" not in str(result.to_dict())


def test_runtime_error_on_hidden_case_hides_the_message(
    judge: Judge, problems: dict[str, Problem]
) -> None:
    # Division by zero only on the hidden 'refunds' case, where an amount is 0.
    source = (
        "SELECT id, date, amount, SUM(amount) OVER (ORDER BY date, id) + 0 * (1 / amount)"
        " AS running_total FROM transactions ORDER BY date, id"
    )
    result = judge.judge(problems["running-total"], source)
    assert result.verdict is Verdict.ERROR
    assert result.failed_case == "refunds"
    # Issue 13 item 3.7: the SQLSTATE is a side channel (a submission picks its error from the
    # hidden data), so a hidden case tells only that it failed, and where.
    assert "refunds" in result.message
    assert "division" not in result.message and "22012" not in result.message
    assert result.sqlstate is None and result.position is None


def test_runtime_error_position_maps_into_the_submission(
    judge: Judge, problems: dict[str, Problem]
) -> None:
    result = judge.judge(problems["running-total"], "SELECT id,\n       nope\nFROM transactions")
    assert result.verdict is Verdict.ERROR
    assert result.position is not None and (result.position.line, result.position.column) == (2, 8)


def test_columns_are_checked_before_rows(judge: Judge, problems: dict[str, Problem]) -> None:
    result = judge.judge(
        problems["running-total"],
        "SELECT id, date, amount, SUM(amount) OVER (ORDER BY date, id) AS total"
        " FROM transactions ORDER BY 2, 1",
    )
    assert result.verdict is Verdict.WRONG_ANSWER
    assert "'total'" in result.message and "'running_total'" in result.message


def test_accepted_lists_every_case(judge: Judge, problems: dict[str, Problem]) -> None:
    problem = problems["running-total"]
    result = judge.judge(problem, problem.solution)
    assert result.accepted
    assert [c.name for c in result.cases] == [d.name for d in problem.datasets]
    assert result.to_dict()["passed_cases"] == len(problem.datasets)
