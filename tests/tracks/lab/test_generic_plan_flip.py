from __future__ import annotations

from typing import Any

import psycopg

from pgdojo.tracks.lab.scenarios.generic_plan_flip import QUEUE_SERVER_SQL, QUEUE_SQL
from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "generic-plan-flip"


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["p95_ms"] >= 8  # the dispatcher is slow...
    before = lab.labs.check(ID)
    assert not before["solved"]
    root = finding(before, "root_cause")
    # ... because a new session switches to the generic plan: thousands of buffers per lookup.
    assert not root["ok"] and root["measured"]["lookup_buffers"] > 1000
    assert root["measured"]["generic_plans"] > 0


def generic_plan_in_a_session(dsn: str) -> list[str]:
    """As a psql session would: force the generic plan, prepare, EXPLAIN EXECUTE."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SET plan_cache_mode = force_generic_plan")
        conn.execute(f"PREPARE queue(text) AS {QUEUE_SERVER_SQL}".encode())
        rows = conn.execute("EXPLAIN (ANALYZE, BUFFERS) EXECUTE queue('pending')").fetchall()
    return [str(r[0]) for r in rows]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql(
        "SELECT pid, application_name, state, query_start FROM pg_stat_activity"
        " WHERE state = 'active' ORDER BY query_start"
    )
    top = lab.sql(
        "SELECT query, calls, min_exec_time, mean_exec_time FROM pg_stat_statements"
        " ORDER BY total_exec_time DESC LIMIT 1"
    )
    [[text, _, min_ms, mean_ms]] = top["rows"]
    assert "status = $1" in text and mean_ms > 5 * min_ms  # one statement, two speeds
    literal = lab.sql(f"EXPLAIN (ANALYZE, BUFFERS) {QUEUE_SQL.replace('%s', repr('pending'))}")
    assert any("orders_status_idx" in row[0] for row in literal["rows"])
    generic = lab.sql(f"EXPLAIN (GENERIC_PLAN) {QUEUE_SERVER_SQL}")["rows"]
    assert any("orders_created_at_idx" in row[0] for row in generic)
    assert any(
        "Rows Removed by Filter: 199" in line
        for line in generic_plan_in_a_session(lab.started["dsn"])
    )
    lab.labs.diagnose(
        ID, "the prepared queue statement switches to a generic plan that walks created_at"
    )
    lab.sql("ALTER ROLE app SET plan_cache_mode = force_custom_plan")
    lab.sql("ALTER ROLE app SET log_min_duration_statement = '20ms'")

    after = lab.check_until(solved=True, seconds=12)
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert after["traps"] == []
    assert finding(after, "root_cause")["measured"]["generic_plans"] == 0
    assert_method(after)


def test_a_composite_index_alone_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    built = lab.sql(
        "CREATE INDEX CONCURRENTLY orders_status_created_idx ON orders (status, created_at)"
    )
    assert built["error"] is None
    # The generic plan still prices the created_at walk a little cheaper (9.8 against 10.3).
    generic = lab.sql(f"EXPLAIN (GENERIC_PLAN) {QUEUE_SERVER_SQL}")["rows"]
    assert any("orders_created_at_idx" in row[0] for row in generic)
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"] and not result["prevention"]
    assert finding(result, "root_cause")["measured"]["lookup_buffers"] > 1000
    assert result["traps"] == []


def test_analyze_discard_and_reconnecting_are_not_fixes(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ANALYZE orders")
    lab.sql("DISCARD ALL")
    for (pid,) in lab.psql(
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'dispatch-api'"
    ):
        lab.sql(f"SELECT pg_terminate_backend({pid})")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    root = finding(result, "root_cause")
    assert not root["ok"] and "analyzed again" in root["detail"]
    assert {"trap:terminate-app-sessions", "trap:discard-own-session"} <= trap_names(result)
    assert lab.labs.status(ID)["symptom_present"]
