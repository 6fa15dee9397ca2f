"""The seed's rubric: how each round's outcome sets a level on each criterion, in one place.

Criteria: Correctness (gets basics right / handles edge cases / anticipates issues), Depth
(surface / explains why / discusses trade-offs), Breadth (single approach / multiple options /
cross-system thinking), Communication (needs prompting / clear structure / teaches
effectively), Experience (theoretical / real examples / war stories). Levels are junior (1),
senior (2), staff (3). A round sets only the criteria it gives evidence for:

- Deep dive:
  correctness: no misconception and a score of 75 staff, 45 senior; depth: the How and
  Trade-offs parts, mean 75 staff, 45 senior; breadth: the Comparison part at 50% or two bonus
  points staff, any of them senior; communication: 8 explanatory sentences over 4 parts staff,
  4 over 3 senior.
- Design: the design grade's own levels for correctness (the checks at scale), depth
  (Schema, Queries, Scaling) and breadth (Trade-offs); communication: 12 explanatory sentences
  with all four written sections earning points staff, 6 with three senior.
- SQL: correctness: accepted at the first submission without hints staff, accepted senior.
- Troubleshooting: correctness: solved without a trap staff, solved senior; depth: root cause
  named and prevention in place staff, one of them senior; communication: the method score,
  80 staff, 50 senior.
- Behavioral: correctness: a quantified result and no false claim, staff when the Technical
  part reaches 75, else senior; depth: the Technical part, 75 staff, 40 senior; breadth: the
  scope, several teams staff, a team senior; communication: five parts, 2-3 minutes and first
  person at 0.5 staff, four parts and 1-4 minutes senior; experience: war stories staff, real
  examples senior.

A criterion's level over a mock is the mean of its rounds' levels (from 2.5 staff, from 1.5
senior); the overall level is the median of the criteria assessed. Calibration is the
self-score minus the grade, per criterion, in levels (+1: you rated yourself one level high).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

CRITERIA = ("correctness", "depth", "breadth", "communication", "experience")
LEVELS = ("junior", "senior", "staff")


def level_name(value: float) -> str:
    return "staff" if value >= 2.5 else "senior" if value >= 1.5 else "junior"


def level_value(name: str) -> int:
    return LEVELS.index(name) + 1


@dataclass(frozen=True)
class Mark:
    """A criterion's level from one round, with the evidence that set it."""

    criterion: str
    level: int
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "level": LEVELS[self.level - 1],
            "evidence": self.evidence,
        }


def _band(value: float, staff: float, senior: float) -> int:
    return 3 if value >= staff else 2 if value >= senior else 1


def _quote(text: str | None, limit: int = 160) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def deepdive_marks(grade: dict[str, Any]) -> list[Mark]:
    parts = grade["parts"]
    wrong = grade["misconceptions"]
    score = grade["score"]
    if wrong:
        correctness = Mark(
            "correctness", 1, f"asserted: {wrong[0]['claim']} {_quote(wrong[0]['evidence'])}"
        )
    else:
        correctness = Mark(
            "correctness", _band(score, 75, 45), f"no misconception; the answer scored {score}/100"
        )
    deep_parts = [parts[p]["score"] for p in ("how", "tradeoffs") if p in parts]
    depth_value = statistics.mean(deep_parts) if deep_parts else 0
    deep_evidence = next(
        (c["evidence"] for c in grade["covered_detail"] if c["part"] in ("how", "tradeoffs")), None
    )
    depth = Mark(
        "depth",
        _band(depth_value, 75, 45),
        f"How and Trade-offs covered {depth_value:.0f}% {_quote(deep_evidence)}".strip(),
    )
    comparison = parts.get("comparison", {}).get("score", 0)
    bonus = grade["bonus"]
    breadth_level = 3 if comparison >= 50 or len(bonus) >= 2 else 2 if comparison or bonus else 1
    breadth = Mark(
        "breadth",
        breadth_level,
        f"comparison {comparison}%, {len(bonus)} bonus point(s) "
        + _quote(bonus[0]["evidence"] if bonus else None),
    )
    sentences = grade["explanatory_sentences"]
    covered_parts = sum(1 for p in parts.values() if p["score"] > 0)
    communication = Mark(
        "communication",
        3
        if sentences >= 8 and covered_parts >= 4
        else 2
        if sentences >= 4 and covered_parts >= 3
        else 1,
        f"{sentences} explanatory sentences over {covered_parts} parts, "
        f"~{grade['spoken_minutes']} min",
    )
    return [correctness, depth, breadth, communication]


