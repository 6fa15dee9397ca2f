"""Deep-dive answers, graded by the rubric grader (pgdojo.grading) against the topic's rubric.

The rules live in pgdojo.grading; this adapter only adds the topic's id to the grade.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from pgdojo.content.topic_models import Topic
from pgdojo.grading import Grade, grade


@dataclass
class TopicGrade(Grade):
    """A grade of an answer to one topic; `to_dict` is the JSON contract of `deepdive grade`."""

    topic_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"topic_id": self.topic_id, **super().to_dict()}


def grade_answer(topic: Topic, answer: str) -> TopicGrade:
    """Grade `answer` against the topic's rubric."""
    graded = grade(topic.rubric, answer)
    return TopicGrade(**{f.name: getattr(graded, f.name) for f in fields(Grade)}, topic_id=topic.id)


__all__ = ["Grade", "TopicGrade", "grade_answer"]
