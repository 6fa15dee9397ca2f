"""The deterministic deep-dive grader: rubric concepts found in explanatory sentences.

A concept is covered only when one sentence both names it (one of its `terms`) and explains it
(one of its `context` words, elsewhere in the sentence), and the sentence reads as an
explanation: long enough and not a bare list. Dropping keywords earns nothing; an answer about
another topic finds few of this topic's concepts; a misconception stated (not refuted) costs
its penalty. Every decision carries its evidence, so the grade explains itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pgdojo.content.topic_models import (
    BONUS_POINTS,
    PART_POINTS,
    Concept,
    Misconception,
    Part,
    Topic,
)

MIN_EXPLANATION_WORDS = 7
# Words that make a run of terms a sentence rather than a list.
FUNCTION_WORDS = frozenset(
    "is are was were be been being it its this that these those which who when because so "
    "since by to of in on with then than each every until after before while if can cannot "
    "does do has have had means makes keeps writes reads gets uses sees needs must will would "
    "should could may might not no only also both either instead rather the a an as at from "
    "into for but or and there their they we you keep keeps hold holds take takes make run "
    "runs write read become becomes turn turns let lets add adds mark marks point points".split()
)
NEGATIONS = re.compile(
    r"\b(not|never|no|without|isn't|aren't|doesn't|don't|didn't|won't|cannot|can't|myth|misconception|"
    r"wrong|false|rather than|instead of|unlike|contrary)\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=#)")
# A refutation after the claim: "X happens in place, which is false".
NEGATION_AFTER = re.compile(
    r"\b(is|are|was|that's|which is)\s+(false|wrong|a myth|not true|incorrect|a misconception)\b",
    re.IGNORECASE,
)
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|cf|approx)\.", re.IGNORECASE)
LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
WORD = re.compile(r"[a-z0-9_']+")
WORDS_PER_MINUTE = 140


@dataclass
class ConceptResult:
    id: str
    part: str
    concept: str
    weight: int
    covered: bool
    evidence: str | None = None


@dataclass
class MisconceptionResult:
    id: str
    claim: str
    correction: str
    penalty: int
    evidence: str


@dataclass
class PartScore:
    part: str
    score: int  # 0..100 of this part
    covered: int
    total: int


@dataclass
class Grade:
    """The grade of one answer; `to_dict` is the JSON contract of `deepdive grade`."""

    topic_id: str
    score: int
    parts: dict[str, PartScore]
    covered: list[ConceptResult]
    missing: list[ConceptResult]
    bonus: list[ConceptResult]
    misconceptions: list[MisconceptionResult]
    feedback: list[str]
    words: int
    spoken_minutes: float
    explanatory_sentences: int
    notes: list[str] = field(default_factory=list)


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of an answer, with Markdown emphasis and code marks removed."""
    cleaned = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    cleaned = ABBREVIATIONS.sub(lambda m: m.group(1), cleaned)  # "e.g." ends no sentence
    cleaned = LIST_MARKER.sub("\n\n", cleaned)  # each list item stands alone
    cleaned = re.sub(r"[`*>#]+", " ", cleaned)
    # Emphasis underscores go; underscores inside identifiers (max_wal_size) stay.
    cleaned = re.sub(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])", " ", cleaned)
    parts = SENTENCE_BREAK.split(cleaned)
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def is_explanation(sentence: str) -> bool:
    """Long enough, and built like a sentence rather than a list of terms."""
    words = WORD.findall(sentence.lower())
    if len(words) < MIN_EXPLANATION_WORDS:
        return False
    function_words = sum(1 for w in words if w in FUNCTION_WORDS)
    separators = sentence.count(",") + sentence.count(";") + sentence.count("/")
    if function_words < 2:
        return False
    # "xmin, xmax, vacuum, snapshot, clog, hint bits, ..." is a list, not an explanation.
    return not (separators >= 4 and function_words * 2 < separators)


@lru_cache(maxsize=4096)
def _word_pattern(phrase: str) -> re.Pattern[str]:
    """Match at word starts; spaces in a phrase also match hyphens, underscores and line
    breaks, so the term "max wal size" finds max_wal_size."""
    body = r"[\s\-_]+".join(re.escape(part) for part in phrase.split())
    return re.compile(r"(?<![a-z0-9_])" + body, re.IGNORECASE)


def _spans(sentence: str, phrases: list[str]) -> list[tuple[int, int]]:
    found = []
    for phrase in phrases:
        for match in _word_pattern(phrase).finditer(sentence):
            found.append(match.span())
    return found


def concept_evidence(concept: Concept, sentences: list[str]) -> str | None:
    """The first explanatory sentence that names the concept and explains it, if any."""
    for sentence in sentences:
        terms = _spans(sentence, concept.terms)
        if not terms:
            continue
        context = _spans(sentence, concept.context)
        # The context word must be more than the term itself.
        if any(all(c[1] <= t[0] or c[0] >= t[1] for t in terms) for c in context):
            return sentence
    return None


