from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "missing-index"
HOT = (
    "SELECT id, status, total, created_at FROM orders"
    " WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 20"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["p95_ms"] >= 8  # the page is slow, measured by the workload
    assert symptom["orders_seq_scans"] > 0 and symptom["orders_idx_scans"] == 0
    assert symptom["hot_query_blocks_per_call"] > 5000  # the whole table, every call
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]
    assert "Seq Scan" in finding(before, "root_cause")["measured"]["plan"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql(
        "SELECT calls, mean_exec_time, (shared_blks_hit + shared_blks_read) / calls AS blocks,"
        " query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5"
    )
    plan = lab.sql(f"EXPLAIN (ANALYZE, BUFFERS) {HOT}")["rows"]
    assert any("Seq Scan on orders" in row[0] for row in plan)
    lab.labs.diagnose(ID, "orders has no index on customer_id: the order history seq-scans it")
    lab.sql(
        "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx"
        " ON orders (customer_id, created_at DESC)"
    )
    lab.sql("ALTER ROLE app SET log_min_duration_statement = '20ms'")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"]
    assert after["traps"] == []
    assert finding(after, "root_cause")["measured"]["indexes_used"] == [
        "orders_customer_id_created_at_idx"
    ]
    assert finding(after, "symptom")["measured"]["p95_ms"] < 8
    assert_method(after)


def test_an_index_on_the_wrong_column_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at)")
    result = lab.check_until(solved=True, seconds=4)
    assert not result["solved"]
    root = finding(result, "root_cause")
    assert not root["ok"] and "no index on orders leads with customer_id" in root["detail"]
    assert lab.labs.status(ID)["symptom_present"]


def test_an_invalid_index_is_rejected_and_a_blocking_build_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    # A UNIQUE build over duplicate customer ids fails half-way and leaves an INVALID index.
    failed = lab.sql(
        "CREATE UNIQUE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id)"
    )
    assert failed["error"] and "could not create unique index" in failed["error"]
    [(valid,)] = lab.psql(
        "SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_customer_id_idx'::regclass"
    )
    assert valid is False
    result = lab.labs.check(ID)
    assert not result["solved"]
    assert "INVALID" in finding(result, "root_cause")["detail"]

    lab.sql("CREATE INDEX orders_by_customer ON orders (customer_id)")  # no CONCURRENTLY
    after = lab.check_until(solved=True)
    assert after["solved"]
    assert "trap:create-index-blocking" in trap_names(after)
