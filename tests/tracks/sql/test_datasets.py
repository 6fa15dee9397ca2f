"""Materialised datasets: query problems read in place, and what that must never allow."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from pgdojo.content import Problem, ProblemKind, load_problems
from pgdojo.engine import Engine
from pgdojo.engine.provision import JUDGE_DB, SANDBOX_ROLE
from pgdojo.tracks.sql import Judge, Sandbox, Verdict
from pgdojo.tracks.sql.datasets import DatasetStore, digest, in_place
from pgdojo.tracks.sql.verify import expected_failure
from tests.tracks.sql.packs import write_problem

ORDERS = "CREATE TABLE orders (id integer PRIMARY KEY, customer text NOT NULL, total integer);"
SAMPLE = "INSERT INTO orders VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'ann', 5);"
HIDDEN = "INSERT INTO orders VALUES (7, 'zed', 700), (8, 'secret', 800);"
TOTALS = "SELECT customer, sum(total) AS total FROM orders GROUP BY customer"


def admin(engine: Engine) -> psycopg.Connection:
    return psycopg.connect(engine.admin_conninfo(JUDGE_DB), autocommit=True)


@pytest.fixture(scope="module")
def pack_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    pack = tmp_path_factory.mktemp("pack")
    write_problem(
        pack,
        "pack-totals",
        schema=ORDERS,
        solution=TOTALS,
        datasets={"sample": SAMPLE, "big-spenders": HIDDEN, "empty": "-- no rows", "third": SAMPLE},
    )
    return load_problems((pack,))["pack-totals"]


def schema_of(problem: Problem, name: str) -> str:
    dataset = next(d for d in problem.datasets if d.name == name)
    return f"ds_{digest(problem, dataset)}"


def test_a_query_problem_is_judged_in_place_once_materialised(
    judge: Judge, engine: Engine, pack_problem: Problem
) -> None:
    assert in_place(pack_problem)
    assert judge.judge(pack_problem, TOTALS).accepted
    with admin(engine) as conn:
        for dataset in pack_problem.datasets:
            schema = schema_of(pack_problem, dataset.name)
            owner, acl = conn.execute(
                "SELECT nspowner::regrole::text, nspacl::text FROM pg_namespace WHERE nspname = %s",
                (schema,),
            ).fetchone() or (None, None)
            assert owner == "pgdojo_datasets"
            # Only the dataset's own role (and the owner) may use the schema.
            assert (
                acl is not None
                and f"pgdojo_{schema}=U/" in acl
                and "=U/"
                not in acl.replace(f"pgdojo_{schema}=U/", "").replace("pgdojo_datasets=UC/", "")
            )


def test_the_sample_cannot_read_a_hidden_dataset(judge: Judge, pack_problem: Problem) -> None:
    hidden = schema_of(pack_problem, "big-spenders")
    sneaky = f"SELECT customer, total FROM {hidden}.orders"
    result = judge.judge(pack_problem, sneaky)
    assert result.verdict is Verdict.REJECTED and result.failed_case == "sample"
    assert "permission denied" in result.message
    assert "secret" not in result.message and result.diff is None


@pytest.mark.parametrize(
    "attempt",
    [
        "SELECT set_config('role', 'pgdojo_datasets', true)",
        "SELECT set_config('role', 'pgdojo_sandbox', true)",
        "SET ROLE pgdojo_datasets",
        "RESET ROLE",
    ],
)
def test_a_submission_cannot_switch_roles(
    judge: Judge, pack_problem: Problem, attempt: str
) -> None:
    result = judge.judge(pack_problem, attempt)
    assert result.verdict in (Verdict.REJECTED, Verdict.ERROR), result.message
    assert not result.accepted


def test_a_mutation_cannot_copy_materialised_rows_into_its_tables(
    judge: Judge, pack_problem: Problem, problems: dict[str, Problem]
) -> None:
    judge.judge(pack_problem, TOTALS)  # materialised
    mutation = next(p for p in problems.values() if p.kind is ProblemKind.MUTATION)
    table = mutation.meta.compare_tables[0]
    hidden = schema_of(pack_problem, "big-spenders")
    result = judge.judge(mutation, f"DELETE FROM {table}; SELECT * FROM {hidden}.orders")
    assert not result.accepted
    steal = judge.judge(mutation, f"INSERT INTO {table} SELECT * FROM {hidden}.orders")
    assert steal.verdict is Verdict.REJECTED and "permission denied" in steal.message


def test_nothing_is_left_behind_by_the_sandbox_role(
    judge: Judge, engine: Engine, pack_problem: Problem
) -> None:
    for _ in range(3):
        assert judge.judge(pack_problem, TOTALS).accepted
    with admin(engine) as conn:
        owned = conn.execute(
            "SELECT count(*) FROM pg_class WHERE relowner = %s::regrole", (SANDBOX_ROLE,)
        ).fetchone()
        rows = conn.execute(
            f"SELECT count(*) FROM {schema_of(pack_problem, 'sample')}.orders"
        ).fetchone()
    assert owned == (0,)
    assert rows == (3,)


def judges_agree(
    judges: tuple[Judge, ...], problems: dict[str, Problem], judged: Callable[[Problem], bool]
) -> int:
    """Every wrong solution of the `judged` problems gets its declared verdict and case from
    each judge; how many were judged."""
    checked = 0
    for problem in sorted(problems.values(), key=lambda p: p.id):
        if not judged(problem):
            continue
        for name, source in sorted(problem.wrong_solutions.items()):
            verdict, case = expected_failure(problem, name, source)
            for each in judges:
                result = each.judge(problem, source)
                assert (result.verdict.value, result.failed_case) == (verdict, case), (
                    problem.id,
                    name,
                    result.message,
                )
            checked += 1
    return checked


def test_in_place_and_loading_judges_agree_on_the_bank(
    judge: Judge, loading_judge: Judge, problems: dict[str, Problem]
) -> None:
    assert judges_agree((judge, loading_judge), problems, in_place) >= 40


def edited_versions(pack: Path, problem_id: str, totals: list[int]) -> list[Problem]:
    """The problem as it loads after each edit of its sample: one version per total. A digest
    is of the text alone: tests that must not share one with another problem use totals of
    their own."""
    write_problem(
        pack,
        problem_id,
        schema=ORDERS,
        solution=TOTALS,
        datasets={"sample": SAMPLE, "a": HIDDEN, "b": SAMPLE, "c": "-- no rows"},
    )
    sample = pack / problem_id / "datasets" / "sample.sql"
    versions = []
    for total in totals:  # the author edits the sample between judgings
        sample.write_text(f"INSERT INTO orders VALUES (1, 'ann', {total}), (2, 'bob', 3);")
        versions.append(load_problems((pack,))[problem_id])
    return versions


def schema_exists(engine: Engine, schema: str) -> bool:
    with admin(engine) as conn:
        row = conn.execute("SELECT to_regnamespace(%s)", (schema,)).fetchone()
    return row is not None and row[0] is not None


def test_an_edited_dataset_replaces_its_old_digest(
    judge: Judge, engine: Engine, tmp_path: Path
) -> None:
    first, second = edited_versions(tmp_path / "team-pack", "pack-edited", [10, 11])
    assert judge.judge(first, TOTALS).accepted
    old = schema_of(first, "sample")
    assert judge.judge(second, TOTALS).accepted
    assert not schema_exists(engine, old) and schema_exists(engine, schema_of(second, "b"))


def test_an_old_digest_another_process_still_reads_is_kept(engine: Engine, tmp_path: Path) -> None:
    """A server started before an edit keeps judging the content it loaded, while another
    process (a CLI after the edit) materialises the new content; the old digest goes once
    nobody reads it."""
    first, second, third = edited_versions(tmp_path / "shared-pack", "pack-shared", [20, 21, 22])

    def process() -> tuple[Judge, DatasetStore]:
        store = DatasetStore(engine.admin_conninfo(JUDGE_DB))
        return Judge(Sandbox(engine.sandbox_conninfo(), max_size=2, datasets=store)), store

    server, server_store = process()
    cli, cli_store = process()
    try:
        assert server.judge(first, TOTALS).accepted
        assert cli.judge(second, TOTALS).accepted  # the edit's digest replaces the first...
        assert schema_exists(engine, schema_of(first, "sample"))  # ...which the server reads
        again = server.judge(first, TOTALS + "\n-- once more\n")
        assert again.accepted and again.cases[0].passed
        wrong = server.judge(first, "SELECT customer, 0 AS total FROM orders")
        assert wrong.verdict is Verdict.WRONG_ANSWER  # read in place, not an error
    finally:
        server.sandbox.close()
        server_store.close()
    try:
        assert cli.judge(third, TOTALS).accepted  # nobody reads the older two any more
        assert not schema_exists(engine, schema_of(first, "sample"))
        assert not schema_exists(engine, schema_of(second, "sample"))
        assert schema_exists(engine, schema_of(third, "sample"))
    finally:
        cli.sandbox.close()
        cli_store.close()


def test_content_with_a_function_is_loaded_per_judging(judge: Judge, tmp_path: Path) -> None:
    write_problem(
        tmp_path,
        "pack-with-function",
        schema=ORDERS + "\nCREATE FUNCTION double_it(x integer) RETURNS integer"
        " LANGUAGE sql IMMUTABLE RETURN x * 2;",
        solution="SELECT id, double_it(total) AS doubled FROM orders",
        datasets={"sample": SAMPLE, "a": HIDDEN, "b": "-- no rows", "c": SAMPLE},
    )
    problem = load_problems((tmp_path,))["pack-with-function"]
    store = judge.sandbox.datasets
    assert store is not None
    assert store.place(judge.sandbox, problem, problem.sample) is None
    assert judge.judge(problem, problem.solution).accepted


def test_a_named_schema_never_collides_between_judges(engine: Engine, tmp_path: Path) -> None:
    # A pack's own schema (`cd`), judged by two judges at once (two processes would have a
    # judge each): the second waits for the first's rollback instead of failing.
    write_problem(
        tmp_path,
        "pack-named-schema",
        schema="CREATE SCHEMA cd; CREATE TABLE cd.facilities (id integer PRIMARY KEY);",
        solution="SELECT count(*) AS n FROM cd.facilities f, generate_series(1, 400000) g",
        datasets={
            "sample": "INSERT INTO cd.facilities VALUES (1), (2);",
            "a": "INSERT INTO cd.facilities VALUES (3);",
            "b": "-- no rows",
            "c": "INSERT INTO cd.facilities SELECT generate_series(10, 12);",
        },
    )
    problem = load_problems((tmp_path,))["pack-named-schema"]
    assert not in_place(problem)
    results: list[object] = []

    def run() -> None:
        sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1)
        try:
            for _ in range(3):
                results.append(Judge(sandbox).judge(problem, problem.solution).verdict)
        except Exception as exc:  # the assertion below names it
            results.append(exc)
        finally:
            sandbox.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [Verdict.ACCEPTED] * 6


def test_a_pack_shares_data_and_loads_copy_from_stdin(
    judge: Judge, engine: Engine, tmp_path: Path
) -> None:
    # pg_dump's format in one shared file; two problems and a variant ("the sample plus a
    # change") include it instead of repeating it.
    pack = tmp_path / "club"
    (pack / "shared").mkdir(parents=True)
    (pack / "shared" / "members.sql").write_text(
        "COPY members (id, surname, recommended_by) FROM stdin;\n"
        "1\tSmith\t\\N\n2\tO'Brien\t1\n3\tTab\\tby\t1\n\\.\n"
    )
    schema = "CREATE TABLE members (id integer PRIMARY KEY, surname text, recommended_by integer);"
    shared = {
        "sample": "\\ir ../../shared/members.sql\n",
        "orphan": "\\ir sample.sql\nUPDATE members SET recommended_by = NULL WHERE id = 2;",
        "more": "\\ir sample.sql\nINSERT INTO members VALUES (4, 'Zed', 3);",
        "none": "-- no rows",
    }
    write_problem(
        pack,
        "club-recommended",
        schema=schema,
        solution="SELECT surname FROM members WHERE recommended_by IS NOT NULL",
        datasets=shared,
    )
    write_problem(
        pack,
        "club-count",
        schema=schema,
        solution="SELECT count(*) AS n FROM members",
        datasets=shared,
    )
    loaded = load_problems((pack,))
    for problem in (loaded["club-recommended"], loaded["club-count"]):
        assert judge.judge(problem, problem.solution).accepted
    recommended = loaded["club-recommended"]
    wrong = judge.judge(recommended, "SELECT surname FROM members WHERE id > 1")
    assert wrong.verdict is Verdict.WRONG_ANSWER and wrong.failed_case == "orphan"
    # Both problems' samples are one materialised dataset.
    assert schema_of(recommended, "sample") == schema_of(loaded["club-count"], "sample")
    with admin(engine) as conn:
        rows = conn.execute(
            f"SELECT surname FROM {schema_of(recommended, 'sample')}.members ORDER BY id"
        ).fetchall()
    assert rows == [("Smith",), ("O'Brien",), ("Tab\tby",)]


def test_first_judgings_of_many_problems_at_once_materialise_them_all(
    judge: Judge, tmp_path: Path
) -> None:
    # New digests materialised by several threads at once: the admin's catalog changes (roles,
    # the grants on schema ext) would collide ("tuple concurrently updated") if not serialised.
    for n in range(6):
        write_problem(
            tmp_path,
            f"pack-concurrent-{n}",
            schema=ORDERS,
            solution=TOTALS,
            datasets={
                "sample": f"INSERT INTO orders VALUES ({n + 1}, 'c{n}', {n});",
                "a": HIDDEN,
                "b": SAMPLE,
                "c": "-- no rows",
            },
        )
    loaded = load_problems((tmp_path,))
    verdicts: list[object] = []

    def run(problem: Problem) -> None:
        try:
            verdicts.append(judge.judge(problem, TOTALS).verdict)
        except Exception as exc:  # the assertion below names it
            verdicts.append(exc)

    threads = [
        threading.Thread(target=run, args=(p,)) for p in loaded.values() if p.pack != "builtin"
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert verdicts == [Verdict.ACCEPTED] * 6


def test_the_candidate_runs_under_the_roles_lock_timeout(
    judge: Judge, loading_judge: Judge, tmp_path: Path
) -> None:
    # The setup may wait longer for its locks; the candidate never gets that longer wait.
    write_problem(
        tmp_path,
        "pack-lock-timeout",
        schema=ORDERS,
        solution="SELECT '1s'::text AS lock_timeout",
        datasets={"sample": SAMPLE, "a": HIDDEN, "b": "-- no rows", "c": SAMPLE},
    )
    problem = load_problems((tmp_path,))["pack-lock-timeout"]
    probe = "SELECT current_setting('lock_timeout') AS lock_timeout"
    for each in (judge, loading_judge):
        result = each.judge(problem, probe)
        assert result.accepted, result.message


@pytest.mark.parametrize("setup", ["", "CREATE TABLE t (a integer)", None])
def test_a_session_leaves_the_lock_timeout_of_the_role(engine: Engine, setup: str | None) -> None:
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1)
    try:
        with sandbox.session(setup) as session:
            row = session.conn.execute("SHOW lock_timeout").fetchone()
    finally:
        sandbox.close()
    assert row == ("1s",)
