from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "stale-statistics"
HOT = "SELECT id, kind, payload FROM tasks WHERE status = 'pending' ORDER BY priority DESC LIMIT 50"


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["p95_ms"] >= 10  # the dispatch board is slow, measured by the workload
    # The planner believes a few hundred tasks are pending; there are 300,000.
    assert symptom["pending_estimated"] < 1000 < 250_000 < symptom["pending_actual"]
    assert symptom["hot_plan"][-1] == "Index Scan (tasks_status_idx)"
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql(
        "SELECT relname, n_live_tup, n_mod_since_analyze, last_analyze, last_autoanalyze"
        " FROM pg_stat_user_tables WHERE relname = 'tasks'"
    )
    plan = lab.sql(f"EXPLAIN (ANALYZE, BUFFERS) {HOT}")["rows"]
    assert any("tasks_status_idx" in row[0] and "rows=3" in row[0] for row in plan)
    lab.sql("SELECT reloptions FROM pg_class WHERE relname = 'tasks'")
    lab.labs.diagnose(ID, "stale statistics on tasks: never analyzed after the bulk load")
    lab.sql("ANALYZE tasks")
    lab.sql("ALTER TABLE tasks RESET (autovacuum_enabled)")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"]
    assert after["traps"] == []
    assert finding(after, "root_cause")["measured"]["hot_plan"] == [
        "Limit",
        "Index Scan (tasks_priority_idx)",
    ]
    assert finding(after, "symptom")["measured"]["p95_ms"] < 10
    assert_method(after)


def test_an_unrelated_index_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("CREATE INDEX CONCURRENTLY tasks_created_at_idx ON tasks (created_at)")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    root = finding(result, "root_cause")
    assert not root["ok"] and "statistics on tasks are stale" in root["detail"]
    assert lab.labs.status(ID)["symptom_present"]


def test_vacuum_full_is_a_trap_and_no_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("VACUUM FULL tasks")  # locks the table out, and does not touch pg_statistic
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert not finding(result, "root_cause")["ok"]
    assert "trap:vacuum-full" in trap_names(result)
