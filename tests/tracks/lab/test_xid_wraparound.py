from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "xid-wraparound"
HOLDERS = (
    "SELECT pid, application_name, state, age(backend_xid), age(backend_xmin)"
    " FROM pg_stat_activity WHERE backend_xid IS NOT NULL OR backend_xmin IS NOT NULL"
    " ORDER BY greatest(age(backend_xid), age(backend_xmin)) DESC LIMIT 1"
)


def assert_live_symptom(lab: Any) -> int:
    """The symptom at start; returns the holder's pid, found as the candidate would."""
    symptom = lab.started["symptom"]
    print("started", lab.started["ready_s"], symptom)
    assert symptom["datfrozenxid_age"] >= 120_000 > symptom["autovacuum_freeze_max_age"]
    assert symptom["horizon_kind"] == "session" and symptom["horizon_age"] > 100_000
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]
    assert "holds the xmin horizon" in finding(before, "root_cause")["detail"]
    [(pid, name, state, xid_age, _)] = lab.psql(HOLDERS)  # over the DSN, as psql would
    assert (name, state) == ("ledger-reconcile", "idle in transaction") and xid_age > 100_000
    return int(pid)


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    pid = assert_live_symptom(lab)

    lab.sql(
        "SELECT datname, age(datfrozenxid), current_setting('autovacuum_freeze_max_age')"
        " FROM pg_database ORDER BY 2 DESC"
    )
    lab.sql("SELECT gid, age(transaction) FROM pg_prepared_xacts")
    # The oldest xid still locked: a session's (or, pid NULL, a prepared transaction's).
    [[holder, _]] = lab.sql(
        "SELECT pid, age(transactionid) FROM pg_locks WHERE locktype = 'transactionid'"
        " ORDER BY age(transactionid) DESC LIMIT 1"
    )["rows"]
    assert holder == pid
    lab.sql("SELECT slot_name, age(xmin), age(catalog_xmin) FROM pg_replication_slots")
    lab.labs.diagnose(ID, f"pid {pid} (ledger-reconcile) is idle in transaction holding xmin")
    # Cancelling an idle session cancels nothing: the holder is still there.
    assert lab.sql(f"SELECT pg_cancel_backend({pid})")["rows"] == [[True]]
    assert lab.sql(HOLDERS)["rows"][0][0] == pid
    assert lab.sql(f"SELECT pg_terminate_backend({pid}, 5000)")["rows"] == [[True]]
    for table in ("ledger_entries", "events", "reconcile_runs"):
        assert lab.sql(f"VACUUM (FREEZE, VERBOSE, ANALYZE) {table}")["error"] is None
    [[age]] = lab.sql(
        "SELECT max(age(relfrozenxid)) FROM pg_class"
        " WHERE relname IN ('ledger_entries', 'events', 'reconcile_runs')"
    )["rows"]
    assert age < 10_000  # the app's tables are frozen up to now
    lab.sql("ALTER ROLE ledger SET idle_in_transaction_session_timeout = '10min'")

    after = lab.check_until(solved=True, seconds=15)  # autovacuum freezes the catalogs
    print("after", after["check_ms"], after["findings"])
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert after["traps"] == []
    assert finding(after, "symptom")["measured"]["datfrozenxid_age"] < 100_000
    assert_method(after)


def test_vacuuming_under_the_horizon_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    pid = assert_live_symptom(lab)
    before = lab.started["symptom"]["oldest_tables"]["ledger_entries"]
    lab.sql("VACUUM (FREEZE, VERBOSE) ledger_entries")
    lab.sql("VACUUM FULL events")
    [[age]] = lab.sql("SELECT age(relfrozenxid) FROM pg_class WHERE relname = 'ledger_entries'")[
        "rows"
    ]
    assert age >= before  # relfrozenxid did not move past the holder
    result = lab.check_until(solved=True, seconds=2)
    assert not result["solved"]
    assert not finding(result, "root_cause")["ok"]
    # Autovacuum works all the while, in vain: the shared catalogs again and again.
    busy = finding(result, "symptom")["measured"]["shared_catalog_autovacuums"]
    assert busy > lab.started["symptom"]["shared_catalog_autovacuums"]
    assert {"trap:vacuum-under-horizon", "trap:vacuum-full"} <= trap_names(result)

    lab.sql(f"SELECT pg_terminate_backend({pid}, 5000)")
    result = lab.check_until(solved=True, seconds=15)
    assert result["solved"]  # autovacuum catches up once the horizon is free ...
    assert "trap:vacuum-under-horizon" in trap_names(result)  # ... the wasted vacuum stays
    assert not result["prevention"]
