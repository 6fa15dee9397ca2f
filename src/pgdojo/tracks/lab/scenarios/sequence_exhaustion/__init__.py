"""The audit table's serial key ran out: nextval is at 2^31 - 1 and every insert fails.

`audit_events.id` is a serial, an integer column fed by a sequence AS integer. The ingestion
de-duplicates with INSERT ... ON CONFLICT DO NOTHING, which calls nextval for the column
default before it finds the conflict, so duplicate deliveries burn ids: 60k rows, ids up to
2.1 billion, and the sequence at its maximum. Every insert fails with SQLSTATE 2200H. The fix
migrates both halves of the key to bigint (the column and the sequence); setval back to 1 or
CYCLE reuse ids that rows already hold. `refunds` is the next one (65% used): prevention is no
integer key fed by a sequence left in the schema.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from typing import Any

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner

INT4_MAX = 2**31 - 1
# Ids left when the lab starts: the two ingestion sessions use them up within a second or two.
IDS_LEFT = 40
DENSE_ROWS = 40_000  # the first years: one id per row
BURNED_ROWS = 20_000  # then at-least-once deliveries: about 107k ids burned per stored row
BURN_STRIDE = 107_000
REFUNDS_LAST_VALUE = 1_400_000_000  # 65% of the integer range: the next incident
# A sequence this wide is a bigint one (its max_value followed the type).
BIGINT_MAX_AT_LEAST = 2**62

# The sequence that feeds audit_events.id (its column default, or its identity), with the
# column's type: what a new row's id comes from and must fit in.
KEY_SQL = """\
WITH col AS (
    SELECT a.attrelid, a.attnum, format_type(a.atttypid, a.atttypmod) AS col_type
    FROM pg_attribute a
    WHERE a.attrelid = 'public.audit_events'::regclass AND a.attname = 'id'),
feeder AS (
    SELECT d.refobjid AS seq FROM col
    JOIN pg_attrdef ad ON ad.adrelid = col.attrelid AND ad.adnum = col.attnum
    JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
        AND d.refclassid = 'pg_class'::regclass
    UNION
    SELECT d.objid FROM col
    JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        AND d.refobjid = col.attrelid AND d.refobjsubid = col.attnum AND d.deptype = 'i')
SELECT col.col_type, c.relname::text, format_type(s.seqtypid, NULL), s.seqmax, s.seqcycle,
       s.seqstart, s.seqincrement, pg_sequence_last_value(s.seqrelid)
FROM col
LEFT JOIN feeder f ON true
LEFT JOIN pg_sequence s ON s.seqrelid = f.seq
LEFT JOIN pg_class c ON c.oid = s.seqrelid
ORDER BY s.seqmax DESC NULLS LAST
LIMIT 1"""

# Every column of the app's schema fed by a sequence, with both types.
SEQUENCE_KEYS_SQL = """\
SELECT c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod),
       format_type(s.seqtypid, NULL)
FROM pg_attrdef ad
JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
    AND d.refclassid = 'pg_class'::regclass
JOIN pg_sequence s ON s.seqrelid = d.refobjid
JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
JOIN pg_class c ON c.oid = ad.adrelid
WHERE c.relnamespace = 'public'::regnamespace
UNION
SELECT c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod),
       format_type(s.seqtypid, NULL)
