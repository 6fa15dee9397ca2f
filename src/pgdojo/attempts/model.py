"""The attempt record and the progress summaries built from attempts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

# Active time: a gap between two signs of activity (an action, a heartbeat from a visible page)
# counts in full up to this cap; beyond it the candidate was away, and only the cap counts.
ACTIVE_GAP_CAP_S = 300


@dataclass(frozen=True)
class Attempt:
    """One sitting at one item of a track."""

    id: int
    track: str
    activity: str
    item_id: str
    started_at: datetime
    finished_at: datetime | None
    active_seconds: float
    score: int | None
    passed: bool
    hints_used: int
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def seconds_to_solve(self) -> float | None:
        """Active seconds until the item was passed; None while it is not."""
        return self.active_seconds if self.passed else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds_to_solve"] = self.seconds_to_solve
        return data


@dataclass(frozen=True)
class ItemProgress:
    """A user's record on one item: best score, passed ever, attempts and time spent."""

    item_id: str
    attempts: int
    best_score: int | None
    passed: bool
    active_seconds: float
    last_at: datetime | None


@dataclass(frozen=True)
class TrackProgress:
    """A user's record on one track (one activity or all of them)."""

    track: str
    attempts: int
    items_attempted: int
    items_passed: int
    mean_best_score: float | None
    active_seconds: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
