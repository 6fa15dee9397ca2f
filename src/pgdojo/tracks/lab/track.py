"""The troubleshooting track's registry entry (live incidents on disposable clusters)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pgdojo.registry import DoctorCheck, HomeCard, PracticeItem, TrackSpec, count_checks
from pgdojo.tracks.lab.scenario import load_scenarios
from pgdojo.tracks.lab.service import TRACK, LabTrack

if TYPE_CHECKING:
    from pgdojo.services import Services


def build(svc: Services) -> LabTrack:
    return LabTrack(svc.settings.home, svc.store, svc.attempts)


def doctor(svc: Services) -> list[DoctorCheck]:
    return count_checks(load_scenarios, {"scenarios": len})


def home(track: LabTrack) -> HomeCard:
    labs = track.list_scenarios()
    solved = sum(s["solved"] for s in labs)
    running = [s for s in labs if s["running"]]
    pick = running or [s for s in labs if not s["solved"]] or labs
    return HomeCard(
        track=TRACK,
        title="A lab to run",
        link="/labs",
        headline=f"{solved}/{len(labs)} incidents solved",
        next_items=[(s["title"], f"/labs/{s['id']}") for s in pick[:2]],
        lines=[f"running now: {', '.join(s['id'] for s in running)}"] if running else [],
        progress=track.attempts.track_progress(TRACK),
    )


LAB_MINUTES = 30


def practice(track: LabTrack) -> list[PracticeItem]:
    """Incidents not solved yet first."""
    items = [
        PracticeItem(
            TRACK,
            s["id"],
            s["title"],
            f"/labs/{s['id']}",
            f"pgdojo lab start {s['id']}",
            LAB_MINUTES,
            0.0 if s["solved"] else 1.0,
            bool(s["solved"]),
        )
        for s in track.list_scenarios()
    ]
    return sorted(items, key=lambda i: -i.weakness)


def progress(track: LabTrack) -> dict[str, Any]:
    """Incidents solved, the active time they took, and the traps fallen into."""
    items = track.attempts.items(TRACK)
    solved = [i for i in items.values() if i.passed]
    return {
        "solved": len(solved),
        "scenarios": len(track.scenarios),
        "minutes_per_solved": round(sum(i.active_seconds for i in solved) / 60 / len(solved), 1)
        if solved
        else None,
        "traps": track.records.traps(),
    }


SPEC: TrackSpec[LabTrack] = TrackSpec(
    id=TRACK,
    title="Troubleshooting labs",
    order=20,
    service=LabTrack,
    build=build,
    doctor=doctor,
    home=home,
    practice=practice,
    progress=progress,
    cli=(("lab", "pgdojo.cli.lab:lab_app"),),
    api="pgdojo.api.routes_lab:router",
    pages="pgdojo.web.lab_pages",
    nav=(("Labs", "/labs"),),
)
