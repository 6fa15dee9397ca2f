"""Reading and writing attempts in the store, for the store's user."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pgdojo.attempts.model import ACTIVE_GAP_CAP_S, Attempt, ItemProgress, TrackProgress
from pgdojo.errors import NotFoundError
from pgdojo.store import Store

_COLUMNS = (
    "id, track, activity, item_id, started_at, finished_at, active_seconds, score, passed,"
    " hints_used, detail"
)
# Adds the time since the last sign of activity, capped: an idle tab does not count.
_TOUCH = (
    "active_seconds = active_seconds + least(extract(epoch FROM now() -"
    " coalesce(last_active_at, started_at)), %(cap)s), last_active_at = now()"
)


def _attempt(row: dict[str, Any]) -> Attempt:
    return Attempt(
        **{**row, "active_seconds": float(row["active_seconds"]), "detail": row["detail"] or {}}
    )


class AttemptLog:
    """Every track records its outcomes here, in one shape."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def user(self) -> str:
        return self.store.user

    # -- writing ---------------------------------------------------------------------------
    def start(self, track: str, activity: str, item_id: str) -> int:
        """A new, open attempt; returns its id."""
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO attempt (user_name, track, activity, item_id, last_active_at)"
                " VALUES (%s, %s, %s, %s, now()) RETURNING id",
                (self.user, track, activity, item_id),
            ).fetchone()
        assert row is not None
        return int(row[0])

    def open(self, track: str, activity: str, item_id: str) -> int:
        """The user's latest unfinished attempt at this item, or a new one."""
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "SELECT id FROM attempt WHERE user_name = %s AND track = %s AND activity = %s"
                " AND item_id = %s AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1",
                (self.user, track, activity, item_id),
            ).fetchone()
        return int(row[0]) if row else self.start(track, activity, item_id)

    def record_once(
        self,
        track: str,
        activity: str,
        item_id: str,
        score: int,
        passed: bool,
        seconds: float = 0.0,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """A finished attempt in one step (a grading, a review, a run): `seconds` long."""
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO attempt (user_name, track, activity, item_id, started_at,"
                " finished_at, last_active_at, active_seconds, score, passed, detail)"
                " VALUES (%s, %s, %s, %s, now() - make_interval(secs => %s), now(), now(),"
                " %s, %s, %s, %s) RETURNING id",
                (
                    self.user,
                    track,
                    activity,
                    item_id,
                    seconds,
                    seconds,
                    _clamp(score),
                    passed,
                    Jsonb(detail or {}),
                ),
            ).fetchone()
        assert row is not None
        return int(row[0])

    def touch(self, attempt_id: int) -> None:
        """A sign of activity (an action, a heartbeat from a visible page)."""
        with self.store.pool.connection() as conn:
            conn.execute(
                f"UPDATE attempt SET {_TOUCH} WHERE id = %(id)s AND user_name = %(user)s"
                " AND finished_at IS NULL",
                {"cap": ACTIVE_GAP_CAP_S, "id": attempt_id, "user": self.user},
            )

    def score(self, attempt_id: int, score: int, passed: bool, finish: bool = False) -> None:
        """Record an outcome: the best score so far stays; `finish` closes the attempt."""
        with self.store.pool.connection() as conn:
            conn.execute(
                f"UPDATE attempt SET {_TOUCH}, score = greatest(score, %(score)s),"
                " passed = passed OR %(passed)s,"
                " finished_at = CASE WHEN %(finish)s THEN now() END"
                " WHERE id = %(id)s AND user_name = %(user)s AND finished_at IS NULL",
                {
                    "cap": ACTIVE_GAP_CAP_S,
                    "score": _clamp(score),
                    "passed": passed,
                    "finish": finish,
                    "id": attempt_id,
                    "user": self.user,
                },
            )

    def finish(self, attempt_id: int) -> None:
        """Close an attempt as it stands (a lab stopped, a session abandoned)."""
        with self.store.pool.connection() as conn:
            conn.execute(
                f"UPDATE attempt SET {_TOUCH}, finished_at = now()"
                " WHERE id = %(id)s AND user_name = %(user)s AND finished_at IS NULL",
                {"cap": ACTIVE_GAP_CAP_S, "id": attempt_id, "user": self.user},
            )

    def use_hint(self, attempt_id: int, available: int) -> int | None:
        """Count one more hint on an open attempt; None when all `available` are used."""
        with self.store.pool.connection() as conn:
            row = conn.execute(
                f"UPDATE attempt SET {_TOUCH}, hints_used = hints_used + 1"
                " WHERE id = %(id)s AND user_name = %(user)s AND hints_used < %(available)s"
                " RETURNING hints_used",
                {
                    "cap": ACTIVE_GAP_CAP_S,
                    "id": attempt_id,
                    "user": self.user,
                    "available": available,
                },
            ).fetchone()
        return int(row[0]) if row else None

    # -- reading ---------------------------------------------------------------------------
    def get(self, attempt_id: int) -> Attempt | None:
        with self.store.pool.connection() as conn:
            row = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    f"SELECT {_COLUMNS} FROM attempt WHERE id = %s AND user_name = %s",
                    (attempt_id, self.user),
                )
                .fetchone()
            )
        return _attempt(row) if row else None

    def require(self, attempt_id: int, track: str, item_id: str) -> Attempt:
        """The attempt, which must be this user's, at this item; NotFoundError otherwise."""
        attempt = self.get(attempt_id)
        if attempt is None or attempt.track != track or attempt.item_id != item_id:
            raise NotFoundError(
                f"no attempt {attempt_id} at {track} item {item_id!r} for this user"
            )
        return attempt

    def recent(self, limit: int = 10, track: str | None = None) -> list[Attempt]:
        """The user's latest scored attempts, newest first."""
        with self.store.pool.connection() as conn:
            rows = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    f"SELECT {_COLUMNS} FROM attempt WHERE user_name = %s AND score IS NOT NULL"
                    " AND (%s::text IS NULL OR track = %s)"
                    " ORDER BY coalesce(finished_at, last_active_at, started_at) DESC, id DESC"
                    " LIMIT %s",
                    (self.user, track, track, limit),
                )
                .fetchall()
            )
        return [_attempt(r) for r in rows]

    def items(self, track: str, activity: str | None = None) -> dict[str, ItemProgress]:
        """Per item of a track: attempts with a score, best score, passed, time spent."""
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT item_id, count(*) FILTER (WHERE score IS NOT NULL), max(score),"
                " bool_or(passed), sum(active_seconds),"
                " max(coalesce(finished_at, last_active_at, started_at))"
                " FROM attempt WHERE user_name = %s AND track = %s"
                " AND (%s::text IS NULL OR activity = %s) GROUP BY item_id",
                (self.user, track, activity, activity),
            ).fetchall()
        return {
            r[0]: ItemProgress(r[0], int(r[1]), r[2], bool(r[3]), float(r[4] or 0), r[5])
            for r in rows
        }

    def track_progress(self, track: str, activity: str | None = None) -> TrackProgress:
        items = [i for i in self.items(track, activity).values() if i.attempts]
        scores = [i.best_score for i in items if i.best_score is not None]
        return TrackProgress(
            track=track,
            attempts=sum(i.attempts for i in items),
            items_attempted=len(items),
            items_passed=sum(i.passed for i in items),
            mean_best_score=round(sum(scores) / len(scores), 1) if scores else None,
            active_seconds=round(sum(i.active_seconds for i in items), 1),
        )

    def active_seconds_by_track(self, start: datetime, end: datetime) -> dict[str, float]:
        """Active time per track of the attempts started in [start, end)."""
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT track, sum(active_seconds) FROM attempt WHERE user_name = %s"
                " AND started_at >= %s AND started_at < %s GROUP BY track",
                (self.user, start, end),
            ).fetchall()
        return {r[0]: float(r[1]) for r in rows}

    def passed_since(self, since: datetime) -> set[tuple[str, str]]:
        """(track, item) pairs passed since `since`."""
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT track, item_id FROM attempt WHERE user_name = %s AND passed"
                " AND coalesce(finished_at, last_active_at, started_at) >= %s",
                (self.user, since),
            ).fetchall()
        return {(r[0], r[1]) for r in rows}

    def pass_rate(self, track: str, activity: str, days: int = 30) -> tuple[int, float | None]:
        """(attempts, share passed) of an activity over the last `days` days."""
        with self.store.pool.connection() as conn:
            row = conn.execute(
                "SELECT count(*), avg(passed::int) FROM attempt WHERE user_name = %s"
                " AND track = %s AND activity = %s AND score IS NOT NULL"
                " AND started_at > now() - make_interval(days => %s)",
                (self.user, track, activity, days),
            ).fetchone()
        assert row is not None
        return int(row[0]), float(row[1]) if row[1] is not None else None

    def scores(self, track: str, activity: str | None = None, limit: int = 200) -> list[Attempt]:
        """Scored attempts of a track, oldest first (for trends and charts)."""
        with self.store.pool.connection() as conn:
            rows = (
                conn.cursor(row_factory=dict_row)
                .execute(
                    f"SELECT {_COLUMNS} FROM (SELECT * FROM attempt WHERE user_name = %s"
                    " AND track = %s AND (%s::text IS NULL OR activity = %s)"
                    " AND score IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT %s) a"
                    " ORDER BY started_at, id",
                    (self.user, track, activity, activity, limit),
                )
                .fetchall()
            )
        return [_attempt(r) for r in rows]

    def daily_active_seconds(self, days: int = 28) -> list[tuple[datetime, float]]:
        """Active time per day over the last `days` days, for progress charts."""
        with self.store.pool.connection() as conn:
            rows = conn.execute(
                "SELECT date_trunc('day', started_at) AS day, sum(active_seconds)"
                " FROM attempt WHERE user_name = %s"
                " AND started_at > now() - make_interval(days => %s)"
                " GROUP BY day ORDER BY day",
                (self.user, days),
            ).fetchall()
        return [(r[0], float(r[1])) for r in rows]


def _clamp(score: int) -> int:
    return max(0, min(100, int(score)))
