"""Parse a submission with PostgreSQL's own parser and decide whether it may run.

The classifier is the first wall of the sandbox (the unprivileged login role and the
transaction that is always rolled back are the others): it allows only the statement types the
problem kind needs, refuses functions and relations no solution needs (files, other backends,
advisory locks, settings, catalogs) and returns each statement's exact text, so the judge never
sends more than one statement per call.

Two kinds of input need care before and after parsing:

- Size. pglast turns the parse tree into Python objects by a recursion with no stack check: a
  tree deep enough crashes the whole process. A scan with the lexer (flat, cheap) bounds the
  tokens per statement and the nesting before the parser sees the text.
- SQL in strings. Some functions run a query given as text (crosstab, ts_stat, ...): the
  classifier would never see it. They are refused unless the problem declares one in
  `allow_functions`, and then their query must be a string literal, classified like a
  submission of its own.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from pglast import ast
from pglast.parser import ParseError

from pgdojo.content.models import ProblemKind
from pgdojo.sqlbounds import size_problem
from pgdojo.sqltrees import error_offset, node_slots, parse_sql
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

# Functions that run SQL given as text, with the positions of their query arguments.
# connectby builds its query from identifiers (table, key and parent columns, order column).
QUERY_TEXT_FUNCTIONS: dict[str, tuple[int, ...]] = {
    "crosstab": (0, 1),  # crosstab(source_sql [, category_sql | N])
    "crosstab2": (0,),
    "crosstab3": (0,),
    "crosstab4": (0,),
    "connectby": (),
    "ts_stat": (0,),  # ts_stat(sqlquery [, weights])
    "ts_rewrite": (1,),  # ts_rewrite(query, select) only: the 3-argument form runs no SQL
    "query_to_xml": (0,),
    "query_to_xmlschema": (0,),
    "query_to_xml_and_xmlschema": (0,),
}
# A query in a string may hold another such call, up to this depth.
MAX_QUERY_TEXT_DEPTH = 2
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")

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


def check_size(source: str) -> None:
    """Refuse a text whose parse tree could be too deep for pglast, before it is parsed."""
    problem = size_problem(source)
    if problem is not None:
        raise Rejection(Verdict.REJECTED, problem.message, Position.at(source, problem.offset))


def split_statements(source: str) -> list[Statement]:
    """Parse `source`; raise a Rejection (verdict error) with the position on a syntax error,
    or (rejected) when it is too large to parse safely."""
    check_size(source)
    try:
        raw = parse_sql(source)
    except ParseError as exc:
        message = exc.args[0]
        position = Position.at(source, error_offset(exc, source))
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


def classify(
    source: str,
    kind: ProblemKind,
    allow_functions: Collection[str] = (),
    _depth: int = 0,
) -> list[Statement]:
    """The submission's statements, if every one of them is allowed for `kind`.

    `allow_functions` names the functions of QUERY_TEXT_FUNCTIONS the problem needs."""
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
        inspector = _Inspector(kind, frozenset(f.lower() for f in allow_functions), _depth)
        inspector(stmt.tree)
        if inspector.problem:
            offset = stmt.offset if inspector.location is None else inspector.location
            raise Rejection(Verdict.REJECTED, inspector.problem, Position.at(source, offset))
    return statements


def _describe(stmt: Statement) -> str:
    words = stmt.text.split()
    head = " ".join(words[:2]).upper() if words else stmt.node
    return f"`{head}` ({stmt.node})"


class _Inspector:
    """Walks a statement and remembers the first thing a submission may not do.

    The walk is pglast's Visitor's (breadth first, `visit_<NodeClass>` methods), without what
    the judge does not use and pays for on every submission: the ancestry chain built for
    every node, and the methods looked up again for every call."""

    _methods: dict[type, Callable[..., None]]  # node class -> visit_<class>, filled below

    def __call__(self, root: ast.Node) -> None:
        methods = self._methods
        todo: deque[ast.Node | tuple[Any, ...]] = deque([root])
        while todo:
            item = todo.popleft()
            for node in item if isinstance(item, tuple) else (item,):
                if isinstance(node, tuple):
                    todo.append(node)
                    continue
                if not isinstance(node, ast.Node):
                    continue
                method = methods.get(type(node))
                if method is not None:
                    method(self, None, node)
                for member in node_slots(type(node)):
                    value = getattr(node, member)
                    if isinstance(value, tuple | ast.Node):
                        todo.append(value)

    def __init__(self, kind: ProblemKind, allowed: frozenset[str], depth: int) -> None:
        self.kind = kind
        self.allowed = allowed
        self.depth = depth
        self.problem: str | None = None
        self.location: int | None = None

    def _refuse(self, message: str, location: int | None = None) -> None:
        if self.problem is None:
            self.problem = message
            self.location = location if location is not None and location >= 0 else None

    def visit_FuncCall(self, parent: object, node: ast.FuncCall) -> None:
        # The last name part: ext.crosstab and pg_catalog.ts_stat are the same functions.
        name = str(node.funcname[-1].sval).lower() if node.funcname else ""
        if name in QUERY_TEXT_FUNCTIONS:
            self._check_query_text(name, node)
        elif name in DENIED_FUNCTIONS or name.startswith(DENIED_FUNCTION_PREFIXES):
            self._refuse(f"function {name}() is not allowed in submissions", node.location)

    def _check_query_text(self, name: str, node: ast.FuncCall) -> None:
        """A function that runs SQL from text: allowed only if the problem needs it, and only
        with literal SQL that would itself be allowed as a read-only query."""
        where = node.location
        if name not in self.allowed:
            self._refuse(
                f"function {name}() runs SQL given as text, and this problem does not use it",
                where,
            )
            return
        if self.depth >= MAX_QUERY_TEXT_DEPTH:
            self._refuse(f"{name}() calls nest too deep in query strings", where)
            return
        args = list(node.args or ())
        if any(isinstance(a, ast.NamedArgExpr) for a in args) or node.agg_star or node.agg_order:
            self._refuse(f"pass {name}()'s arguments by position, as literals", where)
            return
        if name == "connectby":
            self._check_connectby(args, where)
            return
        for position in QUERY_TEXT_FUNCTIONS[name]:
            if position >= len(args) or (name == "ts_rewrite" and len(args) != 2):
                continue
            arg = args[position]
            if name == "crosstab" and position == 1 and _integer_literal(arg):
                continue  # crosstab(source_sql, N): a column count, not a query
            text = _string_literal(arg)
            if text is None:
                self._refuse(
                    f"the query given to {name}() must be a string literal "
                    "(the judge checks it before it runs)",
                    where,
                )
                return
            self._check_query(name, text, where)

    def _check_connectby(self, args: list[ast.Node], where: int | None) -> None:
        # connectby(relname, key, parent, [orderby,] start_with, max_depth [, branch_delim])
        # pastes relname, key, parent and orderby into its query unquoted.
        texts = [_string_literal(a) for a in args]
        has_orderby = len(args) == 7 or (len(args) == 6 and not _integer_literal(args[4]))
        names = texts[: 4 if has_orderby else 3]
        if len(args) < 5 or any(t is None or not _IDENTIFIER.match(t) for t in names):
            self._refuse(
                "connectby() takes its table and column names as literal identifiers", where
            )
            return
        relname, key, parent = (t or "" for t in names[:3])
        self._check_query("connectby", f"SELECT {key}, {parent} FROM {relname}", where)

    def _check_query(self, name: str, text: str, where: int | None) -> None:
        try:
            classify(text, ProblemKind.QUERY, self.allowed, self.depth + 1)
        except Rejection as exc:
            self._refuse(f"the query given to {name}() is refused: {exc.message}", where)

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


_Inspector._methods = {
    getattr(ast, name[len("visit_") :]): method
    for name, method in vars(_Inspector).items()
    if name.startswith("visit_")
}


def _string_literal(node: ast.Node) -> str | None:
    """The text of a string constant, also under a cast ('...'::text); None for anything else."""
    if isinstance(node, ast.TypeCast) and node.arg is not None:
        node = node.arg
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.String):
        return str(node.val.sval)
    return None


def _integer_literal(node: ast.Node) -> bool:
    return isinstance(node, ast.A_Const) and isinstance(node.val, ast.Integer)
