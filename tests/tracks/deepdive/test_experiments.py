"""Experiments run on the real engine; the facts they teach are asserted from real output."""

from __future__ import annotations

import pytest

from pgdojo.content.loader import load_topics
from pgdojo.engine import Engine
from pgdojo.tracks.deepdive import ExperimentRun, ExperimentRunner

TOPICS = load_topics()
WITH_EXPERIMENTS = sorted(t.id for t in TOPICS.values() if t.experiment)


def run(engine: Engine, topic_id: str) -> ExperimentRun:
    experiment = TOPICS[topic_id].experiment
    assert experiment is not None
    return ExperimentRunner(engine).run(topic_id, experiment)


@pytest.mark.parametrize("topic_id", WITH_EXPERIMENTS)
def test_experiment_runs_as_its_author_expects(engine: Engine, topic_id: str) -> None:
    result = run(engine, topic_id)
    unexpected = [(s.index, s.sql, s.status, s.error) for s in result.steps if s.unexpected]
    assert not unexpected
    for step in result.steps:
        if step.prediction:
            # Every prediction resolves to one of its choices: the lesson really happened.
            assert step.prediction["answer"] is not None, (step.index, step.prediction)


def test_mvcc_old_version_carries_the_updaters_xid(engine: Engine) -> None:
    steps = run(engine, "mvcc").steps
    updater = next(s for s in steps if "pg_current_xact_id" in s.sql).rows[0][0]
    page = next(s for s in steps if "t_ctid" in s.sql and "ORDER BY lp" in s.sql)
    old, _, new = page.rows
    assert old[2] == updater  # xmax of the old version
    assert new[1] == updater and new[2] == "0"  # xmin of the new version
    assert old[3] == "(0,3)"  # the old version points to the new one


def test_isolation_failures_are_real_sqlstates(engine: Engine) -> None:
    outcomes = [s.outcome for s in run(engine, "isolation-locking").steps]
    assert "error:40001" in outcomes  # serialization failure under SERIALIZABLE
    assert "error:40P01" in outcomes  # deadlock victim
    assert "blocks" in outcomes  # a session waited on a row lock


def test_scratch_databases_are_dropped(engine: Engine) -> None:
    import psycopg

    run(engine, "hot-fillfactor")
    with psycopg.connect(engine.admin_conninfo("postgres")) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'pgdojo_x_%'"
        ).fetchone()
    assert left == (0,)
