"""Progress and readiness, from the attempts of every track.

Readiness of an interview type, 0..100, shown with its formula so it can be argued with:

    readiness = 40% recent mock level + 30% coverage + 20% quality + 10% trend

- recent mock level: the mean level of the type's last three mock segments (junior 33,
  senior 67, staff 100); left out (and the other weights rescaled) until a mock is taken.
- coverage: the share of the track's items passed (problems solved, topics answered strong,
  incidents solved, families covered by a strong story).
- quality: the mean best score of the items tried; for deep dives, the mean of that and the
  flashcard pass rate of the last 30 days (retention).
- trend: 50 + the difference between the mean score of the last five attempts and of the five
  before (clamped to 0..100); left out with fewer than ten attempts.

Overall readiness is the mean of the types that have a track.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pgdojo.attempts import AttemptLog, TrackProgress
from pgdojo.registry import PracticeItem

WEIGHTS = {"mock": 0.4, "coverage": 0.3, "quality": 0.2, "trend": 0.1}
LEVEL_POINTS = {"junior": 33.0, "senior": 67.0, "staff": 100.0}
# Interview type -> (track, activity whose scores measure quality).
TYPES: dict[str, tuple[str, str | None]] = {
    "deepdive": ("deepdive", "answer"),
    "sql": ("sql", "problem"),
    "troubleshooting": ("lab", "incident"),
    "behavioral": ("story", "grade"),
    "design": ("design", None),
}
FORMULA = "readiness = 40% recent mock level + 30% coverage + 20% quality + 10% trend"


@dataclass(frozen=True)
class Readiness:
    type: str
    score: float | None
    inputs: dict[str, float | None]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "score": self.score, "inputs": self.inputs, "note": self.note}


@dataclass(frozen=True)
class ProgressReport:
    tracks: list[dict[str, Any]]
    readiness: list[Readiness]
    daily: list[dict[str, Any]]
    history: dict[str, list[dict[str, Any]]]
    overall: float | None
    formula: str = FORMULA
    mock_levels: list[dict[str, Any]] = field(default_factory=list)
    streak_days: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tracks": self.tracks,
            "readiness": {r.type: r.to_dict() for r in self.readiness},
            "overall": self.overall,
            "formula": self.formula,
            "daily": self.daily,
            "history": self.history,
            "mock_levels": self.mock_levels,
            "streak_days": self.streak_days,
        }


def _trend(scores: list[int]) -> float | None:
    if len(scores) < 10:
        return None
    recent, before = scores[-5:], scores[-10:-5]
    return max(0.0, min(100.0, 50 + sum(recent) / 5 - sum(before) / 5))


def readiness_score(inputs: dict[str, float | None]) -> float | None:
    """The weighted mean of the inputs that exist (the weights rescaled over them)."""
    present = {k: v for k, v in inputs.items() if v is not None}
    if not present or inputs.get("coverage") is None:
        return None
    total = sum(WEIGHTS[k] for k in present)
    return round(sum(WEIGHTS[k] * v for k, v in present.items()) / total, 1)


def streak(days: list[tuple[Any, float]], today: Any) -> int:
    """Consecutive days with practice, ending today (or yesterday: today may not be over)."""
    active = {day.date() if hasattr(day, "date") else day for day, seconds in days if seconds > 0}
    start = today if today in active else today - timedelta(days=1)
    count = 0
    while start - timedelta(days=count) in active:
        count += 1
    return count


def progress_report(
    attempts: AttemptLog,
    candidates: Callable[[str], list[PracticeItem]],
    titles: dict[str, str],
    mock_levels: Callable[[str], list[str]] | None = None,
    mock_history: Callable[[], dict[str, Any]] | None = None,
    details: Callable[[str], dict[str, Any]] | None = None,
) -> ProgressReport:
    """Every track's record and readiness per interview type."""
    tracks = []
    readiness = []
    for type_, (track, activity) in TYPES.items():
        items = candidates(track)
        if track not in titles:
            readiness.append(Readiness(type_, None, {}, "no track for this round yet"))
            continue
        summary: TrackProgress = attempts.track_progress(track, activity)
        passed = sum(i.mastered for i in items)
        coverage = 100.0 * passed / len(items) if items else None
        quality = summary.mean_best_score
        detail: dict[str, Any] = {"items": len(items), "mastered": passed}
        if track == "deepdive":
            reviews, rate = attempts.pass_rate("deepdive", "card")
            detail["card_reviews_30d"] = reviews
            detail["card_retention_30d"] = None if rate is None else round(100 * rate, 1)
            if rate is not None:
                quality = (quality if quality is not None else 100 * rate) / 2 + 50 * rate
        scores = [a.score for a in attempts.scores(track, activity) if a.score is not None]
        levels = mock_levels(type_)[-3:] if mock_levels else []
        inputs: dict[str, float | None] = {
            "mock": sum(LEVEL_POINTS[lv] for lv in levels) / len(levels) if levels else None,
            "coverage": None if coverage is None else round(coverage, 1),
            "quality": None if quality is None else round(quality, 1),
            "trend": _trend(scores),
        }
        note = "" if levels else "no mock of this type yet: its 40% is left out"
        readiness.append(Readiness(type_, readiness_score(inputs), inputs, note))
        if details is not None:
            detail["detail"] = details(track)
        tracks.append(
            {"track": track, "title": titles[track], "summary": summary.to_dict(), **detail}
        )
    scored = [r.score for r in readiness if r.score is not None]
    history = {
        t["track"]: [
            {"at": a.started_at.isoformat(), "score": a.score, "item": a.item_id}
            for a in attempts.scores(t["track"], TYPES_BY_TRACK.get(t["track"]))
        ]
        for t in tracks
    }
    active_days = attempts.daily_active_seconds(120)
    daily = [
        {"day": day.date().isoformat(), "minutes": round(seconds / 60, 1)}
        for day, seconds in active_days
    ]
    levels_over_mocks: list[dict[str, Any]] = []
    if mock_history is not None:
        for criterion, points in mock_history().get("criteria", {}).items():
            levels_over_mocks.extend({"criterion": criterion, **point} for point in points)
    return ProgressReport(
        tracks,
        readiness,
        daily,
        history,
        round(sum(scored) / len(scored), 1) if scored else None,
        mock_levels=levels_over_mocks,
        streak_days=streak(active_days, datetime.now(UTC).date()),
    )


TYPES_BY_TRACK = {track: activity for track, activity in TYPES.values()}
