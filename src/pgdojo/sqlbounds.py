"""What may reach pglast: bounds on a SQL text's size and nesting, checked before parsing.

pglast (libpg_query) converts a parse tree to Python recursively, with no stack check: a tree
deep enough takes the whole process down. Every place that parses untrusted SQL (the judge,
lab consoles, design submissions) checks the text here first.
"""

from __future__ import annotations

from dataclasses import dataclass

from pglast.parser import ParseError, scan

# What reaches pglast. Measured with pglast 8.8 on Linux x86-64 (tests/tracks/sql/test_hostile.py
# has the probe): converting a tree costs ~350 bytes of C stack per level, so the process
# segfaults at ~2,950 levels per MB of stack; `SELECT 1+1+...` (two tokens per level) crashes
# at 23,800 terms on the 8 MB stack of the main thread and of Linux threads, UNION ALL chains at
# 15,400, `::int` chains at 32,700; a prefix NOT (one token, two levels) is the densest shape.
# The grammar's own stack refuses ~10,000 open parentheses or prefix operators ("memory
# exhausted"), which is a syntax error, not a crash. The largest statement in the problem
# bank has 253 tokens and nests 4 deep: 5,000 tokens keep every tree under ~10,000 levels
# (below the crash on a 2 MB stack), and 100 levels of nesting is 25 times the bank's deepest.
MAX_TOKENS_PER_STATEMENT = 5_000
MAX_NESTING = 100
_OPENERS = frozenset({"ASCII_40", "ASCII_91", "CASE"})  # ( [ CASE
_CLOSERS = frozenset({"ASCII_41", "ASCII_93", "END_P"})  # ) ] END
_COMMENTS = frozenset({"SQL_COMMENT", "C_COMMENT"})


@dataclass(frozen=True)
class SizeProblem:
    message: str
    offset: int  # where in the text


def size_problem(source: str) -> SizeProblem | None:
    """Why `source` must not be parsed (too many tokens in a statement, nesting too deep), or
    None when it may be."""
    if len(source) <= MAX_TOKENS_PER_STATEMENT and _openers_at_most(source) <= MAX_NESTING:
        return None  # a token is at least a character: neither bound can be reached
    try:
        tokens = scan(source)
    except ParseError:
        return None  # a lexer error: the parser stops at it too, before building any tree
    count = depth = 0
    statement = 1
    start = 0
    for token in tokens:
        if token.name in _COMMENTS:
            continue
        if token.name == "ASCII_59":  # ;
            count, statement, start = 0, statement + 1, token.end + 1
            continue
        count += 1
        if count > MAX_TOKENS_PER_STATEMENT:
            return SizeProblem(
                f"statement {statement} is too long: more than {MAX_TOKENS_PER_STATEMENT:,} "
                "tokens (words, numbers, operators); the judge accepts at most "
                f"{MAX_TOKENS_PER_STATEMENT:,} per statement",
                start,
            )
        if token.name in _OPENERS:
            depth += 1
            if depth > MAX_NESTING:
                return SizeProblem(
                    f"parentheses, brackets and CASE nest more than {MAX_NESTING} levels deep; "
                    f"the judge accepts at most {MAX_NESTING}",
                    token.start,
                )
        elif token.name in _CLOSERS:
            depth = max(0, depth - 1)
    return None


def _openers_at_most(source: str) -> int:
    """At least as many as the text's ( [ and CASE tokens (a "case" inside a word or a string
    counts too): the most the nesting can be, without scanning."""
    return source.count("(") + source.count("[") + source.upper().count("CASE")
