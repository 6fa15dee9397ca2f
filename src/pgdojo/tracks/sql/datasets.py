"""Materialised datasets: a problem's dataset loaded once per content digest, judged in place.

Creating a problem's tables and loading a dataset cost about as much server time as the
candidate's query itself, on every dataset of every judging (bench/judge.py; docs/sql.md has
the profile). For query problems, whose candidates only read, each (schema.sql, dataset) pair
is loaded once, by its digest, into a committed schema `ds_<digest>` and judged in place:

- The content SQL runs as the sandbox role, as it always did (never with more privileges),
  in one transaction that also hands every object over to the NOLOGIN owner
  `pgdojo_datasets` and grants USAGE on the schema and SELECT on its tables to one NOLOGIN
  role of its own, `pgdojo_ds_<digest>`, and to nobody else. Nothing is visible before
  that transaction commits, so a concurrent judging never sees a half-loaded dataset.
- While a candidate's query runs on a dataset, the judging transaction has switched (SET
  LOCAL ROLE, undone by the dataset's savepoint rollback) to that dataset's role: the query
  can read that dataset and nothing else, not another dataset of the same problem, not
  another problem's, not the tables of the judge. The candidate cannot switch back or across:
  SET and RESET are not statements the classifier admits, set_config is revoked, and the
  sandbox role, a member of these roles, is NOINHERIT, so it holds none of their privileges
  by itself.
- The dataset role can only SELECT, so no submission can change what the next one reads.

Mutation problems change rows: each dataset gets writable copies, `ds_<digest>_w<n>`, loaded
the same way, each with a role of its own that may change its rows (SELECT, INSERT, UPDATE,
DELETE) and use its sequences, and nothing else. A judging takes one copy of each dataset and
only that judging writes on it until it has rolled back, when the copy is given back, as it
was loaded: the rows by the rollback, the sequences (which a rollback does not undo) by the
`setval`s that enter the copy (sequences.py). No two judgings share a copy: within a process
a free list hands each out once, across processes each copy number is claimed by one live
process (an exclusive advisory lock its store holds). A copy whose judging lost its connection
is not handed out again (its backend may still hold the rows). Content with rules or triggers
is never copied: a rule's actions run with the rights of the datasets' owner.

Schema problems bring their own tables and optimize problems create indexes (which needs
ownership): those load their datasets per judging, as before. The roles are created by the
admin, which never runs content SQL.

Older digests of the same problem's dataset (content edited) are dropped, with their copies,
when the new one is materialised, unless another process still reads them: every store holds
a shared advisory lock on each digest it has handed out, on a connection of its own, for as
long as it lives (a server started before the edit keeps judging the content it loaded); a
digest is dropped only under the exclusive lock.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import psycopg
from pglast import ast, parse_sql
from pglast.parser import ParseError
from pglast.visitors import Visitor
from psycopg import sql
from psycopg.types.json import Jsonb

from pgdojo.content.models import Dataset, Problem, ProblemKind
from pgdojo.engine.provision import DATASETS_OWNER, SANDBOX_ROLE
from pgdojo.errors import ContentError
from pgdojo.tracks.sql import sequences

if TYPE_CHECKING:
    from pgdojo.tracks.sql.sandbox import Sandbox

log = logging.getLogger(__name__)

# Bump when the way a dataset is materialised changes: every digest changes with it.
FORMAT = "1"
# Which (problem, dataset) uses which digest: problems of a pack may share one.
REGISTRY = "pgdojo_meta.dataset_uses"
LOAD_TIMEOUT_MS = 60_000
# Advisory locks on digests ("in use by a live process") live in this class of keys.
LOCK_CLASS = 0x70676474  # "pgdt"
# A process's exclusive locks on the writable copies it judges on live in this one.
COPY_LOCK_CLASS = 0x70676463  # "pgdc"
# Writable copies of one dataset a process may hold: a judging takes one of each of its
# problem's datasets, and no more judgings run at once than the pool has connections.
MAX_COPIES = 32
# The pristine state of a digest's sequences, which every copy of it is reset to.
COPIES = "pgdojo_meta.dataset_copies"
# Schemas content may name without owning them.
SHARED_SCHEMAS = frozenset({"ext", "pg_catalog", "pg_temp", "public"})


@dataclass(frozen=True)
class Place:
    """Where a materialised dataset lives and the role that may read it (and, for a writable
    copy, change its rows)."""

    schema: str
    key: str = ""  # the dataset's digest
    # A writable copy's statements that put its sequences back where the load left them:
    # nextval is not undone by a rollback. "" for a read-only dataset.
    reset: str = ""

    @property
    def role(self) -> str:
        """The NOLOGIN role that may read (a copy's: change) this schema and nothing else."""
        return f"pgdojo_{self.schema}"

    def enter_sql(self) -> str:
        """The judge's statements that point a judging at this dataset (inside a savepoint)."""
        return (
            f'SET LOCAL ROLE "{self.role}";\nSET LOCAL search_path = "{self.schema}", ext;\n'
            f"{self.reset}"
        )

    @property
    def settings_only(self) -> bool:
        """Whether entering is settings only (no statement that returns rows)."""
        return not self.reset


def in_place(problem: Problem) -> bool:
    """Whether a problem's datasets are judged in place: its candidates only read, and its
    tables live in the schema the judge gives them (not in a schema named by the content)."""
    return problem.kind is ProblemKind.QUERY and not named_schemas(problem)


def on_copies(problem: Problem) -> bool:
    """Whether a problem's datasets are judged on writable copies: its candidates change rows
    (and create nothing), in tables of the schema the judge gives them."""
    return problem.kind is ProblemKind.MUTATION and not named_schemas(problem)


def named_schemas(problem: Problem) -> frozenset[str]:
    """Schemas the problem's own SQL creates or names (`CREATE SCHEMA cd`, `cd.bookings`):
    judgings of problems that share one cannot run at the same moment (judge.py locks)."""
    found = _named_schemas(problem.schema_sql)
    for dataset in problem.datasets:  # each text memoized as it is, not joined anew each time
        found |= _named_schemas(dataset.sql)
    return found


@functools.lru_cache(maxsize=1024)
def _named_schemas(script: str) -> frozenset[str]:
    try:
        tree = parse_sql(script)
    except ParseError:
        return frozenset()
    found: set[str] = set()

    class Names(Visitor):
        def visit_CreateSchemaStmt(self, _ancestors: object, node: ast.CreateSchemaStmt) -> None:
            if node.schemaname:
                found.add(node.schemaname)

        def visit_RangeVar(self, _ancestors: object, node: ast.RangeVar) -> None:
            if node.schemaname and node.schemaname not in SHARED_SCHEMAS:
                found.add(node.schemaname)

    Names()(tree)
    return frozenset(found)


def digest(problem: Problem, dataset: Dataset) -> str:
    return _digest(problem.schema_sql, dataset.sql, tuple(problem.meta.extensions))


@functools.lru_cache(maxsize=4096)
def text_digest(*texts: str) -> str:
    """A short digest of content texts, memoized: asked at every judging, over texts that can
    be large (a str keeps its hash, so a lookup does not read it again)."""
    return hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=4096)
