"""A runaway finance report pins the xmin horizon; the app's job queue drowns in dead tuples.

The report is an honest heavy query (a correlated subquery over 200k orders, hours of work).
What hurts the application is not its CPU (one core of two) but its snapshot: while it runs,
no row version deleted after it started can be removed, so every job the queue workers finish
leaves a dead entry at the head of the queue's partial index, and every dequeue walks all of
them. Pickup latency grows with each second the report keeps running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import psycopg
from psycopg import sql

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import (
    app_session,
    as_owner,
    create_login_role,
    is_terminated,
    role_conninfo,
)
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within
from pgdojo.tracks.lab.symptoms import baseline_p95

REPORT_ROLE = "reporting"
REPORT_APP = "finance-report"
QUEUE_APP = "jobs-worker"
# The report starts a little after the workload, so the queue's healthy latency is on record.
REPORT_DELAY_S = 1.5
# The symptom: job pickup p95 this many times its pre-report baseline (and at least 1.5 ms).
SLOWDOWN = 3.0
# The start hands over once the report has been active this long (seen in pg_stat_activity).
MIN_REPORT_ACTIVE_S = 1.0
# Prevention: a statement_timeout for the reporting role no longer than this.
MAX_REPORT_TIMEOUT_MS = 30 * 60_000

REPORT_SQL = """\
/* finance: orders above their customer's average, per customer */
SELECT o.customer_id, count(*) AS big_orders, sum(o.total) AS big_total
FROM orders o
WHERE o.total > (SELECT avg(o2.total) FROM orders o2 WHERE o2.customer_id = o.customer_id)
GROUP BY o.customer_id
ORDER BY big_total DESC"""

DEQUEUE_SQL = """\
UPDATE jobs SET status = 'done', done_at = now()
WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id
            LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id"""


def report(ctx: WorkloadContext) -> None:
    """The finance report: one huge query, started once; never re-run once it is stopped."""
    if ctx.flags.get("report_done"):
        ctx.stop.wait()
        return
    if not ctx.sleep(REPORT_DELAY_S):
        return
    try:
        with psycopg.connect(
            role_conninfo(ctx.app_conninfo, REPORT_ROLE, ctx.state.facts["reporting_password"]),
            autocommit=True,
            application_name=REPORT_APP,
            connect_timeout=5,
        ) as conn:
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            ctx.event("report_started", pid=row[0] if row else None)
            conn.execute(REPORT_SQL.encode()).fetchall()
            ctx.flags["report_done"] = True
            ctx.event("report_ended", how="finished")
    except psycopg.errors.QueryCanceled as exc:
        # pg_cancel_backend and statement_timeout both raise 57014; the message tells which.
        ctx.flags["report_done"] = True
        ctx.event("report_ended", how="cancelled", message=str(exc)[:120])
    except psycopg.OperationalError as exc:
        # pg_terminate_backend: AdminShutdown when the client reads the server's FATAL
        # message, a plain "server closed the connection" when it does not.
        ctx.flags["report_done"] = True
        ctx.event("report_ended", how="terminated", message=str(exc)[:120])
    except psycopg.Error as exc:
        ctx.flags["report_done"] = True
        ctx.event("report_ended", how="error", message=str(exc)[:120])


def queue_worker(ctx: WorkloadContext) -> None:
    """Picks the oldest queued job; polls every 10 ms when the queue is empty."""
    with app_session(ctx, QUEUE_APP) as conn:
        while not ctx.stop.is_set():
            try:
                with ctx.op():
                    row = conn.execute(DEQUEUE_SQL).fetchone()
            except psycopg.errors.QueryCanceled:
                ctx.event("app_cancelled", worker=QUEUE_APP)
                continue
            except psycopg.Error as exc:
                if is_terminated(exc):
                    ctx.event("app_terminated", worker=QUEUE_APP)
                raise
            if row is None:
                ctx.sleep(0.01)


def producer(ctx: WorkloadContext) -> None:
    """Checkout enqueues receipt e-mails: about 2,500 jobs a second."""
    with app_session(ctx, "checkout-api") as conn:
        while ctx.sleep(0.02):
            conn.execute(
                "INSERT INTO jobs (kind, payload) SELECT 'receipt_email',"
                " repeat(md5(random()::text), 36) FROM generate_series(1, 50)"
            )


class LongRunningQuery(Scenario):
    doc = scenario_doc(__file__)
    # One report process is the incident; a parallel plan would make it three.
    settings: ClassVar[dict[str, str]] = {"max_parallel_workers_per_gather": "0"}
    # A deadline, not a wait: the queue slows down as fast as the machine finishes jobs (on a
    # fast one in about 3 s; CI on a slow, busy one saw 2.4 times the baseline at 8 s).
    warmup_s = 20.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            """
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL,
                total numeric(10, 2) NOT NULL, created_at timestamptz NOT NULL);
            INSERT INTO orders
                SELECT g, g % 4000, (g * 37 % 500) + 0.99, now() - g * interval '13 s'
                FROM generate_series(1, 200000) g;
            CREATE TABLE jobs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL, status text NOT NULL DEFAULT 'queued',
                payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
                done_at timestamptz);
            CREATE INDEX jobs_queued_idx ON jobs (id) WHERE status = 'queued';
            INSERT INTO jobs (kind, status, payload, done_at)
                SELECT 'receipt_email', 'done', repeat(md5(g::text), 36), now()
                FROM generate_series(1, 50000) g;
            INSERT INTO jobs (kind, payload)
                SELECT 'receipt_email', repeat(md5(g::text), 36) FROM generate_series(1, 1000) g;
        """,
        )
        for table in ("orders", "jobs"):
            admin.execute(sql.SQL("VACUUM ANALYZE {}").format(sql.Identifier("public", table)))
        create_login_role(lab, admin, REPORT_ROLE)

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [report, queue_worker, queue_worker, queue_worker, producer]

    # -- measuring -------------------------------------------------------------------------
    def _report_started(self, lab: Lab) -> dict[str, Any] | None:
        started = lab.events("report_started")
        return started[0] if started else None

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        started = self._report_started(lab)
        measured["baseline_p95_ms"] = baseline_p95(lab.root, started["t"] if started else None)
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT pid, extract(epoch FROM now() - query_start)::float8, age(backend_xmin)"
                " FROM pg_stat_activity WHERE usename = %s AND state = 'active'"
                " ORDER BY query_start LIMIT 1",
                (REPORT_ROLE,),
            ).fetchone()
            dead = admin.execute(
                "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'jobs'"
            ).fetchone()
        measured.update(
            report_pid=row[0] if row else None,
            report_active_s=round(row[1], 1) if row else 0.0,
            report_xmin_age=int(row[2]) if row and row[2] is not None else None,
            jobs_dead_tuples=int(dead[0]) if dead else None,
        )
        baseline = measured["baseline_p95_ms"] or 0.0
        p95 = measured["p95_ms"] or 0.0
        measured["latency_x_baseline"] = round(p95 / baseline, 1) if baseline else None
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        # Job pickup is several times slower than before the report started (and slow in
        # absolute terms, so a noisy millisecond on a busy laptop does not count).
        baseline = measured.get("baseline_p95_ms") or 0.0
        p95 = measured.get("p95_ms") or 0.0
        return p95 >= max(SLOWDOWN * baseline, 1.5)

    def developed(self, measured: dict[str, Any]) -> bool:
        # On a loaded machine pickups can be slow before the report has held its snapshot
        # for long: hand over once it has, so the candidate sees the report in
        # pg_stat_activity with a visible age.
        active = measured.get("report_active_s") or 0.0
        return self.symptom_present(measured) and active >= MIN_REPORT_ACTIVE_S

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT pid, extract(epoch FROM now() - query_start)::float8"
                " FROM pg_stat_activity WHERE usename = %s AND state = 'active'",
                (REPORT_ROLE,),
            ).fetchone()
        if row is None:
            return Finding(
                "root_cause",
                True,
                "the runaway report is no longer running: the xmin "
                "horizon moves again and the queue's dead tuples can be cleaned up",
            )
        return Finding(
            "root_cause",
            False,
            f"the finance report (pid {row[0]}, role {REPORT_ROLE}) has been running for "
            f"{row[1]:.0f} s and still holds back the xmin horizon",
            {"report_pid": row[0], "report_active_s": round(row[1], 1)},
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                REPORT_ROLE,
                ["statement_timeout"],
                timeout_within(MAX_REPORT_TIMEOUT_MS),
                ok="statement_timeout = {value} for " + REPORT_ROLE + "'s new sessions",
                missing=f"no statement_timeout (≤ 30 min) for the {REPORT_ROLE} role: the next "
                "runaway report will run for hours again",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        started = self._report_started(lab)
        pid = [str(started["pid"])] if started and started.get("pid") else []
        return [*pid, REPORT_APP, "finance report", REPORT_ROLE]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        traps = []
        ended = lab.events("report_ended")
        if ended and ended[0].get("how") == "terminated":
            traps.append(
                Finding(
                    "trap:terminate-before-cancel",
                    False,
                    "the report was terminated without trying pg_cancel_backend first: "
                    "cancelling stops the query and keeps the session, terminating kills the "
                    "backend process; reach for the bigger hammer only when cancel fails",
                )
            )
        victims = len(lab.events("app_terminated"))
        if victims:
            traps.append(
                Finding(
                    "trap:terminate-app-sessions",
                    False,
                    f"{victims} queue worker session(s) were terminated: they were the "
                    "victims, not the cause",
                )
            )
        return traps


SCENARIO = LongRunningQuery()
