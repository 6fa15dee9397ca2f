"""The design track's data: runs and grades of submissions; the engine's measured numbers."""

from __future__ import annotations

from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pgdojo.store.store import Store


class DesignStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(
        self,
        attempt_id: int,
        prompt_id: str,
        submission: str,
        run: dict[str, Any],
        grade: dict[str, Any] | None,
    ) -> int:
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO design_run (attempt_id, user_name, prompt_id, submission, run, grade)"
                " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                (
                    attempt_id,
                    self.store.user,
                    prompt_id,
                    submission,
                    Jsonb(run),
                    Jsonb(grade) if grade is not None else None,
                ),
            ).fetchone()
        assert row is not None
        return int(row[0])

    def history(self, prompt_id: str, limit: int = 20) -> list[dict[str, Any]]:
        with self.store.pool.connection() as conn:
            rows = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT id, created_at, run -> 'passed' AS passed,"
                    " grade -> 'score' AS score, grade ->> 'level' AS level"
                    " FROM design_run WHERE user_name = %s AND prompt_id = %s"
                    " ORDER BY created_at DESC, id DESC LIMIT %s",
                    (self.store.user, prompt_id, limit),
                )
                .fetchall()
            )
        return [{**r, "created_at": r["created_at"].isoformat()} for r in rows]

    def numbers(self) -> dict[str, tuple[float, str]]:
        with self.store.pool.connection() as conn:
            rows = conn.execute("SELECT name, value, unit FROM engine_numbers").fetchall()
        return {r[0]: (float(r[1]), str(r[2])) for r in rows}

    def save_numbers(self, numbers: dict[str, tuple[float, str]]) -> None:
        with self.store.pool.connection() as conn, conn.transaction():
            for name, (value, unit) in numbers.items():
                conn.execute(
                    "INSERT INTO engine_numbers (name, value, unit) VALUES (%s, %s, %s)"
                    " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
                    " unit = excluded.unit, measured_at = now()",
                    (name, value, unit),
                )
