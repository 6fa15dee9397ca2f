"""The troubleshooting track's data: checks and the commands run during a lab."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from psycopg.types.json import Jsonb

from pgdojo.store.store import Store


class LabStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record_check(
        self, attempt_id: int | None, scenario_id: str, result: Mapping[str, Any]
    ) -> None:
        with self.store.pool.connection() as conn:
            conn.execute(
                "INSERT INTO lab_check (attempt_id, user_name, scenario_id, solved, detect, fix,"
                " prevention, traps, investigation, findings)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    attempt_id,
                    self.store.user,
                    scenario_id,
                    result["solved"],
                    result["detect"],
                    result["fix"],
                    result["prevention"],
                    len(result["traps"]),
                    result["investigation"]["score"],
                    Jsonb(dict(result)),
                ),
            )

    def record_command(
        self, attempt_id: int | None, scenario_id: str, sql: str, error: str | None
    ) -> None:
        with self.store.pool.connection() as conn:
            conn.execute(
                "INSERT INTO lab_command (attempt_id, user_name, scenario_id, sql, error)"
                " VALUES (%s, %s, %s, %s, %s)",
                (attempt_id, self.store.user, scenario_id, sql, error),
            )

    def traps(self) -> dict[str, int]:
        """Traps fallen into, per scenario, over every check."""
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT scenario_id, sum(traps)::int FROM lab_check WHERE user_name = %s"
                " GROUP BY scenario_id",
                (self.store.user,),
            ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def results(self) -> list[dict[str, Any]]:
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT ON (scenario_id) scenario_id, solved, checked_at FROM lab_check"
                " WHERE user_name = %s ORDER BY scenario_id, solved DESC, checked_at DESC",
                (self.store.user,),
            ).fetchall()
        return [{"scenario": r[0], "solved": r[1], "checked_at": r[2]} for r in rows]
