"""Mock interviews as a service: timed segments played through the tracks, a self-score
asked before the grade, a report on the seed's rubric, and the history of mocks."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pgdojo.attempts import AttemptLog
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.store.mock import MockStore, StoredMock, StoredSegment
from pgdojo.tracks.mock.criteria import (
    CRITERIA,
    Mark,
    calibration,
    combine,
    level_value,
    overall,
    segment_level,
)
from pgdojo.tracks.mock.rounds import TIME_BOXES, Round

TRACK = "mock"
KINDS = ("deepdive", "design", "sql", "troubleshooting", "behavioral")
# The full loop in the seed's order; the short variant gives each round a third of its box.
FULL = KINDS
SHORT_SHARE = 1 / 3
MAX_MINUTES = 300


@dataclass(frozen=True)
class SegmentView:
    position: int
    kind: str
    track: str
    item_id: str
    prompt: dict[str, Any]
    minutes: float
    started: bool
    finished: bool
    seconds_left: float | None
    answers: int
    follow_up: str | None
    visible: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class MockView:
    id: int
    kind: str
    created_at: datetime
    finished: bool
    current: int
    segments: list[SegmentView]

    @property
    def segment(self) -> SegmentView | None:
        return self.segments[self.current] if self.current < len(self.segments) else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "created_at": self.created_at.isoformat(),
            "finished": self.finished,
            "current": self.current,
            "segment": self.segment.to_dict() if self.segment else None,
            "segments": [s.to_dict() for s in self.segments],
        }


def _seconds_left(segment: StoredSegment, now: datetime) -> float | None:
    if segment.started_at is None:
        return None
    end = segment.finished_at or now
    return round(segment.minutes * 60 - (end - segment.started_at).total_seconds(), 1)


class MockTrack:
    """Runs mocks over the rounds it is given (one per kind, built from the tracks)."""

    def __init__(self, store: MockStore, rounds: dict[str, Round], attempts: AttemptLog) -> None:
        self.store = store
        self.rounds = rounds
        self.attempts = attempts

    # -- running a mock --------------------------------------------------------------------
    def start(
        self,
        kind: str = "full",
        item_id: str | None = None,
        minutes: float | None = None,
        short: bool = False,
    ) -> MockView:
        kinds = FULL if kind == "full" else (kind,)
        if kind != "full" and kind not in KINDS:
            raise UsageError(f"--type must be one of {', '.join((*KINDS, 'full'))} (got {kind!r})")
        if item_id and kind == "full":
            raise UsageError("--item picks the item of a one-round mock: give --type too")
        if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
            raise UsageError(f"--minutes must be between 1 and {MAX_MINUTES}")
        missing = [k for k in kinds if k not in self.rounds]
        if missing:
            raise UsageError(f"no track plays the {', '.join(missing)} round yet")
        boxes = {k: TIME_BOXES[k][0] * (SHORT_SHARE if short else 1) for k in kinds}
        if minutes is not None:
            scale = minutes / sum(boxes.values())
            boxes = {k: v * scale for k, v in boxes.items()}
        segments = []
        for k in kinds:
            round_ = self.rounds[k]
            item = round_.pick(item_id)
            segments.append(
                {
                    "kind": k,
                    "track": round_.track,
                    "item_id": item,
                    "prompt": round_.prompt(item),
                    "minutes": round(boxes[k], 1),
                }
            )
        mock_id = self.store.create(kind + ("-short" if short else ""), segments)
        self._begin(mock_id, 0)
        return self.view(mock_id)

    def _begin(self, mock_id: int, position: int) -> None:
        mock = self._mock(mock_id)
        if position >= len(mock.segments):
            return
        segment = mock.segments[position]
        extra = self.rounds[segment.kind].begin(segment.item_id)
        if extra:
            self.store.update_segment(
                mock_id, position, prompt={**segment.prompt, **extra}, follow_up=segment.follow_up
            )

    def _mock(self, mock_id: int) -> StoredMock:
        mock = self.store.get(mock_id)
        if mock is None:
            raise NotFoundError(f"no mock {mock_id}; `pgdojo mock list` shows yours")
        return mock

    def view(self, mock_id: int) -> MockView:
        mock = self._mock(mock_id)
        return MockView(
            mock.id,
            mock.kind,
            mock.created_at,
            mock.finished_at is not None,
            mock.current,
            [
                SegmentView(
                    s.position,
                    s.kind,
                    s.track,
                    s.item_id,
                    s.prompt,
                    s.minutes,
                    s.started_at is not None,
                    s.finished_at is not None,
                    _seconds_left(s, mock.now),
                    len(s.answers),
                    s.follow_up,
                    s.answers[-1].get("visible") if s.answers else None,
                )
                for s in mock.segments
            ],
        )

    def _current(self, mock_id: int) -> tuple[StoredMock, StoredSegment]:
        mock = self._mock(mock_id)
        if mock.finished_at is not None:
            raise UsageError(f"mock {mock_id} is finished: `pgdojo mock report {mock_id}`")
        if mock.current >= len(mock.segments):
            raise UsageError(f"every segment is done: `pgdojo mock finish {mock_id}`")
        return mock, mock.segments[mock.current]

    def answer(self, mock_id: int, text: str) -> MockView:
        """Answer the current segment (or its follow-up); the grade waits for the report."""
        if not text.strip():
            raise UsageError("the answer is empty")
        mock, segment = self._current(mock_id)
        outcome = self.rounds[segment.kind].answer(segment.item_id, text, segment.answers)
        answers = [
            *segment.answers,
            {
                "text": text,
                "at": mock.now.isoformat(),
                "follow_up": segment.follow_up,
                "result": outcome.result,
                "score": outcome.score,
                "visible": outcome.visible,
                "attempt_id": outcome.result.get("attempt_id"),
            },
        ]
        best = max(a["score"] for a in answers)
        self.store.update_segment(
            mock_id, segment.position, answers=answers, follow_up=outcome.follow_up, score=best
        )
        return self.view(mock_id)

    def next(self, mock_id: int) -> MockView:
        """Close the current segment and start the next."""
        _, segment = self._current(mock_id)
        self.rounds[segment.kind].end(segment.item_id)
        self.store.advance(mock_id, segment.position)
        self._begin(mock_id, segment.position + 1)
        return self.view(mock_id)

    # -- the report ------------------------------------------------------------------------
    def finish(self, mock_id: int, self_levels: dict[str, str] | None = None) -> dict[str, Any]:
        """Grade the mock against the seed's rubric, beside the self-score given first."""
        mock = self._mock(mock_id)
        if mock.finished_at is not None and mock.report is not None:
            return _in_order(mock.report)
        if mock.current < len(mock.segments):
            segment = mock.segments[mock.current]
            self.rounds[segment.kind].end(segment.item_id)
        all_marks: list[Mark] = []
        segments: list[dict[str, Any]] = []
        for s in mock.segments:
            marks = self.rounds[s.kind].marks(s.item_id, s.answers) if s.kind in self.rounds else []
            all_marks.extend(marks)
            used = None
            if s.started_at is not None:
                end = s.finished_at or mock.now
                used = round((end - s.started_at).total_seconds() / 60, 1)
            segments.append(
                {
                    "kind": s.kind,
                    "item_id": s.item_id,
                    "title": s.prompt.get("title"),
                    "answered": bool(s.answers),
                    "score": s.score if s.answers else None,
                    "level": segment_level(marks),
                    "minutes": s.minutes,
                    "minutes_used": used,
                    "marks": [m.to_dict() for m in marks],
                    "follow_ups_asked": [a["follow_up"] for a in s.answers if a.get("follow_up")],
                }
            )
        criteria = combine(all_marks)
        report = {
            "id": mock_id,
            "kind": mock.kind,
            "created_at": mock.created_at.isoformat(),
            "criteria": criteria,
            "overall": overall(criteria),
            "self": self_levels or None,
            "calibration": calibration(criteria, self_levels),
            "segments": segments,
            "practise_next": _practise_next(criteria, segments),
        }
        self.store.finish(mock_id, self_levels, report)
        answered = [int(s["score"]) for s in segments if s["score"] is not None]
        score = round(statistics.mean(answered)) if answered else 0
        self.attempts.record_once(
            TRACK,
            mock.kind,
            str(mock_id),
            score,
            report["overall"] in ("senior", "staff"),
            detail={"overall": report["overall"]},
        )
        return report

    def report(self, mock_id: int) -> dict[str, Any]:
        mock = self._mock(mock_id)
        if mock.report is None:
            raise UsageError(
                f"mock {mock_id} is not finished: `pgdojo mock finish {mock_id} --self ...` "
                "(your self-score comes before the grade)"
            )
        return _in_order(mock.report)

    def list_mocks(self) -> list[dict[str, Any]]:
        return [
            {
                "id": m["id"],
                "kind": m["kind"],
                "created_at": m["created_at"].isoformat(),
                "finished": m["finished_at"] is not None,
                "overall": m["overall"],
            }
            for m in self.store.all()
        ]

    def history(self) -> dict[str, Any]:
        """Levels per criterion over the finished mocks, and their spread: one mock is noisy."""
        finished = [m for m in self.store.all() if m["criteria"]]
        series = {
            c: [
                {
                    "mock": m["id"],
                    "at": m["created_at"].isoformat(),
                    "level": m["criteria"][c]["level"],
                }
                for m in finished
                if m["criteria"][c]["level"]
            ]
            for c in CRITERIA
        }
        spread = {}
        for c, points in series.items():
            values = [level_value(p["level"]) for p in points]
            spread[c] = {
                "mocks": len(values),
                "mean": round(statistics.mean(values), 2) if values else None,
                "stdev": round(statistics.pstdev(values), 2) if len(values) > 1 else None,
            }
        return {"criteria": series, "spread": spread, "mocks": len(finished)}

    def segment_levels(self, kind: str) -> list[str]:
        return self.store.segment_levels(kind)


