from __future__ import annotations

import time
from typing import Any

from pgdojo.tracks.lab.scenarios.work_mem_spill import REPORT_SQL
from tests.tracks.lab.conftest import finding, trap_names

ID = "work-mem-spill"
MB = 1024 * 1024


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    # Each refresh spills, per pg_stat_statements; pg_stat_database agrees.
    assert symptom["report_temp_bytes_per_run"] > 5 * MB
    assert symptom["db_temp_bytes"] > 5 * MB
    assert symptom["report_temp_blks_written_total"] > 0
    assert symptom["report_work_mem"] == "4MB"
    assert symptom["report_ms"] > 0
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql("SELECT temp_files, temp_bytes FROM pg_stat_database WHERE datname = 'shop'")
    top = lab.sql(
        "SELECT userid::regrole::text, temp_blks_written, query FROM pg_stat_statements"
        " ORDER BY temp_blks_written DESC LIMIT 1"
    )
    [[role, _, text]] = top["rows"]
    assert role == "reporting" and "percentile_cont" in text
    plan = lab.sql(f"EXPLAIN (ANALYZE, BUFFERS) {REPORT_SQL}")["rows"]
    assert any("external merge" in row[0] for row in plan)
    lab.labs.diagnose(
        ID, "the finance report's sort spills to temp files: work_mem 4MB is too small"
    )
    lab.sql("ALTER ROLE reporting SET work_mem = '64MB'")
    lab.sql("ALTER ROLE reporting SET temp_file_limit = '2GB'")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"]
    assert after["traps"] == []
    assert finding(after, "symptom")["measured"]["report_temp_bytes_per_run"] == 0
    assert finding(after, "root_cause")["measured"]["app_work_mem_kb"] == 4096
    # A configuration fix has no statement investigation.py files under Act.
    phases = after["investigation"]["phases"]
    assert all(phases[p] for p in ("observe", "hypothesize", "measure", "prevent"))


def test_work_mem_in_your_own_session_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("SET work_mem = '256MB'")  # the console's session only
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    root = finding(result, "root_cause")
    assert not root["ok"] and "still spills" in root["detail"]
    assert lab.labs.status(ID)["symptom_present"]


def test_raising_work_mem_for_everyone_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ALTER SYSTEM SET work_mem = '1GB'")
    assert lab.sql("SELECT pg_reload_conf()")["rows"] == [[True]]
    deadline = time.monotonic() + 10
    while True:  # the next refreshes connect with 1 GB and stop spilling
        result = lab.labs.check(ID)
        if finding(result, "symptom")["ok"] or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert finding(result, "symptom")["ok"]  # the spill is gone...
    assert not result["solved"]  # ...but the memory was not scoped to the report
    assert "beyond the report" in finding(result, "root_cause")["detail"]
    assert "trap:global-work-mem" in trap_names(result)
