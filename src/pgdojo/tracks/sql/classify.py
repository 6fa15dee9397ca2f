"""Parse a submission with PostgreSQL's own parser and decide whether it may run.

The classifier is the first wall of the sandbox (the unprivileged login role and the
transaction that is always rolled back are the others): it allows only the statement types the
problem kind needs, refuses functions and relations no solution needs (files, other backends,
advisory locks, settings, catalogs) and returns each statement's exact text, so the judge never
sends more than one statement per call.
"""

from __future__ import annotations

from dataclasses import dataclass

import pglast
from pglast import ast
from pglast.parser import ParseError
from pglast.visitors import Visitor

from pgdojo.content.models import ProblemKind
from pgdojo.tracks.sql.verdict import Position, Verdict

# Statement node types allowed per problem kind, with the words used to tell the candidate.
ALLOWED: dict[ProblemKind, dict[str, str]] = {
    ProblemKind.QUERY: {"SelectStmt": "SELECT"},
    ProblemKind.MUTATION: {
        "InsertStmt": "INSERT",
        "UpdateStmt": "UPDATE",
        "DeleteStmt": "DELETE",
        "MergeStmt": "MERGE",
    },
    ProblemKind.SCHEMA: {
        "CreateStmt": "CREATE TABLE",
        "IndexStmt": "CREATE INDEX",
        "AlterTableStmt": "ALTER TABLE",
        "CompositeTypeStmt": "CREATE TYPE",
        "CreateEnumStmt": "CREATE TYPE ... AS ENUM",
        "CreateRangeStmt": "CREATE TYPE ... AS RANGE",
        "CreateDomainStmt": "CREATE DOMAIN",
        "CreateSeqStmt": "CREATE SEQUENCE",
        "CommentStmt": "COMMENT",
    },
    ProblemKind.OPTIMIZE: {
        "IndexStmt": "CREATE INDEX",
        "CreateStatsStmt": "CREATE STATISTICS",
        "VacuumStmt": "ANALYZE",
        "SelectStmt": "SELECT (last)",
    },
}
MAX_STATEMENTS = {
    ProblemKind.QUERY: 1,
    ProblemKind.MUTATION: 5,
    ProblemKind.SCHEMA: 40,
    ProblemKind.OPTIMIZE: 8,
}
MAX_SOURCE_CHARS = 100_000

# No solution needs these, and each is a way out of the sandbox or into someone else's work.
DENIED_FUNCTION_PREFIXES = (
    "pg_read_",
    "pg_ls_",
    "pg_stat_",
    "pg_file",
    "pg_logdir",
    "lo_",
    "dblink",
    "pg_sleep",
    "pg_advisory",
    "pg_try_advisory",
    "pg_promote",
    "pg_switch_",
    "pg_create_",
    "pg_drop_",
    "pg_replication_",
    "pg_logical_",
    "pg_import_",
    "pg_export_",
    "pg_log_",
    "pg_wal",
    "pg_backup",
    "pg_walfile",
    "query_to_xml",
    "cursor_to_xml",
    "table_to_xml",
    "schema_to_xml",
    "database_to_xml",
)
DENIED_FUNCTIONS = frozenset(
    {
        "pg_terminate_backend",
        "pg_cancel_backend",
        "pg_reload_conf",
        "pg_rotate_logfile",
        "set_config",
        "pg_notify",
        "pg_listening_channels",
        "pg_blocking_pids",
        "pg_safe_snapshot_blocking_pids",
        "pg_current_logfile",
        "txid_current_snapshot",
        "pg_get_keywords",
        "pg_identify_object",
        "current_query",
        "pg_backend_memory_contexts",
        "pg_get_backend_memory_contexts",
        "pg_stat_statements",
        "pg_stat_statements_reset",
        "pg_settings_get_flags",
        "pg_show_all_settings",
        "pg_show_all_file_settings",
        "pg_hba_file_rules",
        "pg_ident_file_mappings",
        "pg_config",
        "pg_control_system",
        "pg_control_checkpoint",
        "pg_control_init",
        "pg_control_recovery",
    }
)
DENIED_SCHEMAS = frozenset({"pg_catalog", "information_schema", "pg_toast"})


@dataclass(frozen=True)
class Statement:
    """One statement of a submission: its node type, its exact text and its parse tree."""

    node: str
    text: str
    offset: int
    tree: ast.Node


@dataclass(frozen=True)
class Rejection(Exception):
    """The submission cannot run: a syntax error (verdict error) or a refusal (rejected)."""

    verdict: Verdict
    message: str
    position: Position | None = None

    def __str__(self) -> str:
        return self.message


def allowed_statement_words(kind: ProblemKind) -> list[str]:
    return list(ALLOWED[kind].values())


