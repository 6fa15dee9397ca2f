from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import finding, trap_names

ID = "deadlock"
FIXED_FUNCTION = """\
CREATE OR REPLACE FUNCTION post_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM accounts
     WHERE id IN (NEW.debit_account, NEW.credit_account)
     ORDER BY id FOR NO KEY UPDATE;
    UPDATE accounts SET balance = balance - NEW.amount, updated_at = now()
     WHERE id = NEW.debit_account;
    UPDATE accounts SET balance = balance + NEW.amount, updated_at = now()
     WHERE id = NEW.credit_account;
    RETURN NULL;
END $$"""


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    symptom = lab.started["symptom"]
    print("started", lab.started["ready_s"], symptom)
    assert symptom["deadlocks_per_min"] > 0 and symptom["deadlocks_total"] >= 1
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]
    assert finding(before, "root_cause")["measured"]["waited_on_higher_account"]

    lab.sql("SELECT datname, deadlocks FROM pg_stat_database WHERE datname = 'shop'")
    lab.sql(
        "SELECT pid, pg_blocking_pids(pid), left(query, 80) FROM pg_stat_activity"
        " WHERE wait_event_type = 'Lock'"
    )
    [(definition,)] = lab.psql("SELECT pg_get_functiondef('post_ledger_entry'::regproc)")
    assert "NEW.debit_account" in definition
    lab.labs.diagnose(ID, "post_ledger_entry() locks debit then credit: opposite lock order")
    lab.sql(FIXED_FUNCTION)
    lab.sql("ALTER ROLE app SET lock_timeout = '5s'")

    after = lab.check_until(solved=True, seconds=15)
    measured = finding(after, "symptom")["measured"]
    print("after", after["check_ms"], measured)
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert measured["deadlocks_per_min"] == 0 and measured["errors_per_s"] == 0
    assert after["traps"] == []
    # The classifier does not count CREATE OR REPLACE FUNCTION as an action (yet).
    phases = after["investigation"]["phases"]
    assert phases["observe"] and phases["measure"] and phases["prevent"]


def test_deadlock_timeout_and_terminating_do_not_fix_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    lab.sql("ALTER SYSTEM SET deadlock_timeout = '5s'")
    lab.sql("SELECT pg_reload_conf()")
    for _ in range(2):  # the trap: terminate the sessions involved, again and again
        lab.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    root = finding(result, "root_cause")
    assert not root["ok"] and "still locks the debit account" in root["detail"]
    assert "trap:terminate-sessions" in trap_names(result)
