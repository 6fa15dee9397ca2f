"""Connections into a lab: the setup as app_owner, the application's sessions, other roles.

Who connects how (see cluster.py for the cast): pgdojo's superuser reads only the catalog and
statistics (`Lab.admin()`, search_path pg_catalog, pg_temp); plans and scans of the app's tables
go through `Lab.probe()`; the application and the incident's other clients log in over TCP with
their passwords, as the candidate does.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Lab


def as_owner(admin: psycopg.Connection[Any], script: str) -> None:
    """Run setup SQL as app_owner, so the tables belong to it (and oncall, a member, may
    index, vacuum and alter them) and the default privileges give the app its DML rights.
    Names resolve in public here (the superuser's own search_path is pg_catalog only).
    (pgdojo's own trusted setup, before the candidate has a DSN: SET ROLE is fine here, never
    for candidate SQL.)"""
    admin.execute("SET ROLE app_owner")
    admin.execute("SET search_path = public")
    try:
        admin.execute(script.encode())
    finally:
        admin.execute("RESET search_path")
        admin.execute("RESET ROLE")


def role_conninfo(base: str, role: str, password: str, port: str | None = None) -> str:
    """`base` (a TCP conninfo) as another role, optionally on another port (a standby)."""
    params = conninfo_to_dict(base)
    params.update(user=role, password=password)
    if port is not None:
        params["port"] = port
    return make_conninfo("", **{k: str(v) for k, v in params.items() if v is not None})


def create_login_role(
    lab: Lab, admin: psycopg.Connection[Any], role: str, tables: Sequence[str] = ("orders",)
) -> str:
    """A client of the incident (a report, a worker): LOGIN with a new password (kept in the
    lab's facts as `<role>_password`), SELECT on `tables`, and ADMIN OPTION for oncall, which
    ALTER ROLE ... SET and CONNECTION LIMIT need (PostgreSQL 16+)."""
    password = secrets.token_urlsafe(12)
    lab.state.facts[f"{role}_password"] = password
    name = sql.Identifier(role)
    admin.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(name, sql.Literal(password)))
    admin.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(name))
    for table in tables:
        admin.execute(
            sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier("public", table), name)
        )
    admin.execute(
        sql.SQL("GRANT {} TO oncall WITH ADMIN OPTION, INHERIT FALSE, SET FALSE").format(name)
    )
    return password


@contextlib.contextmanager
def app_session(
    ctx: WorkloadContext, name: str, conninfo: str | None = None
) -> Iterator[psycopg.Connection[Any]]:
    """A connection as the application (or `conninfo`'s role), tagged with application_name."""
    with psycopg.connect(
        conninfo or ctx.app_conninfo, autocommit=True, application_name=name, connect_timeout=5
    ) as conn:
        yield conn


def is_terminated(exc: BaseException) -> bool:
    """The session was ended by pg_terminate_backend (or the server went away)."""
    return isinstance(exc, psycopg.errors.AdminShutdown) or (
        isinstance(exc, psycopg.OperationalError) and "terminat" in str(exc).lower()
    )
