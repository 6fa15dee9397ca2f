"""The plan on the store: items from every track, weak first; this week; today; the calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from pgdojo.attempts import AttemptLog
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.registry import PracticeItem
from pgdojo.services import Services
from pgdojo.store import Store
from pgdojo.store.plan import PlanStore
from pgdojo.tracks.plan.ics import plan_to_ics
from pgdojo.tracks.plan.service import PlanTrack

TODAY = date(2026, 12, 1)


def _items(track: str, n: int, mastered: int = 0) -> list[PracticeItem]:
    return [
        PracticeItem(
            track,
            f"{track}-{i}",
            f"{track} item {i}",
            f"/{track}/{i}",
            f"pgdojo {track} {i}",
            30,
            0.0 if i < mastered else 1.0,
            i < mastered,
        )
        for i in range(n)
    ]


POOLS = {
    "deepdive": _items("deepdive", 21, mastered=3),
    "sql": _items("sql", 41),
    "lab": _items("lab", 10),
    "story": _items("story", 5),
}


@pytest.fixture()
def plans(services: Services, request: pytest.FixtureRequest) -> Iterator[PlanTrack]:
    store = Store(services.engine.store_conninfo(), user=f"plan-{request.node.name}"[:60])
    yield PlanTrack(PlanStore(store), AttemptLog(store), lambda t: list(POOLS.get(t, [])))
    store.close()


def test_six_weeks_out_follows_the_seed(plans: PlanTrack) -> None:
    plan = plans.init(TODAY + timedelta(days=42), today=TODAY)
    assert [(w.focus, w.hours) for w in plan.weeks] == [
        ("deepdive", 2),
        ("sql", 3),
        ("design", 3),
        ("troubleshooting", 2),
        ("mock", 3),
        ("full-mock", 4),
    ]
    first = plan.weeks[0]
    assert [i["track"] for i in first.items] == ["deepdive"] * 4  # 2 h of 30-minute items
    assert all(not i["mastered"] for i in first.items)
    assert "deepdive-0" not in {i["item_id"] for w in plan.weeks for i in w.items}  # mastered
    # No design items in this pool: the design week practises the data-layer deep dives (none
    # here either), so week 4 starts with the labs.
    assert plan.weeks[3].items[0]["track"] == "lab"
    assert plan.weeks[1].starts_on == TODAY + timedelta(days=7)


def test_three_weeks_out_is_compressed(plans: PlanTrack) -> None:
    plan = plans.init(TODAY + timedelta(days=20), hours_per_week=6, today=TODAY)
    assert len(plan.weeks) == 3
    assert [w.hours for w in plan.weeks] == [6, 6, 6]
    assert {i["track"] for i in plan.weeks[0].items} == {"deepdive", "sql"}
    assert plan.weeks[0].hours_by_focus == {"deepdive": 2.4, "sql": 3.6}


def test_bad_dates_and_hours(plans: PlanTrack) -> None:
    with pytest.raises(UsageError, match="after today"):
        plans.init(TODAY, today=TODAY)
    with pytest.raises(UsageError, match="hours"):
        plans.init(TODAY + timedelta(days=30), hours_per_week=200, today=TODAY)
    with pytest.raises(NotFoundError, match="plan init"):
        plans.show(TODAY)


def test_this_week_counts_active_time_and_passed_items(plans: PlanTrack) -> None:
    plans.init(TODAY + timedelta(days=42), today=TODAY)
    first = plans.plan().weeks[0].items[0]
    plans.attempts.record_once(first["track"], "answer", first["item_id"], 90, True, seconds=1800)
    week = plans.show(TODAY + timedelta(days=1))
    assert week.week.week == 1 and week.day == 2
    assert week.hours_done == pytest.approx(0.5, abs=0.01)
    assert [i["item_id"] for i in week.items_done] == [first["item_id"]]
    assert len(week.items_left) == 3 and not week.behind
    late = plans.show(TODAY + timedelta(days=6))
    assert late.behind and late.drop
    today = plans.today(TODAY + timedelta(days=1))
    assert today["week"] == 1 and 1 <= len(today["items"]) <= 3


def test_calendar_export(plans: PlanTrack) -> None:
    plans.init(TODAY + timedelta(days=42), today=TODAY)
    text = plan_to_ics(plans.plan())
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    # 2+3+3+2+3+4 one-hour sessions and the interview day
    assert text.count("BEGIN:VEVENT") == 18
    assert "DTSTART:20261201T190000" in text and "DTSTART;VALUE=DATE:20270112" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert plans.reset() == {"reset": True}
    assert plans.reset() == {"reset": False}
