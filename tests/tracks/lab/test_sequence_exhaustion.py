from __future__ import annotations

from typing import Any

from tests.tracks.lab.conftest import finding, trap_names

ID = "sequence-exhaustion"
SEQUENCES = (
    "SELECT sequencename, data_type::text, last_value, max_value,"
    " round(100.0 * last_value / max_value, 1)::float8 AS pct_used"
    " FROM pg_sequences ORDER BY pct_used DESC NULLS LAST"
)


def assert_live_symptom(lab: Any) -> None:
    symptom = lab.started["symptom"]
    assert symptom["errors_per_s"] > 0
    assert symptom["insert_errors"] and symptom["insert_errors"][0].startswith("2200H")
    assert symptom["sequence_last_value"] == symptom["sequence_max_value"] == 2**31 - 1
    before = lab.labs.check(ID)
    assert not before["solved"] and not finding(before, "root_cause")["ok"]


def test_model_fix_solves_it(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)

    lab.sql(
        "SELECT pid, application_name, state, query_start FROM pg_stat_activity"
        " WHERE datname = 'shop' ORDER BY query_start"
    )
    rows = lab.sql(SEQUENCES)["rows"]
    assert rows[0][:2] == ["audit_events_id_seq", "integer"] and rows[0][4] == 100.0
    assert rows[1][0] == "refunds_id_seq" and 60 < rows[1][4] < 70  # the next one
    types = lab.sql(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE column_default LIKE 'nextval%' ORDER BY 1"
    )["rows"]
    assert types == [["audit_events", "id", "integer"], ["refunds", "id", "integer"]]
    [(count, max_id)] = lab.psql("SELECT count(*), max(id) FROM audit_events")
    assert count < 100_000 < 2**31 - 10 < max_id  # burned ids, not rows
    lab.labs.diagnose(ID, "audit_events_id_seq reached max_value 2147483647 of its integer serial")
    lab.sql("ALTER SEQUENCE audit_events_id_seq AS bigint")
    lab.sql("ALTER TABLE audit_events ALTER COLUMN id TYPE bigint")
    lab.sql("ALTER SEQUENCE refunds_id_seq AS bigint")
    lab.sql("ALTER TABLE refunds ALTER COLUMN id TYPE bigint")

    after = lab.check_until(solved=True)
    assert after["solved"] and after["detect"] and after["prevention"], after["findings"]
    assert after["traps"] == []
    assert finding(after, "root_cause")["measured"]["last_value"] > 2**31
    assert lab.psql("SELECT max(id) > 2147483647 FROM audit_events") == [(True,)]
    # A schema change has no statement investigation.py files under Prevent.
    phases = after["investigation"]["phases"]
    assert all(phases[p] for p in ("observe", "hypothesize", "measure", "act"))


def test_half_migrations_are_not_fixes(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ALTER SEQUENCE audit_events_id_seq AS bigint")  # the sequence alone
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert "still integer" in finding(result, "root_cause")["detail"]
    symptom = finding(result, "symptom")["measured"]
    assert symptom["insert_errors"][0].startswith("22003")  # integer out of range now
    assert lab.labs.status(ID)["symptom_present"]

    # The emergency lever: the negative range. Inserts work again, no id is reused, and the
    # key is still an integer (the migration has only been postponed).
    lab.sql(
        "ALTER SEQUENCE audit_events_id_seq INCREMENT BY -1 MINVALUE -2147483648 RESTART WITH -1"
    )
    result = lab.check_until(solved=True, seconds=6)
    assert finding(result, "symptom")["ok"] and not result["solved"]
    assert "still integer" in finding(result, "root_cause")["detail"]
    assert result["traps"] == []
    assert lab.psql("SELECT min(id) < 0 FROM audit_events") == [(True,)]


def test_resetting_or_cycling_the_sequence_is_a_trap(start_lab: Any) -> None:
    lab = start_lab(ID)
    assert_live_symptom(lab)
    lab.sql("ALTER SEQUENCE audit_events_id_seq CYCLE")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert {"trap:sequence-cycle", "trap:sequence-reset"} <= trap_names(result)  # wrapped to 1
    symptom = finding(result, "symptom")["measured"]
    assert symptom["insert_errors"][0].startswith("23505")  # duplicate key

    lab.sql("ALTER SEQUENCE audit_events_id_seq NO CYCLE")
    lab.sql("SELECT setval('audit_events_id_seq', 1)")
    result = lab.check_until(solved=True, seconds=3)
    assert not result["solved"]
    assert "trap:sequence-reset" in trap_names(result)
    assert "moved back" in finding(result, "root_cause")["detail"]
