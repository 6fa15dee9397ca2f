"""The system-design track's registry entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pgdojo.content.design import load_prompts
from pgdojo.grading import STRONG_SCORE
from pgdojo.registry import DoctorCheck, HomeCard, PracticeItem, TrackSpec, count_checks
from pgdojo.store.design import DesignStore
from pgdojo.tracks.design.service import TRACK, DesignTrack

if TYPE_CHECKING:
    from pgdojo.services import Services

DESIGN_MINUTES = 45  # the seed's time box for a system-design round starts at 45


def build(svc: Services) -> DesignTrack:
    prompts = load_prompts(svc.settings.content_dirs)
    return DesignTrack(prompts, svc.engine, DesignStore(svc.store), svc.attempts)


def doctor(svc: Services) -> list[DoctorCheck]:
    return count_checks(
        lambda: load_prompts(svc.settings.content_dirs),
        {
            "design prompts": len,
            "worked designs": lambda prompts: sum(len(p.designs) for p in prompts.values()),
        },
    )


def practice(track: DesignTrack) -> list[PracticeItem]:
    items = [
        PracticeItem(
            TRACK,
            p["id"],
            p["title"],
            f"/design/{p['id']}",
            f"pgdojo design grade {p['id']} design.md",
            DESIGN_MINUTES,
            1.0 if p["best_score"] is None else 1 - p["best_score"] / 100,
            p["best_score"] is not None and p["best_score"] >= STRONG_SCORE,
        )
        for p in track.list_prompts()
    ]
    return sorted(items, key=lambda i: -i.weakness)


def home(track: DesignTrack) -> HomeCard:
    prompts = track.list_prompts()
    scored = [(p["id"], float(p["best_score"])) for p in prompts if p["best_score"] is not None]
    fresh = [p for p in prompts if p["best_score"] is None]
    return HomeCard(
        track=TRACK,
        title="System design",
        link="/design",
        headline=f"{len(scored)}/{len(prompts)} prompts designed",
        next_items=[(p["title"], f"/design/{p['id']}") for p in fresh[:2]],
        bars_title="Design best scores",
        bars=scored,
        progress=track.attempts.track_progress(TRACK, "grade"),
    )


SPEC: TrackSpec[DesignTrack] = TrackSpec(
    id=TRACK,
    title="System design",
    order=25,
    service=DesignTrack,
    build=build,
    doctor=doctor,
    home=home,
    practice=practice,
    cli=(("design", "pgdojo.cli.design:design_app"),),
    api="pgdojo.api.routes_design:router",
    pages="pgdojo.web.design_pages",
    nav=(("Design", "/design"),),
)
