"""An abandoned logical replication slot retains every WAL segment: pg_wal grows until the disk
is full.

The decommissioned Debezium connector's slot `debezium_orders` still exists, inactive, with its
`restart_lsn` where the connector stopped. Checkpoints cannot remove any segment after it, so
pg_wal holds everything written since (`wal_status = extended`: past max_wal_size). The fix is
dropping the slot (after making sure nothing consumes it) and a checkpoint; the prevention,
`max_slot_wal_keep_size`, which invalidates a slot that falls too far behind instead of letting
it fill the disk.

Dropping a slot needs the REPLICATION attribute (PostgreSQL checks the current role's own
attribute; membership does not pass it on), so the on-call role may SET ROLE to the connector's
role, `debezium`, which is NOLOGIN: no replication connection can be opened with it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, ClassVar

import psycopg
from psycopg import sql

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner
from pgdojo.tracks.lab.settings import memory_kb

SLOT = "debezium_orders"
CDC_ROLE = "debezium"
ORDERS = 80_000
MB = 1024 * 1024
MAX_WAL_SIZE = "32MB"
# The symptom: slots pin more WAL than 1.5 times max_wal_size (what checkpoints alone keep is
# at most about max_wal_size), so pg_wal can only grow.
PINNED_LIMIT_BYTES = 48 * MB
# The lab's disk budget: past this the order writer slows to a trickle, so a lab left running
# does not fill the machine's real disk.
WAL_SAFETY_CAP_BYTES = 768 * MB
# Settings the on-call may change with ALTER SYSTEM here: the prevention and the trap.
SYSTEM_PARAMETERS = ("max_slot_wal_keep_size", "max_wal_size")

SLOTS_SQL = """\
SELECT slot_name::text, slot_type, active, wal_status,
       pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint
