"""Every troubleshooting query of the seed is practised in at least one lab's model investigation.

The seed (PRODUCT.md) lists the queries a candidate should have at their fingertips in a
troubleshooting round. Each must appear, as a query, in the model investigation of some lab's
debrief (`**The model investigation.**` up to the next bold paragraph), loaded the way the
track loads scenarios. Patterns look for the query's shape, not its exact text: whitespace and
line breaks may vary, and a backquoted SQL span is one statement, so `[^`]` keeps a pattern
from spanning two of them.
"""

from __future__ import annotations

import re

from pgdojo.tracks.lab.scenario import load_scenarios

MARKER = re.compile(r"\*\*the model investigation\.?\*\*", re.IGNORECASE)
SQL = r"[^`]*?"  # within one backquoted statement
SEED_QUERIES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE | re.DOTALL)
    for name, pattern in {
        "active queries by query_start": rf"FROM\s+pg_stat_activity\b{SQL}ORDER\s+BY\s+"
        r"(\w+\.)?query_start\b",
        "the blocking query via pg_locks": rf"FROM\s+pg_locks\b{SQL}"
        r"(\bgranted\b|pg_blocking_pids)",
        "wait events by type": rf"\bwait_event_type\b{SQL}FROM\s+pg_stat_activity\b{SQL}"
        r"GROUP\s+BY",
        "buffer cache hit ratio (> 99%)": r"blks_hit\s*/\s*(nullif\s*)?\(?\s*blks_hit\s*\+\s*"
        r"blks_read(?=.*\b99\s*%)",
        "pg_stat_statements by total_exec_time": rf"FROM\s+pg_stat_statements\b{SQL}"
        r"ORDER\s+BY\s+total_exec_time\b",
        "bloat by n_dead_tup ratio": r"n_dead_tup\s*/\s*(nullif\s*)?\(?\s*n_live_tup"
        rf"{SQL}FROM\s+pg_stat_(user|all)_tables\b",
        "cancel before terminate": r"pg_cancel_backend\s*\(.*\bpg_terminate_backend\b",
        "VACUUM (VERBOSE, ANALYZE)": r"VACUUM\s*\(\s*(VERBOSE\s*,\s*ANALYZE|ANALYZE\s*,\s*"
        r"VERBOSE)\s*\)",
        "per-table autovacuum scale factor": r"ALTER\s+TABLE\s+[\w.\"]+\s+SET\s*\([^)]*"
        r"\bautovacuum_vacuum_scale_factor\s*=",
        "CREATE INDEX CONCURRENTLY": r"CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b",
        "scoped work_mem (SET LOCAL / per role)": r"SET\s+LOCAL\s+work_mem\b|ALTER\s+ROLE\s+"
        r"[\w\"]+\s+SET\s+work_mem\b",
    }.items()
}


def model_investigation(debrief: str) -> str:
    """The debrief's model investigation: from its bold heading to the next bold paragraph."""
    found = MARKER.search(debrief)
    if found is None:
        return ""
    rest = debrief[found.end() :]
    end = re.search(r"\n\s*\n\*\*", rest)
    return rest if end is None else rest[: end.start()]


def test_the_patterns_match_the_queries_they_name() -> None:
    examples = {
        "active queries by query_start": "`SELECT pid, state FROM pg_stat_activity\n   WHERE "
        "state = 'active' ORDER BY query_start;`",
        "the blocking query via pg_locks": "`SELECT l.pid FROM pg_locks l WHERE NOT l.granted`",
        "wait events by type": "`SELECT wait_event_type, count(*) FROM pg_stat_activity "
        "GROUP BY 1`",
        "buffer cache hit ratio (> 99%)": "`SELECT blks_hit / nullif(blks_hit + blks_read, 0)"
        " FROM pg_stat_database`, above 99% for OLTP",
        "pg_stat_statements by total_exec_time": "`SELECT query FROM pg_stat_statements ORDER "
        "BY total_exec_time DESC`",
        "bloat by n_dead_tup ratio": "`SELECT n_dead_tup / nullif(n_live_tup + n_dead_tup, 0)"
        " FROM pg_stat_user_tables`",
        "cancel before terminate": "`pg_cancel_backend(42)` first, then `pg_terminate_backend(42)`",
        "VACUUM (VERBOSE, ANALYZE)": "`VACUUM (ANALYZE, VERBOSE) carts;`",
        "per-table autovacuum scale factor": "`ALTER TABLE carts SET (autovacuum_enabled = true,"
        " autovacuum_vacuum_scale_factor = 0.02)`",
        "CREATE INDEX CONCURRENTLY": "`CREATE INDEX CONCURRENTLY i ON t (c)`",
        "scoped work_mem (SET LOCAL / per role)": "`ALTER ROLE reporting SET work_mem = '64MB'`",
    }
    assert examples.keys() == SEED_QUERIES.keys()
    assert {n: bool(SEED_QUERIES[n].search(text)) for n, text in examples.items()} == dict.fromkeys(
        examples, True
    )
    # ... and not their look-alikes: terminate before cancel, two statements, a global setting.
    misses = {
        "cancel before terminate": "`pg_terminate_backend(42)`, or `pg_cancel_backend(42)`",
        "active queries by query_start": "`SELECT * FROM pg_stat_activity` and `... ORDER BY "
        "query_start`",
        "scoped work_mem (SET LOCAL / per role)": "`ALTER SYSTEM SET work_mem = '1GB'`",
        "buffer cache hit ratio (> 99%)": "`SELECT blks_hit / (blks_hit + blks_read)`",
    }
    assert {n: bool(SEED_QUERIES[n].search(text)) for n, text in misses.items()} == dict.fromkeys(
        misses, False
    )


def test_every_seed_query_is_in_a_model_investigation() -> None:
    investigations = {
        scenario_id: model_investigation(scenario.doc.debrief)
        for scenario_id, scenario in load_scenarios().items()
    }
    assert any(investigations.values()), "no lab debrief has a model investigation"
    where = {
        name: sorted(sid for sid, text in investigations.items() if pattern.search(text))
        for name, pattern in SEED_QUERIES.items()
    }
    missing = [name for name, scenarios in where.items() if not scenarios]
    assert not missing, f"seed queries in no lab's model investigation: {missing} (found: {where})"
