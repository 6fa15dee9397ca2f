"""grade(rubric, text): concepts found in explanatory sentences, parts weighted, penalties.

The rules are stated in the package docstring (pgdojo.grading).
"""

from __future__ import annotations

from pgdojo.content.rubric import Concept, Misconception, Rubric
from pgdojo.grading.feedback import by_value, feedback_for
from pgdojo.grading.results import ConceptResult, Grade, MisconceptionResult, PartScore
from pgdojo.grading.text import (
    asserting_sentence,
    count_words,
    explaining_sentence,
    is_explanation,
    shorten,
    split_sentences,
)
from pgdojo.grading.thresholds import WORDS_PER_MINUTE


def concept_evidence(concept: Concept, sentences: list[str]) -> str | None:
    """The first of `sentences` that names the concept and explains it, if any."""
    return explaining_sentence(concept.terms, concept.context, sentences)


def misconception_evidence(item: Misconception, sentences: list[str]) -> str | None:
    """The first of `sentences` that asserts the misconception (not one that refutes it)."""
    return asserting_sentence(item.patterns, sentences)


def grade(rubric: Rubric, text: str) -> Grade:
    """Grade `text` against `rubric`."""
    sentences = split_sentences(text)
    explanations = [s for s in sentences if is_explanation(s)]
    words = count_words(text)

    parts: dict[str, PartScore] = {}
    covered: list[ConceptResult] = []
    missing: list[ConceptResult] = []
    total = 0.0
    for part in rubric.parts:
        concepts = rubric.concepts_of(part)
        got = 0
        covered_here = 0
        for concept in concepts:
            evidence = concept_evidence(concept, explanations)
            result = ConceptResult(
                concept.id,
                part.id,
                concept.concept,
                concept.weight,
                evidence is not None,
                shorten(evidence) if evidence else None,
            )
            if evidence:
                covered.append(result)
                covered_here += 1
                got += concept.weight
            else:
                missing.append(result)
        weight_total = sum(c.weight for c in concepts)
        fraction = got / weight_total if weight_total else 0.0
        total += rubric.points(part) * fraction
        parts[part.id] = PartScore(
            part.id, round(fraction * 100), covered_here, len(concepts), part.label, part.weight
        )

    bonus: list[ConceptResult] = []
    bonus_weight = sum(c.weight for c in rubric.bonus)
    bonus_got = 0
    for concept in rubric.bonus:
        evidence = concept_evidence(concept, explanations)
        if evidence:
            bonus.append(
                ConceptResult(
                    concept.id, "bonus", concept.concept, concept.weight, True, shorten(evidence)
                )
            )
            bonus_got += concept.weight
    if bonus_weight:
        total += rubric.bonus_points * bonus_got / bonus_weight

    # Bonus can fill the scale up to 100; each misconception then costs its full penalty.
    total = min(100.0, total)
    wrong: list[MisconceptionResult] = []
    for item in rubric.misconceptions:
        # Any sentence can assert a misconception, even one too short to explain anything.
        evidence = misconception_evidence(item, sentences)
        if evidence:
            wrong.append(
                MisconceptionResult(
                    item.id, item.claim, item.correction, item.penalty, shorten(evidence)
                )
            )
            total -= item.penalty

    graded = Grade(
        score=max(0, round(total)),
        parts=parts,
        covered=covered,
        missing=sorted(missing, key=by_value(rubric)),
        bonus=bonus,
        misconceptions=wrong,
        feedback=[],
        words=words,
        spoken_minutes=round(words / WORDS_PER_MINUTE, 1),
        explanatory_sentences=len(explanations),
    )
    graded.feedback = feedback_for(graded, rubric)
    return graded
