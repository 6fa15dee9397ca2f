"""A schema problem's acceptance checks for one case, run by the server in one PL/pgSQL block.

Each check used to run in a savepoint of its own: two or three round trips, and a Python
exception for every row a constraint refused. A schema problem has about 18 checks, and they
were two thirds of its judging's CPU, on both sides (bench/judge.py; docs/sql.md). The block
runs the case's checks in order, each in a subtransaction of its own (BEGIN ... EXCEPTION),
which is undone whatever the check did, and stops at the first that fails, with an error whose
SQLSTATE says how it failed and whose fields say which check and, where the database said
why, its SQLSTATE (DETAIL) and words (HINT). The case's statement_timeout and the watchdog
cover the block as they covered each check; a cancel is not caught by `WHEN others`.

The checks are the content's SQL, trusted as the datasets are, and reach the block as string
literals run by EXECUTE. The candidate never sends a block: the classifier admits no DO.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import psycopg
from psycopg import sql

from pgdojo.content.models import SchemaCheck
from pgdojo.tracks.sql.classify import split_statements

# Raised inside a check's block to undo what it did when it went as it should. (Not "PJ000":
# a code ending in 000 names its whole class in a handler, and would catch the others.)
PASSED = "PJ100"
# How a check failed: the block's error.
REFUSED = "PJ001"  # an `accept` check's statement failed
ACCEPTED = "PJ002"  # a `reject` check's statements all succeeded
NOT_BY_A_CONSTRAINT = "PJ003"  # a `reject` check failed, but not by a constraint (class 23)
SEQUENTIAL = "PJ004"  # an `index` check's plan still reads the table sequentially
UNPLANNABLE = "PJ005"  # an `index` check's query could not be planned
OUTCOMES = frozenset({REFUSED, ACCEPTED, NOT_BY_A_CONSTRAINT, SEQUENTIAL, UNPLANNABLE})

# EXPLAIN (FORMAT JSON) writes every node, subplans included, as `"Node Type": "..."`; a
# quote inside a string value is escaped, so a name or a filter cannot look like one.
_SEQ_SCAN = '%"Node Type": "Seq Scan"%'


@dataclass(frozen=True)
class CheckFailure:
    """Which check failed, how (one of OUTCOMES) and, when a statement failed, the
    database's SQLSTATE and message."""

    index: int
    outcome: str
    sqlstate: str | None = None
    message: str = ""


def case_block(checks: Sequence[SchemaCheck]) -> str:
    """The DO statement that runs `checks` (one case's, in order); "" for none."""
    return _block(tuple((c.expect, c.sql) for c in checks))


@functools.lru_cache(maxsize=512)
def _block(checks: tuple[tuple[str, str], ...]) -> str:
    # Built once per case: the checks are the problem's, the same at every judging.
    if not checks:
        return ""
    parts = [_check(index, expect, text) for index, (expect, text) in enumerate(checks)]
    body = "\n".join(parts)
    tag = "pgdojo_checks"
    while f"${tag}$" in body:  # a quote the checks' text cannot end
        tag += "_"
    declare = "DECLARE st text; msg text; plan text;"
    return f"DO ${tag}$\n{declare}\nBEGIN\n{body}\nEND\n${tag}$"


def _check(index: int, expect: str, text: str) -> str:
    *before, last = [sql.Literal(s.text).as_string() for s in split_statements(text)]
    run = " ".join(f"EXECUTE {literal};" for literal in before)

    def fail(code: str) -> str:
        return (
            "GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT; "
            f"RAISE SQLSTATE '{code}' USING MESSAGE = '{index}', DETAIL = st, HINT = msg;"
        )

    if expect == "index":  # the statements before the last run, the last is planned
        body = (
            f"{run} SET LOCAL enable_seqscan = off; "
            f"EXECUTE 'EXPLAIN (FORMAT JSON) ' || {last} INTO plan; "
            f"IF plan LIKE {sql.Literal(_SEQ_SCAN).as_string()} THEN "
            f"RAISE SQLSTATE '{SEQUENTIAL}' USING MESSAGE = '{index}'; END IF; "
            f"RAISE SQLSTATE '{PASSED}';"
        )
        handlers = (
            f"WHEN SQLSTATE '{PASSED}' THEN NULL; WHEN SQLSTATE '{SEQUENTIAL}' THEN RAISE; "
            f"WHEN others THEN {fail(UNPLANNABLE)}"
        )
    elif expect == "reject":
        body = f"{run} EXECUTE {last}; RAISE SQLSTATE '{ACCEPTED}' USING MESSAGE = '{index}';"
        handlers = (
            "WHEN integrity_constraint_violation THEN NULL; "
            f"WHEN SQLSTATE '{ACCEPTED}' THEN RAISE; "
            f"WHEN others THEN {fail(NOT_BY_A_CONSTRAINT)}"
        )
    else:
        body = f"{run} EXECUTE {last}; RAISE SQLSTATE '{PASSED}';"
        handlers = f"WHEN SQLSTATE '{PASSED}' THEN NULL; WHEN others THEN {fail(REFUSED)}"
    return f"  BEGIN {body}\n  EXCEPTION {handlers}\n  END;"


def check_failure(exc: psycopg.Error) -> CheckFailure | None:
    """What the block's error says, or None when the error is not the block's verdict (the
    case's rows failed to load, or the time ran out)."""
    if exc.sqlstate not in OUTCOMES:
        return None
    diag = exc.diag
    return CheckFailure(
        index=int(diag.message_primary or 0),
        outcome=exc.sqlstate,
        sqlstate=diag.message_detail,
        message=diag.message_hint or "",
    )
