from __future__ import annotations

import pytest

from pgdojo.content.models import ProblemKind
from pgdojo.tracks.sql.classify import Rejection, classify
from pgdojo.tracks.sql.verdict import Verdict


def test_a_single_select_is_allowed_and_isolated() -> None:
    [stmt] = classify("  SELECT 1 AS x ;  -- trailing comment\n", ProblemKind.QUERY)
    assert stmt.node == "SelectStmt"
    assert stmt.text == "SELECT 1 AS x"


def test_syntax_error_marks_the_position() -> None:
    with pytest.raises(Rejection) as info:
        classify("SELECT id,\n       amount,\n  FROM transactions", ProblemKind.QUERY)
    rejection = info.value
    assert rejection.verdict is Verdict.ERROR
    assert rejection.position is not None
    assert (rejection.position.line, rejection.position.column) == (3, 3)
    assert rejection.position.excerpt.endswith("\n  ^")


@pytest.mark.parametrize(
    ("source", "kind", "needle"),
    [
        ("SELECT 1; COMMIT", ProblemKind.QUERY, "at most 1 statement"),
        ("DELETE FROM t", ProblemKind.QUERY, "not allowed"),
        ("SELECT 1 INTO t2", ProblemKind.QUERY, "SELECT INTO"),
        (
            "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
            ProblemKind.QUERY,
            "data-modifying",
        ),
        ("SELECT count(*) FROM pg_catalog.pg_class", ProblemKind.QUERY, "system catalogs"),
        ("SELECT pg_sleep(1)", ProblemKind.QUERY, "pg_sleep"),
        ("CREATE INDEX CONCURRENTLY i ON t (a); SELECT 1", ProblemKind.OPTIMIZE, "CONCURRENTLY"),
        ("SELECT 1; CREATE INDEX i ON t (a)", ProblemKind.OPTIMIZE, "followed by one SELECT"),
        ("VACUUM t; SELECT 1", ProblemKind.OPTIMIZE, "VACUUM"),
        ("CREATE TEMP TABLE x (a int)", ProblemKind.SCHEMA, "temporary"),
        (
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            ProblemKind.SCHEMA,
            "not allowed",
        ),
        ("INSERT INTO t VALUES (1); TRUNCATE t", ProblemKind.MUTATION, "not allowed"),
        ("", ProblemKind.QUERY, "no SQL statement"),
    ],
)
def test_refusals_name_the_reason(source: str, kind: ProblemKind, needle: str) -> None:
    with pytest.raises(Rejection) as info:
        classify(source, kind)
    assert info.value.verdict is Verdict.REJECTED
    assert needle in info.value.message


def test_refused_function_position_points_at_the_call() -> None:
    source = "SELECT a,\n  pg_read_file('/etc/passwd') FROM t"
    with pytest.raises(Rejection) as info:
        classify(source, ProblemKind.QUERY)
    assert info.value.position is not None
    assert (info.value.position.line, info.value.position.column) == (2, 3)


def test_each_kind_accepts_its_statements() -> None:
    assert len(classify("UPDATE t SET a = 1; DELETE FROM t WHERE a = 2", ProblemKind.MUTATION)) == 2
    schema = "CREATE TABLE t (a int PRIMARY KEY); CREATE INDEX ON t (a); COMMENT ON TABLE t IS 'x'"
    assert len(classify(schema, ProblemKind.SCHEMA)) == 3
    assert len(classify("CREATE INDEX ON t (a); ANALYZE t; SELECT 1", ProblemKind.OPTIMIZE)) == 3


def test_a_syntax_error_at_the_end_points_at_the_end() -> None:
    # pglast gives no offset for "at end of input": the position is the text's end.
    source = "UPDATE prices\n   SET\n\n"
    with pytest.raises(Rejection) as info:
        classify(source, ProblemKind.MUTATION)
    rejection = info.value
    assert rejection.verdict is Verdict.ERROR and "end of input" in rejection.message
    assert rejection.position is not None
    assert (rejection.position.line, rejection.position.column) == (2, 7)
