from __future__ import annotations

import time
from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "replication-slot-wal"
SLOTS = (
    "SELECT slot_name, active, active_pid, wal_status,"
    " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) AS retained FROM pg_replication_slots"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    print("started", lab.started["ready_s"], symptom)
    assert symptom["pg_wal_mb"] > 48  # over max_wal_size (32 MB), and growing
    assert symptom["slots"]["debezium_orders"]["active"] is False
    assert symptom["slots"]["debezium_orders"]["wal_status"] == "extended"
    assert symptom["pinned_by_slots_mb"] == symptom["retained_by_inactive_mb"] > 48
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]
    assert "debezium" not in finding(before, "root_cause")["detail"]  # the candidate finds it


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    [[wal_mb]] = lab.sql("SELECT sum(size) / 1048576 FROM pg_ls_waldir()")["rows"]
    assert float(wal_mb) > 48
    lab.sql(
        "SELECT wait_event_type, wait_event, count(*) FROM pg_stat_activity"
        " WHERE state = 'active' GROUP BY 1, 2 ORDER BY 3 DESC"
    )
    assert lab.sql("SELECT * FROM pg_stat_replication")["rows"] == []  # no consumer streams
    [(name, active, pid, status, retained)] = lab.psql(SLOTS)  # over the DSN, as psql would
    assert (name, active, pid, status) == ("debezium_orders", False, None, "extended")
    assert float(retained) > 48 * 2**20
    lab.labs.diagnose(ID, "the abandoned slot debezium_orders retains all WAL (no consumer)")
    # Without the REPLICATION attribute the slot functions refuse; as the connector's role:
    refused = lab.sql("SELECT pg_drop_replication_slot('debezium_orders')")
    assert refused["error"] and "replication" in refused["error"].lower()
    dropped = lab.sql(
        "SET ROLE debezium; SELECT pg_drop_replication_slot('debezium_orders'); RESET ROLE"
    )
    assert dropped["error"] is None, dropped
    assert lab.sql("CHECKPOINT")["error"] is None
    lab.sql("ALTER SYSTEM SET max_slot_wal_keep_size = '512MB'")
    lab.sql("SELECT pg_reload_conf()")

    after = lab.check_until(solved=True)
    print("after", after["check_ms"], after["findings"])
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert after["traps"] == []
    measured = finding(after, "symptom")["measured"]
    assert measured["pinned_by_slots_mb"] == 0
    assert measured["pg_wal_mb"] < 48  # the checkpoint removed what the slot had pinned
    assert_method(after)


def test_a_cap_alone_or_a_bigger_max_wal_size_is_not_the_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ALTER SYSTEM SET max_wal_size = '1GB'")
    lab.sql("SELECT pg_reload_conf()")
    lab.sql("CHECKPOINT")
    result = lab.labs.check(ID)
    assert not result["solved"] and not finding(result, "symptom")["ok"]  # nothing released
    assert finding(result, "symptom")["measured"]["pg_wal_mb"] > 48
    assert "trap:raise-max-wal-size" in trap_names(result)

    # The cap invalidates the slot at the next checkpoint: the WAL goes, the slot stays.
    lab.sql("ALTER SYSTEM SET max_slot_wal_keep_size = '16MB'")
    lab.sql("SELECT pg_reload_conf()")
    deadline = time.monotonic() + 10
    while True:  # the checkpointer applies the cap once it has reloaded its configuration
        time.sleep(0.5)
        lab.sql("CHECKPOINT")
        result = lab.labs.check(ID)
        if finding(result, "symptom")["ok"] or time.monotonic() > deadline:
            break
    assert finding(result, "symptom")["ok"], finding(result, "symptom")
    assert result["prevention"]
    assert not result["solved"]
    assert "wal_status = lost" in finding(result, "root_cause")["detail"]
