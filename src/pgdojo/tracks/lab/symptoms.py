"""Latency symptoms from the workload's metrics: percentiles, thresholds, baselines.

The workload writes one line a second to metrics.jsonl with that second's percentiles (stuck
operations counted with their age so far); `state.recent_metrics` sums the last few seconds up
for `Scenario.measure`. A scenario whose symptom is "the application is slow" compares that
p95 with a fixed limit, or with the p95 the workload had before the incident began.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pgdojo.tracks.lab.state import METRICS_FILE, read_jsonl


def percentile(ordered: Sequence[float], q: float) -> float | None:
    """The q-quantile (0..1) of ascending values, nearest rank, rounded to 0.1; None if none."""
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def p95_at_least(measured: Mapping[str, Any], limit_ms: float) -> bool:
    """The workload's recent p95 is at or over `limit_ms` (no operations: not slow)."""
    return float(measured.get("p95_ms") or 0.0) >= limit_ms


def baseline_p95(root: Path, before: float | None) -> float | None:
    """The median per-second p95 up to time `before` (all of them when None): the healthy
    latency to compare with. A slow start falls back on the first second on record."""
    records = [r for r in read_jsonl(root / METRICS_FILE) if r.get("p95_ms") is not None]
    values = sorted(r["p95_ms"] for r in records if before is None or r["t"] <= before)
    if not values and records:
        values = [records[0]["p95_ms"]]
    return values[len(values) // 2] if values else None
