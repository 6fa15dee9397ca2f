"""`pgdojo story`, `pgdojo cheatsheet` and `pgdojo questions` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from pgdojo.content.behavioral import BUILTIN, load_behavioral
from tests.cli.test_cli import pgdojo


def _story_file(tmp_path: Path, version: str) -> Path:
    bank = load_behavioral()
    story_id = sorted(bank.stories)[0]
    folder = BUILTIN / "behavioral" / "stories" / story_id
    text = (folder / "staff.md").read_text()
    if version != "staff":
        head = text.split("---", 2)[1]
        text = f"---{head}---\n" + (folder / f"{version}.md").read_text()
    path = tmp_path / f"{version}.md"
    path.write_text(text)
    return path


def test_story_lifecycle(cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {**cli_env, "PGDOJO_USER": f"story-cli-{tmp_path.name}"}
    created = pgdojo(env, "story", "new", "--from", str(_story_file(tmp_path, "junior")), "--json")
    assert created.returncode == 0, created.stdout + created.stderr
    slug = json.loads(created.stdout)["slug"]
    weak = pgdojo(env, "story", "grade", slug, "--json")
    assert weak.returncode == 1
    assert json.loads(weak.stdout)["level"] == "junior"
    edited = pgdojo(
        env, "story", "edit", slug, "--from", str(_story_file(tmp_path, "staff")), "--json"
    )
    assert json.loads(edited.stdout)["revision"] == 2
    strong = pgdojo(env, "story", "grade", slug, "--json")
    body = json.loads(strong.stdout)
    assert strong.returncode == 0, body
    assert set(body["parts"]) == {"situation", "task", "action", "result", "technical"}
    assert set(body["parts"]["action"]) >= {"present", "words", "score"}
    assert body["quantified_result"] and body["first_person_ratio"] >= 0.5
    assert body["feedback"] == [] or {"message", "sentence"} <= set(body["feedback"][0])
    shown = json.loads(pgdojo(env, "story", "show", slug, "--json").stdout)
    assert [r["score"] for r in shown["revisions"]] == [
        json.loads(weak.stdout)["score"],
        body["score"],
    ]
    listed = json.loads(pgdojo(env, "story", "list", "--json").stdout)
    assert [s["slug"] for s in listed["stories"]] == [slug]
    bank = json.loads(pgdojo(env, "story", "bank", "--json").stdout)
    assert not bank["healthy"] and any(h["name"] == "size" for h in bank["health"])
    question = json.loads(pgdojo(env, "story", "drill", "--json").stdout)["question"]
    assert question["text"] and question["name_within_s"] == 10
    scripted = pgdojo(
        env,
        "story",
        "drill",
        "--question",
        question["question_id"],
        "--story",
        slug,
        "--name-seconds",
        "3",
        "--tell-seconds",
        "150",
        "--json",
    )
    assert json.loads(scripted.stdout)["result"]["follow_ups"]
    removed = pgdojo(env, "story", "rm", slug, "--json")
    assert json.loads(removed.stdout)["removed"]
    missing = pgdojo(env, "story", "show", slug, "--json")
    assert missing.returncode == 2 and "no story" in json.loads(missing.stdout)["error"]


def test_grading_a_file_and_bad_input(cli_env: dict[str, str], tmp_path: Path) -> None:
    graded = pgdojo(cli_env, "story", "grade", str(_story_file(tmp_path, "staff")), "--json")
    assert graded.returncode == 0 and json.loads(graded.stdout)["level"] == "staff"
    stdin = pgdojo(cli_env, "story", "grade", "-", "--json", stdin="## Situation\nIt broke.")
    assert stdin.returncode == 1 and json.loads(stdin.stdout)["score"] < 40
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: x\nfamilies: [nope]\n---\n## Situation\nx")
    refused = pgdojo(cli_env, "story", "new", "--from", str(bad), "--json")
    assert refused.returncode == 2 and "families" in json.loads(refused.stdout)["error"]
    assert "Traceback" not in refused.stderr
    no_tty = pgdojo(cli_env, "story", "new", "--json")
    assert no_tty.returncode == 2 and "--from" in json.loads(no_tty.stdout)["error"]


def test_reference_pages(cli_env: dict[str, str]) -> None:
    sheet = json.loads(pgdojo(cli_env, "cheatsheet", "--json").stdout)
    assert sheet["cheatsheet"].startswith("# Interview-day cheat sheet")
    assert len(sheet["power_phrases"]) >= 20
    asks = json.loads(pgdojo(cli_env, "questions", "--json").stdout)["questions"]
    assert {q["category"] for q in asks} == {"stack", "scale", "operations", "team"}
    printed = pgdojo(cli_env, "questions")
    assert printed.returncode == 0 and "Operations" in printed.stdout
