"""What grading returns: plain dataclasses, each with the `to_dict` every interface renders.

`Grade.to_dict()` is the one serialiser of a grade: the CLI's --json, the API and the web UI
all show it, and the store records it. Its keys only ever grow (scripts rely on them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pgdojo.grading.thresholds import level_for


@dataclass
class ConceptResult:
    """One rubric concept (or bonus concept) and the sentence that earned it, if any."""

    id: str
    part: str  # the part id, or "bonus"
    concept: str
    weight: int
    covered: bool
    evidence: str | None = None  # the sentence that covers it, shown to the candidate

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "part": self.part,
            "concept": self.concept,
            "weight": self.weight,
            "covered": self.covered,
            "evidence": self.evidence,
        }


@dataclass
class MisconceptionResult:
    """A misconception the answer asserts, with the sentence that asserts it."""

    id: str
    claim: str
    correction: str
    penalty: int
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claim": self.claim,
            "correction": self.correction,
            "penalty": self.penalty,
            "evidence": self.evidence,
        }


@dataclass
class PartScore:
    """How much of one part's concepts the answer covers."""

    part: str
    score: int  # 0..100 of this part: covered weight over the part's total weight
    covered: int  # concepts covered
    total: int  # concepts in the part
    label: str = ""
    weight: int = 0  # the part's weight in the rubric

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "score": self.score,
            "covered": self.covered,
            "total": self.total,
            "label": self.label,
            "weight": self.weight,
        }


@dataclass
class Grade:
    """The grade of one answer against one rubric."""

    score: int  # 0..100
    parts: dict[str, PartScore]  # by part id, in the rubric's order
    covered: list[ConceptResult]
    missing: list[ConceptResult]  # most valuable first
    bonus: list[ConceptResult]  # the bonus concepts covered
    misconceptions: list[MisconceptionResult]
    feedback: list[str]  # what to do next, most valuable first
    words: int
    spoken_minutes: float
    explanatory_sentences: int
    notes: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        """strong, fair or weak (thresholds.LEVELS)."""
        return level_for(self.score)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of a grade: `covered`/`missing` are concept ids, `*_detail` the results."""
        return {
            "score": self.score,
            "level": self.level,
            "parts": {part_id: score.to_dict() for part_id, score in self.parts.items()},
            "covered": [c.id for c in self.covered],
            "covered_detail": [c.to_dict() for c in self.covered],
            "missing": [c.id for c in self.missing],
            "missing_detail": [c.to_dict() for c in self.missing],
            "bonus": [c.to_dict() for c in self.bonus],
            "misconceptions": [m.to_dict() for m in self.misconceptions],
            "feedback": list(self.feedback),
            "words": self.words,
            "spoken_minutes": self.spoken_minutes,
            "explanatory_sentences": self.explanatory_sentences,
            "notes": list(self.notes),
        }
