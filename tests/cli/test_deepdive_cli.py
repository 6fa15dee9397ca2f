"""`pgdojo deepdive` and `pgdojo cards` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pgdojo.content.loader import load_topics

TOPICS = load_topics()


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


def test_list_show_and_grade(cli_env: dict[str, str]) -> None:
    listed = json.loads(pgdojo(cli_env, "deepdive", "list", "--json").stdout)
    assert listed["count"] == len(TOPICS)
    shown = json.loads(pgdojo(cli_env, "deepdive", "show", "mvcc", "--json").stdout)
    assert "MVCC" in shown["question"] and "staff_answer" not in shown
    full = json.loads(pgdojo(cli_env, "deepdive", "show", "mvcc", "--answers", "--json").stdout)
    assert full["staff_answer"] and full["follow_ups"]
    strong = TOPICS["mvcc"].sample_answers["strong"]
    graded = pgdojo(cli_env, "deepdive", "grade", "mvcc", "-", "--json", stdin=strong)
    assert graded.returncode == 0, graded.stderr
    body = json.loads(graded.stdout)
    assert (
        body["score"] >= 75
        and body["covered"]
        and set(body["parts"]) == {"what", "why", "how", "tradeoffs", "comparison"}
    )
    human = pgdojo(
        cli_env,
        "deepdive",
        "grade",
        "mvcc",
        "-",
        stdin="MVCC, xmin, xmax, vacuum, snapshot, dead tuples, hint bits, commit log, "
        "visibility map, HOT, undo, bloat, freeze, wraparound, clog",
    )
    assert "list of terms" in human.stdout


@pytest.mark.parametrize(
    "args", [("deepdive", "grade", "nope", "-"), ("deepdive", "prove", "nope")]
)
def test_unknown_topic_is_a_usage_error(cli_env: dict[str, str], args: tuple[str, ...]) -> None:
    out = pgdojo(cli_env, *args, "--json", stdin="text")
    assert out.returncode == 2 and json.loads(out.stdout)["ok"] is False


def test_prove_prints_real_steps(cli_env: dict[str, str]) -> None:
    out = pgdojo(cli_env, "deepdive", "prove", "isolation-locking", "--json")
    assert out.returncode == 0, out.stderr
    run = json.loads(out.stdout)
    assert any(step["outcome"] == "error:40001" for step in run["steps"])
    human = pgdojo(cli_env, "deepdive", "prove", "mvcc")
    assert "heap_page_items" in human.stdout and "step 1" in human.stdout


def test_cards_review_and_stats(cli_env: dict[str, str]) -> None:
    due = json.loads(pgdojo(cli_env, "cards", "review", "--json").stdout)
    assert due["count"] > 0
    card = due["due"][0]["card_id"]
    rated = pgdojo(cli_env, "cards", "review", "--card", card, "--rating", "good", "--json")
    assert rated.returncode == 0, rated.stdout
    assert json.loads(rated.stdout)["interval_days"] > 0
    stats = json.loads(pgdojo(cli_env, "cards", "stats", "--json").stdout)
    assert stats["reviews_today"] >= 1 and stats["cards"] >= 150
    bad = pgdojo(cli_env, "cards", "review", "--card", card, "--json")
    assert bad.returncode == 2


def test_a_broken_topic_pack_is_a_clear_error(cli_env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "pack" / "topics" / "broken"
    broken.mkdir(parents=True)
    (broken / "topic.md").write_text(
        "---\ntitle: x\n---\n## Senior answer\nx\n## Staff answer\ny\n"
    )
    for command in (("cards", "stats"), ("deepdive", "list")):
        out = pgdojo(cli_env, "--content", str(tmp_path / "pack"), *command, "--json")
        assert out.returncode == 3, out.stderr
        body = json.loads(out.stdout)
        assert body["ok"] is False and "broken/topic.md" in body["error"]
        assert "Traceback" not in out.stderr
