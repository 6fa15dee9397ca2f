"""The workload process: real sessions that produce the incident's symptom, and its metrics.

Started detached by `lab start` (`python -m pgdojo.tracks.lab.workload LAB_DIR`), it runs the
scenario's workers in threads until it is terminated, and writes one line of metrics a second
(throughput, latency percentiles including operations still stuck, errors) to metrics.jsonl,
and notable events (a victim session terminated, a connection refused) to events.jsonl.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pgdojo.tracks.lab.state import EVENTS_FILE, METRICS_FILE, LabState, append_jsonl


@dataclass
class WorkloadContext:
    """What workers get: where to connect, when to stop, how to report."""

    root: Path
    state: LabState
    app_conninfo: str
    admin_conninfo: str
    standby_admin_conninfo: str | None
    stop: threading.Event = field(default_factory=threading.Event)
    flags: dict[str, Any] = field(default_factory=dict)  # shared between workers
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _latencies: list[float] = field(default_factory=list)
    _errors: int = 0
    _inflight: dict[int, float] = field(default_factory=dict)
    _next: int = 0

    @contextlib.contextmanager
    def op(self) -> Iterator[None]:
        """Time one application operation; an exception counts as an error."""
        with self._lock:
            self._next += 1
            token = self._next
            self._inflight[token] = time.monotonic()
        started = time.monotonic()
        try:
            yield
        except Exception:
            with self._lock:
                self._errors += 1
            raise
        else:
            with self._lock:
                self._latencies.append((time.monotonic() - started) * 1000)
        finally:
            with self._lock:
                self._inflight.pop(token, None)

    def event(self, name: str, **data: Any) -> None:
        append_jsonl(self.root / EVENTS_FILE, {"t": time.time(), "event": name, **data})

    def sleep(self, seconds: float) -> bool:
        """Sleep unless stopping; False when the workload should end."""
        return not self.stop.wait(seconds)

    def flush(self) -> None:
        with self._lock:
            latencies, self._latencies = self._latencies, []
            errors, self._errors = self._errors, 0
            now = time.monotonic()
            stuck = [(now - t) * 1000 for t in self._inflight.values()]
        # Stuck operations count in the percentiles with their age so far: a blocked writer
        # is the slowest operation of all, not a missing one.
        values = sorted(latencies + stuck)

        def pct(q: float) -> float | None:
            return round(values[min(len(values) - 1, int(q * len(values)))], 1) if values else None

        append_jsonl(
            self.root / METRICS_FILE,
            {
                "t": time.time(),
                "ops": len(latencies),
                "errors": errors,
                "p50_ms": pct(0.50),
                "p95_ms": pct(0.95),
                "max_ms": pct(1.0),
                "inflight": len(stuck),
                "oldest_inflight_ms": round(max(stuck, default=0.0), 1),
            },
        )


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
    from pgdojo.tracks.lab.cluster import LabCluster
    from pgdojo.tracks.lab.scenario import load_scenario

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
