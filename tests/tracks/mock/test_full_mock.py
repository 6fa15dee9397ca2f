"""A full mock through the service, with a live lab: five rounds, the lab's model fix."""

from __future__ import annotations

import psycopg
import pytest

from pgdojo.content.behavioral import load_behavioral
from pgdojo.content.design import load_prompts
from pgdojo.content.loader import BUILTIN_PROBLEMS, load_topics
from pgdojo.services import Services
from pgdojo.tracks.mock.service import MockTrack

pytestmark = pytest.mark.slow


def test_full_mock_with_model_material(services: Services) -> None:
    mocks = services.track(MockTrack)
    view = mocks.start("full", short=True)
    assert [s.kind for s in view.segments] == [
        "deepdive",
        "design",
        "sql",
        "troubleshooting",
        "behavioral",
    ]
    assert [s.minutes for s in view.segments] == [10, 15, 10, 10, 10]
    topics = load_topics()
    prompts = load_prompts()
    bank = load_behavioral()
    try:
        for segment in view.segments:
            current = mocks.view(view.id).segment
            assert current is not None and current.kind == segment.kind
            if segment.kind == "deepdive":
                mocks.answer(view.id, topics[current.item_id].staff_answer)
            elif segment.kind == "design":
                mocks.answer(view.id, prompts[current.item_id].designs["staff"].text)
            elif segment.kind == "sql":
                solution = (BUILTIN_PROBLEMS / current.item_id / "solution.sql").read_text()
                mocks.answer(view.id, solution)
            elif segment.kind == "troubleshooting":
                dsn = current.prompt["dsn"]
                assert dsn.startswith("postgresql://oncall:")
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute("SELECT 1")
                mocks.answer(view.id, "I looked at pg_stat_activity and I think it is a lock")
            else:
                story = (
                    next(s for s in bank.stories.values() if current.item_id in s.meta.questions)
                    if any(current.item_id in s.meta.questions for s in bank.stories.values())
                    else next(iter(bank.stories.values()))
                )
                mocks.answer(view.id, story.versions["staff"])
            answered = mocks.view(view.id).segments[segment.position]
            assert answered.answers == 1
            if segment.position < 4:
                mocks.next(view.id)
        report = mocks.finish(view.id, {c: "senior" for c in ("correctness", "depth")})
    finally:
        for scenario in list(services.track(MockTrack).rounds["troubleshooting"].lab.scenarios):  # type: ignore[attr-defined]
            services.track(MockTrack).rounds["troubleshooting"].lab.stop(scenario)  # type: ignore[attr-defined]
    assert [s["kind"] for s in report["segments"]] == [s.kind for s in view.segments]
    assert all(s["answered"] for s in report["segments"])
    assert report["criteria"]["experience"]["level"] is not None
    assert report["overall"] in ("junior", "senior", "staff")
    assert report["calibration"]["gaps"]
