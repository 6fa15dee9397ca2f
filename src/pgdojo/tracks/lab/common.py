"""Helpers shared by scenario modules: building the schema as its owner, app sessions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg

from pgdojo.tracks.lab.workload import WorkloadContext


def as_owner(admin: psycopg.Connection[Any], script: str) -> None:
    """Run setup SQL as app_owner, so the tables belong to it (and oncall, a member, may
    index, vacuum and alter them) and the default privileges give the app its DML rights.
    (pgdojo's own trusted setup: SET ROLE is fine here, never for candidate SQL.)"""
    admin.execute("SET ROLE app_owner")
    try:
        admin.execute(script.encode())
    finally:
        admin.execute("RESET ROLE")


@contextlib.contextmanager
def app_session(
    ctx: WorkloadContext, name: str, conninfo: str | None = None
) -> Iterator[psycopg.Connection[Any]]:
    """A connection as the application, tagged with application_name."""
    with psycopg.connect(
        conninfo or ctx.app_conninfo, autocommit=True, application_name=name, connect_timeout=5
    ) as conn:
        yield conn


def is_terminated(exc: BaseException) -> bool:
    """The session was ended by pg_terminate_backend (or the server went away)."""
    return isinstance(exc, psycopg.errors.AdminShutdown) or (
        isinstance(exc, psycopg.OperationalError) and "terminat" in str(exc).lower()
    )


def role_setting(admin: psycopg.Connection[Any], role: str, name: str) -> str | None:
    """The value a new session of `role` in database shop gets for setting `name`
    (role-in-database, role, database settings and ALTER SYSTEM all count)."""
    row = admin.execute(
        "SELECT s.cfg FROM (SELECT unnest(setconfig) AS cfg, setrole, setdatabase"
        " FROM pg_db_role_setting) s"
        " WHERE (s.setrole = %s::regrole OR s.setrole = 0)"
        " AND (s.setdatabase = (SELECT oid FROM pg_database WHERE datname = 'shop')"
        "      OR s.setdatabase = 0)"
        " AND split_part(s.cfg, '=', 1) = %s"
        " ORDER BY s.setrole <> 0 DESC, s.setdatabase <> 0 DESC LIMIT 1",
        (role, name),
    ).fetchone()
    if row:
        return str(row[0]).split("=", 1)[1]
    file_row = admin.execute(
        "SELECT setting FROM pg_file_settings WHERE name = %s AND applied"
        " ORDER BY seqno DESC LIMIT 1",
        (name,),
    ).fetchone()
    return str(file_row[0]) if file_row else None


def duration_ms(value: str | None) -> float:
    """'30s', '5min', '1500' (ms) -> milliseconds; 0 for unset/zero/unparseable."""
    if not value:
        return 0.0
    text = value.strip().strip("'").lower()
    units = {"ms": 1, "s": 1000, "min": 60_000, "h": 3_600_000, "d": 86_400_000}
    for unit in sorted(units, key=len, reverse=True):
        if text.endswith(unit):
            try:
                return float(text[: -len(unit)].strip()) * units[unit]
            except ValueError:
                return 0.0
    try:
        return float(text)
    except ValueError:
        return 0.0


def plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every node of an EXPLAIN (FORMAT JSON) plan, depth first."""
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)
