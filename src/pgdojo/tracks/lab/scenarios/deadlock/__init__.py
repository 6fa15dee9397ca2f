"""The ledger trigger locks two accounts in the order the entry names them: deadlocks.

Every ledger entry is posted by an AFTER INSERT trigger, `post_ledger_entry()` (owned by
app_owner), that updates the debit account and then the credit account. Payments debit a
wallet and credit a merchant; refunds do the opposite. Two transactions touching the same
pair in opposite directions each hold one row and wait for the other: a deadlock, found after
deadlock_timeout (1 s) and broken by aborting one of them with 40P01. Hot merchant accounts
make the lock queues long, and queues turn near misses into cycles.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg

from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, scenario_doc
from pgdojo.tracks.lab.sessions import app_session, as_owner, is_terminated
from pgdojo.tracks.lab.settings import setting_prevention, timeout_within

MERCHANTS = (1, 2)
WALLETS = (101, 102, 103, 104, 105, 106)
# Two accounts the workload never touches: check's probe of the trigger's lock order.
PROBE_LOW, PROBE_HIGH = 9001, 9002
# Deadlocks are counted over this window (pg_stat_database.deadlocks, sampled each second).
WINDOW_S = 6.0
# Prevention: the app's lock waits bounded by at most this.
MAX_LOCK_TIMEOUT_MS = 10_000
# The probe's sessions, as the candidate sees them in pg_stat_activity.
PROBE_APP = "pgdojo-check"

SCHEMA = f"""
CREATE TABLE accounts (
    id bigint PRIMARY KEY, kind text NOT NULL, owner_name text NOT NULL,
    balance numeric(14, 2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE ledger_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    debit_account bigint NOT NULL REFERENCES accounts,
    credit_account bigint NOT NULL REFERENCES accounts,
    amount numeric(12, 2) NOT NULL CHECK (amount > 0), kind text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX ledger_entries_debit_idx ON ledger_entries (debit_account);
CREATE INDEX ledger_entries_credit_idx ON ledger_entries (credit_account);
INSERT INTO accounts (id, kind, owner_name, balance)
    SELECT id, 'merchant', 'merchant ' || id, 1000000 FROM unnest(ARRAY{list(MERCHANTS)}) id
    UNION ALL
    SELECT id, 'wallet', 'customer ' || id, 5000 FROM unnest(ARRAY{list(WALLETS)}) id
    UNION ALL
    SELECT id, 'internal', 'suspense ' || id, 0
    FROM unnest(ARRAY[{PROBE_LOW}, {PROBE_HIGH}]) id;

-- Posts an entry: debit first, then credit (the order the entry names them).
CREATE FUNCTION post_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts SET balance = balance - NEW.amount, updated_at = now()
     WHERE id = NEW.debit_account;
    UPDATE accounts SET balance = balance + NEW.amount, updated_at = now()
     WHERE id = NEW.credit_account;
    RETURN NULL;
END
$$;
CREATE TRIGGER ledger_entries_post AFTER INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION post_ledger_entry();
"""

POST_SQL = (
    "INSERT INTO ledger_entries (debit_account, credit_account, amount, kind)"
    " VALUES (%s, %s, %s, %s)"
)


def _post(
    ctx: WorkloadContext, conn: psycopg.Connection[Any], debit: int, credit: int, kind: str
) -> None:
    """One payment or refund: post the entry, then the app's own work inside the transaction
    (the payment provider's confirmation), then commit."""
    try:
        with ctx.op(), conn.transaction():
            conn.execute(POST_SQL, (debit, credit, random.randint(100, 9000) / 100, kind))
            time.sleep(random.uniform(0.005, 0.015))
    except psycopg.errors.DeadlockDetected:
        pass  # 40P01: this request fails; the client shows an error
    except psycopg.Error as exc:
        if is_terminated(exc):
            ctx.event("victim_terminated", path=kind)
        raise


def payments(ctx: WorkloadContext) -> None:
    """Checkout: wallet pays merchant (debit the wallet, credit the merchant)."""
    with app_session(ctx, "payments-api") as conn:
        while not ctx.stop.is_set():
            _post(ctx, conn, random.choice(WALLETS), random.choice(MERCHANTS), "payment")
            ctx.sleep(random.uniform(0.0, 0.01))


def refunds(ctx: WorkloadContext) -> None:
    """Refunds and payouts: merchant pays wallet (debit the merchant, credit the wallet)."""
    with app_session(ctx, "refunds-api") as conn:
        while not ctx.stop.is_set():
            _post(ctx, conn, random.choice(MERCHANTS), random.choice(WALLETS), "refund")
            ctx.sleep(random.uniform(0.0, 0.01))


def deadlock_monitor(ctx: WorkloadContext) -> None:
    """pg_stat_database.deadlocks, sampled every second (what a dashboard would graph)."""
    with psycopg.connect(ctx.admin_conninfo, autocommit=True) as conn:
        while ctx.sleep(1.0):
            row = conn.execute(
                "SELECT deadlocks FROM pg_stat_database WHERE datname = 'shop'"
            ).fetchone()
            ctx.event("db_deadlocks", total=int(row[0]) if row else 0)


def probe_lock_order(lab: Lab) -> dict[str, Any]:
    """Does posting an entry lock the lower account id first, whatever the direction?

    Hold the higher probe account (FOR NO KEY UPDATE, which does not conflict with the foreign
    keys' KEY SHARE locks), post an entry debiting it, and once that insert waits, see whether
    the lower account is already locked: a trigger that locks in a consistent (id) order
    holds it; one that follows the entry's order waits on the higher one first.

    It posts as the application: the trigger is the candidate's to rewrite, and a trigger
    runs as whoever writes the row, so it must never be the superuser.
    """
    conninfo = lab.cluster.conninfo("app", lab.state.app_password)

    def connect() -> psycopg.Connection[Any]:
        return psycopg.connect(
            conninfo, autocommit=True, connect_timeout=5, application_name=PROBE_APP
        )

    holder = connect()
    poster = connect()
    try:
        holder.execute("BEGIN")
        holder.execute(
            "SELECT 1 FROM accounts WHERE id = %s FOR NO KEY UPDATE", (PROBE_HIGH,)
        ).fetchone()
        row = poster.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        poster_pid = row[0]
        outcome: dict[str, Any] = {}

        def post() -> None:
            try:
                poster.execute("BEGIN")
                poster.execute("SET LOCAL lock_timeout = '3s'")
                poster.execute(POST_SQL, (PROBE_HIGH, PROBE_LOW, 0.01, "probe"))
                outcome["posted"] = True
            except psycopg.Error as exc:
                outcome["error"] = str(exc)[:160]
            finally:
                poster.execute("ROLLBACK")

        thread = threading.Thread(target=post, daemon=True)
        thread.start()
        waiting = False
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline and thread.is_alive():
            row = holder.execute(
                "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = %s",
                (poster_pid,),
            ).fetchone()
            if row and row[0]:
                waiting = True
                break
            time.sleep(0.02)
        low_locked = False
        if waiting:
            with connect() as other:
                try:
                    other.execute("BEGIN")
                    other.execute(
                        "SELECT 1 FROM accounts WHERE id = %s FOR NO KEY UPDATE NOWAIT",
                        (PROBE_LOW,),
                    )
                except psycopg.errors.LockNotAvailable:
                    low_locked = True
                finally:
                    other.execute("ROLLBACK")
        holder.execute("ROLLBACK")
        thread.join(5)
        return {
            "waited_on_higher_account": waiting,
            "held_lower_account_first": low_locked,
            **outcome,
        }
    finally:
        holder.close()
        poster.close()


class Deadlock(Scenario):
    doc = scenario_doc(__file__)
    warmup_s = 8.0

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        as_owner(admin, SCHEMA)
        admin.execute("ANALYZE public.accounts")
        # So that the tempting "fix" is possible (and shown not to work).
        admin.execute("GRANT ALTER SYSTEM ON PARAMETER deadlock_timeout TO oncall")

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        return [payments, payments, payments, refunds, refunds, deadlock_monitor]

    def _deadlock_rate(self, lab: Lab) -> tuple[float, int]:
        samples = [e for e in lab.events("db_deadlocks") if e["t"] >= time.time() - WINDOW_S]
        if len(samples) < 2:
            return 0.0, 0
        delta = samples[-1]["total"] - samples[0]["total"]
        span = max(1.0, samples[-1]["t"] - samples[0]["t"])
        return round(60 * delta / span, 1), int(samples[-1]["total"])

    def measure(self, lab: Lab) -> dict[str, Any]:
        measured = lab.metrics()
        per_min, total = self._deadlock_rate(lab)
        with lab.admin() as admin:
            row = admin.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = 'shop' AND wait_event_type = 'Lock'"
            ).fetchone()
        measured.update(
            deadlocks_per_min=per_min,
            deadlocks_total=total,
            lock_waiters=int(row[0]) if row else 0,
        )
        return measured

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        return bool(measured["deadlocks_per_min"] > 0)

    def root_cause(self, lab: Lab) -> Finding:
        probe = probe_lock_order(lab)
        ok = probe["waited_on_higher_account"] and probe["held_lower_account_first"]
        if ok:
            detail = (
                "posting a ledger entry locks both accounts in id order: two entries on the "
                "same pair can no longer wait for each other"
            )
        elif not probe["waited_on_higher_account"]:
            detail = (
                "posting a ledger entry no longer updates the accounts (the trigger is gone or "
                "changed): balances would be wrong; keep the posting, fix its lock order"
            )
        else:
            detail = (
                "post_ledger_entry() still locks the debit account before the credit account: "
                "a payment and a refund on the same pair lock in opposite orders"
            )
        return Finding("root_cause", ok, detail, probe)

    def prevention(self, lab: Lab) -> Finding:
        with lab.admin() as admin:
            return setting_prevention(
                admin,
                "app",
                ["lock_timeout"],
                timeout_within(MAX_LOCK_TIMEOUT_MS),
                ok="lock_timeout = {value} for the app: a lock queue on a hot account fails "
                "fast instead of piling up every connection behind it",
                missing="no lock_timeout (≤ 10 s) for the app: the hot merchant accounts still "
                "queue every payment behind the slowest transaction, with no bound on the wait",
            )

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        return ["post_ledger_entry", "lock order", "opposite order", "ledger_entries_post"]

    def extra_traps(self, lab: Lab) -> list[Finding]:
        killed = lab.events("victim_terminated")
        if not killed:
            return []
        return [
            Finding(
                "trap:terminate-sessions",
                False,
                f"{len(killed)} payment/refund session(s) were terminated: the deadlock "
                "detector already breaks every cycle within deadlock_timeout; killing sessions "
                "loses more transactions and the next cycle forms at once",
            )
        ]


SCENARIO = Deadlock()