def find_misconception(item: Misconception, sentences: list[str]) -> str | None:
    """A sentence asserting the misconception (not one that refutes it)."""
    for sentence in sentences:
        for pattern in item.patterns:
            match = re.search(pattern, sentence, re.IGNORECASE)
            if (
                match
                and not NEGATIONS.search(sentence[: match.start()])
                and not NEGATION_AFTER.search(sentence[match.end() :])
            ):
                return sentence
    return None


def grade_answer(topic: Topic, answer: str) -> Grade:
    """Grade `answer` against the topic's rubric."""
    sentences = split_sentences(answer)
    explanations = [s for s in sentences if is_explanation(s)]
    words = len(WORD.findall(answer.lower()))

    parts: dict[str, PartScore] = {}
    covered: list[ConceptResult] = []
    missing: list[ConceptResult] = []
    total = 0.0
    for part, concepts in topic.meta.rubric.parts().items():
        got = 0
        weight_total = sum(c.weight for c in concepts)
        for concept in concepts:
            evidence = concept_evidence(concept, explanations)
            result = ConceptResult(
                concept.id,
                part.value,
                concept.concept,
                concept.weight,
                evidence is not None,
                _short(evidence),
            )
            (covered if evidence else missing).append(result)
            got += concept.weight if evidence else 0
        fraction = got / weight_total if weight_total else 0.0
        total += PART_POINTS[part] * fraction
        parts[part.value] = PartScore(
            part.value,
            round(fraction * 100),
            sum(1 for r in covered if r.part == part.value),
            len(concepts),
        )

    bonus: list[ConceptResult] = []
    bonus_weight = sum(c.weight for c in topic.meta.bonus)
    bonus_got = 0
    for concept in topic.meta.bonus:
        evidence = concept_evidence(concept, explanations)
        if evidence:
            bonus.append(
                ConceptResult(
                    concept.id, "bonus", concept.concept, concept.weight, True, _short(evidence)
                )
            )
            bonus_got += concept.weight
    if bonus_weight:
        total += BONUS_POINTS * bonus_got / bonus_weight

    # Bonus can fill the scale up to 100; each misconception then costs its full penalty.
    total = min(100.0, total)
    wrong: list[MisconceptionResult] = []
    for item in topic.meta.misconceptions:
        evidence = find_misconception(item, sentences)
        if evidence:
            wrong.append(
                MisconceptionResult(
                    item.id, item.claim, item.correction, item.penalty, _short(evidence) or ""
                )
            )
            total -= item.penalty

    score = max(0, round(total))
    grade = Grade(
        topic_id=topic.id,
        score=score,
        parts=parts,
        covered=covered,
        missing=sorted(missing, key=_value_order),
        bonus=bonus,
        misconceptions=wrong,
        feedback=[],
        words=words,
        spoken_minutes=round(words / WORDS_PER_MINUTE, 1),
        explanatory_sentences=len(explanations),
    )
    grade.feedback = feedback_for(grade, topic)
    return grade


_PART_ORDER = {p.value: i for i, p in enumerate(Part)}


def _value_order(result: ConceptResult) -> tuple[int, int]:
    return (-result.weight, _PART_ORDER.get(result.part, 9))


def feedback_for(grade: Grade, topic: Topic) -> list[str]:
    """What to do next, most valuable first."""
    lines: list[str] = []
    for wrong in grade.misconceptions:
        lines.append(
            f'Correct a misconception (-{wrong.penalty}): "{wrong.claim}" — {wrong.correction}'
        )
    sentences = grade.explanatory_sentences
    if grade.words >= 15 and sentences == 0:
        lines.append(
            "Explain in sentences: a list of terms shows vocabulary, not understanding; "
            "say what each mechanism does and why."
        )
    empty = [p for p, s in grade.parts.items() if s.covered == 0]
    for part in empty:
        lines.append(f"Your answer has nothing on {_PART_TITLES[part]}: add a paragraph on it.")
    for item in grade.missing[:6]:
        lines.append(f"Add ({_PART_TITLES[item.part]}): {item.concept}")
    if grade.score >= 70 and len(grade.bonus) < len(topic.meta.bonus):
        got = {b.id for b in grade.bonus}
        extra = [c for c in topic.meta.bonus if c.id not in got][:2]
        for concept in extra:
            lines.append(f"Staff-level bonus: {concept.concept}")
    if grade.spoken_minutes > 6:
        lines.append(
            f"Spoken, this runs about {grade.spoken_minutes} minutes: an interview "
            "answer should land in 2–4; lead with the mechanism, then trade-offs."
        )
    return lines


_PART_TITLES = {
    "what": "what it is",
    "why": "why it exists",
    "how": "how it works",
    "tradeoffs": "trade-offs",
    "comparison": "comparison with other systems",
}


def _short(sentence: str | None, limit: int = 180) -> str | None:
    if sentence is None:
        return None
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
