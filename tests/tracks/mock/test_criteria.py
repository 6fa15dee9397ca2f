"""The rubric mapping: levels from round outcomes, combination, calibration, self-scores."""

from __future__ import annotations

import pytest

from pgdojo.tracks.mock.criteria import (
    Mark,
    calibration,
    combine,
    lab_marks,
    overall,
    parse_self,
    sql_marks,
)


def test_sql_correctness_levels() -> None:
    accepted = {"verdict": "accepted", "total_cases": 5, "message": "ok"}
    assert sql_marks(accepted, 1, 0)[0].level == 3
    assert sql_marks(accepted, 2, 0)[0].level == 2
    wrong = {"verdict": "wrong_answer", "failed_case": "ties", "message": "differs"}
    mark = sql_marks(wrong, 1, 0)[0]
    assert mark.level == 1 and "ties" in mark.evidence


def test_lab_levels() -> None:
    check = {
        "solved": True,
        "detect": True,
        "prevention": False,
        "traps": [],
        "findings": [{"name": "symptom", "detail": "gone"}],
        "investigation": {"score": 85, "phases": {"observe": True, "act": True}, "notes": []},
    }
    levels = {m.criterion: m.level for m in lab_marks(check)}
    assert levels == {"correctness": 3, "depth": 2, "communication": 3}


def test_combine_overall_and_calibration() -> None:
    marks = [
        Mark("correctness", 3, "a"),
        Mark("correctness", 2, "b"),
        Mark("depth", 1, "c"),
        Mark("communication", 2, "d"),
    ]
    criteria = combine(marks)
    assert criteria["correctness"] == {"level": "staff", "evidence": ["a", "b"]}
    assert criteria["breadth"]["level"] is None
    assert overall(criteria) == "senior"
    gap = calibration(criteria, {"correctness": "staff", "depth": "staff", "breadth": "staff"})
    assert gap is not None
    assert gap["gaps"] == {"correctness": 0, "depth": 2}
    assert gap["direction"] == "over-confident" and gap["mean_gap"] == 1.0
    assert calibration(criteria, None) is None


def test_parse_self() -> None:
    assert parse_self("correctness=senior, Depth=STAFF") == {
        "correctness": "senior",
        "depth": "staff",
    }
    with pytest.raises(ValueError, match="unknown criterion"):
        parse_self("speed=staff")
    with pytest.raises(ValueError, match="junior, senior or staff"):
        parse_self("depth=principal")
