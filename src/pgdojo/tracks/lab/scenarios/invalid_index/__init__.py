"""Last night's CREATE INDEX CONCURRENTLY failed in its last phase and left an INVALID index.

The migration built `shipments_tracking_code_idx` concurrently with a lock_timeout; the build
finished, then waited for a long finance export's snapshot before it could mark the index
valid, and the lock_timeout cancelled it there. What is left is the worst of both: the index is
`indisready` (every INSERT and every non-HOT UPDATE maintains it) but not `indisvalid` (the
planner never uses it), so the parcel-tracking lookup seq-scans 300k shipments while writes
pay for an index nobody reads. `\\d shipments` lists it, marked INVALID at the end of the line.

The fix is on the engine: no INVALID index left on shipments, and the lookup planned on a valid
index on tracking_code (DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY, or REINDEX INDEX
CONCURRENTLY, which builds a new index and swaps it in: a new OID under the old name).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.plans import explain, indexes_used, node_types
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner, create_login_role, role_conninfo
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within

TABLE = "shipments"
INDEX = "shipments_tracking_code_idx"
ROWS = 300_000
REPORT_ROLE = "reporting"
LOOKUP_SQL = "SELECT id, carrier, status, updated_at FROM shipments WHERE tracking_code = %s"
# The symptom: the lookup's mean execution time on the server over the last few seconds
# (pg_stat_statements) is at least this. Indexed it is a few hundredths of a millisecond; a seq
# scan of 300k shipments takes 15-40 ms. The server's time, not the client's p95: on a busy
# two-core machine the client's latency carries scheduling noise of several milliseconds.
LOOKUP_MEAN_LIMIT_MS = 5.0
SAMPLE_WINDOW_S = 3.0
# Prevention: the export's transactions (whose snapshot the build waited for) are bounded.
MAX_TRANSACTION_TIMEOUT_MS = 60 * 60_000

# Indexes on shipments whose first key column is tracking_code: (oid, name, valid, ready, size).
TRACKING_INDEXES_SQL = """\
SELECT i.indexrelid::oid::bigint, c.relname, i.indisvalid, i.indisready,
       pg_relation_size(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
WHERE i.indrelid = 'public.shipments'::regclass AND a.attname = 'tracking_code'
ORDER BY c.relname"""
INVALID_INDEXES_SQL = """\
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'public.shipments'::regclass AND NOT i.indisvalid ORDER BY 1"""


def tracking_code(n: int) -> str:
    """The carrier's tracking code of shipment n (a scrambled, zero-padded number)."""
    return f"TRK{(n * 7919) % 1_000_003:09d}"


SAMPLE_CODE = tracking_code(42)  # a shipment that exists: plans are taken for a real lookup


def lookup_sampler(ctx: WorkloadContext) -> None:
    """The APM agent: the lookup's calls and total execution time once a second, from
    pg_stat_statements (a statistics view, read as the superuser, qualified)."""
    with psycopg.connect(ctx.admin_conninfo, autocommit=True) as admin:
        while not ctx.stop.is_set():
            row = admin.execute(
                "SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(total_exec_time), 0)"
                " FROM public.pg_stat_statements WHERE query LIKE %s",
                (LOOKUP_SQL.replace("%s", "$1"),),
            ).fetchone()
            if row:
                ctx.event("lookup_sample", calls=int(row[0]), total_ms=float(row[1]))
            ctx.sleep(1.0)


def tracking_page(ctx: WorkloadContext) -> None:
    """Customers checking where their parcel is: one lookup by tracking code per page view."""
    with app_session(ctx, "tracking-api") as conn:
        while ctx.sleep(0.1):
            with ctx.op():
                conn.execute(LOOKUP_SQL, (tracking_code(random.randint(1, ROWS)),)).fetchall()


def carrier_webhooks(ctx: WorkloadContext) -> None:
    """Carrier status updates and new shipments: every insert also maintains the INVALID index.
    (Not timed: the page is the tracking lookup; the webhooks are queued and retried.)"""
    with app_session(ctx, "carrier-webhooks") as conn:
        while ctx.sleep(0.05):
            if random.random() < 0.5:
                n = random.randint(ROWS + 1, 10 * ROWS)
                conn.execute(
                    "INSERT INTO shipments (tracking_code, carrier, status)"
                    " VALUES (%s, %s, 'label_created')",
                    (tracking_code(n), random.choice(("ups", "dhl", "gls"))),
                )
            else:
                conn.execute(
                    "UPDATE shipments SET status = %s, updated_at = now() WHERE id = %s",
                    (random.choice(("in_transit", "out_for_delivery")), random.randint(1, ROWS)),
                )


class InvalidIndex(Scenario):
    doc = scenario_doc(__file__)
    # Parallel seq scans would turn two page views into six busy processes on two cores.
    settings: ClassVar[dict[str, str]] = {"max_parallel_workers_per_gather": "0"}
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE shipments (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tracking_code text NOT NULL, carrier text NOT NULL, status text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO shipments (tracking_code, carrier, status, updated_at)
                SELECT 'TRK' || lpad(((g::bigint * 7919) % 1000003)::text, 9, '0'),
                       (ARRAY['ups', 'dhl', 'gls'])[g % 3 + 1],
                       CASE WHEN g % 10 = 0 THEN 'in_transit' ELSE 'delivered' END,
                       now() - (g % 20000) * interval '1 min'
                FROM generate_series(1, {ROWS}) g;
            """,
        )
        admin.execute("VACUUM ANALYZE public.shipments")
        password = create_login_role(lab, admin, REPORT_ROLE, tables=(TABLE,))
        for _ in range(3):
            self._failed_concurrent_build(lab, admin, password)
            row = admin.execute(
                "SELECT i.indexrelid::oid::bigint, i.indisready AND NOT i.indisvalid"
                " FROM pg_index i"
                " WHERE i.indexrelid = to_regclass('public.shipments_tracking_code_idx')"
            ).fetchone()
            if row is not None and row[1]:
                lab.state.facts["invalid_index_oid"] = int(row[0])
                return
            # The timeout struck before the index existed (a lock held by autovacuum, say):
            # nothing was left behind, so replay the night again.
        raise RuntimeError("the lab's failed concurrent build did not leave an INVALID index")

    def _failed_concurrent_build(
        self, lab: Lab, admin: psycopg.Connection[Any], report_password: str
    ) -> None:
        """Replay last night: the finance export holds a REPEATABLE READ snapshot while the
        migration runs CREATE INDEX CONCURRENTLY with a lock_timeout. The build completes,
        then waits for every transaction whose snapshot predates it (it must not be marked
        valid while someone could still use it without having seen its entries); that wait is
        a lock wait, so lock_timeout cancels the statement, and the index stays ready (written
        by every insert) but invalid (never read)."""
        export = role_conninfo(
            lab.cluster.conninfo("app", lab.state.app_password), REPORT_ROLE, report_password
        )
        with psycopg.connect(export, autocommit=True, application_name="finance-export") as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            conn.execute("SELECT count(*) FROM shipments").fetchone()
            admin.execute("SET ROLE app_owner")
            admin.execute("SET lock_timeout = '300ms'")
            try:
                admin.execute(
                    "CREATE INDEX CONCURRENTLY shipments_tracking_code_idx"
                    " ON public.shipments (tracking_code)"
                )
            except psycopg.errors.LockNotAvailable:
                pass  # "canceling statement due to lock timeout": the migration moved on
            finally:
                admin.execute("RESET lock_timeout")
                admin.execute("RESET ROLE")
            conn.execute("ROLLBACK")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [tracking_page, tracking_page, carrier_webhooks, lookup_sampler]

    # -- measuring -------------------------------------------------------------------------
    def _indexes(self, lab: Lab) -> list[tuple[int, str, bool, bool, int]]:
        with lab.admin() as admin:
            rows = admin.execute(TRACKING_INDEXES_SQL).fetchall()
        return [(int(r[0]), str(r[1]), bool(r[2]), bool(r[3]), int(r[4])) for r in rows]

    def _invalid(self, lab: Lab) -> list[str]:
        with lab.admin() as admin:
            return [str(r[0]) for r in admin.execute(INVALID_INDEXES_SQL).fetchall()]

    def _plan(self, lab: Lab) -> dict[str, Any]:
        with lab.probe() as probe:  # the application's query, planned without privileges
            return explain(probe, LOOKUP_SQL, (SAMPLE_CODE,))

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        measured.update(self._lookup_mean(lab))
        plan = self._plan(lab)
        indexes = self._indexes(lab)
        with lab.admin() as admin:
            table = admin.execute(
                "SELECT seq_scan, coalesce(idx_scan, 0), n_tup_ins FROM pg_stat_user_tables"
                " WHERE relid = 'public.shipments'::regclass"
            ).fetchone()
        measured.update(
            lookup_plan=node_types(plan),
            invalid_indexes=self._invalid(lab),
            maintained_unused_kb={
                name: size // 1024 for _, name, valid, ready, size in indexes if ready and not valid
            },
        )
        if table:
            measured.update(
                shipments_seq_scans=int(table[0]),
                shipments_idx_scans=int(table[1]),
                shipments_inserts=int(table[2]),
            )
        return measured

    def _lookup_mean(self, lab: Lab) -> dict[str, Any]:
        """The lookup's mean server time over the last SAMPLE_WINDOW_S, from the samples."""
        samples = [
            e for e in lab.events("lookup_sample") if e["t"] >= time.time() - SAMPLE_WINDOW_S
        ]
        if len(samples) < 2 or samples[-1]["calls"] <= samples[0]["calls"]:
            return {"lookup_mean_ms": None, "lookup_calls": 0}
        calls = samples[-1]["calls"] - samples[0]["calls"]
        total = samples[-1]["total_ms"] - samples[0]["total_ms"]
        return {"lookup_mean_ms": round(total / calls, 2), "lookup_calls": calls}

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        mean = measured.get("lookup_mean_ms")
        return mean is not None and mean >= LOOKUP_MEAN_LIMIT_MS

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        indexes = self._indexes(lab)
        invalid = self._invalid(lab)
        plan = self._plan(lab)
        used = indexes_used(plan)
        valid = [name for _, name, ok, _, _ in indexes if ok]
        chosen = [name for name in valid if name in used]
        measured = {
            "plan": node_types(plan),
            "indexes_used": used,
            "invalid_indexes": invalid,
            "valid_tracking_indexes": valid,
        }
        if chosen and not invalid:
            return Finding(
                "root_cause",
                True,
                f"index {chosen[0]} on tracking_code is VALID and the lookup uses it; no "
                "INVALID index is left on shipments",
                measured,
            )
        if chosen:
            return Finding(
                "root_cause",
                False,
                "the lookup uses a valid index now, but an INVALID index is still on shipments: "
                "every insert keeps maintaining it and nothing ever reads it. Drop it "
                "(DROP INDEX CONCURRENTLY)",
                measured,
            )
        if invalid:
            return Finding(
                "root_cause",
                False,
                f"the lookup still plans {' > '.join(node_types(plan))}: an index that is listed "
                "is not one the planner may use",
                measured,
            )
        return Finding(
            "root_cause",
            False,
            f"the lookup still plans {' > '.join(node_types(plan))}: no valid index on "
            "shipments leads with tracking_code",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                REPORT_ROLE,
                ["transaction_timeout"],
                timeout_within(MAX_TRANSACTION_TIMEOUT_MS),
                ok=f"{{name}} = {{value}} for {REPORT_ROLE}: an export can no longer hold a "
                "snapshot that a concurrent index build has to outwait",
                missing=f"nothing bounds a {REPORT_ROLE} transaction ({{name}} = {{value}}): the "
                "next concurrent build will wait for the nightly export's snapshot and fail "
                "the same way",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [INDEX, "invalid", "indisvalid"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        original = lab.state.facts.get("invalid_index_oid")
        rebuilt_in_place = [
            name for oid, name, valid, _, _ in self._indexes(lab) if oid == original and valid
        ]
        if not rebuilt_in_place:
            return []
        # REINDEX CONCURRENTLY swaps in a new index (a new OID under the old name); only a
        # plain REINDEX makes the very same index valid, under a lock that stops writes.
        return [
            Finding(
                "trap:reindex-blocking",
                False,
                f"{rebuilt_in_place[0]} was rebuilt in place by REINDEX without CONCURRENTLY: "
                "it holds a SHARE lock on shipments (and ACCESS EXCLUSIVE on the index) for the "
                "whole build, so carrier updates waited; REINDEX INDEX CONCURRENTLY does not",
                {"index": rebuilt_in_place[0]},
            )
        ]


SCENARIO = InvalidIndex()
