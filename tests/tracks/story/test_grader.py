"""The story grader on stories written for the rules (the bank's own samples: test_samples)."""

from __future__ import annotations

from pgdojo.content.behavioral import StoryRubric
from pgdojo.content.rubric import Misconception
from pgdojo.tracks.story.grader import (
    ConceptBank,
    StoryGrade,
    first_person_ratio,
    grade_story,
)

STRONG = """## Situation
Last Black Friday our checkout API started timing out at peak: p90 latency went over 10 seconds
and about 15% of orders failed.

## Task
I was the on-call database engineer and I owned the fix; the goal was to restore checkout within
the hour without a risky schema change at peak.

## Action
I started with pg_stat_statements sorted by total_exec_time, which put one order lookup at the
top with 3 seconds a call. I ran EXPLAIN (ANALYZE, BUFFERS) on it and saw a sequential scan over
the 50 million row orders table, although an index on customer_ref existed. I compared the column
type with the parameter the ORM bound and found the column was varchar while the code passed an
integer. I wrote a hotfix that passed the value as text, and I added an index concurrently as a
safety net so the rollout could not lock the table. I explained the plan in the incident
channel, and I watched the latency graph while the deploy rolled out. Then I wrote the postmortem
and proposed a lint rule for the ORM to the other teams that use it.

## Result
The query went from 3 s to 5 ms and checkout success rose from 85% to 99.5% within 40 minutes.
Since then the lint rule runs in CI for every team, and an alert fires on sequential scans of
large tables, so the same class of bug has not reached production again.

## Technical
A B-tree index on a varchar column cannot serve a comparison after an implicit cast to integer,
because the planner would have to apply the cast to every indexed value, so it falls back to a
sequential scan. EXPLAIN ANALYZE with BUFFERS showed millions of shared buffers read, which is
why latency rose with load: every checkout read the whole table. CREATE INDEX CONCURRENTLY builds
the index without holding a lock that blocks writes, which mattered at peak.
"""


def _grade(text: str, rubric: StoryRubric, bank: ConceptBank) -> StoryGrade:
    return grade_story(text, rubric, bank)


def test_a_strong_story(rubric: StoryRubric, bank: ConceptBank) -> None:
    graded = _grade(STRONG, rubric, bank)
    assert graded.score >= 85
    assert graded.level in ("senior", "staff")
    assert graded.first_person_ratio == 1.0
    assert graded.quantified_result and graded.lasting_change
    assert all(part.present for part in graded.parts.values())
    assert 120 <= graded.spoken_seconds <= 180
    assert len(graded.mechanisms) >= 3
    # Evidence is the sentence that earned the mechanism.
    assert any("CONCURRENTLY" in m.evidence for m in graded.mechanisms)


def test_we_instead_of_i_costs_the_action_and_the_level(
    rubric: StoryRubric, bank: ConceptBank
) -> None:
    ours = STRONG.replace("I started", "We started").replace(" I ", " we ")
    mine, theirs = _grade(STRONG, rubric, bank), _grade(ours, rubric, bank)
    assert theirs.first_person_ratio < 0.3
    assert theirs.score < mine.score - 10
    assert theirs.level == "junior"
    assert any("first person" in p.message for p in theirs.feedback[:3])


def test_figures_count_only_when_they_measure_an_outcome(
    rubric: StoryRubric, bank: ConceptBank
) -> None:
    inventory = STRONG.replace(
        "The query went from 3 s to 5 ms and checkout success rose from 85% to 99.5% within 40 "
        "minutes.",
        "We ran PostgreSQL 16 on 32 cores with 3 replicas and 2 TB of disk.",
    )
    graded = _grade(inventory, rubric, bank)
    assert not graded.quantified_result
    point = next(p for p in graded.feedback if "figures" in p.message)
    assert point.sentence and point.sentence.startswith("We ran PostgreSQL 16")


def test_terms_in_a_list_earn_no_technical_depth(rubric: StoryRubric, bank: ConceptBank) -> None:
    head, _, _ = STRONG.partition("## Technical")
    listed = head + "## Technical\nB-tree, implicit cast, EXPLAIN, BUFFERS, CONCURRENTLY, MVCC.\n"
    graded = _grade(listed, rubric, bank)
    assert graded.mechanisms == []
    assert graded.parts["technical"].score == 10
    assert "implicit cast" in (
        next(p for p in graded.feedback if "mechanisms" in p.message).sentence or ""
    )


def test_missing_parts_are_named(rubric: StoryRubric, bank: ConceptBank) -> None:
    graded = _grade("## Situation\nIt was slow.\n## Action\nI fixed it.", rubric, bank)
    missing = {p for p, g in graded.parts.items() if not g.present}
    assert missing == {"task", "result", "technical"}
    assert any(p.message.startswith("Add the Result") for p in graded.feedback)
    assert graded.level == "junior"


def test_feedback_is_in_order_of_value(rubric: StoryRubric, bank: ConceptBank) -> None:
    graded = _grade(
        "## Situation\nThings were kind of slow.\n## Action\nWe fixed some stuff.", rubric, bank
    )
    values = [p.value for p in graded.feedback]
    assert values == sorted(values, reverse=True)
    assert graded.vague


def test_a_false_claim_is_flagged_with_its_sentence(rubric: StoryRubric, bank: ConceptBank) -> None:
    wrong = Misconception(
        id="vacuum-full-online",
        claim="VACUUM FULL runs online",
        correction="VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock.",
        patterns=[r"vacuum full\b.*\b(online|without (blocking|locking))"],
    )
    with_claim = ConceptBank(bank.concepts, [wrong])
    text = STRONG + "\nI also ran VACUUM FULL at peak because it works without blocking anyone.\n"
    graded = grade_story(text, rubric, with_claim)
    assert [c.misconception_id for c in graded.false_claims] == ["vacuum-full-online"]
    point = next(p for p in graded.feedback if p.message.startswith("This claim is wrong"))
    assert point.sentence and "VACUUM FULL at peak" in point.sentence
    refuted = STRONG + "\nIt is a myth that VACUUM FULL works without blocking anyone.\n"
    assert grade_story(refuted, rubric, with_claim).false_claims == []


def test_too_long_is_penalised(rubric: StoryRubric, bank: ConceptBank) -> None:
    long = STRONG.replace("## Result", "I kept going. " * 120 + "\n## Result")
    graded = _grade(long, rubric, bank)
    assert graded.spoken_seconds > 240
    assert any("spoken" in p.message for p in graded.feedback)


def test_first_person_ratio() -> None:
    assert first_person_ratio("I ran it. We shipped it. I wrote it. The team agreed.") == 0.5
    assert first_person_ratio("Nobody did anything.") == 0.0
