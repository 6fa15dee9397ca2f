"""The grader on a small rubric of its own: explanations count, keyword lists do not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pgdojo.content.topic_models import Topic, TopicMeta
from pgdojo.grading.text import is_explanation, split_sentences
from pgdojo.tracks.deepdive.grader import grade_answer


def concept(cid: str, terms: list[str], context: list[str], weight: int = 2) -> dict[str, object]:
    return {
        "id": cid,
        "concept": f"The {cid} concept explained.",
        "weight": weight,
        "terms": terms,
        "context": context,
    }


TOPIC = Topic(
    id="tiny-mvcc",
    meta=TopicMeta.model_validate(
        {
            "title": "Tiny MVCC",
            "question": "Explain how MVCC works in PostgreSQL.",
            "rubric": {
                "what": [
                    concept(
                        "versions", ["row version", "new version"], ["update", "reader", "write"], 3
                    )
                ],
                "why": [
                    concept("no-blocking", ["readers", "blocking"], ["writers", "wait", "lock"])
                ],
                "how": [
                    concept(
                        "xmin-xmax",
                        ["xmin", "xmax"],
                        ["transaction", "inserted", "deleted", "stamped"],
                        3,
                    ),
                    concept("snapshot", ["snapshot"], ["visible", "running", "committed"], 3),
                ],
                "tradeoffs": [
                    concept("bloat", ["dead tuples", "bloat"], ["vacuum", "space", "reclaim"])
                ],
                "comparison": [
                    concept("undo", ["undo log", "undo"], ["oracle", "innodb", "rollback"], 1)
                ],
            },
            "bonus": [concept("hot", ["hot update", "heap-only"], ["index", "page"])],
            "misconceptions": [
                {
                    "id": "in-place",
                    "claim": "PostgreSQL updates rows in place.",
                    "correction": "An UPDATE writes a new version.",
                    "penalty": 15,
                    "patterns": [r"updates? (the )?rows? in place"],
                }
            ],
        }
    ),
    senior_answer="x",
    staff_answer="x",
    cards=[],
    source="test",
)

STRONG = """
In PostgreSQL an UPDATE never overwrites data: it writes a new version of the row, and each reader sees the row version its snapshot allows.
This means readers do not wait for writers and writers do not block readers, because nobody needs a read lock.
Every tuple is stamped with xmin, the transaction that inserted it, and xmax, the transaction that deleted or replaced it.
A snapshot records which transactions were still running when it was taken, so a version is visible only if its creator committed before that.
The cost is bloat: dead tuples stay in the table until VACUUM can reclaim the space.
Oracle and InnoDB instead keep an undo log and reconstruct old versions from it on rollback or for old readers.
When no indexed column changes and the page has room, a HOT update keeps the new version in the same page without a new index entry.
"""
KEYWORDS = "MVCC, row version, xmin, xmax, snapshot, dead tuples, VACUUM, undo log, readers, blocking, HOT update"
OFF_TOPIC = """
A load balancer spreads incoming HTTP requests across several web servers to keep latency low.
It checks the health of each server and stops sending traffic to one that fails its checks.
"""


def test_strong_answer_covers_everything() -> None:
    grade = grade_answer(TOPIC, STRONG)
    assert grade.score >= 95
    assert not grade.missing
    assert [b.id for b in grade.bonus] == ["hot"]
    assert all(c.evidence for c in grade.covered)


def test_keyword_list_scores_zero_and_is_told_why() -> None:
    grade = grade_answer(TOPIC, KEYWORDS)
    assert grade.score == 0
    assert any("list of terms" in line for line in grade.feedback)


def test_off_topic_answer_scores_zero() -> None:
    assert grade_answer(TOPIC, OFF_TOPIC).score == 0


def test_misconception_costs_points_but_its_refutation_does_not() -> None:
    claim = STRONG + "\nTo be clear, PostgreSQL updates rows in place when the row is small enough."
    refuted = (
        STRONG + "\nIt is a myth that PostgreSQL updates rows in place, whatever the row size."
    )
    assert grade_answer(TOPIC, claim).score == grade_answer(TOPIC, STRONG).score - 15
    assert [m.id for m in grade_answer(TOPIC, claim).misconceptions] == ["in-place"]
    assert grade_answer(TOPIC, refuted).misconceptions == []


def test_feedback_orders_missing_concepts_by_value() -> None:
    partial = "Each tuple is stamped with xmin, the transaction that inserted it, and xmax for the one that deleted it."
    grade = grade_answer(TOPIC, partial)
    assert grade.missing[0].weight == 3
    assert grade.feedback and grade.feedback[0].startswith("Your answer has nothing on")
    assert any("what it is" in line or "snapshot" in line for line in grade.feedback)


def test_parts_are_scored_separately() -> None:
    grade = grade_answer(TOPIC, STRONG.split("\n")[3])  # the xmin/xmax sentence only
    assert grade.parts["how"].covered == 1 and grade.parts["how"].total == 2
    assert grade.parts["what"].covered == 0


def test_sentence_rules() -> None:
    assert split_sentences("One thing. Two things!\n- a bullet item here\n\nPara") == [
        "One thing.",
        "Two things!",
        "a bullet item here",
        "Para",
    ]
    assert not is_explanation("xmin, xmax, snapshot, vacuum, clog, hint bits, wraparound")
    assert is_explanation("The snapshot decides which row versions are visible to the reader.")


SAFE_SENTENCES = [s.strip() for s in STRONG.strip().split("\n")] + [
    "The weather was pleasant and the meeting ended on time for everyone involved.",
    "Indexes are stored separately from the heap and each has its own pages.",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SAFE_SENTENCES), max_size=6), st.sampled_from(SAFE_SENTENCES))
def test_adding_a_sentence_never_lowers_the_score(base: list[str], extra: str) -> None:
    before = grade_answer(TOPIC, "\n".join(base)).score
    after = grade_answer(TOPIC, "\n".join([*base, extra])).score
    assert after >= before


def test_identifiers_abbreviations_and_late_refutations() -> None:
    assert split_sentences("Tune it, e.g. max_wal_size grows. Next one.") == [
        "Tune it, e.g max_wal_size grows.",
        "Next one.",
    ]
    refuted = STRONG + "\nSome say PostgreSQL updates rows in place, which is false."
    assert grade_answer(TOPIC, refuted).misconceptions == []
