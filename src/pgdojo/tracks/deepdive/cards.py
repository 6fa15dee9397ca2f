"""Flashcards with spaced repetition: FSRS schedules, the store remembers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from pgdojo.attempts import AttemptLog
from pgdojo.content.topic_models import Card, Topic
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.store.deepdive import DeepDiveStore

RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
# A review as an attempt: its score, and "passed" from good up (recalled without struggle).
RATING_SCORES = {"again": 0, "hard": 50, "good": 80, "easy": 100}
PASSING_RATINGS = frozenset({"good", "easy"})
NEW_CARDS_PER_SESSION = 10


@dataclass(frozen=True)
class DueCard:
    card: Card
    topic_id: str
    topic_title: str
    new: bool
    due: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "card_id": self.card.id,
            "topic": self.topic_id,
            "topic_title": self.topic_title,
            "kind": self.card.kind,
            "front": self.card.front,
            "back": self.card.back,
            "new": self.new,
            "due": self.due.isoformat() if self.due else None,
        }


@dataclass(frozen=True)
class ReviewOutcome:
    card_id: str
    rating: str
    next_due: datetime
    interval_days: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "card_id": self.card_id,
            "rating": self.rating,
            "next_due": self.next_due.isoformat(),
            "interval_days": self.interval_days,
        }


class CardDeck:
    """All cards of all topics, scheduled per user with FSRS."""

    def __init__(
        self, topics: dict[str, Topic], store: DeepDiveStore, attempts: AttemptLog
    ) -> None:
        self.topics = topics
        self.store = store
        self.attempts = attempts
        # Deterministic intervals (no fuzz): the same history gives the same schedule.
        self.scheduler = Scheduler(enable_fuzzing=False)
        self._cards = {c.id: (c, t) for t in topics.values() for c in t.cards}

    def card(self, card_id: str) -> tuple[Card, Topic]:
        try:
            return self._cards[card_id]
        except KeyError:
            raise NotFoundError(f"no flashcard {card_id!r}") from None

    def due(
        self,
        now: datetime | None = None,
        topic: str | None = None,
        new_limit: int = NEW_CARDS_PER_SESSION,
    ) -> list[DueCard]:
        """Cards due now (most overdue first), then up to `new_limit` never-seen cards."""
        now = now or datetime.now(UTC)
        states = self.store.card_states()
        due: list[DueCard] = []
        fresh: list[DueCard] = []
        for card_id, (card, owner) in self._cards.items():
            if topic and owner.id != topic:
                continue
            state = states.get(card_id)
            if state is None:
                fresh.append(DueCard(card, owner.id, owner.title, True, None))
            elif state["due"] <= now:
                due.append(DueCard(card, owner.id, owner.title, False, state["due"]))
        due.sort(key=lambda d: d.due or now)
        return due + fresh[:new_limit]

    def review(self, card_id: str, rating: str, now: datetime | None = None) -> ReviewOutcome:
        """Record Again/Hard/Good/Easy for a card and schedule its next review."""
        if rating not in RATINGS:
            raise UsageError(f"rating must be one of {', '.join(RATINGS)} (got {rating!r})")
        _, topic = self.card(card_id)
        now = now or datetime.now(UTC)
        previous = self.store.card_states().get(card_id)
        fsrs_card = FsrsCard.from_dict(previous["state"]) if previous else FsrsCard(due=now)
        updated, log = self.scheduler.review_card(fsrs_card, RATINGS[rating], review_datetime=now)
        attempt_id = self.attempts.record_once(
            "deepdive", "card", card_id, RATING_SCORES[rating], rating in PASSING_RATINGS
        )
        self.store.save_review(
            card_id,
            topic.id,
            dict(updated.to_dict()),
            updated.due,
            int(RATINGS[rating]),
            dict(log.to_dict()),
            attempt_id,
        )
        interval = (updated.due - now).total_seconds() / 86400
        return ReviewOutcome(card_id, rating, updated.due, round(interval, 3))

    def stats(self, now: datetime | None = None) -> dict[str, Any]:
        """Cards per topic: total, seen, due now, new; and reviews done today."""
        now = now or datetime.now(UTC)
        states = self.store.card_states()
        per_topic: dict[str, dict[str, Any]] = {}
        for card_id, (_, owner) in self._cards.items():
            row = per_topic.setdefault(
                owner.id,
                {
                    "topic": owner.id,
                    "title": owner.title,
                    "total": 0,
                    "seen": 0,
                    "due": 0,
                    "new": 0,
                },
            )
            row["total"] += 1
            state = states.get(card_id)
            if state is None:
                row["new"] += 1
            else:
                row["seen"] += 1
                row["due"] += int(state["due"] <= now)
        topics = sorted(per_topic.values(), key=lambda r: r["topic"])
        return {
            "cards": len(self._cards),
            "due": sum(r["due"] for r in topics),
            "new": sum(r["new"] for r in topics),
            "reviews_today": self.store.reviews_today(),
            "topics": topics,
        }
