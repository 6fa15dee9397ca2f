"""The order-history query seq-scans 500k orders: the index on customer_id was never built.

The fix must be on the engine, not only in the latency: an index whose first key column is
customer_id, VALID (a failed CREATE INDEX CONCURRENTLY leaves an INVALID one behind that the
planner ignores), and chosen by the planner for the application's query.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.plans import explain, indexes_used, node_types
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within

CUSTOMERS = 6000
ROWS = 500_000
HOT_QUERY = (
    "SELECT id, status, total, created_at FROM orders"
    " WHERE customer_id = %s ORDER BY created_at DESC LIMIT 20"
)
SAMPLE_CUSTOMER = 4242
# The order-history page is healthy while its query's p95 stays under this.
P95_LIMIT_MS = 8.0
# Prevention: the app's statements slower than this are logged (the lookup takes 0.1 ms
# indexed, about 25 ms as a seq scan: a threshold above that would have stayed silent).
MAX_LOG_THRESHOLD_MS = 20.0


def order_history(ctx: WorkloadContext) -> None:
    """The 'my orders' page: a customer's 20 latest orders."""
    with app_session(ctx, "orders-api") as conn:
        while ctx.sleep(0.03):
            with ctx.op():
                conn.execute(HOT_QUERY, (random.randint(1, CUSTOMERS),)).fetchall()


def checkout(ctx: WorkloadContext) -> None:
    """New orders keep arriving, and wait whenever something locks orders against writes."""
    with app_session(ctx, "checkout-api") as conn:
        while ctx.sleep(0.05):
            with ctx.op():
                conn.execute(
                    "INSERT INTO orders (customer_id, status, total, ship_to, created_at)"
                    " VALUES (%s, 'paid', %s, 'web checkout', now())",
                    (random.randint(1, CUSTOMERS), round(random.uniform(5, 400), 2)),
                )


class MissingIndex(Scenario):
    doc = scenario_doc(__file__)
    # Parallel seq scans would turn three page views into nine busy processes on two cores.
    settings: ClassVar[dict[str, str]] = {"max_parallel_workers_per_gather": "0"}
    warmup_s = 6.0
    p95_limit_ms = P95_LIMIT_MS

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, ship_to text NOT NULL,
                created_at timestamptz NOT NULL);
            INSERT INTO orders (customer_id, status, total, ship_to, created_at)
                SELECT (g::bigint * 7919) % {CUSTOMERS} + 1,
                       CASE WHEN g % 50 = 0 THEN 'cancelled' ELSE 'delivered' END,
                       (g * 37 % 40000) / 100.0 + 5,
                       g || ' Example Street, Springfield',
                       now() - ({ROWS} - g) * interval '2 min'
                FROM generate_series(1, {ROWS}) g;
            """,
        )
        admin.execute("VACUUM ANALYZE public.orders")
        # ALTER ROLE app SET log_min_duration_statement: a superuser-only parameter otherwise.
        admin.execute("GRANT SET ON PARAMETER log_min_duration_statement TO oncall")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [order_history, order_history, order_history, checkout]

    # -- measuring -------------------------------------------------------------------------
    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        with lab.admin() as admin:
            table = admin.execute(
                "SELECT seq_scan, seq_tup_read, coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                " WHERE relname = 'orders'"
            ).fetchone()
            statement = admin.execute(
                "SELECT calls, round(mean_exec_time::numeric, 2)::float8,"
                " (shared_blks_hit + shared_blks_read) / greatest(calls, 1)"
                " FROM public.pg_stat_statements"
                " WHERE query LIKE 'SELECT id, status, total, created_at FROM orders%'"
                " ORDER BY calls DESC LIMIT 1"
            ).fetchone()
        if table:
            measured.update(
                orders_seq_scans=int(table[0]),
                orders_seq_tup_read=int(table[1]),
                orders_idx_scans=int(table[2]),
            )
        if statement:
            measured.update(
                hot_query_calls=int(statement[0]),
                hot_query_mean_ms=statement[1],
                hot_query_blocks_per_call=int(statement[2]),
            )
        return measured

    # -- verdict ---------------------------------------------------------------------------
    def _customer_indexes(self, admin: psycopg.Connection[Any]) -> list[tuple[str, bool, str]]:
        """Indexes on orders whose first key column is customer_id: (name, valid, definition)."""
        rows = admin.execute(
            "SELECT c.relname, i.indisvalid AND i.indisready, pg_get_indexdef(i.indexrelid)"
            " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
            " WHERE i.indrelid = 'public.orders'::regclass AND a.attname = 'customer_id'"
            " ORDER BY c.relname"
        ).fetchall()
        return [(str(r[0]), bool(r[1]), str(r[2])) for r in rows]

    def root_cause(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            indexes = self._customer_indexes(admin)
        with lab.probe() as probe:
            plan = explain(probe, HOT_QUERY, (SAMPLE_CUSTOMER,))
        nodes = node_types(plan)
        used = indexes_used(plan)
        valid = [name for name, ok, _ in indexes if ok]
        invalid = [name for name, ok, _ in indexes if not ok]
        measured = {"plan": nodes, "indexes_used": used, "invalid_indexes": invalid}
        chosen = [name for name in valid if name in used]
        if chosen:
            leftover = (
                f" (the INVALID index {', '.join(invalid)} is still there: drop it)"
                if invalid
                else ""
            )
            return Finding(
                "root_cause",
                True,
                f"index {chosen[0]} leads with customer_id, is VALID, and the order-history "
                f"plan uses it{leftover}",
                measured,
            )
        if invalid and not valid:
            return Finding(
                "root_cause",
                False,
                f"index {', '.join(invalid)} is INVALID (pg_index.indisvalid = false): a CREATE "
                "INDEX CONCURRENTLY that failed leaves it behind; the planner never uses it (and "
                "if the build got far enough, every write still pays to maintain it). Drop it "
                "and build it again",
                measured,
            )
        if valid:
            return Finding(
                "root_cause",
                False,
                f"index {valid[0]} leads with customer_id but the order-history plan does not "
                f"use it ({' > '.join(nodes)})",
                measured,
            )
        how = (
            f"walks {', '.join(used)} and filters customer_id row by row"
            if used
            else "reads the whole table"
        )
        return Finding(
            "root_cause",
            False,
            f"the order-history query still {how} ({' > '.join(nodes)}): no index on orders "
            "leads with customer_id",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                "app",
                ["log_min_duration_statement"],
                timeout_within(MAX_LOG_THRESHOLD_MS),
                ok="the app's statements slower than {value} are logged",
                missing="the app's slow statements are not logged at a useful threshold "
                "({name} = {value}; "
                f"≤ {MAX_LOG_THRESHOLD_MS:.0f} ms would have caught this query on its first day)",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return ["customer_id"]


SCENARIO = MissingIndex()