def design_marks(grade: dict[str, Any]) -> list[Mark]:
    """A design round: the design grade's own criteria, with the run's evidence."""
    run = grade["run"]
    failed = [c for c in run["checks"] if not c["passed"]]
    levels = {name: LEVELS.index(level) + 1 for name, level in grade["criteria"].items()}
    correctness = Mark(
        "correctness",
        levels["correctness"],
        f"{len(run['checks']) - len(failed)}/{len(run['checks'])} checks passed at scale"
        + (f"; failed {failed[0]['name']}: {failed[0]['message']}" if failed else ""),
    )
    parts = grade["parts"]
    depth = Mark(
        "depth",
        levels["depth"],
        f"schema {parts['schema']['score']}, queries {parts['queries']['score']}, "
        f"scaling {parts['scaling']['score']}",
    )
    breadth = Mark("breadth", levels["breadth"], f"trade-offs {parts['tradeoffs']['score']}")
    sentences = grade["rubric"]["explanatory_sentences"]
    written = sum(
        1 for p in ("requirements", "estimation", "scaling", "tradeoffs") if parts[p]["rubric"]
    )
    communication = Mark(
        "communication",
        3 if sentences >= 12 and written == 4 else 2 if sentences >= 6 and written >= 3 else 1,
        f"{sentences} explanatory sentences; {written}/4 written sections earn rubric points",
    )
    return [correctness, depth, breadth, communication]


def sql_marks(result: dict[str, Any], submissions: int, hints: int) -> list[Mark]:
    if result["verdict"] == "accepted":
        first = submissions == 1 and hints == 0
        return [
            Mark(
                "correctness",
                3 if first else 2,
                f"accepted on {result['total_cases']} cases"
                + (
                    " at the first submission, no hints"
                    if first
                    else f" after {submissions} submission(s), {hints} hint(s)"
                ),
            )
        ]
    case = result.get("failed_case") or "a case"
    return [Mark("correctness", 1, f"{result['verdict']} on {case}: {result['message']}")]


def lab_marks(check: Mapping[str, Any]) -> list[Mark]:
    findings = {f["name"]: f for f in check["findings"]}
    traps = check["traps"]
    if check["solved"]:
        correctness = Mark(
            "correctness",
            2 if traps else 3,
            "solved" + (f", but fell into {traps[0]['name']}" if traps else " without a trap"),
        )
    else:
        correctness = Mark(
            "correctness", 1, findings.get("symptom", {}).get("detail", "not solved")
        )
    both = check["detect"] and check["prevention"]
    depth = Mark(
        "depth",
        3 if both else 2 if check["detect"] or check["prevention"] else 1,
        f"root cause named: {'yes' if check['detect'] else 'no'}; prevention in place: "
        f"{'yes' if check['prevention'] else 'no'}",
    )
    method = check["investigation"]
    phases = " → ".join(p for p, ok in method["phases"].items() if ok) or "no phase"
    communication = Mark(
        "communication",
        _band(method["score"], 80, 50),
        f"method {method['score']}/100 ({phases})"
        + (f"; {method['notes'][0]}" if method["notes"] else ""),
    )
    return [correctness, depth, communication]


