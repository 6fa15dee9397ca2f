"""The one attempt model: active time, scores, hints and ownership, on the real store."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from pgdojo.attempts import ACTIVE_GAP_CAP_S, AttemptLog
from pgdojo.errors import NotFoundError
from pgdojo.services import Services
from pgdojo.store import Store


@pytest.fixture()
def log(services: Services, request: pytest.FixtureRequest) -> Iterator[AttemptLog]:
    store = Store(services.engine.store_conninfo(), user=f"attempts-{request.node.name}")
    yield AttemptLog(store)
    store.close()


def _age(log: AttemptLog, attempt_id: int, seconds: float) -> None:
    """Pretend the last sign of activity was `seconds` ago (as after a pause)."""
    with log.store.pool.connection() as conn:
        conn.execute(
            "UPDATE attempt SET last_active_at = now() - make_interval(secs => %s),"
            " started_at = least(started_at, now() - make_interval(secs => %s)) WHERE id = %s",
            (seconds, seconds, attempt_id),
        )


def test_active_time_counts_gaps_up_to_the_cap(log: AttemptLog) -> None:
    attempt = log.start("sql", "problem", "running-total")
    _age(log, attempt, 40)
    log.touch(attempt)
    _age(log, attempt, 3 * 3600)  # the tab was left open for three hours
    log.touch(attempt)
    done = log.get(attempt)
    assert done is not None
    assert 40 <= done.active_seconds < 40 + ACTIVE_GAP_CAP_S + 5
    assert done.finished_at is None and done.score is None


def test_scores_keep_the_best_and_finish(log: AttemptLog) -> None:
    attempt = log.start("lab", "incident", "deadlock")
    log.score(attempt, 40, passed=False)
    log.score(attempt, 20, passed=False)
    assert (got := log.get(attempt)) is not None and got.score == 40 and not got.passed
    log.score(attempt, 130, passed=True, finish=True)
    done = log.get(attempt)
    assert done is not None and done.score == 100 and done.passed and done.finished_at
    log.score(attempt, 0, passed=False)  # a finished attempt is closed
    assert (after := log.get(attempt)) is not None and after.score == 100


def test_hints_are_counted_up_to_what_is_available(log: AttemptLog) -> None:
    attempt = log.start("sql", "problem", "top-n")
    assert [log.use_hint(attempt, 3) for _ in range(4)] == [1, 2, 3, None]
    assert (got := log.get(attempt)) is not None and got.hints_used == 3


def test_open_resumes_the_unfinished_attempt(log: AttemptLog) -> None:
    first = log.open("sql", "problem", "gaps")
    assert log.open("sql", "problem", "gaps") == first
    log.score(first, 100, passed=True, finish=True)
    assert log.open("sql", "problem", "gaps") != first


def test_another_users_attempt_is_not_found(services: Services, log: AttemptLog) -> None:
    other = Store(services.engine.store_conninfo(), user="someone-else")
    try:
        theirs = AttemptLog(other).start("sql", "problem", "gaps")
    finally:
        other.close()
    assert log.get(theirs) is None
    with pytest.raises(NotFoundError):
        log.require(theirs, "sql", "gaps")
    log.touch(theirs)
    assert log.use_hint(theirs, 3) is None


def test_progress_per_item_and_track(log: AttemptLog) -> None:
    log.record_once("deepdive", "answer", "mvcc", 55, passed=False, seconds=120)
    log.record_once("deepdive", "answer", "mvcc", 80, passed=True, seconds=60)
    log.record_once("deepdive", "answer", "toast", 30, passed=False)
    log.record_once("deepdive", "card", "mvcc-1", 80, passed=True)
    items = log.items("deepdive", "answer")
    assert items["mvcc"].best_score == 80 and items["mvcc"].passed and items["mvcc"].attempts == 2
    assert items["mvcc"].active_seconds == pytest.approx(180)
    progress = log.track_progress("deepdive", "answer")
    assert (progress.items_attempted, progress.items_passed) == (2, 1)
    assert progress.mean_best_score == 55.0
    assert [a.item_id for a in log.recent(2)] == ["mvcc-1", "toast"]


def test_scores_are_bounded_by_the_schema(services: Services) -> None:
    with (
        psycopg.connect(services.engine.store_conninfo(), autocommit=True) as conn,
        pytest.raises(psycopg.errors.CheckViolation),
    ):
        conn.execute(
            "INSERT INTO attempt (user_name, track, item_id, score) VALUES ('x', 'sql', 'y', 101)"
        )
