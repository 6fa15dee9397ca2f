"""Autovacuum was switched off for the carts table during a backfill and never switched back.

Every cart update leaves a dead row version behind. Nothing vacuums the table, so dead tuples
pile up (hundreds of thousands over 20k live carts), the table and its indexes grow far past
their live data, the free space map never learns of reusable space, the visibility map is never
set, and every scan of the table reads and checks all of it.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner

TABLE = "carts"
CARTS = 20_000
# Setup's churn: this many whole-table updates leave CARTS * BACKLOG_UPDATES dead tuples.
BACKLOG_UPDATES = 12
# The symptom: dead tuples beyond both of these.
DEAD_MIN = 50_000
DEAD_PER_LIVE = 2.0
# Prevention: autovacuum triggered by at most this fraction of the table changing.
MAX_SCALE_FACTOR = 0.05
MAX_VACUUM_MAX_THRESHOLD = 10_000

SCAN_SQL = (
    "SELECT count(*), sum(total) FROM carts"
    " WHERE updated_at < now() - interval '30 minutes' AND items > 0"
)

TABLE_STATS_SQL = """\
SELECT s.n_live_tup, s.n_dead_tup, pg_relation_size(c.oid), pg_indexes_size(c.oid),
       s.last_vacuum IS NOT NULL OR s.last_autovacuum IS NOT NULL,
       coalesce((SELECT o.option_value::boolean FROM pg_options_to_table(c.reloptions) o
                 WHERE o.option_name = 'autovacuum_enabled'), true),
       current_setting('autovacuum')::boolean AND current_setting('track_counts')::boolean,
       (SELECT o.option_value::float8 FROM pg_options_to_table(c.reloptions) o
         WHERE o.option_name = 'autovacuum_vacuum_scale_factor'),
       (SELECT o.option_value::float8 FROM pg_options_to_table(c.reloptions) o
         WHERE o.option_name = 'autovacuum_vacuum_max_threshold'),
       current_setting('autovacuum_vacuum_scale_factor')::float8
FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.oid = 'public.carts'::regclass"""


def cart_writer(ctx: WorkloadContext) -> None:
    """The cart service: every add-to-cart rewrites the cart's row (a new version each time)."""
    with app_session(ctx, "cart-api") as conn:
        while not ctx.stop.is_set():
            with ctx.op():
                conn.execute(
                    "UPDATE carts SET items = items %% 12 + 1, total = total + 1.5,"
                    " updated_at = now() WHERE id = %s",
                    (random.randint(1, CARTS),),
                )
            ctx.sleep(0.004)


def cart_reader(ctx: WorkloadContext) -> None:
    with app_session(ctx, "cart-api") as conn:
        while ctx.sleep(0.02):
            with ctx.op():
                conn.execute("SELECT * FROM carts WHERE id = %s", (random.randint(1, CARTS),))


def abandoned_carts(ctx: WorkloadContext) -> None:
    """The abandoned-cart mailer: a scan of the whole table, twice a second."""
    with app_session(ctx, "cart-mailer") as conn:
        while ctx.sleep(0.5):
            with ctx.op():
                conn.execute(SCAN_SQL).fetchone()


