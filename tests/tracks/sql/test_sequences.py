"""A rollback does not undo nextval: every dataset's rows get the ids the content meant,
whichever datasets and submissions ran before it in the judging (sequences.py)."""

from __future__ import annotations

from pathlib import Path

from pgdojo.content import load_problems
from pgdojo.tracks.sql import Judge, Verdict
from pgdojo.tracks.sql.sequences import may_create_sequences, reset_sql
from tests.tracks.sql.packs import write_problem
from tests.tracks.sql.test_copies import ACCOUNTS, SOLUTION, mutation

PARENTS = (
    "CREATE TABLE parents (id serial PRIMARY KEY, name text NOT NULL);\n"
    "CREATE TABLE kids (parent_id integer NOT NULL REFERENCES parents);"
)
TWO_PARENTS = "INSERT INTO parents (name) VALUES ('a'), ('b');"


def test_the_loading_judge_gives_every_dataset_the_same_ids(
    loading_judge: Judge, tmp_path: Path
) -> None:
    problem = mutation(tmp_path, "pack-serial-loading", schema=f"{ACCOUNTS}\n-- loaded")
    for run in range(2):
        result = loading_judge.judge(problem, f"{SOLUTION}\n-- run {run}\n")
        assert result.accepted, result.message
    wrong = loading_judge.judge(problem, "UPDATE accounts SET balance = balance + 1")
    assert wrong.verdict is Verdict.WRONG_ANSWER


def test_a_schema_problems_serial_ids_start_over_for_every_case(
    judge: Judge, tmp_path: Path
) -> None:
    """Each case loads two parents without ids and checks a row that needs parent 2 and one
    that names parent 3, which must not exist: the candidate's sequence starts at 1 for every
    case, whatever the cases before it took."""
    cases = ["sample", "second", "third", "fourth"]
    checks = []
    for case in cases:
        checks += [
            {
                "case": case,
                "name": "a kid of parent 2",
                "expect": "accept",
                "sql": "INSERT INTO kids VALUES (2)",
            },
            {
                "case": case,
                "name": "a kid of no parent",
                "expect": "reject",
                "sql": "INSERT INTO kids VALUES (3)",
            },
        ]
    write_problem(
        tmp_path,
        "pack-serial-schema",
        kind="schema",
        schema="-- the candidate creates every table",
        solution=PARENTS,
        datasets={case: TWO_PARENTS for case in cases},
        checks=checks,
    )
    problem = load_problems((tmp_path,))["pack-serial-schema"]
    for run in range(2):
        result = judge.judge(problem, f"{PARENTS}\n-- run {run}\n")
        assert result.accepted, result.message
    bigserial = judge.judge(problem, PARENTS.replace("serial", "bigserial"))
    assert bigserial.accepted, bigserial.message
    no_key = judge.judge(problem, PARENTS.replace(" REFERENCES parents", ""))
    assert no_key.verdict is Verdict.WRONG_ANSWER and "a kid of no parent" in no_key.message


def test_the_reset_names_each_sequence_and_its_state() -> None:
    assert reset_sql([]) == ""
    text = reset_sql([("judge_1", 'odd "name"', 7, True), ("judge_1", "s", 1, False)], "ds_x")
    assert text == (
        'SELECT pg_catalog.setval(\'"ds_x"."odd ""name"""\', 7, true),'
        ' pg_catalog.setval(\'"ds_x"."s"\', 1, false);\n'
    )
    assert may_create_sequences("id BIGSERIAL") and may_create_sequences("AS IDENTITY")
    assert not may_create_sequences("CREATE TABLE t (id integer PRIMARY KEY)")
