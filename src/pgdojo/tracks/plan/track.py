"""The practice plan's registry entry (the 6-week plan, progress and readiness)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from pgdojo.errors import PgdojoError
from pgdojo.registry import HomeCard, PracticeItem, TrackSpec, tracks
from pgdojo.store.plan import PlanStore
from pgdojo.tracks.plan.progress import streak
from pgdojo.tracks.plan.service import TRACK, PlanTrack

if TYPE_CHECKING:
    from pgdojo.services import Services


def build(svc: Services) -> PlanTrack:
    def candidates(track_id: str) -> list[PracticeItem]:
        for spec in tracks():
            if spec.id == track_id and spec.practice is not None:
                return spec.practice(svc.track(spec.service))
        return []

    def mocks() -> Any:
        spec = next((s for s in tracks() if s.id == "mock"), None)
        return svc.track(spec.service) if spec else None

    def mock_levels(kind: str) -> list[str]:
        found = mocks()
        return list(found.segment_levels(kind)) if found else []

    def mock_history() -> dict[str, Any]:
        found = mocks()
        return dict(found.history()) if found else {}

    def details(track_id: str) -> dict[str, Any]:
        for spec in tracks():
            if spec.id == track_id and spec.progress is not None:
                return dict(spec.progress(svc.track(spec.service)))
        return {}

    titles = {spec.id: spec.title for spec in tracks()}
    return PlanTrack(
        PlanStore(svc.store),
        svc.attempts,
        candidates,
        titles,
        mock_levels,
        mock_history,
        details,
    )


def date_today() -> date:
    return datetime.now(UTC).date()


def home(track: PlanTrack) -> HomeCard:
    try:
        today = track.today()
    except PgdojoError:
        return HomeCard(
            track=TRACK,
            title="Your plan",
            link="/plan",
            headline="No plan yet",
            next_items=[("Make a 6-week plan", "/plan")],
        )
    return HomeCard(
        track=TRACK,
        title="Today's plan",
        link="/plan",
        headline=f"week {today['week']} · {today['days_to_interview']} days to the interview"
        + (" · behind" if today["behind"] else ""),
        lines=[f"streak: {streak(track.attempts.daily_active_seconds(30), date_today())} day(s)"],
        next_items=[(i["title"], i["link"]) for i in today["items"][:3]],
    )


SPEC: TrackSpec[PlanTrack] = TrackSpec(
    id=TRACK,
    title="Practice plan",
    order=5,
    service=PlanTrack,
    build=build,
    doctor=None,  # no content of its own: it plays the other tracks'
    home=home,
    cli=(("plan", "pgdojo.cli.plan:plan_app"),),
    commands=(("progress", "pgdojo.cli.plan:progress"),),
    api="pgdojo.api.routes_plan:router",
    pages="pgdojo.web.plan_pages",
    nav=(("Plan", "/plan"), ("Progress", "/progress")),
)
