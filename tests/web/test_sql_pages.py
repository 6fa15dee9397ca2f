"""The SQL problem page in process: the draft and the clock kept over a reload (the real
browser's reload is in test_browser)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from nicegui.testing.user import User

from pgdojo.services import Services
from pgdojo.tracks.sql import SqlTrack
from pgdojo.web.sql_pages import STARTING_TEXT
from tests.web.test_pages import anyio_backend, page_user

__all__ = ["anyio_backend"]  # the fixture, imported for this module's tests
pytestmark = pytest.mark.anyio

PROBLEM = "median-order-value"
OTHER = "moving-average-7d"
DRAFT = "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount)\n  FROM orders"


def element(user: User, marker: str) -> Any:
    """The one element marked `marker` on the user's page."""
    found = user.find(marker=marker).elements
    assert len(found) == 1, f"{len(found)} elements marked {marker!r}"
    return next(iter(found))


async def eventually(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Whether `condition` holds within `seconds` (a draft is restored once the page is
    connected, after the page itself is built)."""
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        await asyncio.sleep(0.1)
    return condition()


async def test_the_draft_comes_back_on_its_problem_only(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/sql/{PROBLEM}")
        await user.should_see(marker="editor")
        assert element(user, "editor").value == STARTING_TEXT
        element(user, "editor").value = DRAFT
        # The same tab opens the page again (a reload): the draft is back in the editor.
        await user.open(f"/sql/{PROBLEM}")
        await user.should_see(marker="editor")
        assert await eventually(lambda: element(user, "editor").value == DRAFT)
        await user.open(f"/sql/{OTHER}")
        await user.should_see(marker="editor")
        await user.should_see(marker="timer")
        assert element(user, "editor").value == STARTING_TEXT
    # Another tab starts from the starting text: a draft belongs to its tab.
    async with page_user(services) as user:
        await user.open(f"/sql/{PROBLEM}")
        await user.should_see(marker="timer")
        assert element(user, "editor").value == STARTING_TEXT


async def test_the_clock_counts_from_the_attempts_start(services: Services) -> None:
    practice = services.track(SqlTrack).practise(OTHER)
    with services.store.pool.connection() as conn:
        conn.execute(
            "UPDATE attempt SET started_at = now() - interval '7 minutes 5 seconds' WHERE id = %s",
            (practice.attempt_id,),
        )
    resumed = services.track(SqlTrack).practise(OTHER)
    assert resumed.attempt_id == practice.attempt_id
    assert resumed.started_at < practice.started_at
    assert resumed.to_dict()["started_at"] == resumed.started_at.isoformat()
    async with page_user(services) as user:
        await user.open(f"/sql/{OTHER}")
        await user.should_see(marker="timer")
        clock = element(user, "timer").text
        minutes, seconds = clock.split(" / ")[0].split(":")
        assert (int(minutes), int(seconds)) >= (7, 5), clock
        assert int(minutes) < 9, clock
