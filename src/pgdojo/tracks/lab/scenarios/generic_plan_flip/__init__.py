"""The dispatch queue's prepared statement flips to a generic plan that reads all 200k orders.

The dispatcher asks for the 50 oldest orders in a status (`WHERE status = $1 ORDER BY
created_at LIMIT 50`) through server-side prepared statements, as drivers do for a statement
they run often (psycopg and pgjdbc after five executions; the dispatcher prepares at once).
PostgreSQL plans the first five executions of a prepared statement with the actual value
(custom plans); from the sixth it also builds a generic plan, made without the value, and
keeps it when its estimated cost is no higher than the custom plans' average. Without the
value, `status = $1` is estimated at 1/n_distinct of the table (a fifth: five statuses), so
the generic plan walks the created_at index and expects 50 matches within its first 250
entries. 'pending' is 150 rows, and the newest: the walk reads the whole index and heap to
find them (2,300 buffers and 200k rows removed by filter for 50 rows, ~25 ms instead of
0.3 ms), on every connection of the pool from its sixth call on.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg
from psycopg import sql

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.plans import plan_nodes
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import as_owner, is_terminated
from pgdojo.tracks.lab.settings import duration_ms, role_setting
from pgdojo.tracks.lab.state import HISTORY_FILE, read_jsonl

ROWS = 200_000
PENDING = 150
APP_NAME = "dispatch-api"
QUEUE_SQL = (
    "SELECT id, customer_id, total FROM orders WHERE status = %s ORDER BY created_at LIMIT 50"
)
# As the server sees it (and as pg_stat_statements and pg_prepared_statements show it).
QUEUE_SERVER_SQL = QUEUE_SQL.replace("%s", "$1")
# PostgreSQL's plan cache: this many custom plans before a generic one is considered.
CUSTOM_PLANS_FIRST = 5
# A pooled connection lives this long before the pool replaces it (max_lifetime): role
# settings reach the application within seconds, and every new connection flips again.
POOL_LIFETIME_S = 4.0
P95_LIMIT_MS = 8.0
# The pending lookup reads about 5 buffers on a good plan and 2,300 on the generic one.
GOOD_LOOKUP_BUFFERS = 100
# Prevention: the app's statements slower than this are logged (good 0.3 ms, flipped 25 ms).
MAX_LOG_THRESHOLD_MS = 20.0
DISCARD = re.compile(r"^\s*(discard\s+(all|plans)|deallocate)\b", re.IGNORECASE)


def dispatcher(ctx: WorkloadContext) -> None:
    """The dispatch service's pool: each connection polls the pending queue (and now and then
    the paid one) for POOL_LIFETIME_S, then the pool replaces it."""
    with psycopg.connect(
        ctx.app_conninfo, autocommit=True, application_name=APP_NAME, connect_timeout=5
    ) as conn:
        born = time.monotonic()
        while time.monotonic() - born < POOL_LIFETIME_S and not ctx.stop.is_set():
            status = "pending" if random.random() < 0.9 else "paid"
            try:
                with ctx.op():
                    conn.execute(QUEUE_SQL, (status,), prepare=True).fetchall()
            except psycopg.Error as exc:
                if is_terminated(exc):
                    ctx.event("victim_terminated")
                raise
            ctx.sleep(0.03)
        row = conn.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = %s",
            (QUEUE_SERVER_SQL,),
        ).fetchone()
        if row:
            ctx.event("pool_connection", generic_plans=int(row[0]), custom_plans=int(row[1]))


def checkout(ctx: WorkloadContext) -> None:
    """Orders keep moving through their statuses (the queue's data changes under it)."""
    with psycopg.connect(
        ctx.app_conninfo, autocommit=True, application_name="checkout-api", connect_timeout=5
    ) as conn:
        while ctx.sleep(0.1):
            with ctx.op():
                conn.execute(
                    "UPDATE orders SET total = total + 0.01 WHERE id = %s",
                    (random.randint(1, ROWS - PENDING),),
                )


class GenericPlanFlip(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {"max_parallel_workers_per_gather": "0"}
    warmup_s = 6.0
    p95_limit_ms = P95_LIMIT_MS

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, created_at timestamptz NOT NULL);
            -- Three in five delivered; the pending ones are the newest 150.
            INSERT INTO orders
                SELECT g, g % 9000 + 1,
                       CASE WHEN g > {ROWS - PENDING} THEN 'pending'
                            WHEN g % 10 < 6 THEN 'delivered'
                            WHEN g % 10 < 8 THEN 'shipped'
                            WHEN g % 10 = 8 THEN 'packed' ELSE 'paid' END,
                       (g % 400) + 0.5, now() - ({ROWS} - g) * interval '30 s'
                FROM generate_series(1, {ROWS}) g;
            CREATE INDEX orders_created_at_idx ON orders (created_at);
            CREATE INDEX orders_status_idx ON orders (status);
            """,
        )
        admin.execute("VACUUM ANALYZE public.orders")
        admin.execute("GRANT SET ON PARAMETER log_min_duration_statement TO oncall")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [dispatcher, dispatcher, dispatcher, checkout]

    # -- measuring -------------------------------------------------------------------------
    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        recent = [e for e in lab.events("pool_connection") if e["t"] >= time.time() - 10]
        measured.update(
            pool_connections=len(recent),
            generic_plans=sum(e["generic_plans"] for e in recent),
            custom_plans=sum(e["custom_plans"] for e in recent),
        )
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT calls, round(mean_exec_time::numeric, 2)::float8,"
                " round(max_exec_time::numeric, 2)::float8"
                " FROM public.pg_stat_statements WHERE userid = 'app'::regrole"
                " AND query LIKE 'SELECT id, customer_id, total FROM orders WHERE status%%'"
                " ORDER BY calls DESC LIMIT 1",
            ).fetchone()
        if row:
            measured.update(queue_calls=int(row[0]), queue_mean_ms=row[1], queue_max_ms=row[2])
        return measured

    def _fresh_session_lookup(self, lab: Lab) -> dict[str, Any]:
        """What a new application session gets: past its first five executions, the buffers
        the pending lookup reads (EXPLAIN ANALYZE of the cached plan, as the app)."""
        conninfo = lab.cluster.conninfo("app", lab.state.app_password)
        with psycopg.connect(
            conninfo, autocommit=True, application_name="pgdojo-check", connect_timeout=5
        ) as conn:
            for _ in range(CUSTOM_PLANS_FIRST + 1):
                conn.execute(QUEUE_SQL, ("pending",), prepare=True).fetchall()
            row = conn.execute(
                "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements"
                " WHERE statement = %s",
                (QUEUE_SERVER_SQL,),
            ).fetchone()
            mode = conn.execute("SHOW plan_cache_mode").fetchone()
            assert row is not None
            # EXPLAIN EXECUTE goes through the plan cache like the application's executions.
            explained = conn.execute(
                sql.SQL("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE {}('pending')").format(
                    sql.Identifier(row[0])
                )
            ).fetchone()
        assert explained is not None
        plan = explained[0][0]["Plan"]
        return {
            "lookup_buffers": int(plan.get("Shared Hit Blocks", 0))
            + int(plan.get("Shared Read Blocks", 0)),
            "generic_plans": int(row[1]),
            "custom_plans": int(row[2]),
            "plan_cache_mode": mode[0] if mode else None,
        }

    def _generic_plan_is_good(self, lab: Lab) -> bool:
        """The generic plan itself reads by status (an index condition on it)."""
        with lab.probe() as probe:
            row = probe.execute(
                ("EXPLAIN (GENERIC_PLAN, FORMAT JSON) " + QUEUE_SERVER_SQL).encode()
            ).fetchone()
        assert row is not None
        nodes = list(plan_nodes(row[0][0]["Plan"]))
        return any("status" in str(n.get("Index Cond", "")) for n in nodes)

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        measured = self._fresh_session_lookup(lab)
        ok = measured["lookup_buffers"] <= GOOD_LOOKUP_BUFFERS
        if ok:
            detail = (
                "a new application session keeps a good plan for the pending queue past its "
                f"fifth execution ({measured['lookup_buffers']} buffers per lookup)"
            )
        else:
            detail = (
                "a new application session still switches to the generic plan after five "
                f"executions: the pending lookup reads {measured['lookup_buffers']} buffers "
                "for 50 rows"
            )
            if self._analyzed_since_start(lab):
                detail += (
                    ". orders was analyzed again, to no effect: fresh statistics leave a "
                    "generic plan's estimate for status = $1 at 1/n_distinct"
                )
        return Finding("root_cause", ok, detail, measured)

    def _analyzed_since_start(self, lab: Lab) -> bool:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT greatest(last_analyze, last_autoanalyze) > to_timestamp(%s)"
                " FROM pg_stat_user_tables WHERE relid = 'public.orders'::regclass",
                (lab.state.started_at + 1,),
            ).fetchone()
        return bool(row and row[0])

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            logged = role_setting(admin, "app", "log_min_duration_statement")
        threshold = duration_ms(logged)
        generic_good = self._generic_plan_is_good(lab)
        measured = {"log_min_duration_statement (app)": logged, "generic_plan_good": generic_good}
        if generic_good:
            return Finding(
                "prevention",
                True,
                "the generic plan reads the queue by status too: no plan of this statement "
                "can flip to a walk of the whole table",
                measured,
            )
        if 0 < threshold <= MAX_LOG_THRESHOLD_MS:
            return Finding(
                "prevention",
                True,
                f"the app's statements slower than {logged} are logged: the next plan flip "
                "shows up in the log with its parameters",
                measured,
            )
        return Finding(
            "prevention",
            False,
            "nothing would show the next flip: log the app's statements slower than "
            f"{MAX_LOG_THRESHOLD_MS:.0f} ms (log_min_duration_statement for the app), or give "
            "the queue an index that serves every plan of it",
            measured,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return ["generic plan", "generic_plan", "plan_cache_mode", "plan cache", "custom plan"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        traps: list[Finding] = []
        killed = len(lab.events("victim_terminated"))
        if killed:
            traps.append(
                Finding(
                    "trap:terminate-app-sessions",
                    False,
                    f"{killed} dispatcher session(s) were terminated to reset their plans: "
                    "their requests failed, and the new connections flip to the generic plan "
                    "again after five executions",
                )
            )
        discarded = self._discards(lab)
        if discarded:
            traps.append(
                Finding(
                    "trap:discard-own-session",
                    False,
                    f"`{discarded[0]}` resets only the session that runs it (yours): prepared "
                    "statements and their cached plans belong to each application session",
                    {"sql": discarded[0]},
                )
            )
        return traps

    def _discards(self, lab: Lab) -> list[str]:
        """DISCARD ALL / DISCARD PLANS / DEALLOCATE the candidate ran (console or psql)."""
        ran = [str(r.get("sql", "")) for r in read_jsonl(lab.root / HISTORY_FILE)]
        with lab.admin() as admin:
            ran += [
                str(q)
                for (q,) in admin.execute(
                    "SELECT query FROM public.pg_stat_statements WHERE userid = 'oncall'::regrole"
                )
            ]
        return [q.strip()[:60] for q in ran if DISCARD.match(q)]


SCENARIO = GenericPlanFlip()
