"""The Engine: one server, its provisioned databases, and connections for each purpose."""

from __future__ import annotations

import threading

import psycopg

from pgdojo.config import Settings
from pgdojo.engine.provision import (
    JUDGE_DB,
    JUDGE_PROVISION_VERSION,
    SANDBOX_ROLE,
    STORE_DB,
    ensure_database,
    new_password,
    provision_judge,
)
from pgdojo.engine.server import Server, ServerInfo, make_server
from pgdojo.errors import EngineError
from pgdojo.store.migrate import apply_migrations


class Engine:
    """Starts (or reaches) PostgreSQL once per process and hands out connection strings."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self._ready = False
        self._lock = threading.Lock()
        self._sandbox_password: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Engine:
        return cls(make_server(settings.database_url, settings.pgdata, settings.port))

    def start(self) -> Engine:
        """Start the server if needed, create the store and the judge database. Idempotent."""
        with self._lock:
            if self._ready:
                return self
            self.server.ensure_running()
            try:
                self._provision()
            except psycopg.OperationalError as exc:
                raise EngineError(f"PostgreSQL is not reachable: {exc}".strip()) from exc
            self._ready = True
        return self

    def _provision(self) -> None:
        with psycopg.connect(self.server.admin_conninfo("postgres"), autocommit=True) as admin:
            ensure_database(admin, STORE_DB)
        with psycopg.connect(self.server.admin_conninfo(STORE_DB), autocommit=True) as store:
            apply_migrations(store)
            row = store.execute(
                "SELECT value FROM engine_setting WHERE name = 'sandbox_password'"
            ).fetchone()
            password = row[0] if row else new_password()
            done = store.execute(
                "SELECT value FROM engine_setting WHERE name = 'judge_provision_version'"
            ).fetchone()
            if not row or not done or int(done[0]) < JUDGE_PROVISION_VERSION:
                provision_judge(self.server.admin_conninfo, password)
                store.execute(
                    "INSERT INTO engine_setting (name, value) VALUES ('sandbox_password', %s),"
                    " ('judge_provision_version', %s) ON CONFLICT (name) DO UPDATE"
                    " SET value = excluded.value",
                    (password, str(JUDGE_PROVISION_VERSION)),
                )
            self._sandbox_password = password

    # -- connection strings ----------------------------------------------------------------
    def store_conninfo(self) -> str:
        self.start()
        return self.server.admin_conninfo(STORE_DB)

    def sandbox_conninfo(self) -> str:
        """The judge's login as the unprivileged sandbox role, in the judge database."""
        self.start()
        assert self._sandbox_password is not None
        return self.server.role_conninfo(SANDBOX_ROLE, self._sandbox_password, JUDGE_DB)

    def admin_conninfo(self, dbname: str = JUDGE_DB) -> str:
        self.start()
        return self.server.admin_conninfo(dbname)

    def info(self) -> ServerInfo:
        return self.server.info()