def _digest(schema_sql: str, dataset_sql: str, extensions: tuple[str, ...]) -> str:
    # Memoized: every judging asks, and a pack's dataset can be megabytes of text (a str
    # keeps its hash, so the lookup does not read it again).
    text = "\x00".join([FORMAT, schema_sql, dataset_sql, ",".join(extensions)])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class DatasetStore:
    """Materialises datasets on first use; thread-safe, one per judge database."""

    def __init__(self, admin_conninfo: str) -> None:
        self.admin_conninfo = admin_conninfo
        self._ready: dict[str, Place | None] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._registry_ready = False
        self._admin_lock = threading.Lock()
        # The connection that holds this store's shared locks on the digests it hands out,
        # and its exclusive locks on the writable copies it judges on.
        self._holder: psycopg.Connection[Any] | None = None
        self._held: set[str] = set()
        # Writable copies: free ones per digest, the next copy number to claim, and digests
        # whose content cannot be copied (judged by loading instead).
        self._free: dict[str, list[Place]] = {}
        self._next_copy: dict[str, int] = {}
        self._uncopyable: set[str] = set()

    def close(self) -> None:
        """Let go of the digests this store reads (its locks end with its connection)."""
        with self._admin_lock:
            if self._holder is not None:
                self._holder.close()
                self._holder = None
            self._held.clear()
            self._ready.clear()
            self._free.clear()
            self._next_copy.clear()

    def place(self, sandbox: Sandbox, problem: Problem, dataset: Dataset) -> Place | None:
        """Where `dataset` is read in place, materialising it on first use; None when it
        holds objects that cannot be read in place (the judge loads it per judging)."""
        key = digest(problem, dataset)
        if key in self._ready:
            return self._ready[key]
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._ready:
                # Held before it is looked up: no other process can drop it in between.
                self._hold(key)
                self._ready[key] = self._materialise(sandbox, problem, dataset, key)
        return self._ready[key]

    def take_copy(self, sandbox: Sandbox, problem: Problem, dataset: Dataset) -> Place | None:
        """A writable copy of `dataset` for one judging, which only this judging uses until it
        is given back (after its transaction rolled back); None when the content cannot be
        copied, or this process holds MAX_COPIES copies of it already."""
        key = digest(problem, dataset)
        with self._lock:
            free = self._free.get(key)
            if free:
                return free.pop()
            if key in self._uncopyable:
                return None
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            self._hold(key)
            place = self._new_copy(sandbox, problem, dataset, key)
        if place is None and key in self._uncopyable:
            log.info("%s/%s cannot be copied: loaded per judging", problem.id, dataset.name)
        return place

    def give_back(self, place: Place) -> None:
        """The judging that took `place` has rolled back: the copy is as it was loaded."""
        with self._lock:
            self._free.setdefault(place.key, []).append(place)

    def _new_copy(
        self, sandbox: Sandbox, problem: Problem, dataset: Dataset, key: str
    ) -> Place | None:
        """Claim the next copy number no live process holds (an exclusive lock of this
        store's) and materialise it, unless an earlier process left it there."""
        with self._admin_lock:
            if self._holder is None or self._holder.closed:  # _hold opened it
                return None
            number = self._next_copy.get(key, 0)
            while number < MAX_COPIES:
                ids = (COPY_LOCK_CLASS, copy_lock_id(key, number))
                got = self._holder.execute("SELECT pg_try_advisory_lock(%s, %s)", ids).fetchone()
                number += 1
                if got and got[0]:
                    break
            else:
                self._next_copy[key] = number
                return None
            self._next_copy[key] = number
        place = Place(schema=f"ds_{key}_w{number - 1}", key=key)
        return self._materialise(sandbox, problem, dataset, key, place)

    def _hold(self, key: str) -> None:
        with self._admin_lock:
            if key in self._held:
                return
            if self._holder is None or self._holder.closed:
                self._holder = psycopg.connect(self.admin_conninfo, autocommit=True)
            self._holder.execute(
                "SELECT pg_advisory_lock_shared(%s, %s)", (LOCK_CLASS, lock_id(key))
            )
            self._held.add(key)

    def _release(self, key: str) -> None:
        """This process no longer reads `key` (its content was replaced); under _admin_lock."""
        if key in self._held and self._holder is not None and not self._holder.closed:
            self._holder.execute(
                "SELECT pg_advisory_unlock_shared(%s, %s)", (LOCK_CLASS, lock_id(key))
            )
        self._held.discard(key)
        self._ready.pop(key, None)
        with self._lock:
            self._free.pop(key, None)

    # -- the steps -------------------------------------------------------------------------
    def _materialise(
        self,
        sandbox: Sandbox,
        problem: Problem,
        dataset: Dataset,
        key: str,
        copy: Place | None = None,
    ) -> Place | None:
        """Load the dataset into its read-only schema, or into the writable `copy`, unless an
        earlier judging (of any process) did; None when its content cannot be used so."""
        place = copy or Place(schema=f"ds_{key}", key=key)
        name = f"{problem.pack}/{problem.id}"
        with psycopg.connect(self.admin_conninfo, autocommit=True) as admin:
            # The admin's statements change shared catalog rows (the registry, roles, the ACL of
            # schema ext): two at once fail with "tuple concurrently updated", so one at a time.
            with self._admin_lock:
                self._ensure_registry(admin)
                exists = _schema_exists(admin, place.schema)
                if not exists:
                    _ensure_role(admin, place.role)
            if not exists:
                try:
                    loaded = _load(sandbox, place, problem, dataset, writable=copy is not None)
                except psycopg.errors.DuplicateSchema:
                    loaded = True  # another process materialised it first: it has committed
                except psycopg.Error as exc:
                    raise ContentError(
                        f"{problem.source}/datasets/{dataset.name}.sql",
                        f"the dataset could not be loaded: {exc.diag.message_primary or exc}",
                    ) from exc
                if not loaded:
                    if copy is not None:
                        with self._lock:
                            self._uncopyable.add(key)
                    return None
            with self._admin_lock:
                if copy is not None:
                    place = _with_reset(admin, place)
                admin.execute(
                    f"INSERT INTO {REGISTRY} (digest, problem, dataset) VALUES (%s, %s, %s)"
                    " ON CONFLICT DO NOTHING",
                    (key, name, dataset.name),
                )
                self._prune(admin, key, name, dataset.name)
        log.info("materialised %s/%s as %s", problem.id, dataset.name, place.schema)
        return place

    def _ensure_registry(self, admin: psycopg.Connection[Any]) -> None:
        if not self._registry_ready:
            self._create_registry(admin)
            self._registry_ready = True

    @staticmethod
    def _create_registry(admin: psycopg.Connection[Any]) -> None:
        admin.execute(
            "CREATE SCHEMA IF NOT EXISTS pgdojo_meta;"
            " REVOKE ALL ON SCHEMA pgdojo_meta FROM PUBLIC;"
            f" CREATE TABLE IF NOT EXISTS {REGISTRY} (problem text, dataset text, digest text,"
            " created timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (problem, dataset, digest));"
            f" CREATE TABLE IF NOT EXISTS {COPIES} (digest text PRIMARY KEY,"
            " sequences jsonb NOT NULL)"
        )

    @staticmethod
    def _registered(admin: psycopg.Connection[Any], key: str) -> bool:
        row = admin.execute(f"SELECT 1 FROM {REGISTRY} WHERE digest = %s", (key,)).fetchone()
        return row is not None

    def _prune(self, admin: psycopg.Connection[Any], key: str, problem: str, dataset: str) -> None:
        """Drop the digests this one replaces (the same dataset, before its content changed)
        that no other problem's dataset uses and no other process reads; one still read stays
        registered, to be dropped by a later prune. Under _admin_lock."""
        old = admin.execute(
            f"SELECT digest FROM {REGISTRY} WHERE problem = %s AND dataset = %s AND digest <> %s",
            (problem, dataset, key),
        ).fetchall()
        for (stale,) in old:
            self._release(stale)  # this process judges the new content now
            ids = (LOCK_CLASS, lock_id(stale))
            got = admin.execute("SELECT pg_try_advisory_lock(%s, %s)", ids).fetchone()
            if not (got and got[0]):
                continue  # another process still reads it
            try:
                admin.execute(
                    f"DELETE FROM {REGISTRY} WHERE problem = %s AND dataset = %s AND digest = %s",
                    (problem, dataset, stale),
                )
                if not DatasetStore._registered(admin, stale):
                    _drop(admin, stale)
            finally:
                admin.execute("SELECT pg_advisory_unlock(%s, %s)", ids)


