"""The mock interview pages with NiceGUI's simulated user (in process, no browser): start a
mock, answer and get the follow-up, the self-score before the grade, the report, a reload
mid-mock, the list of mocks and the history; unknown ids. One-round deep-dive and SQL mocks
only (no lab starts)."""

from __future__ import annotations

from typing import Any

import pytest
from nicegui import ui
from nicegui.testing.user import User

from pgdojo.content.loader import BUILTIN_PROBLEMS, load_topics
from pgdojo.services import Services
from pgdojo.tracks.mock.criteria import CRITERIA
from pgdojo.tracks.mock.service import MockTrack, report_markdown
from pgdojo.web.mock_pages import (
    clock_colour,
    clock_text,
    gap_text,
    history_options,
    in_order,
    parse_id,
    practise_link,
    spread_lines,
)
from tests.web.test_pages import page_user

pytestmark = pytest.mark.anyio
# Service calls run off the event loop (grading, judging): wait up to 10 s for their result.
SLOW = 100
SELF = {
    "correctness": "staff",
    "depth": "staff",
    "breadth": "junior",
    "communication": "senior",
    "experience": "senior",
}


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


def mocks(services: Services) -> MockTrack:
    return services.track(MockTrack)


def element(user: User, marker: str) -> Any:
    """The one element marked `marker` on the user's page."""
    found = user.find(marker=marker).elements
    assert len(found) == 1, f"{len(found)} elements marked {marker!r}"
    return next(iter(found))


def minutes_shown(user: User) -> int:
    """The minutes of the clock's 'MM:SS left'."""
    text = element(user, "time-left").text
    assert text.endswith(" left"), text
    return int(text.split(":")[0])


# -- helpers ----------------------------------------------------------------------------------
def test_clock_text_and_colour() -> None:
    assert clock_text(None) == "—"
    assert clock_text(1800) == "30:00 left"
    assert clock_text(61.7) == "01:01 left"
    assert clock_text(-65) == "+01:05 over time"
    assert clock_colour(600) == "text-green-400"
    assert clock_colour(90) == "text-amber-300"
    assert clock_colour(-1) == "text-red-400"


def test_practise_links_and_gaps() -> None:
    assert practise_link("deepdive", "mvcc") == "/deepdive/mvcc"
    assert practise_link("design", "sharding") == "/deepdive/sharding"
    assert practise_link("sql", "running-total") == "/sql/running-total"
    assert practise_link("troubleshooting", "lock-contention") == "/labs/lock-contention"
    assert practise_link("behavioral", "risky-schema-migration") == "/stories"
    assert gap_text(None) == "—"
    assert gap_text(0) == "0 (matches)"
    assert gap_text(1) == "+1 (1 level high)"
    assert gap_text(-2) == "-2 (2 levels low)"
    assert parse_id("12") == 12
    assert parse_id("abc") is None and parse_id("-1") is None


def test_report_criteria_in_the_rubrics_order() -> None:
    # jsonb gives a stored report's keys back shortest first: depth, breadth, experience...
    stored = {"id": 1, "criteria": {c: {"level": None} for c in sorted(CRITERIA, key=len)}}
    assert list(in_order(stored)["criteria"]) == list(CRITERIA)
    assert list(stored["criteria"]) != list(CRITERIA)  # the report given is left as it is


