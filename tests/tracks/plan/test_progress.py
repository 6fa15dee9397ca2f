"""Readiness from the attempts of every track, with the formula it states."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pgdojo.attempts import AttemptLog
from pgdojo.services import Services
from pgdojo.store import Store
from pgdojo.tracks.plan.progress import progress_report, readiness_score
from tests.tracks.plan.test_plan import POOLS

TITLES = {"sql": "SQL", "deepdive": "Deep dives", "lab": "Labs", "story": "Stories"}


@pytest.fixture()
def attempts(services: Services, request: pytest.FixtureRequest) -> Iterator[AttemptLog]:
    store = Store(services.engine.store_conninfo(), user=f"progress-{request.node.name}"[:60])
    yield AttemptLog(store)
    store.close()


def test_the_formula_rescales_over_what_exists() -> None:
    assert readiness_score({"mock": None, "coverage": 50, "quality": 80, "trend": 50}) == 60.0
    assert readiness_score({"mock": 100, "coverage": 50, "quality": 80, "trend": 50}) == 76.0
    assert readiness_score({"mock": None, "coverage": None, "quality": None, "trend": 50}) is None


def test_progress_reads_every_track(attempts: AttemptLog) -> None:
    for n in range(10):
        attempts.record_once("sql", "problem", f"sql-{n}", 0 if n < 5 else 100, n >= 5)
    attempts.record_once("deepdive", "card", "c1", 80, True)
    attempts.record_once("deepdive", "answer", "deepdive-5", 60, False, seconds=600)
    report = progress_report(
        attempts, lambda t: list(POOLS.get(t, [])), TITLES, lambda kind: ["senior", "staff"]
    )
    data = report.to_dict()
    assert set(data["readiness"]) == {"deepdive", "sql", "troubleshooting", "behavioral", "design"}
    sql = data["readiness"]["sql"]
    assert sql["inputs"]["trend"] == 100.0  # the last five all passed, the five before failed
    assert sql["inputs"]["mock"] == pytest.approx(83.5)
    assert data["readiness"]["design"]["score"] is None
    deep = next(t for t in data["tracks"] if t["track"] == "deepdive")
    assert deep["card_retention_30d"] == 100.0
    assert deep["summary"]["active_seconds"] == 600.0
    assert data["formula"].startswith("readiness = 40% recent mock level")
    assert data["daily"] and data["history"]["sql"][0]["score"] == 0


def test_streak_counts_consecutive_days_ending_today_or_yesterday() -> None:
    from datetime import date, timedelta

    from pgdojo.tracks.plan.progress import streak

    today = date(2026, 12, 1)
    days = [(today - timedelta(days=n), 60.0) for n in (1, 2, 3, 5)]
    assert streak(days, today) == 3  # yesterday and the two before; today not over yet
    assert streak([*days, (today, 30.0)], today) == 4
    assert streak([(today - timedelta(days=2), 60.0)], today) == 0


def test_progress_has_each_tracks_own_figures(services: Services) -> None:
    from pgdojo.tracks.plan.service import PlanTrack

    report = services.track(PlanTrack).progress().to_dict()
    tracks = {t["track"]: t for t in report["tracks"]}
    sql = tracks["sql"]["detail"]
    assert set(sql["by_difficulty"]) == {"easy", "medium", "hard"}
    assert "window-functions" in sql["by_pattern"] or sql["by_pattern"]
    lab = tracks["lab"]["detail"]
    assert lab["scenarios"] >= 10 and isinstance(lab["traps"], dict)
    assert isinstance(report["streak_days"], int)
