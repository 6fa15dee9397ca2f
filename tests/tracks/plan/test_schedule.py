"""Fitting the seed's 6-week schedule to the weeks left and the hours given."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pgdojo.tracks.plan.schedule import SEED_PHASES, fit, phase_hours

SEED = [
    ("deepdive", 2),
    ("sql", 3),
    ("design", 3),
    ("troubleshooting", 2),
    ("mock", 3),
    ("full-mock", 4),
]


def test_six_weeks_is_the_seed() -> None:
    weeks = fit(6)
    assert [(w.focus, w.hours) for w in weeks] == SEED
    assert all(len(w.phases) == 1 for w in weeks)


def test_three_weeks_pair_the_phases_and_keep_every_hour() -> None:
    weeks = fit(3)
    assert [[p.focus for p, _ in w.phases] for w in weeks] == [
        ["deepdive", "sql"],
        ["design", "troubleshooting"],
        ["mock", "full-mock"],
    ]
    assert [w.hours for w in weeks] == [5, 5, 7]


def test_hours_per_week_scale_each_week_keeping_the_shares() -> None:
    weeks = fit(3, hours_per_week=10)
    assert [w.hours for w in weeks] == [10, 10, 10]
    assert phase_hours(weeks[0]) == {"deepdive": 4.0, "sql": 6.0}


@given(st.integers(min_value=1, max_value=26))
def test_any_length_keeps_the_order_and_the_total(weeks: int) -> None:
    shapes = fit(weeks)
    order = [p.focus for w in shapes for p, _ in w.phases]
    deduplicated = [f for i, f in enumerate(order) if i == 0 or order[i - 1] != f]
    assert deduplicated == [p.focus for p in SEED_PHASES]
    assert abs(sum(w.hours for w in shapes) - sum(p.hours for p in SEED_PHASES)) < 0.1
