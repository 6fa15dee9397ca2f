from __future__ import annotations

from typing import Any

from pgdojo.tracks.lab.scenarios.long_running_query import MIN_REPORT_ACTIVE_S
from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "long-running-query"
REPORT = "SELECT pid FROM pg_stat_activity WHERE application_name = 'finance-report'"
QUEUE_WORKERS = "SELECT pid FROM pg_stat_activity WHERE application_name = 'jobs-worker'"


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["report_active_s"] >= MIN_REPORT_ACTIVE_S  # the report, in pg_stat_activity
    assert symptom["p95_ms"] >= 3 * symptom["baseline_p95_ms"]  # pickups slower than before
    assert symptom["jobs_dead_tuples"] > 1000
    before = lab.labs.check(ID)
    assert not before["solved"]
    assert not finding(before, "symptom")["ok"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql(
        "SELECT pid, usename, application_name, state, now() - query_start AS running_for,"
        " age(backend_xmin) AS xmin_age FROM pg_stat_activity WHERE state <> 'idle'"
        " ORDER BY age(backend_xmin) DESC NULLS LAST"
    )
    lab.sql("SELECT relname, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'jobs'")
    lab.sql(
        "EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1"
    )
    [(pid,)] = lab.psql(REPORT)
    lab.labs.diagnose(ID, f"the finance report (pid {pid}) holds back the xmin horizon")
    assert lab.sql(f"SELECT pg_cancel_backend({pid})")["rows"] == [[True]]
    lab.sql("ALTER ROLE reporting SET statement_timeout = '15min'")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"]
    assert after["traps"] == []
    assert_method(after)
    assert lab.psql(REPORT) == []  # cancelled, and the report does not run again


def test_cancelling_the_queue_workers_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    for (pid,) in lab.psql(QUEUE_WORKERS):
        lab.sql(f"SELECT pg_cancel_backend({pid})")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert not finding(result, "root_cause")["ok"]
    assert "still holds back the xmin horizon" in finding(result, "root_cause")["detail"]
    assert lab.labs.status(ID)["symptom_present"]


def test_terminating_without_cancelling_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    [(pid,)] = lab.psql(REPORT)
    lab.sql(f"SELECT pg_terminate_backend({pid})")
    result = lab.check_until(solved=True)
    assert finding(result, "root_cause")["ok"]  # the report is gone either way
    assert "trap:terminate-before-cancel" in trap_names(result)
