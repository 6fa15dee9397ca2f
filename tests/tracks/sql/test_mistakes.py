"""The classic-mistake rules: each fires on its mistake and stays silent on the near miss; the
bank's declarations agree with them; verify measures them; a failed verdict carries them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing.user_simulation import user_simulation

from pgdojo.content import (
    Dataset,
    Difficulty,
    HiddenCase,
    Problem,
    ProblemKind,
    ProblemMeta,
)
from pgdojo.content.models import OptimizeTarget
from pgdojo.errors import ContentError
from pgdojo.services import Services
from pgdojo.tracks.sql import Judge, Severity, Verdict
from pgdojo.tracks.sql.analysis import Analysis, catalog_for, parse_statements
from pgdojo.tracks.sql.mistakes import RULES, detect, find_mistakes
from pgdojo.tracks.sql.verify import (
    VerifyReport,
    check_mistakes,
    declared_mistakes,
    measure_mistakes,
    verify_problems,
)
from pgdojo.web.frame import set_services

SHOP = """
CREATE TABLE customers (
    id     integer PRIMARY KEY,
    name   text    NOT NULL,
    email  text    NOT NULL,
    region text
);
CREATE UNIQUE INDEX customers_email_key ON customers (email);
CREATE TABLE orders (
    id          integer       PRIMARY KEY,
    customer_id integer       REFERENCES customers (id),
    status      text,
    total       numeric(10,2) NOT NULL,
    qty         integer       NOT NULL,
    placed_at   timestamptz   NOT NULL,
    placed_on   date          NOT NULL,
    shipped_at  timestamptz
);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
CREATE TABLE edges (
    src   text NOT NULL,
    dst   text NOT NULL,
    PRIMARY KEY (src, dst)
);
"""

ROW_NUMBER_TOP_TWO = """
SELECT id, customer_id FROM (
    SELECT id, customer_id,
           row_number() OVER (PARTITION BY customer_id ORDER BY total DESC, id) AS rn
    FROM orders) AS r
