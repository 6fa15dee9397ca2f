"""The mock interviews' registry entry: rounds played through the other tracks' services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pgdojo.registry import HomeCard, PracticeItem, TrackSpec
from pgdojo.registry import track as spec_of
from pgdojo.store.mock import MockStore
from pgdojo.tracks.deepdive import DeepDiveTrack
from pgdojo.tracks.design import DesignTrack
from pgdojo.tracks.lab.service import LabTrack
from pgdojo.tracks.mock.rounds import (
    TIME_BOXES,
    DeepDiveRound,
    DesignRound,
    LabRound,
    Round,
    SqlRound,
    StoryRound,
)
from pgdojo.tracks.mock.service import KINDS, TRACK, MockTrack
from pgdojo.tracks.sql import SqlTrack
from pgdojo.tracks.story import StoryTrack

if TYPE_CHECKING:
    from pgdojo.services import Services


def build(svc: Services) -> MockTrack:
    def items(track_id: str) -> Any:
        spec = spec_of(track_id)
        return lambda: spec.practice(svc.track(spec.service)) if spec.practice else []

    deepdive = svc.track(DeepDiveTrack)
    rounds: dict[str, Round] = {
        "deepdive": DeepDiveRound(deepdive, items("deepdive")),
        "design": DesignRound(svc.track(DesignTrack), items("design")),
        "sql": SqlRound(svc.track(SqlTrack), items("sql")),
        "troubleshooting": LabRound(svc.track(LabTrack), items("lab")),
        "behavioral": StoryRound(svc.track(StoryTrack)),
    }
    return MockTrack(MockStore(svc.store), rounds, svc.attempts)


def practice(track: MockTrack) -> list[PracticeItem]:
    """One mock of each round, then the full loop (the plan's weeks 5 and 6)."""
    done = {m["kind"] for m in track.list_mocks() if m["finished"]}
    items = [
        PracticeItem(
            TRACK,
            kind,
            f"Mock: {kind} round ({TIME_BOXES[kind][0]}–{TIME_BOXES[kind][1]} min)",
            f"/mock?type={kind}",
            f"pgdojo mock start --type {kind}",
            TIME_BOXES[kind][0],
            0.5 if kind in done else 1.0,
            False,
        )
        for kind in KINDS
    ]
    full = sum(TIME_BOXES[k][0] for k in KINDS)
    items += [
        PracticeItem(
            TRACK,
            f"full-{n}",
            "Full mock: every round back to back",
            "/mock?type=full",
            "pgdojo mock start --type full",
            full,
            1.0,
            False,
        )
        for n in (1, 2)
    ]
    return items


def home(track: MockTrack) -> HomeCard:
    mocks = track.list_mocks()
    last = next((m for m in reversed(mocks) if m["finished"]), None)
    running = [m for m in mocks if not m["finished"]]
    return HomeCard(
        track=TRACK,
        title="Mock interviews",
        link="/mock",
        headline=(f"last mock: {last['overall'] or '—'}" if last else "no mock yet"),
        next_items=[(f"Resume mock {m['id']}", f"/mock/{m['id']}") for m in running[:1]]
        or [("Start a mock", "/mock")],
        lines=[f"{sum(m['finished'] for m in mocks)} mocks finished"],
    )


SPEC: TrackSpec[MockTrack] = TrackSpec(
    id=TRACK,
    title="Mock interviews",
    order=50,
    service=MockTrack,
    build=build,
    doctor=None,  # no content of its own: it plays the other tracks'
    home=home,
    practice=practice,
    cli=(("mock", "pgdojo.cli.mock:mock_app"),),
    api="pgdojo.api.routes_mock:router",
    pages="pgdojo.web.mock_pages",
    nav=(("Mock", "/mock"),),
)