class TableBloat(Scenario):
    doc = scenario_doc(__file__)
    # A short naptime so that autovacuum, once allowed on the table again, acts within
    # seconds (production's 1 min would make the lab wait).
    settings: ClassVar[dict[str, str]] = {"autovacuum_naptime": "5s"}
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE carts (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL, items int NOT NULL,
                total numeric(10, 2) NOT NULL, updated_at timestamptz NOT NULL);
            CREATE INDEX carts_updated_at_idx ON carts (updated_at);
            CREATE INDEX carts_customer_idx ON carts (customer_id);
            INSERT INTO carts
                SELECT g, g, g % 7 + 1, (g % 300) + 0.5, now() - (g % 4000) * interval '1 min'
                FROM generate_series(1, {CARTS}) g;
            ANALYZE carts;
            -- "Temporarily" during last week's backfill.
            ALTER TABLE carts SET (autovacuum_enabled = false);
        """,
        )
        # A week of churn, compressed: every cart rewritten many times, never vacuumed.
        for _ in range(BACKLOG_UPDATES):
            admin.execute("UPDATE public.carts SET items = items % 12 + 1, total = total + 0.5")
        # So that the global "fix" (ALTER SYSTEM SET autovacuum = off) is possible, and caught.
        admin.execute("GRANT ALTER SYSTEM ON PARAMETER autovacuum TO oncall")
        # Make the setup's dead tuples visible in pg_stat_user_tables right away.
        admin.execute("SELECT pg_stat_force_next_flush()")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [cart_writer, cart_writer, cart_writer, cart_reader, abandoned_carts]

    def _stats(self, lab: Lab) -> dict[str, Any]:
        with lab.admin() as admin:
            row = admin.execute(TABLE_STATS_SQL).fetchone()
        assert row is not None
        timings = []
        with lab.probe() as probe:  # the mailer's scan, timed as an application session
            for _ in range(3):
                started = time.perf_counter()
                probe.execute(SCAN_SQL).fetchone()
                timings.append((time.perf_counter() - started) * 1000)
        live, dead = int(row[0]), int(row[1])
        return {
            "n_live_tup": live,
            "n_dead_tup": dead,
            "dead_pct": round(100 * dead / max(1, live + dead), 1),
            "table_mb": round(row[2] / 2**20, 1),
            "indexes_mb": round(row[3] / 2**20, 1),
            "scan_ms": round(statistics.median(timings), 1),
            "vacuumed": bool(row[4]),
            "table_autovacuum_enabled": bool(row[5]),
            "autovacuum_running": bool(row[6]),
            "table_scale_factor": row[7],
            "table_max_threshold": row[8],
            "global_scale_factor": row[9],
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        stats = self._stats(lab)
        measured.update(
            {
                k: stats[k]
                for k in ("n_live_tup", "n_dead_tup", "dead_pct", "table_mb", "indexes_mb")
            },
            scan_ms=stats["scan_ms"],
        )
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        dead = measured["n_dead_tup"]
        return bool(dead > DEAD_MIN and dead > DEAD_PER_LIVE * measured["n_live_tup"])

    def root_cause(self, lab: Lab) -> Finding:
        stats = self._stats(lab)
        ok = stats["table_autovacuum_enabled"] and stats["autovacuum_running"]
        if ok:
            detail = "autovacuum is enabled for carts again (and runs instance-wide)"
        elif not stats["autovacuum_running"]:
            detail = (
                "autovacuum (or track_counts) is off for the whole instance: nothing will "
                "vacuum carts, or any other table"
            )
        else:
            detail = (
                "carts still has autovacuum_enabled = false: a manual VACUUM cleans today's "
                "dead tuples, and they pile up again from the next update on"
            )
        return Finding("root_cause", ok, detail, stats)

    def prevention(self, lab: Lab) -> Finding:
        stats = self._stats(lab)
        table_sf, table_max = stats["table_scale_factor"], stats["table_max_threshold"]
        tuned = (table_sf is not None and table_sf <= MAX_SCALE_FACTOR) or (
            table_max is not None and table_max <= MAX_VACUUM_MAX_THRESHOLD
        )
        global_tuned = stats["global_scale_factor"] <= MAX_SCALE_FACTOR
        ok = stats["table_autovacuum_enabled"] and (tuned or global_tuned)
        measured = {
            "autovacuum_vacuum_scale_factor (carts)": table_sf,
            "autovacuum_vacuum_max_threshold (carts)": table_max,
            "autovacuum_vacuum_scale_factor (global)": stats["global_scale_factor"],
        }
        return Finding(
            "prevention",
            ok,
            "autovacuum on carts triggers after a small fraction of the table changes"
            if ok
            else "carts is a high-churn table on the default trigger (20% of the table "
            "dead before autovacuum starts): tune autovacuum_vacuum_scale_factor (≤ "
            f"{MAX_SCALE_FACTOR}) for it, and alert on n_dead_tup / last_autovacuum",
            measured,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [
            "autovacuum_enabled",
            "autovacuum disabled",
            "autovacuum off",
            "autovacuum is off",
            "autovacuum is disabled",
            "autovacuum was disabled",
            "autovacuum was off",
            "disabled autovacuum",
            "autovacuum turned off",
        ]


SCENARIO = TableBloat()
