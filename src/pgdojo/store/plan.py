"""The practice plan in the store: one per user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pgdojo.store.store import Store


@dataclass(frozen=True)
class StoredPlan:
    interview_date: date
    starts_on: date
    hours_per_week: float | None
    weeks: list[dict[str, Any]]
    created_at: datetime


class PlanStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(
        self,
        interview_date: date,
        starts_on: date,
        hours_per_week: float | None,
        weeks: list[dict[str, Any]],
    ) -> None:
        with self.store.pool.connection() as conn:
            conn.execute(
                "INSERT INTO practice_plan (user_name, interview_date, starts_on, hours_per_week,"
                " weeks) VALUES (%s, %s, %s, %s, %s) ON CONFLICT (user_name) DO UPDATE SET"
                " interview_date = excluded.interview_date, starts_on = excluded.starts_on,"
                " hours_per_week = excluded.hours_per_week, weeks = excluded.weeks,"
                " created_at = now()",
                (self.store.user, interview_date, starts_on, hours_per_week, Jsonb(weeks)),
            )

    def get(self) -> StoredPlan | None:
        with self.store.pool.connection() as conn:
            row = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT interview_date, starts_on, hours_per_week, weeks, created_at"
                    " FROM practice_plan WHERE user_name = %s",
                    (self.store.user,),
                )
                .fetchone()
            )
        if row is None:
            return None
        hours = row.pop("hours_per_week")
        return StoredPlan(**row, hours_per_week=float(hours) if hours is not None else None)

    def delete(self) -> bool:
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "DELETE FROM practice_plan WHERE user_name = %s RETURNING 1", (self.store.user,)
            ).fetchone()
        return row is not None
