"""Hidden datasets read a few to a message: the same verdicts as one by one, always.

The judge reads a query's or a mutation's sample by itself, then its hidden datasets a few to a
message (SandboxSession.read_each). A failing statement stops such a message and takes the results
before it along; these tests make each way of failing happen on one chosen hidden dataset only
(the candidate's SQL counts the rows it sees) and compare with the judge that reads every
dataset in a message of its own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from pgdojo.content import Problem, load_problems
from pgdojo.engine import Engine
from pgdojo.tracks.sql import Judge, Sandbox, Verdict
from pgdojo.tracks.sql.datasets import DatasetStore, in_place, on_copies
from pgdojo.tracks.sql.judge import CASES_PER_MESSAGE
from pgdojo.tracks.sql.sandbox import SEVER_GRACE_S, SandboxSession
from tests.tracks.sql.packs import write_problem

ORDERS = "CREATE TABLE orders (id integer PRIMARY KEY, customer text NOT NULL, total integer);"
TOTALS = "SELECT customer, sum(total) AS total FROM orders GROUP BY customer"
CUSTOMERS = ["ann", "bob", "cy"]


def rows(count: int) -> str:
    values = ", ".join(f"({i}, '{CUSTOMERS[i % 3]}', {10 * i})" for i in range(1, count + 1))
    return f"INSERT INTO orders VALUES {values};"


# Each dataset has a row count of its own: a submission picks its victim by counting. Six
# hidden datasets: two messages (CASES_PER_MESSAGE, then the rest).
COUNTS = {"sample": 3, "h1": 4, "h2": 2, "h3": 5, "h4": 6, "h5": 7, "h6": 8}
N = "(SELECT count(*) FROM orders)"


def on(count: int, then: str, otherwise: str) -> str:
    return f"CASE WHEN {N} = {count} THEN {then} ELSE {otherwise} END"


# name -> (submission, the hidden dataset it fails on, the verdict)
FAILING = {
    "error-first-hidden": (
        f"SELECT customer, sum(total) + 0 * (1 / ({N} - 4)) AS total FROM orders GROUP BY customer",
        "h1",
        Verdict.ERROR,
    ),
    "error-third-hidden": (
        f"SELECT customer, sum(total) + 0 * (1 / ({N} - 5)) AS total FROM orders GROUP BY customer",
        "h3",
        Verdict.ERROR,
    ),
    "error-second-message": (
        f"SELECT customer, sum(total) + 0 * (1 / ({N} - 8)) AS total FROM orders GROUP BY customer",
        "h6",
        Verdict.ERROR,
    ),
    "timeout": (
        "SELECT customer, sum(total) + 0 * (SELECT count(*) FROM generate_series(1, 20000) a, "
        f"generate_series(1, {on(6, '20000', '1')}) b) AS total FROM orders GROUP BY customer",
        "h4",
        Verdict.TIMEOUT,
    ),
    "wrong": (
        f"SELECT customer, sum(total) + {on(2, '1', '0')} AS total FROM orders GROUP BY customer",
        "h2",
        Verdict.WRONG_ANSWER,
    ),
    "full-first-batch": (
        "SELECT customer, sum(total) AS total FROM orders, "
        f"generate_series(1, {on(5, '1500', '1')}) g GROUP BY customer, g",
        "h3",
        Verdict.WRONG_ANSWER,
    ),
    "too-many-rows": (
        "SELECT customer, sum(total) AS total FROM orders, "
        f"generate_series(1, {on(5, '20000', '1')}) g GROUP BY customer, g",
        "h3",
        Verdict.ERROR,
    ),
    "too-many-bytes": (
        f"SELECT customer || repeat('x', {on(4, '20000000', '0')}) AS customer, sum(total) AS total"
        " FROM orders GROUP BY customer",
        "h1",
        Verdict.ERROR,
    ),
}


@pytest.fixture(scope="module")
def problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    pack = tmp_path_factory.mktemp("pack")
    datasets = {name: rows(count) for name, count in COUNTS.items()}
    write_problem(pack, "one-message-totals", schema=ORDERS, solution=TOTALS, datasets=datasets)
    return load_problems((pack,))["one-message-totals"]


@pytest.fixture(scope="module")
def judges(engine: Engine, datasets: DatasetStore) -> Iterator[tuple[Judge, Judge]]:
    """On one connection each (the next submission reuses the failed one's): hidden datasets
    in one message, and one by one."""
    one, each = (Sandbox(engine.sandbox_conninfo(), max_size=1, datasets=datasets) for _ in "12")
    by_one = Judge(each)
    by_one.one_message = False
    yield Judge(one), by_one
    one.close()
    each.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many datasets each read_each message was asked to read."""
    asked: list[int] = []
    read = SandboxSession.read_each

    def counted(self: SandboxSession, places: Any, *args: Any, **kw: Any) -> Any:
        asked.append(len(places))
        return read(self, places, *args, **kw)

    monkeypatch.setattr(SandboxSession, "read_each", counted)
    return asked


Told = tuple[Verdict, str | None, str, str | None, list[tuple[str, bool]]]


def told(judge: Judge, problem: Problem, source: str) -> Told:
    result = judge.judge(problem, source)
    cases = [(case.name, case.passed) for case in result.cases]
    return result.verdict, result.failed_case, result.message, result.sqlstate, cases


def told_alike(
    judges: tuple[Judge, Judge],
    problem: Problem,
    source: str,
    messages: list[int],
    expected: tuple[Verdict, str],
) -> None:
    """`source` fails as `expected` (verdict, hidden dataset) read in one message, and is told
    exactly as one by one: every dataset before it passed, none after it was told. The
    connection (and a mutation's copies) come back clean for the reference after it."""
    one, by_one = judges
    assert one.judge(problem, problem.solution).accepted  # the reference's results known
    messages.clear()
    assert one.judge(problem, problem.solution).accepted
    assert messages == [CASES_PER_MESSAGE, len(problem.hidden_datasets) - CASES_PER_MESSAGE]
    messages.clear()
    in_one = told(one, problem, source)
    assert messages, "the hidden datasets were not read in one message"
    assert in_one[:2] == expected, in_one
    assert in_one == told(by_one, problem, source)
    names = [d.name for d in problem.datasets]
    failed = expected[1]
    assert in_one[4] == [(n, n != failed) for n in names[: names.index(failed) + 1]]
    assert one.judge(problem, problem.solution).accepted


def test_the_problem_needs_two_messages(problem: Problem) -> None:
    assert CASES_PER_MESSAGE < len(problem.hidden_datasets) <= 2 * CASES_PER_MESSAGE


@pytest.mark.parametrize("name", sorted(FAILING))
def test_a_failure_on_one_hidden_dataset_is_told_as_one_by_one(
    name: str, problem: Problem, judges: tuple[Judge, Judge], messages: list[int]
) -> None:
    source, dataset, verdict = FAILING[name]
    told_alike(judges, problem, source, messages, (verdict, dataset))


def test_a_message_cut_by_the_watchdog_is_judged_again_one_by_one(
    problem: Problem, judges: tuple[Judge, Judge], messages: list[int]
) -> None:
    # A 1 GB value on h3 only: the server does not look at its cancel flag while copying it
    # into the FETCH's tuple store, so the watchdog cuts the message, and nothing says which
    # dataset it was on: the hidden datasets are judged again one by one, h3 cut again. (On
    # a loaded machine the statement may be cancelled while it builds the value instead: the
    # message then stops with an error that names h3.)
    source = (
        f"{TOTALS} UNION ALL SELECT string_agg(repeat('x', 1000000), ','), 0 "
        f"FROM generate_series(1, 1020) WHERE {N} = 5 HAVING count(*) > 0"
    )
    one, _ = judges
    assert one.judge(problem, TOTALS).accepted
    started = time.perf_counter()
    result = one.judge(problem, source)
    elapsed = time.perf_counter() - started
    assert (result.verdict, result.failed_case) == (Verdict.TIMEOUT, "h3"), result.message
    assert messages[0] == CASES_PER_MESSAGE  # the one message was tried
    # At most the message's allowance, then the one-by-one judging's up to h3.
    limit_s = problem.meta.time_limit_ms / 1000
    assert elapsed < 2 * (limit_s + SEVER_GRACE_S) + 1.5
    assert one.judge(problem, TOTALS).accepted


def test_a_fetch_past_temp_file_limit_on_a_hidden_dataset(
    problem: Problem, judges: tuple[Judge, Judge], messages: list[int]
) -> None:
    # 200 MB in the FETCH's tuple store passes temp_file_limit (128 MB), on h5 only; after it
    # the first ROLLBACK TO SAVEPOINT fails on the same limit (sandbox.py, _rollback_to).
    source = f"{TOTALS} UNION ALL SELECT repeat('x', {on(7, '200000000', '0')}), 0 WHERE {N} = 7"
    one, _ = judges
    assert one.judge(problem, TOTALS).accepted
    messages.clear()
    result = one.judge(problem, source)
    assert messages
    # On a loaded machine the 200 MB may take past the limit first: a timeout is as good.
    assert result.verdict in (Verdict.ERROR, Verdict.TIMEOUT), result.message
    assert result.failed_case == "h5"
    assert one.judge(problem, TOTALS).accepted


def test_read_each_reads_what_fetch_query_reads(
    engine: Engine, datasets: DatasetStore, problem: Problem
) -> None:
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1, datasets=datasets)
    places = [place for d in problem.datasets if (place := datasets.place(sandbox, problem, d))]
    assert len(places) == len(problem.datasets)
    try:
        by_one = []
        for place in places:
            with sandbox.session(None) as session, session.savepoint(place.enter_sql()):
                by_one.append([session.fetch_query(TOTALS)])
        with sandbox.session(None) as session:
            read = session.read_each(places, 2000, [TOTALS])
            assert read.failure is None and not session.ended
            assert read.results == by_one
        with sandbox.session(None) as session:
            # An error on the fourth: the three before it read again, the error kept.
            read = session.read_each(places, 2000, [f"SELECT 1 / ({N} - 5)"], end=True)
            assert len(read.results) == 3 and not session.ended
            assert getattr(read.failure, "sqlstate", None) == "22012"
        with sandbox.session(None) as session:
            # Past the byte budget on the fourth: the rest is for a one-by-one reading.
            huge = f"SELECT repeat('x', {on(5, '20000000', '1')})"
            read = session.read_each(places, 2000, [huge])
            assert len(read.results) == 3 and read.failure is None
        with sandbox.session(None) as session:
            read = session.read_each(places, 2000, [TOTALS], end=True)
            assert len(read.results) == len(places) and session.ended
            assert session.conn.info.transaction_status.name == "IDLE"
    finally:
        sandbox.close()


