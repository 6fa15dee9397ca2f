"""What contains a lab: name resolution in pgdojo's privileged sessions, and the lab's OS user.

The first test pins the PostgreSQL facts cluster.PRIVILEGED_OPTIONS relies on, on the session's
server (in a scratch database): with search_path pg_catalog, pg_temp an unqualified operator,
function or relation is pg_catalog's even when another schema holds a better match, pg_temp's
relations come last, and a database's own search_path setting does not override the option.
The second: as root, a lab's postmaster runs as another OS user than the main server's, which
cannot read the main server's data dir or its admin password.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from pgdojo.engine import EmbeddedServer
from pgdojo.services import Services
from pgdojo.tracks.lab.cluster import LAB_OS_USER, PRIVILEGED_OPTIONS, LabCluster

HOSTILE = """
CREATE FUNCTION public.hostile_eq(oid, regrole) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN RAISE EXCEPTION 'hostile operator'; END $f$;
CREATE OPERATOR public.= (LEFTARG = oid, RIGHTARG = regrole, FUNCTION = public.hostile_eq);
CREATE FUNCTION public.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql AS $f$
BEGIN RAISE EXCEPTION 'hostile function'; END $f$;
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN RAISE EXCEPTION 'hostile function'; END $f$;
CREATE VIEW public.pg_stat_activity AS SELECT 'hostile view' AS datname;
"""
# Each resolves to the hostile object on a search_path that lists public first.
PROBES = {
    "operator": "SELECT 10::oid = 'pg_monitor'::regrole",
    "function": "SELECT unnest(ARRAY['a', 'b']::text[])",
    "same signature": "SELECT lower('A'::text)",
    "relation": "SELECT count(*) FROM pg_stat_activity WHERE datname = 'hostile view'",
}


@pytest.fixture()
def scratch_db(services: Services) -> Iterator[str]:
    """A database of its own on the session's server, holding the hostile objects."""
    server = services.engine.server
    name = f"lab_isolation_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.admin_conninfo("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        with psycopg.connect(server.admin_conninfo(name), autocommit=True) as admin:
            admin.execute(HOSTILE.encode())
        yield server.admin_conninfo(name)
    finally:
        with psycopg.connect(server.admin_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def _run(conninfo: str, query: str) -> str:
    """The query's first value, or the error it raised."""
    try:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            row = conn.execute(query).fetchone()
            return str(row[0]) if row else ""
    except psycopg.Error as exc:
        return f"error: {exc.diag.message_primary}"


def test_privileged_sessions_resolve_names_in_pg_catalog_only(scratch_db: str) -> None:
    exposed = make_conninfo(scratch_db, options="-c search_path=public,pg_catalog")
    safe = make_conninfo(scratch_db, options=PRIVILEGED_OPTIONS)
    # The hostile objects win where public comes first (the attack is real) ...
    assert {k: _run(exposed, q) for k, q in PROBES.items()} == {
        "operator": "error: hostile operator",
        "function": "error: hostile function",
        "same signature": "error: hostile function",
        "relation": "1",
    }
    # ... and on the default search_path ("$user", public; pg_catalog implicitly first) a
    # better match in public wins too: unnest(text[]) beats pg_catalog.unnest(anyarray).
    assert _run(scratch_db, PROBES["function"]) == "error: hostile function"
    assert _run(scratch_db, PROBES["operator"]) == "error: hostile operator"
    # pgdojo's privileged sessions never see them, nor a database's own search_path setting.
    with psycopg.connect(scratch_db, autocommit=True) as admin:
        db = admin.execute("SELECT current_database()").fetchone()
        assert db is not None
        admin.execute(
            sql.SQL("ALTER DATABASE {} SET search_path = public, pg_catalog").format(
                sql.Identifier(db[0])
            )
        )
    assert _run(scratch_db, PROBES["same signature"]) == "error: hostile function"
    assert {k: _run(safe, q) for k, q in PROBES.items()} == {
        "operator": "False",
        "function": "a",
        "same signature": "a",
        "relation": "0",
    }
    assert _run(safe, "SHOW search_path") == "pg_catalog,pg_temp"
    # Unless listed, pg_temp is searched first for relations: a temporary table would hide a
    # catalog view. Listed last, it cannot.
    with psycopg.connect(safe, autocommit=True) as conn:
        conn.execute("CREATE TEMP TABLE pg_stat_activity (datname text)")
        conn.execute("INSERT INTO pg_temp.pg_stat_activity VALUES ('temporary')")
        hidden = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'temporary'"
        assert conn.execute(hidden).fetchone() == (0,)
        conn.execute("SET search_path = pg_catalog")
        assert conn.execute(hidden).fetchone() == (1,)


def _postmaster_uid(pgdata: Path) -> int:
    pid = int((pgdata / "postmaster.pid").read_text().split()[0])
    return os.stat(f"/proc/{pid}").st_uid


def _can_read_as(uid: int, gid: int, path: Path) -> bool:
    """Whether OS user `uid` may read `path` (test -r, run as that user)."""
    result = subprocess.run(["test", "-r", str(path)], user=uid, group=gid, extra_groups=[])
    return result.returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="pgdojo only switches OS users as root")
def test_a_lab_runs_as_its_own_os_user(start_lab: Any, services: Services) -> None:
    main = services.engine.server
    assert isinstance(main, EmbeddedServer)
    lab = start_lab("lock-contention")
    lab_pgdata = lab.labs.root / "lock-contention" / "data"
    lab_uid = _postmaster_uid(lab_pgdata)
    main_uid = _postmaster_uid(main.pgdata)
    entry = pwd.getpwnam(LAB_OS_USER)
    assert lab_uid == entry.pw_uid != main_uid != 0

    # The main data dir is the main server's alone; the lab's user cannot even list it.
    info = main.pgdata.stat()
    assert info.st_uid == main_uid and info.st_mode & 0o077 == 0
    for path in (main.pgdata, main.pgdata / "PG_VERSION", main.password_file):
        assert not _can_read_as(lab_uid, entry.pw_gid, path), path
    assert _can_read_as(lab_uid, entry.pw_gid, lab_pgdata / "PG_VERSION")  # the check works

    # The lab's own superuser (what an escape would get) is refused by the OS.
    with psycopg.connect(LabCluster(lab.labs.root / "lock-contention").admin_conninfo()) as admin:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            admin.execute("SELECT pg_read_file(%s)", (str(main.pgdata / "PG_VERSION"),))
        admin.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            admin.execute("SELECT pg_ls_dir(%s)", (str(main.pgdata),))


def test_a_huge_console_command_is_classified_without_parsing() -> None:
    """Candidate SQL reaches pglast only within the size bounds (a deep tree crashes it)."""
    from pgdojo.tracks.lab.investigation import Command, classify

    huge = Command("SELECT " + "1+" * 30_000 + "1 FROM pg_stat_activity", "console")
    assert classify(huge).phases == set()
