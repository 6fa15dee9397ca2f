"""What a scenario's workers get: where to connect, when to stop, how to report.

Its own module so that scenarios (which define workers) and the workload process (which loads
a scenario and runs its workers) both import it without importing each other.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psycopg.conninfo import conninfo_to_dict

from pgdojo.tracks.lab.state import EVENTS_FILE, METRICS_FILE, LabState, append_jsonl
from pgdojo.tracks.lab.symptoms import percentile


@dataclass
class WorkloadContext:
    """What workers get: where to connect, when to stop, how to report.

    `app_conninfo` is the application's TCP login; `admin_conninfo` the superuser's, resolving
    names in pg_catalog only (for catalog and statistics reads, never the app's tables)."""

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

    def standby_port(self) -> str:
        """The standby's port, for TCP sessions of ordinary roles there."""
        assert self.standby_admin_conninfo is not None, "this lab has no standby"
        return str(conninfo_to_dict(self.standby_admin_conninfo)["port"])

    def flush(self) -> None:
        with self._lock:
            latencies, self._latencies = self._latencies, []
            errors, self._errors = self._errors, 0
            now = time.monotonic()
            stuck = [(now - t) * 1000 for t in self._inflight.values()]
        # Stuck operations count in the percentiles with their age so far: a blocked writer
        # is the slowest operation of all, not a missing one.
        values = sorted(latencies + stuck)
        append_jsonl(
            self.root / METRICS_FILE,
            {
                "t": time.time(),
                "ops": len(latencies),
                "errors": errors,
                "p50_ms": percentile(values, 0.50),
                "p95_ms": percentile(values, 0.95),
                "max_ms": percentile(values, 1.0),
                "inflight": len(stuck),
                "oldest_inflight_ms": round(max(stuck, default=0.0), 1),
            },
        )
