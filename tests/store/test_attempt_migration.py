"""Migration 0004 carries every track's existing outcomes over into the one attempt model."""

from __future__ import annotations

import psycopg
from psycopg import sql

from pgdojo.engine import Engine
from pgdojo.engine.provision import ensure_database
from pgdojo.store import apply_migrations
from pgdojo.store.migrate import available_migrations

LEGACY = """
INSERT INTO attempt (user_name, track, item_id, solved, hints_used, seconds_to_solve)
VALUES ('ana', 'sql', 'running-total', true, 2, 300), ('ana', 'lab', 'deadlock', false, 1, NULL);
INSERT INTO submission (attempt_id, user_name, track, item_id, source, verdict, elapsed_ms)
VALUES (1, 'ana', 'sql', 'running-total', 'SELECT 1', 'wrong_answer', 3),
       (1, 'ana', 'sql', 'running-total', 'SELECT 2', 'accepted', 4),
       (NULL, 'ana', 'sql', 'top-n', 'SELECT 3', 'accepted', 5);
INSERT INTO lab_check (attempt_id, user_name, scenario_id, solved, detect, fix, prevention, traps,
                       investigation, findings)
VALUES (2, 'ana', 'deadlock', false, true, false, false, 1, 60, '{}');
INSERT INTO deepdive_grading (user_name, topic_id, answer, score, detail)
VALUES ('ana', 'mvcc', 'an answer', 82, '{}'), ('ana', 'toast', 'short', 30, '{}');
INSERT INTO experiment_run (user_name, topic_id, steps, predictions, correct, asked)
VALUES ('ana', 'mvcc', '[]', '[]', 2, 3);
INSERT INTO card_review (user_name, card_id, topic_id, rating, log)
VALUES ('ana', 'mvcc-1', 'mvcc', 1, '{}'), ('ana', 'mvcc-2', 'mvcc', 4, '{}');
"""


def test_existing_outcomes_become_attempts(engine: Engine) -> None:
    with psycopg.connect(engine.admin_conninfo("postgres"), autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS pgdojo_migration_test WITH (FORCE)")
        ensure_database(admin, "pgdojo_migration_test")
    try:
        with psycopg.connect(engine.admin_conninfo("pgdojo_migration_test"), autocommit=True) as db:
            # The store as it stood before 0004, with data in every track's table.
            db.execute(
                "CREATE TABLE schema_migration (version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            for version, name, script in available_migrations():
                if version < 4:
                    db.execute(script.encode())
                    db.execute("INSERT INTO schema_migration VALUES (%s, %s)", (version, name))
            db.execute(LEGACY.encode())
            assert "0004_attempts.sql" in apply_migrations(db)

            rows = db.execute(
                "SELECT track, activity, item_id, score, passed, hints_used, active_seconds"
                " FROM attempt ORDER BY track, activity, item_id"
            ).fetchall()
            assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
                ("deepdive", "answer", "mvcc", 82, True),
                ("deepdive", "answer", "toast", 30, False),
                ("deepdive", "card", "mvcc-1", 0, False),
                ("deepdive", "card", "mvcc-2", 100, True),
                ("deepdive", "experiment", "mvcc", 67, True),
                # detect 15 + method 60 * 0.15 = 9, minus one trap 5
                ("lab", "incident", "deadlock", 19, False),
                ("sql", "problem", "running-total", 100, True),
                ("sql", "problem", "top-n", 100, True),
            ]
            solved = next(r for r in rows if r[2] == "running-total")
            assert solved[5] == 2 and float(solved[6]) == 300.0
            for table in ("submission", "deepdive_grading", "experiment_run", "card_review"):
                orphans = db.execute(
                    sql.SQL("SELECT count(*) FROM {} WHERE attempt_id IS NULL").format(
                        sql.Identifier(table)
                    )
                ).fetchone()
                assert orphans == (0,), table
    finally:
        with psycopg.connect(engine.admin_conninfo("postgres"), autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS pgdojo_migration_test WITH (FORCE)")
