"""The judge: runs a submission on the sample and every hidden dataset, and says why it failed.

For each dataset, in one rolled-back transaction per submission and a savepoint per dataset:
load the dataset, run the candidate's statements under the problem's limits, and compare what
they produced (a result set, the final tables, the outcome of acceptance checks, the plan's
buffers) with what the reference solution produced on the same dataset. Expected outcomes are
computed once per process and cached.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import psycopg

from pgdojo.content.models import Dataset, Problem, ProblemKind, SchemaCheck
from pgdojo.errors import ContentError
from pgdojo.tracks.sql.classify import Rejection, Statement, allowed_statement_words, classify
from pgdojo.tracks.sql.compare import (
    Comparison,
    ResultSet,
    compare_results,
    jsonable,
)
from pgdojo.tracks.sql.sandbox import (
    SETUP_TIMEOUT_MS,
    WATCHDOG,
    ResultTooLarge,
    Sandbox,
    SandboxSession,
)
from pgdojo.tracks.sql.verdict import (
    CaseResult,
    Failure,
    JudgeResult,
    Position,
    Verdict,
    failure_from,
)

DECLARE_PREFIX = "DECLARE pgdojo_result NO SCROLL CURSOR FOR "
# Client-side backstop beyond the server's statement_timeout.
WATCHDOG_GRACE_S = 2.0


@dataclass
class Outcome:
    """What a set of statements produced on one dataset."""

    failure: Failure | None = None
    failed_statement: Statement | None = None
    error_offset: int | None = None  # within the failed statement's text
    result: ResultSet | None = None
    tables: dict[str, ResultSet] = field(default_factory=dict)
    failed_check: SchemaCheck | None = None
    check_message: str = ""
    buffers: int | None = None


@dataclass
class Expectation:
    """The reference solution's outcome on one dataset, plus the slow query's cost."""

    outcome: Outcome
    baseline_buffers: int | None = None


class Judge:
    """Judges submissions against problems; thread-safe, shares one sandbox pool."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._expected: dict[tuple[str, str], Expectation] = {}
        self._lock = threading.Lock()

    # -- public ----------------------------------------------------------------------------
    def judge(self, problem: Problem, source: str) -> JudgeResult:
        """Judge `source` against every dataset of `problem`, stopping at the first failure."""
        started = time.perf_counter()
        result = self._judge(problem, source)
        result.elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
        return result

    def run_sample(
        self, problem: Problem, source: str
    ) -> tuple[JudgeResult | None, ResultSet | None]:
        """Run a query on the sample dataset only and return its rows ("run" before "submit")."""
        base = self._base_result(problem)
        try:
            statements = classify(source, problem.kind)
        except Rejection as exc:
            return self._rejected(base, exc), None
        with self.sandbox.session() as session:
            session.run_script(problem.schema_sql)
            outcome = self._attempt(session, problem, problem.sample, statements)
        if outcome.failure:
            return self._failure_result(base, problem.sample, outcome, source), None
        if outcome.result is not None:
            return None, outcome.result
        tables = list(outcome.tables.values())
        return None, tables[0] if tables else None

    def expected_result(self, problem: Problem, dataset: Dataset) -> ResultSet | None:
        """The reference solution's result on a dataset (shown as the expected sample output)."""
        with self.sandbox.session() as session:
            session.run_script(problem.schema_sql)
            expectation = self._expectation(session, problem, dataset)
        outcome = expectation.outcome
        if outcome.result is not None:
            return outcome.result
        return next(iter(outcome.tables.values()), None)

    # -- the steps -------------------------------------------------------------------------
    def _base_result(self, problem: Problem) -> JudgeResult:
        return JudgeResult(
            problem_id=problem.id,
            verdict=Verdict.ACCEPTED,
            message="",
            time_limit_ms=problem.meta.time_limit_ms,
            allowed_statements=allowed_statement_words(problem.kind),
        )

    def _rejected(self, base: JudgeResult, exc: Rejection) -> JudgeResult:
        base.verdict = exc.verdict
        base.message = exc.message
        base.position = exc.position
        return base

    def _judge(self, problem: Problem, source: str) -> JudgeResult:
        base = self._base_result(problem)
        try:
            statements = classify(source, problem.kind)
        except Rejection as exc:
            return self._rejected(base, exc)
        total = len(problem.datasets)
        with self.sandbox.session() as session:
            session.run_script(problem.schema_sql)
            for dataset in problem.datasets:
                expectation = self._expectation(session, problem, dataset)
                outcome = self._attempt(session, problem, dataset, statements)
                verdict = self._assess(problem, dataset, expectation, outcome, base, source)
                base.cases.append(CaseResult(dataset.name, dataset.hidden, verdict is None))
                if verdict is not None:
                    return verdict
        base.verdict = Verdict.ACCEPTED
        base.message = f"accepted: passed the sample and all {total - 1} hidden cases"
        return base

    def _expectation(
        self, session: SandboxSession, problem: Problem, dataset: Dataset
    ) -> Expectation:
        key = (problem.id, _digest(problem, dataset))
        cached = self._expected.get(key)
        if cached is not None:
            return cached
        try:
            reference = classify(problem.solution, problem.kind)
        except Rejection as exc:
            raise ContentError(f"{problem.source}/solution.sql", exc.message) from exc
        baseline = None
        if problem.kind is ProblemKind.OPTIMIZE and dataset is problem.sample:
            assert problem.slow_query is not None
            with session.savepoint():
                session.run_script(dataset.sql)
                session.analyze_tables()
                baseline = _buffers(
                    session.explain(problem.slow_query.rstrip().rstrip(";"), analyze=True)
                )
        outcome = self._attempt(session, problem, dataset, reference, measure=False)
        if outcome.failure or outcome.failed_check:
            why = outcome.failure.message if outcome.failure else outcome.check_message
            raise ContentError(
                f"{problem.source}/solution.sql",
                f"the reference solution fails on dataset {dataset.name!r}: {why}",
            )
        expectation = Expectation(outcome, baseline)
        with self._lock:
            self._expected[key] = expectation
        return expectation

    def _attempt(
        self,
        session: SandboxSession,
        problem: Problem,
        dataset: Dataset,
        statements: list[Statement],
        measure: bool = True,
    ) -> Outcome:
        """Run `statements` on `dataset` inside a savepoint that is rolled back afterwards."""
        outcome = Outcome()
        limit = problem.meta.time_limit_ms
        kind = problem.kind
        load = "" if kind is ProblemKind.SCHEMA else dataset.sql.rstrip().rstrip(";")
        limit_sql = f"SET LOCAL statement_timeout = {int(limit)}"
        if kind is ProblemKind.OPTIMIZE:
            prelude = load  # ANALYZE needs the loaded tables, then the candidate's limit
        else:
            # "\n;" ends the last statement even when the script ends in a -- comment.
            prelude = f"{load}\n;\n{limit_sql}" if load else limit_sql
        with session.savepoint(prelude):
            if kind is ProblemKind.OPTIMIZE:
                session.analyze_tables()
                session.set_timeout(limit)
            body = (
                statements[:-1] if kind in (ProblemKind.QUERY, ProblemKind.OPTIMIZE) else statements
            )
            with WATCHDOG.guard(session.conn, limit / 1000 + WATCHDOG_GRACE_S):
                for stmt in body:
                    if not self._execute(session, stmt, outcome):
                        return outcome
                if kind in (ProblemKind.QUERY, ProblemKind.OPTIMIZE):
                    final = statements[-1]
                    if kind is ProblemKind.OPTIMIZE and measure and dataset is problem.sample:
                        try:
                            outcome.buffers = _buffers(session.explain(final.text, analyze=True))
                        except psycopg.Error as exc:
                            self._record_failure(outcome, final, exc, prefix_len=0)
                            return outcome
                    try:
                        outcome.result = session.fetch_query(final.text, close=False)
                    except psycopg.Error as exc:
                        self._record_failure(outcome, final, exc, prefix_len=len(DECLARE_PREFIX))
                        return outcome
                    except ResultTooLarge as exc:
                        outcome.failure = Failure(Verdict.ERROR, None, "result_too_large", str(exc))
                        return outcome
            session.set_timeout(SETUP_TIMEOUT_MS)
            if kind is ProblemKind.MUTATION:
                for table in problem.meta.compare_tables:
                    outcome.tables[table] = session.table_state(table)
            elif kind is ProblemKind.SCHEMA:
                self._run_checks(session, problem, dataset, outcome)
        return outcome

    def _execute(self, session: SandboxSession, stmt: Statement, outcome: Outcome) -> bool:
        try:
            session.execute(stmt.text)
        except psycopg.Error as exc:
            self._record_failure(outcome, stmt, exc, prefix_len=0)
            return False
        return True

    def _record_failure(
        self, outcome: Outcome, stmt: Statement, exc: psycopg.Error, prefix_len: int
    ) -> None:
        outcome.failure = failure_from(exc)
        outcome.failed_statement = stmt
        position = getattr(exc.diag, "statement_position", None)
        if position and position.isdigit():
            offset = int(position) - 1 - prefix_len
            outcome.error_offset = offset if 0 <= offset <= len(stmt.text) else None

    def _run_checks(
        self, session: SandboxSession, problem: Problem, dataset: Dataset, outcome: Outcome
    ) -> None:
        """Schema problems: the case's data (if any), then each acceptance check in a savepoint."""
        try:
            session.run_script(dataset.sql)
        except psycopg.Error as exc:
            outcome.failed_check = SchemaCheck(
                case=dataset.name,
                name="load the case's rows",
                expect="accept",
                sql=dataset.sql or "-",
            )
            outcome.check_message = (
                f"the case's rows could not be stored: {failure_from(exc).condition}"
            )
            return
        for check in problem.meta.checks:
            if check.case != dataset.name:
                continue
            message = _run_check(session, check)
            if message:
                outcome.failed_check = check
                outcome.check_message = message
                return

    def _assess(
        self,
        problem: Problem,
        dataset: Dataset,
        expectation: Expectation,
        outcome: Outcome,
        base: JudgeResult,
        source: str,
    ) -> JudgeResult | None:
        """None when the outcome matches; otherwise the failing verdict, told as it may be."""
        if outcome.failure:
            return self._failure_result(base, dataset, outcome, source)
        if outcome.failed_check:
            base.verdict = Verdict.WRONG_ANSWER
            check = outcome.failed_check
            base.message = (
                f"{_case_label(dataset, problem)}: check failed: {check.name} "
                f"({outcome.check_message})"
            )
            return self._mark_case(base, dataset)
        expected = expectation.outcome
        meta = problem.meta
        if problem.kind is ProblemKind.MUTATION:
            for table in meta.compare_tables:
                comparison = compare_results(
                    expected.tables[table], outcome.tables[table], False, meta.tolerance
                )
                if not comparison.equal:
                    return self._wrong(
                        base,
                        problem,
                        dataset,
                        comparison,
                        expected.tables[table],
                        f"table {table}: ",
                    )
            return None
        if problem.kind in (ProblemKind.QUERY, ProblemKind.OPTIMIZE):
            assert expected.result is not None and outcome.result is not None
            comparison = compare_results(
                expected.result, outcome.result, meta.ordered, meta.tolerance
            )
            if not comparison.equal:
                return self._wrong(base, problem, dataset, comparison, expected.result, "")
        if (
            problem.kind is ProblemKind.OPTIMIZE
            and outcome.buffers is not None
            and expectation.baseline_buffers
        ):
            assert meta.optimize is not None
            ratio = outcome.buffers / expectation.baseline_buffers
            base.measured = {
                "buffers": outcome.buffers,
                "baseline_buffers": expectation.baseline_buffers,
                "ratio": round(ratio, 4),
                "required_ratio": meta.optimize.max_buffers_ratio,
            }
            if ratio > meta.optimize.max_buffers_ratio:
                base.verdict = Verdict.TOO_SLOW
                base.message = (
                    f"correct results, but too slow: your query touched {outcome.buffers} "
                    f"buffers, {ratio:.1%} of the original query's {expectation.baseline_buffers}; "
                    f"required: at most {meta.optimize.max_buffers_ratio:.1%}"
                )
                return self._mark_case(base, dataset)
        return None

    def _wrong(
        self,
        base: JudgeResult,
        problem: Problem,
        dataset: Dataset,
        comparison: Comparison,
        expected: ResultSet,
        prefix: str,
    ) -> JudgeResult:
        base.verdict = Verdict.WRONG_ANSWER
        if dataset.hidden:
            base.message = f"wrong answer on {_case_label(dataset, problem)}"
        else:
            base.message = f"wrong answer on the sample dataset: {prefix}{comparison.message}"
            base.diff = {
                "columns": list(expected.columns),
                "missing": [jsonable(list(r)) for r in comparison.missing],
                "extra": [jsonable(list(r)) for r in comparison.extra],
                "first_mismatch": comparison.first_mismatch,
            }
        return self._mark_case(base, dataset)

    def _failure_result(
        self, base: JudgeResult, dataset: Dataset, outcome: Outcome, source: str
    ) -> JudgeResult:
        failure = outcome.failure
        assert failure is not None
        base.verdict = failure.verdict
        base.sqlstate = failure.sqlstate
        stmt = outcome.failed_statement
        if stmt is not None and outcome.error_offset is not None:
            start = source.find(stmt.text, stmt.offset)
            if start >= 0:
                base.position = Position.at(source, start + outcome.error_offset)
        if failure.verdict is Verdict.TIMEOUT:
            detail = f"the statement ran past the {base.time_limit_ms} ms time limit"
        elif dataset.hidden:
            # A hidden case's error message can quote its data; say only what kind of error.
            detail = f"{failure.condition} (SQLSTATE {failure.sqlstate})"
        else:
            detail = failure.message
        where = (
            "on the sample dataset" if not dataset.hidden else f"on hidden case {dataset.name!r}"
        )
        label = {Verdict.TIMEOUT: "timeout", Verdict.REJECTED: "rejected"}.get(
            failure.verdict, "error"
        )
        base.message = f"{label} {where}: {detail}"
        return self._mark_case(base, dataset)

    def _mark_case(self, base: JudgeResult, dataset: Dataset) -> JudgeResult:
        base.failed_case = dataset.name
        base.failed_case_hidden = dataset.hidden
        base.catches = dataset.catches
        return base


