"""The system-design pages: the pure parts (the submission assembled from the editors, the ER
diagram, the chart options), then the pages with NiceGUI's simulated user."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing.user import User

from pgdojo.services import Services
from pgdojo.tracks.design import DesignTrack, ExperimentResult
from pgdojo.tracks.design.submission import SubmissionError, parse_submission
from pgdojo.web.design_pages import (
    assemble,
    er_diagram,
    experiment_chart,
    latency_chart,
    locate,
    split_design,
    writes_chart,
)
from tests.web.test_pages import anyio_backend, page_user

__all__ = ["anyio_backend"]  # the fixture, imported for this module's tests
pytestmark = pytest.mark.anyio

PROMPT = "twitter-timeline"
RUN = 300  # retries of 0.1 s: a run at scale takes ~5 s, a grade ~10 s, the experiments ~30 s


def design(services: Services) -> DesignTrack:
    return services.track(DesignTrack)


def element(user: User, marker: str) -> Any:
    """The one element marked `marker` on the user's page."""
    found = user.find(marker=marker).elements
    assert len(found) == 1, f"{len(found)} elements marked {marker!r}"
    return next(iter(found))


def texts(user: User, marker: str) -> list[str]:
    return [e.text for e in user.find(marker=marker).elements]


def entities(diagram: str) -> list[str]:
    return re.findall(r"^    (\w+)(?: \{)?$", diagram, flags=re.MULTILINE)


# -- the submission -----------------------------------------------------------------------------
SECTIONS = {
    "requirements": "Reads outnumber writes.",
    "estimation": "| estimate | value | unit |\n|---|---|---|\n| peak_tweets_per_s | 14k | /s |",
    "schema": "CREATE INDEX t_author ON tweets (author_id);",
    "schema_notes": "The index serves the profile.",
    "queries": "-- name: profile\nSELECT 1 WHERE :user_id IS NOT NULL;",
    "queries_notes": "",
    "scaling": "Shard by user.",
    "tradeoffs": "Push against pull.",
}


def test_assemble_puts_the_sql_in_fences_under_the_headings() -> None:
    text = assemble(SECTIONS)
    assert text == (
        "## Requirements\nReads outnumber writes.\n\n"
        "## Estimation\n| estimate | value | unit |\n|---|---|---|\n"
        "| peak_tweets_per_s | 14k | /s |\n\n"
        "## Schema\n```sql\nCREATE INDEX t_author ON tweets (author_id);\n```\n"
        "The index serves the profile.\n\n"
        "## Queries\n```sql\n-- name: profile\nSELECT 1 WHERE :user_id IS NOT NULL;\n```\n\n"
        "## Scaling\nShard by user.\n\n"
        "## Trade-offs\nPush against pull.\n"
    )


def test_assemble_keeps_each_editor_in_its_section() -> None:
    sections = {
        **SECTIONS,
        # A heading typed in a section would start (or repeat) a section of the file.
        "requirements": "## Schema\nnot the schema\n## Notes\nstill requirements",
        # A fence in the SQL would end the block; in the notes it would start SQL.
        "schema": "```sql\nCREATE INDEX t_author ON tweets (author_id);\n```",
        "schema_notes": "```text\nnot SQL\n```",
    }
    text = assemble(sections)
    assert "\n### Schema\nnot the schema\n### Notes\nstill requirements\n" in text
    assert text.count("```sql") == 2
    assert "\n ```text\nnot SQL\n ```\n" in text
    # and a blank editor is an empty section, not a missing one
    assert "## Scaling\n\n## Trade-offs\n" in assemble({**SECTIONS, "scaling": "  \n"})


def test_locate_finds_the_editor_and_its_line() -> None:
    text = assemble(SECTIONS)
    lines = text.splitlines()
    number = lines.index("SELECT 1 WHERE :user_id IS NOT NULL;") + 1
    assert locate(SECTIONS, number) == ("queries", 2)
    assert locate(SECTIONS, lines.index("Shard by user.") + 1) == ("scaling", 1)
    assert locate(SECTIONS, 1) is None  # a heading
    assert locate(SECTIONS, len(lines) + 5) is None


