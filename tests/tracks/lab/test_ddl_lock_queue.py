from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "ddl-lock-queue"
QUEUE = (
    "SELECT l.pid, l.mode, l.granted, pg_blocking_pids(l.pid), a.application_name"
    " FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
    " WHERE l.relation = 'orders'::regclass ORDER BY l.granted DESC, a.query_start"
)
WAITING_DDL = (
    "SELECT l.pid FROM pg_locks l WHERE l.relation = 'orders'::regclass"
    " AND NOT l.granted AND l.mode = 'AccessExclusiveLock'"
)
QUEUED_VICTIMS = (
    "SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
    " WHERE l.relation = 'orders'::regclass AND NOT l.granted"
    " AND l.mode <> 'AccessExclusiveLock'"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["ddl_waiting"] == 1 and symptom["queued_behind_ddl"] >= 2
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    active = lab.sql(
        "SELECT pid, application_name, state, wait_event_type, now() - query_start"
        " FROM pg_stat_activity WHERE datname = 'shop' AND state <> 'idle'"
        " ORDER BY query_start"
    )["rows"]
    assert active[0][1] == "ledger-export" and active[0][3] != "Lock"  # oldest, not blocked
    queue = lab.sql(QUEUE)["rows"]
    [ddl] = [row for row in queue if row[1] == "AccessExclusiveLock"]
    assert ddl[2] is False and ddl[4] == "deploy-migrations"
    export_pid = next(row[0] for row in queue if row[2])
    assert ddl[3] == [export_pid]  # the ALTER waits for the export; the queue waits for both
    lab.labs.diagnose(
        ID,
        f"pid {ddl[0]}: the migration's ALTER TABLE waits for ACCESS EXCLUSIVE behind the export",
    )
    assert lab.sql(f"SELECT pg_cancel_backend({ddl[0]})")["rows"] == [[True]]
    lab.sql("ALTER ROLE migrator SET lock_timeout = '3s'")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert finding(after, "root_cause")["measured"]["migration"] == "cancelled"
    assert after["traps"] == []
    assert_method(after)
    # The export was left alone.
    assert lab.psql(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ledger-export'"
    ) == [(1,)]


def test_terminating_the_queue_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    for (pid,) in lab.psql(QUEUED_VICTIMS):
        lab.sql(f"SELECT pg_terminate_backend({pid})")
    lab.sql("ALTER ROLE migrator SET lock_timeout = '3s'")  # new sessions only
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert not finding(result, "root_cause")["ok"]
    assert result["prevention"]  # in place for next time, but the ALTER in the queue stays
    assert "trap:terminate-victims" in trap_names(result)
    assert lab.labs.status(ID)["symptom_present"]

    # Terminating the ALTER ends the incident, at the price of a trap.
    [(ddl_pid,)] = lab.psql(WAITING_DDL)
    lab.sql(f"SELECT pg_terminate_backend({ddl_pid})")
    result = lab.check_until(solved=True)
    assert result["solved"]
    assert "trap:terminate-before-cancel" in trap_names(result)
