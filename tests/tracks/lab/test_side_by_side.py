"""Two different labs run at once, each on its own cluster, and stop independently."""

from __future__ import annotations

from typing import Any


def test_two_labs_side_by_side(start_lab: Any) -> None:
    first = start_lab("lock-contention")
    second = start_lab("work-mem-spill")
    assert first.started["dsn"] != second.started["dsn"]
    assert first.labs.status("lock-contention")["symptom_present"]
    assert second.labs.status("work-mem-spill")["symptom_present"]
    assert first.psql("SELECT count(*) FROM orders") == [(5000,)]
    first.labs.stop("lock-contention")
    assert second.labs.status("work-mem-spill")["symptom_present"]  # the other lab is untouched
