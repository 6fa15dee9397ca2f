"""A disposable PostgreSQL cluster for one lab: its own data dir, socket and port, removed after.

Roles inside (the incident's cast):

    postgres      superuser; pgdojo's setup and its catalog and statistics reads, over the
                  Unix socket, with search_path pg_catalog, pg_temp (see PRIVILEGED_OPTIONS)
    pgdojo_probe  pgdojo's reads of the application's tables (plans, scans): SELECT on them and
                  nothing else, so code the candidate attached to them runs with no power
    app_owner     owns the application's tables and database shop (NOLOGIN)
    app           the application's login, used by the workload
    oncall        the candidate: an on-call DBA's powers, not a superuser
    replicator    a standby's streaming login (only in labs with a standby)

Schema public belongs to the superuser, not to app_owner: the candidate may create objects in it
(CREATE INDEX needs that) but can neither rename it nor drop what the superuser owns there (the
pg_stat_statements extension), so `public.pg_stat_statements` is always the extension's view.

When pgdojo runs as root, a lab's servers run as OS user `pgdojo-lab`, not as the main server's
`pgdojo`: a lab's superuser (were a candidate ever to become one) cannot read the main server's
data dir, which is 0700 and owned by `pgdojo`.
"""

from __future__ import annotations

import pwd
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from pgdojo.engine.server import ADMIN_ROLE, EmbeddedServer, remove_server

APP_DB = "shop"
ONCALL = "oncall"
APP = "app"
REPLICATOR = "replicator"  # the standby's streaming role (local trust, replication)
PROBE = "pgdojo_probe"
LAB_OS_USER = "pgdojo-lab"

# Every superuser session pgdojo opens into a lab resolves names in pg_catalog only. Functions
# and operators are never looked up in pg_temp, and pg_temp, which is searched first for
# relations unless it is listed, is listed last. Non-superusers cannot create objects in
# pg_catalog, so an unqualified `=`, `lower()` or `pg_stat_activity` is PostgreSQL's own, even
# when the candidate defines a better-matching `public.=(oid, regrole)`. A startup option beats
# ALTER DATABASE / ALTER ROLE ... SET search_path, which the candidate may change.
PRIVILEGED_OPTIONS = "-c search_path=pg_catalog,pg_temp"
# pgdojo_probe plans the application's queries as the application resolves them (pg_catalog
# first, then public); whatever it runs, it runs with SELECT on the app's tables and no more.
PROBE_OPTIONS = "-c search_path=pg_catalog,public"

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


class LabServer(EmbeddedServer):
    """An embedded server of a lab: as root, it runs as OS user LAB_OS_USER.

    A data dir that already exists keeps the OS user it belongs to (postgres only runs as the
    owner of its data dir): a lab started before labs had a user of their own still stops."""

    def __init__(
        self, pgdata: Path, settings: dict[str, str] | None = None, first_port: int = 55432
    ) -> None:
        super().__init__(pgdata, settings=settings, first_port=first_port)
        if self._os_user:  # running as root: the base class picked the main server's user
            owner = _owner(pgdata)
            self._os_user = owner if owner not in (None, "root") else LAB_OS_USER

    def _prepare_for_os_user(self) -> None:
        assert self._os_user is not None
        _ensure_os_user(self._os_user)
        super()._prepare_for_os_user()


class LabCluster:
    """A lab's primary server (and, for some scenarios, a streaming standby)."""

    def __init__(self, root: Path, settings: dict[str, str] | None = None) -> None:
        self.root = root
        merged = {**BASE_SETTINGS, **(settings or {})}
        self.primary = LabServer(root / "data", settings=merged, first_port=55432)
        self.standby: EmbeddedServer | None = None
        if (root / "standby" / "PG_VERSION").exists():
            self.standby = LabServer(root / "standby")

    # -- lifecycle -------------------------------------------------------------------------
    def create(self) -> Credentials:
        """initdb, start, create the database and the roles."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.primary.ensure_running()
        creds = Credentials(secrets.token_urlsafe(12), secrets.token_urlsafe(12))
        with psycopg.connect(self.admin_conninfo("postgres"), autocommit=True) as admin:
            admin.execute("CREATE ROLE app_owner NOLOGIN")
            admin.execute(
                sql.SQL("CREATE ROLE app LOGIN PASSWORD {}").format(sql.Literal(creds.app_password))
            )
            # No password: it logs in over the Unix socket only, which the candidate cannot use.
            admin.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(PROBE)))
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
            # PostgreSQL 15+ gives public to pg_database_owner, that is app_owner here: take it
            # back, so that the candidate can neither rename it nor drop what it holds.
            admin.execute(
                sql.SQL("ALTER SCHEMA public OWNER TO {}").format(sql.Identifier(ADMIN_ROLE))
            )
            # The search_path is pg_catalog only: say where the extension goes.
            admin.execute("CREATE EXTENSION pg_stat_statements SCHEMA public")
            # Function privileges are per database: the reload grant must be made here too.
            admin.execute("GRANT EXECUTE ON FUNCTION pg_reload_conf() TO oncall")
            # CREATE, because CREATE INDEX, CREATE STATISTICS and CREATE OR REPLACE FUNCTION
            # need it on the schema besides owning the table or function.
            admin.execute("GRANT USAGE, CREATE ON SCHEMA public TO app_owner")
            admin.execute(
                sql.SQL("GRANT USAGE ON SCHEMA public TO app, {}").format(sql.Identifier(PROBE))
            )
            admin.execute(
                "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app"
            )
            admin.execute(
                sql.SQL(
                    "ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public "
                    "GRANT SELECT ON TABLES TO {}"
                ).format(sql.Identifier(PROBE))
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
        standby = LabServer(standby_dir, settings=merged, first_port=55532)
        primary_port = self.primary.port()
        with psycopg.connect(self.admin_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(
                sql.SQL("CREATE ROLE {} LOGIN REPLICATION").format(sql.Identifier(REPLICATOR))
            )
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
        standby = self.standby or LabServer(self.root / "standby")
        if standby.pgdata.exists():
            remove_server(standby)
        remove_server(self.primary)
        shutil.rmtree(self.root, ignore_errors=True)

    def running(self) -> bool:
        return self.primary.is_running()

    # -- connection strings ----------------------------------------------------------------
    def admin_conninfo(self, dbname: str = APP_DB) -> str:
        """The superuser over the socket, resolving names in pg_catalog only."""
        return make_conninfo(self.primary.admin_conninfo(dbname), options=PRIVILEGED_OPTIONS)

    def standby_admin_conninfo(self, dbname: str = APP_DB) -> str:
        assert self.standby is not None
        return make_conninfo(self.standby.admin_conninfo(dbname), options=PRIVILEGED_OPTIONS)

    def probe_conninfo(self, dbname: str = APP_DB) -> str:
        """pgdojo_probe over the socket: for plans and scans of the application's tables."""
        return make_conninfo(self.primary.admin_conninfo(dbname), user=PROBE, options=PROBE_OPTIONS)

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


def _owner(path: Path) -> str | None:
    """The name of the OS user owning `path`, None when it does not exist (or has no name)."""
    try:
        return pwd.getpwuid(path.stat().st_uid).pw_name
    except (FileNotFoundError, KeyError):
        return None


def _ensure_os_user(name: str) -> None:
    """Create a system user for lab servers, tolerating another process doing it first."""
    try:
        pwd.getpwnam(name)
        return
    except KeyError:
        pass
    result = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
    )
    try:
        pwd.getpwnam(name)
    except KeyError:
        raise RuntimeError(f"could not create OS user {name}: {result.stderr.strip()}") from None