# -- mutations, on writable copies -------------------------------------------------------------

COUNTERS = "CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL);"
BUMP = "UPDATE counters SET n = n + 1"
C = "(SELECT count(*) FROM counters)"


def counters(count: int) -> str:
    values = ", ".join(f"({i}, {i * 10})" for i in range(1, count + 1))
    return f"INSERT INTO counters VALUES {values};"


SLOW = "(SELECT count(*) FROM generate_series(1, 20000) a, generate_series(1, {n}) b)"
# name -> (submission, the hidden dataset it fails on, the verdict)
MUTATIONS = {
    "error": (f"UPDATE counters SET n = n + 1 + 0 * (1 / ({C} - 5))", "h3", Verdict.ERROR),
    "wrong": (f"UPDATE counters SET n = n + 1 WHERE {C} <> 2", "h2", Verdict.WRONG_ANSWER),
    "second-statement": (
        f"UPDATE counters SET n = n + 1;\nDELETE FROM counters WHERE 1 / ({C} - 8) > 5",
        "h6",
        Verdict.ERROR,
    ),
    "timeout": (
        f"UPDATE counters SET n = n + 1 + 0 * "
        f"{SLOW.format(n=f'CASE WHEN {C} = 6 THEN 20000 ELSE 1 END')}",
        "h4",
        Verdict.TIMEOUT,
    ),
    # Two statements of about 0.6 s each on h4, under a 1 s limit: each alone is under it,
    # together they are past the one deadline a dataset has.
    "slow-together": (
        ";\n".join(
            [
                f"UPDATE counters SET n = n + 0 * {SLOW.format(n=f'CASE WHEN {C} = 6 THEN 1500 ELSE 1 END')}"
            ]
            * 2
            + [BUMP]
        ),
        "h4",
        Verdict.TIMEOUT,
    ),
}


