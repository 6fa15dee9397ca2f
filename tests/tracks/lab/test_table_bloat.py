from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "table-bloat"


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    symptom = lab.started["symptom"]
    print("started", lab.started["ready_s"], symptom)
    assert symptom["n_dead_tup"] > 10 * symptom["n_live_tup"] > 0  # the symptom is live
    assert symptom["table_mb"] > 12  # for ~1.5 MB of live carts
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]

    lab.sql(
        "SELECT relname, n_live_tup, n_dead_tup, last_vacuum, last_autovacuum"
        " FROM pg_stat_user_tables ORDER BY n_dead_tup DESC"
    )
    lab.sql("SELECT pg_size_pretty(pg_table_size('carts'))")
    [(options,)] = lab.psql("SELECT reloptions FROM pg_class WHERE relname = 'carts'")
    assert options == ["autovacuum_enabled=false"]
    lab.labs.diagnose(ID, "autovacuum_enabled = false on carts: dead tuples never vacuumed")
    lab.sql("VACUUM (ANALYZE) carts")
    lab.sql(
        "ALTER TABLE carts SET (autovacuum_enabled = true, autovacuum_vacuum_scale_factor = 0.02)"
    )

    after = lab.check_until(solved=True)
    measured = finding(after, "symptom")["measured"]
    print("after", after["check_ms"], measured)
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert measured["n_dead_tup"] < symptom["n_dead_tup"] / 10
    assert after["traps"] == []
    assert_method(after)


def test_manual_vacuum_alone_and_vacuum_full(start_lab: Any) -> None:
    lab = start_lab(ID)
    lab.sql("VACUUM carts")
    result = lab.check_until(solved=True, seconds=3)
    assert finding(result, "symptom")["ok"]  # clean for now ...
    assert not result["solved"]  # ... but autovacuum is still off for carts
    assert not finding(result, "root_cause")["ok"]
    assert "autovacuum_enabled = false" in finding(result, "root_cause")["detail"]

    lab.sql("VACUUM FULL carts")
    lab.sql("ALTER SYSTEM SET autovacuum = off")
    lab.sql("ALTER TABLE carts RESET (autovacuum_enabled)")
    lab.sql("SELECT pg_reload_conf()")
    result = lab.check_until(solved=True, seconds=2)
    assert not result["solved"]  # autovacuum is now off for every table
    assert "instance" in finding(result, "root_cause")["detail"]
    assert {"trap:vacuum-full", "trap:autovacuum-off"} <= trap_names(result)