def test_history_chart_and_spread() -> None:
    at = ["2030-01-02T10:00:00", "2030-01-05T10:00:00"]
    history = {
        "criteria": {
            c: [
                {"mock": 7, "at": at[0], "level": "junior"},
                {"mock": 9, "at": at[1], "level": "staff"},
            ]
            if c == "depth"
            else ([{"mock": 9, "at": at[1], "level": "senior"}] if c == "correctness" else [])
            for c in CRITERIA
        },
        "spread": {
            c: {"mocks": 0, "mean": None, "stdev": None}
            | (
                {"mocks": 2, "mean": 2.0, "stdev": 1.0}
                if c == "depth"
                else ({"mocks": 1, "mean": 2, "stdev": None} if c == "correctness" else {})
            )
            for c in CRITERIA
        },
        "mocks": 2,
    }
    options = history_options(history)
    assert options is not None
    assert options["xAxis"]["data"] == ["#7 · 01-02", "#9 · 01-05"]
    assert options["yAxis"]["min"] == 1 and options["yAxis"]["max"] == 3
    series = {s["name"]: s["data"] for s in options["series"]}
    assert list(series) == list(CRITERIA)
    # each line a little off its level (junior 1, senior 2, staff 3), so that lines stay apart
    assert series["depth"] == [pytest.approx(1, abs=0.1), pytest.approx(3, abs=0.1)]
    assert series["correctness"] == [None, pytest.approx(2, abs=0.1)]
    assert series["depth"][0] != series["correctness"][1] - 1
    assert series["experience"] == [None, None]
    assert spread_lines(history) == [
        "correctness: mean 2 (≈ senior) (one mock: no spread yet) over 1 mock",
        "depth: mean 2.0 (≈ senior) ± 1.0 over 2 mocks",
    ]
    empty = {"criteria": {c: [] for c in CRITERIA}, "spread": {}, "mocks": 0}
    assert history_options(empty) is None


