"""A reconciliation job's abandoned transaction holds the xmin horizon: freezing cannot advance.

The `ledger` role's reconciliation job opened a REPEATABLE READ transaction, wrote a row (so it
has an xid) and hung, idle in transaction. Meanwhile the event ingester commits one transaction
per event and drains a backlog, burning through transaction ids. Once a table's relfrozenxid
is older than autovacuum_freeze_max_age, autovacuum runs an anti-wraparound vacuum on it, but
vacuum can only freeze tuples older than the oldest xid any session may still see: the hung
transaction's. So every anti-wraparound vacuum ends with relfrozenxid stuck at that xid,
age(datfrozenxid) keeps climbing with every transaction, and autovacuum starts over, forever.
At production scale (autovacuum_freeze_max_age 200 million) this ends with "database is not
accepting commands that assign new transaction IDs" about 2.1 billion xids after the holder's.

The lab uses autovacuum_freeze_max_age's minimum, 100,000, so that a backlog of a few hundred
thousand events plays the part of weeks of traffic.
"""

from __future__ import annotations

import random
import time
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
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within

FREEZE_MAX_AGE = 100_000  # autovacuum_freeze_max_age's minimum
CULPRIT_ROLE = "ledger"
CULPRIT = "ledger-reconcile"
# The ingester's backlog: enough transactions to push the database past the freeze limit.
BACKLOG_EVENTS = 160_000
BACKLOG_BATCH = 10_000
# The symptom: the database's oldest unfrozen xid is this old (autovacuum should have frozen
# it at FREEZE_MAX_AGE and could not).
SYMPTOM_AGE = 120_000
# Root cause gone: nothing (a session, a prepared transaction, a slot) holds the horizon back
# by more than this.
HORIZON_AGE = 50_000
# Prevention: an abandoned transaction of the job's role is ended within this.
MAX_TIMEOUT_MS = 60 * 60_000
PREVENTION_SETTINGS = ("idle_in_transaction_session_timeout", "transaction_timeout")

# What holds the xmin horizon, oldest first: sessions (their xid or snapshot), prepared
# transactions, replication slots. Ages in transactions.
HORIZON_SQL = """\
SELECT 'session' AS kind, pid::text AS holder,
       greatest(age(backend_xid), age(backend_xmin)) AS xid_age
  FROM pg_stat_activity WHERE backend_xid IS NOT NULL OR backend_xmin IS NOT NULL
UNION ALL
SELECT 'prepared', gid, age(transaction) FROM pg_prepared_xacts
UNION ALL
SELECT 'slot', slot_name::text, greatest(age(xmin), age(catalog_xmin))
  FROM pg_replication_slots WHERE xmin IS NOT NULL OR catalog_xmin IS NOT NULL
ORDER BY xid_age DESC NULLS LAST LIMIT 1"""

DATABASE_SQL = """\
SELECT age(d.datfrozenxid),
       current_setting('autovacuum_freeze_max_age')::int,
       (SELECT coalesce(sum(s.autovacuum_count), 0) FROM pg_stat_all_tables s
         JOIN pg_class c ON c.oid = s.relid WHERE c.relisshared),
       (SELECT count(*) FROM pg_stat_activity a WHERE a.application_name = %s)
FROM pg_database d WHERE d.datname = 'shop'"""

# The application's tables by the age of their oldest unfrozen xid.
OLDEST_TABLES_SQL = """\
SELECT c.relname, age(c.relfrozenxid), s.autovacuum_count, s.vacuum_count
FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
ORDER BY age(c.relfrozenxid) DESC"""

HOLDER_ALIVE_SQL = (
    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s"
    " AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL)"
)


