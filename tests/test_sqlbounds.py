"""The bounds hold for short texts too: the shortcut that skips the scan for a text too short
to reach them never lets through a text that reaches one."""

from __future__ import annotations

from pgdojo.sqlbounds import MAX_NESTING, MAX_TOKENS_PER_STATEMENT, size_problem


def test_a_short_text_nested_too_deep_is_refused() -> None:
    depth = MAX_NESTING + 1
    source = "SELECT " + "(" * depth + "1" + ")" * depth
    assert len(source) < MAX_TOKENS_PER_STATEMENT
    problem = size_problem(source)
    assert problem is not None and f"at most {MAX_NESTING}" in problem.message
    case = "SELECT " + "CASE WHEN true THEN " * depth + "1" + " END" * depth
    assert size_problem(case) is not None


def test_nesting_at_the_bound_and_words_that_only_look_like_case_pass() -> None:
    source = "SELECT " + "(" * MAX_NESTING + "1" + ")" * MAX_NESTING
    assert size_problem(source) is None
    showcase = "SELECT " + ", ".join(f"'showcase {i}' AS showcase_{i}" for i in range(60))
    assert size_problem(showcase) is None


def test_a_long_statement_is_still_counted() -> None:
    terms = MAX_TOKENS_PER_STATEMENT  # 1+1+...: two tokens a term
    assert size_problem("SELECT " + "+".join(["1"] * terms)) is not None
    assert size_problem("SELECT 1;" * (MAX_TOKENS_PER_STATEMENT // 4)) is None  # many short ones
