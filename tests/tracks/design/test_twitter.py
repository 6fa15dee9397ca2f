"""The twitter-timeline designs run at scale: each worked design passes or fails as declared,
and grades in order. Real runs on the test server (a few seconds each)."""

from __future__ import annotations

import pytest

from pgdojo.content.design import load_prompts
from pgdojo.services import Services
from pgdojo.tracks.design import DesignTrack

PROMPT = load_prompts()["twitter-timeline"]


@pytest.mark.parametrize("design", sorted(PROMPT.designs))
def test_each_design_fails_exactly_what_it_declares(services: Services, design: str) -> None:
    track = services.track(DesignTrack)
    worked = PROMPT.designs[design]
    result = track.run(PROMPT.id, worked.text)
    assert sorted(result.failed()) == sorted(worked.fails), [c.to_dict() for c in result.checks]
    queries = result.measured["queries"]
    assert queries["post_tweet"]["calls"] == 6000
    assert queries["post_tweet"]["wal_bytes"] > 0
    assert queries["home_timeline"]["samples"] == 7
    assert result.measured["tables"]["tweets"]["rows"] >= 5000
    assert (
        "400,000,000 post_tweet calls a day"
        in result.measured["extrapolated"]["post_tweet"]["says"]
    )


def test_fan_out_writes_more_than_the_hybrid_which_writes_more_than_pull(
    services: Services,
) -> None:
    track = services.track(DesignTrack)
    rows = {
        name: track.run(PROMPT.id, PROMPT.designs[name].text).measured["queries"]["post_tweet"][
            "rows_per_call"
        ]
        for name in ("flawed-fanout-everyone", "staff", "senior")
    }
    assert rows["flawed-fanout-everyone"] > 3 * rows["staff"] > 3 * rows["senior"] == 3.0


def test_grades_in_order(services: Services) -> None:
    track = services.track(DesignTrack)
    grades = {name: track.grade(PROMPT.id, d.text) for name, d in PROMPT.designs.items()}
    assert grades["staff"].level == "staff" and grades["staff"].score >= 85
    assert grades["senior"].level == "senior"
    assert grades["staff"].score > grades["senior"].score
    for name, graded in grades.items():
        if name.startswith("flawed"):
            assert graded.score < grades["senior"].score, (name, graded.score)
            assert graded.level == "junior"
            assert any(
                f["message"].startswith(tuple(PROMPT.designs[name].fails)) for f in graded.feedback
            )
    assert grades["staff"].estimates[0].verdict == "good"
    attempts = track.attempts.items("design", "grade")[PROMPT.id]
    assert attempts.best_score == grades["staff"].score


def test_a_schema_that_fails_stops_the_run(services: Services) -> None:
    track = services.track(DesignTrack)
    text = PROMPT.designs["senior"].text.replace(
        "CREATE INDEX tweets_author_time ON tweets", "CREATE INDEX tweets_author_time ON tweetz"
    )
    result = track.run(PROMPT.id, text)
    assert [c.name for c in result.checks] == ["schema"]
    assert "tweetz" in result.checks[0].message and not result.passed


def test_the_candidate_never_runs_as_a_superuser(services: Services) -> None:
    track = services.track(DesignTrack)
    text = PROMPT.designs["senior"].text.replace(
        "CREATE INDEX tweets_author_time",
        "ALTER ROLE app_owner SUPERUSER;\nCREATE INDEX tweets_author_time",
    )
    result = track.run(PROMPT.id, text)
    assert not result.passed and "permission denied" in result.checks[0].message


@pytest.mark.slow
def test_the_fan_out_sweep(services: Services) -> None:
    [sweep] = services.track(DesignTrack).prove(PROMPT.id)
    rows = [r["figures"]["post_tweet.rows_per_call"] for r in sweep.rows]
    assert rows == sorted(rows) and rows[0] == 1.0  # pull writes only the tweet
    # Fanning every tweet out breaks the write budget; the hybrid's threshold keeps it.
    assert [r["passed"] for r in sweep.rows][1:] == [True, True, False]
    buffers = [r["figures"]["home_timeline.buffers_p50"] for r in sweep.rows]
    assert buffers[0] > buffers[-1]  # pulling at read time reads more pages