def story_marks(grade: dict[str, Any]) -> list[Mark]:
    parts = grade["parts"]
    technical = parts["technical"]["score"]
    wrong = grade["misconceptions"]
    if wrong:
        correctness = Mark(
            "correctness", 1, f"false claim: {wrong[0]['claim']} {_quote(wrong[0]['evidence'])}"
        )
    elif grade["quantified_result"]:
        correctness = Mark(
            "correctness", 3 if technical >= 75 else 2, "a quantified result and no false claim"
        )
    else:
        correctness = Mark("correctness", 1, "the result has no figure that measures the outcome")
    mechanism = grade["mechanisms"][0]["evidence"] if grade["mechanisms"] else None
    depth = Mark(
        "depth",
        _band(technical, 75, 40),
        f"{len(grade['mechanisms'])} mechanism(s) explained {_quote(mechanism)}".strip(),
    )
    scope = grade["scope"]
    breadth = Mark("breadth", {"several teams": 3, "a team": 2}.get(scope, 1), f"scope: {scope}")
    present = sum(1 for p in parts.values() if p["present"])
    spoken = grade["spoken_seconds"]
    ratio = grade["first_person_ratio"]
    if present == 5 and 120 <= spoken <= 180 and ratio >= 0.5:
        communication_level = 3
    elif present >= 4 and 60 <= spoken <= 240:
        communication_level = 2
    else:
        communication_level = 1
    communication = Mark(
        "communication",
        communication_level,
        f"{present}/5 parts, ~{spoken // 60} min {spoken % 60:02d} s, first person {ratio:.0%}",
    )
    experience = Mark(
        "experience",
        {"war stories": 3, "real examples": 2}.get(grade["experience"], 1),
        grade["experience"],
    )
    return [correctness, depth, breadth, communication, experience]


def segment_level(marks: list[Mark]) -> str | None:
    return level_name(statistics.mean(m.level for m in marks)) if marks else None


def combine(marks: list[Mark]) -> dict[str, dict[str, Any]]:
    """Each criterion's level over the mock and its evidence; None where no round gave any."""
    out: dict[str, dict[str, Any]] = {}
    for criterion in CRITERIA:
        found = [m for m in marks if m.criterion == criterion]
        out[criterion] = {
            "level": level_name(statistics.mean(m.level for m in found)) if found else None,
            "evidence": [m.evidence for m in found],
        }
    return out


def overall(criteria: dict[str, dict[str, Any]]) -> str | None:
    values = [level_value(c["level"]) for c in criteria.values() if c["level"]]
    return level_name(statistics.median(values)) if values else None


def calibration(
    criteria: dict[str, dict[str, Any]], self_levels: dict[str, str] | None
) -> dict[str, Any] | None:
    """Self-score minus grade per criterion (in levels), the mean gap and its direction."""
    if not self_levels:
        return None
    gaps = {
        c: level_value(self_levels[c]) - level_value(criteria[c]["level"])
        for c in CRITERIA
        if c in self_levels and criteria[c]["level"]
    }
    if not gaps:
        return {"gaps": {}, "mean_gap": None, "direction": "no criterion to compare"}
    mean = round(statistics.mean(gaps.values()), 2)
    direction = (
        "over-confident" if mean >= 0.5 else "under-confident" if mean <= -0.5 else "calibrated"
    )
    return {"gaps": gaps, "mean_gap": mean, "direction": direction}


def parse_self(text: str) -> dict[str, str]:
    """'correctness=senior,depth=staff' -> {criterion: level}; raises ValueError naming the
    bad part."""
    levels: dict[str, str] = {}
    for chunk in filter(None, (c.strip() for c in text.split(","))):
        name, _, level = chunk.partition("=")
        name, level = name.strip().lower(), level.strip().lower()
        if name not in CRITERIA:
            raise ValueError(f"unknown criterion {name!r} (criteria: {', '.join(CRITERIA)})")
        if level not in LEVELS:
            raise ValueError(f"{name}: level must be junior, senior or staff (got {level!r})")
        levels[name] = level
    return levels
