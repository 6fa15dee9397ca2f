"""The behavioral track's data: the user's stories, their revisions and grades, drills."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pgdojo.store.store import Store


@dataclass(frozen=True)
class StoryRecord:
    """A story with its latest revision."""

    slug: str
    title: str
    created_at: datetime
    updated_at: datetime
    revision: int
    body: str
    meta: dict[str, Any]
    score: int | None
    level: str | None
    grade: dict[str, Any] | None


@dataclass(frozen=True)
class Revision:
    number: int
    body: str
    score: int | None
    level: str | None
    grade: dict[str, Any] | None
    created_at: datetime


_LATEST = (
    "SELECT s.slug, s.title, s.created_at, s.updated_at, r.number AS revision, r.body, r.meta,"
    " r.score, r.level, r.grade FROM story s"
    " JOIN LATERAL (SELECT * FROM story_revision WHERE story_id = s.id"
    " ORDER BY number DESC LIMIT 1) r ON true"
    " WHERE s.user_name = %s AND s.deleted_at IS NULL"
)


class StoryStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def user(self) -> str:
        return self.store.user

    def exists(self, slug: str) -> bool:
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "SELECT 1 FROM story WHERE user_name = %s AND slug = %s AND deleted_at IS NULL",
                (self.user, slug),
            ).fetchone()
        return row is not None

    def create(self, slug: str, title: str, body: str, meta: dict[str, Any]) -> None:
        with self.store.pool.connection() as conn, conn.transaction():
            row = conn.execute(
                "INSERT INTO story (user_name, slug, title) VALUES (%s, %s, %s) RETURNING id",
                (self.user, slug, title),
            ).fetchone()
            assert row is not None
            conn.execute(
                "INSERT INTO story_revision (story_id, number, body, meta) VALUES (%s, 1, %s, %s)",
                (row[0], body, Jsonb(meta)),
            )

    def revise(self, slug: str, title: str, body: str, meta: dict[str, Any]) -> int:
        """A new revision (numbered from 1); returns its number."""
        with self.store.pool.connection() as conn, conn.transaction():
            row = conn.execute(
                "UPDATE story SET title = %s, updated_at = now() WHERE user_name = %s"
                " AND slug = %s AND deleted_at IS NULL RETURNING id",
                (title, self.user, slug),
            ).fetchone()
            assert row is not None
            number = conn.execute(
                "INSERT INTO story_revision (story_id, number, body, meta)"
                " SELECT %s, coalesce(max(number), 0) + 1, %s, %s FROM story_revision"
                " WHERE story_id = %s RETURNING number",
                (row[0], body, Jsonb(meta), row[0]),
            ).fetchone()
        assert number is not None
        return int(number[0])

    def record_grade(
        self,
        slug: str,
        revision: int,
        attempt_id: int,
        score: int,
        level: str,
        grade: dict[str, Any],
    ) -> None:
        with self.store.pool.connection() as conn:
            conn.execute(
                "UPDATE story_revision r SET attempt_id = %s, score = %s, level = %s, grade = %s"
                " FROM story s WHERE r.story_id = s.id AND s.user_name = %s AND s.slug = %s"
                " AND s.deleted_at IS NULL AND r.number = %s",
                (attempt_id, score, level, Jsonb(grade), self.user, slug, revision),
            )

    def remove(self, slug: str) -> bool:
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "UPDATE story SET deleted_at = now() WHERE user_name = %s AND slug = %s"
                " AND deleted_at IS NULL RETURNING id",
                (self.user, slug),
            ).fetchone()
        return row is not None

    def get(self, slug: str) -> StoryRecord | None:
        with self.store.pool.connection() as conn:
            row = (
                conn.cursor(row_factory=dict_row)
                .execute(_LATEST + " AND s.slug = %s", (self.user, slug))
                .fetchone()
            )
        return StoryRecord(**row) if row else None

    def all(self) -> list[StoryRecord]:
        with self.store.pool.connection() as conn:
            rows = (
                conn.cursor(row_factory=dict_row)
                .execute(_LATEST + " ORDER BY s.created_at, s.id", (self.user,))
                .fetchall()
            )
        return [StoryRecord(**r) for r in rows]

    def revisions(self, slug: str) -> list[Revision]:
        with self.store.pool.connection() as conn:
            rows = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT r.number, r.body, r.score, r.level, r.grade, r.created_at"
                    " FROM story_revision r JOIN story s ON s.id = r.story_id"
                    " WHERE s.user_name = %s AND s.slug = %s AND s.deleted_at IS NULL"
                    " ORDER BY r.number",
                    (self.user, slug),
                )
                .fetchall()
            )
        return [Revision(**r) for r in rows]

    def record_drill(
        self,
        attempt_id: int,
        question_id: str,
        story_slug: str | None,
        name_seconds: float | None,
        tell_seconds: float | None,
    ) -> None:
        with self.store.pool.connection() as conn:
            conn.execute(
                "INSERT INTO story_drill (attempt_id, user_name, question_id, story_slug,"
                " name_seconds, tell_seconds) VALUES (%s, %s, %s, %s, %s, %s)",
                (attempt_id, self.user, question_id, story_slug, name_seconds, tell_seconds),
            )