def lock_id(key: str) -> int:
    """A digest's advisory lock id (int4): its first 32 bits. Two digests that share them
    only keep each other from being dropped."""
    return int(key[:8], 16) - 2**31


def copy_lock_id(key: str, number: int) -> int:
    """The advisory lock id (int4) of a digest's writable copy `number`. Two copies that share
    one only make a process pass over one of them."""
    return (int(key[:8], 16) + number * 0x9E3779B1) % 2**32 - 2**31


def _drop(admin: psycopg.Connection[Any], key: str) -> None:
    """Drop a materialised dataset and its writable copies: each schema, then its role (with
    its grant on ext)."""
    schemas = [
        row[0]
        for row in admin.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname = %s OR nspname LIKE %s",
            (f"ds_{key}", f"ds_{key}_w%"),
        ).fetchall()
    ]
    for schema in schemas:
        role = Place(schema).role
        admin.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
            admin.execute(sql.SQL("DROP OWNED BY {0}; DROP ROLE {0}").format(sql.Identifier(role)))
    admin.execute(f"DELETE FROM {COPIES} WHERE digest = %s", (key,))


def _schema_exists(admin: psycopg.Connection[Any], schema: str) -> bool:
    return (
        admin.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
        is not None
    )


def _with_reset(admin: psycopg.Connection[Any], place: Place) -> Place:
    """`place` with the statement that resets its sequences to the state every copy of its
    digest was loaded with. The first copy records that state before any copy is handed out
    (a copy found without the record was never handed out: its sequences are pristine)."""
    row = admin.execute(
        f"SELECT sequences FROM {COPIES} WHERE digest = %s", (place.key,)
    ).fetchone()
    if row is None:
        states = admin.execute(sequences.STATES, ([place.schema],)).fetchall()
        admin.execute(
            f"INSERT INTO {COPIES} (digest, sequences) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (place.key, Jsonb([list(state) for state in states])),
        )
        row = admin.execute(
            f"SELECT sequences FROM {COPIES} WHERE digest = %s", (place.key,)
        ).fetchone()
    assert row is not None
    return replace(place, reset=sequences.reset_sql(row[0], schema=place.schema))


