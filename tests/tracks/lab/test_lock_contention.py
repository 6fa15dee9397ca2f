from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "lock-contention"
ROOT_BLOCKER = "SELECT pid FROM pg_stat_activity WHERE application_name = 'billing-batch'"
VICTIMS = "SELECT pid FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0"


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert lab.started["symptom"]["blocked_sessions"] >= 2  # the symptom is live
    assert lab.started["dsn"].startswith("postgresql://oncall:")
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "symptom")["ok"]

    lab.sql("SELECT pid, state, wait_event_type, application_name FROM pg_stat_activity")
    lab.sql(
        "SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0"
    )
    [(pid,)] = lab.psql(ROOT_BLOCKER)
    lab.labs.diagnose(ID, f"pid {pid} is idle in transaction and holds the row lock")
    lab.sql(f"SELECT pg_terminate_backend({pid})")
    lab.sql("ALTER ROLE app SET idle_in_transaction_session_timeout = '60s'")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"]
    assert after["traps"] == []
    assert_method(after)


def test_terminating_the_victims_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    for (pid,) in lab.psql(VICTIMS):
        lab.sql(f"SELECT pg_terminate_backend({pid})")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert not finding(result, "root_cause")["ok"]
    assert "trap:terminate-victims" in trap_names(result)
    assert lab.labs.status(ID)["symptom_present"]
