"""Candidate SQL is hostile. Each attack is refused or contained, and the next honest
submission on the same pooled connection still gets the right verdict."""

from __future__ import annotations

import psycopg
import pytest

from pgdojo.content import Problem
from pgdojo.engine import Engine
from pgdojo.engine.provision import JUDGE_DB, STORE_DB
from pgdojo.tracks.sql import Judge, Sandbox, Verdict
from pgdojo.tracks.sql import sandbox as sandbox_module
from pgdojo.tracks.sql.datasets import DatasetStore

HONEST = (
    "SELECT id, date, amount, SUM(amount) OVER (ORDER BY date, id) AS running_total"
    " FROM transactions ORDER BY date, id"
)

ATTACKS = {
    # reading or writing files
    "pg_read_file": ("SELECT pg_read_file('/etc/passwd')", {Verdict.REJECTED}),
    "copy_to_file": ("COPY transactions TO '/tmp/pgdojo-leak.csv'", {Verdict.REJECTED}),
    "copy_from_program": ("COPY transactions FROM PROGRAM 'id'", {Verdict.REJECTED}),
    "large_object": ("SELECT lo_import('/etc/passwd')", {Verdict.REJECTED}),
    # other databases, foreign data
    "dblink": ("SELECT * FROM dblink('dbname=pgdojo', 'SELECT 1') AS t(a int)", {Verdict.REJECTED}),
    "fdw_server": ("CREATE SERVER leak FOREIGN DATA WRAPPER postgres_fdw", {Verdict.REJECTED}),
    "store_table": ("SELECT * FROM pgdojo.public.submission", {Verdict.REJECTED}),
    "other_problem": ("SELECT * FROM products", {Verdict.ERROR}),
    # becoming another role
    "set_role": ("SET ROLE postgres", {Verdict.REJECTED}),
    "session_authorization": ("SET SESSION AUTHORIZATION postgres", {Verdict.REJECTED}),
    "reset_role": ("RESET ROLE", {Verdict.REJECTED}),
    "security_definer": (
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'",
        {Verdict.REJECTED},
    ),
    # changing limits
    "set_timeout": ("SET statement_timeout = 0", {Verdict.REJECTED}),
    "set_config": ("SELECT set_config('statement_timeout', '0', false)", {Verdict.REJECTED}),
    "alter_system": ("ALTER SYSTEM SET work_mem = '1GB'", {Verdict.REJECTED}),
    # escaping the rollback
    "commit": ("COMMIT", {Verdict.REJECTED}),
    "rollback": ("ROLLBACK", {Verdict.REJECTED}),
    "savepoint": ("SAVEPOINT s", {Verdict.REJECTED}),
    "prepare_transaction": ("PREPARE TRANSACTION 'x'", {Verdict.REJECTED}),
    "stacked": ("SELECT 1; COMMIT; DROP SCHEMA ext CASCADE", {Verdict.REJECTED}),
    # exhausting resources
    "runaway_recursion": (
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
        {Verdict.TIMEOUT, Verdict.ERROR},
    ),
    "huge_series": (
        "SELECT count(*) FROM generate_series(1, 10000000000) g",
        {Verdict.TIMEOUT, Verdict.ERROR},
    ),
    "cross_join": (
        "SELECT count(*) FROM generate_series(1, 200000) a, generate_series(1, 200000) b",
        {Verdict.TIMEOUT, Verdict.ERROR},
    ),
    "pg_sleep": ("SELECT pg_sleep(60)", {Verdict.REJECTED}),
    "huge_sort": (
        "SELECT md5(g::text) FROM generate_series(1, 50000000) g ORDER BY 1 LIMIT 1",
        {Verdict.TIMEOUT, Verdict.ERROR},
    ),
    "huge_result": ("SELECT g FROM generate_series(1, 1000000) g", {Verdict.ERROR}),
    "wide_result": ("SELECT repeat('x', 1000000) FROM generate_series(1, 100)", {Verdict.ERROR}),
    # locks, signals, notifications
    "lock_table": ("LOCK TABLE transactions IN ACCESS EXCLUSIVE MODE", {Verdict.REJECTED}),
    "advisory_lock": ("SELECT pg_advisory_lock(42)", {Verdict.REJECTED}),
    "terminate": ("SELECT pg_terminate_backend(pg_backend_pid())", {Verdict.REJECTED}),
    "cancel": ("SELECT pg_cancel_backend(1)", {Verdict.REJECTED}),
    "listen": ("LISTEN leak", {Verdict.REJECTED}),
    "notify": ("NOTIFY leak, 'x'", {Verdict.REJECTED}),
    "pg_notify": ("SELECT pg_notify('leak', 'x')", {Verdict.REJECTED}),
    "activity": ("SELECT query FROM pg_stat_activity", {Verdict.REJECTED}),
    # leaving things behind
    "create_table": ("CREATE TABLE leftover (a int)", {Verdict.REJECTED}),
    "prepare": ("PREPARE p AS SELECT 1", {Verdict.REJECTED}),
    "do_block": ("DO $$ BEGIN PERFORM 1; END $$", {Verdict.REJECTED}),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_contained_and_next_submission_is_judged_right(
    name: str, single_judge: Judge, problems: dict[str, Problem]
) -> None:
    source, verdicts = ATTACKS[name]
    problem = problems["running-total"]
    result = single_judge.judge(problem, source)
    assert result.verdict in verdicts, result.message
    assert result.message
    after = single_judge.judge(problem, HONEST)
    assert after.verdict is Verdict.ACCEPTED, after.message


def test_timeout_names_the_limit(single_judge: Judge, problems: dict[str, Problem]) -> None:
    source = "SELECT count(*) FROM generate_series(1, 300000) a, generate_series(1, 300000) b"
    result = single_judge.judge(problems["running-total"], source)
    assert result.verdict is Verdict.TIMEOUT
    assert f"{result.time_limit_ms} ms" in result.message


def test_row_locks_and_schemas_do_not_outlive_the_submission(
    single_judge: Judge, problems: dict[str, Problem], engine: Engine
) -> None:
    problem = problems["running-total"]
    single_judge.judge(problem, "SELECT * FROM transactions FOR UPDATE")
    with psycopg.connect(engine.admin_conninfo(JUDGE_DB)) as admin:
        locks = admin.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
            " WHERE a.usename = 'pgdojo_sandbox' AND l.locktype <> 'virtualxid'"
        ).fetchone()
        schemas = admin.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'judge\\_%'"
        ).fetchone()
        tables = admin.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
            " WHERE r.rolname = 'pgdojo_sandbox'"
        ).fetchone()
    assert locks == (0,) and schemas == (0,) and tables == (0,)


