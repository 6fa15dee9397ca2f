"""Databases and roles pgdojo creates on its server, idempotently, at start.

    pgdojo          the store (user data); only the admin role connects
    pgdojo_judge    where candidate SQL runs, as the login role pgdojo_sandbox

The sandbox role is an ordinary login role: the judge *logs in* as it. It is never reached
with SET ROLE from a superuser session, because RESET ROLE would return to the superuser.
"""

from __future__ import annotations

import secrets

import psycopg
from psycopg import sql

STORE_DB = "pgdojo"
JUDGE_DB = "pgdojo_judge"
SANDBOX_ROLE = "pgdojo_sandbox"
# Owns the materialised datasets (tracks/sql/datasets.py); nobody logs in as it.
DATASETS_OWNER = "pgdojo_datasets"

# Bump when the judge database's set-up below changes; provisioning re-runs once per version.
JUDGE_PROVISION_VERSION = 5

# Extensions problems may use, installed by the admin into schema `ext` of the judge database.
JUDGE_EXTENSIONS = ("tablefunc", "ltree", "btree_gist", "intarray", "hstore", "pg_trgm")

# Functions a sandbox session must not call even where PostgreSQL lets any role call them:
# signalling its own role's backends (other candidates' judges), session-level advisory locks
# that outlive the rollback, NOTIFY, changing limits with set_config, reading other sessions'
# query text (hidden datasets of concurrent judges) and running unparsed SQL strings.
REVOKED_FUNCTIONS = (
    "pg_terminate_backend(integer, bigint)",
    "pg_cancel_backend(integer)",
    "pg_advisory_lock(bigint)",
    "pg_advisory_lock(integer, integer)",
    "pg_advisory_lock_shared(bigint)",
    "pg_advisory_lock_shared(integer, integer)",
    "pg_try_advisory_lock(bigint)",
    "pg_try_advisory_lock(integer, integer)",
    "pg_try_advisory_lock_shared(bigint)",
    "pg_try_advisory_lock_shared(integer, integer)",
    "pg_advisory_xact_lock(bigint)",
    "pg_advisory_xact_lock(integer, integer)",
    "pg_notify(text, text)",
    "set_config(text, text, boolean)",
    "pg_sleep(double precision)",
    "pg_sleep_for(interval)",
    "pg_sleep_until(timestamp with time zone)",
    "pg_stat_get_activity(integer)",
    "pg_stat_get_backend_activity(integer)",
    "query_to_xml(text, boolean, boolean, text)",
    "query_to_xmlschema(text, boolean, boolean, text)",
    "query_to_xml_and_xmlschema(text, boolean, boolean, text)",
    # More functions that run SQL the classifier never parsed: a query given as text
    # (ts_stat, ts_rewrite's second form), the rows of a cursor or of whole tables and schemas.
    "ts_stat(text)",
    "ts_stat(text, text)",
    "ts_rewrite(tsquery, text)",
    "cursor_to_xml(refcursor, integer, boolean, boolean, text)",
    "cursor_to_xmlschema(refcursor, boolean, boolean, text)",
    "table_to_xml(regclass, boolean, boolean, text)",
    "table_to_xmlschema(regclass, boolean, boolean, text)",
    "table_to_xml_and_xmlschema(regclass, boolean, boolean, text)",
    "schema_to_xml(name, boolean, boolean, text)",
    "schema_to_xmlschema(name, boolean, boolean, text)",
    "schema_to_xml_and_xmlschema(name, boolean, boolean, text)",
    "database_to_xml(boolean, boolean, text)",
    "database_to_xmlschema(boolean, boolean, text)",
    "database_to_xml_and_xmlschema(boolean, boolean, text)",
    "pg_read_file(text)",
    "pg_read_file(text, bigint, bigint)",
    "pg_read_binary_file(text)",
    "lo_import(text)",
    "lo_export(oid, text)",
    "lo_create(oid)",
    "lo_creat(integer)",
    "lo_from_bytea(oid, bytea)",
)
# Extension functions (schema ext) that run SQL given as text, which no problem needs:
# crosstab(text) and crosstab(text, text) stay for the problems that declare them
# (`allow_functions`), whose query strings the classifier checks.
REVOKED_EXTENSION_FUNCTIONS = (
    "crosstab(text, integer)",
    "crosstab2(text)",
    "crosstab3(text)",
    "crosstab4(text)",
    "connectby(text, text, text, text, integer)",
    "connectby(text, text, text, text, integer, text)",
    "connectby(text, text, text, text, text, integer)",
    "connectby(text, text, text, text, text, integer, text)",
)
REVOKED_VIEWS = ("pg_stat_activity", "pg_locks", "pg_stat_statements_info")

