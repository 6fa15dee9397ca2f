"""The user's data in the store database: the connection pool, and SQL submissions.

Attempts (every track's outcomes) are read and written by `pgdojo.attempts.AttemptLog`."""

from __future__ import annotations

from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool


class Store:
    """Reads and writes the store through a small connection pool."""

    def __init__(self, conninfo: str, user: str) -> None:
        self.user = user
        self.pool: ConnectionPool[Any] = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=4,
            kwargs={"autocommit": True},
            check=ConnectionPool.check_connection,  # a server restart leaves dead connections
            open=True,
            name="pgdojo-store",
        )

    def close(self) -> None:
        self.pool.close()

    # -- submissions -----------------------------------------------------------------------
    def record_submission(
        self,
        track: str,
        item_id: str,
        source: str,
        verdict: str,
        detail: dict[str, Any],
        elapsed_ms: float,
        attempt_id: int | None = None,
    ) -> int:
        with self.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO submission (attempt_id, user_name, track, item_id, source, verdict,"
                " detail, elapsed_ms) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (attempt_id, self.user, track, item_id, source, verdict, Jsonb(detail), elapsed_ms),
            ).fetchone()
        return int(row[0])

    def submissions(self, track: str, item_id: str, limit: int = 20) -> list[dict[str, Any]]:
        with self.pool.connection() as conn:
            rows: list[dict[str, Any]] = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT id, verdict, created_at, elapsed_ms, source FROM submission"
                    " WHERE user_name = %s AND track = %s AND item_id = %s"
                    " ORDER BY created_at DESC, id DESC LIMIT %s",
                    (self.user, track, item_id, limit),
                )
                .fetchall()
            )
        return rows
