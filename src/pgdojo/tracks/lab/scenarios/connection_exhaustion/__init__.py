"""A report worker leaks connections until the server refuses new ones.

Each report job of the new `report-worker` opens a connection, runs its query and never
closes it (the handle is dropped, the socket stays open). The idle sessions hold their slots
forever. With a backlog of jobs at deploy time the worker filled every ordinary slot at once;
since then it leaks one more every few seconds. The checkout service opens a connection per
request, so every checkout now fails with "too many clients" while the sessions that already
had a connection go on working.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, ClassVar

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
from pgdojo.tracks.lab.settings import duration_ms, role_setting

LEAKER_ROLE = "report_worker"
LEAKER_APP = "report-worker"
# After the first burst the leak is slow: one more connection per this many seconds.
LEAK_INTERVAL_S = 6.0
# Root cause held in check: at most this many idle report-worker sessions.
MAX_LEAKED = 12
# Prevention: a per-role connection cap or an idle timeout that keeps the leak under
# MAX_LEAKED at LEAK_INTERVAL_S (60 s / 6 s = 10 sessions at most).
MAX_CONNECTION_LIMIT = MAX_LEAKED
MAX_IDLE_TIMEOUT_MS = 60_000

SLOTS_SQL = """\
SELECT current_setting('max_connections')::int
         - current_setting('superuser_reserved_connections')::int
         - current_setting('reserved_connections')::int,
       count(*) FILTER (WHERE backend_type = 'client backend'),
       count(*) FILTER (WHERE usename = %(role)s AND state = 'idle'),
       count(*) FILTER (WHERE usename = 'app'),
       extract(epoch FROM max(now() - state_change)
               FILTER (WHERE usename = %(role)s AND state = 'idle'))::float8
