"""The rubric grader: deterministic, and every decision carries its evidence.

Deep dives, STAR-T stories and system-design write-ups are graded by the same rules against a
`Rubric` given as content data (parts with weights, concepts, bonus concepts, misconceptions):

- Reading: the answer is split into sentences and list items (code blocks dropped, Markdown
  marks removed, "e.g." ends no sentence). A sentence is an *explanation* when it has at least
  `MIN_EXPLANATION_WORDS` words, at least two function words ("is", "because", "the", ...), and
  is not a list (four or more commas, semicolons or slashes outnumbering twice its function
  words).
- Concepts: a concept is covered when one explanatory sentence holds one of its `terms` and
  one of its `context` words outside that term. Phrases match case-insensitively at word
  starts ("snapshot" finds "snapshots"); a space also matches "-" and "_" ("max wal size"
  finds max_wal_size). The sentence that covers a concept is its evidence. Dropping keywords
  in a list, or alone, earns nothing. Coverage ignores negation on purpose: "readers never
  block writers" and "no global snapshot" are how such concepts are explained.
- Parts: a part scores its covered concept weight over its total concept weight (0..100); it
  is worth `weight / sum of part weights` of 100 points (deep dive: What 15, Why 15, How 35,
  Trade-offs 25, Comparison 10).
- Bonus: bonus concepts (same rule) add up to `bonus_points` (10) on top; the sum is capped at
  100.
- Misconceptions: any sentence matching one of a misconception's patterns asserts it and
  costs its full penalty, unless a negation comes before the match ("it is a myth that ...",
  "not", "without", "rather than", ...) or a refutation after it ("..., which is false").
  The score is then rounded and floored at 0.
- Monotonicity: a paragraph added to an answer (after a blank line, outside a code block)
  never uncovers a concept nor withdraws a misconception, so it can lower the score only by
  asserting a new misconception.
- Feedback, most valuable first: misconceptions, "explain in sentences" for a list of terms,
  empty parts, missing concepts by weight then part order, bonus hints from a score of
  `BONUS_HINT_SCORE`, and spoken length (`WORDS_PER_MINUTE`).
- Levels: strong from `STRONG_SCORE` (75), fair from `FAIR_SCORE` (45), weak below.

The numbers named here live in `thresholds.py`. `grade(rubric, text) -> Grade`;
`Grade.to_dict()` is the JSON every interface shows.
"""

from pgdojo.content.rubric import (
    BONUS_POINTS,
    DEEP_DIVE_PARTS,
    PART_LABELS,
    Concept,
    Misconception,
    Part,
    Rubric,
)
from pgdojo.grading.feedback import feedback_for
from pgdojo.grading.grader import grade
from pgdojo.grading.results import ConceptResult, Grade, MisconceptionResult, PartScore
from pgdojo.grading.text import count_words, is_explanation, split_sentences
from pgdojo.grading.thresholds import (
    FAIR_SCORE,
    STRONG_SCORE,
    WORDS_PER_MINUTE,
    level_for,
)

__all__ = [
    "BONUS_POINTS",
    "DEEP_DIVE_PARTS",
    "FAIR_SCORE",
    "PART_LABELS",
    "STRONG_SCORE",
    "WORDS_PER_MINUTE",
    "Concept",
    "ConceptResult",
    "Grade",
    "Misconception",
    "MisconceptionResult",
    "Part",
    "PartScore",
    "Rubric",
    "count_words",
    "feedback_for",
    "grade",
    "is_explanation",
    "level_for",
    "split_sentences",
]
