"""A candidate's own objects never run with pgdojo's privileges (CVE-2018-1058's class of attack).

The on-call role may create objects: in schema public (CREATE INDEX needs CREATE there) and in
schemas of its own (it owns database shop through app_owner). pgdojo's checks run privileged
queries in that database; if one of them resolved a name to the candidate's operator, function
or view, or fired the candidate's trigger, the candidate's code would run as the superuser:
`ALTER ROLE oncall SUPERUSER`, then `COPY ... TO PROGRAM` as the lab server's OS user.

Each test plants such objects in every schema the on-call role can write to (and in one named
after the superuser, which is first on a default search_path: "$user"), drives status, diagnose
and check through LabTrack, and then asserts that the role is still not a superuser, that no
program ran, and that no superuser session executed the candidate's code. (Before the fix,
the superuser ran `postgres.=(oid, regrole)` and the view shadowing pg_stat_statements from the
check's query of the on-call's statements, common to every lab, and per lab more, such as
`cardinality(integer[])` in lock-contention or the view shadowing `tasks` in stale-statistics.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from pgdojo.tracks.lab.scenario import load_scenarios

SCENARIOS = sorted(load_scenarios())
# The bootstrap superuser's name is also the first schema of its default search_path.
SUPERUSER_SCHEMA = "postgres"

ESCAPE = """
CREATE TABLE postgres.escape_log (role name, via text, UNIQUE (role, via));
GRANT USAGE ON SCHEMA postgres TO PUBLIC;
GRANT SELECT, INSERT ON postgres.escape_log TO PUBLIC;
-- Records who ran the candidate's code and, when that is a superuser, escapes.
CREATE FUNCTION postgres.pgdojo_escape(what text) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM postgres.escape_log l
                       WHERE l.role OPERATOR(pg_catalog.=) current_user
                         AND l.via OPERATOR(pg_catalog.=) what) THEN
            INSERT INTO postgres.escape_log VALUES (current_user, what) ON CONFLICT DO NOTHING;
        END IF;
    EXCEPTION WHEN OTHERS THEN NULL;  -- a read-only standby, a rolled-back probe
    END;
    IF (SELECT rolsuper FROM pg_catalog.pg_roles
        WHERE rolname OPERATOR(pg_catalog.=) current_user) THEN
        PERFORM pg_catalog.set_config('lock_timeout', '1s', true);
        -- Outlives a rollback of the caller's transaction: a program runs at once.
        EXECUTE 'COPY (SELECT current_user) TO PROGRAM ''cat > {marker}''';
        EXECUTE 'ALTER ROLE oncall SUPERUSER';
    END IF;
    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RETURN true;  -- never break the query that called it
