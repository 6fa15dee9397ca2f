"""The troubleshooting track as a service: page the candidate into a live incident, verify."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import psycopg

from pgdojo.attempts import AttemptLog
from pgdojo.errors import NotFoundError, PgdojoError, UsageError
from pgdojo.store import Store
from pgdojo.store.lab import LabStore
from pgdojo.tracks.lab.cluster import LabCluster
from pgdojo.tracks.lab.investigation import (
    Command,
    classify,
    investigation_score,
    trap_findings,
)
from pgdojo.tracks.lab.results import (
    ConsoleResult,
    LabCheck,
    LabDebrief,
    LabDiagnosis,
    LabHint,
    LabPage,
    LabStarted,
    LabStatus,
    LabStopped,
    ScenarioRow,
)
from pgdojo.tracks.lab.scenario import Finding, Lab, Scenario, load_scenarios
from pgdojo.tracks.lab.state import HISTORY_FILE, LabState, append_jsonl, pid_alive, read_jsonl
from pgdojo.tracks.sql.compare import jsonable

TRACK = "lab"
ACTIVITY = "incident"
MAX_CONSOLE_ROWS = 500


class LabError(PgdojoError):
    code = "lab"


class LabTrack:
    """Labs live under PGDOJO_HOME/labs/<scenario>; each is independent of the others."""

    def __init__(self, home: Path, store: Store, attempts: AttemptLog) -> None:
        self.root = home / "labs"
        self.store = store
        self.attempts = attempts
        self.records = LabStore(store)
        self.scenarios = load_scenarios()

    # -- finding labs ----------------------------------------------------------------------
    def scenario(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            raise NotFoundError(
                f"no lab scenario {scenario_id!r}; `pgdojo lab list` shows the ids"
            ) from None

    def _lab(self, scenario_id: str) -> Lab:
        scenario = self.scenario(scenario_id)
        root = self.root / scenario.id
        state = LabState.load(root)
        if state is None:
            raise LabError(f"lab {scenario_id!r} is not running: `pgdojo lab start {scenario_id}`")
        cluster = LabCluster(root, scenario.settings)
        if not cluster.running():
            raise LabError(
                f"lab {scenario_id!r} was stopped or crashed: `pgdojo lab stop "
                f"{scenario_id}` cleans it up, then start it again"
            )
        return Lab(root, state, cluster)

    def list_scenarios(self) -> list[ScenarioRow]:
        results = {r["scenario"]: r for r in self.records.results()}
        rows: list[ScenarioRow] = []
        for scenario in sorted(self.scenarios.values(), key=lambda s: s.id):
            state = LabState.load(self.root / scenario.id)
            rows.append(
                {
                    "id": scenario.id,
                    "title": scenario.doc.title,
                    "severity": scenario.doc.severity,
                    "difficulty": scenario.doc.difficulty,
                    "running": state is not None,
                    "solved": bool(results.get(scenario.id, {}).get("solved")),
                }
            )
        return rows

    def cleanup_stale(self) -> list[str]:
        """Remove labs whose workload or server died (a crash, a reboot): returns their ids."""
        removed: list[str] = []
        if not self.root.exists():
            return removed
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            if _starter(folder) is not None:
                continue  # another process is starting it: no state or workload yet
            state = LabState.load(folder)
            alive = state is not None and pid_alive(state.workload_pid)
            cluster = LabCluster(folder)
            if alive and cluster.running():
                continue
            if state and state.workload_pid and pid_alive(state.workload_pid):
                _terminate(state.workload_pid)
            cluster.destroy()
            removed.append(folder.name)
        return removed

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, scenario_id: str) -> LabStarted:
        """Create the cluster, set the incident up, start the workload, wait for the symptom."""
        scenario = self.scenario(scenario_id)
        self.cleanup_stale()
        root = self.root / scenario.id
        if LabState.load(root) is not None:
            raise LabError(
                f"lab {scenario.id!r} is already running: `pgdojo lab status "
                f"{scenario.id}`, or `pgdojo lab stop {scenario.id}` to start over"
            )
        started = time.monotonic()
        _claim_start(root, scenario.id)
        cluster = LabCluster(root, scenario.settings)
        try:
            creds = cluster.create()
            if scenario.needs_standby:
                # Settings only the standby gets (a scenario's `standby_settings`, optional).
                cluster.add_standby(getattr(scenario, "standby_settings", None))
            state = LabState(
                scenario.id,
                self.store.user,
                time.time(),
                creds.oncall_password,
                creds.app_password,
                standby=scenario.needs_standby,
            )
            lab = Lab(root, state, cluster)
            with lab.admin() as admin:
                scenario.setup(lab, admin)
            state.attempt_id = self.attempts.start(TRACK, ACTIVITY, scenario.id)
            state.save(root)
            state.workload_pid = _spawn_workload(root)
            state.save(root)
            measured = self._wait_for_symptom(scenario, lab)
        except BaseException:
            self._teardown(root, scenario)
            raise
        finally:
            (root / STARTING).unlink(missing_ok=True)
        return {
            **self._page(scenario, lab),
            "symptom": measured,
            "ready_s": round(time.monotonic() - started, 2),
        }

    def _page(self, scenario: Scenario, lab: Lab) -> LabPage:
        """The pager alert, the briefing and the DSNs: what a candidate needs during the lab."""
        return {
            "scenario": scenario.id,
            "title": scenario.doc.title,
            "alert": scenario.doc.alert,
            "severity": scenario.doc.severity,
            "briefing": scenario.doc.briefing,
            "dsn": lab.cluster.dsn("oncall", lab.state.oncall_password),
            "standby_dsn": (
                lab.cluster.dsn("oncall", lab.state.oncall_password, standby=True)
                if scenario.needs_standby
                else None
            ),
            "forbids_restart": scenario.doc.forbids_restart,
            "hints_used": lab.state.hints_used,
            "elapsed_s": round(time.time() - lab.state.started_at, 1),
        }

    def describe(self, scenario_id: str) -> LabPage:
        """A running lab as its page shows it, however it was started (CLI, API or page)."""
        return self._page(self.scenario(scenario_id), self._lab(scenario_id))

    def _wait_for_symptom(self, scenario: Scenario, lab: Lab) -> dict[str, Any]:
        deadline = time.monotonic() + scenario.warmup_s
        measured: dict[str, Any] = {}
        while time.monotonic() < deadline:
            time.sleep(0.25)
            measured = scenario.measure(lab)
            if scenario.developed(measured):
                return measured
        raise LabError(
            f"the incident did not develop within {scenario.warmup_s:.0f} s "
            f"(measured: {measured}); the lab was removed"
        )

    def stop(self, scenario_id: str) -> LabStopped:
        scenario = self.scenario(scenario_id)
        root = self.root / scenario.id
        state = LabState.load(root)
        if state and state.attempt_id:
            self.attempts.finish(state.attempt_id)
        existed = root.exists()
        self._teardown(root, scenario)
        return {"scenario": scenario.id, "stopped": existed}

    def _teardown(self, root: Path, scenario: Scenario) -> None:
        state = LabState.load(root)
        if state and state.workload_pid:
            _terminate(state.workload_pid)
        LabCluster(root, scenario.settings).destroy()

    # -- during the incident ---------------------------------------------------------------
    def status(self, scenario_id: str) -> LabStatus:
        lab = self._lab(scenario_id)
        scenario = self.scenario(scenario_id)
        measured = scenario.measure(lab)
        return {
            "scenario": scenario.id,
            "symptom_present": scenario.symptom_present(measured),
            "measured": measured,
            "elapsed_s": round(time.time() - lab.state.started_at, 1),
        }

    def hint(self, scenario_id: str) -> LabHint:
        lab = self._lab(scenario_id)
        hints = self.scenario(scenario_id).doc.hints
        total = len(hints)
        if lab.state.hints_used >= total:
            return {"number": total, "total": total, "hint": hints[-1], "last": True}
        lab.state.hints_used += 1
        lab.state.save(lab.root)
        if lab.state.attempt_id:
            self.attempts.use_hint(lab.state.attempt_id, total)
        number = lab.state.hints_used
        return {
            "number": number,
            "total": total,
            "hint": hints[number - 1],
            "last": number == total,
        }

    def diagnose(self, scenario_id: str, text: str) -> LabDiagnosis:
        if not text.strip():
            raise UsageError("say what the root cause is, e.g. 'pid 4242 holds a lock on orders'")
        lab = self._lab(scenario_id)
        lab.state.diagnosis = text.strip()
        lab.state.save(lab.root)
        if lab.state.attempt_id:
            self.attempts.touch(lab.state.attempt_id)
        detected = self._detected(self.scenario(scenario_id), lab)
        return {
            "scenario": scenario_id,
            "diagnosis": lab.state.diagnosis,
            "recorded": True,
            "names_root_cause": detected,
        }

    def console_execute(self, scenario_id: str, sql: str) -> ConsoleResult:
        """Run one command as the on-call role and record it (the lab console)."""
        lab = self._lab(scenario_id)
        record: dict[str, Any] = {"t": time.time(), "sql": sql}
        result: ConsoleResult = {"columns": [], "rows": [], "status": "", "error": None}
        conninfo = lab.cluster.conninfo("oncall", lab.state.oncall_password)
        try:
            with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
                conn.execute("SET statement_timeout = '30s'")
                cur = conn.execute(sql.encode())
                result["status"] = cur.statusmessage or ""
                if cur.description:
                    result["columns"] = [c.name for c in cur.description]
                    result["rows"] = [jsonable(list(r)) for r in cur.fetchmany(MAX_CONSOLE_ROWS)]
        except psycopg.Error as exc:
            result["error"] = (getattr(exc.diag, "message_primary", None) or str(exc)).strip()
            record["error"] = result["error"]
        append_jsonl(lab.root / HISTORY_FILE, record)
        self.records.record_command(lab.state.attempt_id, scenario_id, sql, result["error"])
        if lab.state.attempt_id:
            self.attempts.touch(lab.state.attempt_id)
        return result

    # -- verdict ---------------------------------------------------------------------------
    def _commands(self, lab: Lab) -> list[Command]:
        commands = [
            Command(r["sql"], "console", r.get("t"), r.get("error"))
            for r in read_jsonl(lab.root / HISTORY_FILE)
        ]
        seen = {c.sql.strip().rstrip(";") for c in commands}
        # A standby keeps its own pg_stat_statements (shared memory, not replicated): what the
        # candidate ran there over the standby DSN is read from it.
        for standby in (False, True) if lab.state.standby else (False,):
            with contextlib.suppress(psycopg.Error), lab.admin(standby=standby) as admin:
                # Qualified: the superuser's search_path is pg_catalog only (cluster.py).
                rows = admin.execute(
                    "SELECT query FROM public.pg_stat_statements WHERE userid = 'oncall'::regrole"
                ).fetchall()
                for (query,) in rows:
                    if query.strip().rstrip(";") not in seen:
                        seen.add(query.strip().rstrip(";"))
                        commands.append(Command(query, "pg_stat_statements"))
        return [classify(c) for c in commands]

    def _detected(self, scenario: Scenario, lab: Lab) -> bool:
        text = (lab.state.diagnosis or "").lower()
        return bool(text) and any(term.lower() in text for term in scenario.diagnosis_terms(lab))

    def check(self, scenario_id: str) -> LabCheck:
        """Is the incident solved? Symptom, root cause, prevention, detection, traps, method."""
        started = time.monotonic()
        lab = self._lab(scenario_id)
        scenario = self.scenario(scenario_id)
        measured = scenario.measure(lab)
        symptom = Finding(
            "symptom",
            not scenario.symptom_present(measured),
            "the symptom is gone"
            if not scenario.symptom_present(measured)
            else "the symptom is still there",
            measured,
        )
        root_cause = scenario.root_cause(lab)
        prevention = scenario.prevention(lab)
        detected = self._detected(scenario, lab)
        detect = Finding(
            "detect",
            detected,
            "your diagnosis names the root cause"
            if detected
            else "record your root-cause statement (`pgdojo lab diagnose`, or the diagnosis "
            "box on the lab page) naming the culprit: the pid, the table, the query or the "
            "setting",
        )
        commands = self._commands(lab)
        traps = trap_findings(commands) + scenario.extra_traps(lab)
        method = investigation_score(commands, bool(lab.state.diagnosis))
        solved = symptom.ok and root_cause.ok
        result: LabCheck = {
            "scenario": scenario.id,
            "solved": solved,
            "detect": detect.ok,
            "fix": solved,
            "prevention": prevention.ok,
            "findings": [f.__dict__ for f in (symptom, root_cause, prevention, detect)],
            "traps": [t.__dict__ for t in traps],
            "investigation": method,
            "commands": len(commands),
            "hints_used": lab.state.hints_used,
            "check_ms": round((time.monotonic() - started) * 1000, 1),
            "score": 0,
        }
        score = lab_score(result)
        result["score"] = score
        self.records.record_check(lab.state.attempt_id, scenario.id, result)
        if lab.state.attempt_id:
            self.attempts.score(lab.state.attempt_id, score, solved, finish=solved)
        return result

    def debrief(self, scenario_id: str) -> LabDebrief:
        scenario = self.scenario(scenario_id)
        return {
            "scenario": scenario.id,
            "title": scenario.doc.title,
            "debrief": scenario.doc.debrief,
        }


def lab_score(check: Mapping[str, Any]) -> int:
    """A check as a score: the fix 50, prevention 20, the diagnosis 15, the method up to 15,
    minus 5 per trap (migration 0004 carries old checks over with the same formula)."""
    score: int = (
        50 * bool(check["fix"])
        + 20 * bool(check["prevention"])
        + 15 * bool(check["detect"])
        + round(float(check["investigation"]["score"]) * 0.15)
        - 5 * len(check["traps"])
    )
    return max(0, min(100, score))


def _spawn_workload(root: Path) -> int:
    log = (root / "workload.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "pgdojo.tracks.lab.workload", str(root)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    return process.pid


def _terminate(pid: int) -> None:
    """Stop the workload process (its whole session) and reap it if it is our child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        if not pid_alive(pid):
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


# Written by the process that starts a lab until the start ends: until then the lab has no
# state or no workload yet, and another process (the web UI, a CLI) must neither take it for
# a crashed lab and remove it, nor start the same lab in the same folder.
STARTING = "starting.pid"


def _starter(folder: Path) -> int | None:
    """The live process that is starting the lab in `folder`, if any."""
    try:
        pid = int((folder / STARTING).read_text().strip() or 0)
    except (OSError, ValueError):
        return None
    return pid if pid and pid_alive(pid) else None


def _claim_start(root: Path, scenario_id: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            fd = os.open(root / STARTING, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            starter = _starter(root)
            if starter is not None:
                raise LabError(
                    f"lab {scenario_id!r} is being started by another pgdojo process "
                    f"(pid {starter}): wait for it, then `pgdojo lab status {scenario_id}`"
                ) from None
            (root / STARTING).unlink(missing_ok=True)  # left by a process that died
            continue
        with os.fdopen(fd, "w") as marker:
            marker.write(str(os.getpid()))
        return
    raise LabError(f"lab {scenario_id!r} could not be claimed for a start; try again")
