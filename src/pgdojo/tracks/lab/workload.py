"""The workload process: real sessions that produce the incident's symptom, and its metrics.

Started detached by `lab start` (`python -m pgdojo.tracks.lab.workload LAB_DIR`), it runs the
scenario's workers in threads until it is terminated, and writes one line of metrics a second
(throughput, latency percentiles including operations still stuck, errors) to metrics.jsonl,
and notable events (a victim session terminated, a connection refused) to events.jsonl.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from pgdojo.tracks.lab.cluster import LabCluster
from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import load_scenario
from pgdojo.tracks.lab.state import LabState


def run_workers(ctx: WorkloadContext, workers: list[Callable[[WorkloadContext], None]]) -> None:
    """Run each worker in a thread (restarting it if it dies) and flush metrics every second."""

    def forever(worker: Callable[[WorkloadContext], None]) -> None:
        while not ctx.stop.is_set():
            try:
                worker(ctx)
            except Exception as exc:  # a worker's connection was killed, refused, ...
                ctx.event("worker_error", worker=worker.__name__, error=str(exc)[:200])
                ctx.sleep(0.2)

    threads = [threading.Thread(target=forever, args=(w,), daemon=True) for w in workers]
    for thread in threads:
        thread.start()
    while ctx.sleep(1.0):
        ctx.flush()


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    state = LabState.load(root)
    if state is None:
        return 2
    scenario = load_scenario(state.scenario)
    cluster = LabCluster(root, scenario.settings)
    ctx = WorkloadContext(
        root=root,
        state=state,
        app_conninfo=cluster.conninfo("app", state.app_password),
        admin_conninfo=cluster.admin_conninfo(),
        standby_admin_conninfo=cluster.standby_admin_conninfo() if state.standby else None,
    )
    signal.signal(signal.SIGTERM, lambda *_: ctx.stop.set())
    run_workers(ctx, scenario.workers())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
