"""What the candidate ran, read with PostgreSQL's parser: investigation phases and traps.

Commands come from pgdojo's console (exact text, in order) and, for psql users, from
pg_stat_statements entries of the `oncall` role (normalised, unordered).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pglast
from pglast import ast
from pglast.enums import ObjectType
from pglast.parser import ParseError
from pglast.visitors import Visitor

from pgdojo.sqlbounds import size_problem
from pgdojo.tracks.lab.scenario import Finding

PHASES = ("observe", "hypothesize", "measure", "act", "prevent")

OBSERVE_RELATIONS = re.compile(
    r"^pg_stat_(activity|user_tables|all_tables|statements|database|replication|wal_receiver|"
    r"progress_\w+|bgwriter|checkpointer|io|user_indexes|all_indexes|slru)|^pg_settings$|"
    r"^pg_replication_slots$|^pg_stat_statements_info$"
)
MEASURE_RELATIONS = re.compile(r"^pg_locks$|^pg_stats$|^pg_statio_\w+|^pgstattuple|^pg_sequences$")
MEASURE_FUNCTIONS = re.compile(
    r"^(pg_blocking_pids|pg_relation_size|pg_total_relation_size|pg_table_size|pg_indexes_size|"
    r"pgstattuple\w*|pg_current_wal_lsn|pg_last_wal_\w+|pg_wal_lsn_diff|pg_size_pretty|"
    r"pg_stat_get_\w+|pg_get_wal_replay_pause_state|pg_is_wal_replay_paused)$"
)
ACT_FUNCTIONS = re.compile(r"^(pg_cancel_backend|pg_terminate_backend|pg_wal_replay_resume)$")
PREVENT_SETTINGS = re.compile(
    r"(statement_timeout|idle_in_transaction_session_timeout|idle_session_timeout|lock_timeout|"
    r"autovacuum\w*|work_mem|max_standby_\w+|hot_standby_feedback|log_\w+|connection limit|"
    r"temp_file_limit|transaction_timeout|auto_explain\.\w+|max_slot_wal_keep_size)"
)


@dataclass
class Command:
    sql: str
    source: str  # console | pg_stat_statements
    t: float | None = None
    error: str | None = None
    phases: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # traps found in it


class _Reader(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.relations: set[str] = set()
        self.functions: set[str] = set()

    def visit_RangeVar(self, parent: object, node: ast.RangeVar) -> None:
        self.relations.add((node.relname or "").lower())

    def visit_FuncCall(self, parent: object, node: ast.FuncCall) -> None:
        if node.funcname:
            self.functions.add(str(node.funcname[-1].sval).lower())


def classify(command: Command) -> Command:
    """Fill in the phases a command belongs to and the traps it sets off."""
    if size_problem(command.sql) is not None:
        return command  # too large to parse safely: it counts for no phase
    try:
        statements = pglast.parse_sql(command.sql)
    except ParseError:
        return command
    for raw in statements:
        stmt = raw.stmt
        if stmt is None:
            continue
        reader = _Reader()
        reader(stmt)
        name = type(stmt).__name__
        if any(OBSERVE_RELATIONS.match(r) for r in reader.relations):
            command.phases.add("observe")
        if (
            name == "ExplainStmt"
            or any(MEASURE_RELATIONS.match(r) for r in reader.relations)
            or any(MEASURE_FUNCTIONS.match(f) for f in reader.functions)
        ):
            command.phases.add("measure")
        if name in (
            "IndexStmt",
            "ReindexStmt",
            "VacuumStmt",
            "CreateStatsStmt",
            "CreateFunctionStmt",
            "AlterTableStmt",
            "AlterRoleSetStmt",
            "AlterDatabaseSetStmt",
            "AlterSystemStmt",
            "VariableSetStmt",
        ) or any(ACT_FUNCTIONS.match(f) for f in reader.functions):
            command.phases.add("act")
        lowered = command.sql.lower()
        if name in (
            "AlterRoleSetStmt",
            "AlterDatabaseSetStmt",
            "AlterSystemStmt",
            "AlterRoleStmt",
        ) and PREVENT_SETTINGS.search(lowered):
            command.phases.add("prevent")
        if name == "AlterTableStmt" and "autovacuum" in lowered:
            command.phases.add("prevent")
        if name == "CreateStatsStmt":
            command.phases.add("prevent")
        command.notes.extend(_generic_traps(stmt, name, lowered, reader))
    return command


def _generic_traps(stmt: Any, name: str, lowered: str, reader: _Reader) -> list[str]:
    traps = []
    if name == "IndexStmt" and not stmt.concurrent:
        traps.append(
            "create-index-blocking: CREATE INDEX without CONCURRENTLY holds a SHARE lock "
            "for the whole build, so every INSERT/UPDATE/DELETE on the table waits"
        )
    if (
        name == "VacuumStmt"
        and stmt.options
        and any(getattr(o, "defname", "") == "full" for o in stmt.options)
    ):
        traps.append(
            "vacuum-full: VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock; "
            "on a busy table the application stops until it finishes"
        )
    if name == "AlterSystemStmt" and "max_connections" in lowered:
        traps.append(
            "raise-max-connections: more connections means more processes competing for "
            "CPU and memory; a pooler fixes the cause, a bigger max_connections hides it"
        )
    if name == "AlterSystemStmt" and re.search(r"autovacuum\s*(=|to)\s*'?(off|false)", lowered):
        traps.append(
            "autovacuum-off: disabling autovacuum globally trades one incident for "
            "bloat everywhere and, eventually, transaction ID wraparound"
        )
    # DROP INDEX (CONCURRENTLY) of an INVALID index is the recommended clean-up, not a trap.
    dropping_index = name == "DropStmt" and stmt.removeType == ObjectType.OBJECT_INDEX
    if name == "TruncateStmt" or (name == "DropStmt" and not dropping_index):
        traps.append("destructive: dropping or truncating application data during an incident")
    if (
        "pg_terminate_backend" in reader.functions
        and "pg_stat_activity" in reader.relations
        and not re.search(r"where[^;]*\bpid\b", lowered)
    ):
        traps.append(
            "mass-terminate: terminating every session (no pid filter) kills healthy traffic too"
        )
    return traps


def investigation_score(commands: list[Command], diagnosed: bool) -> dict[str, Any]:
    """Which of Observe, Hypothesize, Measure, Act, Prevent the candidate did, and in what order."""
    ordered = [c for c in commands if c.t is not None]
    present = {phase: any(phase in c.phases for c in commands) for phase in PHASES}
    present["hypothesize"] = diagnosed
    notes = []
    first = {p: next((i for i, c in enumerate(ordered) if p in c.phases), None) for p in PHASES}
    if first["act"] is not None and (first["observe"] is None or first["act"] < first["observe"]):
        notes.append("acted before observing: look at pg_stat_activity (and friends) first")
    if first["act"] is not None and first["measure"] is None:
        notes.append(
            "acted without measuring: confirm the suspect (pg_blocking_pids, EXPLAIN, "
            "pg_stat_user_tables) before changing anything"
        )
    if not diagnosed:
        notes.append("no root-cause statement: say what you found with `pgdojo lab diagnose`")
    if not present["prevent"]:
        notes.append("no prevention: a fix that does not stop a recurrence is half a fix")
    score = sum(20 for p in PHASES if present[p]) - 10 * (
        len(notes) - sum(1 for n in notes if n.startswith(("no root-cause", "no prevention")))
    )
    return {"phases": present, "score": max(0, min(100, score)), "notes": notes}


def trap_findings(commands: list[Command]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for command in commands:
        for note in command.notes:
            key, _, why = note.partition(": ")
            seen.setdefault(key, Finding(f"trap:{key}", False, why, {"sql": command.sql[:200]}))
    return list(seen.values())
