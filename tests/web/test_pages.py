"""Pages in process with NiceGUI's simulated user: fast, no browser (those are test_browser)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from nicegui.testing.user import User
from nicegui.testing.user_simulation import user_simulation

from pgdojo.registry import tracks
from pgdojo.services import Services
from pgdojo.tracks.lab.service import LabTrack
from pgdojo.tracks.sql import SqlTrack
from pgdojo.web.frame import set_services

pytestmark = pytest.mark.anyio
MAIN = Path(__file__).with_name("ui_main.py")
PATIENCE = 100  # tries of should_see, 0.1 s apart


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@asynccontextmanager
async def page_user(services: Services) -> AsyncIterator[User]:
    set_services(services)
    async with user_simulation(main_file=MAIN) as user:
        # Service calls run in worker threads; on a loaded machine (CI runs two workers) the
        # page may take seconds to show their results: wait up to 10 s, not NiceGUI's 0.3 s.
        original = user.should_see

        async def patient(*args: Any, retries: int = PATIENCE, **kwargs: Any) -> None:
            await original(*args, retries=retries, **kwargs)

        user.should_see = patient  # type: ignore[method-assign]
        yield user


async def test_home_shows_every_track_and_the_navigation(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/")
        await user.should_see("Today's plan")
        for spec in tracks():
            for label, _ in spec.nav:
                await user.should_see(label)
        await user.should_see("Problems to try")
        await user.should_see("A lab to run")


async def test_sql_page_counts_hints_in_the_attempt(services: Services) -> None:
    sql = services.track(SqlTrack)
    async with page_user(services) as user:
        await user.open("/sql/running-total")
        await user.should_see("Hint 1/3")
        user.find(marker="hint").click()
        await user.should_see("Hint 1.")
        user.find(marker="hint").click()
        await user.should_see("Hint 2.")
    practice = sql.practise("running-total")
    assert practice.hints_used == 2
    # Reopening the page resumes the attempt: its hints are shown again, the next is the 3rd.
    async with page_user(services) as user:
        await user.open("/sql/running-total")
        await user.should_see("Hint 3/3")
        await user.should_see("Hint 2.")


async def test_sql_page_shows_the_expected_sample_output_when_ready(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/sql/running-total")
        await user.should_see("Expected output on the sample")
        await user.should_see("5 rows")  # filled in after the page itself


async def test_unknown_problem_page_says_so(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/sql/no-such-problem")
        await user.should_see("no SQL problem 'no-such-problem'")


@pytest.mark.slow
async def test_page_of_a_lab_started_elsewhere(services: Services) -> None:
    """A lab started outside the page (the CLI, the API), then its page opened or reloaded:
    the page shows the running incident (this was an HTTP 500 with exception text)."""
    labs = services.track(LabTrack)
    started = labs.start("lock-contention")
    try:
        for _ in range(2):  # open, then reload
            async with page_user(services) as user:
                await user.open("/labs/lock-contention")
                await user.should_see(started["alert"][:40])
                await user.should_not_see("AttributeError")
                await user.should_see(marker="dsn")
    finally:
        labs.stop("lock-contention")
