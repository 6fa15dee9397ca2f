"""The user's data: attempts and submissions, in the store database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool


@dataclass(frozen=True)
class Attempt:
    id: int
    item_id: str
    started_at: datetime
    solved: bool
    hints_used: int
    seconds_to_solve: float | None


class Store:
    """Reads and writes the store through a small connection pool."""

    def __init__(self, conninfo: str, user: str) -> None:
        self.user = user
        self.pool: ConnectionPool[Any] = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=4,
            kwargs={"autocommit": True},
            open=True,
            name="pgdojo-store",
        )

    def close(self) -> None:
        self.pool.close()

    # -- attempts --------------------------------------------------------------------------
    def start_attempt(self, track: str, item_id: str) -> int:
        with self.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO attempt (user_name, track, item_id) VALUES (%s, %s, %s) RETURNING id",
                (self.user, track, item_id),
            ).fetchone()
        return int(row[0])

    def open_attempt(self, track: str, item_id: str) -> int:
        """The user's latest unfinished attempt at this item, or a new one."""
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT id FROM attempt WHERE user_name = %s AND track = %s AND item_id = %s"
                " AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1",
                (self.user, track, item_id),
            ).fetchone()
        return int(row[0]) if row else self.start_attempt(track, item_id)

    def use_hint(self, attempt_id: int) -> int:
        with self.pool.connection() as conn:
            row = conn.execute(
                "UPDATE attempt SET hints_used = hints_used + 1 WHERE id = %s RETURNING hints_used",
                (attempt_id,),
            ).fetchone()
        return int(row[0]) if row else 0

    def finish_attempt(self, attempt_id: int, solved: bool) -> None:
        with self.pool.connection() as conn:
            conn.execute(
                "UPDATE attempt SET finished_at = now(), solved = %s,"
                " seconds_to_solve = CASE WHEN %s THEN extract(epoch FROM now() - started_at)"
                " END WHERE id = %s AND finished_at IS NULL",
                (solved, solved, attempt_id),
            )

    def attempt(self, attempt_id: int) -> Attempt | None:
        with self.pool.connection() as conn:
            row = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT id, item_id, started_at, solved, hints_used, seconds_to_solve"
                    " FROM attempt WHERE id = %s AND user_name = %s",
                    (attempt_id, self.user),
                )
                .fetchone()
            )
        if not row:
            return None
        seconds = row.pop("seconds_to_solve")
        return Attempt(**row, seconds_to_solve=float(seconds) if seconds is not None else None)

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
            return (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT id, verdict, created_at, elapsed_ms, source FROM submission"
                    " WHERE user_name = %s AND track = %s AND item_id = %s"
                    " ORDER BY created_at DESC, id DESC LIMIT %s",
                    (self.user, track, item_id, limit),
                )
                .fetchall()
            )

    def item_status(self, track: str) -> tuple[set[str], set[str]]:
        """(solved, attempted) item ids of this user on a track, in one query."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT item_id, bool_or(verdict = 'accepted') FROM submission"
                " WHERE user_name = %s AND track = %s GROUP BY item_id",
                (self.user, track),
            ).fetchall()
        return {r[0] for r in rows if r[1]}, {r[0] for r in rows}

    def solved_items(self, track: str) -> set[str]:
        return self.item_status(track)[0]

    def recent_activity(self, limit: int = 10) -> list[dict[str, Any]]:
        """The user's latest submissions across tracks (for the home page)."""
        with self.pool.connection() as conn:
            return (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT track, item_id, verdict, created_at FROM submission"
                    " WHERE user_name = %s ORDER BY created_at DESC, id DESC LIMIT %s",
                    (self.user, limit),
                )
                .fetchall()
            )
