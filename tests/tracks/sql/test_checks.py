"""A schema problem's checks, run in one block per case: each outcome told as before (the
database's words on the sample, none on a hidden case), each check undone before the next,
the case's clock over all of them."""

from __future__ import annotations

import pytest

from pgdojo.content import Problem, load_problems
from pgdojo.content.models import SchemaCheck
from pgdojo.tracks.sql import Judge, Verdict
from pgdojo.tracks.sql.checks import case_block
from tests.tracks.sql.packs import write_problem

TABLES = (
    "CREATE TABLE members (id integer PRIMARY KEY, email text NOT NULL UNIQUE,"
    " age integer CHECK (age >= 0));\n"
    "CREATE INDEX ON members (age);"
)
ROWS = "INSERT INTO members VALUES (1, 'a@x', 30), (2, 'b@x', 40);"


def checks_for(case: str) -> list[dict[str, str]]:
    return [
        # Two checks that each store id 9: the first must be undone before the second.
        {
            "case": case,
            "name": "a new member is stored",
            "expect": "accept",
            "sql": "INSERT INTO members VALUES (9, 'n@x', 20)",
        },
        {
            "case": case,
            "name": "the same id is free again",
            "expect": "accept",
            "sql": "INSERT INTO members VALUES (9, 'm@x', 21);\nUPDATE members SET age = 22 WHERE id = 9",
        },
        {
            "case": case,
            "name": "a taken email is refused",
            "expect": "reject",
            "sql": "INSERT INTO members VALUES (10, 'a@x', 50)",
        },
        {
            "case": case,
            "name": "a negative age is refused",
            "expect": "reject",
            "sql": "INSERT INTO members VALUES (11, 'c@x', -1)",
        },
        {
            "case": case,
            "name": "members by age use an index",
            "expect": "index",
            "sql": "SELECT id FROM members WHERE age = 30",
        },
    ] + (
        []
        if case == "sample"
        else [
            {
                "case": case,
                "name": "a member aged 77 is stored",
                "expect": "accept",
                "sql": "INSERT INTO members VALUES (12, 'h@x', 77)",
            },
        ]
    )


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    pack = tmp_path_factory.mktemp("checks")
    cases = ["sample", "second", "third", "fourth"]
    write_problem(
        pack,
        "pack-members",
        kind="schema",
        schema="-- the candidate creates every table",
        solution=TABLES,
        datasets={case: ROWS for case in cases},
        checks=[check for case in cases for check in checks_for(case)],
    )
    return load_problems((pack,))["pack-members"]


@pytest.mark.parametrize(
    ("source", "sample_message"),
    [
        (
            TABLES.replace(" NOT NULL UNIQUE", " NOT NULL"),
            "check failed: a taken email is refused (an invalid row was accepted: no constraint "
            "stopped it)",
        ),
        (
            TABLES.replace("CREATE INDEX ON members (age);", ""),
            "check failed: members by age use an index (the query still needs a sequential scan: "
            "no index serves it)",
        ),
        (
            TABLES.replace("age integer CHECK (age >= 0)", "age integer CHECK (age > 20)"),
            "check failed: a new member is stored (a valid row was refused: new row for relation "
            '"members" violates check constraint "members_age_check")',
        ),
        (
            TABLES.replace("CHECK (age >= 0)", "CHECK (100 / (age + 1) < 1000)"),
            "check failed: a negative age is refused (it failed, but not by a constraint: "
            "division_by_zero)",
        ),
    ],
    ids=["accepted", "sequential", "refused", "not-a-constraint"],
)
def test_each_way_a_check_fails_is_told(
    judge: Judge, members: Problem, source: str, sample_message: str
) -> None:
    result = judge.judge(members, source)
    assert result.verdict is Verdict.WRONG_ANSWER and result.failed_case == "sample"
    assert sample_message in result.message, result.message


def test_a_hidden_case_keeps_the_databases_words(judge: Judge, members: Problem) -> None:
    """Refused only on the hidden cases (the sample has no member aged 77): no constraint
    name, no condition, nothing the case's data chose."""
    strict = TABLES.replace("CHECK (age >= 0)", "CHECK (age >= 0 AND age <> 77)")
    result = judge.judge(members, strict)
    assert result.verdict is Verdict.WRONG_ANSWER and result.failed_case == "second"
    assert result.message.endswith(
        "check failed: a member aged 77 is stored (a valid row was refused)"
    ), result.message
    assert "members_age_check" not in result.message


def test_the_reference_passes_and_checks_leave_nothing(judge: Judge, members: Problem) -> None:
    for run in range(2):
        result = judge.judge(members, f"{TABLES}\n-- run {run}\n")
        assert result.accepted, result.message


def test_checks_that_run_past_the_time_limit_are_a_timeout(judge: Judge, members: Problem) -> None:
    """The candidate's constraint makes every row slow to store: the case's clock covers
    its rows and checks together, and the block is cancelled, not waited for."""
    # Four numeric factorials a row, 0.7 s each here: the sample's two rows are past its 2 s
    # limit on a machine twice as fast. (An md5 of a 180 MB string, 0.4 s, was not: on a fast
    # hour the sample passed and a hidden case timed out instead.)
    slow_row = " AND ".join(f"factorial({30000 + i} + 0 * length(email)) > 0" for i in range(4))
    slow = TABLES.replace("UNIQUE", f"UNIQUE CHECK ({slow_row})")
    result = judge.judge(members, slow)
    assert result.verdict is Verdict.TIMEOUT and result.failed_case == "sample", result.message
    assert judge.judge(members, TABLES + "\n-- after\n").accepted


def test_the_block_quotes_what_the_checks_say() -> None:
    tricky = {
        "case": "sample",
        "name": "quotes and dollars",
        "expect": "accept",
        "sql": "SELECT 'it''s $pgdojo_checks$ here'",
    }
    block = case_block([SchemaCheck(**tricky)])
    assert block.startswith("DO $pgdojo_checks_$") and block.endswith("$pgdojo_checks_$")
    assert "'SELECT ''it''''s $pgdojo_checks$ here'''" in block
    assert case_block([]) == ""