# -- /mock --------------------------------------------------------------------------------------
async def test_start_page_preselects_the_type_from_the_plan_link(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/mock?type=sql")
        await user.should_see(marker="start-form")
        assert element(user, "type").value == "sql"
        assert element(user, "item").enabled
        await user.should_see("sql: 30 min")
        element(user, "short").value = True
        await user.should_see("sql: 10 min")
    async with page_user(services) as user:
        await user.open("/mock")
        assert element(user, "type").value == "full"
        assert not element(user, "item").enabled  # the item picks a one-round mock's item
        await user.should_see("deepdive + design + sql + troubleshooting + behavioral: 165 min")
    async with page_user(services) as user:
        await user.open("/mock?type=nonsense")
        assert element(user, "type").value == "full"


async def test_starting_a_mock_from_the_form_opens_its_page(services: Services) -> None:
    before = {m["id"] for m in mocks(services).list_mocks()}
    topic = load_topics()["mvcc"]
    async with page_user(services) as user:
        await user.open("/mock")
        element(user, "type").value = "deepdive"
        user.find(marker="item").type("mvcc")
        element(user, "minutes").value = 20
        user.find(marker="start").click()
        await user.should_see(marker="segment", retries=SLOW)
        await user.should_see(topic.meta.question)
        await user.should_see("20 min box")
    started = [m for m in mocks(services).list_mocks() if m["id"] not in before]
    assert [(m["kind"], m["finished"]) for m in started] == [("deepdive", False)]
    segment = mocks(services).view(started[0]["id"]).segment
    assert segment is not None and segment.item_id == "mvcc" and segment.minutes == 20


async def test_a_bad_start_is_a_notification(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/mock?type=sql")
        user.find(marker="item").type("no-such-problem")
        user.find(marker="start").click()
        await user.should_see("no-such-problem", retries=SLOW)
        await user.should_see(marker="start-form")


# -- /mock/{id}: play, self-score, grade ----------------------------------------------------
async def test_deep_dive_mock_answer_then_self_score_before_the_grade(
    services: Services,
) -> None:
    track = mocks(services)
    topic = load_topics()["mvcc"]
    view = track.start("deepdive", "mvcc")
    async with page_user(services) as user:
        await user.open(f"/mock/{view.id}")
        await user.should_see(topic.title)
        await user.should_see(topic.meta.question)
        await user.should_see(marker="clock")
        assert 29 <= minutes_shown(user) <= 30
        with user.scope(marker="segments"):
            await user.should_see("now · 0 answers")
        await user.should_not_see(marker="next")  # a one-round mock: nothing after it
        user.find(marker="answer").type(topic.staff_answer)
        user.find(marker="submit").click()
        await user.should_see(marker="recorded", retries=SLOW)
        await user.should_see("Answer recorded (1 so far)")
        answered = track.view(view.id).segment
        assert answered is not None and answered.answers == 1
        if answered.follow_up:
            with user.scope(marker="follow-up"):
                await user.should_see("Interviewer")
                await user.should_see(answered.follow_up)
        assert element(user, "answer").value == ""  # the next answer adds to what was said
        await user.should_not_see("/100")  # no grade during the mock

        # Finish: the self-score comes first, and no grade is on the page yet.
        user.find(marker="finish").click()
        await user.should_see(marker="self-form")
        await user.should_not_see(marker="report")
        await user.should_not_see(marker="overall")
        await user.should_not_see("Overall level")
        for criterion in CRITERIA:
            await user.should_see(marker=f"self-{criterion}")
        # Back to the mock and again: nothing is finished by the form.
        user.find(marker="back").click()
        await user.should_see(marker="segment")
        assert not track.view(view.id).finished
        user.find(marker="finish").click()
        await user.should_see(marker="self-form")
        for criterion, level in SELF.items():
            element(user, f"self-{criterion}").value = level
        user.find(marker="show-grade").click()
        await user.should_see(marker="report", retries=SLOW)
        report = track.report(view.id)
        await user.should_see(marker="calibration")
        await user.should_see(report["calibration"]["direction"])
        assert element(user, "overall").text == report["overall"]
        for criterion, data in report["criteria"].items():
            await user.should_see(marker=f"criterion-{criterion}")
            assert element(user, f"level-{criterion}").text == (data["level"] or "not assessed")
            assert element(user, f"said-{criterion}").text == SELF[criterion]
            for line in data["evidence"]:
                await user.should_see(f"· {line}")
    assert report["self"] == SELF
    assert report["criteria"]["correctness"]["level"] in ("senior", "staff")

    # Reopened, a finished mock shows its report directly.
    async with page_user(services) as user:
        await user.open(f"/mock/{view.id}")
        await user.should_see(marker="report")
        await user.should_not_see(marker="self-form")
        await user.should_not_see(marker="answer")


async def test_report_page_renders_the_report_and_downloads_it(services: Services) -> None:
    track = mocks(services)
    view = track.start("deepdive", "mvcc")
    track.answer(view.id, load_topics()["mvcc"].staff_answer)
    report = track.finish(view.id, {"correctness": "junior", "depth": "staff"})
    async with page_user(services) as user:
        await user.open(f"/mock/{view.id}/report")
        await user.should_see(marker="report")
        await user.should_see(f"Mock {view.id} · deepdive · report")
        assert element(user, "overall").text == report["overall"]
        for criterion, data in report["criteria"].items():
            assert element(user, f"level-{criterion}").text == (data["level"] or "not assessed")
            said = {"correctness": "junior", "depth": "staff"}.get(criterion, "—")
            assert element(user, f"said-{criterion}").text == said
            gap = report["calibration"]["gaps"].get(criterion)
            assert element(user, f"gap-{criterion}").text == gap_text(gap)
        with user.scope(marker="report-segment-1"):
            segment = report["segments"][0]
            await user.should_see(f"{segment['score']}/100")
            await user.should_see(segment["level"])
            await user.should_see(f"of {segment['minutes']:g} min")
        with user.scope(marker="practise-next"):
            for advice in report["practise_next"]:
                await user.should_see(advice["advice"], retries=1)
            if any(p["items"] for p in report["practise_next"]):
                for link in user.find(kind=ui.link).elements:
                    assert link.props["href"] == "/deepdive/mvcc"
            if not report["practise_next"]:
                await user.should_see("Staff on every criterion assessed")
        saved: list[tuple[str | None, str]] = []
        content = user.download.content

        def record(data: bytes | str, filename: str | None = None, media_type: str = "") -> None:
            saved.append((filename, media_type))
            content(data, filename, media_type)

        user.download.content = record  # type: ignore[method-assign]
        user.find(marker="download").click()
        download = await user.download.next(timeout=10)
    assert download.text == report_markdown(report)
    assert saved == [(f"mock-{view.id}.md", "text/markdown")]


async def test_sql_mock_shows_the_verdict_and_the_follow_up(services: Services) -> None:
    track = mocks(services)
    view = track.start("sql", "running-total")
    solution = (BUILTIN_PROBLEMS / "running-total" / "solution.sql").read_text()
    try:
        async with page_user(services) as user:
            await user.open(f"/mock/{view.id}")
            await user.should_see(marker="statement")
            await user.should_see(marker="schema")
            editor = element(user, "answer")
            assert isinstance(editor, ui.codemirror) and editor.language == "PostgreSQL"
            editor.value = solution
            user.find(marker="submit").click()
            await user.should_see(marker="verdict", retries=SLOW)
            assert element(user, "verdict").text == "Judge: ACCEPTED"
            with user.scope(marker="follow-up"):
                await user.should_see("hundred million rows")
            assert element(user, "answer").value == solution  # the query stays to be changed
    finally:
        track.finish(view.id)


async def test_reload_mid_mock_shows_the_same_segment_and_the_time_left(
    services: Services,
) -> None:
    track = mocks(services)
    view = track.start("full", short=True)
    try:
        track.answer(view.id, "MVCC keeps row versions; readers do not block writers.")
        track.next(view.id)
        current = track.view(view.id).segment
        assert current is not None and current.kind == "design"
        for _ in range(2):  # open, then reload
            async with page_user(services) as user:
                await user.open(f"/mock/{view.id}")
                await user.should_see(current.prompt["title"])
                await user.should_see("segment 2 of 5")
                await user.should_see(current.prompt["question"])
                with user.scope(marker="segment-1"):
                    await user.should_see("done · 1 answer")
                with user.scope(marker="segment-2"):
                    await user.should_see("now · 0 answers")
                with user.scope(marker="segment-3"):
                    await user.should_see("to come")
                left = track.view(view.id).segment
                assert left is not None and left.seconds_left is not None
                assert abs(minutes_shown(user) - left.seconds_left // 60) <= 1
                await user.should_see(marker="next")
    finally:
        track.finish(view.id)


async def test_mock_list_links_running_and_finished_mocks(services: Services) -> None:
    track = mocks(services)
    running = track.start("deepdive", "mvcc")
    finished = track.start("deepdive", "mvcc")
    track.answer(finished.id, load_topics()["mvcc"].staff_answer)
    report = track.finish(finished.id, {"depth": "senior"})
    try:
        async with page_user(services) as user:
            await user.open("/mock")
            with user.scope(marker=f"mock-{running.id}"):
                await user.should_see("Resume")
                hrefs = {e.props["href"] for e in user.find(kind=ui.link).elements}
                assert hrefs == {f"/mock/{running.id}"}
            with user.scope(marker=f"mock-{finished.id}"):
                await user.should_see(report["overall"])
                hrefs = {e.props["href"] for e in user.find(kind=ui.link).elements}
                assert f"/mock/{finished.id}/report" in hrefs
            await user.should_see(marker="history-chart")
            await user.should_see("One mock is a noisy measure", retries=1)
            with user.scope(marker="spread"):
                await user.should_see("depth: mean")
            chart = element(user, "history-chart")
            assert f"#{finished.id}" in " ".join(chart.options["xAxis"]["data"])
    finally:
        track.finish(running.id)


async def test_unknown_and_unfinished_mocks_say_so(services: Services) -> None:
    track = mocks(services)
    running = track.start("deepdive", "mvcc")
    try:
        async with page_user(services) as user:
            await user.open("/mock/999999")
            await user.should_see(marker="message")
            await user.should_see("There is no mock 999999.")
            assert element(user, "message-link").props["href"] == "/mock"
        async with page_user(services) as user:
            await user.open("/mock/abc")
            await user.should_see("'abc' is not a mock id.")
        async with page_user(services) as user:
            await user.open("/mock/999999/report")
            await user.should_see("There is no mock 999999.")
        async with page_user(services) as user:
            await user.open(f"/mock/{running.id}/report")
            await user.should_see("Not finished yet")
            await user.should_not_see(marker="report")
            assert element(user, "message-link").props["href"] == f"/mock/{running.id}"
    finally:
        track.finish(running.id)