FROM pg_depend d
JOIN pg_sequence s ON s.seqrelid = d.objid
JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
JOIN pg_class c ON c.oid = d.refobjid
WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.deptype = 'i' AND c.relnamespace = 'public'::regnamespace
ORDER BY 1"""


def audit_ingest(ctx: WorkloadContext) -> None:
    """The ingestion service: at-least-once deliveries, de-duplicated by the event key."""
    recent: list[str] = []
    last_report = 0.0
    with app_session(ctx, "audit-ingest") as conn:
        while ctx.sleep(0.04):
            # A third of the deliveries repeat an event already stored.
            key = random.choice(recent) if recent and random.random() < 0.33 else str(uuid.uuid4())
            recent = [*recent, key][-50:]
            try:
                with ctx.op():
                    conn.execute(
                        "INSERT INTO audit_events (event_key, actor_id, action)"
                        " VALUES (%s, %s, %s) ON CONFLICT (event_key) DO NOTHING",
                        (key, random.randint(1, 9000), random.choice(("login", "export", "grant"))),
                    )
            except psycopg.Error as exc:
                if time.monotonic() - last_report > 1.0:  # one line a second, not one per insert
                    last_report = time.monotonic()
                    ctx.event("insert_failed", sqlstate=exc.sqlstate, error=str(exc)[:160])


def refunds_api(ctx: WorkloadContext) -> None:
    """Refunds: a few a second, on their own integer serial (not exhausted yet)."""
    with app_session(ctx, "refunds-api") as conn:
        while ctx.sleep(0.2):
            with ctx.op():
                conn.execute(
                    "INSERT INTO refunds (order_id, amount) VALUES (%s, %s)",
                    (random.randint(1, 50_000), round(random.uniform(1, 90), 2)),
                )


def orders_api(ctx: WorkloadContext) -> None:
    """Order pages: reads, unaffected."""
    with app_session(ctx, "orders-api") as conn:
        while ctx.sleep(0.05):
            with ctx.op():
                conn.execute(
                    "SELECT status, total FROM orders WHERE id = %s", (random.randint(1, 50_000),)
                ).fetchone()


class SequenceExhaustion(Scenario):
    doc = scenario_doc(__file__)
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL,
                total numeric(10, 2) NOT NULL);
            INSERT INTO orders (status, total)
                SELECT 'delivered', (g % 300) + 0.99 FROM generate_series(1, 50000) g;
            CREATE TABLE audit_events (
                id serial PRIMARY KEY, event_key text NOT NULL UNIQUE, actor_id bigint NOT NULL,
                action text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO audit_events (id, event_key, actor_id, action, created_at)
                SELECT g, 'legacy-' || g, g % 9000 + 1, 'login',
                       now() - ({DENSE_ROWS} - g) * interval '1 hour'
                FROM generate_series(1, {DENSE_ROWS}) g;
            INSERT INTO audit_events (id, event_key, actor_id, action, created_at)
                SELECT {DENSE_ROWS} + g * {BURN_STRIDE}, 'evt-' || g, g % 9000 + 1, 'export',
                       now() - ({BURNED_ROWS} - g) * interval '1 min'
                FROM generate_series(1, {BURNED_ROWS}) g;
            SELECT setval('audit_events_id_seq', {INT4_MAX - IDS_LEFT});
            CREATE TABLE refunds (
                id serial PRIMARY KEY, order_id bigint NOT NULL, amount numeric(10, 2) NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            SELECT setval('refunds_id_seq', {REFUNDS_LAST_VALUE});
            """,
        )
        admin.execute("VACUUM ANALYZE public.audit_events")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [audit_ingest, audit_ingest, refunds_api, orders_api]

    # -- measuring -------------------------------------------------------------------------
    def _key(self, lab: Lab) -> dict[str, Any]:
        with lab.admin() as admin:
            row = admin.execute(KEY_SQL).fetchone()
        assert row is not None
        return {
            "column_type": row[0],
            "sequence": row[1],
            "sequence_type": row[2],
            "max_value": row[3],
            "cycle": row[4],
            "start_value": row[5],
            "increment": row[6],
            "last_value": row[7],
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        key = self._key(lab)
        failures = [e for e in lab.events("insert_failed") if e["t"] >= time.time() - 4]
        measured.update(
            insert_errors=[f"{e['sqlstate']}: {e['error']}" for e in failures[-1:]],
            sequence_last_value=key["last_value"],
            sequence_max_value=key["max_value"],
            id_column_type=key["column_type"],
        )
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return float(measured.get("errors_per_s") or 0) > 0

    def _id_range(self, lab: Lab) -> tuple[int, int]:
        with lab.probe() as probe:  # the app's table: never as the superuser
            row = probe.execute("SELECT min(id), max(id) FROM audit_events").fetchone()
        if not row or row[0] is None:
            return 0, 0
        return int(row[0]), int(row[1])

    def _next_id_collides(self, key: dict[str, Any], ids: tuple[int, int]) -> bool:
        """The sequence will hand out ids that rows already hold: ascending from below the
        highest id, or (the negative-range lever) descending from above the lowest."""
        step = int(key["increment"] or 1)
        last = key["last_value"]
        # Never called yet (RESTART): the first value is the start value itself.
        last = int(last) if last is not None else int(key["start_value"] or 1) - step
        return last < ids[1] if step > 0 else last > ids[0]

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        ids = self._id_range(lab)  # first: ids inserted after it come from the sequence
        key = self._key(lab)
        max_id = ids[1]
        measured = {**key, "max_id": max_id}
        wide_sequence = (key["max_value"] or 0) >= BIGINT_MAX_AT_LEAST
        if self._next_id_collides(key, ids):
            return Finding(
                "root_cause",
                False,
                f"the sequence was moved back below the highest id in the table ({max_id}): "
                "its next values belong to rows that exist",
                measured,
            )
        if key["cycle"]:
            return Finding(
                "root_cause",
                False,
                "the sequence cycles: at its maximum it starts again from its minimum, over "
                "ids that rows hold",
                measured,
            )
        if key["column_type"] != "bigint":
            return Finding(
                "root_cause",
                False,
                f"the id column is still {key['column_type']}: ids past 2147483647 do not fit "
                "in it, whatever the sequence hands out",
                measured,
            )
        if not wide_sequence:
            return Finding(
                "root_cause",
                False,
                f"the sequence feeding the key still stops at {key['max_value']}",
                measured,
            )
        return Finding(
            "root_cause",
            True,
            "the key is bigint end to end: the column and the sequence that feeds it",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            rows = admin.execute(SEQUENCE_KEYS_SQL).fetchall()
        keys = {str(r[0]): f"{r[1]} (sequence {r[2]})" for r in rows}
        narrow = sorted(str(r[0]) for r in rows if r[1] != "bigint" or r[2] != "bigint")
        if narrow:
            return Finding(
                "prevention",
                False,
                f"{len(narrow)} key(s) fed by a sequence are still narrower than bigint: the "
                "next exhaustion is already counting (pg_sequences: last_value / max_value)",
                keys,
            )
        return Finding(
            "prevention",
            True,
            "every key fed by a sequence in the schema is bigint, column and sequence",
            keys,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [
            "audit_events_id_seq",
            "sequence",
            "2147483647",
            "max_value",
            "maximum value",
            "integer",
            "int4",
            "serial",
        ]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        ids = self._id_range(lab)  # before the sequence, as in root_cause
        key = self._key(lab)
        max_id = ids[1]
        traps: list[Finding] = []
        if self._next_id_collides(key, ids):
            traps.append(
                Finding(
                    "trap:sequence-reset",
                    False,
                    f"the sequence now hands out ids below {max_id}, the highest stored: "
                    "inserts collide with existing rows (duplicate key errors), and where a gap "
                    "lets one through, an id that other systems have already seen means "
                    "something else",
                    {"last_value": key["last_value"], "max_id": max_id},
                )
            )
        if key["cycle"]:
            traps.append(
                Finding(
                    "trap:sequence-cycle",
                    False,
                    "CYCLE makes the sequence wrap to its minimum at the maximum: the same "
                    "collisions as resetting it, on a timer",
                )
            )
        return traps


SCENARIO = SequenceExhaustion()
