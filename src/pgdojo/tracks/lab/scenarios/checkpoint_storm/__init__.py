"""max_wal_size at its 32 MB minimum: checkpoints are requested every few seconds, and each one
restarts the full-page images that fill the WAL that requests the next.

With full_page_writes on, the first change to a page after a checkpoint logs the whole 8 kB
page. The stock updates touch pages all over `inventory` (some 2,700 of them), so after every
checkpoint the page images alone are more than the ~16 MB of WAL that max_wal_size = 32MB
allows between checkpoints (max_wal_size / (1 + checkpoint_completion_target)): a checkpoint
storm. pg_stat_checkpointer shows it (num_requested climbing, num_timed not), and pg_stat_wal
shows what it costs (wal_fpi close to wal_records).

The fix is the setting (max_wal_size raised, reloaded), with full_page_writes left on;
prevention, log_checkpoints on (the template had turned it off).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg
from psycopg import sql

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner

ROWS = 200_000
BATCH = 20  # stock rows per update statement (one order's lines)
# The symptom: within this window, at least one checkpoint requested (by WAL volume), with
# the WAL rate of a storm. (The rate matters too: the checkpointer reports its counters a moment
# after a checkpoint, so the setup's own checkpoints may be counted in the first window.)
WINDOW_S = 8.0
STORM_WAL_MB_PER_MIN = 60.0
# Root cause: max_wal_size at least this (MB): the page images of a checkpoint cycle (~20 MB
# here) are then a small part of the distance between checkpoints.
MIN_MAX_WAL_SIZE_MB = 256
DEFAULT_CHECKPOINT_TIMEOUT_S = 300
# What the on-call may change with ALTER SYSTEM here: the fix, the prevention and the traps.
SYSTEM_PARAMETERS = (
    "max_wal_size",
    "min_wal_size",
    "checkpoint_completion_target",
    "checkpoint_timeout",
    "checkpoint_warning",
    "log_checkpoints",
    "full_page_writes",
    "wal_compression",
)

SAMPLE_SQL = """\
SELECT c.num_timed, c.num_requested, w.wal_records, w.wal_fpi, w.wal_bytes::bigint
FROM pg_stat_checkpointer c, pg_stat_wal w"""
SETTINGS_SQL = """\
SELECT name, setting FROM pg_settings
WHERE name IN ('max_wal_size', 'checkpoint_timeout', 'checkpoint_completion_target',
               'full_page_writes', 'log_checkpoints', 'wal_compression')"""


def stock_updates(ctx: WorkloadContext) -> None:
    """Order fulfilment: decrement the stock of an order's lines, spread over the catalogue."""
    with app_session(ctx, "inventory-api") as conn:
        while ctx.sleep(0.02):
            ids = [random.randint(1, ROWS) for _ in range(BATCH)]
            with ctx.op():
                conn.execute(
                    "UPDATE inventory SET on_hand = on_hand - 1, updated_at = now()"
                    " WHERE id = ANY(%s)",
                    (ids,),
                )


def stock_reads(ctx: WorkloadContext) -> None:
    """Product pages: is it in stock?"""
    with app_session(ctx, "storefront") as conn:
        while ctx.sleep(0.02):
            with ctx.op():
                conn.execute(
                    "SELECT on_hand FROM inventory WHERE id = %s", (random.randint(1, ROWS),)
                ).fetchone()


def wal_sampler(ctx: WorkloadContext) -> None:
    """The monitoring agent: checkpoint and WAL counters once a second (statistics views
    only), so that rates over the last seconds can be measured."""
    with psycopg.connect(ctx.admin_conninfo, autocommit=True) as admin:
        while not ctx.stop.is_set():
            row = admin.execute(SAMPLE_SQL).fetchone()
            if row:
                ctx.event(
                    "wal_sample",
                    timed=int(row[0]),
                    requested=int(row[1]),
                    records=int(row[2]),
                    fpi=int(row[3]),
                    bytes=int(row[4]),
                )
            ctx.sleep(1.0)


