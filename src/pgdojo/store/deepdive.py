"""The deep-dive track's detail tables: graded answers, card scheduling state and reviews,
experiment runs. Each row is keyed by its attempt (`pgdojo.attempts`), which has the score."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pgdojo.store.store import Store


class DeepDiveStore:
    """Reads and writes deep-dive data for the store's user."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def user(self) -> str:
        return self.store.user

    def record_grading(
        self, attempt_id: int, topic_id: str, answer: str, score: int, detail: dict[str, Any]
    ) -> int:
        """The graded answer (the attempt has the score; this keeps the text and the detail)."""
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO deepdive_grading (attempt_id, user_name, topic_id, answer, score,"
                " detail) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                (attempt_id, self.user, topic_id, answer, score, Jsonb(detail)),
            ).fetchone()
        assert row is not None
        return int(row[0])

    # -- cards -----------------------------------------------------------------------------
    def card_states(self) -> dict[str, dict[str, Any]]:
        """card_id -> {state, due, reviews} for every card this user has reviewed."""
        with self.store.pool.connection() as conn:
            rows = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    "SELECT card_id, topic_id, state, due, reviews FROM card_state"
                    " WHERE user_name = %s",
                    (self.user,),
                )
                .fetchall()
            )
        return {r["card_id"]: r for r in rows}

    def save_review(
        self,
        card_id: str,
        topic_id: str,
        state: dict[str, Any],
        due: datetime,
        rating: int,
        log: dict[str, Any],
        attempt_id: int | None = None,
    ) -> None:
        with self.store.pool.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO card_state (user_name, card_id, topic_id, state, due, reviews)"
                " VALUES (%s, %s, %s, %s, %s, 1) ON CONFLICT (user_name, card_id) DO UPDATE"
                " SET state = excluded.state, due = excluded.due,"
                " reviews = card_state.reviews + 1",
                (self.user, card_id, topic_id, Jsonb(state), due),
            )
            conn.execute(
                "INSERT INTO card_review (attempt_id, user_name, card_id, topic_id, rating, log)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (attempt_id, self.user, card_id, topic_id, rating, Jsonb(log)),
            )

    def reviews_today(self) -> int:
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "SELECT count(*) FROM card_review WHERE user_name = %s"
                " AND reviewed_at >= date_trunc('day', now())",
                (self.user,),
            ).fetchone()
        return int(row[0]) if row else 0

    # -- experiments -----------------------------------------------------------------------
    def record_experiment(
        self,
        attempt_id: int,
        topic_id: str,
        steps: list[dict[str, Any]],
        predictions: list[dict[str, Any]],
    ) -> int:
        correct = sum(1 for p in predictions if p.get("correct"))
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO experiment_run (attempt_id, user_name, topic_id, steps, predictions,"
                " correct, asked) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (
                    attempt_id,
                    self.user,
                    topic_id,
                    Jsonb(steps),
                    Jsonb(predictions),
                    correct,
                    len(predictions),
                ),
            ).fetchone()
        assert row is not None
        return int(row[0])
