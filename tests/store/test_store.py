from __future__ import annotations

import psycopg

from pgdojo.engine import Engine
from pgdojo.services import Services
from pgdojo.store import apply_migrations
from pgdojo.store.migrate import available_migrations
from pgdojo.tracks.sql import SqlTrack


def test_migrations_apply_once(engine: Engine) -> None:
    with psycopg.connect(engine.store_conninfo(), autocommit=True) as conn:
        assert apply_migrations(conn) == []
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migration ORDER BY 1")]
    assert versions == [v for v, _, _ in available_migrations()]


def test_judging_records_submissions_and_attempts(services: Services) -> None:
    sql = services.track(SqlTrack)
    attempt = sql.practise("running-total").attempt_id
    wrong = sql.judge("running-total", "SELECT 1 AS id", attempt)
    assert not wrong.accepted
    problem = sql.problem("running-total")
    right = sql.judge("running-total", problem.solution, attempt)
    assert right.accepted
    done = services.attempts.get(attempt)
    assert done is not None and done.passed and done.seconds_to_solve is not None
    history = services.store.submissions("sql", "running-total")
    assert [h["verdict"] for h in history[:2]] == ["accepted", "wrong_answer"]
    assert "running-total" in sql.solved_items()
    listed = {p.id: p for p in sql.list_problems()}
    assert listed["running-total"].solved
