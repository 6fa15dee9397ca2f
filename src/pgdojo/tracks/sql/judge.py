"""The judge: runs a submission on the sample and every hidden dataset, and says why it failed.

For each dataset, in one rolled-back transaction per submission and a savepoint per dataset:
load the dataset, run the candidate's statements under the problem's limits, and compare what
they produced (a result set, the final tables, the outcome of acceptance checks, the plan's
buffers) with what the reference solution produced on the same dataset. Expected outcomes are
computed once per process and cached.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg

from pgdojo.content.models import Dataset, Problem, ProblemKind, SchemaCheck
from pgdojo.errors import ContentError
from pgdojo.tracks.sql.checks import (
    ACCEPTED,
    NOT_BY_A_CONSTRAINT,
    SEQUENTIAL,
    UNPLANNABLE,
    CheckFailure,
    case_block,
    check_failure,
)
from pgdojo.tracks.sql.classify import Rejection, Statement, allowed_statement_words, classify
from pgdojo.tracks.sql.compare import (
    Comparison,
    ResultSet,
    compare_results,
    jsonable,
)
from pgdojo.tracks.sql.datasets import Place, in_place, named_schemas, on_copies, text_digest
from pgdojo.tracks.sql.mistakes import find_mistakes
from pgdojo.tracks.sql.ordering import order_key
from pgdojo.tracks.sql.sandbox import (
    FETCH_BATCH,
    MAX_RESULT_ROWS,
    SETUP_TIMEOUT_MS,
    ResultTooLarge,
    Sandbox,
    SandboxBroken,
    SandboxSession,
    TimeLimitExceeded,
)
from pgdojo.tracks.sql.sequences import may_create_sequences
from pgdojo.tracks.sql.verdict import (
    CaseResult,
    Failure,
    JudgeResult,
    Position,
    Verdict,
    coarse_elapsed_ms,
    failure_from,
    failure_of,
    hidden_failure,
)

# Hidden datasets read in one message at most: each dataset's first batch can bring up to
# work_mem plus temp_file_limit (the FETCH's tuple store) before the byte budget is checked.
CASES_PER_MESSAGE = 4


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
        self._schema_locks: dict[str, threading.Lock] = {}
        # Hidden datasets read in one message where they can be (False: one by one, always).
        self.one_message = True

    # -- public ----------------------------------------------------------------------------
    def judge(self, problem: Problem, source: str) -> JudgeResult:
        """Judge `source` against every dataset of `problem`, stopping at the first failure,
        and name the classic mistakes it makes (never a reason for the verdict itself)."""
        started = time.perf_counter()
        trees = None
        try:
            statements = classify(source, problem.kind, problem.meta.allow_functions)
        except Rejection as exc:
            result = self._rejected(self._base_result(problem), exc)
        else:
            trees = [stmt.tree for stmt in statements]  # parsed once, read by both
            result = self._judged(problem, source, statements)
        result.elapsed_ms = coarse_elapsed_ms(time.perf_counter() - started)
        # Read from the text and the problem only, never from a dataset: nothing hidden leaks.
        result.findings = find_mistakes(problem, source, result.verdict, trees)
        return result

    def _judged(self, problem: Problem, source: str, statements: list[Statement]) -> JudgeResult:
        try:
            return self._judge(problem, source, statements)
        except SandboxBroken as exc:
            return self._broken(self._base_result(problem), exc)
        except psycopg.Error as exc:
            # The judge's own statements failed (the content's SQL, a lost server): a verdict
            # that says so, never a traceback.
            result = self._base_result(problem)
            result.verdict = Verdict.ERROR
            result.message = (
                f"error: the judge could not run this problem "
                f"({exc.diag.message_primary or type(exc).__name__}); nothing was kept"
            )
            return result

    def run_sample(
        self, problem: Problem, source: str
    ) -> tuple[JudgeResult | None, ResultSet | None]:
        """Run a query on the sample dataset only and return its rows ("run" before "submit")."""
        base = self._base_result(problem)
        try:
            statements = classify(source, problem.kind, problem.meta.allow_functions)
        except Rejection as exc:
            return self._rejected(base, exc), None
        try:
            with self._session(problem) as session:
                outcome = self._attempt(session, problem, problem.sample, statements)
        except SandboxBroken as exc:
            return self._broken(base, exc), None
        if outcome.failure:
            return self._failure_result(base, problem.sample, outcome, source), None
        if outcome.result is not None:
            return None, outcome.result
        tables = list(outcome.tables.values())
        return None, tables[0] if tables else None

    def expected_result(self, problem: Problem, dataset: Dataset) -> ResultSet | None:
        """The reference solution's result on a dataset (shown as the expected sample output)."""
        with self._session(problem) as session:
            expectation = self._expectation(session, problem, dataset)
        outcome = expectation.outcome
        if outcome.result is not None:
            return outcome.result
        return next(iter(outcome.tables.values()), None)

    # -- the steps -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _session(self, problem: Problem) -> Iterator[SandboxSession]:
        """A judging transaction for `problem`: its datasets read in place, or changed on
        writable copies, when they are materialised (datasets.py), otherwise its tables
        created for each dataset to load. Problems whose SQL names a schema of its own
        (`CREATE SCHEMA cd`) take a lock on the name first: two transactions creating one
        schema would wait on each other."""
        places = self._places(problem)
        session: SandboxSession | None = None
        try:
            with contextlib.ExitStack() as stack:
                for name in sorted(named_schemas(problem)):
                    with self._lock:
                        lock = self._schema_locks.setdefault(name, threading.Lock())
                    stack.enter_context(lock)
                try:
                    session = stack.enter_context(
                        self.sandbox.session(None if places else problem.schema_sql)
                    )
                except psycopg.Error as exc:
                    raise ContentError(
                        f"{problem.source}/schema.sql",
                        f"the problem's tables could not be created: "
                        f"{exc.diag.message_primary or type(exc).__name__}",
                    ) from exc
                session.places = places
                if places is None and may_create_sequences(problem.schema_sql):
                    session.record_sequences(named_schemas(problem))
                yield session
        finally:
            if places and on_copies(problem):
                self._give_back(places, session)

    def _places(self, problem: Problem) -> dict[str, Place] | None:
        store = self.sandbox.datasets
        if store is None:
            return None
        if in_place(problem):
            take = store.place
        elif on_copies(problem):
            take = store.take_copy
        else:
            return None
        places: dict[str, Place] = {}
        for dataset in problem.datasets:
            place = take(self.sandbox, problem, dataset)
            if place is None:
                if on_copies(problem):
                    for taken in places.values():
                        store.give_back(taken)
                return None
            places[dataset.name] = place
        return places

    def _give_back(self, places: dict[str, Place], session: SandboxSession | None) -> None:
        """Return a judging's writable copies once it has rolled back, unless its connection
        was lost: the backend may hold their rows until the server notices, and the next
        judging would wait on them. Those copies stay claimed by this process, unused."""
        store = self.sandbox.datasets
        if store is None or (session is not None and session.conn.closed):
            return
        for place in places.values():
            store.give_back(place)

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

    def _broken(self, base: JudgeResult, exc: SandboxBroken) -> JudgeResult:
        base.verdict = Verdict.ERROR
        base.message = f"error: {exc} (a resource limit was exceeded); nothing was kept"
        return base

    def _judge(self, problem: Problem, source: str, statements: list[Statement]) -> JudgeResult:
        base = self._base_result(problem)
        with self._session(problem) as session:
            if problem.kind is ProblemKind.SCHEMA:
                return self._judge_schema(session, problem, statements, base, source)
            if not self._reads_in_one(session, problem, statements):
                return self._judge_each(
                    session, problem, problem.datasets, statements, base, source
                )
            told = self._judge_in_one(session, problem, statements, base, source)
            if isinstance(told, JudgeResult):
                return told
        # The one message left datasets unread (its connection cut, a full first batch): the
        # rest one by one, in a session of their own (the first has ended).
        with self._session(problem) as session:
            return self._judge_each(session, problem, told, statements, base, source)

    def _judge_each(
        self,
        session: SandboxSession,
        problem: Problem,
        datasets: Sequence[Dataset],
        statements: list[Statement],
        base: JudgeResult,
        source: str,
    ) -> JudgeResult:
        for dataset in datasets:
            verdict = self._case(session, problem, dataset, statements, base, source)
            if verdict is not None:
                return verdict
        return self._accepted(base, problem)

    def _case(
        self,
        session: SandboxSession,
        problem: Problem,
        dataset: Dataset,
        statements: list[Statement],
        base: JudgeResult,
        source: str,
    ) -> JudgeResult | None:
        """Judge one dataset: None when it passed, else the failing verdict."""
        expectation = self._expectation(session, problem, dataset)
        outcome = self._attempt(session, problem, dataset, statements)
        return self._told(problem, dataset, expectation, outcome, base, source)

    def _told(
        self,
        problem: Problem,
        dataset: Dataset,
        expectation: Expectation,
        outcome: Outcome,
        base: JudgeResult,
        source: str,
    ) -> JudgeResult | None:
        """Assess one dataset's outcome and record its case."""
        verdict = self._assess(problem, dataset, expectation, outcome, base, source)
        base.cases.append(CaseResult(dataset.name, dataset.hidden, verdict is None))
        return verdict

    def _reads_in_one(
        self, session: SandboxSession, problem: Problem, statements: list[Statement]
    ) -> bool:
        """Whether the hidden datasets can be read a few to a message (SandboxSession.
        read_each): a query's read in place, a mutation's on writable copies, whose
        reference outcomes are known and each fit in one batch."""
        if not self.one_message or session.places is None or not problem.hidden_datasets:
            return False
        if problem.kind is ProblemKind.QUERY:
            if len(statements) != 1:
                return False
        elif problem.kind is not ProblemKind.MUTATION:
            return False
        for dataset in problem.hidden_datasets:
            cached = self._expected.get((problem.id, _digest(problem, dataset)))
            if cached is None:
                return False
            outcome = cached.outcome
            read = [outcome.result] if outcome.result is not None else outcome.tables.values()
            if any(len(result.rows) >= FETCH_BATCH for result in read):
                return False
        return True

    def _judge_in_one(
        self,
        session: SandboxSession,
        problem: Problem,
        statements: list[Statement],
        base: JudgeResult,
        source: str,
    ) -> JudgeResult | list[Dataset]:
        """The sample by itself, as always (its own time limit and watchdog), then the hidden
        datasets, CASES_PER_MESSAGE to a message, the last message ending the session: the
        verdict, or the datasets left unread, in order."""
        verdict = self._case(session, problem, problem.sample, statements, base, source)
        if verdict is not None:
            return verdict
        hidden = problem.hidden_datasets
        tables = problem.meta.compare_tables if problem.kind is ProblemKind.MUTATION else []
        assert session.places is not None
        for start in range(0, len(hidden), CASES_PER_MESSAGE):
            chunk = hidden[start : start + CASES_PER_MESSAGE]
            try:
                read = session.read_each(
                    [session.places[d.name] for d in chunk],
                    problem.meta.time_limit_ms,
                    [stmt.text for stmt in statements],
                    tables,
                    end=start + CASES_PER_MESSAGE >= len(hidden),
                )
            except TimeLimitExceeded:
                return list(hidden[start:])  # cut: which dataset ran long is not known
            for dataset, results in zip(chunk, read.results, strict=False):
                if tables:
                    outcome = Outcome(tables=dict(zip(tables, results, strict=True)))
                else:
                    outcome = Outcome(result=results[0])
                verdict = self._read(problem, dataset, outcome, base, source)
                if verdict is not None:
                    return verdict
            if read.failure is not None:
                # A hidden dataset's: no position, and so no statement, is told.
                failed = Outcome(failure=failure_from(read.failure))
                verdict = self._read(problem, chunk[len(read.results)], failed, base, source)
                assert verdict is not None
                return verdict
            if len(read.results) < len(chunk):
                return list(hidden[start + len(read.results) :])
        return self._accepted(base, problem)

    def _read(
        self, problem: Problem, dataset: Dataset, outcome: Outcome, base: JudgeResult, source: str
    ) -> JudgeResult | None:
        """Tell one dataset a message read, against the reference's (known) outcome."""
        expectation = self._expected[(problem.id, _digest(problem, dataset))]
        return self._told(problem, dataset, expectation, outcome, base, source)

    def _judge_schema(
        self,
        session: SandboxSession,
        problem: Problem,
        statements: list[Statement],
        base: JudgeResult,
        source: str,
    ) -> JudgeResult:
        """Schema problems: the candidate's DDL runs once, in a savepoint every dataset shares
        (tables do not depend on the rows loaded after them); each dataset's rows and checks
        run in a savepoint of their own, on the candidate's clock as before."""
        expectations = [self._expectation(session, problem, d) for d in problem.datasets]
        limit = problem.meta.time_limit_ms
        with session.savepoint(f"SET LOCAL statement_timeout = {int(limit)}"):
            built = Outcome()
            try:
                with session.candidate_clock(limit):
                    for stmt in statements:
                        if not self._execute(session, stmt, built):
                            break
            except TimeLimitExceeded as exc:
                built.failure = failure_from(exc)
            if built.failure:
                base.cases.append(CaseResult(problem.sample.name, False, False))
                return self._failure_result(base, problem.sample, built, source)
            if may_create_sequences(problem.schema_sql, source):
                session.record_sequences()  # the candidate's, for every case's rows alike
            for dataset, expectation in zip(problem.datasets, expectations, strict=True):
                outcome = self._attempt(session, problem, dataset, statements, built=True)
                verdict = self._told(problem, dataset, expectation, outcome, base, source)
                if verdict is not None:
                    return verdict
        return self._accepted(base, problem)

    def _accepted(self, base: JudgeResult, problem: Problem) -> JudgeResult:
        base.verdict = Verdict.ACCEPTED
        hidden = len(problem.hidden_datasets)
        base.message = f"accepted: passed the sample and all {hidden} hidden cases"
        return base

    def _expectation(
        self, session: SandboxSession, problem: Problem, dataset: Dataset
    ) -> Expectation:
        key = (problem.id, _digest(problem, dataset))
        cached = self._expected.get(key)
        if cached is not None:
            return cached
        try:
            reference = classify(problem.solution, problem.kind, problem.meta.allow_functions)
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
        built: bool = False,
    ) -> Outcome:
        """Run `statements` on `dataset` inside a savepoint that is rolled back afterwards
        (`built`: a schema's DDL already ran, in an enclosing savepoint: only the checks run).

        The candidate's time limit covers every step from the first statement to the last
        that runs code the candidate wrote: for a schema, also loading the case's rows and
        running the checks (CHECK expressions, defaults, generated columns, domains)."""
        outcome = Outcome()
        limit = problem.meta.time_limit_ms
        kind = problem.kind
        place = session.places[dataset.name] if session.places is not None else None
        if place is not None:
            load = place.enter_sql()
        elif kind is ProblemKind.SCHEMA:
            load = session.sequence_reset  # the case's rows are loaded with its checks
        else:
            load = session.sequence_reset + dataset.sql.rstrip().rstrip(";")
        limit_sql = f"SET LOCAL statement_timeout = {int(limit)}"
        if kind is ProblemKind.OPTIMIZE:
            prelude = load  # ANALYZE needs the loaded tables, then the candidate's limit
        else:
            # "\n;" ends the last statement even when the script ends in a -- comment.
            prelude = f"{load}\n;\n{limit_sql}" if load else limit_sql
        # Read in place, the prelude is the judge's own settings: it goes with the candidate's
        # first statement, one round trip per dataset. (A copy's reset of its sequences
        # returns rows: it goes ahead.)
        with session.savepoint(prelude, judge_only=place is not None and place.settings_only):
            if kind is ProblemKind.OPTIMIZE:
                session.analyze_tables()
                session.set_timeout(limit)
            try:
                with session.candidate_clock(limit):
                    self._run_candidate(
                        session, problem, dataset, [] if built else statements, outcome, measure
                    )
            except TimeLimitExceeded as exc:
                outcome.failure = failure_from(exc)
                return outcome
            if outcome.failure is None and kind is ProblemKind.MUTATION:
                schema = place.schema if place is not None else session.schema
                try:
                    outcome.tables = session.table_states(
                        schema, problem.meta.compare_tables, SETUP_TIMEOUT_MS
                    )
                except ResultTooLarge as exc:
                    outcome.failure = Failure(
                        Verdict.ERROR,
                        None,
                        "result_too_large",
                        f"table {exc.table} holds more than {MAX_RESULT_ROWS} rows after your "
                        "statements (the judge compares at most that many)",
                    )
                    return outcome
        return outcome

    def _run_candidate(
        self,
        session: SandboxSession,
        problem: Problem,
        dataset: Dataset,
        statements: list[Statement],
        outcome: Outcome,
        measure: bool,
    ) -> None:
        """The steps under the candidate's clock; a failure is recorded in `outcome`."""
        kind = problem.kind
        reads = kind in (ProblemKind.QUERY, ProblemKind.OPTIMIZE)
        for stmt in statements[:-1] if reads else statements:
            if not self._execute(session, stmt, outcome):
                return
        if reads:
            final = statements[-1]
            if kind is ProblemKind.OPTIMIZE and measure and dataset is problem.sample:
                try:
                    outcome.buffers = _buffers(session.explain(final.text, analyze=True))
                except psycopg.Error as exc:
                    self._record_failure(outcome, final, exc, session.statement_offset)
                    return
            try:
                outcome.result = session.fetch_query(final.text)
            except psycopg.Error as exc:
                self._record_failure(outcome, final, exc, session.statement_offset)
            except ResultTooLarge as exc:
                outcome.failure = failure_from(exc)
        elif kind is ProblemKind.SCHEMA:
            self._run_checks(session, problem, dataset, outcome)

    def _execute(self, session: SandboxSession, stmt: Statement, outcome: Outcome) -> bool:
        try:
            session.execute(stmt.text)
        except psycopg.Error as exc:
            self._record_failure(outcome, stmt, exc, session.statement_offset)
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
        """Schema problems: the case's data (if any), then its acceptance checks, in one
        message (checks.py). Both run the candidate's constraints and defaults, so both run
        under the clock."""
        checks = [check for check in problem.meta.checks if check.case == dataset.name]
        block = case_block(checks)
        try:
            session.run_script(f"{dataset.sql}\n;\n{block}" if block else dataset.sql)
        except psycopg.Error as exc:
            failed = check_failure(exc)
            if failed is not None:
                outcome.failed_check = checks[failed.index]
                outcome.check_message = _check_message(failed, dataset.hidden)
                return
            failure = failure_from(exc)
            if failure.verdict is Verdict.TIMEOUT:
                raise TimeLimitExceeded("the case's rows or checks ran past the limit") from exc
            if block and "inline_code_block" in (exc.diag.context or ""):
                raise  # the block itself failed: the judge's error, not the candidate's
            outcome.failed_check = SchemaCheck(
                case=dataset.name,
                name="load the case's rows",
                expect="accept",
                sql=dataset.sql or "-",
            )
            outcome.check_message = "the case's rows could not be stored" + (
                "" if dataset.hidden else f": {failure.condition}"
            )

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
                expected.result, outcome.result, meta.ordered, meta.tolerance, order_key(problem)
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
        if dataset.hidden:
            # Neither the message, the SQLSTATE nor the position: each can be chosen by data.
            failure = hidden_failure(failure)
        base.verdict = failure.verdict
        base.sqlstate = failure.sqlstate
        stmt = outcome.failed_statement
        if not dataset.hidden and stmt is not None and outcome.error_offset is not None:
            start = source.find(stmt.text, stmt.offset)
            if start >= 0:
                base.position = Position.at(source, start + outcome.error_offset)
        if failure.verdict is Verdict.TIMEOUT:
            detail = f"the statement ran past the {base.time_limit_ms} ms time limit"
        elif dataset.hidden:
            detail = f"{failure.message} (a hidden case's error messages are not shown)"
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


def _check_message(failed: CheckFailure, hidden: bool) -> str:
    """Why a check failed, without the database's words on a hidden case: the candidate's
    constraints can put the case's data into an error."""
    failure = failure_of(failed.sqlstate, failed.message)
    if failed.outcome == ACCEPTED:
        return "an invalid row was accepted: no constraint stopped it"
    if failed.outcome == SEQUENTIAL:
        return "the query still needs a sequential scan: no index serves it"
    if failed.outcome == UNPLANNABLE:
        return "the query could not be planned" + ("" if hidden else f": {failure.message}")
    if failed.outcome == NOT_BY_A_CONSTRAINT:
        return "it failed, but not by a constraint" + ("" if hidden else f": {failure.condition}")
    return "a valid row was refused" + ("" if hidden else f": {failure.message}")


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
    return text_digest(problem.schema_sql, dataset.sql, problem.solution, problem.slow_query or "")
