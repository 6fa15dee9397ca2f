"""Run "prove it" experiments: real sessions on a scratch database, in a fixed interleaving.

Like PostgreSQL's own isolation tester, each step is sent to its session and given a short
time to finish; a step still running then is *blocked* (waiting on a lock), and the run goes
on with the next step, which may release it. Outputs are whatever the engine returned.
"""

from __future__ import annotations

import queue
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql

from pgdojo.content.topic_models import Experiment, ExperimentStep
from pgdojo.engine import Engine
from pgdojo.errors import EngineError
from pgdojo.tracks.sql.compare import jsonable

BLOCK_WAIT_S = 0.4  # a step not done by then counts as blocked
FINISH_WAIT_S = 10.0
MAX_ROWS = 50
VARIABLE = re.compile(r"\$\{([a-z_][a-z0-9_]*)\}")


@dataclass
class StepResult:
    index: int
    session: str
    sql: str
    note: str
    status: str = "pending"  # ok | error | blocked (then ok/error once released)
    blocked: bool = False
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    command: str = ""
    sqlstate: str | None = None
    error: str | None = None
    released_by: int | None = None
    prediction: dict[str, Any] | None = None
    expected: str = "ok"
    unexpected: bool = False

    @property
    def outcome(self) -> str:
        if self.blocked:
            return "blocks"
        if self.status == "error":
            return f"error:{self.sqlstate}"
        return "ok"


@dataclass
class ExperimentRun:
    topic_id: str
    title: str
    summary: str
    steps: list[StepResult]
    predictions_correct: int = 0
    predictions_asked: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic_id": self.topic_id,
            "title": self.title,
            "summary": self.summary,
            "steps": [s.__dict__ | {"outcome": s.outcome} for s in self.steps],
            "predictions_correct": self.predictions_correct,
            "predictions_asked": self.predictions_asked,
        }


class _Session:
    """One connection driven by its own thread, so a blocked statement does not stop the run."""

    def __init__(self, name: str, conninfo: str) -> None:
        self.name = name
        self.conn = psycopg.connect(conninfo, autocommit=True)
        row = self.conn.execute("SELECT pg_backend_pid()").fetchone()
        self.pid = int(row[0]) if row else 0
        self.inbox: queue.Queue[tuple[StepResult, threading.Event] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._loop, name=f"experiment-{name}", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            item = self.inbox.get()
            if item is None:
                return
            result, done = item
            try:
                cur = self.conn.execute(result.sql.encode())
                last = cur
                while cur.nextset():
                    last = cur
                result.command = (last.statusmessage or "").strip()
                if last.description:
                    result.columns = [c.name for c in last.description]
                    result.rows = [jsonable(list(r)) for r in last.fetchmany(MAX_ROWS)]
                result.status = "ok"
            except psycopg.Error as exc:
                result.status = "error"
                result.sqlstate = exc.sqlstate
                result.error = (exc.diag.message_primary or str(exc)).strip()
            finally:
                done.set()

    def close(self) -> None:
        self.inbox.put(None)
        if self.conn.info.transaction_status == psycopg.pq.TransactionStatus.ACTIVE:
            self.conn.cancel_safe()
        self.thread.join(timeout=5)
        self.conn.close()


class ExperimentRunner:
    """Runs experiments on fresh scratch databases of the engine, as the admin role
    (pageinspect and friends need it); each database is dropped afterwards."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def run(
        self,
        topic_id: str,
        experiment: Experiment,
        predict: Callable[[int, ExperimentStep, dict[str, str]], str | None] | None = None,
        on_step: Callable[[StepResult], None] | None = None,
    ) -> ExperimentRun:
        """Run every step; `predict(index, step, choices)` answers predictions before a step."""
        dbname = "pgdojo_x_" + secrets.token_hex(5)
        admin_conninfo = self.engine.admin_conninfo("postgres")
        with psycopg.connect(admin_conninfo, autocommit=True) as admin:
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(dbname))
            )
        sessions: dict[str, _Session] = {}
        run = ExperimentRun(topic_id, experiment.title, experiment.summary, [])
        try:
            conninfo = self.engine.admin_conninfo(dbname)
            with psycopg.connect(conninfo, autocommit=True) as setup:
                for ext in experiment.extensions:
                    setup.execute(
                        sql.SQL("CREATE EXTENSION IF NOT EXISTS {}").format(sql.Identifier(ext))
                    )
                if experiment.setup.strip():
                    setup.execute(experiment.setup.encode())
            variables: dict[str, str] = {}
            for name in experiment.sessions:
                sessions[name] = _Session(name, conninfo)
                variables[f"pid_{name}"] = str(sessions[name].pid)
            self._steps(run, experiment, sessions, variables, predict, on_step)
        except psycopg.Error as exc:
            raise EngineError(f"the experiment could not run: {exc}") from exc
        finally:
            for session in sessions.values():
                session.close()
            with psycopg.connect(admin_conninfo, autocommit=True) as admin:
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(dbname)
                    )
                )
        return run

    def _steps(
        self,
        run: ExperimentRun,
        experiment: Experiment,
        sessions: dict[str, _Session],
        variables: dict[str, str],
        predict: Callable[[int, ExperimentStep, dict[str, str]], str | None] | None,
        on_step: Callable[[StepResult], None] | None,
    ) -> None:
        waiting: list[tuple[StepResult, threading.Event]] = []
        for index, step in enumerate(experiment.steps, start=1):
            text = _substitute(step.sql.strip(), variables)
            result = StepResult(index, step.session, text, step.note, expected=step.expect)
            guess = predict(index, step, step.predict.choices) if predict and step.predict else None
            done = threading.Event()
            sessions[step.session].inbox.put((result, done))
            if not done.wait(BLOCK_WAIT_S):
                result.blocked = True
                result.status = "blocked"
                waiting.append((result, done))
            # Did this step release an earlier blocked one?
            for earlier, earlier_done in list(waiting):
                if earlier is not result and earlier_done.wait(0.05):
                    earlier.released_by = index
                    waiting.remove((earlier, earlier_done))
            if step.capture and result.rows and result.rows[0]:
                variables[step.capture] = str(result.rows[0][0])
            result.note = _substitute(step.note, variables)
            if step.predict:
                actual = (
                    result.outcome
                    if step.predict.source == "outcome"
                    else (str(result.rows[0][0]) if result.rows and result.rows[0] else "")
                )
                correct_key = actual if actual in step.predict.choices else None
                result.prediction = {
                    "question": step.predict.question,
                    "choices": step.predict.choices,
                    "guess": guess,
                    "answer": correct_key,
                    "actual": actual,
                    "correct": guess is not None and guess == correct_key,
                }
                run.predictions_asked += 1
                run.predictions_correct += int(result.prediction["correct"])
            result.unexpected = not _as_expected(result)
            run.steps.append(result)
            if on_step:
                on_step(result)
        deadline = time.monotonic() + FINISH_WAIT_S
        for result, done in waiting:
            if not done.wait(max(0.0, deadline - time.monotonic())):
                result.error = "still blocked when the experiment ended"


def _as_expected(result: StepResult) -> bool:
    """Whether the step did what the experiment's author said it would."""
    if result.expected == "any":
        return True
    if result.expected == "blocks":
        return result.blocked
    if result.expected == "error":
        return result.status == "error"
    return not result.blocked and result.status == "ok"


def _substitute(text: str, variables: dict[str, str]) -> str:
    """Replace ${name} with a captured value (a session's pid is ${pid_<session>})."""
    return VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), text)
