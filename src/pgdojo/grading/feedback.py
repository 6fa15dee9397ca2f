"""What to do next, most valuable first: the feedback lines of a grade, and their order.

Order: misconceptions to correct (they cost the most), then "explain in sentences" when the
answer is a list of terms, then the parts with nothing in them, then the missing concepts by
value (weight, then the part's place in the rubric), then bonus points (only once the answer
is good), then spoken length.
"""

from __future__ import annotations

from collections.abc import Callable

from pgdojo.content.rubric import Rubric
from pgdojo.grading.results import ConceptResult, Grade
from pgdojo.grading.thresholds import (
    BONUS_HINT_SCORE,
    BONUS_HINTS_SHOWN,
    LIST_OF_TERMS_WORDS,
    LONG_ANSWER_MINUTES,
    MISSING_SHOWN,
)


def by_value(rubric: Rubric) -> Callable[[ConceptResult], tuple[int, int]]:
    """A sort key: heavier concepts first, then the earlier part of the rubric."""
    order = {part.id: index for index, part in enumerate(rubric.parts)}

    def key(result: ConceptResult) -> tuple[int, int]:
        return (-result.weight, order.get(result.part, len(order)))

    return key


def feedback_for(grade: Grade, rubric: Rubric) -> list[str]:
    """The feedback lines of `grade`, most valuable first."""
    name = {part.id: part.feedback_name for part in rubric.parts}
    lines: list[str] = []
    for wrong in grade.misconceptions:
        lines.append(
            f'Correct a misconception (-{wrong.penalty}): "{wrong.claim}" — {wrong.correction}'
        )
    if grade.words >= LIST_OF_TERMS_WORDS and grade.explanatory_sentences == 0:
        lines.append(
            "Explain in sentences: a list of terms shows vocabulary, not understanding; "
            "say what each mechanism does and why."
        )
    for part_id, score in grade.parts.items():
        if score.covered == 0:
            lines.append(f"Your answer has nothing on {name[part_id]}: add a paragraph on it.")
    for item in grade.missing[:MISSING_SHOWN]:
        lines.append(f"Add ({name[item.part]}): {item.concept}")
    if grade.score >= BONUS_HINT_SCORE and len(grade.bonus) < len(rubric.bonus):
        got = {b.id for b in grade.bonus}
        for concept in [c for c in rubric.bonus if c.id not in got][:BONUS_HINTS_SHOWN]:
            lines.append(f"Staff-level bonus: {concept.concept}")
    if grade.spoken_minutes > LONG_ANSWER_MINUTES:
        lines.append(
            f"Spoken, this runs about {grade.spoken_minutes} minutes: an interview "
            "answer should land in 2–4; lead with the mechanism, then trade-offs."
        )
    return lines
