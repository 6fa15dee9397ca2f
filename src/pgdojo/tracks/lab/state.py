"""A running lab on disk: labs/<scenario>/lab.json, the workload's metrics and events."""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STATE_FILE = "lab.json"
METRICS_FILE = "metrics.jsonl"
EVENTS_FILE = "events.jsonl"
HISTORY_FILE = "console.jsonl"


@dataclass
class LabState:
    scenario: str
    user: str
    started_at: float
    oncall_password: str
    app_password: str
    attempt_id: int | None = None
    workload_pid: int | None = None
    standby: bool = False
    hints_used: int = 0
    diagnosis: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # what setup learned (pids, ids)

    def save(self, root: Path) -> None:
        # The state holds the lab's passwords: readable by its user only.
        tmp = root / (STATE_FILE + ".tmp")
        tmp.touch(mode=0o600)
        tmp.chmod(0o600)
        tmp.write_text(json.dumps(asdict(self), indent=2))
        tmp.replace(root / STATE_FILE)

    @classmethod
    def load(cls, root: Path) -> LabState | None:
        path = root / STATE_FILE
        if not path.exists():
            return None
        try:
            return cls(**json.loads(path.read_text()))
        except (ValueError, TypeError):
            return None


def append_jsonl(path: Path, record: dict[str, Any]) -> None:
    with path.open("a") as handle:
        handle.write(json.dumps(record) + "\n")


def read_jsonl(path: Path, last: int | None = None) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    lines = path.read_text().splitlines()
    if last is not None:
        lines = lines[-last:]
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            continue  # a line being written right now
    return records


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped) is not alive.
    status = Path(f"/proc/{pid}/stat")
    if status.exists():
        parts = status.read_text().split()
        return len(parts) > 2 and parts[2] != "Z"
    return True


def recent_metrics(root: Path, seconds: float = 3.0) -> dict[str, Any]:
    """The workload's figures over the last few seconds: throughput, p95, errors, stuck ops."""
    records = [
        r
        for r in read_jsonl(root / METRICS_FILE, last=30)
        if r.get("t", 0) >= time.time() - seconds - 1
    ]
    if not records:
        return {
            "ops_per_s": 0.0,
            "p95_ms": None,
            "errors_per_s": 0.0,
            "oldest_inflight_ms": 0.0,
            "fresh": False,
        }
    span = max(1, len(records))
    return {
        "ops_per_s": round(sum(r["ops"] for r in records) / span, 1),
        "errors_per_s": round(sum(r["errors"] for r in records) / span, 1),
        "p95_ms": max((r["p95_ms"] for r in records if r["p95_ms"] is not None), default=None),
        "oldest_inflight_ms": max(r["oldest_inflight_ms"] for r in records),
        "fresh": True,
    }
