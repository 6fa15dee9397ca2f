"""The `pgdojo` command as a user runs it: exit codes and one JSON object on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pgdojo.content.loader import BUILTIN_PROBLEMS


def pgdojo(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pgdojo", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_doctor(cli_env: dict[str, str]) -> None:
    out = pgdojo(cli_env, "doctor", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and report["engine"] == "embedded"
    assert "18" in report["server"]["version"]


def test_list_and_show(cli_env: dict[str, str]) -> None:
    listed = json.loads(pgdojo(cli_env, "sql", "list", "--json").stdout)
    assert listed["count"] >= 40
    easy = json.loads(pgdojo(cli_env, "sql", "list", "--difficulty", "easy", "--json").stdout)
    assert all(p["difficulty"] == "easy" for p in easy["problems"])
    shown = json.loads(pgdojo(cli_env, "sql", "show", "running-total", "--json").stdout)
    assert shown["kind"] == "query" and "transactions" in shown["schema_sql"]
    assert shown["sample_expected"]["columns"] == ["id", "date", "amount", "running_total"]


def test_judge_exit_codes(cli_env: dict[str, str], tmp_path: Path) -> None:
    solution = (BUILTIN_PROBLEMS / "running-total" / "solution.sql").read_text()
    accepted = pgdojo(cli_env, "sql", "judge", "running-total", "-", "--json", stdin=solution)
    assert accepted.returncode == 0, accepted.stdout
    assert json.loads(accepted.stdout)["verdict"] == "accepted"

    wrong = tmp_path / "wrong.sql"
    wrong.write_text("SELECT id, date, amount, amount AS running_total FROM transactions")
    rejected = pgdojo(cli_env, "sql", "judge", "running-total", str(wrong), "--json")
    assert rejected.returncode == 1
    assert json.loads(rejected.stdout)["verdict"] == "wrong_answer"

    human = pgdojo(cli_env, "sql", "judge", "running-total", str(wrong))
    assert human.returncode == 1 and "WRONG_ANSWER" in human.stdout

    hostile = pgdojo(
        cli_env, "sql", "judge", "running-total", "-", "--json", stdin="COPY x TO PROGRAM 'id'"
    )
    assert hostile.returncode == 1 and json.loads(hostile.stdout)["verdict"] == "rejected"


@pytest.mark.parametrize(
    "args",
    [
        ("sql", "judge", "no-such-problem", "-"),
        ("sql", "judge", "running-total", "/no/such/file.sql"),
        ("sql", "show", "no-such-problem"),
        ("sql", "hint", "running-total", "7"),
    ],
)
def test_usage_errors_exit_2_with_json(cli_env: dict[str, str], args: tuple[str, ...]) -> None:
    out = pgdojo(cli_env, *args, "--json", stdin="SELECT 1")
    assert out.returncode == 2, out.stdout + out.stderr
    body = json.loads(out.stdout)
    assert body["ok"] is False and body["error"]


def test_unknown_option_is_a_usage_error(cli_env: dict[str, str]) -> None:
    assert pgdojo(cli_env, "sql", "list", "--bogus").returncode == 2


def test_bad_content_pack_names_the_file(cli_env: dict[str, str], tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "broken"
    pack.mkdir(parents=True)
    (pack / "problem.md").write_text("---\ntitle: x\n---\nbody\n")
    out = pgdojo(cli_env, "--content", str(tmp_path / "pack"), "sql", "list", "--json")
    assert out.returncode == 3
    assert "broken/problem.md" in json.loads(out.stdout)["error"]


def test_practice_records_the_attempt(cli_env: dict[str, str], tmp_path: Path) -> None:
    solution = tmp_path / "s.sql"
    solution.write_text((BUILTIN_PROBLEMS / "dedupe-keep-latest" / "solution.sql").read_text())
    out = pgdojo(
        cli_env, "sql", "practice", "--id", "dedupe-keep-latest", "--file", str(solution), "--json"
    )
    assert out.returncode == 0, out.stdout + out.stderr
    body = json.loads(out.stdout)
    assert body["result"]["verdict"] == "accepted"
    assert body["seconds_to_solve"] is not None and body["target_minutes"] == 10


def test_hint_and_verify(cli_env: dict[str, str]) -> None:
    hint = json.loads(pgdojo(cli_env, "sql", "hint", "running-total", "2", "--json").stdout)
    assert "OVER" in hint["hint"]
    verified = pgdojo(cli_env, "sql", "verify", "running-total", "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["ok"]
