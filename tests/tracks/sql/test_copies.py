"""Writable copies: mutation problems judged on materialised copies of their datasets, and
what that must never allow (another dataset's rows, another judging's changes, a sequence left
advanced, code running with the owner's rights)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pgdojo.content import Problem, load_problems
from pgdojo.engine import Engine
from pgdojo.engine.provision import JUDGE_DB, SANDBOX_ROLE
from pgdojo.tracks.sql import Judge, Sandbox, Verdict
from pgdojo.tracks.sql.datasets import DatasetStore, digest, on_copies
from tests.tracks.sql.packs import write_problem
from tests.tracks.sql.test_datasets import admin, judges_agree

ACCOUNTS = (
    "CREATE TABLE accounts (id serial PRIMARY KEY, owner text NOT NULL, balance integer);\n"
    "CREATE TABLE ledger (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    " account integer REFERENCES accounts ON DELETE CASCADE, amount integer);"
)
SAMPLE = (
    "INSERT INTO accounts (owner, balance) VALUES ('ann', 10), ('bob', 20);\n"
    "INSERT INTO ledger (account, amount) VALUES (1, 10), (2, 20);"
)
HIDDEN = (
    "INSERT INTO accounts (owner, balance) VALUES ('zed', 700), ('secret', 800), ('kim', 0);\n"
    "INSERT INTO ledger (account, amount) VALUES (3, 800);"
)
# New rows take the next ids of both sequences: a copy whose sequences were left advanced by
# an earlier judging gives different ids, and the comparison with the reference fails.
SOLUTION = (
    "INSERT INTO accounts (owner, balance) SELECT owner || '-2', 0 FROM accounts;\n"
    "INSERT INTO ledger (account, amount) SELECT id, -1 FROM accounts WHERE balance = 0;\n"
    "UPDATE accounts SET balance = balance + 1;"
)


def copies_of(engine: Engine, problem: Problem, name: str) -> list[str]:
    dataset = next(d for d in problem.datasets if d.name == name)
    with admin(engine) as conn:
        rows = conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s ORDER BY 1",
            (f"ds_{digest(problem, dataset)}_w%",),
        ).fetchall()
    return [r[0] for r in rows]


def mutation(pack: Path, problem_id: str, schema: str = ACCOUNTS, **datasets: str) -> Problem:
    write_problem(
        pack,
        problem_id,
        kind="mutation",
        schema=schema,
        solution=SOLUTION,
        datasets=datasets
        or {"sample": SAMPLE, "rich": HIDDEN, "empty": "-- no rows", "again": SAMPLE},
        compare_tables=["accounts", "ledger"],
    )
    return load_problems((pack,))[problem_id]


@pytest.fixture(scope="module")
def accounts(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    return mutation(tmp_path_factory.mktemp("pack"), "pack-accounts")


def test_a_mutation_problem_is_judged_on_copies_that_stay_as_loaded(
    judge: Judge, engine: Engine, accounts: Problem
) -> None:
    assert on_copies(accounts)
    for run in range(3):  # the same ids every time: the sequences are reset
        result = judge.judge(accounts, f"{SOLUTION}\n-- run {run}\n")
        assert result.accepted, result.message
    copies = copies_of(engine, accounts, "rich")
    assert copies
    with admin(engine) as conn:
        for schema in copies:
            owner, acl = conn.execute(
                "SELECT nspowner::regrole::text, nspacl::text FROM pg_namespace WHERE nspname = %s",
                (schema,),
            ).fetchone() or (None, None)
            assert owner == "pgdojo_datasets"
            others = acl.replace(f"pgdojo_{schema}=U/", "").replace("pgdojo_datasets=UC/", "")
            assert f"pgdojo_{schema}=U/" in acl and "=U/" not in others
            rows = conn.execute(f"SELECT owner, balance FROM {schema}.accounts ORDER BY id")
            assert rows.fetchall() == [("zed", 700), ("secret", 800), ("kim", 0)]
        owned = conn.execute(
            "SELECT count(*) FROM pg_class WHERE relowner = %s::regrole", (SANDBOX_ROLE,)
        ).fetchone()
    assert owned == (0,)


def test_a_wrong_mutation_is_still_told_apart(judge: Judge, accounts: Problem) -> None:
    wrong = judge.judge(accounts, "UPDATE accounts SET balance = balance + 1")
    assert wrong.verdict is Verdict.WRONG_ANSWER and wrong.failed_case == "sample"
    assert wrong.diff is not None and "table accounts" in wrong.message
    # A DELETE that cascades into the ledger, undone for the next submission.
    cascade = judge.judge(accounts, "DELETE FROM accounts WHERE balance > 500")
    assert cascade.verdict is Verdict.WRONG_ANSWER
    assert judge.judge(accounts, SOLUTION + "\n-- after\n").accepted


def test_a_copy_cannot_read_or_write_another_dataset(
    judge: Judge, engine: Engine, accounts: Problem
) -> None:
    judge.judge(accounts, SOLUTION)
    hidden = copies_of(engine, accounts, "rich")[0]
    steal = judge.judge(
        accounts, f"INSERT INTO accounts (owner) SELECT owner FROM {hidden}.accounts"
    )
    assert steal.verdict is Verdict.REJECTED and "permission denied" in steal.message
    assert "secret" not in steal.message
    spoil = judge.judge(accounts, f"DELETE FROM {hidden}.accounts")
    assert spoil.verdict is Verdict.REJECTED and "permission denied" in spoil.message


def test_judgings_at_once_take_copies_of_their_own(engine: Engine, accounts: Problem) -> None:
    """Four judgings that rewrite every row at the same moment: on a shared copy each would
    wait on the others' row locks (and fail at the role's lock_timeout)."""
    store = DatasetStore(engine.admin_conninfo(JUDGE_DB))
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=4, datasets=store)
    judge = Judge(sandbox)
    rewrite_all = (
        SOLUTION
        + "\nUPDATE accounts SET owner = owner WHERE pg_catalog.length(repeat('x', 1)) = 1;"
    )
    verdicts: list[object] = []
    try:
        judge.judge(accounts, SOLUTION)  # the reference's outcomes, once

        def run(n: int) -> None:
            try:
                for i in range(3):
                    verdicts.append(judge.judge(accounts, f"{rewrite_all}\n-- {n} {i}\n").verdict)
            except Exception as exc:  # the assertion below names it
                verdicts.append(exc)

        threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sandbox.close()
        store.close()
    assert verdicts == [Verdict.ACCEPTED] * 12


def test_two_processes_never_share_a_copy(engine: Engine, accounts: Problem) -> None:
    stores = [DatasetStore(engine.admin_conninfo(JUDGE_DB)) for _ in range(2)]
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1)
    try:
        taken = [store.take_copy(sandbox, accounts, accounts.sample) for store in stores]
        assert None not in taken
        assert taken[0] != taken[1]
        stores[0].close()  # the first process ends: its copy is free for another
        third = DatasetStore(engine.admin_conninfo(JUDGE_DB))
        try:
            again = third.take_copy(sandbox, accounts, accounts.sample)
            assert again is not None and again.schema == taken[0].schema  # type: ignore[union-attr]
        finally:
            third.close()
    finally:
        stores[1].close()
        sandbox.close()


@pytest.mark.parametrize(
    "extra",
    [
        "CREATE RULE keep AS ON DELETE TO ledger DO INSTEAD NOTHING;",
        "CREATE TRIGGER same BEFORE UPDATE ON accounts FOR EACH ROW"
        " EXECUTE FUNCTION suppress_redundant_updates_trigger();",
    ],
    ids=["rule", "trigger"],
)
def test_content_that_runs_code_on_writes_is_loaded_per_judging(
    judge: Judge, engine: Engine, tmp_path: Path, extra: str
) -> None:
    """A rule's actions run with the rights of its table's owner, who owns every dataset:
    such content is never copied."""
    problem = mutation(tmp_path, "pack-with-actions", schema=f"{ACCOUNTS}\n{extra}")
    store = judge.sandbox.datasets
    assert store is not None
    assert store.take_copy(judge.sandbox, problem, problem.sample) is None
    assert copies_of(engine, problem, "sample") == []
    result = judge.judge(problem, SOLUTION)
    assert result.accepted, result.message
    wrong = judge.judge(problem, "UPDATE accounts SET balance = 0")
    assert wrong.verdict is Verdict.WRONG_ANSWER


def test_a_lost_connection_keeps_its_copies_out_of_use(judge: Judge, accounts: Problem) -> None:
    """After the watchdog cuts a connection its backend may still hold the copy's rows:
    the copies that judging had are not handed out again."""
    store = judge.sandbox.datasets
    assert store is not None
    places = judge._places(accounts)
    assert places is not None
    with judge.sandbox.session(None) as session:
        session.conn.close()  # as the watchdog leaves it
        judge._give_back(places, session)
    free = [p for copies in store._free.values() for p in copies]
    assert not set(places.values()) & set(free)


def test_an_edited_dataset_drops_the_old_copies(
    judge: Judge, engine: Engine, tmp_path: Path
) -> None:
    pack = tmp_path / "edited"
    # A schema of its own: a digest shared with another problem's dataset stays.
    first = mutation(
        pack,
        "pack-edited-copies",
        schema=f"{ACCOUNTS}\n-- edited",
        sample=SAMPLE,
        rich=HIDDEN,
        empty="-- none",
        other=HIDDEN.replace("700", "701"),
    )
    assert judge.judge(first, SOLUTION).accepted
    old = copies_of(engine, first, "sample")
    sample = pack / "pack-edited-copies" / "datasets" / "sample.sql"
    sample.write_text(SAMPLE.replace("'bob', 20", "'bob', 21"))
    second = load_problems((pack,))["pack-edited-copies"]
    assert judge.judge(second, SOLUTION).accepted
    with admin(engine) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname = ANY(%s)", (old,)
        ).fetchone()
    assert old and left == (0,)
    assert copies_of(engine, second, "sample")


def test_copies_and_loading_judges_agree_on_the_bank(
    judge: Judge, loading_judge: Judge, problems: dict[str, Problem]
) -> None:
    for problem in problems.values():
        if on_copies(problem):
            assert judge.judge(problem, problem.solution).accepted
    assert judges_agree((judge, loading_judge), problems, on_copies) >= 9