def test_the_worked_designs_survive_the_editors(services: Services) -> None:
    """A worked design split into the editors and assembled again parses to the same queries
    and the same written prose (what the rubric grades)."""
    track = design(services)
    prompt = track.prompt(PROMPT)
    for name in prompt.designs:
        original = parse_submission(track.model(PROMPT, name), prompt)
        again = parse_submission(assemble(split_design(track.model(PROMPT, name))), prompt)
        assert {q: s.text for q, s in again.queries.items()} == {
            q: s.text for q, s in original.queries.items()
        }, name
        assert again.prose().split() == original.prose().split(), name
        assert again.estimates and [e.value for e in again.estimates] == [
            e.value for e in original.estimates
        ]


def test_a_parse_error_points_at_the_editor_line(services: Services) -> None:
    track = design(services)
    sections = split_design(track.model(PROMPT, "staff"))
    sections["queries"] += "\n\n-- name: nope\nSELECT 1;"
    with pytest.raises(SubmissionError, match=r"## Queries, line (\d+)") as raised:
        parse_submission(assemble(sections), track.prompt(PROMPT))
    found = re.search(r"line (\d+)", str(raised.value))
    assert found is not None
    editor, line = locate(sections, int(found.group(1))) or ("", 0)
    assert editor == "queries"
    assert sections["queries"].splitlines()[line - 1] == "-- name: nope"


# -- the ER diagram -----------------------------------------------------------------------------
def test_the_given_tables_are_three_entities(services: Services) -> None:
    given = design(services).show(PROMPT)["given_sql"]
    diagram = er_diagram([given])
    assert diagram.startswith("erDiagram\n")
    assert entities(diagram) == ["users", "follows", "tweets"]
    assert "        bigint follower_id PK\n        bigint following_id PK\n" in diagram
    assert "        timestamptz created_at\n" in diagram
    assert "||--" not in diagram  # the given tables declare no foreign key


def test_a_foreign_key_is_a_relationship_line() -> None:
    diagram = er_diagram(
        [
            "CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);",
            "CREATE TABLE tweets (id bigint PRIMARY KEY,"
            " author_id bigint NOT NULL REFERENCES users (id), price numeric(10, 2));"
            "CREATE TABLE likes (user_id bigint, tweet_id bigint, PRIMARY KEY (user_id, tweet_id),"
            " FOREIGN KEY (tweet_id) REFERENCES tweets (id));"
            "ALTER TABLE likes ADD CONSTRAINT likes_user FOREIGN KEY (user_id) REFERENCES users;",
        ]
    )
    assert entities(diagram) == ["users", "tweets", "likes"]
    assert '    users ||--o{ tweets : "author_id"' in diagram
    assert '    tweets ||--o{ likes : "tweet_id"' in diagram
    assert '    users ||--o{ likes : "user_id"' in diagram
    assert "        bigint author_id FK\n" in diagram
    assert "        bigint user_id PK, FK\n" in diagram
    assert "        text email UK\n" in diagram
    assert "        numeric(10,2) price\n" in diagram  # a type is one word for Mermaid


def test_statements_that_do_not_parse_are_ignored() -> None:
    diagram = er_diagram(
        [
            "CREATE TABLE a (id int); CREATE TABEL b (id int); CREATE TABLE c (id int);",
            "CREATE TABLE 'unterminated",
            "",
        ]
    )
    assert entities(diagram) == ["a", "c"]
    assert er_diagram(["SELECT 1; garbage"]) == "erDiagram"


def test_names_mermaid_cannot_read_are_made_words() -> None:
    diagram = er_diagram(
        [
            'CREATE TABLE app.accounts ("the id" int, at timestamp(3) without time zone);'
            "CREATE TABLE app.items (account int REFERENCES app.accounts);"
        ]
    )
    assert entities(diagram) == ["app_accounts", "app_items"]
    assert "        integer the_id\n        timestamp(3) at\n" in diagram
    assert '    app_accounts ||--o{ app_items : "account"' in diagram


