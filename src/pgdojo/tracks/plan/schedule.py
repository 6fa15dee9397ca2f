"""The seed's 6-week schedule, fitted to the weeks left and the hours given.

The seed: week 1 deep-dive explanations, recording yourself (2 h); week 2 SQL live coding
(3 h); week 3 system design with a database focus (3 h); week 4 troubleshooting scenarios
(2 h); week 5 mock interviews (3 h); week 6 full mocks of every type (4 h).

Fitting: the six phases are laid on a time line, one unit each, in order. A plan of W weeks
cuts the line into W equal weeks; each week takes the phases it overlaps, each for the share
of its unit the week covers, and that share of the phase's hours. Six weeks give the seed
exactly; three weeks pair the phases (deep dives with SQL, design with troubleshooting, mocks
with full mocks) and keep every hour; nine weeks spread each phase over a week and a half.
With `hours_per_week`, every week's hours are scaled to it, keeping each phase's share.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_WEEKS, MAX_WEEKS = 1, 26


@dataclass(frozen=True)
class Phase:
    focus: str  # deepdive, sql, design, troubleshooting, mock, full-mock
    title: str
    hours: float
    advice: str


SEED_PHASES = (
    Phase("deepdive", "Deep-dive explanations", 2, "Explain aloud and record yourself."),
    Phase("sql", "SQL live coding", 3, "Against the clock, then read the editorial."),
    Phase("design", "System design, database focus", 3, "Schema, queries, indexes, trade-offs."),
    Phase("troubleshooting", "Troubleshooting scenarios", 2, "Observe before you act."),
    Phase("mock", "Mock interviews", 3, "One round at a time, self-score before the grade."),
    Phase("full-mock", "Full mocks of every type", 4, "The whole loop, back to back."),
)


@dataclass(frozen=True)
class WeekShape:
    week: int
    # (phase, share of that phase's unit this week covers)
    phases: list[tuple[Phase, float]]
    hours: float

    @property
    def focus(self) -> str:
        """The week's main focus: the phase it spends most hours on."""
        return max(self.phases, key=lambda p: p[0].hours * p[1])[0].focus


def fit(weeks: int, hours_per_week: float | None = None) -> list[WeekShape]:
    """The seed's phases over `weeks` weeks (see the module docstring)."""
    weeks = max(MIN_WEEKS, min(MAX_WEEKS, weeks))
    units = len(SEED_PHASES)
    shapes = []
    for w in range(weeks):
        start, end = units * w / weeks, units * (w + 1) / weeks
        phases = []
        for i, phase in enumerate(SEED_PHASES):
            overlap = max(0.0, min(end, i + 1) - max(start, i))
            if overlap > 1e-9:
                phases.append((phase, overlap))
        hours = sum(p.hours * share for p, share in phases)
        if hours_per_week is not None:
            hours = hours_per_week
        shapes.append(WeekShape(w + 1, phases, round(hours, 2)))
    return shapes


def phase_hours(shape: WeekShape) -> dict[str, float]:
    """Hours of each phase in a week, scaled to the week's hours."""
    raw = {p.focus: p.hours * share for p, share in shape.phases}
    total = sum(raw.values()) or 1.0
    return {focus: round(shape.hours * h / total, 2) for focus, h in raw.items()}