# Server-enforced per-login limits; candidates cannot change superuser-only settings like
# temp_file_limit, and the judge tightens the others per problem with SET LOCAL.
SANDBOX_ROLE_SETTINGS = {
    "statement_timeout": "5s",
    "lock_timeout": "1s",
    "idle_in_transaction_session_timeout": "30s",
    "work_mem": "16MB",
    "temp_file_limit": "128MB",
    "max_parallel_workers_per_gather": "0",
    "jit": "off",
    "search_path": "ext",
}


def ensure_database(admin: psycopg.Connection, name: str) -> bool:
    """Create database `name` (C collation, UTF8) unless it exists; True when created."""
    exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if exists:
        return False
    admin.execute(
        sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'").format(
            sql.Identifier(name)
        )
    )
    return True


def provision_judge(admin_conninfo_for: object, sandbox_password: str) -> None:
    """Create or update the judge database and the sandbox role. Safe to run many times."""
    assert callable(admin_conninfo_for)
    with psycopg.connect(admin_conninfo_for("postgres"), autocommit=True) as admin:
        ensure_database(admin, JUDGE_DB)
        role = sql.Identifier(SANDBOX_ROLE)
        exists = admin.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (SANDBOX_ROLE,)
        ).fetchone()
        verb = sql.SQL("ALTER") if exists else sql.SQL("CREATE")
        admin.execute(
            sql.SQL(
                "{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION "
                "NOBYPASSRLS CONNECTION LIMIT 100 PASSWORD {}"
            ).format(verb, role, sql.Literal(sandbox_password))
        )
        for name, value in SANDBOX_ROLE_SETTINGS.items():
            admin.execute(
                sql.SQL("ALTER ROLE {} SET {} = {}").format(
                    role, sql.Identifier(name), sql.Literal(value)
                )
            )
        # Only pgdojo's own roles may connect to its databases.
        for db in ("postgres", STORE_DB, "template1"):
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone():
                admin.execute(
                    sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC").format(
                        sql.Identifier(db)
                    )
                )
        judge = sql.Identifier(JUDGE_DB)
        admin.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(judge))
        # CREATE: the judge creates a throw-away schema inside each (rolled back) transaction.
        admin.execute(sql.SQL("GRANT CONNECT, CREATE ON DATABASE {} TO {}").format(judge, role))
        # The materialised datasets' owner: the sandbox role hands each loaded dataset over to
        # it (ALTER ... OWNER needs the membership); being NOINHERIT, the sandbox role gets none
        # of the owner's rights from it.
        owner = sql.Identifier(DATASETS_OWNER)
        if not admin.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (DATASETS_OWNER,)
        ).fetchone():
            admin.execute(sql.SQL("CREATE ROLE {} NOLOGIN NOINHERIT").format(owner))
        admin.execute(sql.SQL("GRANT CREATE ON DATABASE {} TO {}").format(judge, owner))
        admin.execute(sql.SQL("GRANT {} TO {}").format(owner, role))

    with psycopg.connect(admin_conninfo_for(JUDGE_DB), autocommit=True) as admin:
        admin.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        admin.execute("CREATE SCHEMA IF NOT EXISTS ext")
        admin.execute("REVOKE ALL ON SCHEMA ext FROM PUBLIC")
        admin.execute(sql.SQL("GRANT USAGE ON SCHEMA ext TO {}").format(role))
        for ext in JUDGE_EXTENSIONS:
            admin.execute(
                sql.SQL("CREATE EXTENSION IF NOT EXISTS {} SCHEMA ext").format(sql.Identifier(ext))
            )
        for signature in REVOKED_FUNCTIONS:
            admin.execute(f"REVOKE EXECUTE ON FUNCTION pg_catalog.{signature} FROM PUBLIC")
        for signature in REVOKED_EXTENSION_FUNCTIONS:
            admin.execute(f"REVOKE EXECUTE ON FUNCTION ext.{signature} FROM PUBLIC")
        for view in REVOKED_VIEWS:
            if admin.execute("SELECT to_regclass(%s)", (f"pg_catalog.{view}",)).fetchone()[0]:  # type: ignore[index]
                admin.execute(f"REVOKE ALL ON pg_catalog.{view} FROM PUBLIC")


def new_password() -> str:
    return secrets.token_urlsafe(24)
