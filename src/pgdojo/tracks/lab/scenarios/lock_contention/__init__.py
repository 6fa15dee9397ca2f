"""An idle-in-transaction session holds a row lock; checkout writers pile up behind it."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner, is_terminated
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within

HOT_ORDER = 42
CULPRIT = "billing-batch"


def culprit(ctx: WorkloadContext) -> None:
    """Takes a row lock and goes idle in transaction, once; never comes back if killed."""
    if ctx.flags.get("culprit_done"):
        ctx.stop.wait()
        return
    try:
        with app_session(ctx, CULPRIT) as conn:
            conn.execute("BEGIN")
            conn.execute("UPDATE orders SET status = 'billing-fix' WHERE id = %s", (HOT_ORDER,))
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            ctx.event("culprit_started", pid=row[0] if row else None)
            while ctx.sleep(0.5):
                pass  # idle in transaction: the lock stays held
    except psycopg.Error as exc:
        ctx.flags["culprit_done"] = True
        ctx.event("culprit_ended", terminated=is_terminated(exc))


def writer(ctx: WorkloadContext) -> None:
    """Checkout: updates orders, often the hot one."""
    with app_session(ctx, "checkout-writer") as conn:
        while not ctx.stop.is_set():
            order = HOT_ORDER if random.random() < 0.5 else random.randint(1, 5000)
            try:
                with ctx.op():
                    conn.execute("UPDATE orders SET updated_at = now() WHERE id = %s", (order,))
            except psycopg.Error as exc:
                if is_terminated(exc):
                    ctx.event("victim_terminated")
                raise
            ctx.sleep(0.05)


def reader(ctx: WorkloadContext) -> None:
    """Product and order pages: plain reads, never blocked by row locks."""
    with app_session(ctx, "checkout-reader") as conn:
        while ctx.sleep(0.05):
            conn.execute("SELECT status FROM orders WHERE id = %s", (random.randint(1, 5000),))


class LockContention(Scenario):
    doc = scenario_doc(__file__)
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            """
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO orders (id, customer_id, status, total)
                SELECT g, g % 700, 'paid', (g % 250) + 0.99 FROM generate_series(1, 5000) g;
        """,
        )

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [culprit, writer, writer, writer, writer, reader, reader]

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT count(*) FILTER (WHERE cardinality(pg_blocking_pids(pid)) > 0),"
                " count(*) FILTER (WHERE application_name = %s"
                "                  AND state = 'idle in transaction')"
                " FROM pg_stat_activity WHERE datname = 'shop'",
                (CULPRIT,),
            ).fetchone()
        assert row is not None
        measured.update(blocked_sessions=int(row[0]), idle_in_transaction_blockers=int(row[1]))
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return bool(measured["blocked_sessions"] >= 2 or measured["oldest_inflight_ms"] > 2000)

    def _culprit_pids(self, lab: Lab) -> list[int]:
        return [e["pid"] for e in lab.events("culprit_started") if e.get("pid")]

    def root_cause(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (CULPRIT,)
            ).fetchone()
        alive = bool(row and row[0])
        # Never name the culprit here: finding it is the candidate's job (and the Detect score).
        return Finding(
            "root_cause",
            not alive,
            "the session holding the lock the writers wait for is gone"
            if not alive
            else "the root blocker still holds its lock; the waiting sessions are victims, "
            "not the cause",
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                "app",
                ["idle_in_transaction_session_timeout"],
                timeout_within(15 * 60_000),
                ok="{name} = {value} for the app",
                missing="no idle_in_transaction_session_timeout (≤ 15 min) for the app's "
                "sessions: the next abandoned transaction will do this again",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [str(pid) for pid in self._culprit_pids(lab)] + [CULPRIT]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        killed = len(lab.events("victim_terminated"))
        if not killed:
            return []
        return [
            Finding(
                "trap:terminate-victims",
                False,
                f"{killed} waiting session(s) were terminated: they were victims, not the "
                "cause; they reconnect and wait again, and their work was lost",
            )
        ]


SCENARIO = LockContention()
