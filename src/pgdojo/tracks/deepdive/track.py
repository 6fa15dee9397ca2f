"""The technical deep-dive track's registry entry (topics, experiments, flashcards)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pgdojo.content.loader import load_topics
from pgdojo.registry import DoctorCheck, HomeCard, PracticeItem, TrackSpec, count_checks
from pgdojo.store.deepdive import DeepDiveStore
from pgdojo.tracks.deepdive.cards import NEW_CARDS_PER_SESSION
from pgdojo.tracks.deepdive.service import PASS_SCORE, TRACK, DeepDiveTrack

if TYPE_CHECKING:
    from pgdojo.services import Services


def build(svc: Services) -> DeepDiveTrack:
    topics = load_topics(svc.settings.content_dirs)
    return DeepDiveTrack(topics, DeepDiveStore(svc.store), svc.engine, svc.attempts)


def doctor(svc: Services) -> list[DoctorCheck]:
    return count_checks(
        lambda: load_topics(svc.settings.content_dirs),
        {
            "topics": len,
            "cards": lambda topics: sum(len(t.cards) for t in topics.values()),
            "experiments": lambda topics: sum(1 for t in topics.values() if t.experiment),
            "graded sample answers": lambda topics: sum(
                len(t.sample_answers) for t in topics.values()
            ),
        },
    )


def home(track: DeepDiveTrack) -> HomeCard:
    stats = track.cards.stats()
    topics = track.list_topics()
    scored = [(t["id"], float(t["best_score"])) for t in topics if t["best_score"] is not None]
    unanswered = [(t["title"], f"/deepdive/{t['id']}") for t in topics if t["best_score"] is None]
    return HomeCard(
        track=TRACK,
        title="Deep dives and flashcards",
        link="/deepdive",
        headline=f"{stats['due'] + min(stats['new'], NEW_CARDS_PER_SESSION)} cards to review now",
        next_items=[("Review flashcards", "/cards"), *unanswered[:2]],
        lines=[f"{len(scored)}/{len(topics)} topics answered"],
        bars_title="Deep-dive best scores",
        bars=scored,
        progress=track.attempts.track_progress(TRACK, "answer"),
    )


# Minutes to write an answer, grade it and read the model answers.
ANSWER_MINUTES = 30


def practice(track: DeepDiveTrack) -> list[PracticeItem]:
    """Topics never answered first, then the weakest best scores; strong ones are mastered."""
    items = []
    for t in track.list_topics():
        best = t["best_score"]
        items.append(
            PracticeItem(
                TRACK,
                t["id"],
                t["title"],
                f"/deepdive/{t['id']}",
                f"pgdojo deepdive grade {t['id']} answer.md",
                ANSWER_MINUTES,
                1.0 if best is None else 1 - best / 100,
                best is not None and best >= PASS_SCORE,
            )
        )
    return sorted(items, key=lambda i: -i.weakness)


SPEC: TrackSpec[DeepDiveTrack] = TrackSpec(
    id=TRACK,
    title="Technical deep dives",
    order=30,
    service=DeepDiveTrack,
    build=build,
    doctor=doctor,
    home=home,
    practice=practice,
    cli=(
        ("deepdive", "pgdojo.cli.deepdive:deepdive_app"),
        ("cards", "pgdojo.cli.deepdive:cards_app"),
    ),
    api="pgdojo.api.routes_deepdive:router",
    pages="pgdojo.web.deepdive_pages",
    nav=(("Deep dives", "/deepdive"), ("Cards", "/cards")),
)
