"""Two different labs run at once, each on its own cluster, and stop independently."""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import Any

import pytest

from pgdojo.tracks.lab.service import STARTING, LabError


def test_two_labs_side_by_side(start_lab: Any) -> None:
    first = start_lab("lock-contention")
    second = start_lab("work-mem-spill")
    assert first.started["dsn"] != second.started["dsn"]
    assert first.labs.status("lock-contention")["symptom_present"]
    assert second.labs.status("work-mem-spill")["symptom_present"]
    assert first.psql("SELECT count(*) FROM orders") == [(5000,)]
    first.labs.stop("lock-contention")
    assert second.labs.status("work-mem-spill")["symptom_present"]  # the other lab is untouched


def test_a_lab_being_started_is_neither_removed_nor_started_twice(labs: Any) -> None:
    """Mid-start a lab has no state and no workload yet: another process's start (whose
    cleanup removes crashed labs) must leave it alone, and must not start it again."""
    folder = labs.root / "table-bloat"
    folder.mkdir(parents=True)
    try:
        (folder / STARTING).write_text(str(os.getpid()))  # a live starter
        assert "table-bloat" not in labs.cleanup_stale()
        assert folder.exists()
        with pytest.raises(LabError, match="being started by another pgdojo process"):
            labs.start("table-bloat")
        dead = subprocess.Popen(["true"])  # a pid that no longer lives
        dead.wait()
        (folder / STARTING).write_text(str(dead.pid))
        assert "table-bloat" in labs.cleanup_stale()  # its starter died: a crashed lab
        assert not folder.exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
