from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import assert_method, finding, trap_names

ID = "implicit-cast"
APP_QUERY = (
    "SELECT accounts.id, accounts.holder, accounts.balance, accounts.status FROM accounts"
    " WHERE accounts.account_no = $1::NUMERIC"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["p95_ms"] >= 8  # lookups are slow, measured by the workload
    assert symptom["lookup_plan"] == ["Seq Scan"]  # the app's query, with its numeric parameter
    assert symptom["lookup_blocks_per_call"] > 3000  # the whole table for one row
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    top = lab.sql(
        "SELECT query, calls, (shared_blks_hit + shared_blks_read) / calls AS blocks"
        " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3"
    )
    assert any("$1::NUMERIC" in row[0] for row in top["rows"])
    # "Fast in psql": a literal resolves to bigint and uses the unique index.
    mine = lab.sql("EXPLAIN SELECT id FROM accounts WHERE account_no = 4000029694")["rows"]
    assert "Index Scan" in mine[0][0]
    theirs = lab.sql(f"EXPLAIN (GENERIC_PLAN) {APP_QUERY}")["rows"]
    assert "Seq Scan" in theirs[0][0] and "(account_no)::numeric" in theirs[1][0]
    lab.labs.diagnose(
        ID, "the app compares bigint account_no to a numeric parameter: the column is cast"
    )
    lab.sql(
        "CREATE INDEX CONCURRENTLY accounts_account_no_numeric_idx"
        " ON accounts ((account_no::numeric))"
    )
    lab.sql("ALTER ROLE app SET auto_explain.log_min_duration = '20ms'")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"]
    assert after["traps"] == []
    assert finding(after, "root_cause")["measured"]["indexes_used"] == [
        "accounts_account_no_numeric_idx"
    ]
    assert finding(after, "symptom")["measured"]["p95_ms"] < 8
    assert_method(after)


def test_another_plain_index_is_not_a_fix(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("CREATE INDEX CONCURRENTLY accounts_account_no_idx ON accounts (account_no)")
    lab.sql("ANALYZE accounts")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    root = finding(result, "root_cause")
    assert not root["ok"] and "still a Seq Scan" in root["detail"]
    assert lab.labs.status(ID)["symptom_present"]


def test_rewriting_the_column_type_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ALTER TABLE accounts ALTER COLUMN account_no TYPE numeric")
    result = lab.check_until(solved=True)
    assert finding(result, "root_cause")["ok"]  # the types match now, at a price
    assert "trap:column-rewrite" in trap_names(result)
