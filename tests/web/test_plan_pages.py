"""The plan and progress pages with NiceGUI's simulated user (in process, no browser)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pgdojo.errors import NotFoundError
from pgdojo.services import Services
from pgdojo.tracks.plan.progress import FORMULA, TYPES
from pgdojo.tracks.plan.schedule import SEED_PHASES
from pgdojo.tracks.plan.service import PlanTrack, WeekProgress
from pgdojo.web.plan_pages import done_by_week, mock_level_series
from tests.web.test_pages import page_user

pytestmark = pytest.mark.anyio
# Service calls run off the event loop (making a plan reads every track): wait up to 10 s.
SLOW = 100


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture()
def plans(services: Services) -> PlanTrack:
    """The plan service, with no plan: the store user is shared by every test."""
    track = services.track(PlanTrack)
    track.reset()
    return track


async def test_plan_page_without_a_plan_shows_the_form(
    services: Services, plans: PlanTrack
) -> None:
    async with page_user(services) as user:
        await user.open("/plan")
        await user.should_see(marker="plan-form")
        await user.should_see(marker="interview-date")
        await user.should_see(marker="make-plan")
        await user.should_not_see(marker="this-week")
        await user.should_not_see(marker="week-1")


async def test_making_a_plan_through_the_page(services: Services, plans: PlanTrack) -> None:
    interview = date.today() + timedelta(weeks=6)
    async with page_user(services) as user:
        await user.open("/plan")
        user.find(marker="interview-date").clear().type(interview.isoformat())
        user.find(marker="make-plan").click()
        await user.should_see(marker="week-6", retries=SLOW)
        await user.should_not_see(marker="week-7")
        await user.should_not_see(marker="plan-form")
        await user.should_see(marker="this-week")
        for n, phase in enumerate(SEED_PHASES, start=1):
            with user.scope(marker=f"week-{n}"):
                await user.should_see(f"Week {n}")
                await user.should_see(phase.title)
        with user.scope(marker="week-1"):
            await user.should_see("Deep-dive explanations")
            await user.should_see("this week")
        with user.scope(marker="week-6"):
            await user.should_see("Full mocks of every type")
        await user.should_see("42 days left")
    plan = plans.plan()
    assert plan.interview_date == interview
    assert [w.title for w in plan.weeks] == [p.title for p in SEED_PHASES]


async def test_a_bad_date_is_a_notification_not_a_plan(
    services: Services, plans: PlanTrack
) -> None:
    async with page_user(services) as user:
        await user.open("/plan")
        user.find(marker="interview-date").clear().type(date.today().isoformat())
        user.find(marker="make-plan").click()
        await user.should_see("must be after today", retries=SLOW)
        await user.should_see(marker="plan-form")
    with pytest.raises(NotFoundError):
        plans.plan()


async def test_plan_page_shows_this_week_and_its_items(
    services: Services, plans: PlanTrack
) -> None:
    # One week: every phase of the seed in it, so items of every track with practice items.
    plans.init(date.today() + timedelta(days=7))
    progress = plans.show()
    assert progress.items_left
    async with page_user(services) as user:
        await user.open("/plan")
        await user.should_see(marker="this-week")
        with user.scope(marker="this-week"):
            await user.should_see("This week · week 1 of 1")
            await user.should_see(f"of {progress.week.hours:g} h done")
            for item in progress.items_left[:5]:
                await user.should_see(item["title"])
                await user.should_see(item["command"])
        await user.should_see(marker="hours-chart")
        await user.should_see(marker="week-1")
        await user.should_see("7 days left")
        user.find(marker="download-ics").click()
        ics = await user.download.next(timeout=10)
    assert ics.text.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Interview day" in ics.text


async def test_behind_this_week_lists_what_to_drop(services: Services, plans: PlanTrack) -> None:
    # A plan started 11 days ago: week 2 (SQL), day 5, with next to no hours recorded in it.
    today = date.today()
    plans.init(today + timedelta(days=31), today=today - timedelta(days=11))
    progress = plans.show()
    assert progress.week.week == 2 and progress.day == 5
    assert progress.behind and progress.drop
    async with page_user(services) as user:
        await user.open("/plan")
        with user.scope(marker="behind"):
            await user.should_see("Behind")
            for item in progress.drop:
                await user.should_see(item["title"])
        with user.scope(marker="week-2"):
            await user.should_see("this week")
        with user.scope(marker="week-1"):
            await user.should_not_see("this week")
            await user.should_see("h done")  # a past week: its hours done are known


def test_done_by_week_maps_days_into_the_plan_weeks(plans: PlanTrack) -> None:
    today = date(2026, 12, 1)
    plan = plans.init(today + timedelta(days=31), today=today - timedelta(days=11))
    plans.reset()
    current = WeekProgress(plan.weeks[1], 5, 0.5, [], [], True)
    daily = [
        {"day": (today - timedelta(days=11)).isoformat(), "minutes": 30.0},  # week 1, day 1
        {"day": (today - timedelta(days=5)).isoformat(), "minutes": 15.0},  # week 1, day 7
        {"day": (today - timedelta(days=4)).isoformat(), "minutes": 99.0},  # week 2: show()'s
    ]
    done = done_by_week(plan, current, daily, today)
    assert done == [0.75, 0.5, None, None, None, None]


def test_mock_level_series_reads_both_shapes() -> None:
    flat = [
        {"criterion": "depth", "mock": 1, "at": "2026-11-02T10:00:00+00:00", "level": "junior"},
        {"criterion": "clarity", "mock": 1, "at": "2026-11-02T10:00:00+00:00", "level": "senior"},
        {"criterion": "depth", "mock": 2, "at": "2026-11-09T10:00:00+00:00", "level": "staff"},
    ]
    labels, series = mock_level_series(flat)
    assert labels == ["02 Nov 10:00", "09 Nov 10:00"]
    assert series == {"clarity": ["senior", None], "depth": ["junior", "staff"]}
    labels, series = mock_level_series([{"levels": {"depth": "senior", "odd": 3}}])
    assert labels == ["mock 1"] and series == {"depth": ["senior"], "odd": [None]}


async def test_progress_page_shows_the_formula_and_each_interview_type(
    services: Services, plans: PlanTrack
) -> None:
    report = plans.progress()
    async with page_user(services) as user:
        await user.open("/progress")
        await user.should_see(FORMULA)
        await user.should_see(marker="formula")
        await user.should_see(marker="overall")
        for type_ in TYPES:
            await user.should_see(marker=f"readiness-{type_}")
        for readiness in report.readiness:
            if readiness.note:
                with user.scope(marker=f"readiness-{readiness.type}"):
                    await user.should_see(readiness.note)
        await user.should_see(marker="tracks")
        await user.should_see(marker="activity")
        if not report.mock_levels:
            await user.should_see(marker="no-mock")
            await user.should_see("No mock yet")


async def test_reset_removes_the_plan(services: Services, plans: PlanTrack) -> None:
    plans.init(date.today() + timedelta(weeks=3))
    async with page_user(services) as user:
        await user.open("/plan")
        await user.should_see(marker="week-3")
        user.find(marker="reset").click()
        user.find(marker="reset-confirm").click()
        await user.should_see(marker="plan-form", retries=SLOW)
        await user.should_not_see(marker="week-1")
    with pytest.raises(NotFoundError):
        plans.plan()


async def test_make_a_new_plan_replaces_the_old_one(services: Services, plans: PlanTrack) -> None:
    plans.init(date.today() + timedelta(weeks=6))
    interview = date.today() + timedelta(weeks=3)
    async with page_user(services) as user:
        await user.open("/plan")
        await user.should_see(marker="week-6")
        user.find(marker="new-plan").click()
        await user.should_see(marker="plan-form")
        user.find(marker="interview-date").clear().type(interview.isoformat())
        user.find(marker="hours").type("5")
        user.find(marker="make-plan").click()
        await user.should_see(marker="week-3", retries=SLOW)
        await user.should_not_see(marker="week-4")
        await user.should_see("5 h a week")
    plan = plans.plan()
    assert plan.interview_date == interview and plan.hours_per_week == 5
    assert [w.hours for w in plan.weeks] == [5, 5, 5]