def _run_check(session: SandboxSession, check: SchemaCheck) -> str | None:
    """None when the check passes, else why it did not."""
    with session.savepoint():
        if check.expect == "index":
            session.set_local("enable_seqscan", "off")
            try:
                plan = session.explain(check.sql)
            except psycopg.Error as exc:
                return f"the query could not be planned: {failure_from(exc).message}"
            scans = _node_types(plan.get("Plan", {}))
            if "Seq Scan" in scans:
                return "the query still needs a sequential scan: no index serves it"
            return None
        try:
            session.execute(check.sql)
        except psycopg.Error as exc:
            failure = failure_from(exc)
            if check.expect == "reject" and (failure.sqlstate or "").startswith("23"):
                return None
            if check.expect == "reject":
                return f"it failed, but not by a constraint: {failure.condition}"
            return f"a valid row was refused: {failure.message}"
        if check.expect == "reject":
            return "an invalid row was accepted: no constraint stopped it"
        return None


def _node_types(node: dict[str, Any]) -> set[str]:
    found = {str(node.get("Node Type"))}
    for child in node.get("Plans", []) or []:
        found |= _node_types(child)
    return found


def _buffers(plan: dict[str, Any]) -> int:
    top = plan.get("Plan", {})
    return int(top.get("Shared Hit Blocks", 0)) + int(top.get("Shared Read Blocks", 0))


def _case_label(dataset: Dataset, problem: Problem) -> str:
    if not dataset.hidden:
        return "the sample dataset"
    number = [d.name for d in problem.hidden_datasets].index(dataset.name) + 1
    return (
        f"hidden case {number}/{len(problem.hidden_datasets)} {dataset.name!r} ({dataset.catches})"
    )


def _digest(problem: Problem, dataset: Dataset) -> str:
    text = "\x00".join(
        [problem.schema_sql, dataset.sql, problem.solution, problem.slow_query or ""]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]
