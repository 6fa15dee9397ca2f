from __future__ import annotations

from typing import Any

from pgdojo.tracks.lab.scenarios.low_cache_hit_ratio import TILE_SQL
from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "low-cache-hit-ratio"
HIT_RATIO = (
    "SELECT blks_hit, blks_read, round(100.0 * blks_hit / nullif(blks_hit + blks_read, 0), 2)"
    " FROM pg_stat_database WHERE datname = 'shop'"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["hit_ratio"] < 0.9 and symptom["blks_read_per_s"] > 1000
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    [[hit, read, _]] = lab.sql(HIT_RATIO)["rows"]
    assert read > 0 and hit > 0
    tables = lab.sql(
        "SELECT relname, heap_blks_read, heap_blks_hit FROM pg_statio_user_tables"
        " ORDER BY heap_blks_read DESC"
    )["rows"]
    assert tables[0][0] == "page_views"
    top = lab.sql(
        "SELECT userid::regrole::text, calls, shared_blks_read / calls, query"
        " FROM pg_stat_statements ORDER BY shared_blks_read DESC LIMIT 2"
    )["rows"]
    assert {row[0] for row in top} == {"dashboard"} and all(row[2] > 500 for row in top)
    plan = lab.sql(f"EXPLAIN (ANALYZE, BUFFERS) {TILE_SQL}")["rows"]
    assert any("Seq Scan on page_views" in row[0] for row in plan)
    lab.labs.diagnose(ID, "the live-traffic tiles seq scan page_views: no index on viewed_at")
    built = lab.sql("CREATE INDEX CONCURRENTLY page_views_viewed_at_idx ON page_views (viewed_at)")
    assert built["error"] is None
    lab.sql("ALTER ROLE dashboard SET statement_timeout = '5s'")

    after = lab.check_until(solved=True, seconds=10)
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert finding(after, "symptom")["measured"]["hit_ratio"] > 0.99
    assert after["traps"] == []
    assert_method(after)


def test_a_bigger_cache_and_a_blocking_index_are_traps(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    assert lab.sql("ALTER SYSTEM SET shared_buffers = '1GB'")["error"] is None
    lab.sql("SELECT pg_reload_conf()")
    pending = lab.sql(
        "SELECT setting, pending_restart FROM pg_settings WHERE name = 'shared_buffers'"
    )
    assert pending["rows"] == [["2048", True]]  # 16 MB still: it needs a restart
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert "trap:raise-shared-buffers" in trap_names(result)
    assert lab.labs.status(ID)["symptom_present"]

    lab.sql("CREATE INDEX page_views_viewed_at_idx ON page_views (viewed_at)")
    result = lab.check_until(solved=True, seconds=10)
    assert result["solved"]  # the cause is gone, the way there blocked the tracker
    assert {"trap:raise-shared-buffers", "trap:create-index-blocking"} <= trap_names(result)
