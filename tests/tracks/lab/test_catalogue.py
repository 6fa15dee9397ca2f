"""The troubleshooting catalogue: the incidents senior interviews ask about, all present."""

from __future__ import annotations

from pgdojo.tracks.lab.scenario import load_scenarios

REQUIRED = {
    # the first ten
    "missing-index", "lock-contention", "table-bloat", "deadlock", "connection-exhaustion",
    "long-running-query", "replication-lag", "stale-statistics", "work-mem-spill",
    "implicit-cast",
    # and what a senior loop asks next
    "invalid-index", "xid-wraparound", "replication-slot-wal", "checkpoint-storm",
    "ddl-lock-queue", "generic-plan-flip", "sequence-exhaustion", "low-cache-hit-ratio",
}  # fmt: skip


def test_every_incident_of_the_catalogue_is_there() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 16
    assert not REQUIRED - set(scenarios), sorted(REQUIRED - set(scenarios))
    for scenario in scenarios.values():
        assert "model investigation" in scenario.doc.debrief.lower(), scenario.id
