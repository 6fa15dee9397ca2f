"""Rubrics as content data: validation, and deep-dive topics as rubrics (default or own parts)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pgdojo.content.loader import load_topics
from pgdojo.errors import ContentError
from pgdojo.grading import DEEP_DIVE_PARTS, Part, Rubric, grade

CONCEPT: dict[str, Any] = {
    "concept": "A concept worth listening for.",
    "terms": ["checkout"],
    "context": ["peak", "latency"],
}


def rubric(**changes: Any) -> Rubric:
    data: dict[str, Any] = {
        "parts": [{"id": "situation", "label": "Situation", "weight": 1}],
        "concepts": {"situation": [{"id": "peak", **CONCEPT}]},
    } | changes
    return Rubric.model_validate(data)


def test_points_are_the_parts_share_of_a_hundred() -> None:
    story = rubric(
        parts=[
            {"id": "situation", "label": "Situation", "weight": 1},
            {"id": "action", "label": "Action", "weight": 3},
        ],
        concepts={
            "situation": [{"id": "peak", **CONCEPT}],
            "action": [{"id": "fix", **CONCEPT}],
        },
    )
    assert [story.points(p) for p in story.parts] == [25, 75]
    deep_dive = {p.id: p.weight for p in DEEP_DIVE_PARTS}
    assert deep_dive == {"what": 15, "why": 15, "how": 35, "tradeoffs": 25, "comparison": 10}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"concepts": {"situation": []}}, "part 'situation' has no concepts: every part needs one"),
        (
            {"concepts": {"situation": [{"id": "peak", **CONCEPT}], "task": []}},
            "concepts are given for 'task', which is not a part (parts: situation)",
        ),
        (
            {"bonus": [{"id": "peak", **CONCEPT}]},
            "ids must be unique in a rubric (repeated: peak)",
        ),
        (
            {"parts": [{"id": "situation", "label": "S", "weight": 1}] * 2},
            "part ids must be unique (repeated: situation)",
        ),
        ({"parts": [{"id": "Situation", "label": "S", "weight": 1}]}, "lower-case-with-dashes"),
        ({"parts": [{"id": "situation", "label": "S", "weight": 0}]}, "greater than or equal"),
    ],
)
def test_bad_rubrics_say_what_is_wrong(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        rubric(**changes)


def test_builtin_topics_use_the_deep_dive_parts() -> None:
    for topic in load_topics().values():
        assert tuple(topic.rubric.parts) == DEEP_DIVE_PARTS
        assert topic.rubric.concepts == topic.meta.rubric.root
        assert topic.rubric.bonus == topic.meta.bonus


TOPIC_MD = """---
title: Connection storms
question: What happens when a thousand clients connect to PostgreSQL at once?
{parts}
rubric:
  process:
    - id: fork
      concept: Every connection is a forked backend process with its own memory.
      terms: ["backend process", "fork"]
      context: ["connection", "memory", "postmaster"]
  fix:
    - id: pooler
      concept: A pooler such as PgBouncer multiplexes many clients over few backends.
      terms: ["pgbouncer", "pooler"]
      context: ["clients", "backends", "transaction"]
---
## Senior answer

Each connection forks a backend.

## Staff answer

Each connection forks a backend; pool them.
"""
PARTS = """parts:
  - {id: process, label: Process, weight: 2, about: the process model}
  - {id: fix, label: Fix, weight: 1}"""


def write_pack(root: Path, parts: str) -> Path:
    folder = root / "topics" / "connection-storms"
    folder.mkdir(parents=True)
    (folder / "topic.md").write_text(TOPIC_MD.format(parts=parts), encoding="utf-8")
    (folder / "cards.yaml").write_text("[]\n", encoding="utf-8")
    return root


def test_a_topic_declares_its_own_parts(tmp_path: Path) -> None:
    topic = load_topics((write_pack(tmp_path, PARTS),))["connection-storms"]
    assert [(p.id, p.weight) for p in topic.rubric.parts] == [("process", 2), ("fix", 1)]
    assert topic.rubric.parts[0] == Part(
        id="process", label="Process", weight=2, about="the process model"
    )
    answer = "Every connection forks a backend process, and each one holds its own memory."
    graded = grade(topic.rubric, answer)
    assert list(graded.parts) == ["process", "fix"] and graded.score == 67  # 2 of 3
    assert "Your answer has nothing on fix: add a paragraph on it." in graded.feedback


def test_a_topic_without_parts_must_use_the_deep_dive_ones(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_topics((write_pack(tmp_path, ""),))
    assert "topic.md" in error.value.path
    assert "rubric: concepts are given for 'process', 'fix', which are not parts" in str(
        error.value
    )
