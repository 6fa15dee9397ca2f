"""Where candidate SQL runs: a pool of connections logged in as the unprivileged sandbox role.

Every judging happens in one transaction that is always rolled back: the judge creates a
throw-away schema in it, loads the problem's tables and datasets, runs the candidate's
statements under the problem's limits, reads results, and rolls back. After the rollback the
connection is reset with DISCARD ALL (prepared statements, LISTEN, session advisory locks and
settings) before the pool hands it to the next submission.

The time limit is one deadline per dataset, from the candidate's first statement to the last
step that runs candidate-defined code (fetching a query's rows, a schema's checks). Two walls
enforce it: the server's statement_timeout, lowered before each step to the time left, and the
watchdog, which severs the connection when the server is still busy a grace period after the
deadline (a single function call over a huge value does not look at its cancel flag).

    PgdojoError
    ├── ResultTooLarge       a result or a table is past the row or byte budget
    ├── TimeLimitExceeded    the deadline passed between steps, or the watchdog cut the connection
    └── SandboxBroken        the judging transaction could not be brought back to a savepoint
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import psycopg
from psycopg import sql
from psycopg.pq import ExecStatus
from psycopg_pool import ConnectionPool

from pgdojo.errors import PgdojoError
from pgdojo.tracks.sql import sequences
from pgdojo.tracks.sql.compare import ResultSet

if TYPE_CHECKING:
    from pgdojo.tracks.sql.datasets import DatasetStore, Place

T = TypeVar("T")

SETUP_TIMEOUT_MS = 60_000
# Judgings that run at once (more wait for a connection): twice the cores. More only add
# context switches between backends and between threads holding the GIL: on 2 cores, 16 at
# once cost 40% more CPU per verdict than 4, and judged 20% fewer per second (bench/judge.py).
DEFAULT_POOL_SIZE = max(4, 2 * (os.cpu_count() or 1))
# A judging that creates tables leaves plans in its backend for good: the foreign-key checks
# keep plans per constraint (about 8 KB), and a constraint rolled back is never used again, so
# none is freed, and every catalog change after it walks them all. The pool's connections are
# replaced after this many such judgings (about a hundred each, with four): a new connection
# costs about 4 ms of CPU on each side (SCRAM, measured), under a tenth of a millisecond a
# judging that created tables.
RENEW_AFTER_BUILDS = 400
# Budget for what a result may bring back to the judge.
MAX_RESULT_ROWS = 10_000
MAX_RESULT_BYTES = 16 * 1024 * 1024
FETCH_BATCH = 1_000
# The statement_timeout in force may exceed the time left by this much before the judge spends
# a round trip lowering it: the deadline is then overshot by at most this.
TIMEOUT_SLACK_MS = 50
# How long after the deadline the watchdog waits for the server before cutting the connection.
# Measured: a 1 GB string_agg result runs about 3 s past a cancel (copying the value into the
# FETCH's tuple store does not check for interrupts); the verdict must not wait for that.
SEVER_GRACE_S = 0.75
# Marks the dataset a one-message read is on (SandboxSession.fetch_query_on): the value of
# application_name, which the server reports to the client when the message ends.
CASE_MARK = "pgdojo judge: case "
# The watchdog's tick while judging goes on, and for how long it ticks after the last guard.
TICK_S = 0.5
IDLE_TICKS_S = 60.0


class ResultTooLarge(PgdojoError):
    """The candidate's result exceeds the row or byte budget (`table`: the problem's table
    that does, for a mutation)."""

    table: str | None = None


class TimeLimitExceeded(PgdojoError):
    """The candidate's deadline passed: before a step could start, or the watchdog severed the
    connection because the server did not stop in time."""


class SandboxBroken(PgdojoError):
    """The judging transaction cannot be rolled back to its savepoint: the session is unusable."""


# What DISCARD ALL resets, as statements that may share one message with the ROLLBACK (DISCARD
# ALL itself refuses a multi-statement string): the session state a submission could leave
# behind for the next one (session advisory locks, prepared statements, cursors, LISTEN,
# settings, temporary tables, cached plans and sequence state).
RESET_SESSION = (
    "ROLLBACK; CLOSE ALL; RESET ALL; DEALLOCATE ALL; UNLISTEN *;"
    " SELECT pg_advisory_unlock_all(); DISCARD PLANS; DISCARD TEMP; DISCARD SEQUENCES"
)


class Sandbox:
    """A pool of sandbox-role connections to the judge database."""

    def __init__(
        self,
        conninfo: str,
        max_size: int = DEFAULT_POOL_SIZE,
        datasets: DatasetStore | None = None,
    ) -> None:
        # Where query problems' datasets are read in place (None: loaded per judging).
        self.datasets = datasets
        self.pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=max_size,
            # Never prepared: the judge's messages hold several statements or run once, and
            # the session's reset deallocates what was prepared behind psycopg's back.
            kwargs={"autocommit": True, "prepare_threshold": None},
            # No reset and no check callback, each a round trip per judging: the session
            # ends with one message that rolls back and resets (SandboxSession.finish), and a
            # connection that died with the server is replaced when its BEGIN fails.
            open=False,
            name="pgdojo-sandbox",
        )
        self._opened = False
        self._lock = threading.Lock()
        self._builds = 0  # judgings that created tables, since the connections were new

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
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled sandbox connection for the judge's own work (materialising a dataset)."""
        self.open()
        with self.pool.connection() as conn:
            yield conn

    @contextlib.contextmanager
    def session(self, setup: str | None = "") -> Iterator[SandboxSession]:
        """A rolled-back transaction with a fresh schema, on a pooled sandbox connection;
        `setup` (trusted content SQL: the problem's tables) runs in it first. With None, no
        schema is created: the datasets are read in place (datasets.py)."""
        self.open()
        for attempt in range(2):
            with self.pool.connection() as conn:
                session = SandboxSession(conn)
                try:
                    session.begin(setup)
                except psycopg.OperationalError:
                    # A pooled connection dies with the server (a restart, an idle timeout):
                    # the first judging after it takes a fresh one instead of failing.
                    session.finish()
                    if attempt or not conn.closed:
                        raise
                    continue
                except BaseException:
                    session.finish()
                    raise
                try:
                    yield session
                finally:
                    session.finish()
                    if setup is not None:
                        self._built()
                return

    def _built(self) -> None:
        """A judging created tables: renew the connections every RENEW_AFTER_BUILDS of them
        (those in use are replaced as they come back)."""
        with self._lock:
            self._builds += 1
            if self._builds < RENEW_AFTER_BUILDS:
                return
            self._builds = 0
        self.pool.drain()