END
$f$;
-- For constant folding at plan time: an IMMUTABLE function runs while EXPLAIN plans.
CREATE FUNCTION postgres.pgdojo_escape_at_plan(what text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE AS $f$ BEGIN RETURN postgres.pgdojo_escape(what); END $f$;
CREATE FUNCTION postgres.pgdojo_escape_trigger() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM postgres.pgdojo_escape('trigger on ' || TG_TABLE_NAME);
    RETURN NULL;
END
$f$;
"""

# Functions and operators that beat (or tie with) pg_catalog's for the argument types pgdojo's
# queries use: `userid = 'oncall'::regrole`, `setrole <> 0`, unnest(setconfig),
# cardinality(pg_blocking_pids(pid)), array_to_string(reloptions, ', '), pg_relation_size(oid),
# ... A schema listed before pg_catalog in a search_path would win the ties too.
SHADOWS = """
CREATE FUNCTION {s}.escape_eq(oid, regrole) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.=(oid, regrole)');
      RETURN $1 OPERATOR(pg_catalog.=) $2::oid; END $f$;
CREATE OPERATOR {s}.= (LEFTARG = oid, RIGHTARG = regrole, FUNCTION = {s}.escape_eq);
CREATE FUNCTION {s}.escape_eq(oid, integer) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.=(oid, integer)');
      RETURN $1 OPERATOR(pg_catalog.=) $2::oid; END $f$;
CREATE OPERATOR {s}.= (LEFTARG = oid, RIGHTARG = integer, FUNCTION = {s}.escape_eq);
CREATE FUNCTION {s}.escape_ne(oid, integer) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.<>(oid, integer)');
      RETURN $1 OPERATOR(pg_catalog.<>) $2::oid; END $f$;
CREATE OPERATOR {s}.<> (LEFTARG = oid, RIGHTARG = integer, FUNCTION = {s}.escape_ne);
CREATE FUNCTION {s}.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.unnest(text[])');
      RETURN QUERY SELECT pg_catalog.unnest($1); END $f$;
CREATE FUNCTION {s}.cardinality(integer[]) RETURNS integer LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.cardinality(integer[])');
      RETURN pg_catalog.cardinality($1); END $f$;
CREATE FUNCTION {s}.array_to_string(text[], text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.array_to_string(text[], text)');
      RETURN pg_catalog.array_to_string($1, $2); END $f$;
CREATE FUNCTION {s}.pg_relation_size(oid) RETURNS bigint LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.pg_relation_size(oid)');
      RETURN pg_catalog.pg_relation_size($1::regclass); END $f$;
CREATE FUNCTION {s}.pg_indexes_size(oid) RETURNS bigint LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.pg_indexes_size(oid)');
      RETURN pg_catalog.pg_indexes_size($1::regclass); END $f$;
CREATE FUNCTION {s}.lower(text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.lower(text)'); RETURN pg_catalog.lower($1); END $f$;
CREATE FUNCTION {s}.now() RETURNS timestamptz LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.now()'); RETURN pg_catalog.now(); END $f$;
CREATE FUNCTION {s}.split_part(text, text, integer) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.split_part(text, text, integer)');
      RETURN pg_catalog.split_part($1, $2, $3); END $f$;
CREATE FUNCTION {s}.to_regclass(text) RETURNS regclass LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.to_regclass(text)');
      RETURN pg_catalog.to_regclass($1); END $f$;
CREATE FUNCTION {s}.current_setting(text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.current_setting(text)');
      RETURN pg_catalog.current_setting($1); END $f$;
CREATE FUNCTION {s}.pg_blocking_pids(integer) RETURNS integer[] LANGUAGE plpgsql AS $f$
BEGIN PERFORM postgres.pgdojo_escape('{s}.pg_blocking_pids(integer)');
      RETURN pg_catalog.pg_blocking_pids($1); END $f$;
"""

# Relations pgdojo reads, shadowed by views in the superuser's "$user" schema; a view's
# functions run as whoever queries it, and an IMMUTABLE one already while it is planned.
VIEW = """
CREATE VIEW postgres.{name} AS SELECT * FROM {target}
    WHERE postgres.pgdojo_escape_at_plan('view {name}') AND (SELECT postgres.pgdojo_escape('view {name}'))
"""
CATALOG_VIEWS = ("pg_stat_activity", "pg_stat_user_tables", "pg_stat_database", "pg_roles")


def plant(dsn: str, marker: Path) -> list[str]:
    """As the candidate: hostile objects in every schema the on-call role may write to."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {SUPERUSER_SCHEMA}")
        conn.execute(ESCAPE.replace("{marker}", str(marker)).encode())
        schemas = [
            str(r[0])
            for r in conn.execute(
                "SELECT nspname FROM pg_namespace"
                " WHERE has_schema_privilege('oncall', oid, 'CREATE') ORDER BY nspname"
            )
        ]
        for schema in schemas:
            conn.execute(SHADOWS.replace("{s}", schema).encode())
        relations = conn.execute(
            "SELECT c.relname, c.relkind FROM pg_class c"
            " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v')"
            " ORDER BY 1"
        ).fetchall()
        # A lab's culprit may hold a lock on its table for good (an idle transaction), or queue
        # for one that nobody gets (a DDL waiting for ACCESS EXCLUSIVE: even the ACCESS SHARE
        # a view's definition takes waits behind it); busy tables get a few tries.
        conn.execute("SET lock_timeout = '1s'")
        for name, _ in relations:
            _with_retries(conn, VIEW.format(name=name, target=f"public.{name}"))
        for name in CATALOG_VIEWS:
            conn.execute(VIEW.format(name=name, target=f"pg_catalog.{name}").encode())
        for name in (name for name, kind in relations if kind == "r"):
            _with_retries(
                conn,
                f"CREATE TRIGGER pgdojo_escape AFTER INSERT OR UPDATE OR DELETE"
                f" ON public.{name} FOR EACH STATEMENT"
                " EXECUTE FUNCTION postgres.pgdojo_escape_trigger()",
            )
        triggers = conn.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'pgdojo_escape'"
        ).fetchall()
        print("triggers planted on", [t for (t,) in triggers])
    return schemas


def _with_retries(conn: psycopg.Connection[Any], statement: str, tries: int = 3) -> None:
    """Run `statement`, giving up quietly when its lock stays unavailable."""
    for _ in range(tries):
        try:
            conn.execute(statement.encode())
            return
        except psycopg.errors.LockNotAvailable:
            continue


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_candidate_objects_never_run_as_superuser(start_lab: Any, scenario_id: str) -> None:
    lab = start_lab(scenario_id)
    marker = lab.labs.root / scenario_id / "escaped-as-superuser"
    schemas = plant(lab.started["dsn"], marker)
    assert SUPERUSER_SCHEMA in schemas

    lab.labs.status(scenario_id)
    lab.labs.diagnose(scenario_id, "looking into it")
    lab.labs.check(scenario_id)
    lab.labs.status(scenario_id)

    with psycopg.connect(lab.started["dsn"], autocommit=True) as conn:
        row = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'oncall'").fetchone()
        ran = conn.execute("SELECT role, via FROM postgres.escape_log ORDER BY 1, 2").fetchall()
        superusers = {
            str(r[0]) for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolsuper")
        }
    print(scenario_id, "the candidate's code ran as:", ran)
    facts = {
        "oncall is a superuser": row == (True,),
        "a program ran as the lab's OS user": marker.exists(),
        "superuser sessions that ran the candidate's code": [
            (role, via) for role, via in ran if role in superusers
        ],
    }
    assert facts == {
        "oncall is a superuser": False,
        "a program ran as the lab's OS user": False,
        "superuser sessions that ran the candidate's code": [],
    }
    with (
        psycopg.connect(lab.started["dsn"], autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("COPY (SELECT 1) TO PROGRAM 'true'")