def _in_order(report: dict[str, Any]) -> dict[str, Any]:
    """A stored report with its criteria in the rubric's order (jsonb keeps no key order)."""
    criteria = report.get("criteria") or {}
    return {**report, "criteria": {c: criteria[c] for c in CRITERIA if c in criteria}}


_ADVICE = {
    "correctness": "edge cases first: ties, NULLs, empty groups; then check your claims",
    "depth": "say why, then the trade-offs: How and Trade-offs carry the deep-dive grade",
    "breadth": "bring a second option and compare it (another engine, another design)",
    "communication": "structure the answer aloud: What, Why, How, Trade-offs; STAR-T",
    "experience": "tell real stories with figures: build the story bank",
}


def _practise_next(
    criteria: dict[str, dict[str, Any]], segments: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """For each criterion below staff, what to do, with the items of the rounds that set it."""
    out = []
    for criterion, data in criteria.items():
        if data["level"] in (None, "staff"):
            continue
        items = [
            {"kind": s["kind"], "item_id": s["item_id"], "title": s["title"]}
            for s in segments
            if any(m["criterion"] == criterion and m["level"] != "staff" for m in s["marks"])
        ]
        out.append(
            {
                "criterion": criterion,
                "level": data["level"],
                "advice": _ADVICE[criterion],
                "items": items,
            }
        )
    return sorted(out, key=lambda p: level_value(p["level"]))


def report_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown (printable, exportable)."""
    lines = [f"# Mock {report['id']} ({report['kind']}): {report['overall'] or 'not graded'}", ""]
    lines += ["| criterion | level | you said | evidence |", "|---|---|---|---|"]
    mine = report.get("self") or {}
    for criterion, data in report["criteria"].items():
        evidence = "; ".join(data["evidence"]) or "not assessed in this mock"
        lines.append(
            f"| {criterion} | {data['level'] or '—'} | {mine.get(criterion, '—')} | "
            f"{evidence.replace('|', '/')} |"
        )
    if report.get("calibration") and report["calibration"].get("mean_gap") is not None:
        cal = report["calibration"]
        lines += ["", f"Calibration: {cal['direction']} (mean gap {cal['mean_gap']:+} levels)."]
    lines += ["", "## Segments", ""]
    for s in report["segments"]:
        score = "unanswered" if s["score"] is None else f"{s['score']}/100, {s['level']}"
        lines.append(
            f"- {s['kind']}: {s['title']} ({s['item_id']}) — {score}; "
            f"{s['minutes_used'] or 0} of {s['minutes']} min"
        )
    if report["practise_next"]:
        lines += ["", "## Practise next", ""]
        for p in report["practise_next"]:
            items = ", ".join(i["item_id"] for i in p["items"]) or "—"
            lines.append(f"- {p['criterion']} ({p['level']}): {p['advice']}. Items: {items}")
    return "\n".join(lines) + "\n"
