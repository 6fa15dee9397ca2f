"""The practice plan as a service: the seed's 6 weeks with pgdojo items, fitted, adapted."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pgdojo.attempts import AttemptLog
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.registry import PracticeItem
from pgdojo.store.plan import PlanStore, StoredPlan
from pgdojo.tracks.plan.progress import ProgressReport, progress_report
from pgdojo.tracks.plan.schedule import MAX_WEEKS, fit, phase_hours

TRACK = "plan"
# Which track's items train each focus of the seed's schedule; `design` falls back on the
# data-layer deep dives while no system-design track is registered.
FOCUS_TRACKS: dict[str, tuple[str, ...]] = {
    "deepdive": ("deepdive",),
    "sql": ("sql",),
    "design": ("design",),
    "troubleshooting": ("lab",),
    "mock": ("mock", "story"),
    "full-mock": ("mock",),
}
DATA_LAYER_TOPICS = (
    "sharding",
    "partitioning",
    "replication",
    "connection-pooling",
    "high-availability-failover",
    "backup-pitr",
)
# Within the mock track's items: the single rounds for week 5, the full loop for week 6.
FOCUS_FILTER: dict[str, Callable[[PracticeItem], bool]] = {
    "mock": lambda i: not i.item_id.startswith("full"),
    "full-mock": lambda i: i.track != "mock" or i.item_id.startswith("full"),
}
# Ahead or behind: the share of the week's hours done against the share of the week gone.
BEHIND_MARGIN = 0.25


@dataclass(frozen=True)
class PlanWeek:
    week: int
    starts_on: date
    focus: str
    title: str
    hours: float
    hours_by_focus: dict[str, float]
    advice: list[str]
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "starts_on": self.starts_on.isoformat(),
            "focus": self.focus,
            "title": self.title,
            "hours": self.hours,
            "hours_by_focus": self.hours_by_focus,
            "advice": self.advice,
            "items": self.items,
        }


@dataclass(frozen=True)
class Plan:
    interview_date: date
    starts_on: date
    hours_per_week: float | None
    weeks: list[PlanWeek]

    def to_dict(self) -> dict[str, Any]:
        return {
            "interview_date": self.interview_date.isoformat(),
            "starts_on": self.starts_on.isoformat(),
            "hours_per_week": self.hours_per_week,
            "weeks": [w.to_dict() for w in self.weeks],
        }


@dataclass(frozen=True)
class WeekProgress:
    """This week against the plan: hours done from recorded active time, items done/left."""

    week: PlanWeek
    day: int  # 1..7
    hours_done: float
    items_done: list[dict[str, Any]]
    items_left: list[dict[str, Any]]
    behind: bool
    drop: list[dict[str, Any]] = field(default_factory=list)
    days_to_interview: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "week": self.week.to_dict(),
            "day": self.day,
            "hours_done": round(self.hours_done, 2),
            "hours_planned": self.week.hours,
            "items_done": self.items_done,
            "items_left": self.items_left,
            "behind": self.behind,
            "drop": self.drop,
            "days_to_interview": self.days_to_interview,
        }


Candidates = Callable[[str], list[PracticeItem]]


class PlanTrack:
    """Makes, shows and exports the plan; reads every track through the registry."""

    def __init__(
        self,
        store: PlanStore,
        attempts: AttemptLog,
        candidates: Candidates,
        titles: dict[str, str] | None = None,
        mock_levels: Callable[[str], list[str]] | None = None,
        mock_history: Callable[[], dict[str, Any]] | None = None,
        details: Callable[[str], dict[str, Any]] | None = None,
    ) -> None:
        self.store = store
        self.attempts = attempts
        # track id -> that track's practice items, weakest first ([] when not registered)
        self.candidates = candidates
        self.titles = titles or {}
        # interview type -> the levels of its mock segments, oldest first
        self.mock_levels = mock_levels
        # levels per criterion over the finished mocks
        self.mock_history = mock_history
        # track id -> the track's own progress figures
        self.details = details

    def progress(self) -> ProgressReport:
        """Every track's record and the readiness per interview type, with the formula."""
        return progress_report(
            self.attempts,
            self.candidates,
            self.titles,
            self.mock_levels,
            self.mock_history,
            self.details,
        )

    # -- making the plan -------------------------------------------------------------------
    def init(
        self,
        interview_date: date,
        hours_per_week: float | None = None,
        today: date | None = None,
    ) -> Plan:
        today = today or datetime.now(UTC).date()
        days = (interview_date - today).days
        if days < 1:
            raise UsageError(f"the interview date must be after today ({today.isoformat()})")
        if hours_per_week is not None and not 0.5 <= hours_per_week <= 60:
            raise UsageError("--hours-per-week must be between 0.5 and 60")
        weeks = max(1, min(MAX_WEEKS, math.ceil(days / 7)))
        shapes = fit(weeks, hours_per_week)
        pools = {focus: self._pool(focus) for focus in FOCUS_TRACKS}
        planned = []
        for shape in shapes:
            hours = phase_hours(shape)
            items: list[dict[str, Any]] = []
            for focus, focus_hours in hours.items():
                budget = focus_hours * 60
                pool = pools[focus]
                while pool and budget >= pool[0].minutes * 0.5:
                    item = pool.pop(0)
                    budget -= item.minutes
                    items.append({**item.to_dict(), "focus": focus})
            planned.append(
                PlanWeek(
                    week=shape.week,
                    starts_on=today + timedelta(days=7 * (shape.week - 1)),
                    focus=shape.focus,
                    title=" + ".join(p.title for p, _ in shape.phases),
                    hours=shape.hours,
                    hours_by_focus=hours,
                    advice=[p.advice for p, _ in shape.phases],
                    items=items,
                )
            )
        plan = Plan(interview_date, today, hours_per_week, planned)
        self.store.save(interview_date, today, hours_per_week, [w.to_dict() for w in planned])
        return plan

    def _pool(self, focus: str) -> list[PracticeItem]:
        """The items for a focus, weakest first, mastered ones skipped."""
        items: list[PracticeItem] = []
        for track in FOCUS_TRACKS[focus]:
            items.extend(self.candidates(track))
        keep = FOCUS_FILTER.get(focus)
        if keep:
            items = [i for i in items if keep(i)]
        if focus == "design" and not items:
            items = [i for i in self.candidates("deepdive") if i.item_id in DATA_LAYER_TOPICS]
        return [i for i in items if not i.mastered]

    # -- reading it ------------------------------------------------------------------------
    def _stored(self) -> StoredPlan:
        stored = self.store.get()
        if stored is None:
            raise NotFoundError(
                "no plan yet: `pgdojo plan init --interview-date YYYY-MM-DD` makes one"
            )
        return stored

    def plan(self) -> Plan:
        stored = self._stored()
        return Plan(
            stored.interview_date,
            stored.starts_on,
            stored.hours_per_week,
            [_week(w) for w in stored.weeks],
        )

    def show(self, today: date | None = None) -> WeekProgress:
        """This week: hours done against planned, items done and left; what to drop if behind."""
        today = today or datetime.now(UTC).date()
        plan = self.plan()
        index = max(0, min(len(plan.weeks) - 1, (today - plan.starts_on).days // 7))
        week = plan.weeks[index]
        start = datetime.combine(week.starts_on, time.min, UTC)
        end = start + timedelta(days=7)
        done_seconds = sum(self.attempts.active_seconds_by_track(start, end).values())
        passed = self.attempts.passed_since(datetime.combine(plan.starts_on, time.min, UTC))
        done = [i for i in week.items if (i["track"], i["item_id"]) in passed]
        left = [i for i in week.items if (i["track"], i["item_id"]) not in passed]
        day = min(7, max(1, (today - week.starts_on).days + 1))
        hours_done = done_seconds / 3600
        behind = week.hours > 0 and hours_done / week.hours + BEHIND_MARGIN < day / 7
        drop: list[dict[str, Any]] = []
        if behind:
            # Keep what fits in the hours left at the pace planned; drop the rest, last first.
            capacity = week.hours * (7 - day + 1) / 7 * 60
            kept = 0.0
            for item in left:
                kept += item["minutes"]
                if kept > capacity:
                    drop.append(item)
        return WeekProgress(
            week, day, hours_done, done, left, behind, drop, (plan.interview_date - today).days
        )

    def today(self, today: date | None = None) -> dict[str, Any]:
        """Today's share of this week's items left."""
        today = today or datetime.now(UTC).date()
        progress = self.show(today)
        days_left = 7 - progress.day + 1
        share = math.ceil(len(progress.items_left) / days_left) if progress.items_left else 0
        return {
            "date": today.isoformat(),
            "week": progress.week.week,
            "focus": progress.week.focus,
            "items": progress.items_left[:share],
            "behind": progress.behind,
            "days_to_interview": progress.days_to_interview,
        }

    def reset(self) -> dict[str, Any]:
        return {"reset": self.store.delete()}


def _week(data: dict[str, Any]) -> PlanWeek:
    return PlanWeek(
        week=int(data["week"]),
        starts_on=date.fromisoformat(data["starts_on"]),
        focus=data["focus"],
        title=data["title"],
        hours=float(data["hours"]),
        hours_by_focus=dict(data["hours_by_focus"]),
        advice=list(data["advice"]),
        items=list(data["items"]),
    )
