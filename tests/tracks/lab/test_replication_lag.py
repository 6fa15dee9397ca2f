from __future__ import annotations

from typing import Any

import psycopg

from tests.tracks.lab.conftest import finding, trap_names

ID = "replication-lag"
EXPORT = "SELECT pid FROM pg_stat_activity WHERE application_name = 'bi-export'"


def on_standby(lab: Any, statement: str) -> list[tuple[Any, ...]]:
    """Run as the candidate over the standby DSN, as psql would."""
    with psycopg.connect(lab.started["standby_dsn"], autocommit=True) as conn:
        cur = conn.execute(statement.encode())
        return cur.fetchall() if cur.description else []


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    symptom = lab.started["symptom"]
    assert lab.started["standby_dsn"].startswith("postgresql://oncall:")
    assert symptom["streaming"] and symptom["replay_lag_bytes"] > 128 * 1024
    assert symptom["startup_wait_event"] == "RecoveryConflictSnapshot"
    print("started", lab.started["ready_s"], symptom)
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]

    lab.sql(
        "SELECT application_name, state, sent_lsn, flush_lsn, replay_lsn FROM pg_stat_replication"
    )
    lab.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) FROM pg_stat_replication")
    paused = on_standby(lab, "SELECT pg_get_wal_replay_pause_state()")
    assert paused == [("not paused",)]
    startup = on_standby(
        lab, "SELECT wait_event FROM pg_stat_activity WHERE backend_type = 'startup'"
    )
    assert startup == [("RecoveryConflictSnapshot",)]
    [(pid,)] = on_standby(lab, EXPORT)
    lab.labs.diagnose(ID, f"pid {pid} (bi-export) on the standby holds replay: recovery conflict")
    on_standby(lab, f"SELECT pg_terminate_backend({pid})")
    on_standby(lab, "ALTER SYSTEM SET max_standby_streaming_delay = '30s'")
    on_standby(lab, "SELECT pg_reload_conf()")

    after = lab.check_until(solved=True)
    print("after", after["check_ms"], finding(after, "symptom")["measured"])
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert finding(after, "symptom")["measured"]["replay_lag_bytes"] <= 64 * 1024
    assert after["traps"] == []
    phases = after["investigation"]["phases"]
    assert phases["observe"] and phases["measure"] and phases["act"] and phases["prevent"]


def test_vacuum_or_a_new_delay_alone_do_not_unstick_replay(start_lab: Any) -> None:
    lab = start_lab(ID)
    lab.sql("VACUUM (ANALYZE) orders")
    on_standby(lab, "ALTER SYSTEM SET max_standby_streaming_delay = '1s'")
    on_standby(lab, "SELECT pg_reload_conf()")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert not finding(result, "root_cause")["ok"]
    assert finding(result, "prevention")["ok"]  # prevention set, but the wait goes on

    # The trap: restart streaming by ending the walsender (a non-superuser `replicator`).
    lab.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = 'walsender'"
        " AND pid IS NOT NULL"
    )
    result = lab.check_until(solved=True, seconds=2)
    assert not result["solved"]
    assert "trap:restart-replication" in trap_names(result)
    assert lab.labs.status(ID)["symptom_present"]
