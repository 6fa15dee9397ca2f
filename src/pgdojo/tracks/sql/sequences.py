"""Sequences between datasets: a rollback does not undo nextval.

A judging loads each dataset in a savepoint and rolls it back, and a writable copy is given
back after its judging rolled back: the rows go, but every sequence a load or a candidate
advanced stays advanced (nextval is never rolled back, so that concurrent transactions never
wait on each other for an id). The next dataset's rows would take other ids, and a reference
and a submission run one after the other would disagree on them. So the judge records where
the sequences stood once the tables existed and puts them back before every dataset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from psycopg import sql

# Without one of these words a text creates no sequence (serial, bigserial, GENERATED ... AS
# IDENTITY, LIKE ... INCLUDING IDENTITY, CREATE SEQUENCE): the judge skips the look-up.
_WORDS = re.compile(r"serial|identity|sequence", re.IGNORECASE)

# Each sequence of the schemas and the value its next nextval follows from.
STATES = """
SELECT schemaname, sequencename, coalesce(last_value, start_value), last_value IS NOT NULL
FROM pg_catalog.pg_sequences WHERE schemaname = ANY(%s) ORDER BY 1, 2
"""

State = Sequence[Any]  # (schema, sequence, value, is_called)


def may_create_sequences(*texts: str) -> bool:
    return any(_WORDS.search(text) for text in texts)


def reset_sql(states: Iterable[State], schema: str | None = None) -> str:
    """One statement that sets every sequence back to its recorded state ("" for none);
    `schema` puts them in another schema than the one they were recorded in (a copy)."""
    calls = [
        sql.SQL("pg_catalog.setval({}, {}, {})").format(
            sql.Literal(sql.Identifier(schema or recorded, name).as_string()),
            sql.Literal(int(value)),
            sql.Literal(bool(called)),
        )
        for recorded, name, value, called in states
    ]
    if not calls:
        return ""
    return sql.SQL("SELECT {};\n").format(sql.SQL(", ").join(calls)).as_string()
