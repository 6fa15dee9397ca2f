"""A bulk backfill left the planner believing 'pending' tasks are rare: the wrong plan, every time.

The table was analyzed when the queue was nearly drained (0.1% pending), then 300,000 pending
tasks were bulk-loaded with autovacuum disabled for the table, so no autoanalyze followed. The
planner still estimates a few hundred pending rows, fetches "all" of them through the status
index and sorts them; there are 300,000. With fresh statistics the same query walks the
priority index and stops after 50 rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.plans import explain, node_labels
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner

BACKFILL = 300_000
HOT_QUERY = (
    "SELECT id, kind, payload FROM tasks WHERE status = 'pending' ORDER BY priority DESC LIMIT 50"
)
P95_LIMIT_MS = 10.0
# The planner's estimate of pending rows is "fresh" within this factor of the real count.
MAX_ESTIMATE_ERROR = 5.0


def dispatcher(ctx: WorkloadContext) -> None:
    """The dispatch board: the 50 most urgent pending tasks, a few times a second."""
    with app_session(ctx, "dispatcher") as conn:
        while ctx.sleep(0.03):
            with ctx.op():
                conn.execute(HOT_QUERY).fetchall()


def task_runner(ctx: WorkloadContext) -> None:
    """Workers finish tasks by primary key (and wait whenever the table is locked)."""
    with app_session(ctx, "task-runner") as conn:
        while ctx.sleep(0.02):
            with ctx.op():
                conn.execute(
                    "UPDATE tasks SET status = 'done', done_at = now()"
                    " WHERE id = %s AND status = 'pending'",
                    (random.randint(5001, 5000 + BACKFILL),),
                )


class StaleStatistics(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {"max_parallel_workers_per_gather": "0"}
    warmup_s = 6.0
    p95_limit_ms = P95_LIMIT_MS

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE tasks (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL, status text NOT NULL, priority int NOT NULL,
                payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
                done_at timestamptz);
            CREATE INDEX tasks_status_idx ON tasks (status);
            CREATE INDEX tasks_priority_idx ON tasks (priority);
            -- Last week: the queue is nearly drained when it gets analyzed.
            INSERT INTO tasks (kind, status, priority, payload, created_at, done_at)
                SELECT 'sync', CASE WHEN g % 1000 = 0 THEN 'pending' ELSE 'done' END,
                       g % 100, md5(g::text), now() - interval '7 days',
                       CASE WHEN g % 1000 = 0 THEN NULL ELSE now() - interval '7 days' END
                FROM generate_series(1, 5000) g;
            ANALYZE tasks;
            -- Last night: the bulk-load runbook turns autovacuum off for the table and loads.
            ALTER TABLE tasks SET (autovacuum_enabled = false);
            INSERT INTO tasks (kind, status, priority, payload, created_at)
                SELECT 'backfill', 'pending', (g::bigint * 7919) % 100, md5(g::text),
                       now() - interval '10 hours'
                FROM generate_series(1, {BACKFILL}) g;
            """,
        )

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [dispatcher, dispatcher, dispatcher, task_runner]

    # -- measuring -------------------------------------------------------------------------
    def _estimate(self, probe: psycopg.Connection[Any]) -> tuple[int, int]:
        """(planner's estimate, actual count) of pending tasks."""
        plan = explain(probe, "SELECT * FROM tasks WHERE status = 'pending'")
        count = probe.execute("SELECT count(*) FROM tasks WHERE status = 'pending'").fetchone()
        assert count is not None
        return int(plan["Plan Rows"]), int(count[0])

    def _plan_and_estimate(self, lab: Lab) -> tuple[list[str], int, int]:
        """The dispatch board's plan, and the planner's estimate of pending tasks vs the truth."""
        with lab.probe() as probe:
            estimated, actual = self._estimate(probe)
            plan = node_labels(explain(probe, HOT_QUERY))
        return plan, estimated, actual

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        plan, estimated, actual = self._plan_and_estimate(lab)
        with lab.admin() as admin:
            stats = admin.execute(
                "SELECT n_mod_since_analyze, last_analyze IS NOT NULL OR"
                " last_autoanalyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'tasks'"
            ).fetchone()
        measured.update(
            pending_estimated=estimated,
            pending_actual=actual,
            estimate_error_x=round(max(estimated, actual) / max(1, min(estimated, actual)), 1),
            hot_plan=plan,
        )
        if stats:
            measured["n_mod_since_analyze"] = int(stats[0])
        return measured

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        plan, estimated, actual = self._plan_and_estimate(lab)
        error = max(estimated, actual) / max(1, min(estimated, actual))
        measured = {"pending_estimated": estimated, "pending_actual": actual, "hot_plan": plan}
        if error <= MAX_ESTIMATE_ERROR:
            return Finding(
                "root_cause",
                True,
                f"the planner's statistics are fresh: it estimates {estimated} pending tasks, "
                f"there are {actual}",
                measured,
            )
        return Finding(
            "root_cause",
            False,
            f"the statistics on tasks are stale: the planner estimates {estimated} pending "
            f"tasks, there are {actual} ({error:.0f}x off), so it picks "
            f"{' > '.join(plan)} for the dispatch board",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT coalesce(array_to_string(c.reloptions, ', '), ''),"
                " coalesce((SELECT NOT o.option_value::boolean"
                "           FROM pg_options_to_table(c.reloptions) o"
                "           WHERE o.option_name = 'autovacuum_enabled'), false)"
                " FROM pg_class c WHERE c.oid = 'public.tasks'::regclass"
            ).fetchone()
        options = str(row[0]) if row else ""
        disabled = bool(row[1]) if row else True
        return Finding(
            "prevention",
            not disabled,
            "autovacuum is enabled for tasks again: it will re-analyze the table after the "
            "next bulk change"
            if not disabled
            else "autovacuum is still disabled for tasks (reloptions: "
            f"{options}): nothing will analyze it after the next bulk load either",
            {"reloptions": options},
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return ["statistic", "stats", "analyze", "estimate"]


SCENARIO = StaleStatistics()