def reconcile(ctx: WorkloadContext) -> None:
    """The ledger reconciliation job: snapshots the ledger, marks its run as started, and hangs
    (its worker waits on a lock in another system that never answers). Once ended, it is not
    rescheduled until tomorrow."""
    if ctx.flags.get("reconcile_done"):
        ctx.stop.wait()
        return
    conninfo = role_conninfo(ctx.app_conninfo, CULPRIT_ROLE, ctx.state.facts["ledger_password"])
    try:
        with app_session(ctx, CULPRIT, conninfo) as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            conn.execute("SELECT count(*), sum(amount) FROM ledger_entries").fetchone()
            conn.execute(
                "INSERT INTO reconcile_runs (started_at, status) VALUES (now(), 'running')"
            )
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            ctx.event("culprit_started", pid=row[0] if row else None)
            ctx.flags["holder_ready"] = True
            while ctx.sleep(0.5):
                pass  # idle in transaction: its xid and snapshot stay
    except psycopg.Error as exc:
        ctx.flags["reconcile_done"] = True
        ctx.event("culprit_ended", terminated=is_terminated(exc))


def ingester(ctx: WorkloadContext) -> None:
    """The event ingester: one transaction per event (its procedure commits each). After an
    outage it drains the backlog at full speed, then follows live traffic."""
    for _ in range(30):  # the job began before the backlog arrived
        if ctx.flags.get("holder_ready") or not ctx.sleep(0.1):
            break
    with app_session(ctx, "event-ingest") as conn:
        while not ctx.flags.get("backlog_done") and not ctx.stop.is_set():
            with ctx.op():
                conn.execute("CALL ingest_events(%s)", (BACKLOG_BATCH,))
            ctx.flags["backlog_sent"] = ctx.flags.get("backlog_sent", 0) + BACKLOG_BATCH
            if ctx.flags["backlog_sent"] >= BACKLOG_EVENTS:
                ctx.flags["backlog_done"] = True
                ctx.event("backlog_drained", events=ctx.flags["backlog_sent"])
        while ctx.sleep(0.2):
            with ctx.op():
                conn.execute("CALL ingest_events(%s)", (40,))


def payments(ctx: WorkloadContext) -> None:
    """Payments post ledger entries: ordinary short transactions."""
    with app_session(ctx, "payments-api") as conn:
        while ctx.sleep(0.05):
            with ctx.op():
                conn.execute(
                    "INSERT INTO ledger_entries (account_id, amount) VALUES (%s, %s)",
                    (random.randint(1, 5000), round(random.uniform(-200, 200), 2)),
                )


def vacuum_watch(ctx: WorkloadContext) -> None:
    """Notes each manual VACUUM of the app's tables after setup, and whether the horizon holder
    was alive then (catalog reads only: pg_stat_user_tables and pg_stat_activity)."""
    setup_done = float(ctx.state.facts["setup_done_at"])
    with psycopg.connect(ctx.admin_conninfo, autocommit=True) as admin:
        seen: dict[str, float] = {}
        while ctx.sleep(0.5):
            rows = admin.execute(
                "SELECT relname, coalesce(extract(epoch FROM last_vacuum)::float8, 0)"
                " FROM pg_stat_user_tables WHERE schemaname = 'public'"
            ).fetchall()
            alive_row = admin.execute(HOLDER_ALIVE_SQL, (CULPRIT,)).fetchone()
            alive = bool(alive_row and alive_row[0])
            for name, last in rows:
                if last > max(seen.get(name, 0.0), setup_done):
                    ctx.event("manual_vacuum", table=name, holder_alive=alive)
                seen[name] = last