def _ensure_role(admin: psycopg.Connection[Any], role: str) -> None:
    exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    if not exists:
        with contextlib.suppress(psycopg.errors.DuplicateObject):  # by a concurrent process
            admin.execute(sql.SQL("CREATE ROLE {} NOLOGIN NOINHERIT").format(sql.Identifier(role)))
    # The dataset's role reads the extensions' types and functions, as the sandbox role does.
    admin.execute(
        sql.SQL("GRANT {role} TO {sandbox}; GRANT USAGE ON SCHEMA ext TO {role}").format(
            role=sql.Identifier(role), sandbox=sql.Identifier(SANDBOX_ROLE)
        )
    )


# Objects a dataset may hold to be read in place: anything else (a view, a function: code that
# would run as the datasets' owner) keeps the problem on the per-judging load.
OBJECTS = """
SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.oid::regclass::text,
       c.relkind IN ('r', 'p', 'S', 'i', 'I')
FROM pg_class c
WHERE c.relnamespace = %(schema)s::regnamespace AND c.relkind NOT IN ('i', 'I', 'c', 't')
  AND NOT (c.relkind = 'S' AND EXISTS (
      SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
      AND d.deptype IN ('a', 'i')))
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text,
       t.typtype IN ('e', 'd', 'r', 'c')
FROM pg_type t
WHERE t.typnamespace = %(schema)s::regnamespace AND t.typtype <> 'm'
  AND t.typelem = 0 AND (t.typrelid = 0 OR (
      SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
UNION ALL
SELECT 'FUNCTION', p.oid::regprocedure::text, false
FROM pg_proc p WHERE p.pronamespace = %(schema)s::regnamespace
"""


