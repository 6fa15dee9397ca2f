"""Reading a design submission: sections, named queries, :params, estimates, clear errors."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pgdojo.content.design import DesignPrompt, load_prompts
from pgdojo.tracks.design.submission import (
    SubmissionError,
    parse_number,
    parse_submission,
    to_placeholders,
)

PROMPT: DesignPrompt = load_prompts()["twitter-timeline"]
STAFF = PROMPT.designs["staff"].text


def _replace(old: str, new: str) -> str:
    assert old in STAFF
    return STAFF.replace(old, new)


def test_the_staff_design_parses() -> None:
    submission = parse_submission(STAFF, PROMPT)
    assert set(submission.queries) == {"post_tweet", "home_timeline", "profile"}
    post = submission.queries["post_tweet"]
    assert post.params == ("author_id", "content")
    assert "%(author_id)s" in post.sql and ":author_id" in post.text
    assert {e.name for e in submission.estimates} >= {"peak_tweets_per_s"}
    assert "CREATE TABLE timeline" in submission.schema_sql
    assert "```" not in submission.prose() and "Requirements" not in submission.prose()[:20]


def test_placeholders_skip_strings_casts_comments_and_dollar_quotes() -> None:
    sql, params = to_placeholders("SELECT :a, ':b', x::int, $$ :c $$, 5 % 2 -- :d\n, /* :e */ :f_2")
    assert [p for p, _ in params] == ["a", "f_2"]
    assert sql == "SELECT %(a)s, ':b', x::int, $$ :c $$, 5 %% 2 -- :d\n, /* :e */ %(f_2)s"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## Requirements\nx\n", "sections missing"),
        (_replace("-- name: profile", "-- name: profiles"), "unknown query name 'profiles'"),
        (
            _replace("WHERE author_id = :user_id ORDER", "WHERE author_id = :uid ORDER"),
            "unknown parameter :uid in profile",
        ),
        (_replace("CREATE TABLE timeline (", "CREATE TABLE timeline (("), "## Schema, line"),
        (
            _replace("LIMIT 20;\n\n-- name: profile", "LIMT 20;\n\n-- name: profile"),
            "## Queries (home_timeline), line",
        ),
        ("", "empty"),
    ],
)
def test_errors_name_the_section_and_line(text: str, message: str) -> None:
    with pytest.raises(SubmissionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_submission(text, PROMPT)


def test_a_missing_query_and_an_empty_template_are_refused() -> None:
    without = STAFF[: STAFF.index("-- name: profile")] + "```\n\n## Scaling\nx\n## Trade-offs\ny\n"
    with pytest.raises(SubmissionError, match="missing profile"):
        parse_submission(without, PROMPT)


def test_a_schema_error_points_at_its_line() -> None:
    broken = _replace("CREATE TABLE follower_counts (", "CREATE TABLE follower_counts ((")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "follower_counts ((" in text)
    with pytest.raises(SubmissionError, match=f"line {line}"):
        parse_submission(broken, PROMPT)


def test_a_huge_expression_is_refused_before_the_parser() -> None:
    huge = _replace(
        "SELECT id, author_id, content, created_at FROM tweets\nWHERE",
        "SELECT " + "1+" * 30000 + "1 FROM tweets WHERE",
    )
    with pytest.raises(SubmissionError, match="too long"):
        parse_submission(huge, PROMPT)


def test_numbers() -> None:
    assert parse_number("14k") == (14000.0, "")
    assert parse_number("2.5 TB") == (2.5e12, "bytes")
    assert parse_number("1,200 /s") == (1200.0, "/s")
    assert parse_number("~3 million") == (3e6, "")
    assert parse_number("lots") is None


@given(st.text(max_size=300))
@example(":À")  # a letter outside ASCII after a colon is not a parameter name
def test_placeholders_never_fail(text: str) -> None:
    sql, params = to_placeholders(text)
    assert sql.count("%(") == len(params)


def test_line_numbers_count_blank_lines_after_a_heading() -> None:
    text = _replace("## Queries\n", "## Queries\n\n\n").replace("-- name: profile", "-- name: nope")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "-- name: nope" in t)
    with pytest.raises(SubmissionError, match=f"line {line}: unknown query name 'nope'"):
        parse_submission(text, PROMPT)
    broken = _replace("## Schema\n", "## Schema\n\n\n").replace(
        "CREATE TABLE timeline (", "CREATE TABLE timeline (("
    )
    line = next(n for n, t in enumerate(broken.splitlines(), 1) if "timeline ((" in t)
    with pytest.raises(SubmissionError, match=f"line {line}"):
        parse_submission(broken, PROMPT)
