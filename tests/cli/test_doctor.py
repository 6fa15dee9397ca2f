"""`pgdojo doctor`: the count of every content kind, and exit 3 when one is missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pgdojo.content.loader import BUILTIN_PROBLEMS
from pgdojo.registry import tracks
from tests.cli.test_cli import pgdojo


def test_doctor_counts_every_content_kind(cli_env: dict[str, str]) -> None:
    out = pgdojo(cli_env, "doctor", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert set(report["content"]) == {t.id for t in tracks() if t.doctor}
    assert report["content"]["sql"]["problems"] >= 41
    assert report["content"]["lab"]["scenarios"] >= 10
    deepdive = report["content"]["deepdive"]
    assert deepdive["topics"] >= 21 and deepdive["cards"] >= 200
    assert deepdive["experiments"] >= 5 and deepdive["graded sample answers"] >= 21
    assert all(check["ok"] for check in report["checks"])


def test_a_missing_content_file_fails_doctor_naming_it(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    broken = pack / "problems" / "my-running-total"
    shutil.copytree(BUILTIN_PROBLEMS / "running-total", broken)
    (broken / "solution.sql").unlink()
    out = pgdojo(cli_env, "--content", str(pack), "doctor", "--json")
    assert out.returncode == 3, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    report = json.loads(out.stdout)
    problems = next(c for c in report["checks"] if c["name"] == "problems")
    assert not problems["ok"] and problems["count"] == 0
    assert "my-running-total/solution.sql" in problems["detail"]
    assert "missing" in problems["detail"]
    assert not report["ok"]
