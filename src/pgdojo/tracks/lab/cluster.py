"""A disposable PostgreSQL cluster for one lab: its own data dir, socket and port, removed after.

Roles inside (the incident's cast):

    postgres    superuser; pgdojo's own checks only, over the Unix socket
    app_owner   owns the application's tables (NOLOGIN)
    app         the application's login, used by the workload
    oncall      the candidate: an on-call DBA's powers, not a superuser
    replicator  a standby's streaming login (only in labs with a standby)
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from pgdojo.engine.server import EmbeddedServer, remove_server

APP_DB = "shop"
ONCALL = "oncall"
APP = "app"
REPLICATOR = "replicator"  # the standby's streaming role (local trust, replication)

# What an on-call DBA may change instance-wide (ALTER SYSTEM + pg_reload_conf).
ONCALL_SYSTEM_PARAMETERS = (
    "statement_timeout",
    "idle_in_transaction_session_timeout",
    "idle_session_timeout",
    "lock_timeout",
    "work_mem",
    "max_standby_streaming_delay",
    "hot_standby_feedback",
    "autovacuum_vacuum_scale_factor",
    "autovacuum_vacuum_threshold",
    "log_min_duration_statement",
    "log_lock_waits",
)

BASE_SETTINGS = {
    "shared_preload_libraries": "'pg_stat_statements'",
    "max_connections": "60",
    "shared_buffers": "64MB",
    "log_lock_waits": "on",
    "log_min_duration_statement": "2000",
    "pg_stat_statements.track": "top",
    "wal_level": "replica",
    "max_wal_senders": "4",
    "fsync": "off",  # a lab is disposable: trade durability for start-up speed
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


@dataclass
class Credentials:
    oncall_password: str
    app_password: str


class LabCluster:
    """A lab's primary server (and, for some scenarios, a streaming standby)."""

    def __init__(self, root: Path, settings: dict[str, str] | None = None) -> None:
        self.root = root
        merged = {**BASE_SETTINGS, **(settings or {})}
        self.primary = EmbeddedServer(root / "data", settings=merged, first_port=55432)
        self.standby: EmbeddedServer | None = None
        if (root / "standby" / "PG_VERSION").exists():
            self.standby = EmbeddedServer(root / "standby")

    # -- lifecycle -------------------------------------------------------------------------
    def create(self) -> Credentials:
        """initdb, start, create the database and the roles."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.primary.ensure_running()
        creds = Credentials(secrets.token_urlsafe(12), secrets.token_urlsafe(12))
        with psycopg.connect(self.primary.admin_conninfo("postgres"), autocommit=True) as admin:
            admin.execute("CREATE ROLE app_owner NOLOGIN")
            admin.execute(
                sql.SQL("CREATE ROLE app LOGIN PASSWORD {}").format(sql.Literal(creds.app_password))
            )
            admin.execute(
                sql.SQL(
                    "CREATE ROLE oncall LOGIN CREATEROLE PASSWORD {} IN ROLE pg_monitor, "
                    "pg_signal_backend, pg_read_all_stats, pg_read_all_settings, app_owner"
                ).format(sql.Literal(creds.oncall_password))
            )
            # Role settings on app (ALTER ROLE app SET ...) need ADMIN OPTION since PG16.
            admin.execute("GRANT app TO oncall WITH ADMIN OPTION, INHERIT FALSE, SET FALSE")
            admin.execute("CREATE DATABASE shop OWNER app_owner")
            for parameter in ONCALL_SYSTEM_PARAMETERS:
                admin.execute(
                    sql.SQL("GRANT ALTER SYSTEM ON PARAMETER {} TO oncall").format(
                        sql.Identifier(parameter)
                    )
                )
            admin.execute("GRANT EXECUTE ON FUNCTION pg_reload_conf() TO oncall")
        with psycopg.connect(self.admin_conninfo(), autocommit=True) as admin:
            admin.execute("CREATE EXTENSION pg_stat_statements")
            # Function privileges are per database: the reload grant must be made here too.
            admin.execute("GRANT EXECUTE ON FUNCTION pg_reload_conf() TO oncall")
            admin.execute("ALTER SCHEMA public OWNER TO app_owner")
            admin.execute("GRANT USAGE ON SCHEMA public TO app")
            admin.execute(
                "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app"
            )
            admin.execute(
                "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public "
                "GRANT USAGE, SELECT ON SEQUENCES TO app"
            )
        return creds

    def add_standby(self, settings: dict[str, str] | None = None) -> EmbeddedServer:
        """A streaming standby cloned with pg_basebackup, started on its own port.

        It streams as `replicator` (LOGIN REPLICATION, not a superuser), as production standbys
        do: its walsender is then a session an on-call DBA with pg_signal_backend can see and
        end, which is a mistake some scenarios need to be possible."""
        standby_dir = self.root / "standby"
        merged = {**BASE_SETTINGS, "hot_standby": "on", **(settings or {})}
        standby = EmbeddedServer(standby_dir, settings=merged, first_port=55532)
        primary_port = self.primary.port()
        with psycopg.connect(self.primary.admin_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {REPLICATOR} LOGIN REPLICATION")
        self.primary._run(
            [
                "pg_basebackup",
                "-D",
                str(standby_dir),
                "-h",
                str(self.primary.socket_dir),
                "-p",
                str(primary_port),
                "-U",
                REPLICATOR,
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
                "-C",
                "-S",
                "lab_standby",
            ]
        )
        standby.ensure_running()
        self.standby = standby
        return standby

    def destroy(self) -> None:
        """Stop every server of the lab and delete everything it had on disk."""
        standby = self.standby or EmbeddedServer(self.root / "standby")
        if standby.pgdata.exists():
            remove_server(standby)
        remove_server(self.primary)
        shutil.rmtree(self.root, ignore_errors=True)

    def running(self) -> bool:
        return self.primary.is_running()

    # -- connection strings ----------------------------------------------------------------
    def admin_conninfo(self, dbname: str = APP_DB) -> str:
        return self.primary.admin_conninfo(dbname)

    def standby_admin_conninfo(self, dbname: str = APP_DB) -> str:
        assert self.standby is not None
        return self.standby.admin_conninfo(dbname)

    def dsn(self, role: str, password: str, dbname: str = APP_DB, standby: bool = False) -> str:
        """A libpq URL over TCP, as psql takes it."""
        server = self.standby if standby and self.standby else self.primary
        return f"postgresql://{role}:{password}@127.0.0.1:{server.port()}/{dbname}"

    def conninfo(self, role: str, password: str, dbname: str = APP_DB) -> str:
        return make_conninfo(
            "",
            host="127.0.0.1",
            port=str(self.primary.port()),
            user=role,
            password=password,
            dbname=dbname,
        )
