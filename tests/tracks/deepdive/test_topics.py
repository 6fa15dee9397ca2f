"""Every built-in topic grades its own sample answers in the right order, and rejects others'."""

from __future__ import annotations

import pytest

from pgdojo.content.loader import load_topics
from pgdojo.tracks.deepdive import grade_answer

TOPICS = load_topics()
REQUIRED = {"mvcc", "query-lifecycle", "btree-internals", "isolation-locking", "mvcc-vs-undo"}
SAMPLES = ("strong", "partial", "keywords", "wrong")


def test_bank_size() -> None:
    assert len(TOPICS) >= 20
    assert set(TOPICS) >= REQUIRED
    assert sum(len(t.cards) for t in TOPICS.values()) >= 150
    experiments = {t.id for t in TOPICS.values() if t.experiment}
    assert {
        "mvcc",
        "hot-fillfactor",
        "btree-internals",
        "query-lifecycle",
        "isolation-locking",
    } <= experiments


@pytest.mark.parametrize("topic_id", sorted(TOPICS))
def test_graded_answers_are_ordered(topic_id: str) -> None:
    topic = TOPICS[topic_id]
    assert set(SAMPLES) <= set(topic.sample_answers), f"{topic_id}: answers/ needs {SAMPLES}"
    score = {name: grade_answer(topic, topic.sample_answers[name]).score for name in SAMPLES}
    assert score["strong"] >= 75, score
    assert score["keywords"] <= 20, score
    assert score["wrong"] <= 30, score
    assert score["strong"] > score["partial"] > max(score["keywords"], score["wrong"]), score


@pytest.mark.parametrize("topic_id", sorted(TOPICS))
def test_other_topics_strong_answers_score_low_here(topic_id: str) -> None:
    topic = TOPICS[topic_id]
    others = [t for t in sorted(TOPICS) if t != topic_id and t not in topic.meta.related]
    worst = max(grade_answer(topic, TOPICS[o].sample_answers["strong"]).score for o in others)
    assert worst <= 40, f"another topic's strong answer scores {worst} on {topic_id}"


@pytest.mark.parametrize("topic_id", sorted(TOPICS))
def test_model_answers_score_well_and_cards_suffice(topic_id: str) -> None:
    topic = TOPICS[topic_id]
    assert grade_answer(topic, topic.staff_answer).score >= 70
    assert len(topic.cards) >= 8
    assert {c.kind for c in topic.cards} >= {"fact", "why"}