@pytest.fixture(scope="module")
def mutation(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    pack = tmp_path_factory.mktemp("mutation-pack")
    datasets = {name: counters(count) for name, count in COUNTS.items()}
    write_problem(
        pack,
        "one-message-counters",
        kind="mutation",
        schema=COUNTERS,
        solution=BUMP,
        datasets=datasets,
        compare_tables=["counters"],
        time_limit_ms=1000,
    )
    return load_problems((pack,))["one-message-counters"]


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_mutation_failing_on_one_hidden_dataset_is_told_as_one_by_one(
    name: str, mutation: Problem, judges: tuple[Judge, Judge], messages: list[int]
) -> None:
    source, dataset, verdict = MUTATIONS[name]
    told_alike(judges, mutation, source, messages, (verdict, dataset))


def test_one_message_and_one_by_one_tell_the_bank_alike(
    judge: Judge, problems: dict[str, Problem], messages: list[int]
) -> None:
    by_one = Judge(judge.sandbox)
    by_one.one_message = False
    compared = past_the_sample = 0
    for problem in sorted(problems.values(), key=lambda p: p.id):
        if not (in_place(problem) or on_copies(problem)):
            continue
        judge.judge(problem, problem.solution)  # the reference's results known
        for source in [problem.solution, *problem.wrong_solutions.values()]:
            messages.clear()
            result = told(judge, problem, source)
            assert result == told(by_one, problem, source), problem.id
            compared += 1
            if result[4][0] == (problem.sample.name, True):
                assert messages, (problem.id, "hidden datasets not read in one message")
                past_the_sample += 1
    assert compared >= 150 and past_the_sample >= 100
