"""`pgdojo design` as a user runs it: list, show, the template, run and grade, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import pgdojo


def test_design_commands(cli_env: dict[str, str], tmp_path: Path) -> None:
    listed = json.loads(pgdojo(cli_env, "design", "list", "--json").stdout)
    assert "twitter-timeline" in {p["id"] for p in listed["prompts"]}
    shown = json.loads(pgdojo(cli_env, "design", "show", "twitter-timeline", "--json").stdout)
    assert set(shown["queries"]) == {"post_tweet", "home_timeline", "profile"}
    assert len(shown["clarifying_questions"]) >= 5
    template = pgdojo(cli_env, "design", "show", "twitter-timeline", "--template")
    assert "-- name: home_timeline" in template.stdout and "## Trade-offs" in template.stdout
    (tmp_path / "template.md").write_text(template.stdout)
    empty = pgdojo(
        cli_env, "design", "run", "twitter-timeline", str(tmp_path / "template.md"), "--json"
    )
    assert empty.returncode == 2 and "is empty" in json.loads(empty.stdout)["error"]

    staff = pgdojo(cli_env, "design", "show", "twitter-timeline", "--model", "staff").stdout
    (tmp_path / "staff.md").write_text(staff)
    run = pgdojo(cli_env, "design", "run", "twitter-timeline", str(tmp_path / "staff.md"), "--json")
    body = json.loads(run.stdout)
    assert run.returncode == 0, body
    assert body["passed"] and body["leaks"] == []
    assert {c["name"] for c in body["checks"]} >= {
        "schema",
        "correct:home_timeline",
        "index:home_timeline",
    }
    assert body["measured"]["queries"]["post_tweet"]["rows_per_call"] > 1

    flawed = pgdojo(
        cli_env, "design", "show", "twitter-timeline", "--model", "flawed-pull-no-index"
    ).stdout
    (tmp_path / "flawed.md").write_text(flawed)
    graded = pgdojo(
        cli_env, "design", "grade", "twitter-timeline", str(tmp_path / "flawed.md"), "--json"
    )
    grade = json.loads(graded.stdout)
    assert graded.returncode == 1 and grade["level"] == "junior"
    assert set(grade["parts"]) == {
        "requirements",
        "estimation",
        "schema",
        "queries",
        "scaling",
        "tradeoffs",
    }
    assert grade["feedback"][0]["message"].startswith("index:")

    printed = pgdojo(cli_env, "design", "run", "twitter-timeline", str(tmp_path / "staff.md"))
    assert "PASSED" in printed.stdout and "Traceback" not in printed.stderr
