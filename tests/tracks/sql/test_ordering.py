"""Ordered problems compare by the statement's ordering key: ties may come in any order."""

from __future__ import annotations

from pathlib import Path

import pytest

from pgdojo.content import load_problems
from pgdojo.tracks.sql import Judge, Verdict
from pgdojo.tracks.sql.compare import ResultSet, compare_results
from pgdojo.tracks.sql.ordering import reference_order_key
from tests.tracks.sql.packs import write_problem

COLUMNS = ("member", "cost")
EXPECTED = ResultSet(COLUMNS, (("ann", 10), ("bob", 10), ("cat", 30)))


def test_rows_tied_on_the_key_may_come_in_any_order() -> None:
    swapped = ResultSet(COLUMNS, (("bob", 10), ("ann", 10), ("cat", 30)))
    assert compare_results(EXPECTED, swapped, ordered=True, order_by=["cost"]).equal
    # Without a key, the whole rows are the sequence.
    assert not compare_results(EXPECTED, swapped, ordered=True).equal


def test_the_key_itself_must_be_in_order() -> None:
    wrong = ResultSet(COLUMNS, (("cat", 30), ("ann", 10), ("bob", 10)))
    comparison = compare_results(EXPECTED, wrong, ordered=True, order_by=["COST"])
    assert not comparison.equal
    assert "row 1 should have (cost) = (10), got (30)" in comparison.message


def test_a_key_the_result_lacks_falls_back_to_whole_rows() -> None:
    swapped = ResultSet(COLUMNS, (("bob", 10), ("ann", 10), ("cat", 30)))
    assert not compare_results(EXPECTED, swapped, ordered=True, order_by=["starttime"]).equal


@pytest.mark.parametrize(
    ("solution", "key"),
    [
        ("SELECT a, b AS total FROM t ORDER BY total DESC, a", ("total", "a")),
        ("SELECT a, b FROM t ORDER BY 2, 1", ("b", "a")),
        ("SELECT t.a FROM t JOIN u USING (id) ORDER BY t.a", ("a",)),
        ("CREATE INDEX ON t (a); SELECT a FROM t ORDER BY a", ("a",)),
        ("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY a", ("a",)),
        ("SELECT a FROM t ORDER BY lower(a)", None),
        ("SELECT a FROM t", None),
    ],
)
def test_the_key_comes_from_the_reference_order_by(solution: str, key: object) -> None:
    assert reference_order_key(solution) == key


def test_an_ordered_problem_accepts_another_tie_order(judge: Judge, tmp_path: Path) -> None:
    # Bookings ordered by cost: many ties, whose order changes with the plan.
    write_problem(
        tmp_path,
        "pack-ordered-ties",
        schema="CREATE TABLE bookings (id integer PRIMARY KEY, member text, cost integer);",
        solution="SELECT member, cost FROM bookings ORDER BY cost",
        ordered=True,
        datasets={
            "sample": "INSERT INTO bookings VALUES (1, 'ann', 5), (2, 'bob', 5), (3, 'cat', 9);",
            "many-ties": "INSERT INTO bookings SELECT g, 'm' || g, g % 3"
            " FROM generate_series(1, 200) g;",
            "one": "INSERT INTO bookings VALUES (1, 'ann', 1);",
            "none": "-- no rows",
        },
    )
    problem = load_problems((tmp_path,))["pack-ordered-ties"]
    other_ties = "SELECT member, cost FROM bookings ORDER BY cost, member DESC"
    assert judge.judge(problem, other_ties).accepted
    unordered = judge.judge(problem, "SELECT member, cost FROM bookings ORDER BY cost DESC")
    assert unordered.verdict is Verdict.WRONG_ANSWER
    assert "order is not" in unordered.message
