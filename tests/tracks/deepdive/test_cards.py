from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from pgdojo.attempts import AttemptLog
from pgdojo.content.topic_models import Card, Topic
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.services import Services
from pgdojo.store.deepdive import DeepDiveStore
from pgdojo.store.store import Store
from pgdojo.tracks.deepdive import CardDeck
from tests.tracks.deepdive.test_grader import TOPIC


@pytest.fixture()
def deck(services: Services, request: pytest.FixtureRequest) -> Iterator[CardDeck]:
    cards = [
        Card(id=f"tiny-{n}", kind="fact", front=f"Question {n}?", back=f"Answer {n}")
        for n in range(3)
    ]
    topic = Topic(**{**TOPIC.model_dump(), "cards": [c.model_dump() for c in cards]})
    store = Store(services.engine.store_conninfo(), user=f"cards-{request.node.name}")
    yield CardDeck({topic.id: topic}, DeepDiveStore(store), AttemptLog(store))
    store.close()


def test_new_cards_are_due_then_scheduled(deck: CardDeck) -> None:
    now = datetime.now(UTC)
    assert [d.card.id for d in deck.due(now)] == ["tiny-0", "tiny-1", "tiny-2"]
    good = deck.review("tiny-0", "good", now)
    assert good.next_due > now
    assert "tiny-0" not in [d.card.id for d in deck.due(now)]
    assert "tiny-0" in [d.card.id for d in deck.due(now + timedelta(days=400))]


def test_easier_ratings_give_longer_intervals(deck: CardDeck) -> None:
    now = datetime.now(UTC)
    again = deck.review("tiny-0", "again", now).interval_days
    good = deck.review("tiny-1", "good", now).interval_days
    easy = deck.review("tiny-2", "easy", now).interval_days
    assert again <= good < easy


def test_stats_and_history(deck: CardDeck) -> None:
    deck.review("tiny-1", "hard")
    stats = deck.stats()
    assert stats["cards"] == 3 and stats["new"] == 2 and stats["reviews_today"] >= 1
    assert stats["topics"][0]["seen"] == 1


def test_bad_rating_and_unknown_card(deck: CardDeck) -> None:
    with pytest.raises(UsageError):
        deck.review("tiny-0", "meh")
    with pytest.raises(NotFoundError):
        deck.review("nope", "good")