WHERE rn <= 2
"""
RANK_TOP_TWO = ROW_NUMBER_TOP_TWO.replace("row_number()", "rank()")
DENSE_TOP_TWO = ROW_NUMBER_TOP_TWO.replace("row_number()", "dense_rank()")
NULLS_LAST = "SELECT id FROM orders ORDER BY shipped_at DESC NULLS LAST, id"
COUNT_ROWS = "SELECT customer_id, count(*) FROM orders GROUP BY customer_id"
REACH = """
WITH RECURSIVE reach (node) AS (
    SELECT 'a'::text
  UNION ALL
    SELECT e.dst FROM reach JOIN edges AS e ON e.src = reach.node
) {cycle}
SELECT node FROM reach
"""
GUARDED_REACH = REACH.format(cycle="CYCLE node SET is_cycle USING path")
UNGUARDED_REACH = REACH.format(cycle="")
NO_SIGN = "SELECT 1"


def make_problem(
    reference: str = NO_SIGN, kind: ProblemKind = ProblemKind.QUERY, schema: str = SHOP
) -> Problem:
    meta = ProblemMeta(
        title="snippet",
        kind=kind,
        difficulty=Difficulty.EASY,
        patterns=["test"],
        target_minutes=5,
        hints=["one", "two", "three"],
        hidden=[HiddenCase(name=f"case-{i}", catches="what this case catches") for i in range(3)],
        compare_tables=["orders"] if kind is ProblemKind.MUTATION else [],
        optimize=OptimizeTarget(max_buffers_ratio=0.5) if kind is ProblemKind.OPTIMIZE else None,
    )
    return Problem(
        id="snippet",
        meta=meta,
        statement="a snippet",
        schema_sql=schema,
        datasets=[Dataset(name="sample", sql="", hidden=False)],
        solution=reference,
        editorial="none",
        slow_query="SELECT 1" if kind is ProblemKind.OPTIMIZE else None,
        source="tests/snippet",
    )


# (rule, reference solution, submission, fires?)
CASES: list[tuple[str, str, str, bool]] = [
    # NOT IN over a nullable column
    (
        "not-in-nullable",
        NO_SIGN,
        "SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)",
        True,
    ),
    ("not-in-nullable", NO_SIGN, "SELECT id FROM customers WHERE region NOT IN ('EU', NULL)", True),
    (
        "not-in-nullable",
        NO_SIGN,
        "SELECT id FROM customers WHERE id NOT IN "
        "(SELECT customer_id FROM orders WHERE customer_id IS NOT NULL)",
        False,
    ),
    (
        "not-in-nullable",
        NO_SIGN,
        "SELECT id FROM customers WHERE id NOT IN (SELECT id FROM orders)",
        False,
    ),
    (
        "not-in-nullable",
        NO_SIGN,
        "SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders)",
        False,
    ),
    (
        "not-in-nullable",
        NO_SIGN,
        "SELECT id FROM customers c WHERE NOT EXISTS "
        "(SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
        False,
    ),
    # ranking where exactly N rows are required, or where ties must all appear
    ("rank-for-exact-n", ROW_NUMBER_TOP_TWO, RANK_TOP_TWO, True),
    ("rank-for-exact-n", ROW_NUMBER_TOP_TWO, DENSE_TOP_TWO, True),
    ("rank-for-exact-n", ROW_NUMBER_TOP_TWO, ROW_NUMBER_TOP_TWO, False),
    ("rank-for-exact-n", RANK_TOP_TWO, DENSE_TOP_TWO, False),
    ("rank-for-exact-n", NO_SIGN, RANK_TOP_TWO, False),
    ("rank-for-exact-n", ROW_NUMBER_TOP_TWO, RANK_TOP_TWO.replace("rn <= 2", "rn = 1"), True),
    (
        "rank-for-exact-n",
        ROW_NUMBER_TOP_TWO,
        DENSE_TOP_TWO.replace("rn <= 2", "rn = 2"),  # the second distinct total: a value
        False,
    ),
    ("row-number-drops-ties", RANK_TOP_TWO, ROW_NUMBER_TOP_TWO, True),
    ("row-number-drops-ties", RANK_TOP_TWO, DENSE_TOP_TWO, False),
    ("row-number-drops-ties", ROW_NUMBER_TOP_TWO, ROW_NUMBER_TOP_TWO, False),
    # default RANGE frame over a non-unique ORDER BY
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT id, sum(total) OVER (ORDER BY placed_on) FROM orders",
        True,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT sum(total) OVER w FROM orders WINDOW w AS (PARTITION BY customer_id "
        "ORDER BY placed_on)",
        True,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT sum(total) OVER (ORDER BY placed_on RANGE BETWEEN UNBOUNDED PRECEDING "
        "AND CURRENT ROW) FROM orders",
        True,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT sum(total) OVER (ORDER BY placed_on, id) FROM orders",
        False,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT sum(total) OVER (ORDER BY placed_on ROWS BETWEEN UNBOUNDED PRECEDING "
        "AND CURRENT ROW) FROM orders",
        False,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT row_number() OVER (ORDER BY placed_on) FROM orders",
        False,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT sum(length(dst)) OVER (ORDER BY dst) FROM edges WHERE src = 'a'",
        False,
    ),
    (
        "range-frame-peers",
        NO_SIGN,
        "SELECT sum(g) OVER (ORDER BY g) FROM generate_series(1, 3) AS g",
        False,
    ),
    # DESC puts NULLs first, where the reference ranks them last
    ("desc-nulls-first", NULLS_LAST, "SELECT id FROM orders ORDER BY shipped_at DESC, id", True),
    (
        "desc-nulls-first",
        NULLS_LAST,
        "SELECT id, row_number() OVER (ORDER BY shipped_at DESC) FROM orders",
        True,
    ),
    (
        "desc-nulls-first",
        NULLS_LAST,
        "SELECT id FROM orders ORDER BY shipped_at DESC NULLS LAST, id",
        False,
    ),
    (
        "desc-nulls-first",
        NULLS_LAST,
        "SELECT id FROM orders WHERE shipped_at IS NOT NULL ORDER BY shipped_at DESC, id",
        False,
    ),
    (
        "desc-nulls-first",
        "SELECT id FROM orders ORDER BY shipped_at DESC, id",
        "SELECT id FROM orders ORDER BY shipped_at DESC, id",
        False,
    ),
    # counting
    (
        "count-star-outer-join",
        NO_SIGN,
        "SELECT c.id, count(*) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id "
        "GROUP BY c.id",
        True,
    ),
    (
        "count-star-outer-join",
        NO_SIGN,
        "SELECT c.id, count(*) FILTER (WHERE o.status IS NULL) FROM customers c "
        "LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
        True,
    ),
    (
        "count-star-outer-join",
        NO_SIGN,
        "SELECT c.id, count(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id "
        "GROUP BY c.id",
        False,
    ),
    (
        "count-star-outer-join",
        NO_SIGN,
        "SELECT c.id, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id "
        "GROUP BY c.id",
        False,
    ),
    (
        "count-star-outer-join",
        NO_SIGN,
        "SELECT c.id, count(*) FILTER (WHERE o.status = 'paid') FROM customers c "
        "LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
        False,
    ),
    (
        "count-nullable-column",
        COUNT_ROWS,
        "SELECT customer_id, count(status) FROM orders GROUP BY customer_id",
        True,
    ),
    (
        "count-nullable-column",
        COUNT_ROWS,
        "SELECT customer_id, count(id) FROM orders GROUP BY customer_id",
        False,
    ),
    (
        "count-nullable-column",
        COUNT_ROWS,
        "SELECT customer_id, count(DISTINCT status) FROM orders GROUP BY customer_id",
        False,
    ),
    (
        "count-nullable-column",
        "SELECT customer_id, count(status) FROM orders GROUP BY customer_id",
        "SELECT customer_id, count(status) FROM orders GROUP BY customer_id",
        False,
    ),
    # = NULL
    ("eq-null", NO_SIGN, "SELECT id FROM orders WHERE status = NULL", True),
    ("eq-null", NO_SIGN, "SELECT id FROM orders WHERE NULL <> status", True),
    ("eq-null", NO_SIGN, "SELECT id FROM orders WHERE status IS NULL", False),
    (
        "eq-null",
        NO_SIGN,
        "SELECT CASE status WHEN NULL THEN 'none' ELSE status END FROM orders",
        True,
    ),
    (
        "eq-null",
        NO_SIGN,
        "SELECT CASE WHEN status IS NULL THEN 'none' ELSE status END FROM orders",
        False,
    ),
    ("eq-null", NO_SIGN, "SELECT id FROM orders WHERE status IS DISTINCT FROM NULL", False),
    ("eq-null", NO_SIGN, "UPDATE orders SET status = NULL WHERE id = 1", False),
    # integer division
    (
        "integer-division",
        NO_SIGN,
        "SELECT round(100 * count(*) FILTER (WHERE status = 'x') / count(*), 1) FROM orders",
        True,
    ),
    ("integer-division", NO_SIGN, "SELECT (qty / 3)::numeric FROM orders", True),
    ("integer-division", NO_SIGN, "SELECT sum(qty) / count(*) FROM orders", True),
    (
        "integer-division",
        NO_SIGN,
        "SELECT round(100.0 * count(*) FILTER (WHERE status = 'x') / count(*), 1) FROM orders",
        False,
    ),
    ("integer-division", NO_SIGN, "SELECT qty / 2 AS pairs FROM orders", False),
    ("integer-division", NO_SIGN, "SELECT round(total / qty, 2) FROM orders", False),
    ("integer-division", NO_SIGN, "SELECT round(qty::numeric / 3, 2) FROM orders", False),
    # BETWEEN on timestamps
    (
        "between-timestamps",
        NO_SIGN,
        "SELECT id FROM orders WHERE placed_at BETWEEN '2025-01-01' AND '2025-12-31'",
        True,
    ),
    (
        "between-timestamps",
        NO_SIGN,
        "SELECT id FROM orders o WHERE o.shipped_at NOT BETWEEN '2025-01-01' AND '2025-02-01'",
        True,
    ),
    (
        "between-timestamps",
        NO_SIGN,
        "SELECT id FROM orders WHERE placed_on BETWEEN '2025-01-01' AND '2025-12-31'",
        False,
    ),
    ("between-timestamps", NO_SIGN, "SELECT id FROM orders WHERE qty BETWEEN 1 AND 3", False),
    (
        "between-timestamps",
        NO_SIGN,
        "SELECT id FROM orders WHERE placed_at >= '2025-01-01' AND placed_at < '2026-01-01'",
        False,
    ),
    # recursion
    (
        "recursive-union",
        NO_SIGN,
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r",
        True,
    ),
    (
        "recursive-union",
        NO_SIGN,
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
        "SELECT n FROM r",
        False,
    ),
    (
        "recursive-union",
        NO_SIGN,
        "WITH RECURSIVE x AS (SELECT 1 AS n UNION SELECT 2) SELECT n FROM x",
        False,
    ),
    ("recursive-no-cycle-guard", GUARDED_REACH, UNGUARDED_REACH, True),
    ("recursive-no-cycle-guard", GUARDED_REACH, GUARDED_REACH, False),
    (
        "recursive-no-cycle-guard",
        GUARDED_REACH,
        """WITH RECURSIVE reach (node, path) AS (
            SELECT 'a'::text, ARRAY['a']
          UNION ALL
            SELECT e.dst, reach.path || e.dst FROM reach JOIN edges AS e ON e.src = reach.node
            WHERE e.dst <> ALL (reach.path))
        SELECT node FROM reach""",
        False,
    ),
    (
        "recursive-no-cycle-guard",
        GUARDED_REACH,
        """WITH RECURSIVE reach (node, depth) AS (
            SELECT 'a'::text, 0
          UNION ALL
            SELECT e.dst, reach.depth + 1 FROM reach JOIN edges AS e ON e.src = reach.node
            WHERE reach.depth < 10)
        SELECT node FROM reach""",
        False,
    ),
    ("recursive-no-cycle-guard", UNGUARDED_REACH, UNGUARDED_REACH, False),
    # LIMIT without a deterministic ORDER BY
    ("limit-without-order", NO_SIGN, "SELECT id FROM orders LIMIT 5", True),
    (
        "limit-without-order",
        NO_SIGN,
        "SELECT id, total FROM orders ORDER BY total DESC LIMIT 5",
        True,
    ),
    ("limit-without-order", NO_SIGN, "SELECT id FROM orders FETCH FIRST 5 ROWS ONLY", True),
    (
        "limit-without-order",
        NO_SIGN,
        "SELECT id, total FROM orders ORDER BY total DESC, id LIMIT 5",
        False,
    ),
    (
        "limit-without-order",
        NO_SIGN,
        "SELECT id, total FROM orders ORDER BY total DESC FETCH FIRST 5 ROWS WITH TIES",
        False,
    ),
    ("limit-without-order", NO_SIGN, "SELECT total FROM orders ORDER BY total DESC LIMIT 1", False),
    (
        "limit-without-order",
        NO_SIGN,
        "SELECT id FROM customers c WHERE EXISTS "
        "(SELECT 1 FROM orders o WHERE o.customer_id = c.id LIMIT 1)",
        False,
    ),
    ("limit-without-order", NO_SIGN, "SELECT max(total) FROM orders LIMIT 1", False),
    ("limit-without-order", NO_SIGN, "SELECT status FROM orders WHERE id = 7 LIMIT 1", False),
    (
        "limit-without-order",
        NO_SIGN,
        "SELECT c.id, (SELECT o.total FROM orders o WHERE o.id = c.id LIMIT 1) FROM customers c",
        False,
    ),
    (
        "limit-without-order",
        NO_SIGN,
        "SELECT dst FROM edges WHERE src = 'a' ORDER BY dst LIMIT 1",
        False,
    ),
    ("limit-without-order", NO_SIGN, "SELECT dst FROM edges WHERE src = dst LIMIT 1", True),
    # DISTINCT over a fan-out
    (
        "distinct-fanout",
        NO_SIGN,
        "SELECT DISTINCT c.id, c.name FROM customers c JOIN orders o ON o.customer_id = c.id",
        True,
    ),
    (
        "distinct-fanout",
        NO_SIGN,
        "SELECT c.id, sum(DISTINCT o.total) FROM customers c JOIN orders o "
        "ON o.customer_id = c.id GROUP BY c.id",
        True,
    ),
    ("distinct-fanout", NO_SIGN, "SELECT DISTINCT region FROM customers", False),
    (
        "distinct-fanout",
        NO_SIGN,
        "SELECT DISTINCT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id",
        False,
    ),
    (
        "distinct-fanout",
        NO_SIGN,
        "SELECT DISTINCT c.id, o.status FROM customers c JOIN orders o ON o.customer_id = c.id",
        False,
    ),
    (
        "distinct-fanout",
        NO_SIGN,
        "SELECT c.id, count(DISTINCT o.status) FROM customers c JOIN orders o "
        "ON o.customer_id = c.id GROUP BY c.id",
        False,
    ),
    # OFFSET paging
    ("offset-pagination", NO_SIGN, "SELECT id FROM orders ORDER BY id LIMIT 20 OFFSET 40", True),
    ("offset-pagination", NO_SIGN, "SELECT id FROM orders ORDER BY id OFFSET 0", False),
    (
        "offset-pagination",
        NO_SIGN,
        "SELECT DISTINCT total FROM orders ORDER BY total DESC LIMIT 1 OFFSET 1",
        False,
    ),
    (
        "offset-pagination",
        NO_SIGN,
        "SELECT id FROM orders WHERE id > 40 ORDER BY id LIMIT 20",
        False,
    ),
    # functions on indexed columns
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT id FROM orders WHERE placed_at::date = '2025-01-01'",
        True,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT id FROM orders WHERE date_trunc('day', placed_at) = '2025-01-01'",
        True,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT id FROM customers AS c WHERE lower(c.email) = 'ana@example.com'",
        True,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "CREATE INDEX ON customers (lower(email)); "
        "SELECT id FROM customers WHERE lower(email) = 'ana@example.com'",
        False,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT id FROM customers WHERE lower(name) = 'ana'",
        False,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT id FROM customers WHERE lower(email) LIKE 'ana%'",
        True,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT placed_at::date FROM orders WHERE placed_at >= '2025-01-01'",
        False,
    ),
    (
        "function-on-indexed-column",
        NO_SIGN,
        "SELECT id FROM orders WHERE placed_at::timestamptz >= '2025-01-01'",
        False,
    ),
    # correlated scalar subqueries
    (
        "correlated-subquery",
        NO_SIGN,
        "SELECT c.id, (SELECT max(o.total) FROM orders o WHERE o.customer_id = c.id) "
        "FROM customers c",
        True,
    ),
    (
        "correlated-subquery",
        NO_SIGN,
        "SELECT id, (SELECT count(*) FROM orders WHERE orders.customer_id = customers.id) "
        "FROM customers",
        True,
    ),
    (
        "correlated-subquery",
        NO_SIGN,
        "SELECT id, (SELECT max(total) FROM orders) FROM customers",
        False,
    ),
    (
        "correlated-subquery",
        NO_SIGN,
        "SELECT c.id FROM customers c WHERE EXISTS "
        "(SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
        False,
    ),
    (
        "correlated-subquery",
        NO_SIGN,
        "SELECT c.id, l.total FROM customers c LEFT JOIN LATERAL (SELECT o.total FROM orders o "
        "WHERE o.customer_id = c.id ORDER BY o.total DESC, o.id LIMIT 1) AS l ON true",
        False,
    ),
]


def _analysed(sql: str) -> Analysis:
    statements = parse_statements(sql)
    catalog = catalog_for(make_problem(), statements)
    return Analysis(statements, catalog)


def test_catalog_reads_types_nullability_keys_and_indexes() -> None:
    catalog = catalog_for(make_problem())
    customers, orders = catalog.tables["customers"], catalog.tables["orders"]
    assert customers.unique_keys() == [frozenset({"id"}), frozenset({"email"})]
    assert {"id", "email"} <= customers.indexed and "name" not in customers.indexed
    assert orders.columns["customer_id"].type == "int4"
    assert not orders.columns["customer_id"].not_null and orders.columns["id"].not_null
    assert orders.columns["placed_at"].type == "timestamptz" and "placed_at" in orders.indexed
    assert catalog.tables["edges"].unique_keys() == [frozenset({"src", "dst"})]


@pytest.mark.parametrize(
    ("expression", "type_", "nullable"),
    [
        ("count(*)", "int8", False),
        ("sum(qty)", "int8", True),
        ("sum(id::bigint)", "numeric", True),
        ("avg(qty)", "numeric", True),
        ("qty / 2", "int4", None),
        ("100.0 * qty", "numeric", None),
        ("placed_on - placed_on", "int4", None),
        ("coalesce(status, 'none')", None, False),
        ("coalesce(customer_id, 0)", "int4", False),
        ("shipped_at", "timestamptz", True),
        ("o.status", "text", True),
        ("lower(status)", None, None),
    ],
)
def test_types_are_inferred_only_when_known(
    expression: str, type_: str | None, nullable: bool | None
) -> None:
    analysis = _analysed(f"SELECT {expression} FROM orders AS o GROUP BY o.id")
    query = analysis.queries[0]
    target = query.node.targetList[0]  # type: ignore[attr-defined]
    info = query.scope.info(target.val)
    assert (info.type, info.nullable) == (type_, nullable)


def test_scopes_resolve_outer_rows_and_outer_joins() -> None:
    analysis = _analysed(
        "SELECT c.id, (SELECT max(o.total) FROM orders AS o WHERE o.customer_id = c.id) AS top "
        "FROM customers AS c LEFT JOIN orders AS last ON last.customer_id = c.id"
    )
    outer = next(q for q in analysis.queries if q.role == "top")
    inner = next(q for q in analysis.queries if q.role == "scalar")
    assert [s.alias for s in outer.scope.sources] == ["c", "last"]
    assert outer.scope.info(parse_statements("SELECT last.qty")[0].targetList[0].val).nullable  # type: ignore[attr-defined]
    assert (
        id(inner.scope) in analysis.outer_readers and id(outer.scope) not in analysis.outer_readers
    )
    grouped = _analysed("SELECT customer_id, count(*) FROM orders GROUP BY customer_id")
    assert grouped.queries[0].derived is not None
    assert grouped.queries[0].derived.keys == [frozenset({"customer_id"})]


def test_every_rule_has_both_kinds_of_snippet() -> None:
    assert set(RULES) == {
        "not-in-nullable", "rank-for-exact-n", "row-number-drops-ties", "range-frame-peers",
        "desc-nulls-first", "count-star-outer-join", "count-nullable-column", "eq-null",
        "integer-division", "recursive-union", "recursive-no-cycle-guard",
        "limit-without-order", "between-timestamps", "distinct-fanout", "offset-pagination",
        "function-on-indexed-column", "correlated-subquery",
    }  # fmt: skip
    for rule_id in RULES:
        outcomes = {fires for rule, _, _, fires in CASES if rule == rule_id}
        assert outcomes == {True, False}, rule_id


@pytest.mark.parametrize(
    ("rule_id", "reference", "sql", "fires"),
    CASES,
    ids=[f"{c[0]}-{i}-{'fires' if c[3] else 'silent'}" for i, c in enumerate(CASES)],
)
def test_rule_on_snippet(rule_id: str, reference: str, sql: str, fires: bool) -> None:
    kind = ProblemKind.MUTATION if sql.startswith("UPDATE") else ProblemKind.QUERY
    found = detect(make_problem(reference, kind), sql)
    assert (rule_id in found) is fires, found


def test_offset_is_always_a_cost_in_an_optimize_problem() -> None:
    nth = "SELECT DISTINCT total FROM orders ORDER BY total DESC LIMIT 1 OFFSET 1"
    assert "offset-pagination" in detect(make_problem(kind=ProblemKind.OPTIMIZE), nth)


def test_finding_says_where_and_how_severe() -> None:
    sql = "SELECT id\nFROM orders\nWHERE status = NULL"
    failed = find_mistakes(make_problem(), sql, Verdict.WRONG_ANSWER)
    assert [f.rule for f in failed] == ["eq-null"]
    finding = failed[0]
    assert finding.severity is Severity.ERROR
    assert finding.position is not None
    assert (finding.position.line, finding.position.column) == (3, 14)
    assert finding.title and finding.why and finding.fix
    accepted = find_mistakes(make_problem(), sql, Verdict.ACCEPTED)
    assert accepted[0].severity is Severity.WARNING


def test_no_finding_when_the_text_does_not_parse_or_a_rule_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert find_mistakes(make_problem(), "SELEC id FROM orders", Verdict.ERROR) == []
    deep = "SELECT " + "(" * 150 + "1" + ")" * 150
    assert find_mistakes(make_problem(), deep, Verdict.REJECTED) == []

    def broken(*_: object) -> list[int]:
        raise RuntimeError("a rule with a bug")

    rule = RULES["eq-null"]
    monkeypatch.setitem(RULES, "eq-null", type(rule)(**{**rule.__dict__, "detect": broken}))
    assert find_mistakes(make_problem(), "SELECT 1 WHERE 1 = NULL", Verdict.ERROR) == []


# -- the bank --------------------------------------------------------------------------------


def _bank_reports(problems: dict[str, Problem]) -> list[VerifyReport]:
    reports = []
    for problem in problems.values():
        report = VerifyReport(problem.id, ok=True)
        check_mistakes(problem, report)
        reports.append(report)
    return reports


def test_bank_declarations_agree_with_the_rules(problems: dict[str, Problem]) -> None:
    reports = _bank_reports(problems)
    broken = [p for r in reports for p in r.problems]
    assert not broken, "\n".join(broken)  # no rule fires on a reference, every id is known
    measurement = measure_mistakes(reports)
    for measure in measurement.rules:
        assert measure.declared >= 1, f"{measure.rule} has no declared example in the bank"
        assert measure.precision == 1.0, (measure.rule, measure.misfired)
        assert measure.recall == 1.0, (measure.rule, measure.missed)
    overall = measurement.overall
    assert overall.false_positives == 0 and overall.false_negatives == 0
    assert overall.true_positives == overall.declared >= len(RULES)


def test_unknown_mistake_id_is_a_content_error_naming_the_file() -> None:
    problem = make_problem()
    source = "-- expect: wrong_answer on case-0\n-- mistake: eq-null, not-a-rule\nSELECT 1"
    with pytest.raises(ContentError) as caught:
        declared_mistakes(problem, "guess", source)
    assert caught.value.path == "tests/snippet/wrong/guess.sql"
    assert "not-a-rule" in str(caught.value)
    assert declared_mistakes(problem, "ok", source.replace(", not-a-rule", "")) == ["eq-null"]
    assert declared_mistakes(problem, "none", "-- expect: wrong_answer on case-0\nSELECT 1") == []
    report = VerifyReport("snippet", ok=True)
    check_mistakes(problem.model_copy(update={"wrong_solutions": {"guess": source}}), report)
    assert not report.ok and "wrong/guess.sql" in report.problems[0]


def test_a_rule_firing_on_the_reference_fails_verification() -> None:
    problem = make_problem("SELECT id FROM orders WHERE status = NULL")
    report = VerifyReport("snippet", ok=True)
    check_mistakes(problem, report)
    assert not report.ok
    assert (
        "solution.sql: rule 'eq-null' fires on the reference solution (line 1)"
        in (report.problems[0])
    )
    measure = measure_mistakes([report])
    eq_null = next(m for m in measure.rules if m.rule == "eq-null")
    assert (eq_null.false_positives, eq_null.precision, eq_null.recall) == (1, 0.0, None)


def test_verify_reports_the_measurement(judge: Judge, problems: dict[str, Problem]) -> None:
    run = verify_problems(judge, [problems["running-total"], problems["top-n-per-group"]])
    data = json.loads(json.dumps(run.to_dict(), default=lambda o: o.__dict__))
    assert data["ok"] is True
    assert [r["problem_id"] for r in data["reports"]] == ["running-total", "top-n-per-group"]
    checks = {c["file"]: c for r in data["reports"] for c in r["mistakes"]}
    assert checks["wrong/range-frame-peers.sql"]["fired"] == ["range-frame-peers"]
    assert checks["solution.sql"]["reference"] is True
    rules = data["mistakes"]["rules"]
    assert set(rules) == set(RULES)
    assert rules["rank-for-exact-n"] == {
        "rule": "rank-for-exact-n",
        "declared": 2,
        "true_positives": 2,
        "false_negatives": 0,
        "false_positives": 0,
        "precision": 1.0,
        "recall": 1.0,
        "missed": [],
        "misfired": [],
    }
    assert rules["eq-null"]["precision"] is None and rules["eq-null"]["recall"] is None
    assert data["mistakes"]["overall"]["true_positives"] == 3


# -- the judge --------------------------------------------------------------------------------


def test_failed_verdict_carries_the_finding(judge: Judge, problems: dict[str, Problem]) -> None:
    problem = problems["customers-without-orders"]
    result = judge.judge(problem, problem.wrong_solutions["not-in-null"])
    assert result.verdict is Verdict.WRONG_ANSWER and result.failed_case == "guest-orders"
    data = result.to_dict()
    assert [f["rule"] for f in data["findings"]] == ["not-in-nullable"]
    finding = data["findings"][0]
    assert finding["severity"] == "error"
    assert finding["position"]["line"] == 6  # WHERE c.id NOT IN (
    assert "NOT EXISTS" in finding["fix"]
    accepted = judge.judge(problem, problem.solution)
    assert accepted.accepted and accepted.findings == []


def test_accepted_verdict_warns_about_a_risk_the_data_did_not_show(judge: Judge) -> None:
    schema = "CREATE TABLE staff (id integer PRIMARY KEY, name text NOT NULL, manager_id integer);"
    rows = "INSERT INTO staff VALUES (1, 'Ada', 2), (2, 'Bo', 3), (3, 'Cy', 1);"
    problem = make_problem(
        "SELECT s.id FROM staff AS s WHERE NOT EXISTS "
        "(SELECT 1 FROM staff AS r WHERE r.manager_id = s.id)",
        schema=schema,
    ).model_copy(
        update={
            "id": "snippet-staff",
            "datasets": [Dataset(name="sample", sql=rows, hidden=False)]
            + [
                Dataset(name=f"case-{i}", sql=rows, hidden=True, catches="catches it")
                for i in range(3)
            ],
        }
    )
    result = judge.judge(
        problem, "SELECT id FROM staff WHERE id NOT IN (SELECT manager_id FROM staff)"
    )
    assert result.accepted, result.message
    assert [(f.rule, f.severity) for f in result.findings] == [
        ("not-in-nullable", Severity.WARNING)
    ]


# -- verify --packs-only -------------------------------------------------------------------------

PACK_PROBLEM = {
    "problem.md": """\
        ---
        title: Staff who manage nobody
        kind: query
        difficulty: easy
        patterns: [anti-join]
        target_minutes: 5
        hints:
          - An anti-join.
          - NOT EXISTS.
          - NOT EXISTS on manager_id.
        hidden:
          - name: top-level
            catches: the top of the company has no manager (NULL)
          - name: flat
            catches: nobody manages anybody
          - name: chain
            catches: a long chain of managers
        ---
        List the `id` of every person in `staff` whom nobody reports to.
        """,
    "schema.sql": "CREATE TABLE staff (id integer PRIMARY KEY, manager_id integer);",
    "datasets/sample.sql": "INSERT INTO staff VALUES (1, 2), (2, 3), (3, 2);",
    "datasets/top-level.sql": "INSERT INTO staff VALUES (1, NULL), (2, 1), (3, 1);",
    "datasets/flat.sql": "INSERT INTO staff VALUES (1, 1), (2, 2);",
    "datasets/chain.sql": "INSERT INTO staff VALUES (1, 2), (2, 3), (3, 4), (4, 4);",
    "solution.sql": (
        "SELECT s.id FROM staff AS s WHERE NOT EXISTS "
        "(SELECT 1 FROM staff AS r WHERE r.manager_id = s.id);"
    ),
    "editorial.md": "NOT EXISTS ignores NULLs; the pitfall is NOT IN.",
    "wrong/not-in.sql": """\
        -- expect: wrong_answer on top-level
        -- mistake: not-in-nullable
        SELECT id FROM staff WHERE id NOT IN (SELECT manager_id FROM staff);
        """,
}


def _write_pack(root: Path) -> Path:
    folder = root / "pack-staff-leaves"
    for name, text in PACK_PROBLEM.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def _pgdojo(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pgdojo", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_verify_packs_only(cli_env: dict[str, str], tmp_path: Path) -> None:
    pack = _write_pack(tmp_path / "pack")
    out = _pgdojo(cli_env, "--content", str(pack), "sql", "verify", "--packs-only", "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    body = json.loads(out.stdout)
    assert [r["problem_id"] for r in body["reports"]] == ["pack-staff-leaves"]
    assert body["mistakes"]["rules"]["not-in-nullable"]["true_positives"] == 1
    assert body["mistakes"]["overall"]["declared"] == 1

    text = _pgdojo(cli_env, "--content", str(pack), "sql", "verify", "--packs-only")
    assert text.returncode == 0 and "not-in-nullable" in text.stdout
    assert "1/1 problems verified" in text.stdout

    bad = pack / "pack-staff-leaves" / "wrong" / "not-in.sql"
    bad.write_text(bad.read_text().replace("not-in-nullable", "not-in-null"))
    failed = _pgdojo(cli_env, "--content", str(pack), "sql", "verify", "--packs-only", "--json")
    assert failed.returncode == 1
    problems = json.loads(failed.stdout)["reports"][0]["problems"]
    assert any("wrong/not-in.sql" in p and "'not-in-null'" in p for p in problems)

    without = _pgdojo(cli_env, "sql", "verify", "--packs-only", "--json")
    assert without.returncode == 2
    assert "--content" in json.loads(without.stdout)["error"]


# -- the web page ---------------------------------------------------------------------------------

UI_MAIN = Path(__file__).resolve().parents[2] / "web" / "ui_main.py"


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_problem_page_shows_the_finding_after_the_failed_case(
    services: Services, problems: dict[str, Problem]
) -> None:
    set_services(services)
    wrong = problems["customers-without-orders"].wrong_solutions["not-in-null"]
    async with user_simulation(main_file=UI_MAIN) as user:
        await user.open("/sql/customers-without-orders")
        await user.should_see(marker="editor", retries=100)
        editor = user.find(marker="editor").elements.pop()
        assert isinstance(editor, ui.codemirror)
        editor.value = wrong
        user.find(marker="submit").click()
        await user.should_see("WRONG ANSWER", retries=100)
        await user.should_see(marker="finding", retries=100)
        await user.should_see("NOT IN over a column that can be NULL")
        await user.should_see("Fix:", retries=10)


def test_docs_table_lists_every_rule() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "sql.md").read_text()
    for entry in RULES.values():
        row = f"| `{entry.id}` | {entry.title} | {entry.why} | {entry.fix} |"
        assert row in docs, f"docs/sql.md: the row of {entry.id} differs from the rule"
