from __future__ import annotations

import time
from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "invalid-index"
LOOKUP = (
    "SELECT id, carrier, status, updated_at FROM shipments WHERE tracking_code = 'TRK000332598'"
)
VALIDITY = (
    "SELECT indexrelid::regclass::text, indisvalid, indisready FROM pg_index"
    " WHERE indrelid = 'shipments'::regclass ORDER BY 1"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    print("started", lab.started["ready_s"], symptom)
    assert symptom["lookup_mean_ms"] >= 5  # the lookup is slow, as the server measures it
    assert symptom["lookup_plan"] == ["Seq Scan"]
    assert symptom["invalid_indexes"] == ["shipments_tracking_code_idx"]
    # Ready but not valid: maintained by every insert (megabytes of it), used by nothing.
    assert symptom["maintained_unused_kb"]["shipments_tracking_code_idx"] > 1024
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def check_until_symptom_gone(lab: Any, seconds: float = 8.0) -> dict[str, Any]:
    """Check until the workload no longer shows the symptom (solved or not)."""
    deadline = time.monotonic() + seconds
    while True:
        result: dict[str, Any] = lab.labs.check(ID)
        if finding(result, "symptom")["ok"] or time.monotonic() > deadline:
            return result
        time.sleep(0.5)


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    top = lab.sql(
        "SELECT calls, round(total_exec_time) AS total_ms,"
        " (shared_blks_hit + shared_blks_read) / calls AS blocks_per_call, query"
        " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5"
    )
    assert any("tracking_code" in row[3] for row in top["rows"][:2]), top["rows"]
    plan = lab.sql(f"EXPLAIN (ANALYZE, BUFFERS) {LOOKUP}")["rows"]
    assert any("Seq Scan on shipments" in row[0] for row in plan)
    # \d lists the index; the catalog says what it is (asked over the DSN, as psql would).
    assert ("shipments_tracking_code_idx", False, True) in lab.psql(VALIDITY)
    lab.labs.diagnose(
        ID, "shipments_tracking_code_idx is INVALID (indisvalid = false) after a failed build"
    )
    lab.sql("DROP INDEX CONCURRENTLY shipments_tracking_code_idx")
    lab.sql("CREATE INDEX CONCURRENTLY shipments_tracking_code_idx ON shipments (tracking_code)")
    assert ["shipments_tracking_code_idx", True, True] in lab.sql(VALIDITY)["rows"]
    lab.sql("ALTER ROLE reporting SET transaction_timeout = '30min'")

    after = lab.check_until(solved=True)
    print("after", after["check_ms"], after["findings"])
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert after["traps"] == []
    root = finding(after, "root_cause")["measured"]
    assert root["indexes_used"] == ["shipments_tracking_code_idx"]
    assert root["invalid_indexes"] == []
    # Once the sampling window holds only indexed lookups: hundredths of a millisecond.
    deadline = time.monotonic() + 8
    mean = finding(after, "symptom")["measured"]["lookup_mean_ms"]
    while (mean is None or mean >= 1) and time.monotonic() < deadline:
        time.sleep(1)
        mean = lab.labs.status(ID)["measured"]["lookup_mean_ms"]
    assert mean is not None and mean < 1
    assert_method(after)


def test_a_second_index_beside_the_invalid_one_is_not_the_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ANALYZE shipments")  # the statistics were never the problem
    result = lab.check_until(solved=True, seconds=2)
    assert not result["solved"]
    assert "is listed" in finding(result, "root_cause")["detail"]

    # "It's not the index": a fresh one beside it, and in a hurry, without CONCURRENTLY.
    lab.sql("CREATE INDEX shipments_code_idx ON shipments (tracking_code)")
    result = check_until_symptom_gone(lab)
    assert finding(result, "symptom")["ok"]  # the page is fast again ...
    assert not result["solved"]  # ... while every insert still maintains the invalid index
    assert "INVALID index is still on shipments" in finding(result, "root_cause")["detail"]
    assert "trap:create-index-blocking" in trap_names(result)  # and writes waited for the build


def test_rebuilding_without_concurrently_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    # REINDEX TABLE CONCURRENTLY skips invalid indexes (with a warning): nothing changes.
    lab.sql("REINDEX TABLE CONCURRENTLY shipments")
    assert ["shipments_tracking_code_idx", False, True] in lab.sql(VALIDITY)["rows"]
    # A plain REINDEX makes the very same index valid, blocking writes while it builds.
    lab.sql("REINDEX INDEX shipments_tracking_code_idx")
    result = lab.check_until(solved=True)
    assert result["solved"]
    assert "trap:reindex-blocking" in trap_names(result)
    assert not result["prevention"]


def test_reindex_concurrently_is_the_one_step_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    [[oid_before]] = lab.sql("SELECT 'shipments_tracking_code_idx'::regclass::oid")["rows"]
    lab.labs.diagnose(ID, "the tracking_code index is invalid: never used, always maintained")
    assert lab.sql("REINDEX INDEX CONCURRENTLY shipments_tracking_code_idx")["error"] is None
    # A new index under the old name, swapped in: a new OID, valid, and nothing left behind.
    [[oid_after]] = lab.sql("SELECT 'shipments_tracking_code_idx'::regclass::oid")["rows"]
    assert oid_after != oid_before
    assert ["shipments_tracking_code_idx", True, True] in lab.sql(VALIDITY)["rows"]
    result = lab.check_until(solved=True)
    assert result["solved"] and result["detect"], result["findings"]
    assert result["traps"] == []