FROM pg_stat_activity"""


def _refused(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "too many" in text or "remaining connection slots" in text


def report_worker(ctx: WorkloadContext) -> None:
    """The leak: a connection per report job, never closed. A backlog of jobs at first (as
    fast as the server accepts them), then one job every LEAK_INTERVAL_S."""
    leaked: list[psycopg.Connection[Any]] = ctx.flags.setdefault("leaked", [])
    conninfo = role_conninfo(
        ctx.app_conninfo, LEAKER_ROLE, ctx.state.facts["report_worker_password"]
    )
    while not ctx.stop.is_set():
        try:
            conn = psycopg.connect(
                conninfo, autocommit=True, application_name=LEAKER_APP, connect_timeout=5
            )
            conn.execute("SELECT status, count(*) FROM orders GROUP BY status").fetchall()
            leaked.append(conn)  # the job "forgets" it: the session idles until it is ended
        except psycopg.OperationalError as exc:
            if not _refused(exc):
                raise
            if not ctx.flags.get("backlog_done"):
                ctx.flags["backlog_done"] = True
                ctx.event("report_worker_refused", leaked=len(leaked), error=str(exc)[:160])
            ctx.sleep(1.0)
            continue
        ctx.sleep(0.02 if not ctx.flags.get("backlog_done") else LEAK_INTERVAL_S)


def checkout(ctx: WorkloadContext) -> None:
    """Checkout: one connection per request (no pooler), as its serverless handlers do."""
    while not ctx.stop.is_set():
        try:
            with (
                ctx.op(),
                psycopg.connect(
                    ctx.app_conninfo,
                    autocommit=True,
                    application_name="checkout-api",
                    connect_timeout=3,
                ) as conn,
            ):
                conn.execute(
                    "UPDATE orders SET status = 'paid', updated_at = now() WHERE id = %s",
                    (random.randint(1, 5000),),
                )
        except psycopg.Error as exc:
            if is_terminated(exc):
                ctx.event("victim_terminated", app="checkout-api")
            elif not _refused(exc):
                raise
        ctx.sleep(0.1)


def catalog(ctx: WorkloadContext) -> None:
    """The catalog service: a long-lived connection, fine until it has to reconnect."""
    with app_session(ctx, "catalog-api") as conn:
        while not ctx.stop.is_set():
            try:
                with ctx.op():
                    conn.execute(
                        "SELECT status, total FROM orders WHERE id = %s",
                        (random.randint(1, 5000),),
                    ).fetchone()
            except psycopg.Error as exc:
                if is_terminated(exc):
                    ctx.event("victim_terminated", app="catalog-api")
                raise
            ctx.sleep(0.05)


class ConnectionExhaustion(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {
        "max_connections": "30",
        "superuser_reserved_connections": "3",
        # Three more slots for members of pg_use_reserved_connections (PostgreSQL 16+):
        # the on-call can still log in when the ordinary slots are gone.
        "reserved_connections": "3",
    }
    warmup_s = 8.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            """
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO orders (id, customer_id, status, total)
                SELECT g, g % 700, 'paid', (g % 250) + 0.99 FROM generate_series(1, 5000) g;
            ANALYZE orders;
        """,
        )
        # ALTER ROLE report_worker SET ... / CONNECTION LIMIT need ADMIN OPTION on the role
        # (granted here; CONNECTION LIMIT also needs CREATEROLE, which oncall has).
        create_login_role(lab, admin, LEAKER_ROLE)
        admin.execute("GRANT pg_use_reserved_connections TO oncall")
        # So that the tempting "fix" is possible (and caught): it needs a restart anyway.
        admin.execute("GRANT ALTER SYSTEM ON PARAMETER max_connections TO oncall")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [report_worker, checkout, checkout, catalog]

    def _slots(self, lab: Lab) -> dict[str, Any]:
        with lab.admin() as admin:
            row = admin.execute(SLOTS_SQL, {"role": LEAKER_ROLE}).fetchone()
        assert row is not None
        ordinary, used, leaked, app, oldest = row
        return {
            "ordinary_slots": int(ordinary),
            "client_backends": int(used),
            "leaked_idle_sessions": int(leaked),
            "app_sessions": int(app),
            "oldest_leaked_idle_s": round(oldest, 1) if oldest is not None else 0.0,
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        measured.update(self._slots(lab))
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        refused = measured["errors_per_s"] > 0.5
        full = measured["leaked_idle_sessions"] >= measured["ordinary_slots"] - 3
        return bool(refused or full)

    def root_cause(self, lab: Lab) -> Finding:
        slots = self._slots(lab)
        ok = slots["leaked_idle_sessions"] <= MAX_LEAKED
        return Finding(
            "root_cause",
            ok,
            f"{slots['leaked_idle_sessions']} idle {LEAKER_APP} sessions: the leak no longer "
            "holds the server's connection slots"
            if ok
            else "idle sessions of one client still hold most of the ordinary connection "
            "slots (finding which client is your job)",
            slots,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT rolconnlimit FROM pg_roles WHERE rolname = %s", (LEAKER_ROLE,)
            ).fetchone()
            timeout = role_setting(admin, LEAKER_ROLE, "idle_session_timeout")
        limit = int(row[0]) if row else -1
        timeout_ms = duration_ms(timeout)
        measured = {"connection_limit": limit, "idle_session_timeout": timeout}
        if 1 <= limit <= MAX_CONNECTION_LIMIT:
            return Finding(
                "prevention",
                True,
                f"{LEAKER_ROLE} may hold at most {limit} connections: a leak there can no "
                "longer starve the others",
                measured,
            )
        if 0 < timeout_ms <= MAX_IDLE_TIMEOUT_MS:
            return Finding(
                "prevention",
                True,
                f"idle_session_timeout = {timeout} for {LEAKER_ROLE}: the server closes "
                "leaked sessions before they add up",
                measured,
            )
        why = (
            f"idle_session_timeout = {timeout} lets the leak (one more session every "
            f"{LEAK_INTERVAL_S:.0f} s) grow past {MAX_LEAKED} sessions"
            if timeout_ms
            else f"nothing caps {LEAKER_ROLE}"
        )
        return Finding(
            "prevention",
            False,
            f"{why}: the worker keeps leaking and will fill the server again. Cap it (ALTER "
            "ROLE ... CONNECTION LIMIT) or time out its idle sessions (idle_session_timeout)",
            measured,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [LEAKER_APP, LEAKER_ROLE]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        killed = lab.events("victim_terminated")
        if not killed:
            return []
        apps = sorted({str(e.get("app")) for e in killed})
        return [
            Finding(
                "trap:terminate-app",
                False,
                f"{len(killed)} application session(s) ({', '.join(apps)}) were terminated: "
                "they were working, not leaking; the slots they freed went to the leak, and "
                "the long-lived ones could not reconnect",
            )
        ]


SCENARIO = ConnectionExhaustion()
