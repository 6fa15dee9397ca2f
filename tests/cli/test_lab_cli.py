"""`pgdojo lab` across separate processes, as a user runs it: the lab outlives each command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def pgdojo(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pgdojo", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lab_lifecycle_through_the_cli(cli_env: dict[str, str], pgdojo_home: Path) -> None:
    listed = json.loads(pgdojo(cli_env, "lab", "list", "--json").stdout)
    assert "lock-contention" in {s["id"] for s in listed["scenarios"]}
    started = pgdojo(cli_env, "lab", "start", "lock-contention", "--json")
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        data = json.loads(started.stdout)
        assert data["dsn"].startswith("postgresql://oncall:") and data["briefing"]
        status = json.loads(pgdojo(cli_env, "lab", "status", "lock-contention", "--json").stdout)
        assert status["symptom_present"]
        check = pgdojo(cli_env, "lab", "check", "lock-contention", "--json")
        assert check.returncode == 1 and json.loads(check.stdout)["solved"] is False
        hint = json.loads(pgdojo(cli_env, "lab", "hint", "lock-contention", "--json").stdout)
        assert hint["number"] == 1
        diag = pgdojo(
            cli_env, "lab", "diagnose", "lock-contention", "billing-batch holds it", "--json"
        )
        assert json.loads(diag.stdout)["names_root_cause"] is True
        again = pgdojo(cli_env, "lab", "start", "lock-contention", "--json")
        assert again.returncode == 2 and "already running" in json.loads(again.stdout)["error"]
    finally:
        stopped = pgdojo(cli_env, "lab", "stop", "lock-contention", "--json")
    assert json.loads(stopped.stdout)["stopped"] is True
    assert not (pgdojo_home / "labs" / "lock-contention").exists()
    gone = pgdojo(cli_env, "lab", "status", "lock-contention", "--json")
    assert gone.returncode == 2 and "not running" in json.loads(gone.stdout)["error"]
    debrief = json.loads(pgdojo(cli_env, "lab", "debrief", "lock-contention", "--json").stdout)
    assert "pg_blocking_pids" in debrief["debrief"]


def test_a_crashed_lab_is_cleaned_on_next_start(cli_env: dict[str, str], pgdojo_home: Path) -> None:
    started = json.loads(pgdojo(cli_env, "lab", "start", "lock-contention", "--json").stdout)
    assert started["dsn"]
    state = json.loads((pgdojo_home / "labs" / "lock-contention" / "lab.json").read_text())
    import os
    import signal

    os.killpg(state["workload_pid"], signal.SIGKILL)  # the workload crashes
    restarted = pgdojo(cli_env, "lab", "start", "lock-contention", "--json")
    assert restarted.returncode == 0, restarted.stdout
    pgdojo(cli_env, "lab", "stop", "lock-contention", "--json")