class XidWraparound(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {
        "autovacuum_freeze_max_age": str(FREEZE_MAX_AGE),
        # Autovacuum looks often, so that it visibly tries (and, once the holder is gone,
        # catches up within seconds rather than production's minute).
        "autovacuum_naptime": "1s",
    }
    warmup_s = 7.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            """
            CREATE TABLE ledger_entries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                account_id bigint NOT NULL, amount numeric(12, 2) NOT NULL,
                posted_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO ledger_entries (account_id, amount, posted_at)
                SELECT g % 5000 + 1, (g % 400) - 199.5, now() - g * interval '1 s'
                FROM generate_series(1, 50000) g;
            CREATE TABLE reconcile_runs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                started_at timestamptz NOT NULL, status text NOT NULL);
            CREATE TABLE events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
            -- The ingester's contract: each event is durable on its own, so each commits.
            CREATE PROCEDURE ingest_events(n int) LANGUAGE plpgsql AS $$
            BEGIN
                FOR i IN 1..n LOOP
                    INSERT INTO events (kind) VALUES ('parcel.scanned');
                    COMMIT;
                END LOOP;
            END $$;
            """,
        )
        admin.execute("VACUUM ANALYZE public.ledger_entries")
        create_login_role(lab, admin, CULPRIT_ROLE, tables=("ledger_entries",))
        admin.execute("GRANT INSERT ON public.reconcile_runs TO ledger")
        # The vacuum watcher counts the candidate's vacuums, not this setup's.
        lab.state.facts["setup_done_at"] = time.time()

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [reconcile, ingester, payments, vacuum_watch]

    # -- measuring -------------------------------------------------------------------------
    def _engine(self, lab: Lab) -> dict[str, Any]:
        with lab.admin() as admin:
            db = admin.execute(DATABASE_SQL, (CULPRIT,)).fetchone()
            horizon = admin.execute(HORIZON_SQL).fetchone()
            tables = admin.execute(OLDEST_TABLES_SQL).fetchall()
        assert db is not None
        age, max_age = int(db[0]), int(db[1])
        return {
            "datfrozenxid_age": age,
            "autovacuum_freeze_max_age": max_age,
            "pct_of_freeze_max_age": round(100 * age / max_age, 1),
            # Autovacuum's vain work: the shared catalogs, vacuumed again and again.
            "shared_catalog_autovacuums": int(db[2]),
            "horizon_kind": horizon[0] if horizon else None,
            "horizon_age": int(horizon[2]) if horizon and horizon[2] is not None else 0,
            "oldest_tables": {str(r[0]): int(r[1]) for r in tables[:3]},
            "autovacuum_runs": sum(int(r[2]) for r in tables),
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        measured.update(self._engine(lab))
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return bool(measured["datfrozenxid_age"] >= SYMPTOM_AGE)

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        engine = self._engine(lab)
        measured = {
            k: engine[k]
            for k in ("datfrozenxid_age", "horizon_kind", "horizon_age", "oldest_tables")
        }
        if engine["horizon_age"] > HORIZON_AGE:
            # Never name the holder: finding it is the candidate's job (and the Detect score).
            return Finding(
                "root_cause",
                False,
                f"something still holds the xmin horizon {engine['horizon_age']:,} "
                "transactions back: no vacuum can freeze past it",
                measured,
            )
        if engine["datfrozenxid_age"] >= FREEZE_MAX_AGE:
            return Finding(
                "root_cause",
                False,
                "the horizon is free, but the database's oldest unfrozen xid is still "
                f"{engine['datfrozenxid_age']:,} transactions old: freeze the oldest tables "
                "(VACUUM (FREEZE, VERBOSE)), or let autovacuum catch up",
                measured,
            )
        return Finding(
            "root_cause",
            True,
            "nothing holds the horizon back and age(datfrozenxid) is "
            f"{engine['datfrozenxid_age']:,}, under autovacuum_freeze_max_age",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                CULPRIT_ROLE,
                PREVENTION_SETTINGS,
                timeout_within(MAX_TIMEOUT_MS),
                ok="{name} = {value} for the ledger jobs: an abandoned transaction is ended "
                "by the server",
                missing="nothing ends an abandoned transaction of the ledger jobs "
                "(idle_in_transaction_session_timeout or transaction_timeout, ≤ 1 h): the "
                "next hung job holds the horizon again",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        pids = [str(e["pid"]) for e in lab.events("culprit_started") if e.get("pid")]
        return [*pids, CULPRIT, "reconcil"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        wasted = [e for e in lab.events("manual_vacuum") if e.get("holder_alive")]
        if not wasted:
            return []
        tables = sorted({str(e["table"]) for e in wasted})
        return [
            Finding(
                "trap:vacuum-under-horizon",
                False,
                f"VACUUM ran on {', '.join(tables)} while the transaction holding the horizon "
                "was still open: it cannot freeze anything that transaction might see, so "
                "relfrozenxid stayed put; on a production-sized table that is hours of I/O "
                "for nothing. End the holder first",
                {"tables": tables},
            )
        ]


SCENARIO = XidWraparound()
