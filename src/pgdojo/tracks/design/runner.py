"""Running a design at scale on a scratch database of the engine.

The run, in order (nothing runs when the submission does not parse):
1. a scratch database owned by the prompt's owner role, and the application's login role when
   the prompt has one (roles are created for the run and dropped after it; runs are
   serialised by an advisory lock, since role names are cluster-wide);
2. the prompt's given tables, then the candidate's Schema, as the owner: never as a
   superuser, so nothing the candidate writes runs with more rights than the owner has;
3. the base data of the scale profile, as the owner (the candidate's triggers and indexes
   apply to it), then the write workload through the candidate's own write queries, as the
   application: rows written (from the statistics, flushed when the session ends), WAL bytes
   and the latency of every call;
4. each read for its sampled parameters (the hard cases first), as the application: the
   result against the prompt's reference query on the same data, EXPLAIN (ANALYZE, BUFFERS),
   p50 and p95 over repeated runs;
5. the prompt's own checks (a race of two real sessions, a repeated call, two equal
   results), the tenant isolation attack when the prompt has tenants, and the sizes.

pgdojo's privileged queries (statistics, sizes, WAL positions) run with search_path
pg_catalog and name only catalog objects: a candidate's functions and operators never run
with the superuser's rights (CVE-2018-1058's class of attack).
"""

from __future__ import annotations

import contextlib
import secrets
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import sql

from pgdojo.content.design import Check, DesignPrompt
from pgdojo.engine import Engine
from pgdojo.errors import EngineError
from pgdojo.tracks.design.attack import tenant_attack
from pgdojo.tracks.design.results import RunResult
from pgdojo.tracks.design.submission import Submission, to_placeholders

Progress = Callable[[str, float], None]
# One run at a time on a server: the prompt's role names are cluster-wide.
RUN_LOCK_KEY = 7_340_219
SAFE = "-c search_path=pg_catalog,pg_temp"
CANDIDATE_SETTINGS = {
    "statement_timeout": "30s",
    "lock_timeout": "5s",
    "idle_in_transaction_session_timeout": "60s",
    "work_mem": "32MB",
    "temp_file_limit": "1GB",
    "max_parallel_workers_per_gather": "0",
    "jit": "off",
}
READ_REPEATS = 5
MAX_SAMPLES = 12
MAX_WORKLOAD_CALLS = 50_000


@dataclass(frozen=True)
class _Checking:
    """What one of the prompt's checks runs with: its prompt, the submission, the check, new
    sessions as the application, and the owner's session."""

    prompt: DesignPrompt
    submission: Submission
    check: Check
    connect: Callable[[], psycopg.Connection[Any]]
    owner: psycopg.Connection[Any]


@dataclass(frozen=True)
class Roles:
    owner: str
    owner_password: str
    app: str | None
    app_password: str | None


def _plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _plan_nodes(child)


def _plan_shape(plan: dict[str, Any]) -> str:
    parts = []
    for node in _plan_nodes(plan):
        name = node["Node Type"]
        if "Relation Name" in node:
            name += f" on {node['Relation Name']}"
        if "Index Name" in node:
            name += f" using {node['Index Name']}"
        parts.append(name)
    return " → ".join(parts[:6]) + (" → …" if len(parts) > 6 else "")