class SandboxSession:
    """One judging transaction. Methods that run candidate SQL apply the candidate's limits."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        # One cursor for every message of the judging: a connection's execute() builds a new
        # cursor each time, which costs more CPU than the round trip of a small statement.
        self._cur = conn.cursor()
        self.schema = "judge_" + secrets.token_hex(6)
        self._savepoints = 0
        self._timeout_ms = SETUP_TIMEOUT_MS  # the statement_timeout in force
        self._deadline: float | None = None  # time.monotonic() when the candidate's time is up
        self._guard: Guard | None = None
        # A savepoint left normally is rolled back by the next message the judge sends (one
        # round trip fewer per dataset); `_send` puts it first.
        self._pending_rollback = ""
        self._pending_enter = ""
        self._failed = False  # a candidate step failed: nothing more rides on its messages
        self.statement_offset = 0
        # Puts the judging's own sequences back where the setup left them, before each
        # dataset (sequences.py); "" until `record_sequences`, or when there are none.
        self.sequence_reset = ""
        # Dataset name -> where it is read in place; None: the datasets are loaded (judge.py).
        self.places: dict[str, Place] | None = None
        # The judging's last message also rolled back and reset the session: nothing more.
        self.ended = False

    # -- transaction frame -----------------------------------------------------------------
    def begin(self, setup: str | None = "") -> None:
        # The schema exists only inside this transaction: nothing of it survives the rollback,
        # and a unique name avoids waiting on other judges' uncommitted catalog rows.
        # (The judge's own statements go in one round trip.)
        if setup is None:
            self._run(f"BEGIN; SET LOCAL statement_timeout = {SETUP_TIMEOUT_MS}")
            return
        frame = sql.SQL(
            "BEGIN; CREATE SCHEMA {schema}; SET LOCAL search_path = {schema}, ext;"
            " SET LOCAL statement_timeout = {timeout};\n"
        ).format(schema=sql.Identifier(self.schema), timeout=sql.Literal(SETUP_TIMEOUT_MS))
        text = frame.as_string(self.conn)
        if setup.strip():
            # The content's own statements may wait for a lock held by another process's
            # judging of the same problem (a schema both create): as long as the setup may
            # take, not the sandbox role's lock_timeout, which is the candidate's again after.
            text += (
                f"SET LOCAL lock_timeout = {SETUP_TIMEOUT_MS};\n{setup}"
                "\n;\nSET LOCAL lock_timeout TO DEFAULT"
            )
        self._run(text)

    def finish(self) -> None:
        """Roll everything back and reset the session in one message; a connection in an
        unknown state is closed, not reused."""
        if self.conn.closed or self.ended:
            # Severed by the watchdog (the server rolls back when the backend exits), or the
            # last message did it (fetch_query_on).
            return
        status = self.conn.info.transaction_status
        if status == psycopg.pq.TransactionStatus.ACTIVE:
            self.conn.cancel_safe()
        self._take_pending()  # the ROLLBACK undoes it all
        try:
            self._run(RESET_SESSION)
        except psycopg.Error:
            self.conn.close()

    def set_timeout(self, milliseconds: int) -> None:
        self._send(f"SET LOCAL statement_timeout = {int(milliseconds)}")
        self._timeout_ms = int(milliseconds)

    @contextlib.contextmanager
    def savepoint(self, script: str = "", judge_only: bool = False) -> Iterator[None]:
        """Undo everything done inside, including SET LOCAL and open cursors, even after an
        error. `script` (trusted content SQL) runs right after the savepoint, in the same call.
        `judge_only`: the script is the judge's own statements (settings, never content), so
        it may wait and go with the next message, the candidate's statement included."""
        self._savepoints += 1
        name = f"sp{self._savepoints}"
        timeout = self._timeout_ms
        enter = f"SAVEPOINT {name};\n{script}"
        if judge_only:
            self._pending_enter = enter + "\n;\n"
        else:
            self._send(enter)
        try:
            yield
        except BaseException:
            if self._pending_enter:
                self._pending_enter = ""  # never sent: nothing to undo
            elif not self.conn.closed:
                self._rollback_to(name)
            raise
        else:
            if self._pending_enter:
                self._pending_enter = ""  # never sent; an earlier rollback stays pending
            else:
                self._pending_rollback = f"ROLLBACK TO SAVEPOINT {name};\n"
        finally:
            # ROLLBACK TO SAVEPOINT also undoes the SET LOCAL statement_timeout done inside.
            self._timeout_ms = timeout

    def _take_pending(self) -> tuple[str, str]:
        pending = (self._pending_rollback, self._pending_enter)
        self._pending_rollback = self._pending_enter = ""
        return pending

    def _send(self, text: str) -> psycopg.Cursor[Any]:
        """Send the judge's own statements, after what is pending (a savepoint's rollback, a
        judge-only savepoint's entry)."""
        rollback, enter = self._take_pending()
        if not rollback:
            return self._run(enter + text)
        if not (enter + text).strip():
            self._rollback_to(rollback.split()[-1].rstrip(";"))
            return self._cur
        try:
            return self._run(rollback + enter + text)
        except psycopg.Error:
            if self.conn.closed:
                raise
            # Which part failed? Undo alone (ROLLBACK TO is repeatable: the savepoint stays),
            # then send the rest again: its own error, if it has one, is the one raised.
            self._rollback_to(rollback.split()[-1].rstrip(";"))
            return self._run(enter + text)

    def _run(self, text: str) -> psycopg.Cursor[Any]:
        """One message of the judge's (simple query protocol: it may hold several statements);
        the cursor is left on its first result."""
        return self._cur.execute(text.encode())

    def _rollback_to(self, name: str) -> None:
        command = f"ROLLBACK TO SAVEPOINT {name}"
        try:
            self._run(command)
        except psycopg.Error:
            # After a FETCH fails on temp_file_limit, PostgreSQL (18) fails the first ROLLBACK
            # TO SAVEPOINT with the same error, 53400: dropping the FETCH's tuple store closes
            # its temporary file, which writes out the last buffer, past the limit. The cleanup
            # is done by then, and a second ROLLBACK TO succeeds (measured every time).
            if self.conn.closed:
                return
            try:
                self._run(command)
            except psycopg.Error as exc:
                raise SandboxBroken("the judge could not undo a submission's statements") from exc

    # -- the candidate's clock -------------------------------------------------------------
    @contextlib.contextmanager
    def candidate_clock(self, milliseconds: int) -> Iterator[None]:
        """Everything inside runs before one deadline `milliseconds` from now. The caller has
        set statement_timeout to `milliseconds` just before (in the savepoint's script)."""
        self._timeout_ms = int(milliseconds)
        self._deadline = time.monotonic() + milliseconds / 1000
        try:
            with WATCHDOG.guard(
                self.conn.pgconn.socket, milliseconds / 1000 + SEVER_GRACE_S
            ) as guard:
                self._guard = guard
                try:
                    yield
                except psycopg.OperationalError as exc:
                    # Any of the judge's own calls in between can meet the severed socket.
                    if guard.severed:
                        raise TimeLimitExceeded("the watchdog cut the connection") from exc
                    raise
        finally:
            self._deadline = None
            self._guard = None

    def _time_left_ms(self) -> int | None:
        if self._deadline is None:
            return None
        left = math.floor((self._deadline - time.monotonic()) * 1000)
        if left <= 0:
            raise TimeLimitExceeded("the time limit passed before the next step")
        return left

    def timeout_prefix(self) -> str:
        """A `SET LOCAL statement_timeout` to send ahead of a judge statement in the same call,
        when the time left is shorter than the timeout in force ("" otherwise)."""
        left = self._time_left_ms()
        if left is None or left + TIMEOUT_SLACK_MS >= self._timeout_ms:
            return ""
        self._timeout_ms = left
        # In one simple-query message each statement gets its own statement_timeout (13+).
        return f"SET LOCAL statement_timeout = {left};\n"

    def _call(self, action: Callable[[], T]) -> T:
        """Run a step of the candidate's phase; a connection the watchdog cut is a timeout."""
        try:
            return action()
        except psycopg.OperationalError as exc:
            if self._guard is not None and self._guard.severed:
                raise TimeLimitExceeded("the watchdog cut the connection") from exc
            raise

    # -- running SQL -----------------------------------------------------------------------
    def run_script(self, script: str) -> None:
        """Trusted content SQL (schema, datasets): may hold several statements. Inside the
        candidate's clock it runs under the time left (it may fire the candidate's code)."""
        if script.strip():
            text = self.timeout_prefix() + script
            self._call(partial(self._send, text))

    def _candidate(self, head: str, statement: str, tail: str = "") -> psycopg.Cursor[Any]:
        """Send one candidate statement (its text isolated by the classifier) wrapped in the
        judge's `head` and `tail`, after the SET that lowers the timeout to the time left.
        The cursor is left on the first result that has rows, if any; `statement_offset` is
        where the statement starts in what was sent (error positions count from there)."""
        if self._failed:
            self._flush()  # after a failure a pending ROLLBACK TO can fail (see _rollback_to)
        # What the judge has pending goes first, in the same message: it cannot fail (its
        # settings, and a rollback after a step that succeeded).
        rollback, enter = self._take_pending()
        prefix = rollback + enter + self.timeout_prefix() + head
        self.statement_offset = len(prefix)
        # "\n;" ends the statement even when it ends in a -- comment.
        text = f"{prefix}{statement}\n;\n{tail}" if tail else prefix + statement
        try:
            cur = self._call(partial(self._run, text))
        except BaseException:
            self._failed = True
            raise
        _to_rows(cur)
        return cur

    def _flush(self) -> None:
        if self._pending_rollback or self._pending_enter:
            self._send("")

    def execute(self, statement: str) -> None:
        """One statement, whose text the classifier has already isolated."""
        self._candidate("", statement)

    def fetch_query(self, statement: str) -> ResultSet:
        """Run one SELECT through a cursor and fetch it within the row and byte budgets. The
        cursor is left to the enclosing savepoint's rollback."""
        # The first batch comes in the same round trip as the DECLARE.
        cur = self._candidate(
            "DECLARE pgdojo_result NO SCROLL CURSOR FOR ",
            statement,
            f"FETCH {FETCH_BATCH} FROM pgdojo_result",
        )
        columns = tuple(col.name for col in cur.description or ())
        return self._drain("pgdojo_result", columns, cur.fetchall())

    def read_each(
        self,
        places: Sequence[Place],
        limit_ms: int,
        statements: Sequence[str],
        tables: Sequence[str] = (),
        end: bool = False,
    ) -> OneMessageRead:
        """Run the candidate's `statements` on each of `places` (datasets read in place or
        writable copies) in one message, each dataset in a savepoint of its own and every
        statement under `limit_ms`, and read what fetch_query (no `tables`: the last
        statement is a query) or table_states would; `end`: the message also rolls back and
        resets the session (`ended`), one round trip fewer again.

        Returns what was read of the datasets before the first that failed (`failure`, the
        error) or that a one-by-one reading must take over: a first batch full (its cursor
        went with its savepoint) or past the byte budget. An error stops the message and the
        results before it go with it: the dataset it stopped on is the one application_name
        marks (a SET LOCAL made outside the dataset's savepoint outlives the savepoint's
        abort, and the server reports the value when the message ends); the ones before it
        are read again. Nothing is read when the mark is missing, or when several statements
        took the limit in all (one by one they share one deadline per dataset, here each has
        its own). The watchdog cuts the whole message one time limit, and its grace, after it
        starts, as it would one dataset's: TimeLimitExceeded, and which dataset ran long is
        not known. For datasets whose statements are quick, then."""
        *before, last = statements
        if tables:
            reads = [last, f"SET LOCAL statement_timeout = {SETUP_TIMEOUT_MS}"]
        else:
            reads = [
                f"DECLARE pgdojo_result NO SCROLL CURSOR FOR {last}",
                f"FETCH {FETCH_BATCH} FROM pgdojo_result",
            ]
        # "\n;\n" ends each statement even when it ends in a -- comment.
        candidate = "\n;\n".join([*before, *reads])
        rollback, enter = self._take_pending()
        segments = [
            f"SET LOCAL application_name = '{CASE_MARK}{number}';\nSAVEPOINT pgdojo_case;\n"
            f"{place.enter_sql()}\n;\nSET LOCAL statement_timeout = {int(limit_ms)};\n"
            f"{candidate}\n;\n"
            f"{_table_reads(place.schema, tuple(tables))[0] + ';' if tables else ''}\n"
            "ROLLBACK TO SAVEPOINT pgdojo_case;\nRELEASE SAVEPOINT pgdojo_case;\n"
            for number, place in enumerate(places)
        ]
        text = rollback + enter + "".join(segments) + (RESET_SESSION if end else "")
        started = time.monotonic()
        try:
            with self.candidate_clock(limit_ms):
                cur = self._call(partial(self._run, text))
        except psycopg.Error as exc:
            if self.conn.closed:
                raise
            if len(statements) > 1 and time.monotonic() - started >= limit_ms / 1000:
                return OneMessageRead([])
            return self._after_failure(places, limit_ms, statements, tables, exc)
        self.ended = end
        if len(statements) > 1 and time.monotonic() - started >= limit_ms / 1000:
            return OneMessageRead([])
        return _read_segments(cur, len(places))

    def _after_failure(
        self,
        places: Sequence[Place],
        limit_ms: int,
        statements: Sequence[str],
        tables: Sequence[str],
        exc: psycopg.Error,
    ) -> OneMessageRead:
        """read_each's message failed on the dataset application_name marks: bring the
        transaction back from its savepoint and read the datasets before it again. Nothing
        read, when the mark is not one of them (the caller reads them one by one)."""
        marked = self.conn.info.parameter_status("application_name") or ""
        number = marked.removeprefix(CASE_MARK)
        if not marked.startswith(CASE_MARK) or not number.isdigit() or int(number) >= len(places):
            return OneMessageRead([])
        try:
            self._rollback_to("pgdojo_case")
            self._run("RELEASE SAVEPOINT pgdojo_case")
        except (psycopg.Error, SandboxBroken):
            return OneMessageRead([])  # the session's end closes the connection
        failed = int(number)
        read = OneMessageRead([])
        if failed:
            read = self.read_each(places[:failed], limit_ms, statements, tables)
        if read.failure is None and len(read.results) == failed:
            read.failure = exc
        return read

    def table_states(
        self, schema: str, tables: Sequence[str], timeout_ms: int
    ) -> dict[str, ResultSet]:
        """All rows of each of the problem's tables, for comparing a mutation's outcome: the
        judge's reads, under `timeout_ms`, the first batch of every table in one message."""
        text, cursors = _table_reads(schema, tuple(tables))
        cur = self._send(f"SET LOCAL statement_timeout = {int(timeout_ms)};\n{text}")
        self._timeout_ms = int(timeout_ms)
        # Every FETCH's result, in order (the SET's and the DECLAREs' have no columns), read
        # before a further batch of any table replaces them.
        firsts: list[tuple[tuple[str, ...], list[tuple[Any, ...]]]] = []
        while True:
            if cur.description is not None:
                firsts.append((tuple(col.name for col in cur.description), cur.fetchall()))
            if not cur.nextset():
                break
        states = {}
        for table, cursor, (columns, batch) in zip(tables, cursors, firsts, strict=True):
            try:
                states[table] = self._drain(cursor, columns, batch)
            except ResultTooLarge as exc:
                exc.table = table
                raise
        return states

    def _drain(
        self, cursor: str, columns: tuple[str, ...], batch: list[tuple[Any, ...]]
    ) -> ResultSet:
        """`cursor`'s rows, from its first `batch` on, within the row and byte budgets."""
        fetch = f"FETCH {FETCH_BATCH} FROM {cursor}"
        rows: list[tuple[Any, ...]] = []
        size = 0
        while True:
            # FETCH is a utility statement: PostgreSQL collects its rows in a tuple store
            # (spilling past work_mem to a temporary file, so within temp_file_limit) before
            # sending them, and the statement_timeout in force covers this batch only.
            rows.extend(batch)
            size = _within_budget(rows, size, batch)
            if len(batch) < FETCH_BATCH:
                break
            cur = self._call(partial(self._send, self.timeout_prefix() + fetch))
            _to_rows(cur)
            batch = cur.fetchall()
        return ResultSet(columns, tuple(rows))

    def record_sequences(self, schemas: Collection[str] = ()) -> None:
        """Record the state of the sequences in the judging's schema (and `schemas`, which
        the content names) for `sequence_reset`: once its tables exist, or after a schema
        problem's DDL."""
        self._flush()
        states = self._cur.execute(sequences.STATES, ([self.schema, *schemas],)).fetchall()
        self.sequence_reset = sequences.reset_sql(states)

    def tables(self) -> list[str]:
        self._flush()
        rows = self._cur.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", (self.schema,)
        ).fetchall()
        return [r[0] for r in rows]

    def analyze_tables(self) -> None:
        """ANALYZE every table of the schema, in one round trip."""
        names = [
            sql.SQL("{}.{}").format(sql.Identifier(self.schema), sql.Identifier(table))
            for table in self.tables()
        ]
        if names:
            self._send(sql.SQL("ANALYZE {}").format(sql.SQL(", ").join(names)).as_string(self.conn))

    def explain(self, statement: str, analyze: bool = False) -> dict[str, Any]:
        """The top plan object of EXPLAIN (FORMAT JSON); with `analyze`, runs it with BUFFERS."""
        options = "ANALYZE, BUFFERS, FORMAT JSON" if analyze else "FORMAT JSON"
        row = self._candidate(f"EXPLAIN ({options}) ", statement).fetchone()
        assert row is not None
        doc = row[0]
        plan: dict[str, Any] = doc[0] if isinstance(doc, list) else doc
        return plan


