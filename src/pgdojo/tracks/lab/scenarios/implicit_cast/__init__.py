"""The ledger's account lookup casts a bigint column to numeric: its unique index is useless.

The new ORM model maps `account_no` as a Numeric, so the query the application sends is
`... WHERE accounts.account_no = $1::NUMERIC`. There is no bigint = numeric operator: PostgreSQL
resolves it as numeric = numeric and casts the column, `(account_no)::numeric`, for every row,
and a btree on `account_no` cannot serve an expression on it. In psql the same lookup with an
integer literal (or a quoted one, which is resolved to bigint) uses the index: "fast for me".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.plans import explain, indexes_used, node_types, plan_nodes
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within

ACCOUNTS = 400_000
FIRST_ACCOUNT_NO = 4_000_000_000
STEP = 7
# What the ORM renders: its model maps account_no as a Numeric, and it casts typed parameters.
LOOKUP_SQL = (
    "SELECT accounts.id, accounts.holder, accounts.balance, accounts.status FROM accounts"
    " WHERE accounts.account_no = %s::NUMERIC"
)
SAMPLE_ACCOUNT_NO = Decimal(FIRST_ACCOUNT_NO + 4242 * STEP)
P95_LIMIT_MS = 8.0
# Prevention: the app's slow statements (or their plans, with auto_explain) get logged.
MAX_LOG_THRESHOLD_MS = 20.0
PREVENTION_SETTINGS = ("auto_explain.log_min_duration", "log_min_duration_statement")


def _account_no() -> Decimal:
    return Decimal(FIRST_ACCOUNT_NO + random.randint(1, ACCOUNTS) * STEP)


def lookup(ctx: WorkloadContext) -> None:
    """ledger-api: every payment looks its account up by number first."""
    with app_session(ctx, "ledger-api") as conn:
        while ctx.sleep(0.03):
            with ctx.op():
                conn.execute(LOOKUP_SQL, (_account_no(),)).fetchall()


def poster(ctx: WorkloadContext) -> None:
    """ledger-api: postings update balances by primary key (fast, but they need the table)."""
    with app_session(ctx, "ledger-poster") as conn:
        while ctx.sleep(0.05):
            with ctx.op():
                conn.execute(
                    "UPDATE accounts SET balance = balance + %s WHERE id = %s",
                    (Decimal("1.25"), random.randint(1, ACCOUNTS)),
                )


class ImplicitCast(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {
        "max_parallel_workers_per_gather": "0",
        # auto_explain is loaded, not enabled: turning it on for the app is the prevention.
        "shared_preload_libraries": "'pg_stat_statements,auto_explain'",
    }
    warmup_s = 6.0
    p95_limit_ms = P95_LIMIT_MS

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE accounts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                account_no bigint NOT NULL UNIQUE,
                holder text NOT NULL, balance numeric(14, 2) NOT NULL,
                status text NOT NULL DEFAULT 'active',
                opened_at timestamptz NOT NULL);
            INSERT INTO accounts (account_no, holder, balance, opened_at)
                SELECT {FIRST_ACCOUNT_NO} + g::bigint * {STEP}, 'holder ' || g,
                       (g::bigint * 7919 % 1000000) / 100.0, now() - g * interval '5 min'
                FROM generate_series(1, {ACCOUNTS}) g;
            """,
        )
        admin.execute("VACUUM ANALYZE public.accounts")
        for parameter in PREVENTION_SETTINGS:  # superuser-only parameters otherwise
            admin.execute(f"GRANT SET ON PARAMETER {parameter} TO oncall")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [lookup, lookup, lookup, poster]

    # -- measuring -------------------------------------------------------------------------
    def _plan(self, lab: Lab) -> dict[str, Any]:
        """The application's query, planned with the parameter type the application sends."""
        with lab.probe() as probe:
            return explain(probe, LOOKUP_SQL, (SAMPLE_ACCOUNT_NO,))

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        with lab.admin() as admin:
            statement = admin.execute(
                "SELECT calls, round(mean_exec_time::numeric, 2)::float8,"
                " (shared_blks_hit + shared_blks_read) / greatest(calls, 1)"
                " FROM public.pg_stat_statements WHERE query LIKE 'SELECT accounts.id%'"
                " ORDER BY calls DESC LIMIT 1"
            ).fetchone()
        if statement:
            measured.update(
                lookup_calls=int(statement[0]),
                lookup_mean_ms=statement[1],
                lookup_blocks_per_call=int(statement[2]),
            )
        measured["lookup_plan"] = node_types(self._plan(lab))
        return measured

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        plan = self._plan(lab)
        used = indexes_used(plan)
        filters = [n.get("Filter", "") for n in plan_nodes(plan) if n["Node Type"] == "Seq Scan"]
        measured = {"plan": node_types(plan), "indexes_used": used}
        if used:
            return Finding(
                "root_cause",
                True,
                f"the application's lookup (numeric parameter) now uses index {used[0]}",
                measured,
            )
        return Finding(
            "root_cause",
            False,
            "the application's lookup, planned with the numeric parameter it really sends, "
            f"is still a Seq Scan ({filters[0] if filters else 'no index used'}): the column "
            "is cast for every row, so no index on plain account_no can serve it",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                "app",
                PREVENTION_SETTINGS,
                timeout_within(MAX_LOG_THRESHOLD_MS),
                ok="{name} = {value} for the app: the next slow plan is logged",
                missing="nothing logs the app's slow statements or their plans at a useful "
                f"threshold (≤ {MAX_LOG_THRESHOLD_MS:.0f} ms): auto_explain.log_min_duration "
                "would have shown the plan the app really gets, cast included",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return ["numeric", "cast", "type mismatch", "mismatched type"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                " WHERE attrelid = 'public.accounts'::regclass AND attname = 'account_no'"
            ).fetchone()
        if row and row[0] != "bigint":
            return [
                Finding(
                    "trap:column-rewrite",
                    False,
                    f"account_no was changed to {row[0]}: ALTER COLUMN ... TYPE rewrites the "
                    "whole table and its indexes under an ACCESS EXCLUSIVE lock, stopping "
                    "every lookup and posting meanwhile, to make the schema match a bug in "
                    "the application",
                    {"account_no_type": row[0]},
                )
            ]
        return []


SCENARIO = ImplicitCast()
