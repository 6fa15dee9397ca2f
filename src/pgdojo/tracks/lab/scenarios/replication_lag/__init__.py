"""A BI export on the standby holds a snapshot; WAL replay waits for it forever.

The export streams `orders` through a cursor inside a REPEATABLE READ transaction on the
standby. The primary keeps updating orders, and its on-access pruning (and vacuum) removes
row versions that the export's snapshot may still need. Replaying such a cleanup record is a
recovery conflict; with `max_standby_streaming_delay = -1` the startup process waits for the
export instead of cancelling it. WAL keeps arriving (sent, written and flushed advance) but
nothing is replayed: the replica serves older and older data.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg

from pgdojo.tracks.lab.cluster import REPLICATOR
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

REPORT_ROLE = "reporting"
CULPRIT = "bi-export"
ORDERS = 5000
# The symptom: replay this far behind what the primary has written.
LAG_BYTES = 128 * 1024
# Fixed: replay within this of the primary (a busy primary is never at exactly zero).
CAUGHT_UP_BYTES = 64 * 1024
# Root cause gone: no standby transaction older than this holds a snapshot.
OLD_XACT_S = 30
# Prevention: a standby that cancels a conflicting query within this time.
MAX_DELAY_MS = 5 * 60_000
MAX_TRANSACTION_TIMEOUT_MS = 60 * 60_000


def _standby_conninfo(ctx: WorkloadContext, role: str, password: str) -> str:
    """A TCP connection to the standby as an ordinary role (not the superuser socket)."""
    return role_conninfo(ctx.app_conninfo, role, password, port=ctx.standby_port())


def bi_export(ctx: WorkloadContext) -> None:
    """The nightly BI export: one REPEATABLE READ transaction on the standby, streaming orders
    through a cursor to a slow sink. Never re-run once it is ended (it is rescheduled for
    tomorrow)."""
    if ctx.flags.get("export_done"):
        ctx.stop.wait()
        return
    conninfo = _standby_conninfo(ctx, REPORT_ROLE, ctx.state.facts["reporting_password"])
    try:
        with psycopg.connect(
            conninfo, autocommit=True, application_name=CULPRIT, connect_timeout=5
        ) as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            ctx.event("export_started", pid=row[0] if row else None)
            while not ctx.stop.is_set():
                conn.execute(
                    "DECLARE export_orders NO SCROLL CURSOR FOR"
                    " SELECT id, customer_id, status, total, updated_at FROM orders ORDER BY id"
                )
                while ctx.sleep(1.0):
                    if not conn.execute("FETCH 25 FROM export_orders").fetchall():
                        break  # one pass done; the sink wants another (same snapshot)
                conn.execute("CLOSE export_orders")
    except psycopg.Error as exc:
        ctx.flags["export_done"] = True
        ctx.event("export_ended", terminated=is_terminated(exc), error=str(exc)[:160])


def order_writer(ctx: WorkloadContext) -> None:
    """Checkout on the primary: new orders, status changes on recent ones."""
    with app_session(ctx, "checkout-api") as conn:
        while not ctx.stop.is_set():
            with ctx.op():
                if random.random() < 0.3:
                    conn.execute(
                        "INSERT INTO orders (customer_id, status, total) VALUES (%s, 'new', %s)",
                        (random.randint(1, 700), random.randint(5, 400)),
                    )
                else:
                    conn.execute(
                        "UPDATE orders SET status = %s, updated_at = now() WHERE id = %s",
                        (random.choice(("paid", "packed", "shipped")), random.randint(1, ORDERS)),
                    )
            ctx.sleep(0.004)


def history_reader(ctx: WorkloadContext) -> None:
    """The order-history page, served from the replica (fast, but stale while replay waits)."""
    conninfo = _standby_conninfo(ctx, "app", ctx.state.app_password)
    with app_session(ctx, "order-history", conninfo) as conn:
        while ctx.sleep(0.05):
            with ctx.op():
                conn.execute(
                    "SELECT id, status, total FROM orders WHERE customer_id = %s"
                    " ORDER BY id DESC LIMIT 20",
                    (random.randint(1, 700),),
                ).fetchall()


class ReplicationLag(Scenario):
    doc = scenario_doc(__file__)
    needs_standby = True
    standby_settings: ClassVar[dict[str, str]] = {
        # "Never cancel a report": replay waits as long as a conflicting query runs.
        "max_standby_streaming_delay": "-1",
        "hot_standby_feedback": "off",
    }
    warmup_s = 8.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO orders (id, customer_id, status, total)
                SELECT g, g % 700 + 1, 'paid', (g % 250) + 0.99
                FROM generate_series(1, {ORDERS}) g;
            SELECT setval(pg_get_serial_sequence('orders', 'id'), {ORDERS});
            CREATE INDEX orders_customer_idx ON orders (customer_id, id);
        """,
        )
        admin.execute("VACUUM ANALYZE public.orders")
        create_login_role(lab, admin, REPORT_ROLE)
        lsn = admin.execute("SELECT pg_current_wal_lsn()").fetchone()
        assert lsn is not None
        # The roles and the table must be on the standby before its sessions connect.
        with lab.admin(standby=True) as standby:
            deadline = time.monotonic() + 10
            while True:
                row = standby.execute(
                    "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn[0],)
                ).fetchone()
                if row and row[0]:
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError("the standby did not replay the lab's setup")
                time.sleep(0.05)
        sender = admin.execute(
            "SELECT pid FROM pg_stat_replication WHERE usename = %s", (REPLICATOR,)
        ).fetchone()
        lab.state.facts["walsender_pid"] = sender[0] if sender else None

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [bi_export, order_writer, order_writer, history_reader, history_reader]

    # -- measuring ---------------------------------------------------------------------------
    def _primary_view(self, lab: Lab) -> dict[str, Any]:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT pid, state,"
                " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,"
                " pg_wal_lsn_diff(sent_lsn, replay_lsn)::bigint,"
                " extract(epoch FROM replay_lag)::float8"
                " FROM pg_stat_replication WHERE usename = %s",
                (REPLICATOR,),
            ).fetchone()
        if row is None:
            return {"walsender_pid": None, "streaming": False, "replay_lag_bytes": None}
        return {
            "walsender_pid": row[0],
            "streaming": row[1] == "streaming",
            "replay_lag_bytes": int(row[2]) if row[2] is not None else None,
            "received_not_replayed_bytes": int(row[3]) if row[3] is not None else None,
            "replay_lag_s": round(row[4], 1) if row[4] is not None else 0.0,
        }

    def _standby_view(self, lab: Lab) -> dict[str, Any]:
        with lab.admin(standby=True) as standby:
            row = standby.execute(
                "SELECT"
                " (SELECT wait_event FROM pg_stat_activity WHERE backend_type = 'startup'),"
                " extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8,"
                " (SELECT extract(epoch FROM max(now() - xact_start))::float8"
                "    FROM pg_stat_activity WHERE backend_type = 'client backend'"
                "    AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL),"
                " (SELECT count(*) FROM pg_stat_activity WHERE application_name = %s)",
                (CULPRIT,),
            ).fetchone()
        assert row is not None
        return {
            "startup_wait_event": row[0],
            "replica_data_age_s": round(row[1], 1) if row[1] is not None else None,
            "oldest_standby_xact_s": round(row[2], 1) if row[2] is not None else 0.0,
            "export_sessions": int(row[3]),
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        measured.update(self._primary_view(lab))
        measured.update(self._standby_view(lab))
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        lag = measured.get("replay_lag_bytes")
        return lag is None or lag > LAG_BYTES

    def _export_pids(self, lab: Lab) -> list[int]:
        return [e["pid"] for e in lab.events("export_started") if e.get("pid")]

    def root_cause(self, lab: Lab) -> Finding:
        view = self._standby_view(lab)
        lag = self._primary_view(lab)["replay_lag_bytes"]
        conflict = str(view["startup_wait_event"] or "").startswith("RecoveryConflict")
        old = view["oldest_standby_xact_s"] > OLD_XACT_S
        ok = not conflict and not old and lag is not None and lag <= CAUGHT_UP_BYTES
        if ok:
            detail = "replay is no longer waiting on a standby snapshot and has caught up"
        elif conflict or old:
            # Never name the culprit session: finding it is the candidate's job.
            detail = "WAL replay on the standby is still held back by something on the standby"
        else:
            detail = f"replay is still {lag} bytes behind the primary"
        return Finding("root_cause", ok, detail, {**view, "replay_lag_bytes": lag})

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin(standby=True) as standby:
            delay = standby.execute("SHOW max_standby_streaming_delay").fetchone()
            feedback = standby.execute("SHOW hot_standby_feedback").fetchone()
            timeout = role_setting(standby, REPORT_ROLE, "transaction_timeout")
        delay_text = str(delay[0]) if delay else "-1"
        delay_ms = -1.0 if delay_text.strip() == "-1" else duration_ms(delay_text)
        measured = {
            "max_standby_streaming_delay": delay_text,
            "hot_standby_feedback": feedback[0] if feedback else None,
            "reporting_transaction_timeout": timeout,
        }
        if 0 <= delay_ms <= MAX_DELAY_MS:
            return Finding(
                "prevention",
                True,
                f"max_standby_streaming_delay = {delay_text}: replay cancels a conflicting "
                "query instead of waiting for it",
                measured,
            )
        if 0 < duration_ms(timeout) <= MAX_TRANSACTION_TIMEOUT_MS:
            return Finding(
                "prevention",
                True,
                f"transaction_timeout = {timeout} for {REPORT_ROLE}: an export cannot hold a "
                "snapshot for longer than that",
                measured,
            )
        if measured["hot_standby_feedback"] == "on":
            return Finding(
                "prevention",
                True,
                "hot_standby_feedback = on: the primary keeps what standby snapshots need "
                "(no conflicts, at the price of bloat on the primary while exports run)",
                measured,
            )
        return Finding(
            "prevention",
            False,
            f"max_standby_streaming_delay is {delay_text} on the standby and nothing bounds a "
            f"{REPORT_ROLE} transaction there: the next long export stops replay again",
            measured,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [str(pid) for pid in self._export_pids(lab)] + [CULPRIT, "recovery conflict"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        traps = []
        before = lab.state.facts.get("walsender_pid")
        now = self._primary_view(lab)["walsender_pid"]
        if before and now != before:
            traps.append(
                Finding(
                    "trap:restart-replication",
                    False,
                    f"the walsender (pid {before}) was ended: streaming was never the problem "
                    "(sent and flushed WAL were current); the standby reconnects after "
                    "wal_retrieve_retry_interval and replay is as stuck as before",
                    {"walsender_pid_before": before, "walsender_pid_now": now},
                )
            )
        readers = [e for e in lab.events("worker_error") if e.get("worker") == "history_reader"]
        if any("terminat" in str(e.get("error", "")).lower() for e in readers):
            traps.append(
                Finding(
                    "trap:terminate-readers",
                    False,
                    "order-history sessions on the standby were terminated: they read stale "
                    "data because replay waits, they do not make it wait",
                )
            )
        return traps


SCENARIO = ReplicationLag()
