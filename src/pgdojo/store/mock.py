"""Mock interviews in the store: the session, its segments, answers, self-score and report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pgdojo.store.store import Store


@dataclass(frozen=True)
class StoredSegment:
    position: int
    kind: str
    track: str
    item_id: str
    prompt: dict[str, Any]
    minutes: float
    started_at: datetime | None
    finished_at: datetime | None
    answers: list[dict[str, Any]]
    follow_up: str | None
    score: int | None
    attempt_id: int | None


@dataclass(frozen=True)
class StoredMock:
    id: int
    kind: str
    created_at: datetime
    finished_at: datetime | None
    current: int
    self_levels: dict[str, str] | None
    report: dict[str, Any] | None
    segments: list[StoredSegment]
    now: datetime


class MockStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def user(self) -> str:
        return self.store.user

    def create(self, kind: str, segments: list[dict[str, Any]]) -> int:
        with self.store.pool.connection() as conn, conn.transaction():
            row = conn.execute(
                "INSERT INTO mock (user_name, kind) VALUES (%s, %s) RETURNING id",
                (self.user, kind),
            ).fetchone()
            assert row is not None
            mock_id = int(row[0])
            for position, s in enumerate(segments):
                conn.execute(
                    "INSERT INTO mock_segment (mock_id, position, kind, track, item_id, prompt,"
                    " minutes, started_at) VALUES (%s, %s, %s, %s, %s, %s, %s,"
                    " CASE WHEN %s = 0 THEN now() END)",
                    (
                        mock_id,
                        position,
                        s["kind"],
                        s["track"],
                        s["item_id"],
                        Jsonb(s["prompt"]),
                        s["minutes"],
                        position,
                    ),
                )
        return mock_id

    def get(self, mock_id: int) -> StoredMock | None:
        with self.store.pool.connection() as conn:
            cur = conn.cursor(row_factory=dict_row)
            row = cur.execute(
                "SELECT id, kind, created_at, finished_at, current, self_levels, report, now()"
                " AS now FROM mock WHERE id = %s AND user_name = %s",
                (mock_id, self.user),
            ).fetchone()
            if row is None:
                return None
            segments = cur.execute(
                "SELECT position, kind, track, item_id, prompt, minutes, started_at,"
                " finished_at, answers, follow_up, score, attempt_id FROM mock_segment"
                " WHERE mock_id = %s ORDER BY position",
                (mock_id,),
            ).fetchall()
        return StoredMock(
            **row,
            segments=[StoredSegment(**{**s, "minutes": float(s["minutes"])}) for s in segments],
        )

    def update_segment(
        self,
        mock_id: int,
        position: int,
        *,
        answers: list[dict[str, Any]] | None = None,
        follow_up: str | None = None,
        score: int | None = None,
        attempt_id: int | None = None,
        prompt: dict[str, Any] | None = None,
    ) -> None:
        with self.store.pool.connection() as conn:
            conn.execute(
                "UPDATE mock_segment SET answers = coalesce(%s, answers),"
                " follow_up = %s, score = coalesce(%s, score),"
                " attempt_id = coalesce(%s, attempt_id), prompt = coalesce(%s, prompt)"
                " WHERE mock_id = %s AND position = %s",
                (
                    Jsonb(answers) if answers is not None else None,
                    follow_up,
                    score,
                    attempt_id,
                    Jsonb(prompt) if prompt is not None else None,
                    mock_id,
                    position,
                ),
            )

    def advance(self, mock_id: int, position: int) -> None:
        """Close segment `position` and start the next one (if any)."""
        with self.store.pool.connection() as conn, conn.transaction():
            conn.execute(
                "UPDATE mock_segment SET finished_at = coalesce(finished_at, now())"
                " WHERE mock_id = %s AND position = %s",
                (mock_id, position),
            )
            conn.execute(
                "UPDATE mock_segment SET started_at = coalesce(started_at, now())"
                " WHERE mock_id = %s AND position = %s",
                (mock_id, position + 1),
            )
            conn.execute(
                "UPDATE mock SET current = %s WHERE id = %s AND user_name = %s",
                (position + 1, mock_id, self.user),
            )

    def finish(
        self, mock_id: int, self_levels: dict[str, str] | None, report: dict[str, Any]
    ) -> None:
        with self.store.pool.connection() as conn, conn.transaction():
            conn.execute(
                "UPDATE mock_segment SET finished_at = coalesce(finished_at, now())"
                " WHERE mock_id = %s AND started_at IS NOT NULL",
                (mock_id,),
            )
            conn.execute(
                "UPDATE mock SET finished_at = now(), self_levels = %s, report = %s"
                " WHERE id = %s AND user_name = %s",
                (Jsonb(self_levels) if self_levels else None, Jsonb(report), mock_id, self.user),
            )

    def all(self) -> list[dict[str, Any]]:
        with self.store.pool.connection() as conn:
            return list(
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT id, kind, created_at, finished_at, report -> 'overall' AS overall,"
                    " report -> 'criteria' AS criteria, self_levels FROM mock"
                    " WHERE user_name = %s ORDER BY created_at, id",
                    (self.user,),
                )
                .fetchall()
            )

    def segment_levels(self, kind: str) -> list[str]:
        """The level of every finished segment of this kind, oldest first."""
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT seg ->> 'level' FROM mock m,"
                " jsonb_array_elements(m.report -> 'segments') seg"
                " WHERE m.user_name = %s AND m.report IS NOT NULL AND seg ->> 'kind' = %s"
                " AND seg ->> 'level' IS NOT NULL ORDER BY m.created_at, m.id",
                (self.user, kind),
            ).fetchall()
        return [r[0] for r in rows]
