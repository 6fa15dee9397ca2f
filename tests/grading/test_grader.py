"""The rubric grader on a rubric of its own: a STAR-T-like story rubric, not a deep-dive topic."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgdojo.content.loader import load_topics
from pgdojo.grading import (
    FAIR_SCORE,
    STRONG_SCORE,
    Concept,
    Grade,
    Misconception,
    Part,
    Rubric,
    grade,
    level_for,
)


def concept(cid: str, terms: list[str], context: list[str], weight: int = 2) -> Concept:
    return Concept(
        id=cid, concept=f"The {cid} concept, told.", weight=weight, terms=terms, context=context
    )


STORY = Rubric(
    parts=[
        Part(id="situation", label="Situation", weight=1),
        Part(id="task", label="Task", weight=1, about="what you owned"),
        Part(id="action", label="Action", weight=2),
        Part(id="result", label="Result", weight=1),
    ],
    concepts={
        "situation": [concept("peak", ["timing out", "timeouts"], ["peak", "p90", "seconds"])],
        "task": [concept("owner", ["owned", "responsible"], ["fix", "incident", "checkout"])],
        "action": [
            concept("find", ["pg_stat_statements", "explain analyze"], ["query", "seq scan"], 3),
            concept("cast", ["implicit cast"], ["index", "varchar", "integer"], 1),
        ],
        "result": [concept("measured", ["5 ms", "99.5%"], ["from", "dropped", "rose"])],
    },
    bonus=[concept("pooling", ["pgbouncer"], ["connections", "surge"])],
    bonus_points=10,
    misconceptions=[
        Misconception(
            id="bigger-box",
            claim="The fix was bigger hardware.",
            correction="The plan was wrong; a bigger server only hides a seq scan.",
            penalty=10,
            patterns=[r"bigger (hardware|server|instance)"],
        )
    ],
)

SITUATION = "Checkout was timing out at peak, with p90 latency over ten seconds for our users."
TASK = "I owned the fix for this incident because the checkout service was my team's."
FIND = "I used pg_stat_statements to find the slowest query, and EXPLAIN ANALYZE showed a seq scan."
CAST = (
    "The seq scan came from an implicit cast of a varchar column to integer, so no index applied."
)
RESULT = "The query dropped from 3 s to 5 ms and checkout success rose from 85% to 99.5%."
BONUS = "Later we put PgBouncer in front of the database because the connections surge at peak."
CLAIM = "In the end the real fix was a bigger instance for the database, as we found out."
STRONG = "\n\n".join([SITUATION, TASK, FIND, CAST, RESULT])


def test_parts_and_weights_come_from_the_rubric() -> None:
    graded = grade(STORY, FIND + "\n" + CAST)
    assert list(graded.parts) == ["situation", "task", "action", "result"]
    assert graded.parts["action"].score == 100 and graded.parts["action"].total == 2
    assert graded.parts["action"].label == "Action" and graded.parts["action"].weight == 2
    # Action weighs 2 of 5: all of it is worth 40 points.
    assert graded.score == 40
    assert grade(STORY, FIND).score == 30  # 3 of the part's 4 concept weight
    assert grade(STORY, STRONG).score == 100


def test_a_covered_concept_returns_its_evidence_sentence() -> None:
    graded = grade(STORY, STRONG)
    evidence = {c.id: c.evidence for c in graded.covered}
    assert evidence["find"] == FIND
    assert evidence["measured"] == RESULT
    assert not graded.missing


def test_missing_parts_and_concepts_in_feedback_use_the_part_names() -> None:
    graded = grade(STORY, SITUATION)
    assert [c.id for c in graded.missing] == ["find", "owner", "measured", "cast"]  # by value
    assert "Your answer has nothing on what you owned: add a paragraph on it." in graded.feedback
    assert "Your answer has nothing on action: add a paragraph on it." in graded.feedback


def test_misconception_is_found_with_its_sentence() -> None:
    graded = grade(STORY, STRONG + "\n\n" + CLAIM)
    assert [(m.id, m.evidence) for m in graded.misconceptions] == [("bigger-box", CLAIM)]
    assert graded.score == 90
    assert graded.feedback[0].startswith('Correct a misconception (-10): "The fix was bigger')


def test_bonus_point_adds_on_top_up_to_the_cap() -> None:
    partial = "\n\n".join([SITUATION, TASK, FIND])
    assert grade(STORY, partial + "\n\n" + BONUS).score == grade(STORY, partial).score + 10
    capped = grade(STORY, STRONG + "\n\n" + BONUS)
    assert capped.score == 100 and [b.id for b in capped.bonus] == ["pooling"]
    assert capped.bonus[0].evidence == BONUS


@pytest.mark.parametrize(
    "refuted",
    [
        "We fixed it without buying bigger hardware, because the plan was the problem.",
        "Some wanted a bigger server, which is wrong: the plan was the problem here.",
        "It is a myth that a bigger instance fixes a seq scan on a table like this one.",
    ],
)
def test_negated_or_refuted_claim_costs_nothing(refuted: str) -> None:
    graded = grade(STORY, STRONG + "\n\n" + refuted)
    assert graded.misconceptions == [] and graded.score == 100


def test_a_negated_term_still_covers_its_concept() -> None:
    """Coverage ignores negation on purpose: "no index applied", "readers never block writers"
    are how some concepts are explained (the built-in strong answers earn concepts that way)."""
    graded = grade(STORY, CAST)
    assert [c.id for c in graded.covered] == ["cast"]


def test_keywords_and_short_fragments_earn_nothing() -> None:
    keywords = "timeouts, owned, pg_stat_statements, implicit cast, 5 ms, PgBouncer, seq scan"
    graded = grade(STORY, keywords + "\n\nTimeouts at peak.")
    assert graded.score == 0 and graded.explanatory_sentences == 0


def test_to_dict_is_json_with_the_deep_dive_keys() -> None:
    data = json.loads(json.dumps(grade(STORY, STRONG + "\n\n" + CLAIM).to_dict()))
    assert set(data) >= {
        "score",
        "level",
        "parts",
        "covered",
        "covered_detail",
        "missing",
        "missing_detail",
        "bonus",
        "misconceptions",
        "feedback",
        "words",
        "spoken_minutes",
        "explanatory_sentences",
        "notes",
    }
    assert data["covered"] == ["peak", "owner", "find", "cast", "measured"]
    assert data["covered_detail"][2]["evidence"] == FIND
    assert data["parts"]["task"] == {
        "part": "task",
        "score": 100,
        "covered": 1,
        "total": 1,
        "label": "Task",
        "weight": 1,
    }
    assert data["misconceptions"][0]["evidence"] == CLAIM
    assert data["level"] == "strong"


def test_levels() -> None:
    assert level_for(100) == level_for(STRONG_SCORE) == "strong"
    assert level_for(STRONG_SCORE - 1) == level_for(FAIR_SCORE) == "fair"
    assert level_for(FAIR_SCORE - 1) == level_for(0) == "weak"


# -- monotonicity ----------------------------------------------------------------------------

STORY_SENTENCES = [
    SITUATION,
    TASK,
    FIND,
    CAST,
    RESULT,
    BONUS,
    CLAIM,
    "We fixed it without buying bigger hardware, because the plan was the problem.",
    "timeouts, owned, pg_stat_statements, implicit cast, 5 ms, PgBouncer, seq scan",
    "The weather was pleasant and the meeting ended on time for everyone involved.",
]
# Free text: anything but backticks (a code fence opened in one paragraph and closed in the
# next would hide the text between them, which is the point of dropping code blocks).
FREE_TEXT = st.text(alphabet=st.sampled_from("abcdefgh xyz pq 0123 .,;:!?-_*#>\n'%"), max_size=120)


def paragraph(pool: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(pool), FREE_TEXT)


def assert_monotone(rubric: Rubric, base: list[str], extra: str) -> None:
    """Appending a paragraph never uncovers a concept or bonus, nor withdraws a misconception;
    so the score can only fall when the paragraph asserts a new misconception."""
    before: Grade = grade(rubric, "\n\n".join(base))
    after: Grade = grade(rubric, "\n\n".join([*base, extra]))
    assert {c.id for c in before.covered} <= {c.id for c in after.covered}
    assert {c.id for c in before.bonus} <= {c.id for c in after.bonus}
    old = {m.id for m in before.misconceptions}
    new = {m.id for m in after.misconceptions}
    assert old <= new
    if new == old:
        assert after.score >= before.score


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph(STORY_SENTENCES), max_size=6), paragraph(STORY_SENTENCES))
def test_a_paragraph_without_a_new_misconception_never_lowers_the_score(
    base: list[str], extra: str
) -> None:
    """What holds: an added paragraph (a sentence stating a covered concept, a new concept, or
    any text) never lowers the score unless it asserts a misconception not asserted before;
    one that does costs that misconception's penalty, so plain "never lowers" does not hold."""
    assert_monotone(STORY, base, extra)


MVCC = load_topics()["mvcc"]
MVCC_SENTENCES = [
    line.strip()
    for text in MVCC.sample_answers.values()  # strong, partial, keywords and wrong answers
    for line in text.split("\n")
    if line.strip()
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(MVCC_SENTENCES), max_size=8), paragraph(MVCC_SENTENCES))
def test_monotone_on_a_real_topic_rubric(base: list[str], extra: str) -> None:
    assert_monotone(MVCC.rubric, base, extra)
