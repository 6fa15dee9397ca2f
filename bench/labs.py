"""Lab benchmark: prints one JSON object with, per scenario, the seconds `lab start` took to a
live symptom and the milliseconds of a `lab check` (median of three).

    python bench/labs.py [SCENARIO ...]

Runs on its own embedded PostgreSQL (a temporary PGDOJO_HOME unless one is set).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pgdojo.config import Settings
from pgdojo.engine import EmbeddedServer
from pgdojo.services import Services
from pgdojo.tracks.lab.service import LabTrack


def main(ids: list[str]) -> None:
    home = os.environ.get("PGDOJO_HOME") or tempfile.mkdtemp(prefix="pgdojo-bench-")
    services = Services(Settings(home=Path(home), user="bench"))
    labs = services.track(LabTrack)
    report: dict[str, dict[str, float]] = {}
    for scenario in ids or sorted(labs.scenarios):
        started = time.perf_counter()
        labs.start(scenario)
        start_s = time.perf_counter() - started
        checks = []
        try:
            for _ in range(3):
                t = time.perf_counter()
                labs.check(scenario)
                checks.append((time.perf_counter() - t) * 1000)
        finally:
            labs.stop(scenario)
        report[scenario] = {
            "start_s": round(start_s, 2),
            "check_ms": round(statistics.median(checks), 1),
        }
    summary = {
        "scenarios": report,
        "max_start_s": max(r["start_s"] for r in report.values()),
        "max_check_ms": max(r["check_ms"] for r in report.values()),
        "cores": os.cpu_count(),
    }
    sys.stdout.write(json.dumps(summary) + "\n")
    engine = services.engine
    services.close()
    if isinstance(engine.server, EmbeddedServer) and not os.environ.get("PGDOJO_HOME"):
        engine.server.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
