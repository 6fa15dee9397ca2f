"""Grading a design: the written sections by the rubric grader, together with the run.

- Each part's rubric score comes from the rubric grader (pgdojo.grading) over that part's
  own section (the SQL left out): a Trade-offs concept is earned in the Trade-offs section.
  Bonus concepts and misconceptions are read in the whole write-up.
- Estimation: half the rubric, half the numbers. Each estimate the prompt expects is looked up
  by its name in the submission's Estimation table and compared with the figure computed from
  the prompt's numbers: within 2x of it is good (full marks), within 10x partial (half),
  further off or missing earns nothing.
- Schema and Queries: half the rubric, half the run: the share of the run's checks that
  belong to the part and passed (schema: `schema`, `index:*`; queries: `correct:*`,
  `latency:*` and the prompt's own checks).
- Scaling: 60% rubric, 40% the run's `write-amplification:*` and `tenant-isolation` checks
  (all of it when the prompt has none).
- Requirements and Trade-offs: the rubric alone.
- The score is the parts weighted as the prompt's rubric weighs them, plus bonus points, less
  misconception penalties, within 0..100.
- Level, on the seed's rubric: correctness (every check passed: staff; two thirds: senior),
  depth (Schema, Queries and Scaling rubric scores, mean 70 staff, 40 senior), breadth
  (Trade-offs 60 or a bonus point staff, 30 senior); the level is the median of the three,
  capped by the score: staff needs 75, senior 45.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from pgdojo.content.design import DESIGN_PARTS, DesignPrompt
from pgdojo.content.rubric import Rubric
from pgdojo.grading import FAIR_SCORE, STRONG_SCORE, Grade, grade
from pgdojo.tracks.design.results import RunResult
from pgdojo.tracks.design.submission import Submission

GOOD_RATIO, PARTIAL_RATIO = 2.0, 10.0
RUN_SHARE = {"estimation": 0.5, "schema": 0.5, "queries": 0.5, "scaling": 0.4}
LEVELS = ("junior", "senior", "staff")
MISSING_SHOWN = 6  # missing concepts in the feedback, heaviest first


@dataclass(frozen=True)
class EstimateGrade:
    name: str
    label: str
    expected: float
    given: float | None
    ratio: float | None
    verdict: str  # good, partial, off, missing
    formula: str

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class DesignGrade:
    score: int
    parts: dict[str, dict[str, Any]]
    level: str
    criteria: dict[str, str]
    estimates: list[EstimateGrade]
    feedback: list[dict[str, Any]] = field(default_factory=list)
    run: dict[str, Any] = field(default_factory=dict)
    rubric: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "parts": self.parts,
            "level": self.level,
            "criteria": self.criteria,
            "estimates": [e.to_dict() for e in self.estimates],
            "feedback": self.feedback,
            "run": self.run,
            "rubric": self.rubric,
        }


def grade_estimates(prompt: DesignPrompt, submission: Submission) -> list[EstimateGrade]:
    given = {e.name: e for e in submission.estimates}
    out = []
    for expected in prompt.meta.estimates:
        found = given.get(expected.name)
        if found is None or found.value <= 0:
            out.append(
                EstimateGrade(
                    expected.name,
                    expected.label,
                    expected.value,
                    None,
                    None,
                    "missing",
                    expected.formula,
                )
            )
            continue
        ratio = max(found.value / expected.value, expected.value / found.value)
        verdict = "good" if ratio <= GOOD_RATIO else "partial" if ratio <= PARTIAL_RATIO else "off"
        out.append(
            EstimateGrade(
                expected.name,
                expected.label,
                expected.value,
                found.value,
                round(ratio, 2),
                verdict,
                expected.formula,
            )
        )
    return out


def _share(run: RunResult, part: str) -> float | None:
    def belongs(name: str) -> bool:
        if part == "schema":
            return name == "schema" or name.startswith("index:")
        if part == "queries":
            return name.startswith(("correct:", "latency:")) or not any(
                name.startswith(p)
                for p in ("schema", "index:", "write-", "tenant-", "scale", "write:")
            )
        if part == "scaling":
            return name.startswith(("write-amplification:", "tenant-isolation", "write:"))
        return False

    checks = [c for c in run.checks if belongs(c.name)]
    if not checks:
        return None
    return sum(c.passed for c in checks) / len(checks)


def _section_grades(rubric: Rubric, submission: Submission) -> dict[str, Grade]:
    """Each part graded on its own section, against its own concepts."""
    out = {}
    for part in rubric.parts:
        text = submission.sections.get(part.id, "")
        if part.id in ("schema", "queries"):
            text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
        one = Rubric(parts=[part], concepts={part.id: rubric.concepts_of(part)})
        out[part.id] = grade(one, text)
    return out


def grade_design(prompt: DesignPrompt, submission: Submission, run: RunResult) -> DesignGrade:
    rubric = prompt.meta.to_rubric()
    written = grade(rubric, submission.prose())
    sections = _section_grades(rubric, submission)
    estimates = grade_estimates(prompt, submission)
    estimate_score = (
        100
        * sum({"good": 1.0, "partial": 0.5}.get(e.verdict, 0.0) for e in estimates)
        / len(estimates)
        if estimates
        else None
    )
    parts: dict[str, dict[str, Any]] = {}
    total = 0.0
    weights = {p.id: p.weight for p in DESIGN_PARTS}
    for part in DESIGN_PARTS:
        rubric_score = sections[part.id].parts[part.id].score
        run_score = estimate_score if part.id == "estimation" else _share(run, part.id)
        value = float(rubric_score)
        if run_score is not None and part.id in RUN_SHARE:
            share = RUN_SHARE[part.id]
            measured = run_score if part.id == "estimation" else 100 * run_score
            value = (1 - share) * rubric_score + share * measured
        parts[part.id] = {
            "label": part.label,
            "score": round(value),
            "rubric": rubric_score,
            "run": None
            if run_score is None
            else round(run_score if part.id == "estimation" else 100 * run_score),
        }
        total += weights[part.id] * value / sum(weights.values())
    bonus_points = sum(c.weight for c in written.bonus)
    bonus_total = sum(c.weight for c in rubric.bonus)
    if bonus_total:
        total += rubric.bonus_points * bonus_points / bonus_total
    total -= sum(m.penalty for m in written.misconceptions)
    if not run.passed and any(c.name == "schema" and not c.passed for c in run.checks):
        total = min(total, 40)  # a schema that does not run is not a design that works
    score = max(0, min(100, round(total)))

    passed = sum(c.passed for c in run.checks)
    ratio = passed / len(run.checks) if run.checks else 0.0
    correctness = "staff" if run.passed else "senior" if ratio >= 2 / 3 else "junior"
    depth_value = statistics.mean(
        sections[p].parts[p].score for p in ("schema", "queries", "scaling")
    )
    depth = "staff" if depth_value >= 70 else "senior" if depth_value >= 40 else "junior"
    breadth_value = sections["tradeoffs"].parts["tradeoffs"].score
    breadth = (
        "staff"
        if breadth_value >= 60 or written.bonus
        else "senior"
        if breadth_value >= 30
        else "junior"
    )
    criteria = {"correctness": correctness, "depth": depth, "breadth": breadth}
    median = int(statistics.median(LEVELS.index(v) for v in criteria.values()))
    # The score caps the level: staff needs STRONG_SCORE, senior FAIR_SCORE.
    cap = 2 if score >= STRONG_SCORE else 1 if score >= FAIR_SCORE else 0
    level = LEVELS[min(median, cap)]

    feedback: list[dict[str, Any]] = []
    for check in run.checks:
        if not check.passed:
            feedback.append({"message": f"{check.name}: {check.message}", "evidence": None})
    for leak in run.leaks:
        feedback.append({"message": f"leak — {leak.path}: {leak.message}", "evidence": None})
    for wrong in written.misconceptions:
        feedback.append(
            {"message": f"{wrong.claim} — {wrong.correction}", "evidence": wrong.evidence}
        )
    for e in estimates:
        if e.verdict in ("off", "missing"):
            feedback.append(
                {
                    "message": f"estimate {e.name} ({e.label}): "
                    + (
                        "missing from the Estimation table"
                        if e.given is None
                        else f"{e.given:,.0f} is {e.ratio}x off"
                    )
                    + f"; from the prompt's numbers: {e.formula} ≈ {e.expected:,.0f}",
                    "evidence": None,
                }
            )
    missing = [c for part in DESIGN_PARTS for c in sections[part.id].missing]
    for concept in sorted(missing, key=lambda c: -c.weight)[:MISSING_SHOWN]:
        label = next(p.label for p in DESIGN_PARTS if p.id == concept.part)
        feedback.append({"message": f"{label}: {concept.concept}", "evidence": None})
    rubric_dict = written.to_dict()
    covered = [c for part in DESIGN_PARTS for c in sections[part.id].covered]
    rubric_dict.update(
        parts={p.id: sections[p.id].parts[p.id].to_dict() for p in DESIGN_PARTS},
        covered=[c.id for c in covered],
        covered_detail=[c.to_dict() for c in covered],
        missing=[c.id for c in missing],
        missing_detail=[c.to_dict() for c in missing],
    )
    return DesignGrade(
        score=score,
        parts=parts,
        level=level,
        criteria=criteria,
        estimates=estimates,
        feedback=feedback,
        run=run.to_dict(),
        rubric=rubric_dict,
    )
