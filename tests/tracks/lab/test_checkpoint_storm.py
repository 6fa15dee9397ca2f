from __future__ import annotations

import time
from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "checkpoint-storm"


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    print("started", lab.started["ready_s"], symptom)
    assert symptom["requested_checkpoints"] >= 1 and symptom["timed_checkpoints"] == 0
    assert symptom["max_wal_size_mb"] == 32 and symptom["full_page_writes"] == "on"
    assert symptom["fpi_pct_of_records"] > 5  # page images after every checkpoint
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql(
        "SELECT wait_event_type, wait_event, count(*) FROM pg_stat_activity"
        " WHERE state = 'active' GROUP BY 1, 2 ORDER BY 3 DESC"
    )
    [[ratio]] = lab.sql(
        "SELECT round(100.0 * blks_hit / nullif(blks_hit + blks_read, 0), 2)"
        " FROM pg_stat_database WHERE datname = 'shop'"
    )["rows"]
    assert float(ratio) > 99  # reads are served from the cache: it is not a read problem
    top = lab.sql(
        "SELECT calls, wal_records, wal_fpi, wal_bytes, query FROM pg_stat_statements"
        " WHERE query LIKE 'UPDATE inventory%' ORDER BY total_exec_time DESC LIMIT 1"
    )["rows"]
    [[calls, records, fpi, wal_bytes, _]] = top
    assert 0 < fpi < records and int(wal_bytes) / calls > 20_000  # kB of WAL per 20-row update
    # WAL written in one second, measured on the engine: megabytes for a few hundred updates.
    [[lsn]] = lab.sql("SELECT pg_current_wal_lsn()")["rows"]
    time.sleep(1)
    [[one_second]] = lab.sql(f"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '{lsn}')")["rows"]
    assert float(one_second) > 1_000_000
    # Over the DSN, as psql would (pg_stat_statements records it for the method score).
    [(timed, requested)] = lab.psql("SELECT num_timed, num_requested FROM pg_stat_checkpointer")
    assert requested > timed
    lab.labs.diagnose(ID, "max_wal_size 32MB: requested checkpoints every few seconds")
    lab.sql("ALTER SYSTEM SET max_wal_size = '2GB'")
    lab.sql("ALTER SYSTEM SET checkpoint_completion_target = 0.9")
    lab.sql("ALTER SYSTEM SET log_checkpoints = on")
    assert lab.sql("SELECT pg_reload_conf()")["rows"] == [[True]]

    after = lab.check_until(solved=True, seconds=15)  # a window without requested checkpoints
    print("after", after["check_ms"], after["findings"])
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert after["traps"] == []
    measured = finding(after, "symptom")["measured"]
    assert measured["requested_checkpoints"] == 0
    # Once every page has had its one image since the last checkpoint, WAL falls to the size
    # of the row changes themselves.
    storm = lab.started["symptom"]["wal_mb_per_min"]
    deadline = time.monotonic() + 10
    while measured["wal_mb_per_min"] >= storm / 3 and time.monotonic() < deadline:
        time.sleep(1)
        measured = lab.labs.status(ID)["measured"]
    assert measured["wal_mb_per_min"] < storm / 3, (storm, measured)
    assert_method(after)


def test_fewer_page_images_by_unsafe_settings_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ALTER SYSTEM SET checkpoint_timeout = '30s'")
    lab.sql("ALTER SYSTEM SET full_page_writes = off")
    lab.sql("SELECT pg_reload_conf()")
    result = lab.check_until(solved=True, seconds=2)
    assert not result["solved"]
    assert "full_page_writes is off" in finding(result, "root_cause")["detail"]
    assert {"trap:full-page-writes-off", "trap:lower-checkpoint-timeout"} <= trap_names(result)

    # Page images back on and a tiny budget: still the storm.
    lab.sql("ALTER SYSTEM RESET full_page_writes")
    lab.sql("ALTER SYSTEM SET max_wal_size = '64MB'")
    lab.sql("SELECT pg_reload_conf()")
    result = lab.check_until(solved=True, seconds=2)
    assert not result["solved"]
    assert "still requested" in finding(result, "root_cause")["detail"]
    assert "trap:lower-checkpoint-timeout" in trap_names(result)
