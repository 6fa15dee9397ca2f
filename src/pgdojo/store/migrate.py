"""Versioned SQL migrations for the store, applied in order at start, each exactly once."""

from __future__ import annotations

import re
from importlib import resources

import psycopg

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# Any constant: serialises migrations between processes that start at the same moment.
MIGRATION_LOCK_KEY = 7_340_211


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every migration shipped in the package, by version."""
    folder = resources.files("pgdojo.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text()))
    return sorted(found)


def apply_migrations(conn: psycopg.Connection) -> list[str]:
    """Apply the migrations this database has not seen; returns their file names."""
    applied_now: list[str] = []
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migration ("
            " version integer PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migration")}
        for version, name, script in available_migrations():
            if version in done:
                continue
            with conn.transaction():
                conn.execute(script.encode())
                conn.execute(
                    "INSERT INTO schema_migration (version, name) VALUES (%s, %s)",
                    (version, name),
                )
            applied_now.append(name)
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))
    return applied_now
