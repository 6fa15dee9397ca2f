"""The worked stories prove the grader: staff > senior > junior, and a keyword-stuffed or
"we"-only telling scores low, for every story in the bank."""

from __future__ import annotations

import pytest

from pgdojo.content.behavioral import BehavioralBank, load_behavioral
from pgdojo.tracks.story.grader import ConceptBank, grade_story

STORIES = sorted(load_behavioral().stories)


def test_the_bank_has_enough_worked_stories(behavioral: BehavioralBank) -> None:
    assert len(behavioral.stories) >= 8
    families = {f for s in behavioral.stories.values() for f in s.meta.families[:1]}
    assert len(families) >= 8, "each worked story leads with a different family"
    assert any(s.meta.failure for s in behavioral.stories.values())
    assert len(behavioral.questions) >= 33 and len(behavioral.families) >= 11
    assert sum(q.seed for _, q in behavioral.questions.values()) >= 3


@pytest.mark.parametrize("story_id", STORIES)
def test_versions_grade_in_order(
    story_id: str, behavioral: BehavioralBank, bank: ConceptBank
) -> None:
    versions = behavioral.stories[story_id].versions
    graded = {v: grade_story(text, behavioral.rubric, bank) for v, text in versions.items()}
    scores = {v: g.score for v, g in graded.items()}
    assert scores["staff"] > scores["senior"] > scores["junior"], scores
    assert graded["staff"].level == "staff", graded["staff"].to_dict()
    assert graded["senior"].level == "senior", graded["senior"].to_dict()
    assert graded["junior"].level == "junior"
    for weak in ("stuffed", "we"):
        assert scores[weak] < scores["senior"], (weak, scores)
        assert graded[weak].level == "junior", (weak, graded[weak].to_dict())
    assert graded["staff"].quantified_result and graded["staff"].lasting_change
    assert graded["staff"].first_person_ratio >= 0.5
    assert 120 <= graded["staff"].spoken_seconds <= 200
