"""Numbers to know, measured here: this machine's engine, beside the classic figures.

Estimates should rest on measurements, not on a 2012 latency table. At first use pgdojo
measures, on a scratch database of the engine:
- fsync'd commits per second: single-row inserts, each its own transaction, with
  synchronous_commit on (every commit waits for its WAL flush);
- point selects per second: primary-key lookups from one session;
- rows inserted per second: one INSERT ... SELECT of generated rows;
- sequential scan MB/s: count(*) over a table that fits in shared buffers (a warm cache).
"""

from __future__ import annotations

import secrets
import time
from typing import Any

import psycopg
from psycopg import sql

from pgdojo.engine import Engine

# The classic figures candidates quote, for comparison (orders of magnitude).
CLASSIC = {
    "fsync_commits_per_s": "a few thousand on an NVMe SSD; ~100-200 on a spinning disk",
    "point_selects_per_s": "~10k-50k per core over a local socket, one client",
    "rows_inserted_per_s": "~100k-1M per core in one bulk statement",
    "seq_scan_mb_per_s": "~1-5 GB/s from shared buffers; disk-bound when cold",
}
UNITS = {
    "fsync_commits_per_s": "commits/s",
    "point_selects_per_s": "selects/s",
    "rows_inserted_per_s": "rows/s",
    "seq_scan_mb_per_s": "MB/s",
}


def measure(engine: Engine) -> dict[str, tuple[float, str]]:
    """Measure the four figures on a scratch database (about two seconds)."""
    dbname = "pgdojo_numbers_" + secrets.token_hex(4)
    admin_info = engine.admin_conninfo("postgres")
    with psycopg.connect(admin_info, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    try:
        with psycopg.connect(engine.admin_conninfo(dbname), autocommit=True) as conn:
            conn.execute("SET synchronous_commit = on")
            conn.execute("CREATE TABLE c (id bigserial PRIMARY KEY, v int)")
            n = 300
            t0 = time.perf_counter()
            for i in range(n):
                conn.execute("INSERT INTO c (v) VALUES (%s)", (i,))
            commits = n / (time.perf_counter() - t0)
            conn.execute(
                "CREATE TABLE p AS SELECT g AS id, md5(g::text) AS v"
                " FROM generate_series(1, 20000) g"
            )
            conn.execute("ALTER TABLE p ADD PRIMARY KEY (id)")
            n = 3000
            t0 = time.perf_counter()
            for i in range(n):
                conn.execute("SELECT v FROM p WHERE id = %s", (1 + (i * 7919) % 20000,)).fetchone()
            selects = n / (time.perf_counter() - t0)
            conn.execute("CREATE UNLOGGED TABLE r (id bigint, v text)")
            t0 = time.perf_counter()
            conn.execute("INSERT INTO r SELECT g, 'row ' || g FROM generate_series(1, 300000) g")
            inserted = 300000 / (time.perf_counter() - t0)
            size_row = conn.execute("SELECT pg_relation_size('r')").fetchone()
            size = float(size_row[0]) if size_row else 0.0
            conn.execute("SELECT count(*) FROM r")  # warm the cache
            t0 = time.perf_counter()
            for _ in range(3):
                conn.execute("SELECT count(*) FROM r").fetchone()
            scan = size * 3 / 1e6 / (time.perf_counter() - t0)
    finally:
        with psycopg.connect(admin_info, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
            )
    figures = {
        "fsync_commits_per_s": commits,
        "point_selects_per_s": selects,
        "rows_inserted_per_s": inserted,
        "seq_scan_mb_per_s": scan,
    }
    return {name: (round(value), UNITS[name]) for name, value in figures.items()}


def numbers_table(numbers: dict[str, tuple[float, str]]) -> list[dict[str, Any]]:
    return [
        {"name": name, "measured": value, "unit": unit, "classic": CLASSIC.get(name, "")}
        for name, (value, unit) in numbers.items()
    ]
