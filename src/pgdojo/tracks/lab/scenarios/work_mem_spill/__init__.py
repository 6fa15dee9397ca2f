"""The finance dashboard's report sorts 400k rows in 4 MB: every refresh spills to temp files.

The report (role `reporting`, a fresh connection per dashboard refresh, as BI tools do) needs
about 28 MB to sort in memory and gets the default 4 MB, so each run writes ~11 MB of temp
files. The fix is memory scoped to the report (ALTER ROLE reporting SET work_mem), which new
report sessions pick up; raising work_mem for everyone is the trap: it is a per-sort, per-hash
node, per-session budget, multiplied by every connection of the application.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg
from psycopg import sql

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner, create_login_role, role_conninfo
from pgdojo.tracks.lab.settings import is_set, memory_kb, setting_prevention

REPORT_ROLE = "reporting"
REPORT_APP = "finance-dashboard"
ROWS = 400_000
REPORT_SQL = """\
/* finance dashboard: customer value */
SELECT customer_id,
       count(*) AS orders,
       count(DISTINCT product_id) AS products,
       sum(total) AS revenue,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY total) AS median_order
FROM orders
WHERE created_at >= now() - interval '365 days'
GROUP BY customer_id
ORDER BY revenue DESC"""
# Sessions other than the report's may have this much work_mem without it being "for everyone".
SCOPED_LIMIT_KB = 16 * 1024
# An instance- or database-wide work_mem this large is a memory hazard (the trap).
HAZARD_KB = 256 * 1024
BLOCK = 8192
PREVENTION_SETTINGS = ("temp_file_limit", "log_temp_files")


def dashboard(ctx: WorkloadContext) -> None:
    """A dashboard refresh: connect as reporting, run the report, disconnect, and again."""
    conninfo = role_conninfo(ctx.app_conninfo, REPORT_ROLE, ctx.state.facts["reporting_password"])
    with psycopg.connect(ctx.admin_conninfo, autocommit=True) as admin:
        while not ctx.stop.is_set():
            # pg_stat_statements counts the blocks each statement wrote to temp files, as
            # soon as it finishes: the difference is this run's spill.
            before = _temp_blocks(admin)
            started = time.monotonic()
            with (
                ctx.op(),
                psycopg.connect(
                    conninfo, autocommit=True, application_name=REPORT_APP, connect_timeout=5
                ) as conn,
            ):
                row = conn.execute("SHOW work_mem").fetchone()
                conn.execute(REPORT_SQL.encode()).fetchall()
            ms = (time.monotonic() - started) * 1000
            ctx.event(
                "report_run",
                ms=round(ms, 1),
                temp_bytes=(_temp_blocks(admin) - before) * BLOCK,
                work_mem=row[0] if row else None,
            )
            ctx.sleep(1.0)


def _temp_blocks(admin: psycopg.Connection[Any]) -> int:
    row = admin.execute(
        "SELECT coalesce(sum(temp_blks_written), 0) FROM public.pg_stat_statements"
        " WHERE userid = %s::regrole",
        (REPORT_ROLE,),
    ).fetchone()
    return int(row[0]) if row else 0


def storefront(ctx: WorkloadContext) -> None:
    """The application: order lookups by primary key, on its own pool of connections."""
    with app_session(ctx, "orders-api") as conn:
        while ctx.sleep(0.05):
            conn.execute(
                "SELECT id, total FROM orders WHERE id = %s", (random.randint(1, ROWS),)
            ).fetchone()


class WorkMemSpill(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {"max_parallel_workers_per_gather": "0"}
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL, product_id int NOT NULL,
                total numeric(10, 2) NOT NULL, created_at timestamptz NOT NULL);
            INSERT INTO orders (customer_id, product_id, total, created_at)
                SELECT (g::bigint * 7919) % 20000 + 1, (g::bigint * 104729) % 5000 + 1,
                       (g::bigint * 37 % 40000) / 100.0 + 5, now() - (g % 365) * interval '1 day'
                FROM generate_series(1, {ROWS}) g;
            """,
        )
        admin.execute("VACUUM ANALYZE public.orders")
        create_login_role(lab, admin, REPORT_ROLE)
        for parameter in PREVENTION_SETTINGS:  # superuser-only parameters otherwise
            admin.execute(
                sql.SQL("GRANT SET ON PARAMETER {} TO oncall").format(sql.Identifier(parameter))
            )

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [dashboard, storefront, storefront]

    # -- measuring -------------------------------------------------------------------------
    def _runs(self, lab: Lab, seconds: float = 4.5) -> list[dict[str, Any]]:
        """The report runs of the last few seconds (at least the latest one)."""
        runs = lab.events("report_run")
        recent = [r for r in runs if r["t"] >= time.time() - seconds]
        return recent or runs[-1:]

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        runs = self._runs(lab)
        with lab.admin() as admin:
            database = admin.execute(
                "SELECT temp_files, temp_bytes FROM pg_stat_database WHERE datname = 'shop'"
            ).fetchone()
            statement = admin.execute(
                "SELECT calls, temp_blks_written, round(mean_exec_time::numeric, 1)::float8"
                " FROM public.pg_stat_statements WHERE userid = %s::regrole"
                " AND query LIKE '%%percentile_cont%%' ORDER BY calls DESC LIMIT 1",
                (REPORT_ROLE,),
            ).fetchone()
        measured.update(
            report_runs=len(runs),
            report_temp_bytes_per_run=max((r["temp_bytes"] for r in runs), default=None),
            report_ms=max((r["ms"] for r in runs), default=None),
            report_work_mem=runs[-1]["work_mem"] if runs else None,
        )
        if database:
            measured.update(db_temp_files=int(database[0]), db_temp_bytes=int(database[1]))
        if statement:
            measured.update(
                report_calls=int(statement[0]),
                report_temp_blks_written_total=int(statement[1]),
                report_mean_ms=statement[2],
            )
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        # The latest report runs still write temp files (more than a stray megabyte).
        return (measured.get("report_temp_bytes_per_run") or 0) > 1024 * 1024

    # -- verdict ---------------------------------------------------------------------------
    def _session_work_mem(self, lab: Lab, role: str, password: str) -> int | None:
        """What a new session of `role` gets, every level of configuration applied."""
        conninfo = lab.cluster.conninfo(role, password)
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            row = conn.execute("SHOW work_mem").fetchone()
        return memory_kb(row[0]) if row else None

    def root_cause(self, lab: Lab) -> Finding:
        app_kb = self._session_work_mem(lab, "app", lab.state.app_password) or 0
        report_kb = self._session_work_mem(lab, REPORT_ROLE, lab.state.facts["reporting_password"])
        runs = self._runs(lab)
        spilled = max((r["temp_bytes"] for r in runs), default=0)
        measured = {
            "app_work_mem_kb": app_kb,
            "reporting_work_mem_kb": report_kb,
            "report_temp_bytes_per_run": spilled,
        }
        if app_kb > SCOPED_LIMIT_KB:
            return Finding(
                "root_cause",
                False,
                f"work_mem was raised beyond the report: a new application session now gets "
                f"{app_kb // 1024} MB per sort or hash node. Give the memory to the report "
                "alone (ALTER ROLE reporting SET work_mem) and put the rest back",
                measured,
            )
        if spilled > 1024 * 1024:
            return Finding(
                "root_cause",
                False,
                f"the report still spills {spilled / 1_048_576:.1f} MB to temp files per run "
                f"(a new reporting session gets work_mem = {(report_kb or 0) // 1024} MB)",
                measured,
            )
        return Finding(
            "root_cause",
            True,
            "the report sorts in memory now, and only the reporting role got the memory "
            f"({(report_kb or 0) // 1024} MB; the application keeps {app_kb // 1024} MB)",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        def ok(name: str, value: str | None) -> str:
            effect = "capped" if name == "temp_file_limit" else "logged"
            return f"{name} = {value} for {REPORT_ROLE}: the next spill is {effect}"

        with lab.admin() as admin:
            return setting_prevention(
                admin,
                REPORT_ROLE,
                PREVENTION_SETTINGS,
                is_set,
                ok=ok,
                missing=f"nothing bounds or reports the {REPORT_ROLE} role's temp files: set "
                "temp_file_limit (a cap) or log_temp_files (a log line per spill) for it",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return ["work_mem", "spill", "temp file", "external merge", "external sort"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        with lab.admin() as admin:
            rows = admin.execute(
                "SELECT 'ALTER SYSTEM', setting FROM pg_file_settings"
                " WHERE name = 'work_mem' AND applied"
                " UNION ALL"
                " SELECT 'ALTER DATABASE', split_part(cfg, '=', 2)"
                " FROM (SELECT unnest(setconfig) AS cfg FROM pg_db_role_setting"
                "       WHERE setrole = 0) s WHERE split_part(cfg, '=', 1) = 'work_mem'"
            ).fetchall()
        hazards = [(how, value) for how, value in rows if (memory_kb(value) or 0) >= HAZARD_KB]
        if not hazards:
            return []
        how, value = hazards[0]
        return [
            Finding(
                "trap:global-work-mem",
                False,
                f"work_mem = {value} for every session ({how}): work_mem is per sort or hash "
                "node (hash nodes may take hash_mem_multiplier times more), per session, so "
                "60 connections running a few such nodes each can ask for many times the "
                "machine's memory; the OOM killer then ends the whole server, not one query",
                {"work_mem": value, "via": how},
            )
        ]


SCENARIO = WorkMemSpill()
