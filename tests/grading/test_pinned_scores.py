"""Pinned grades: every built-in topic's graded answers score exactly as recorded.

The table in pinned_scores.json was produced by the grader itself; this test guards against
unintended changes (a refactor of the grader, a new matching rule). It pins, for each topic
and each of its graded answers (answers/*.md and the senior and staff model answers): the
score, the covered and missing concept ids in order, the part scores, the bonus concepts and
the misconceptions found.

A deliberate change (new rubric content, a new grading rule) re-pins the table:

    .venv/bin/python -m tests.grading.test_pinned_scores --write

and the diff of pinned_scores.json shows exactly which grades moved.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from pgdojo.content.loader import load_topics
from pgdojo.content.topic_models import Topic
from pgdojo.tracks.deepdive import grade_answer, grade_dict

PINNED = Path(__file__).with_name("pinned_scores.json")
TOPICS = load_topics()


def graded_answers(topic: Topic) -> dict[str, str]:
    """The answers a topic holds that have a known grade: samples and the model answers."""
    return {
        **{f"answers/{name}": text for name, text in sorted(topic.sample_answers.items())},
        "model/senior": topic.senior_answer,
        "model/staff": topic.staff_answer,
    }


def pinned_view(topic: Topic, answer: str) -> dict[str, Any]:
    """The pinned part of a grade, read from the JSON every interface renders."""
    data = grade_dict(grade_answer(topic, answer))
    return {
        "score": data["score"],
        "covered": data["covered"],
        "missing": data["missing"],
        "parts": {
            part: {key: value[key] for key in ("score", "covered", "total")}
            for part, value in data["parts"].items()
        },
        "bonus": [b["id"] for b in data["bonus"]],
        "misconceptions": [m["id"] for m in data["misconceptions"]],
    }


def current_table() -> dict[str, dict[str, Any]]:
    return {
        f"{topic_id} {name}": pinned_view(TOPICS[topic_id], text)
        for topic_id in sorted(TOPICS)
        for name, text in graded_answers(TOPICS[topic_id]).items()
    }


EXPECTED: dict[str, dict[str, Any]] = (
    json.loads(PINNED.read_text(encoding="utf-8")) if PINNED.exists() else {}
)
CASES = [
    (topic_id, name) for topic_id in sorted(TOPICS) for name in graded_answers(TOPICS[topic_id])
]


def test_every_graded_answer_is_pinned() -> None:
    current = {f"{topic_id} {name}" for topic_id, name in CASES}
    assert current == set(EXPECTED), (
        "the bank's graded answers differ from pinned_scores.json; after a deliberate change "
        "run `.venv/bin/python -m tests.grading.test_pinned_scores --write`"
    )


@pytest.mark.parametrize(("topic_id", "name"), CASES, ids=[f"{t}-{n}" for t, n in CASES])
def test_grade_is_pinned(topic_id: str, name: str) -> None:
    topic = TOPICS[topic_id]
    got = pinned_view(topic, graded_answers(topic)[name])
    assert got == EXPECTED[f"{topic_id} {name}"]


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.grading.test_pinned_scores --write")
    table = current_table()
    PINNED.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"pinned {len(table)} grades in {PINNED}")
