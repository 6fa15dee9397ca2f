"""Where candidate SQL runs: a pool of connections logged in as the unprivileged sandbox role.

Every judging happens in one transaction that is always rolled back: the judge creates a
throw-away schema in it, loads the problem's tables and datasets, runs the candidate's
statements under the problem's limits, reads results, and rolls back. After the rollback the
connection is reset with DISCARD ALL (prepared statements, LISTEN, session advisory locks and
settings) before the pool hands it to the next submission.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import sql
from psycopg_pool import ConnectionPool

from pgdojo.tracks.sql.compare import ResultSet

SETUP_TIMEOUT_MS = 60_000
# Budget for what a result may bring back to the judge.
MAX_RESULT_ROWS = 10_000
MAX_RESULT_BYTES = 16 * 1024 * 1024
FETCH_BATCH = 1_000


class ResultTooLarge(Exception):
    """The candidate's result exceeds the row or byte budget."""


def _reset(conn: psycopg.Connection[Any]) -> None:
    # Runs when a connection goes back to the pool.
    if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        conn.rollback()
    conn.execute("DISCARD ALL")


class Sandbox:
    """A pool of sandbox-role connections to the judge database."""

    def __init__(self, conninfo: str, max_size: int = 16) -> None:
        self.pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=max_size,
            kwargs={"autocommit": True},
            reset=_reset,
            open=False,
            name="pgdojo-sandbox",
        )
        self._opened = False
        self._lock = threading.Lock()

    def open(self) -> None:
        with self._lock:
            if not self._opened:
                self.pool.open(wait=True, timeout=30)
                self._opened = True

    def close(self) -> None:
        with self._lock:
            if self._opened:
                self.pool.close()
                self._opened = False

    @contextlib.contextmanager
    def session(self) -> Iterator[SandboxSession]:
        """A rolled-back transaction with a fresh schema, on a pooled sandbox connection."""
        self.open()
        with self.pool.connection() as conn:
            session = SandboxSession(conn)
            try:
                session.begin()
                yield session
            finally:
                session.finish()