# What a writable copy must not hold on top: rules and triggers run code when a candidate
# writes, a rule's actions with the rights of its owner, the owner of every dataset.
ACTIONS = """
SELECT count(*) FROM pg_class c
WHERE c.relnamespace = %(schema)s::regnamespace AND (
    EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = c.oid)
    OR EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal))
"""


def _load(
    sandbox: Sandbox, place: Place, problem: Problem, dataset: Dataset, writable: bool = False
) -> bool:
    """Load a dataset into its schema and hand it over, in one transaction of the sandbox
    role; False (and nothing kept) when the dataset holds objects that cannot be read in place
    (or, `writable`, changed in place). A writable copy's role may change its rows and advance
    its sequences; a read-only dataset's role may only read."""
    schema = sql.Identifier(place.schema)
    owner = sql.Identifier(DATASETS_OWNER)
    reader = sql.Identifier(place.role)
    with sandbox.connection() as conn, conn.transaction() as loading:
        conn.execute(
            sql.SQL(
                "SET LOCAL statement_timeout = {}; CREATE SCHEMA {};"
                " SET LOCAL search_path = {}, ext"
            ).format(sql.Literal(LOAD_TIMEOUT_MS), schema, schema)
        )
        for script in (problem.schema_sql, dataset.sql):
            if script.strip():
                conn.execute(script.encode())
        objects = conn.execute(OBJECTS, {"schema": place.schema}).fetchall()
        readable = all(ok for _kind, _name, ok in objects)
        if readable and writable:
            actions = conn.execute(ACTIONS, {"schema": place.schema}).fetchone()
            readable = actions == (0,)
        if not readable:
            raise psycopg.Rollback(loading)  # ends the block, nothing kept
        tables = [name for kind, name, _ok in objects if kind == "TABLE"]
        if tables:
            conn.execute(sql.SQL("ANALYZE {}").format(sql.SQL(", ").join(map(sql.SQL, tables))))
        # The objects first, while the sandbox role still reaches them through its schema
        # (the new owner of a table needs CREATE on its schema), then the schema.
        conn.execute(sql.SQL("GRANT CREATE ON SCHEMA {} TO {}").format(schema, owner))
        alter = sql.SQL("ALTER {} {} OWNER TO {}")
        for kind, name, _ok in objects:
            conn.execute(alter.format(sql.SQL(kind), sql.SQL(name), owner))
        conn.execute(sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(schema, owner))
        grants = (
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {reader};"
            " GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {reader};"
            if writable
            else "GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {reader};"
        )
        conn.execute(
            sql.SQL(
                "SET LOCAL ROLE {owner}; REVOKE ALL ON SCHEMA {schema} FROM PUBLIC;"
                " GRANT USAGE ON SCHEMA {schema} TO {reader}; " + grants + " RESET ROLE"
            ).format(owner=owner, schema=schema, reader=reader)
        )
    return readable