def _normal(value: Any) -> Any:
    """A value as compared: numbers of any type by their value (20, 20.0 and numeric 20.00
    are equal), everything else by its text."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if number == number.to_integral_value():
            return str(int(number))
        return format(round(number, 9).normalize(), "f")
    return str(value)


def _rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(_normal(v) for v in row) for row in rows]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[index], 3)


class DesignRunner:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- the scratch database ------------------------------------------------------------------
    @contextlib.contextmanager
    def _scratch(self, prompt: DesignPrompt) -> Iterator[tuple[str, Roles]]:
        admin_info = self.engine.admin_conninfo("postgres")
        with psycopg.connect(admin_info, autocommit=True, options=SAFE) as lock:
            lock.execute("SELECT pg_catalog.pg_advisory_lock(%s)", (RUN_LOCK_KEY,))
            dbname = "pgdojo_design_" + secrets.token_hex(4)
            roles = Roles(
                prompt.meta.owner,
                secrets.token_urlsafe(16),
                prompt.meta.app_role,
                secrets.token_urlsafe(16) if prompt.meta.app_role else None,
            )
            try:
                self._drop_leftovers(lock, roles)
                self._create(lock, dbname, roles)
                yield dbname, roles
            finally:
                lock.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(dbname)
                    )
                )
                self._drop_roles(lock, roles)
                lock.execute("SELECT pg_catalog.pg_advisory_unlock(%s)", (RUN_LOCK_KEY,))

    def _drop_leftovers(self, admin: psycopg.Connection[Any], roles: Roles) -> None:
        """A run that was killed leaves its database and roles behind: remove them first."""
        for (name,) in admin.execute(
            "SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE 'pgdojo\\_design\\_%'"
        ).fetchall():
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        self._drop_roles(admin, roles)

    def _drop_roles(self, admin: psycopg.Connection[Any], roles: Roles) -> None:
        for role in (roles.app, roles.owner):
            if role:
                admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))

    def _create(self, admin: psycopg.Connection[Any], dbname: str, roles: Roles) -> None:
        admin.execute(
            sql.SQL(
                "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                "NOBYPASSRLS CONNECTION LIMIT 20 PASSWORD {}"
            ).format(sql.Identifier(roles.owner), sql.Literal(roles.owner_password))
        )
        if roles.app:
            admin.execute(
                sql.SQL(
                    "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    "NOBYPASSRLS CONNECTION LIMIT 20 PASSWORD {}"
                ).format(sql.Identifier(roles.app), sql.Literal(roles.app_password))
            )
        for role in (roles.owner, roles.app):
            if not role:
                continue
            for name, value in CANDIDATE_SETTINGS.items():
                admin.execute(
                    sql.SQL("ALTER ROLE {} SET {} = {}").format(
                        sql.Identifier(role), sql.Identifier(name), sql.Literal(value)
                    )
                )
        admin.execute(
            sql.SQL(
                "CREATE DATABASE {} OWNER {} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
            ).format(sql.Identifier(dbname), sql.Identifier(roles.owner))
        )
        admin.execute(
            sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(dbname))
        )
        for role in (roles.owner, roles.app):
            if role:
                admin.execute(
                    sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                        sql.Identifier(dbname), sql.Identifier(role)
                    )
                )

    def _connect(self, dbname: str, role: str, password: str, **kw: Any) -> psycopg.Connection[Any]:
        info = self.engine.server.role_conninfo(role, password, dbname)
        return psycopg.connect(info, autocommit=True, connect_timeout=10, **kw)

    # -- the run ---------------------------------------------------------------------------
    def run(
        self, prompt: DesignPrompt, submission: Submission, progress: Progress | None = None
    ) -> RunResult:
        started = time.monotonic()
        result = RunResult(prompt.id)
        say = progress or (lambda step, fraction: None)
        try:
            with self._scratch(prompt) as (dbname, roles):
                self._run(prompt, submission, dbname, roles, result, say)
        except psycopg.OperationalError as exc:
            raise EngineError(f"the design run lost its database: {exc}".strip()) from exc
        result.seconds = time.monotonic() - started
        say("done", 1.0)
        return result

    def _run(
        self,
        prompt: DesignPrompt,
        submission: Submission,
        dbname: str,
        roles: Roles,
        result: RunResult,
        say: Progress,
    ) -> None:
        admin_info = self.engine.admin_conninfo(dbname)
        owner = self._connect(dbname, roles.owner, roles.owner_password)
        app_role, app_password = (
            (roles.app, roles.app_password) if roles.app else (roles.owner, roles.owner_password)
        )
        assert app_password is not None
        with owner, psycopg.connect(admin_info, autocommit=True, options=SAFE) as admin:
            say("given tables", 0.02)
            owner.execute(prompt.given_sql.encode())
            say("your schema", 0.05)
            try:
                owner.execute(submission.schema_sql.encode())
            except psycopg.Error as exc:
                message = (getattr(exc.diag, "message_primary", None) or str(exc)).strip()
                result.check("schema", False, f"## Schema does not run as {roles.owner}: {message}")
                return
            result.check(
                "schema", True, f"the schema runs as {roles.owner} on top of the given tables"
            )
            say("base data", 0.1)
            started = time.monotonic()
            try:
                owner.execute(prompt.meta.scale.setup.encode())
            except psycopg.Error as exc:
                message = (getattr(exc.diag, "message_primary", None) or str(exc)).strip()
                result.check(
                    "scale", False, f"the base data does not load with your schema: {message}"
                )
                return
            _analyze(owner)
            # The owner's statistics from loading reach the shared counters at its next
            # transaction end: flush them now, so they are not counted as the workload's.
            owner.execute("SELECT pg_catalog.pg_stat_force_next_flush()")
            owner.execute("SELECT 1")
            result.measured["base_data_s"] = round(time.monotonic() - started, 2)
            writes = self._workload(
                prompt, submission, dbname, app_role, app_password, owner, admin, result, say
            )
            if writes is False:
                return
            _analyze(owner)
            self._reads(prompt, submission, dbname, app_role, app_password, owner, result, say)
            self._set_tenant(prompt, owner, {"tenant": ""})  # the reads' last tenant ends here
            for n, check in enumerate(prompt.meta.checks):
                say(f"check {check.name}", 0.8 + 0.05 * n / max(1, len(prompt.meta.checks)))
                self._check(
                    prompt, submission, check, dbname, app_role, app_password, owner, result
                )
            if prompt.tenants:
                say("tenant isolation attack", 0.88)
                leaks = tenant_attack(
                    prompt,
                    lambda: self._connect(dbname, app_role, app_password),
                    owner,
                    admin,
                    app_role,
                )
                result.leaks.extend(leaks)
                result.check(
                    "tenant-isolation",
                    not leaks,
                    "no path to another tenant's rows"
                    if not leaks
                    else f"{len(leaks)} leak(s): " + "; ".join(leak.path for leak in leaks[:4]),
                )
            say("sizes", 0.95)
            result.measured["tables"] = self._sizes(admin)
            self._extrapolate(prompt, result)

    def _stat_rows(self, admin: psycopg.Connection[Any]) -> int:
        admin.execute("SELECT pg_catalog.pg_stat_clear_snapshot()")
        row = admin.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint"
            " FROM pg_catalog.pg_stat_user_tables"
        ).fetchone()
        return int(row[0]) if row else 0

    def _wal(self, admin: psycopg.Connection[Any]) -> Any:
        row = admin.execute("SELECT pg_catalog.pg_current_wal_lsn()").fetchone()
        return row[0] if row else None

    def _workload(
        self,
        prompt: DesignPrompt,
        submission: Submission,
        dbname: str,
        app_role: str,
        app_password: str,
        owner: psycopg.Connection[Any],
        admin: psycopg.Connection[Any],
        result: RunResult,
        say: Progress,
    ) -> bool:
        for n, workload in enumerate(prompt.meta.scale.workload):
            query = submission.queries[workload.query]
            names = list(prompt.meta.queries[workload.query].params)
            cur = owner.execute(workload.params.encode())
            columns = [c.name for c in cur.description or []]
            params = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()][
                :MAX_WORKLOAD_CALLS
            ]
            missing = [p for p in names if p not in columns]
            assert not missing, f"the prompt's workload for {workload.query} lacks {missing}"
            rows_before, wal_before = self._stat_rows(admin), self._wal(admin)
            latencies: list[float] = []
            say(
                f"{workload.query} × {len(params)}",
                0.15 + 0.4 * n / max(1, len(prompt.meta.scale.workload)),
            )
            try:
                with self._connect(dbname, app_role, app_password) as writer:
                    for k, values in enumerate(params):
                        # A workload row may carry its tenant, set as the application would.
                        self._set_tenant(prompt, writer, values)
                        t0 = time.perf_counter()
                        writer.execute(query.sql.encode(), {p: values[p] for p in query.params})
                        latencies.append((time.perf_counter() - t0) * 1000)
                        if k % 2000 == 0:
                            say(
                                f"{workload.query} {k}/{len(params)}",
                                0.15
                                + 0.4
                                * (n + k / len(params))
                                / max(1, len(prompt.meta.scale.workload)),
                            )
            except psycopg.Error as exc:
                message = (getattr(exc.diag, "message_primary", None) or str(exc)).strip()
                result.check(
                    f"write:{workload.query}",
                    False,
                    f"{workload.query} fails on call {len(latencies) + 1}: {message}",
                )
                return False
            # The writer's statistics reach the shared counters when its session ends.
            time.sleep(0.05)
            rows = self._stat_rows(admin) - rows_before
            wal_row = admin.execute(
                "SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), %s)",
                (wal_before,),
            ).fetchone()
            wal = int(wal_row[0]) if wal_row else 0
            calls = max(1, len(params))
            figures: dict[str, Any] = {
                "kind": "write",
                "calls": len(params),
                "rows_written": rows,
                "rows_per_call": round(rows / calls, 2),
                "wal_bytes": wal,
                "wal_bytes_per_call": round(wal / calls),
                "p50_ms": _percentile(latencies, 0.5),
                "p95_ms": _percentile(latencies, 0.95),
            }
            result.measured.setdefault("queries", {})[workload.query] = figures
            budget = prompt.meta.scale.write_rows_budget
            if budget is not None:
                result.check(
                    f"write-amplification:{workload.query}",
                    figures["rows_per_call"] <= budget,
                    f"{workload.query} writes {figures['rows_per_call']:g} rows a call "
                    f"(budget {budget}; {figures['wal_bytes_per_call']:,} WAL bytes a call)",
                )
        return True

    def _reads(
        self,
        prompt: DesignPrompt,
        submission: Submission,
        dbname: str,
        app_role: str,
        app_password: str,
        owner: psycopg.Connection[Any],
        result: RunResult,
        say: Progress,
    ) -> None:
        large = self._large_tables(owner, prompt.meta.scale.large_table_rows)
        reads = [(n, q) for n, q in prompt.meta.queries.items() if q.kind == "read"]
        with self._connect(dbname, app_role, app_password) as reader:
            for index, (name, spec) in enumerate(reads):
                say(f"{name}", 0.6 + 0.2 * index / max(1, len(reads)))
                query = submission.queries[name]
                sample_sql = prompt.meta.scale.samples.get(name)
                samples: list[dict[str, Any]] = [{}]
                if sample_sql:
                    cur = owner.execute(sample_sql.encode())
                    columns = [c.name for c in cur.description or []]
                    samples = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()][
                        :MAX_SAMPLES
                    ]
                latencies: list[float] = []
                buffers: list[int] = []
                wrong: list[str] = []
                seq_scans: set[str] = set()
                shape = ""
                offending = ""
                for sample in samples:
                    label = str(sample.get("case", "")) or ", ".join(
                        f"{k}={v}" for k, v in sample.items()
                    )
                    values = {p: sample.get(p) for p in query.params}
                    try:
                        # The reference may use any column of the sample (e.g. :tenant).
                        self._set_tenant(prompt, owner, sample)
                        expected = _rows(
                            owner.execute(_reference(spec.reference or ""), sample).fetchall()
                        )
                        self._set_tenant(prompt, reader, sample)
                        got = _rows(reader.execute(query.sql.encode(), values).fetchall())
                        plan_row = reader.execute(
                            b"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query.sql.encode(), values
                        ).fetchone()
                        for _ in range(READ_REPEATS):
                            t0 = time.perf_counter()
                            reader.execute(query.sql.encode(), values).fetchall()
                            latencies.append((time.perf_counter() - t0) * 1000)
                    except psycopg.Error as exc:
                        message = (getattr(exc.diag, "message_primary", None) or str(exc)).strip()
                        result.check(
                            f"correct:{name}", False, f"{name} fails for {label}: {message}"
                        )
                        return
                    if (got if spec.ordered else sorted(got, key=repr)) != (
                        expected if spec.ordered else sorted(expected, key=repr)
                    ):
                        wrong.append(label)
                    assert plan_row is not None
                    plan = plan_row[0][0]["Plan"]
                    shape = shape or _plan_shape(plan)
                    buffers.append(
                        int(plan.get("Shared Hit Blocks", 0))
                        + int(plan.get("Shared Read Blocks", 0))
                    )
                    for node in _plan_nodes(plan):
                        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in large:
                            seq_scans.add(node["Relation Name"])
                            offending = offending or f"{_plan_shape(plan)}, for {label}"
                figures: dict[str, Any] = {
                    "kind": "read",
                    "samples": len(samples),
                    "p50_ms": _percentile(latencies, 0.5),
                    "p95_ms": _percentile(latencies, 0.95),
                    "buffers_p50": int(statistics.median(buffers)) if buffers else 0,
                    "buffers_max": max(buffers, default=0),
                    "plan": shape,
                    "seq_scans": sorted(seq_scans),
                }
                result.measured.setdefault("queries", {})[name] = figures
                result.check(
                    f"correct:{name}",
                    not wrong,
                    f"{name} returns the reference's rows for all {len(samples)} samples"
                    if not wrong
                    else f"{name} differs from the reference for: {', '.join(wrong[:4])}",
                )
                if spec.hot:
                    result.check(
                        f"index:{name}",
                        not seq_scans,
                        f"{name} reads through indexes ({shape})"
                        if not seq_scans
                        else f"{name} scans {', '.join(sorted(seq_scans))} sequentially "
                        f"({offending})",
                    )
                if spec.p95_ms is not None:
                    result.check(
                        f"latency:{name}",
                        figures["p95_ms"] <= spec.p95_ms,
                        f"{name} p95 {figures['p95_ms']} ms (budget {spec.p95_ms:g} ms)",
                    )

    def _set_tenant(
        self, prompt: DesignPrompt, conn: psycopg.Connection[Any], sample: dict[str, Any]
    ) -> None:
        if prompt.meta.tenant_setting and "tenant" in sample and sample["tenant"] is not None:
            conn.execute(
                "SELECT pg_catalog.set_config(%s, %s, false)",
                (prompt.meta.tenant_setting, str(sample["tenant"])),
            )

    def _large_tables(self, owner: psycopg.Connection[Any], threshold: int) -> set[str]:
        rows = owner.execute(
            "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
            " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm')"
            " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            " AND c.reltuples >= %s",
            (threshold,),
        ).fetchall()
        return {r[0] for r in rows}

    def _check(
        self,
        prompt: DesignPrompt,
        submission: Submission,
        check: Check,
        dbname: str,
        app_role: str,
        app_password: str,
        owner: psycopg.Connection[Any],
        result: RunResult,
    ) -> None:
        try:
            if check.setup:
                owner.execute(check.setup.encode())
            checking = _Checking(
                prompt,
                submission,
                check,
                lambda: self._connect(dbname, app_role, app_password),
                owner,
            )
            run = {"race": self._race, "repeat": self._repeat, "equal": self._equal}[check.kind]
            passed, detail = run(checking)
        except psycopg.Error as exc:
            message = (getattr(exc.diag, "message_primary", None) or str(exc)).strip()
            passed, detail = False, f"could not run: {message}"
        result.check(check.name, passed, f"{check.message} ({detail})")

    def _race(self, c: _Checking) -> tuple[bool, str]:
        """Two real sessions call the query at the same moment (a barrier, then both go)."""
        prompt, submission, check = c.prompt, c.submission, c.check
        assert check.query is not None
        query = submission.queries[check.query]
        values = {p: check.params.get(p) for p in query.params}
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def contender() -> None:
            with c.connect() as conn:
                self._set_tenant(prompt, conn, check.params)
                barrier.wait(timeout=10)
                try:
                    cur = conn.execute(query.sql.encode(), values)
                    # A call wins when it affects rows or returns rows; a refusal raises, or
                    # affects and returns none.
                    outcomes.append("won" if (cur.rowcount or 0) > 0 else "no-op")
                except psycopg.Error as exc:
                    outcomes.append(f"lost: {getattr(exc.diag, 'sqlstate', '')}")

        threads = [threading.Thread(target=contender) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=40)
        winners = sum(1 for o in outcomes if o == "won")
        return (
            winners == check.winners,
            f"{winners} of 2 concurrent calls succeeded; {', '.join(outcomes)}",
        )

    def _repeat(self, c: _Checking) -> tuple[bool, str]:
        prompt, submission, check, owner = c.prompt, c.submission, c.check, c.owner
        assert check.query is not None and check.state is not None
        query = submission.queries[check.query]
        values = {p: check.params.get(p) for p in query.params}
        with c.connect() as conn:
            self._set_tenant(prompt, conn, check.params)
            self._set_tenant(prompt, owner, check.params)
            conn.execute(query.sql.encode(), values)
            first = _rows(owner.execute(check.state.encode()).fetchall())
            with contextlib.suppress(psycopg.errors.UniqueViolation, psycopg.errors.RaiseException):
                conn.execute(query.sql.encode(), values)
            second = _rows(owner.execute(check.state.encode()).fetchall())
        return first == second, f"state after one call {first[:3]}, after two {second[:3]}"

    def _equal(self, c: _Checking) -> tuple[bool, str]:
        prompt, submission, check, owner = c.prompt, c.submission, c.check, c.owner

        def rows_of(ref: str | None) -> list[tuple[Any, ...]]:
            assert ref is not None
            if ref in submission.queries:
                with c.connect() as conn:
                    self._set_tenant(prompt, conn, check.params)
                    q = submission.queries[ref]
                    return sorted(
                        _rows(
                            conn.execute(
                                q.sql.encode(), {p: check.params.get(p) for p in q.params}
                            ).fetchall()
                        ),
                        key=repr,
                    )
            return sorted(_rows(owner.execute(ref.encode()).fetchall()), key=repr)

        left, right = rows_of(check.left), rows_of(check.right)
        if left == right:
            return True, f"{len(left)} rows, equal"
        first = next(
            (pair for pair in zip(left, right, strict=False) if pair[0] != pair[1]),
            (
                left[len(right)] if len(left) > len(right) else (),
                right[len(left)] if len(right) > len(left) else (),
            ),
        )
        return False, f"{len(left)} rows against {len(right)}; first difference {first}"

    def _sizes(self, admin: psycopg.Connection[Any]) -> dict[str, Any]:
        rows = admin.execute(
            "SELECT c.relname, c.reltuples::bigint, pg_catalog.pg_table_size(c.oid),"
            " pg_catalog.pg_indexes_size(c.oid) FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN"
            " ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 3 DESC"
        ).fetchall()
        return {
            r[0]: {"rows": max(0, int(r[1])), "table_bytes": int(r[2]), "index_bytes": int(r[3])}
            for r in rows
        }

    def _extrapolate(self, prompt: DesignPrompt, result: RunResult) -> None:
        scale = prompt.meta.scale
        out = {}
        for name, per_day in scale.full_scale.items():
            figures = result.measured.get("queries", {}).get(name)
            if not figures or figures.get("kind") != "write":
                continue
            rows_s = figures["rows_per_call"] * per_day / 86_400
            wal_day = figures["wal_bytes_per_call"] * per_day
            out[name] = {
                "calls_per_day": per_day,
                "rows_per_s": round(rows_s),
                "wal_gb_per_day": round(wal_day / 1e9, 1),
                "says": f"at {per_day:,.0f} {name} calls a day this design writes "
                f"{rows_s:,.0f} rows/s and {wal_day / 1e9:,.0f} GB of WAL a day",
            }
        if out:
            result.measured["extrapolated"] = {"note": scale.full_scale_note, **out}


def _analyze(owner: psycopg.Connection[Any]) -> None:
    """ANALYZE the owner's own tables (a database-wide ANALYZE by a non-superuser would warn
    about every shared catalog it may not analyze)."""
    tables = owner.execute(
        "SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)"
        " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind IN ('r', 'p', 'm') AND c.relowner = (SELECT oid FROM"
        " pg_catalog.pg_roles WHERE rolname = current_user)"
        " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    ).fetchall()
    for (name,) in tables:
        owner.execute(f"ANALYZE {name}")


def _reference(text: str) -> bytes:
    """The prompt's reference query with psql-style :params as psycopg placeholders."""
    return to_placeholders(text)[0].encode()