def split_statements(source: str) -> list[Statement]:
    """Parse `source`; raise a Rejection (verdict error) with the position on a syntax error."""
    try:
        raw = pglast.parse_sql(source)
    except ParseError as exc:
        message, offset = exc.args[0], int(exc.args[1]) if len(exc.args) > 1 else 0
        position = Position.at(source, offset)
        raise Rejection(
            Verdict.ERROR,
            f"syntax error at line {position.line}, column {position.column}: {message}",
            position,
        ) from exc
    statements = []
    for item in raw:
        start = item.stmt_location or 0
        end = start + item.stmt_len if item.stmt_len else len(source)
        text = source[start:end].strip().rstrip(";").strip()
        assert item.stmt is not None
        statements.append(Statement(type(item.stmt).__name__, text, start, item.stmt))
    return statements


def classify(source: str, kind: ProblemKind) -> list[Statement]:
    """The submission's statements, if every one of them is allowed for `kind`."""
    if len(source) > MAX_SOURCE_CHARS:
        raise Rejection(
            Verdict.REJECTED, f"the submission is longer than {MAX_SOURCE_CHARS} characters"
        )
    statements = split_statements(source)
    allowed = ALLOWED[kind]
    words = ", ".join(allowed.values())
    if not statements:
        raise Rejection(Verdict.REJECTED, "the submission holds no SQL statement")
    if len(statements) > MAX_STATEMENTS[kind]:
        raise Rejection(
            Verdict.REJECTED,
            f"{kind.value} problems take at most {MAX_STATEMENTS[kind]} statement(s); "
            f"this submission has {len(statements)}",
        )
    for stmt in statements:
        if stmt.node not in allowed:
            raise Rejection(
                Verdict.REJECTED,
                f"{_describe(stmt)} is not allowed here: {kind.value} problems accept {words}",
                Position.at(source, stmt.offset),
            )
    if kind is ProblemKind.OPTIMIZE:
        selects = [s for s in statements if s.node == "SelectStmt"]
        if len(selects) != 1 or statements[-1].node != "SelectStmt":
            raise Rejection(
                Verdict.REJECTED,
                "an optimize submission is optional CREATE INDEX / "
                "CREATE STATISTICS / ANALYZE statements followed by one SELECT",
            )
    for stmt in statements:
        inspector = _Inspector(kind)
        inspector(stmt.tree)
        if inspector.problem:
            offset = stmt.offset if inspector.location is None else inspector.location
            raise Rejection(Verdict.REJECTED, inspector.problem, Position.at(source, offset))
    return statements


def _describe(stmt: Statement) -> str:
    words = stmt.text.split()
    head = " ".join(words[:2]).upper() if words else stmt.node
    return f"`{head}` ({stmt.node})"


class _Inspector(Visitor):
    """Walks a statement and remembers the first thing a submission may not do."""

    def __init__(self, kind: ProblemKind) -> None:
        super().__init__()
        self.kind = kind
        self.problem: str | None = None
        self.location: int | None = None

    def _refuse(self, message: str, location: int | None = None) -> None:
        if self.problem is None:
            self.problem = message
            self.location = location if location is not None and location >= 0 else None

    def visit_FuncCall(self, parent: object, node: ast.FuncCall) -> None:
        name = str(node.funcname[-1].sval).lower() if node.funcname else ""
        if name in DENIED_FUNCTIONS or name.startswith(DENIED_FUNCTION_PREFIXES):
            self._refuse(f"function {name}() is not allowed in submissions", node.location)

    def visit_RangeVar(self, parent: object, node: ast.RangeVar) -> None:
        if node.catalogname:
            self._refuse("references to other databases are not allowed", node.location)
        schema = (node.schemaname or "").lower()
        rel = (node.relname or "").lower()
        if schema in DENIED_SCHEMAS or rel.startswith("pg_"):
            self._refuse(
                f"system catalogs and views ({schema or rel}) are off limits in "
                "submissions: use the problem's tables",
                node.location,
            )
        if node.relpersistence == "t":
            self._refuse("temporary tables are not allowed in submissions")

    def visit_SelectStmt(self, parent: object, node: ast.SelectStmt) -> None:
        if node.intoClause is not None:
            self._refuse("SELECT INTO creates a table: it is not allowed in submissions")

    def visit_CommonTableExpr(self, parent: object, node: ast.CommonTableExpr) -> None:
        if self.kind in (ProblemKind.QUERY, ProblemKind.OPTIMIZE) and not isinstance(
            node.ctequery, ast.SelectStmt
        ):
            self._refuse("data-modifying WITH queries are not allowed in a read-only answer")

    def visit_IndexStmt(self, parent: object, node: ast.IndexStmt) -> None:
        if node.concurrent:
            self._refuse(
                "CREATE INDEX CONCURRENTLY cannot run inside the judge's transaction; "
                "use plain CREATE INDEX"
            )

    def visit_VacuumStmt(self, parent: object, node: ast.VacuumStmt) -> None:
        if node.is_vacuumcmd:
            self._refuse("VACUUM is not allowed; ANALYZE is")

    def visit_CreateStmt(self, parent: object, node: ast.CreateStmt) -> None:
        if node.tablespacename:
            self._refuse("tablespaces are not allowed in submissions")