class SandboxSession:
    """One judging transaction. Methods that run candidate SQL apply the candidate's limits."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self.schema = "judge_" + secrets.token_hex(6)
        self._savepoints = 0

    # -- transaction frame -----------------------------------------------------------------
    def begin(self) -> None:
        # The schema exists only inside this transaction: nothing of it survives the rollback,
        # and a unique name avoids waiting on other judges' uncommitted catalog rows.
        # (The judge's own statements go in one round trip; candidate SQL never does.)
        self.conn.execute(
            sql.SQL(
                "BEGIN; CREATE SCHEMA {schema}; SET LOCAL search_path = {schema}, ext;"
                " SET LOCAL statement_timeout = {timeout}"
            ).format(schema=sql.Identifier(self.schema), timeout=sql.Literal(SETUP_TIMEOUT_MS))
        )

    def finish(self) -> None:
        """Roll everything back; a connection in an unknown state is closed, not reused."""
        status = self.conn.info.transaction_status
        if status == psycopg.pq.TransactionStatus.ACTIVE:
            self.conn.cancel_safe()
        try:
            self.conn.rollback()
        except psycopg.Error:
            self.conn.close()

    def set_timeout(self, milliseconds: int) -> None:
        self.conn.execute(f"SET LOCAL statement_timeout = {int(milliseconds)}")

    def set_local(self, name: str, value: str) -> None:
        """A setting for the rest of the transaction (the judge's, never the candidate's)."""
        self.conn.execute(
            sql.SQL("SET LOCAL {} = {}").format(sql.Identifier(name), sql.Literal(value))
        )

    @contextlib.contextmanager
    def savepoint(self, script: str = "") -> Iterator[None]:
        """Undo everything done inside, including SET LOCAL and open cursors, even after an
        error. `script` (trusted content SQL) runs right after the savepoint, in the same call."""
        self._savepoints += 1
        name = f"sp{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name};\n{script}".encode())
        try:
            yield
        finally:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}".encode())

    # -- running SQL -----------------------------------------------------------------------
    def run_script(self, script: str) -> None:
        """Trusted content SQL (schema, datasets): may hold several statements."""
        if script.strip():
            self.conn.execute(script.encode())

    def execute(self, statement: str) -> None:
        """One statement, whose text the classifier has already isolated."""
        self.conn.execute(statement.encode())

    def fetch_query(self, statement: str, close: bool = True) -> ResultSet:
        """Run one SELECT through a cursor and fetch it within the row and byte budgets.
        With close=False the cursor is left to the enclosing savepoint's rollback."""
        cur = self.conn.cursor()
        cur.execute(f"DECLARE pgdojo_result NO SCROLL CURSOR FOR {statement}".encode())
        fetch = f"FETCH {FETCH_BATCH} FROM pgdojo_result".encode()
        rows: list[tuple[Any, ...]] = []
        size = 0
        columns: tuple[str, ...] = ()
        while True:
            cur.execute(fetch)
            if not columns and cur.description:
                columns = tuple(col.name for col in cur.description)
            batch = cur.fetchall()
            for row in batch:
                size += sum(len(str(v)) for v in row if v is not None) + 8
            rows.extend(batch)
            if len(rows) > MAX_RESULT_ROWS:
                raise ResultTooLarge(f"the result has more than {MAX_RESULT_ROWS} rows")
            if size > MAX_RESULT_BYTES:
                raise ResultTooLarge(
                    f"the result is larger than {MAX_RESULT_BYTES // (1024 * 1024)} MB"
                )
            if len(batch) < FETCH_BATCH:
                break
        if close:
            cur.execute(b"CLOSE pgdojo_result")
        return ResultSet(columns, tuple(rows))

    def table_state(self, table: str) -> ResultSet:
        """All rows of one of the problem's tables, for comparing a mutation's outcome."""
        return self.fetch_query(
            sql.SQL("SELECT * FROM {}.{}")
            .format(sql.Identifier(self.schema), sql.Identifier(table))
            .as_string(self.conn)
        )

    def tables(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", (self.schema,)
        ).fetchall()
        return [r[0] for r in rows]

    def analyze_tables(self) -> None:
        for table in self.tables():
            self.conn.execute(
                sql.SQL("ANALYZE {}.{}").format(sql.Identifier(self.schema), sql.Identifier(table))
            )

    def explain(self, statement: str, analyze: bool = False) -> dict[str, Any]:
        """The top plan object of EXPLAIN (FORMAT JSON); with `analyze`, runs it with BUFFERS."""
        options = "ANALYZE, BUFFERS, FORMAT JSON" if analyze else "FORMAT JSON"
        row = self.conn.execute(f"EXPLAIN ({options}) {statement}".encode()).fetchone()
        assert row is not None
        doc = row[0]
        plan: dict[str, Any] = doc[0] if isinstance(doc, list) else doc
        return plan


class Watchdog:
    """One thread that cancels statements still running past their deadline.

    The server's statement_timeout is the limit; this is the backstop if it did not fire
    (a candidate cannot change it, but the judge should not depend on a single wall). One
    shared thread instead of a timer per statement: starting a thread costs more than a
    whole dataset's query.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._deadlines: dict[int, tuple[float, psycopg.Connection[Any]]] = {}
        self._next = 0
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def guard(self, conn: psycopg.Connection[Any], seconds: float) -> Iterator[None]:
        with self._cond:
            self._next += 1
            token = self._next
            self._deadlines[token] = (time.monotonic() + seconds, conn)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="pgdojo-watchdog", daemon=True
                )
                self._thread.start()
            self._cond.notify()
        try:
            yield
        finally:
            with self._cond:
                self._deadlines.pop(token, None)

    def _run(self) -> None:
        while True:
            with self._cond:
                now = time.monotonic()
                due = [t for t, (deadline, _) in self._deadlines.items() if deadline <= now]
                expired = [self._deadlines.pop(t)[1] for t in due]
                upcoming = min((d for d, _ in self._deadlines.values()), default=now + 60)
                if not expired:
                    self._cond.wait(timeout=max(0.01, upcoming - now))
            for conn in expired:
                with contextlib.suppress(Exception):
                    conn.cancel_safe()


WATCHDOG = Watchdog()