@dataclass
class OneMessageRead:
    """What SandboxSession.read_each read, for the first datasets in order: the rows of the
    query, or of each table; then the error of the next dataset, if it failed. The datasets
    after those were not read."""

    results: list[list[ResultSet]]
    failure: psycopg.Error | None = None


def _read_segments(cur: psycopg.Cursor[Any], datasets: int) -> OneMessageRead:
    """The FETCH results of each dataset's part of a read_each message (its RELEASE ends
    it; the candidate's statements can be neither), up to one a one-by-one reading must
    take over."""
    read = OneMessageRead([])
    fetched: list[ResultSet] = []
    while len(read.results) < datasets and (res := cur.pgresult) is not None:
        tag = res.command_status or b""
        if tag.startswith(b"FETCH"):
            batch = cur.fetchall()
            if len(batch) >= FETCH_BATCH:
                break  # more rows may follow
            try:
                _within_budget(batch, 0, batch)
            except ResultTooLarge:
                break  # told as one by one tells it
            fetched.append(ResultSet(tuple(c.name for c in cur.description or ()), tuple(batch)))
        elif tag == b"RELEASE":
            read.results.append(fetched)
            fetched = []
        if not cur.nextset():
            break
    return read


def _to_rows(cur: psycopg.Cursor[Any]) -> None:
    """Move `cur` to its next result that returned rows (reading `description` would build
    the columns of every result it passes)."""
    while (res := cur.pgresult) is not None and res.status != ExecStatus.TUPLES_OK:
        if not cur.nextset():
            return