class CheckpointStorm(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {
        # The "lean" template: the smallest WAL budget there is.
        "max_wal_size": "32MB",
        "min_wal_size": "32MB",
        "checkpoint_completion_target": "0.5",
        "log_checkpoints": "off",
        # cluster.BASE_SETTINGS turns page images off for speed; this incident is about them.
        "full_page_writes": "on",
    }
    warmup_s = 8.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE inventory (
                id bigint PRIMARY KEY, sku text NOT NULL, warehouse int NOT NULL,
                on_hand int NOT NULL, reserved int NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now(), bin text NOT NULL)
                WITH (fillfactor = 90);
            INSERT INTO inventory (id, sku, warehouse, on_hand, bin)
                SELECT g, 'SKU-' || lpad(g::text, 7, '0'), g % 12 + 1, 1000000,
                       'aisle ' || g % 40 || ', rack ' || g % 17 || ', shelf ' || g % 6
                FROM generate_series(1, {ROWS}) g;
            """,
        )
        admin.execute("VACUUM ANALYZE public.inventory")
        # Start the workload right after a checkpoint, as any moment of the storm is: the first
        # change to every page logs it whole again. (Otherwise the pages logged by the load and
        # the vacuum above could cover the workload's first ~16 MB, and the storm would start
        # only minutes later.)
        admin.execute("CHECKPOINT")
        for parameter in SYSTEM_PARAMETERS:
            admin.execute(
                sql.SQL("GRANT ALTER SYSTEM ON PARAMETER {} TO oncall").format(
                    sql.Identifier(parameter)
                )
            )

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [stock_updates, stock_updates, stock_reads, wal_sampler]

    # -- measuring -------------------------------------------------------------------------
    def _settings(self, lab: Lab) -> dict[str, str]:
        with lab.admin() as admin:  # a new session: it sees what the last reload applied
            return {str(n): str(v) for n, v in admin.execute(SETTINGS_SQL).fetchall()}

    def _rates(self, lab: Lab) -> dict[str, Any]:
        """Checkpoints and WAL over the last WINDOW_S seconds, from the sampler's events."""
        samples = [e for e in lab.events("wal_sample") if e["t"] >= time.time() - WINDOW_S]
        if len(samples) < 2:
            return {"window_s": 0.0}
        first, last = samples[0], samples[-1]
        span = max(0.001, last["t"] - first["t"])
        records = max(1, last["records"] - first["records"])
        return {
            "window_s": round(span, 1),
            "requested_checkpoints": last["requested"] - first["requested"],
            "timed_checkpoints": last["timed"] - first["timed"],
            "wal_mb_per_min": round((last["bytes"] - first["bytes"]) / span * 60 / 2**20, 1),
            "fpi_pct_of_records": round(100 * (last["fpi"] - first["fpi"]) / records, 1),
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        measured.update(self._rates(lab))
        settings = self._settings(lab)
        measured.update(
            max_wal_size_mb=int(settings["max_wal_size"]),
            full_page_writes=settings["full_page_writes"],
            checkpoint_timeout_s=int(settings["checkpoint_timeout"]),
        )
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return bool(
            measured.get("requested_checkpoints", 0) >= 1
            and measured.get("wal_mb_per_min", 0.0) >= STORM_WAL_MB_PER_MIN
        )

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        settings = self._settings(lab)
        size_mb = int(settings["max_wal_size"])
        measured = {
            "max_wal_size_mb": size_mb,
            "full_page_writes": settings["full_page_writes"],
            "checkpoint_completion_target": settings["checkpoint_completion_target"],
        }
        if settings["full_page_writes"] != "on":
            return Finding(
                "root_cause",
                False,
                "full_page_writes is off: the WAL shrank because a page torn by a crash can no "
                "longer be repaired, and checkpoints are as frequent as the WAL budget allows. "
                "Turn it back on and fix the budget",
                measured,
            )
        if size_mb < MIN_MAX_WAL_SIZE_MB:
            return Finding(
                "root_cause",
                False,
                f"checkpoints are still requested after every ~{size_mb // 2} MB of WAL, less "
                "than one round of full-page images of the pages the workload touches",
                measured,
            )
        return Finding(
            "root_cause",
            True,
            f"max_wal_size = {size_mb} MB: checkpoints are left to checkpoint_timeout, so each "
            "page is logged whole once per checkpoint instead of every few seconds",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        value = self._settings(lab)["log_checkpoints"]
        ok = value == "on"
        return Finding(
            "prevention",
            ok,
            "log_checkpoints = on: each checkpoint logs its cause (wal or time), what it wrote "
            "and how long it took"
            if ok
            else "log_checkpoints is off: the next storm leaves only the occasional "
            "'occurring too frequently' warning in the log; turn it on (and alert on "
            "pg_stat_checkpointer.num_requested growing faster than num_timed)",
            {"log_checkpoints": value},
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [
            "max_wal_size",
            "requested checkpoint",
            "checkpoints requested",
            "frequent checkpoint",
            "checkpoints too",
            "too many checkpoints",
        ]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        settings = self._settings(lab)
        traps = []
        if settings["full_page_writes"] != "on":
            traps.append(
                Finding(
                    "trap:full-page-writes-off",
                    False,
                    "full_page_writes = off trades WAL volume for data safety: a crash during "
                    "a page write leaves a torn page that WAL replay cannot repair (silent "
                    "corruption), unless the storage guarantees atomic 8 kB writes",
                    {"full_page_writes": settings["full_page_writes"]},
                )
            )
        timeout_s = int(settings["checkpoint_timeout"])
        if timeout_s < DEFAULT_CHECKPOINT_TIMEOUT_S:
            traps.append(
                Finding(
                    "trap:lower-checkpoint-timeout",
                    False,
                    f"checkpoint_timeout = {timeout_s} s: more checkpoints mean more rounds of "
                    "full-page images and more flushing, not smaller checkpoints",
                    {"checkpoint_timeout_s": timeout_s},
                )
            )
        return traps


SCENARIO = CheckpointStorm()
