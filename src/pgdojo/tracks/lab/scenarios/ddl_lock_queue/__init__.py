"""A migration's ALTER TABLE waits behind a long export, and every query on orders queues behind it.

`ALTER TABLE orders ADD COLUMN ...` is instant once it has its ACCESS EXCLUSIVE lock, but a
month-end export has been reading orders for a while (ACCESS SHARE, held to the end of its
statement). The ALTER waits with no lock_timeout, and PostgreSQL's lock queue is fair: a new
ACCESS SHARE request conflicts with the ACCESS EXCLUSIVE one waiting ahead of it, so every read
and write of orders queues behind the ALTER. The export is not blocking anybody; the waiting
DDL is. Cancel it (a lock wait is interruptible: pg_cancel_backend is enough), and give the
migration role a lock_timeout so the next one gives up in seconds instead of stalling the site.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import (
    app_session,
    as_owner,
    create_login_role,
    is_terminated,
    role_conninfo,
)
from pgdojo.tracks.lab.settings import duration_ms

ORDERS = 50_000
EXPORT_ROLE = "reporting"
EXPORT_APP = "ledger-export"
MIGRATION_ROLE = "migrator"
MIGRATION_APP = "deploy-migrations"
MIGRATION_SQL = "ALTER TABLE orders ADD COLUMN gift_message text"
# Throttled to 0.1 s a row: the export of 50k orders takes over an hour, longer than any lab.
EXPORT_SQL = """\
/* ledger-export: month-end ledger, throttled to be gentle on the primary */
SELECT o.id, o.customer_id, o.total, o.created_at, pg_sleep(0.1) AS throttle
FROM orders o
ORDER BY o.id"""
# Prevention: the migration role gives up a lock wait within this.
MAX_LOCK_TIMEOUT_MS = 10_000

WAITERS_SQL = """\
SELECT count(*) FILTER (WHERE l.mode = 'AccessExclusiveLock'),
       count(*) FILTER (WHERE l.mode <> 'AccessExclusiveLock'),
       coalesce(max(extract(epoch FROM now() - a.query_start)) FILTER (
           WHERE l.mode = 'AccessExclusiveLock'), 0)
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'public.orders'::regclass AND NOT l.granted"""


def ledger_export(ctx: WorkloadContext) -> None:
    """Finance's month-end export: one long statement reading orders. Once ended, it is
    rescheduled for tonight (not re-run in the lab)."""
    if ctx.flags.get("export_done"):
        ctx.stop.wait()
        return
    conninfo = role_conninfo(ctx.app_conninfo, EXPORT_ROLE, ctx.state.facts["reporting_password"])
    try:
        with app_session(ctx, EXPORT_APP, conninfo) as conn:
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            ctx.flags["export_pid"] = row[0] if row else None
            ctx.event("export_started", pid=ctx.flags["export_pid"])
            conn.execute(EXPORT_SQL.encode()).fetchall()
            ctx.event("export_finished")
    except psycopg.Error as exc:
        ctx.event("export_ended", terminated=is_terminated(exc), error=str(exc)[:160])
    ctx.flags["export_done"] = True


def migration(ctx: WorkloadContext) -> None:
    """The deploy pipeline's migration step, started while the export runs. One attempt: when
    it fails the release is marked failed and the pipeline pages its owner."""
    if ctx.flags.get("migration_done"):
        ctx.stop.wait()
        return
    while not ctx.flags.get("export_pid") and not ctx.flags.get("export_done"):
        if not ctx.sleep(0.1):
            return
    ctx.sleep(0.5)
    conninfo = role_conninfo(ctx.app_conninfo, MIGRATION_ROLE, ctx.state.facts["migrator_password"])
    try:
        with app_session(ctx, MIGRATION_APP, conninfo) as conn:
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            ctx.event("migration_started", pid=row[0] if row else None)
            conn.execute(MIGRATION_SQL)
            ctx.event("migration_applied")
    except psycopg.errors.QueryCanceled as exc:
        ctx.event("migration_failed", reason="cancelled", error=str(exc)[:160])
    except psycopg.errors.LockNotAvailable as exc:
        ctx.event("migration_failed", reason="lock_timeout", error=str(exc)[:160])
    except psycopg.Error as exc:
        ctx.event("migration_failed", reason="terminated" if is_terminated(exc) else "error")
    ctx.flags["migration_done"] = True


def _guarded(ctx: WorkloadContext, conn: psycopg.Connection[Any], query: str, args: Any) -> None:
    try:
        with ctx.op():
            conn.execute(query, args)
    except psycopg.Error as exc:
        if is_terminated(exc):
            ctx.event("victim_terminated")
        raise


def storefront(ctx: WorkloadContext) -> None:
    """Order pages: primary-key reads of orders."""
    with app_session(ctx, "orders-api") as conn:
        while ctx.sleep(0.05):
            _guarded(
                ctx,
                conn,
                "SELECT status, total FROM orders WHERE id = %s",
                (random.randint(1, ORDERS),),
            )


def checkout(ctx: WorkloadContext) -> None:
    """Checkout: status updates of orders."""
    with app_session(ctx, "checkout-api") as conn:
        while ctx.sleep(0.05):
            _guarded(
                ctx,
                conn,
                "UPDATE orders SET status = 'paid', updated_at = now() WHERE id = %s",
                (random.randint(1, ORDERS),),
            )


class DdlLockQueue(Scenario):
    doc = scenario_doc(__file__)
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO orders (id, customer_id, status, total, created_at)
                SELECT g, g % 3000 + 1, 'delivered', (g % 300) + 0.99,
                       now() - ({ORDERS} - g) * interval '1 min'
                FROM generate_series(1, {ORDERS}) g;
            """,
        )
        admin.execute("VACUUM ANALYZE public.orders")
        create_login_role(lab, admin, EXPORT_ROLE)
        create_login_role(lab, admin, MIGRATION_ROLE)
        # Migrations run as the tables' owner, as the deploy pipeline's role does.
        admin.execute(f"GRANT app_owner TO {MIGRATION_ROLE}")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [ledger_export, migration, storefront, storefront, storefront, checkout, checkout]

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        with lab.admin() as admin:
            row = admin.execute(WAITERS_SQL).fetchone()
        assert row is not None
        measured.update(
            ddl_waiting=int(row[0]),
            queued_behind_ddl=int(row[1]),
            ddl_wait_s=round(float(row[2]), 1),
        )
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return bool(measured["queued_behind_ddl"] >= 2 or measured["oldest_inflight_ms"] > 2000)

    def _pids(self, lab: Lab, event: str) -> list[int]:
        return [e["pid"] for e in lab.events(event) if e.get("pid")]

    def root_cause(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            row = admin.execute(WAITERS_SQL).fetchone()
        waiting = int(row[0]) if row else 0
        outcome = [
            e.get("reason", "applied")
            for e in lab.events()
            if e["event"] in ("migration_failed", "migration_applied")
        ]
        measured = {"ddl_waiting": waiting, "migration": outcome[-1] if outcome else "waiting"}
        if waiting:
            return Finding(
                "root_cause",
                False,
                "a DDL statement still waits for an ACCESS EXCLUSIVE lock on orders, and every "
                "new query on the table queues behind it",
                measured,
            )
        if measured["migration"] == "applied":
            detail = (
                "nothing waits in the lock queue of orders: the migration got its lock once "
                "the long reader was gone"
            )
        else:
            detail = "nothing waits in the lock queue of orders: the stalled migration was ended"
        return Finding("root_cause", True, detail, measured)

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            rows = admin.execute(
                "SELECT split_part(cfg, '=', 2) FROM (SELECT unnest(setconfig) AS cfg"
                " FROM pg_db_role_setting WHERE setrole = %s::regrole) s"
                " WHERE split_part(cfg, '=', 1) = 'lock_timeout'",
                (MIGRATION_ROLE,),
            ).fetchall()
        values = [str(r[0]) for r in rows]
        good = [v for v in values if 0 < duration_ms(v) <= MAX_LOCK_TIMEOUT_MS]
        measured = {f"lock_timeout ({MIGRATION_ROLE})": values[0] if values else None}
        if good:
            return Finding(
                "prevention",
                True,
                f"the migration role gives up a lock wait after {good[0]}: the next blocked "
                "DDL fails and retries instead of queueing the site behind it",
                measured,
            )
        return Finding(
            "prevention",
            False,
            f"the {MIGRATION_ROLE} role has no lock_timeout (≤ {MAX_LOCK_TIMEOUT_MS // 1000} s): "
            "the next migration that meets a long transaction will queue every query again",
            measured,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        pids = [str(pid) for pid in self._pids(lab, "migration_started")]
        return [
            *pids,
            MIGRATION_APP,
            "alter table",
            "migration",
            "access exclusive",
            "accessexclusive",
            "lock queue",
            "gift_message",
        ]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        traps: list[Finding] = []
        killed = len(lab.events("victim_terminated"))
        if killed:
            traps.append(
                Finding(
                    "trap:terminate-victims",
                    False,
                    f"{killed} application session(s) queued behind the ALTER were terminated: "
                    "they were waiting, not blocking; their requests failed and the new ones "
                    "queued again",
                )
            )
        if any(e.get("reason") == "terminated" for e in lab.events("migration_failed")):
            traps.append(
                Finding(
                    "trap:terminate-before-cancel",
                    False,
                    "the migration's session was terminated where pg_cancel_backend would have "
                    "ended its lock wait: a cancel lets the migration tool roll back and report "
                    "cleanly; a dropped connection can leave its own bookkeeping (its "
                    "migration lock row, a half-recorded release) behind",
                )
            )
        return traps


SCENARIO = DdlLockQueue()