def _within_budget(
    rows: Sequence[tuple[Any, ...]], size: int, batch: Sequence[tuple[Any, ...]]
) -> int:
    """The byte size of `rows` (`size` before `batch` was added to them); ResultTooLarge when
    they are past the row or byte budget."""
    for row in batch:
        size += sum(map(_size, row)) + 8
    if len(rows) > MAX_RESULT_ROWS:
        raise ResultTooLarge(f"the result has more than {MAX_RESULT_ROWS} rows")
    if size > MAX_RESULT_BYTES:
        raise ResultTooLarge(f"the result is larger than {MAX_RESULT_BYTES // (1024 * 1024)} MB")
    return size


@functools.lru_cache(maxsize=1024)
def _table_reads(schema: str, tables: tuple[str, ...]) -> tuple[str, list[str]]:
    """The statements that open a cursor on each table and fetch its first batch, and the
    cursors' names."""
    cursors = [f"pgdojo_table_{i}" for i in range(len(tables))]
    statements = [
        f"DECLARE {cursor} NO SCROLL CURSOR FOR SELECT * FROM "
        f"{sql.Identifier(schema, table).as_string()};\nFETCH {FETCH_BATCH} FROM {cursor}"
        for cursor, table in zip(cursors, tables, strict=True)
    ]
    return ";\n".join(statements), cursors