FROM pg_replication_slots ORDER BY slot_name"""
WAL_DIR_SQL = "SELECT coalesce(sum(size), 0)::bigint, count(*) FROM pg_ls_waldir()"


def order_writer(ctx: WorkloadContext) -> None:
    """Checkout: status changes on batches of orders, each a new row version in the WAL."""
    with (
        app_session(ctx, "checkout-api") as conn,
        psycopg.connect(ctx.admin_conninfo, autocommit=True) as admin,
    ):
        wal_bytes, n = 0, 0
        while not ctx.stop.is_set():
            if n % 20 == 0:  # the lab's disk budget (a catalog read: pg_ls_waldir)
                row = admin.execute(WAL_DIR_SQL).fetchone()
                wal_bytes = int(row[0]) if row else 0
            n += 1
            batch = 5 if wal_bytes > WAL_SAFETY_CAP_BYTES else 200
            first = random.randint(1, ORDERS - batch)
            with ctx.op():
                conn.execute(
                    "UPDATE orders SET status = %s, updated_at = now(),"
                    " shipping_note = md5(random()::text) || substr(shipping_note, 33)"
                    " WHERE id BETWEEN %s AND %s",
                    (random.choice(("paid", "packed", "shipped")), first, first + batch - 1),
                )
            ctx.sleep(0.1)


def order_reader(ctx: WorkloadContext) -> None:
    with app_session(ctx, "checkout-api") as conn:
        while ctx.sleep(0.05):
            with ctx.op():
                conn.execute(
                    "SELECT status, total FROM orders WHERE id = %s", (random.randint(1, ORDERS),)
                ).fetchone()


class ReplicationSlotWal(Scenario):
    doc = scenario_doc(__file__)
    settings: ClassVar[dict[str, str]] = {
        "wal_level": "logical",  # the CDC connector decoded the WAL
        "max_wal_size": MAX_WAL_SIZE,
        "min_wal_size": MAX_WAL_SIZE,
    }
    warmup_s = 6.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        # The connector's slot, as Debezium creates it; the connector stopped right after, so
        # everything written from here on is retained (the load and a whole-table update
        # stand for a week of checkout).
        admin.execute("SELECT pg_create_logical_replication_slot(%s, 'pgoutput')", (SLOT,))
        as_owner(
            admin,
            f"""
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,
                total numeric(10, 2) NOT NULL, shipping_note text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO orders (id, customer_id, status, total, shipping_note)
                SELECT g, g % 9000 + 1, 'paid', (g % 300) + 0.99, repeat(md5(g::text), 6)
                FROM generate_series(1, {ORDERS}) g;
            """,
        )
        admin.execute("CREATE PUBLICATION dbz_publication FOR TABLE public.orders")
        admin.execute(
            "UPDATE public.orders SET updated_at = now(),"
            " shipping_note = md5(shipping_note) || substr(shipping_note, 33)"
        )
        admin.execute("VACUUM ANALYZE public.orders")
        # The connector's role: REPLICATION (slot functions need it), no longer able to log in.
        admin.execute(
            sql.SQL("CREATE ROLE {} NOLOGIN REPLICATION").format(sql.Identifier(CDC_ROLE))
        )
        admin.execute(
            sql.SQL("GRANT {} TO oncall WITH INHERIT FALSE, SET TRUE").format(
                sql.Identifier(CDC_ROLE)
            )
        )
        admin.execute("GRANT pg_checkpoint TO oncall")
        for parameter in SYSTEM_PARAMETERS:
            admin.execute(
                sql.SQL("GRANT ALTER SYSTEM ON PARAMETER {} TO oncall").format(
                    sql.Identifier(parameter)
                )
            )

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [order_writer, order_reader]

    # -- measuring -------------------------------------------------------------------------
    def _engine(self, lab: Lab) -> dict[str, Any]:
        with lab.admin() as admin:
            slots = admin.execute(SLOTS_SQL).fetchall()
            wal = admin.execute(WAL_DIR_SQL).fetchone()
            setting = admin.execute(
                "SELECT current_setting('max_wal_size'), current_setting('max_slot_wal_keep_size')"
            ).fetchone()
        assert wal is not None and setting is not None
        inactive = [s for s in slots if not s[2]]
        # What no checkpoint may remove: WAL from the oldest restart_lsn of a slot that still
        # holds one (an invalidated slot, wal_status lost, holds nothing).
        pinned = max((int(s[4]) for s in slots if s[4] is not None and s[3] != "lost"), default=0)
        return {
            "pg_wal_mb": round(int(wal[0]) / MB, 1),
            "pg_wal_segments": int(wal[1]),
            "max_wal_size": setting[0],
            "max_slot_wal_keep_size": setting[1],
            "slots": {
                str(s[0]): {
                    "type": s[1],
                    "active": bool(s[2]),
                    "wal_status": s[3],
                    "retained_mb": round(int(s[4]) / MB, 1) if s[4] is not None else None,
                }
                for s in slots
            },
            "pinned_by_slots_mb": round(pinned / MB, 1),
            "inactive_slots": [str(s[0]) for s in inactive],
            "retained_by_inactive_mb": round(sum(int(s[4] or 0) for s in inactive) / MB, 1),
        }

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        measured.update(self._engine(lab))
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return bool(measured["pinned_by_slots_mb"] * MB > PINNED_LIMIT_BYTES)

    # -- verdict ---------------------------------------------------------------------------
    def root_cause(self, lab: Lab) -> Finding:
        engine = self._engine(lab)
        measured = {k: engine[k] for k in ("slots", "inactive_slots", "pg_wal_mb")}
        inactive = engine["inactive_slots"]
        if not inactive:
            return Finding(
                "root_cause",
                True,
                "no replication slot without a consumer is left: nothing pins old WAL",
                measured,
            )
        lost = [name for name in inactive if engine["slots"][name]["wal_status"] == "lost"]
        if len(lost) == len(inactive):
            return Finding(
                "root_cause",
                False,
                "the inactive slot was invalidated (wal_status = lost) and no longer retains "
                "WAL, but it is still defined: a slot nobody can resume from is clutter that "
                "monitoring reports as a consumer. Drop it",
                measured,
            )
        # Never name the slot: finding it is the candidate's job (and the Detect score).
        return Finding(
            "root_cause",
            False,
            f"a replication slot with no consumer still pins "
            f"{engine['retained_by_inactive_mb']:.0f} MB of WAL, and more with every write",
            measured,
        )

    def prevention(self, lab: Lab) -> Finding:
        value = self._engine(lab)["max_slot_wal_keep_size"]
        measured = {"max_slot_wal_keep_size": value}
        if str(value).strip() != "-1":
            return Finding(
                "prevention",
                True,
                f"max_slot_wal_keep_size = {value}: a slot that falls further behind is "
                "invalidated instead of filling the disk",
                measured,
            )
        return Finding(
            "prevention",
            False,
            "max_slot_wal_keep_size is -1: any slot may retain unlimited WAL, so the next "
            "forgotten or stalled consumer fills the disk again",
            measured,
        )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return [SLOT, CDC_ROLE]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT setting FROM pg_file_settings WHERE name = 'max_wal_size' AND applied"
                " ORDER BY seqno DESC LIMIT 1"
            ).fetchone()
        raised = row is not None and (memory_kb(str(row[0])) or 0) > (memory_kb(MAX_WAL_SIZE) or 0)
        if not raised:
            return []
        assert row is not None
        return [
            Finding(
                "trap:raise-max-wal-size",
                False,
                f"max_wal_size was raised to {row[0]}: it spaces checkpoints out, it does not "
                "release what a slot retains; pg_wal grows just as fast and now has less room "
                "for a real burst",
                {"max_wal_size": row[0]},
            )
        ]


SCENARIO = ReplicationSlotWal()