# -- the charts ---------------------------------------------------------------------------------
def test_chart_options() -> None:
    queries = {
        "post": {"kind": "write", "rows_per_call": 31.5, "wal_bytes_per_call": 6225},
        "feed": {"kind": "read", "p95_ms": 0.9},
        "profile": {"kind": "read", "p95_ms": 0.1},
    }
    latency = latency_chart(queries, {"feed": 60.0, "profile": None})
    assert latency["xAxis"]["data"] == ["feed", "profile"]
    assert [s["data"] for s in latency["series"]] == [[0.9, 0.1], [60.0, None]]
    writes = writes_chart(queries, 150)
    assert writes["xAxis"]["data"] == ["post"]
    assert writes["series"][0]["markLine"]["data"][0]["yAxis"] == 150
    assert writes["yAxis"][0]["max"] == 165  # the budget's line stays in sight
    assert writes["series"][1]["data"] == [6225]


def test_experiment_chart_groups_the_measures_per_variant() -> None:
    result = ExperimentResult(
        "sweep",
        "A sweep",
        "why",
        ["w.rows", "r.p95"],
        [
            {"label": "pull", "passed": False, "figures": {"w.rows": 1.0, "r.p95": 4.0}},
            {"label": "push", "passed": False, "figures": {"w.rows": 200.0, "r.p95": None}},
        ],
    )
    chart = experiment_chart(result)
    assert chart["xAxis"]["data"] == ["w.rows", "r.p95"]
    assert [s["name"] for s in chart["series"]] == ["pull", "push"]
    assert chart["series"][0]["data"] == [
        {"value": 0.5, "figure": 1.0},
        {"value": 100.0, "figure": 4.0},
    ]
    assert chart["series"][1]["data"][1] == {"value": None, "figure": None}


# -- the pages ----------------------------------------------------------------------------------
async def test_design_list_shows_the_prompts_and_measures_the_numbers(
    services: Services,
) -> None:
    async with page_user(services) as user:
        await user.open("/design")
        await user.should_see("Twitter home timeline")
        await user.should_see("Design the data layer behind Twitter's home timeline.")
        await user.should_see("Numbers to know, measured here")
        user.find(marker="measure").click()
        await user.should_see(marker="numbers", retries=RUN)
        figures = [row["figure"] for row in element(user, "numbers").rows]
        assert "fsync commits a second" in figures