def _size(value: Any) -> int:
    """A value's size for the byte budget, without building a second copy of a large one."""
    if value is None:
        return 0
    if isinstance(value, str | bytes | bytearray | memoryview):
        return len(value)
    return len(str(value))


@dataclass
class Guard:
    """One watched connection: its deadline, a duplicate of its socket, and whether the
    watchdog had to sever it."""

    deadline: float
    sock: socket.socket
    severed: bool = field(default=False)


class Watchdog:
    """One thread that severs connections whose server is still busy past their deadline.

    The server's statement_timeout is the limit; this is the wall behind it. A cancel (what
    statement_timeout does) is only acted on where the server checks for interrupts, and some
    work does not: copying a 1 GB value, a long C function. Shutting the socket down returns
    control to the judge at once (libpq reports the connection lost, and psycopg marks it
    closed); the backend notices when it next talks to its client, and exits, rolling back.
    One shared thread instead of a timer per statement: starting a thread costs more than a
    whole dataset's query.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._guards: dict[int, Guard] = {}
        self._next = 0
        self._thread: threading.Thread | None = None
        # When the thread next wakes by itself: a guard due later needs no notify. Waking it
        # for every dataset judged (each takes a guard) cost a seventh of the judge's CPU.
        self._wake_at = math.inf

    @contextlib.contextmanager
    def guard(self, fileno: int, seconds: float) -> Iterator[Guard]:
        """Sever the socket `fileno` (a connection's) unless the guard ends within `seconds`."""
        # A duplicate descriptor, taken here by the thread that owns the connection: it keeps
        # the socket itself alive until the guard ends, so the watchdog can never shut down a
        # descriptor number that libpq closed and the process reused for something else.
        # shutdown(2) acts on the socket, not on one descriptor: libpq, reading through its
        # own, sees the end of the stream. Nothing is freed under the other thread.
        sock = socket.socket(fileno=os.dup(fileno))
        guard = Guard(time.monotonic() + seconds, sock)
        with self._cond:
            self._next += 1
            token = self._next
            self._guards[token] = guard
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="pgdojo-watchdog", daemon=True
                )
                self._thread.start()
            elif guard.deadline < self._wake_at:
                self._cond.notify()
        try:
            yield guard
        finally:
            # Under the lock: once the guard is gone the connection can no longer be severed,
            # so the judge's own statements after the candidate's phase are never cut.
            with self._cond:
                self._guards.pop(token, None)
            sock.close()

    def _run(self) -> None:
        busy = time.monotonic()  # when a guard was last seen
        while True:
            with self._cond:
                now = time.monotonic()
                for token in [t for t, g in self._guards.items() if g.deadline <= now]:
                    guard = self._guards.pop(token)
                    guard.severed = True
                    with contextlib.suppress(OSError):
                        guard.sock.shutdown(socket.SHUT_RDWR)
                if self._guards:
                    busy = now
                    self._wake_at = min(g.deadline for g in self._guards.values())
                elif now - busy < IDLE_TICKS_S:
                    # Judging goes on: wake on a tick, so that the next guard, due after
                    # it, is seen without a notify.
                    self._wake_at = now + TICK_S
                else:
                    self._wake_at = math.inf  # idle: sleep until a guard comes
                wait = self._wake_at - now if self._wake_at < math.inf else None
                self._cond.wait(timeout=None if wait is None else max(0.005, wait))


WATCHDOG = Watchdog()
