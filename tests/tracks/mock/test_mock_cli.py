"""Mocks end to end through the CLI: strong material reaches senior or staff, a keyword list
and wrong answers reach junior; the self-score is compared with the grade."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pgdojo.content.behavioral import load_behavioral
from pgdojo.content.loader import BUILTIN_PROBLEMS, load_topics
from tests.cli.test_cli import pgdojo


def _run(env: dict[str, str], *args: str, stdin: str | None = None) -> dict[str, Any]:
    out = pgdojo(env, *args, "--json", stdin=stdin)
    assert out.returncode == 0, out.stdout + out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def _answer(env: dict[str, str], mock_id: int, text: str) -> dict[str, Any]:
    return _run(env, "mock", "answer", str(mock_id), "-", stdin=text)


def test_deep_dive_mock_strong_then_weak(cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {**cli_env, "PGDOJO_USER": "mock-deepdive"}
    topic = load_topics()["mvcc"]
    started = _run(env, "mock", "start", "--type", "deepdive", "--item", "mvcc")
    mock_id = started["id"]
    assert started["segment"]["kind"] == "deepdive"
    assert started["segment"]["minutes"] == 30
    assert topic.meta.question in started["segment"]["prompt"]["question"]
    after = _answer(env, mock_id, topic.staff_answer)
    assert "score" not in json.dumps(after["segment"]["visible"])  # no grade before the report
    report = _run(
        env,
        "mock",
        "finish",
        str(mock_id),
        "--self",
        "correctness=staff,depth=staff,breadth=junior,communication=senior",
    )
    levels = {c: v["level"] for c, v in report["criteria"].items()}
    assert levels["correctness"] in ("senior", "staff") and levels["depth"] in ("senior", "staff")
    assert report["criteria"]["experience"]["level"] is None  # a deep dive says nothing of it
    assert report["overall"] in ("senior", "staff")
    assert set(report["calibration"]["gaps"]) == {
        "correctness",
        "depth",
        "breadth",
        "communication",
    }
    assert all(report["criteria"][c]["evidence"] for c in ("correctness", "depth"))

    weak = _run(env, "mock", "start", "--type", "deepdive", "--item", "mvcc")
    listed = ", ".join(c.concept.split()[0] for cs in topic.meta.rubric.root.values() for c in cs)
    answered = _answer(env, weak["id"], listed)
    assert answered["segment"]["follow_up"]  # the interviewer digs where the answer is thin
    weak_report = _run(env, "mock", "finish", str(weak["id"]))
    assert weak_report["criteria"]["depth"]["level"] == "junior"
    assert weak_report["overall"] == "junior"
    assert weak_report["calibration"] is None  # no self-score given
    assert weak_report["practise_next"]


def test_sql_and_behavioral_mocks(cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {**cli_env, "PGDOJO_USER": "mock-sql"}
    solution = (BUILTIN_PROBLEMS / "running-total" / "solution.sql").read_text()
    sql = _run(env, "mock", "start", "--type", "sql", "--item", "running-total", "--minutes", "20")
    assert sql["segment"]["minutes"] == 20
    wrong = _answer(env, sql["id"], "SELECT 1 AS id")
    assert wrong["segment"]["visible"]["verdict"] != "accepted"
    right = _answer(env, sql["id"], solution)
    assert right["segment"]["visible"]["verdict"] == "accepted"
    assert "index" in right["segment"]["follow_up"]
    talk = _answer(env, sql["id"], "An index on (account_id, created_at) keeps the window a scan.")
    assert talk["segment"]["visible"] == {"recorded": True} and talk["segment"]["follow_up"] is None
    report = _run(env, "mock", "finish", str(sql["id"]))
    assert report["criteria"]["correctness"]["level"] == "senior"  # accepted at the 2nd try

    bank = load_behavioral()
    story = bank.stories[sorted(bank.stories)[0]]
    question = story.meta.questions[0]
    strong = _run(env, "mock", "start", "--type", "behavioral", "--item", question)
    assert strong["segment"]["prompt"]["question"]
    _answer(env, strong["id"], story.versions["staff"])
    strong_report = _run(env, "mock", "finish", str(strong["id"]), "--self", "experience=senior")
    assert strong_report["criteria"]["experience"]["level"] == "staff"
    assert strong_report["calibration"]["gaps"] == {"experience": -1}
    assert strong_report["calibration"]["direction"] == "under-confident"

    weak = _run(env, "mock", "start", "--type", "behavioral", "--item", question)
    _answer(env, weak["id"], story.versions["junior"])
    weak_report = _run(env, "mock", "finish", str(weak["id"]))
    assert weak_report["overall"] == "junior"

    md = tmp_path / "report.md"
    again = _run(env, "mock", "report", str(strong["id"]), "--markdown", str(md))
    assert again["id"] == strong["id"] and md.read_text().startswith(f"# Mock {strong['id']}")
    assert list(again["criteria"]) == [
        "correctness",
        "depth",
        "breadth",
        "communication",
        "experience",
    ]
    listed = _run(env, "mock", "list")
    assert len(listed["mocks"]) == 3 and listed["history"]["mocks"] == 3


def test_bad_requests(cli_env: dict[str, str]) -> None:
    env = {**cli_env, "PGDOJO_USER": "mock-bad"}
    out = pgdojo(env, "mock", "start", "--type", "karaoke", "--json")
    assert out.returncode == 2 and "--type" in json.loads(out.stdout)["error"]
    out = pgdojo(env, "mock", "report", "999999", "--json")
    assert out.returncode == 2 and "no mock" in json.loads(out.stdout)["error"]
    started = _run(env, "mock", "start", "--type", "deepdive", "--item", "toast")
    out = pgdojo(env, "mock", "report", str(started["id"]), "--json")
    assert out.returncode == 2 and "self-score" in json.loads(out.stdout)["error"]
    out = pgdojo(env, "mock", "finish", str(started["id"]), "--self", "depth=guru", "--json")
    assert out.returncode == 2 and "junior, senior or staff" in json.loads(out.stdout)["error"]