async def test_prompt_page_shows_the_prompt_and_the_named_queries(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        await user.should_see("Twitter home timeline")
        queries = element(user, "queries").rows
        assert [q["name"] for q in queries] == ["post_tweet", "home_timeline", "profile"]
        assert queries[1]["params"] == ":user_id bigint"
        assert queries[1]["budget"] == "60 ms"
        await user.should_see("How fresh must a timeline be")
        assert "CREATE TABLE follows" in element(user, "given").content
        assert [e["name"] for e in element(user, "estimates-expected").rows] == [
            "peak_tweets_per_s",
            "timeline_reads_per_s",
            "tweet_storage_per_year",
        ]
        # the editors start from the template; the diagram shows the given tables
        queries_editor = element(user, "editor-queries")
        assert isinstance(queries_editor, ui.codemirror)
        assert queries_editor.language == "PostgreSQL"
        assert "-- name: home_timeline" in queries_editor.value
        assert "| peak_tweets_per_s | ? | /s |" in element(user, "editor-estimation").value
        assert entities(element(user, "er").content) == ["users", "follows", "tweets"]


async def test_the_schema_editor_redraws_the_diagram(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        element(
            user, "editor-schema"
        ).value = "CREATE TABLE timeline (user_id bigint REFERENCES users (id), tweet_id bigint);"
        for _ in range(30):  # the diagram is redrawn within a second of a change
            if "timeline" in element(user, "er").content:
                break
            await asyncio.sleep(0.1)
        diagram = element(user, "er").content
        assert entities(diagram) == ["users", "follows", "tweets", "timeline"]
        assert 'users ||--o{ timeline : "user_id"' in diagram


async def test_the_staff_model_runs_with_every_check_passed(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        user.find(marker="load-staff").click()
        await user.should_see("Loaded the staff model.")
        assert "CREATE TABLE timeline" in element(user, "editor-schema").value
        assert "partitioned by hash of user_id" in element(user, "editor-schema_notes").value
        assert "timeline" in entities(element(user, "er").content)
        user.find(marker="run").click()
        await user.should_see(marker="verdict", retries=RUN)
        assert element(user, "verdict").text == "PASSED"
        checks = texts(user, "check")
        assert len(checks) >= 5
        assert all(check.startswith("✓") for check in checks), checks
        assert "✓ latency:home_timeline" in checks
        measured = {row["query"]: row for row in element(user, "measured").rows}
        assert set(measured) == {"post_tweet", "home_timeline", "profile"}
        assert element(user, "latency-chart").options["xAxis"]["data"] == [
            "home_timeline",
            "profile",
        ]
        assert element(user, "writes-chart").options["xAxis"]["data"] == ["post_tweet"]
        assert "timeline" in {row["table"] for row in element(user, "tables").rows}
        await user.should_see(marker="extrapolated")
        await user.should_not_see(marker="leaks")
        await user.should_not_see(marker="run-progress")  # hidden when the run is over
        # The history refreshes after the run is recorded: wait for it (a loaded machine).
        for _ in range(100):
            if element(user, "history").rows[0]["what"] == "run":
                break
            await asyncio.sleep(0.1)
        assert element(user, "history").rows[0]["what"] == "run"


async def test_a_parse_error_names_the_section_and_the_editor_line(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        user.find(marker="load-staff").click()
        await user.should_see("Loaded the staff model.")
        editor = element(user, "editor-queries")
        editor.value = editor.value + "\n-- name: nope\nSELECT 1;\n"
        user.find(marker="run").click()
        await user.should_see(marker="parse-error", retries=RUN)
        message = element(user, "error").text
        assert message.startswith("## Queries, line ")
        assert "unknown query name 'nope'" in message
        where = element(user, "error-where").text
        line = int(where.rsplit(" ", 1)[1])
        assert where.startswith("→ the Queries editor, line")
        assert editor.value.splitlines()[line - 1] == "-- name: nope"
        assert editor.line_tooltips == {line: message}
        await user.should_not_see(marker="verdict")


async def test_loading_a_model_over_a_draft_asks_first(services: Services) -> None:
    senior = split_design(design(services).model(PROMPT, "senior"))
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        user.find(marker="load-staff").click()  # over the untouched template: no question
        await user.should_see("Loaded the staff model.")
        element(user, "editor-requirements").value = "My own requirements."
        user.find(marker="load-senior").click()
        await user.should_see("Replace your draft with the senior model?")
        assert element(user, "editor-requirements").value == "My own requirements."
        user.find(marker="replace-confirm").click()
        await user.should_see("Loaded the senior model.")
        assert element(user, "editor-requirements").value == senior["requirements"]
        assert element(user, "editor-queries").value == senior["queries"]


async def test_unknown_prompt_says_so(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/design/no-such-prompt")
        await user.should_see(marker="unknown")
        await user.should_see("no design prompt 'no-such-prompt'")


async def test_reloading_the_page(services: Services) -> None:
    for _ in range(2):
        async with page_user(services) as user:
            await user.open(f"/design/{PROMPT}")
            await user.should_see(marker="queries")
            await user.should_not_see("500")


@pytest.mark.slow
async def test_grading_the_staff_model(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        user.find(marker="load-staff").click()
        await user.should_see("Loaded the staff model.")
        user.find(marker="grade").click()
        await user.should_see(marker="score", retries=RUN)
        assert element(user, "level").text == "staff"
        assert int(element(user, "score").text.split("/")[0]) >= 75
        assert len(user.find(marker="part").elements) == 6
        estimates = element(user, "estimates").rows
        assert [row["verdict"] for row in estimates] == ["good", "good", "good"]
        assert estimates[2]["expected"] == "44.0 TB"
        assert len(user.find(marker="covered").elements) >= 10
        await user.should_see(marker="verdict")  # the run behind the grade


@pytest.mark.slow
async def test_prove_it_draws_each_experiment(services: Services) -> None:
    async with page_user(services) as user:
        await user.open(f"/design/{PROMPT}")
        user.find(marker="prove").click()
        await user.should_see(marker="experiment", retries=RUN * 3)
        rows = element(user, "experiment-table").rows
        assert [r["variant"] for r in rows] == [
            "fan-out on read (threshold 0)",
            "hybrid, threshold 100",
            "hybrid, threshold 1,000",
            "fan-out on write (no threshold)",
        ]
        assert rows[2]["passed"] == "✓"
        chart = element(user, "experiment-chart").options
        assert len(chart["series"]) == len(rows)
