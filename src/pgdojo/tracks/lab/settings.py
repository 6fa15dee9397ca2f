"""What a role's new sessions get for a setting, units, and "a setting is in place" preventions.

Many preventions are a setting scoped to the role that caused the incident (a statement_timeout
for the reporting role, an idle_in_transaction_session_timeout for the app): `role_setting`
reads what a new session of the role would get, every level of configuration applied, and
`setting_prevention` turns "one of these settings is within bounds" into the Finding.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

import psycopg

from pgdojo.tracks.lab.scenario import Finding

# A Finding's text: a template with {name} and {value}, or a function of the two.
Text = str | Callable[[str, str | None], str]


def role_setting(admin: psycopg.Connection[Any], role: str, name: str) -> str | None:
    """The value a new session of `role` in database shop gets for setting `name`
    (role-in-database, role, database settings and ALTER SYSTEM all count). Catalog reads
    only: run it on `Lab.admin()` (pg_file_settings is for superusers)."""
    row = admin.execute(
        "SELECT s.cfg FROM (SELECT unnest(setconfig) AS cfg, setrole, setdatabase"
        " FROM pg_db_role_setting) s"
        " WHERE (s.setrole = %s::regrole OR s.setrole = 0)"
        " AND (s.setdatabase = (SELECT oid FROM pg_database WHERE datname = 'shop')"
        "      OR s.setdatabase = 0)"
        " AND split_part(s.cfg, '=', 1) = %s"
        " ORDER BY s.setrole <> 0 DESC, s.setdatabase <> 0 DESC LIMIT 1",
        (role, name),
    ).fetchone()
    if row:
        return str(row[0]).split("=", 1)[1]
    file_row = admin.execute(
        "SELECT setting FROM pg_file_settings WHERE name = %s AND applied"
        " ORDER BY seqno DESC LIMIT 1",
        (name,),
    ).fetchone()
    return str(file_row[0]) if file_row else None


def duration_ms(value: str | None) -> float:
    """'30s', '5min', '1500' (ms) -> milliseconds; 0 for unset/zero/unparseable."""
    if not value:
        return 0.0
    text = value.strip().strip("'").lower()
    units = {"ms": 1, "s": 1000, "min": 60_000, "h": 3_600_000, "d": 86_400_000}
    for unit in sorted(units, key=len, reverse=True):
        if text.endswith(unit):
            try:
                return float(text[: -len(unit)].strip()) * units[unit]
            except ValueError:
                return 0.0
    try:
        return float(text)
    except ValueError:
        return 0.0


def memory_kb(value: str | None) -> int | None:
    """'64MB', '4096' (kB), '1GB' -> kB; None when unset or unreadable."""
    if value is None:
        return None
    text = value.strip().strip("'").replace(" ", "")
    units = {"kb": 1, "mb": 1024, "gb": 1024**2, "tb": 1024**3}
    for unit, factor in units.items():
        if text.lower().endswith(unit):
            with contextlib.suppress(ValueError):
                return int(float(text[: -len(unit)]) * factor)
            return None
    with contextlib.suppress(ValueError):
        return int(text)
    return None


def timeout_within(max_ms: float) -> Callable[[str | None], bool]:
    """Accepts a duration setting that is on (not 0) and at most `max_ms`."""
    return lambda value: 0 < duration_ms(value) <= max_ms


def is_set(value: str | None) -> bool:
    """Accepts any value but unset and -1 (off, for settings like temp_file_limit)."""
    return value is not None and value.strip("'") != "-1"


def setting_prevention(
    admin: psycopg.Connection[Any],
    role: str,
    names: Sequence[str],
    accept: Callable[[str | None], bool],
    ok: Text,
    missing: Text,
) -> Finding:
    """Prevention is in place when a new session of `role` gets one of `names` with a value
    `accept` takes (the first such one is named in `ok`). `missing` gets the first setting
    and its value. Measured: every setting's value."""
    values = {name: role_setting(admin, role, name) for name in names}
    chosen = next(((n, v) for n, v in values.items() if accept(v)), None)
    if chosen:
        return Finding("prevention", True, _text(ok, *chosen), values)
    first = names[0]
    return Finding("prevention", False, _text(missing, first, values[first]), values)


def _text(text: Text, name: str, value: str | None) -> str:
    return text.format(name=name, value=value) if isinstance(text, str) else text(name, value)
