"""The behavioral + technical track's registry entry (STAR-T stories, the reference pages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pgdojo.content.behavioral import load_behavioral
from pgdojo.content.loader import load_topics
from pgdojo.grading import STRONG_SCORE
from pgdojo.registry import DoctorCheck, HomeCard, PracticeItem, TrackSpec, count_checks
from pgdojo.store.story import StoryStore
from pgdojo.tracks.story.service import TRACK, StoryTrack, concept_bank

if TYPE_CHECKING:
    from pgdojo.services import Services


def build(svc: Services) -> StoryTrack:
    bank = load_behavioral(svc.settings.content_dirs)
    topics = load_topics(svc.settings.content_dirs)
    return StoryTrack(bank, concept_bank(topics), StoryStore(svc.store), svc.attempts)


def doctor(svc: Services) -> list[DoctorCheck]:
    return count_checks(
        lambda: load_behavioral(svc.settings.content_dirs),
        {
            "question families": lambda bank: len(bank.families),
            "behavioral questions": lambda bank: len(bank.questions),
            "worked stories": lambda bank: len(bank.stories),
            "power phrases": lambda bank: len(bank.phrases),
            "questions to ask": lambda bank: len(bank.questions_to_ask),
        },
    )


def home(track: StoryTrack) -> HomeCard:
    report = track.bank_report()
    failing = [h.detail for h in report.health if not h.ok]
    return HomeCard(
        track=TRACK,
        title="Your story bank",
        link="/stories",
        headline=f"{len(report.stories)} stories · "
        + ("healthy" if report.healthy else f"{len(failing)} checks to fix"),
        next_items=[
            ("Drill a question", "/stories/drill"),
            ("Interview-day cheat sheet", "/cheatsheet"),
        ],
        lines=failing[:2],
        progress=track.attempts.track_progress(TRACK, "grade"),
    )


STORY_MINUTES = 30


def practice(track: StoryTrack) -> list[PracticeItem]:
    """Families with no story first (write one), then stories below strong (revise them)."""
    report = track.bank_report()
    items = [
        PracticeItem(
            TRACK,
            f"family-{f['id']}",
            f"Write a story for: {f['title']}",
            "/stories/new",
            "pgdojo story new",
            STORY_MINUTES,
            1.0,
            False,
        )
        for f in report.families
        if not f["stories"]
    ]
    for s in report.stories:
        strong = (s.score or 0) >= STRONG_SCORE
        items.append(
            PracticeItem(
                TRACK,
                s.slug,
                f"Revise and grade: {s.title}",
                f"/stories/{s.slug}",
                f"pgdojo story grade {s.slug}",
                STORY_MINUTES // 2,
                0.0 if strong else (0.8 if s.score is None else 1 - (s.score or 0) / 100),
                strong,
            )
        )
    return sorted(items, key=lambda i: -i.weakness)


SPEC: TrackSpec[StoryTrack] = TrackSpec(
    id=TRACK,
    title="Behavioral + technical stories",
    order=40,
    service=StoryTrack,
    build=build,
    doctor=doctor,
    home=home,
    practice=practice,
    cli=(("story", "pgdojo.cli.story:story_app"),),
    commands=(
        ("cheatsheet", "pgdojo.cli.story:cheatsheet"),
        ("questions", "pgdojo.cli.story:questions"),
    ),
    api="pgdojo.api.routes_story:router",
    pages="pgdojo.web.story_pages",
    nav=(("Stories", "/stories"), ("Cheat sheet", "/cheatsheet")),
)