def test_mutations_are_rolled_back_between_submissions(
    single_judge: Judge, problems: dict[str, Problem]
) -> None:
    problem = problems["dedupe-keep-latest"]
    wipe = single_judge.judge(problem, "DELETE FROM events")
    assert wipe.verdict is Verdict.WRONG_ANSWER
    assert single_judge.judge(problem, problem.solution).verdict is Verdict.ACCEPTED


# -- the second wall: even unparsed, the sandbox role itself cannot do these --------------------

ROLE_DENIED = [
    "SELECT pg_read_file('/etc/passwd')",
    "COPY (SELECT 1) TO PROGRAM 'id'",
    "SELECT lo_import('/etc/passwd')",
    "SELECT pg_terminate_backend(1)",
    "SELECT pg_advisory_lock(1)",
    "SELECT set_config('work_mem', '1GB', false)",
    "SELECT query FROM pg_stat_activity",
    "SET ROLE postgres",
    "SET SESSION AUTHORIZATION postgres",
    "ALTER SYSTEM SET work_mem = '1GB'",
    "CREATE EXTENSION dblink",
    "SET temp_file_limit = -1",
    "CREATE TEMP TABLE t (a int)",
    "CREATE TABLE public.t (a int)",
    "SELECT pg_sleep(0.01)",
]


@pytest.mark.parametrize("statement", ROLE_DENIED)
def test_sandbox_role_is_unprivileged(statement: str, engine: Engine) -> None:
    with psycopg.connect(engine.sandbox_conninfo()) as conn, pytest.raises(psycopg.Error):
        conn.execute(statement.encode())


def test_sandbox_role_cannot_connect_to_the_store(engine: Engine) -> None:
    conninfo = engine.sandbox_conninfo().replace(f"dbname={JUDGE_DB}", f"dbname={STORE_DB}")
    assert STORE_DB in conninfo
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(conninfo).close()


def test_sandbox_role_logs_in_unprivileged(engine: Engine) -> None:
    with psycopg.connect(engine.sandbox_conninfo()) as conn:
        row = conn.execute(
            "SELECT current_user, session_user, rolsuper, rolcreaterole, rolcreatedb,"
            " current_setting('temp_file_limit') FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        # RESET ROLE goes back to the session user, which is the sandbox role itself.
        conn.execute("RESET ROLE")
        after = conn.execute("SELECT current_user").fetchone()
    assert row == ("pgdojo_sandbox", "pgdojo_sandbox", False, False, False, "128MB")
    assert after == ("pgdojo_sandbox",)


def test_connections_are_renewed_after_judgings_that_create_tables(
    engine: Engine,
    datasets: DatasetStore,
    problems: dict[str, Problem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each judging that creates tables with foreign keys leaves plans in its backend for good
    # (sandbox.py, RENEW_AFTER_BUILDS): the connection is replaced now and then.
    monkeypatch.setattr(sandbox_module, "RENEW_AFTER_BUILDS", 3)
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1, datasets=datasets)
    judge = Judge(sandbox)

    def backend() -> int:
        with sandbox.connection() as conn:
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        return int(row[0])

    try:
        schema, query = problems["schema-orders-integrity"], problems["running-total"]
        first = backend()
        for _ in range(5):  # read in place: no tables created
            assert judge.judge(query, query.solution).accepted
        for _ in range(2):
            assert judge.judge(schema, schema.solution).accepted
        assert backend() == first
        assert judge.judge(schema, schema.solution).accepted  # the third
        assert backend() != first
        assert judge.judge(schema, schema.solution).accepted
    finally:
        sandbox.close()
