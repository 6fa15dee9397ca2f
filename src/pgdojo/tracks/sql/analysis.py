"""Read a SQL text the way the mistake rules need it: tables, scopes, types, queries.

- The catalog. `schema.sql` (plus any index a dataset or the submission creates) gives each
  table's columns with their types and NOT NULL, its unique keys and its indexed columns.
- Scopes. Every SELECT (and UPDATE / DELETE / MERGE / INSERT) gets a scope: the relations of
  its FROM, each a base table of the catalog, a derived table (subquery, CTE) whose output
  columns and keys are inferred when they can be, or something unknown (a set-returning
  function). A column reference resolves through the scope and its parents, so a subquery knows
  when it reads an outer row, and an outer join's optional side is known to produce NULLs.
- Types. Kept simple and honest: schema columns, literals, casts, count() and the ranking
  functions, sum/avg over known types, arithmetic over those. Anything else is unknown.

An `Analysis` walks a statement list once and keeps every query (with its scope and its role:
top level, CTE, FROM subquery, LATERAL, scalar, EXISTS, IN ...) and every expression site
(with its clause and the expressions around it). Whatever is not certain is unknown (None),
never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pglast import ast, enums
from pglast.parser import ParseError, scan

from pgdojo.content.models import Problem
from pgdojo.sqlbounds import size_problem
from pgdojo.sqltrees import node_slots, parse_sql

# Beyond this many tokens a text is not analysed: eight times the bank's largest statement, and
# converting a tree that size to Python (~0.1 ms per token) would exceed the judge's latency
# budget for advice nobody needs on a generated statement.
MAX_ANALYSED_TOKENS = 2_000

# -- types -------------------------------------------------------------------------------------

INTEGER_TYPES = frozenset({"int2", "int4", "int8"})
FRACTION_TYPES = frozenset({"numeric", "float4", "float8"})
TIMESTAMP_TYPES = frozenset({"timestamp", "timestamptz"})
_TYPE_ALIASES = {
    "smallint": "int2",
    "integer": "int4",
    "int": "int4",
    "bigint": "int8",
    "smallserial": "int2",
    "serial": "int4",
    "serial4": "int4",
    "bigserial": "int8",
    "serial8": "int8",
    "decimal": "numeric",
    "real": "float4",
    "float": "float8",
    "double precision": "float8",
    "varchar": "text",
    "bpchar": "text",
    "char": "text",
    "character varying": "text",
    "bool": "boolean",
}
# Functions whose result type does not depend on their arguments.
_FIXED_RESULT = {
    "count": "int8",
    "row_number": "int8",
    "rank": "int8",
    "dense_rank": "int8",
    "ntile": "int4",
    "length": "int4",
    "char_length": "int4",
    "octet_length": "int4",
    "array_length": "int4",
    "cardinality": "int4",
    "extract": "numeric",  # numeric since PostgreSQL 14
    "date_part": "float8",
    "percent_rank": "float8",
    "cume_dist": "float8",
}
# Functions returning their (first) argument's type (COALESCE, GREATEST, NULLIF are not
# function calls in the tree: _infer reads them as their own nodes).
_SAME_AS_ARGUMENT = frozenset(
    {"min", "max", "abs", "lag", "lead", "first_value", "last_value", "nth_value"}
)
COMPARISON_OPERATORS = frozenset({"=", "<>", "!=", "<", "<=", ">", ">="})
BETWEEN_KINDS = frozenset(
    {
        enums.A_Expr_Kind.AEXPR_BETWEEN,
        enums.A_Expr_Kind.AEXPR_NOT_BETWEEN,
        enums.A_Expr_Kind.AEXPR_BETWEEN_SYM,
        enums.A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM,
    }
)


def canonical_type(name: ast.TypeName | None) -> str | None:
    """`integer` → int4, `timestamp with time zone` → timestamptz; None for no type."""
    if name is None or not name.names:
        return None
    raw = str(name.names[-1].sval).lower()
    return _TYPE_ALIASES.get(raw, raw)


# -- the catalog ---------------------------------------------------------------------------------


@dataclass
class Column:
    name: str
    type: str | None
    not_null: bool


@dataclass
class Table:
    """A table of the problem: columns, unique keys (NOT NULL columns only) and indexes."""

    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    keys: list[frozenset[str]] = field(default_factory=list)
    indexed: set[str] = field(default_factory=set)  # columns that are a key of some index
    expression_indexes: set[str] = field(default_factory=set)  # signatures, see signature

    def unique_keys(self) -> list[frozenset[str]]:
        # A UNIQUE over a nullable column lets NULLs repeat: not a key for ordering purposes.
        return [
            k for k in self.keys if all(c in self.columns and self.columns[c].not_null for c in k)
        ]


@dataclass
class Catalog:
    tables: dict[str, Table] = field(default_factory=dict)

    def add(self, statement: ast.Node) -> None:
        """Learn from one DDL statement; anything else is ignored."""
        if isinstance(statement, ast.CreateStmt) and statement.relation is not None:
            self._create(statement)
        elif isinstance(statement, ast.IndexStmt) and statement.relation is not None:
            self._index(statement)
        elif isinstance(statement, ast.AlterTableStmt) and statement.relation is not None:
            table = self.tables.get(str(statement.relation.relname).lower())
            for cmd in statement.cmds or ():
                if table is None or not isinstance(cmd, ast.AlterTableCmd):
                    continue
                if isinstance(cmd.def_, ast.Constraint):
                    self._constraint(table, cmd.def_)
                elif cmd.subtype == enums.AlterTableType.AT_SetNotNull and cmd.name:
                    column = table.columns.get(str(cmd.name).lower())
                    if column is not None:
                        column.not_null = True
                elif isinstance(cmd.def_, ast.ColumnDef):
                    self._column(table, cmd.def_)

    def _create(self, stmt: ast.CreateStmt) -> None:
        assert stmt.relation is not None
        table = Table(str(stmt.relation.relname).lower())
        for element in stmt.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                self._column(table, element)
            elif isinstance(element, ast.Constraint):
                self._constraint(table, element)
        self.tables[table.name] = table

    def _column(self, table: Table, column: ast.ColumnDef) -> None:
        name = str(column.colname).lower()
        entry = Column(name, canonical_type(column.typeName), bool(column.is_not_null))
        table.columns[name] = entry
        for constraint in column.constraints or ():
            if not isinstance(constraint, ast.Constraint):
                continue
            kind = constraint.contype
            if kind in (enums.ConstrType.CONSTR_NOTNULL, enums.ConstrType.CONSTR_IDENTITY):
                entry.not_null = True
            elif kind == enums.ConstrType.CONSTR_PRIMARY:
                entry.not_null = True
                table.keys.append(frozenset({name}))
                table.indexed.add(name)
            elif kind == enums.ConstrType.CONSTR_UNIQUE:
                table.keys.append(frozenset({name}))
                table.indexed.add(name)

    def _constraint(self, table: Table, constraint: ast.Constraint) -> None:
        keys = [str(k.sval).lower() for k in constraint.keys or () if isinstance(k, ast.String)]
        if constraint.contype == enums.ConstrType.CONSTR_PRIMARY:
            for key in keys:
                if key in table.columns:
                    table.columns[key].not_null = True
        unique = (enums.ConstrType.CONSTR_PRIMARY, enums.ConstrType.CONSTR_UNIQUE)
        if constraint.contype in unique and keys:
            table.keys.append(frozenset(keys))
            table.indexed.update(keys)

    def _index(self, stmt: ast.IndexStmt) -> None:
        assert stmt.relation is not None
        table = self.tables.get(str(stmt.relation.relname).lower())
        if table is None:
            return
        plain: list[str] = []
        for element in stmt.indexParams or ():
            if not isinstance(element, ast.IndexElem):
                continue
            if element.name:
                plain.append(str(element.name).lower())
            elif element.expr is not None:
                table.expression_indexes.add(signature(element.expr))
        table.indexed.update(plain)
        if (
            stmt.unique
            and stmt.whereClause is None
            and plain
            and len(plain) == len(stmt.indexParams or ())
        ):
            table.keys.append(frozenset(plain))


def parse_statements(sql: str) -> list[ast.Node]:
    """The parse trees of `sql`, or none when it is too large to parse safely or invalid."""
    if not sql.strip() or size_problem(sql) is not None:
        return []
    try:
        if len(scan(sql)) > MAX_ANALYSED_TOKENS:
            return []
        return [raw.stmt for raw in parse_sql(sql) if raw.stmt is not None]
    except ParseError:
        return []


def catalog_for(problem: Problem, submission: Sequence[ast.Node] = ()) -> Catalog:
    """The problem's tables: schema.sql, indexes its datasets create, then the submission's DDL."""
    catalog = Catalog()
    for stmt in parse_statements(problem.schema_sql):
        catalog.add(stmt)
    for dataset in problem.datasets:
        if "index" in dataset.sql.lower():
            for stmt in parse_statements(dataset.sql):
                if isinstance(stmt, ast.IndexStmt):
                    catalog.add(stmt)
    for stmt in submission:
        catalog.add(stmt)
    return catalog


# -- scopes ------------------------------------------------------------------------------------


@dataclass
class Info:
    """What is known about an expression: its type and whether it can be NULL (None: unknown)."""

    type: str | None = None
    nullable: bool | None = None
    node: ast.Node | None = None  # the defining expression (a derived table's output)


UNKNOWN = Info()


@dataclass
class Derived:
    """A subquery's or CTE's output: columns (when all are known) and unique keys."""

    columns: dict[str, Info] | None
    keys: list[frozenset[str]] | None  # None: unknown


@dataclass(eq=False)  # compared and hashed by identity: two `orders` in a FROM are two relations
class Source:
    """One relation of a FROM clause, under the name its columns are qualified with."""

    alias: str
    table: Table | None = None
    derived: Derived | None = None
    optional: bool = False  # the NULL-extended side of an outer join
    # Unknown: a function, VALUES without column names, a recursive CTE's own reference.

    def column(self, name: str) -> Info | None:
        """The column's info, UNKNOWN when this source's columns are unknown, None if absent."""
        if self.table is not None:
            col = self.table.columns.get(name)
            if col is None:
                return None
            return Info(col.type, (not col.not_null) or self.optional)
        if self.derived is not None and self.derived.columns is not None:
            info = self.derived.columns.get(name)
            if info is None:
                return None
            nullable = True if self.optional else info.nullable
            return Info(info.type, nullable, info.node)
        return UNKNOWN

    def has_columns_known(self) -> bool:
        return self.table is not None or (
            self.derived is not None and self.derived.columns is not None
        )

    def keys(self) -> list[frozenset[str]] | None:
        if self.table is not None:
            return self.table.unique_keys()
        if self.derived is not None:
            return self.derived.keys
        return None


@dataclass(frozen=True)
class Resolved:
    source: Source
    column: str
    depth: int  # 0: this scope's own relation, 1: the enclosing query's, ...


class Scope:
    """The relations a query's expressions can name, and the enclosing query's scope."""

    def __init__(self, parent: Scope | None) -> None:
        self.parent = parent
        self.sources: list[Source] = []
        self.join_quals: list[ast.Node] = []
        self.outer_joins = False
        self.outputs: dict[str, ast.Node] = {}  # SELECT-list aliases, for ORDER BY

    def resolve(self, ref: ast.ColumnRef) -> Resolved | None:
        fields = [f for f in ref.fields or () if isinstance(f, ast.String)]
        if not fields or len(fields) != len(ref.fields or ()):
            return None  # `t.*`
        column = str(fields[-1].sval).lower()
        qualifier = str(fields[-2].sval).lower() if len(fields) >= 2 else None
        scope: Scope | None = self
        depth = 0
        while scope is not None:
            if qualifier is not None:
                for source in scope.sources:
                    if source.alias == qualifier:
                        return Resolved(source, column, depth)
            else:
                having = [s for s in scope.sources if s.column(column) is not None]
                known = [s for s in having if s.has_columns_known()]
                if len(known) == 1 and len(having) == 1:
                    return Resolved(known[0], column, depth)
                if having:
                    return None  # ambiguous, or maybe a column of an unknown relation
            scope = scope.parent
            depth += 1
        return None

    def info(self, node: object) -> Info:
        """Type and nullability of an expression in this scope (UNKNOWN when unsure)."""
        return _infer(node, self)


def _infer(node: object, scope: Scope) -> Info:
    if isinstance(node, ast.A_Const):
        if node.isnull:
            return Info(None, True)
        if isinstance(node.val, ast.Integer):
            return Info("int4", False)
        if isinstance(node.val, ast.Float):
            return Info("numeric", False)
        return Info(None, False)
    if isinstance(node, ast.ColumnRef):
        resolved = scope.resolve(node)
        if resolved is None:
            return UNKNOWN
        return resolved.source.column(resolved.column) or UNKNOWN
    if isinstance(node, ast.TypeCast):
        inner = _infer(node.arg, scope)
        return Info(canonical_type(node.typeName), inner.nullable)
    if isinstance(node, ast.FuncCall):
        return _infer_call(node, scope)
    if isinstance(node, ast.A_Expr) and node.kind == enums.A_Expr_Kind.AEXPR_OP:
        return _infer_arithmetic(node, scope)
    if isinstance(node, ast.A_Expr) and node.kind == enums.A_Expr_Kind.AEXPR_NULLIF:
        return Info(_infer(node.lexpr, scope).type, True)
    if isinstance(node, (ast.CoalesceExpr, ast.MinMaxExpr)):
        infos = [_infer(a, scope) for a in node.args or ()]
        types = {i.type for i in infos if not (i.type is None and i.nullable)}
        kind: str | None
        if types <= INTEGER_TYPES and types:
            kind = "int8" if "int8" in types else "int4"
        else:
            kind = next(iter(types)) if len(types) == 1 else None
        if isinstance(node, ast.CoalesceExpr):
            if any(i.nullable is False for i in infos):
                return Info(kind, False)
            return Info(kind, True if all(i.nullable for i in infos) else None)
        return Info(kind, None)
    if isinstance(node, ast.CaseExpr):
        results = [_infer(w.result, scope) for w in node.args or () if isinstance(w, ast.CaseWhen)]
        results.append(_infer(node.defresult, scope) if node.defresult else Info(None, True))
        types = {r.type for r in results if not (r.type is None and r.nullable)}
        return Info(types.pop() if len(types) == 1 else None, None)
    return UNKNOWN


def _infer_call(node: ast.FuncCall, scope: Scope) -> Info:
    name = func_name(node)
    args = list(node.args or ())
    if name == "count":
        return Info("int8", False)
    if name in _FIXED_RESULT:
        return Info(_FIXED_RESULT[name], None)
    first = _infer(args[0], scope) if args else UNKNOWN
    if name == "sum":
        widened = {"int2": "int8", "int4": "int8", "int8": "numeric"}
        return Info(widened.get(first.type or "", first.type if first.type else None), True)
    if name == "avg":
        if first.type in INTEGER_TYPES or first.type == "numeric":
            return Info("numeric", True)
        return Info("float8" if first.type in ("float4", "float8") else None, True)
    if name in ("round", "trunc", "ceil", "ceiling", "floor"):
        return Info(first.type if first.type in FRACTION_TYPES else None, first.nullable)
    if name in _SAME_AS_ARGUMENT:
        return Info(first.type, None)
    return UNKNOWN


def _infer_arithmetic(node: ast.A_Expr, scope: Scope) -> Info:
    op = op_name(node)
    if op not in ("+", "-", "*", "/", "%"):
        return UNKNOWN
    left, right = _infer(node.lexpr, scope), _infer(node.rexpr, scope)
    if node.lexpr is None:  # unary minus
        return Info(right.type if right.type in INTEGER_TYPES | FRACTION_TYPES else None)
    lt, rt = left.type, right.type
    if lt == "date" and rt == "date" and op == "-":
        return Info("int4")  # date - date is a number of days
    if lt in INTEGER_TYPES and rt in INTEGER_TYPES:
        return Info("int8" if "int8" in (lt, rt) else "int4")
    if lt in INTEGER_TYPES | FRACTION_TYPES and rt in INTEGER_TYPES | FRACTION_TYPES:
        return Info("float8" if "float8" in (lt, rt) or "float4" in (lt, rt) else "numeric")
    return UNKNOWN


def func_name(node: ast.FuncCall) -> str:
    return str(node.funcname[-1].sval).lower() if node.funcname else ""


def op_name(node: ast.A_Expr) -> str:
    names = [n for n in node.name or () if isinstance(n, ast.String)]
    return str(names[-1].sval) if names else ""


def integer_value(node: object) -> int | None:
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.Integer):
        return int(node.val.ival or 0)
    return None


def location_of(node: object) -> int | None:
    location = getattr(node, "location", None)
    return location if isinstance(location, int) and location >= 0 else None


def child_nodes(node: ast.Node) -> Iterator[ast.Node]:
    for slot in node_slots(type(node)):
        value = getattr(node, slot, None)
        if isinstance(value, ast.Node):
            yield value
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, ast.Node):
                    yield item
                elif isinstance(item, tuple):
                    yield from _flatten(item)


def _flatten(items: tuple[Any, ...]) -> Iterator[ast.Node]:
    for item in items:
        if isinstance(item, ast.Node):
            yield item
        elif isinstance(item, tuple):
            yield from _flatten(item)


def walk(node: ast.Node) -> Iterator[ast.Node]:
    """Every node under `node`, itself included (nested queries too)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(child_nodes(current))))


def signature(node: ast.Node) -> str:
    """A qualification-free text for an expression: `lower(u.email)` and `lower(email)` match."""
    if isinstance(node, ast.ColumnRef):
        fields = [f for f in node.fields or () if isinstance(f, ast.String)]
        return str(fields[-1].sval).lower() if fields else "*"
    if isinstance(node, ast.FuncCall):
        inner = ",".join(signature(a) for a in node.args or ())
        return f"{func_name(node)}({inner})"
    if isinstance(node, ast.TypeCast):
        return f"({signature(node.arg) if node.arg else ''})::{canonical_type(node.typeName)}"
    if isinstance(node, ast.A_Const):
        return repr(getattr(node.val, "sval", None) or getattr(node.val, "ival", None))
    if isinstance(node, ast.A_Expr):
        left = signature(node.lexpr) if node.lexpr else ""
        right = signature(node.rexpr) if isinstance(node.rexpr, ast.Node) else ""
        return f"({left}{op_name(node)}{right})"
    return type(node).__name__


def non_null_in(where: ast.Node | None) -> set[str]:
    """Expressions a WHERE clause proves NOT NULL: `x IS NOT NULL`, or `x` compared to
    something (a comparison with NULL is never true, so the row is gone)."""
    proven = set()
    for conjunct in conjuncts(where):
        if (
            isinstance(conjunct, ast.NullTest)
            and conjunct.nulltesttype == enums.NullTestType.IS_NOT_NULL
            and conjunct.arg is not None
        ):
            proven.add(signature(conjunct.arg))
        elif isinstance(conjunct, ast.A_Expr) and (
            conjunct.kind in BETWEEN_KINDS
            or (
                conjunct.kind == enums.A_Expr_Kind.AEXPR_OP
                and op_name(conjunct) in COMPARISON_OPERATORS
            )
        ):
            for side in (conjunct.lexpr, conjunct.rexpr):
                if isinstance(side, ast.ColumnRef):
                    proven.add(signature(side))
    return proven


def qualifier(ref: ast.ColumnRef) -> str | None:
    fields = ref.fields or ()
    if len(fields) >= 2 and isinstance(fields[-2], ast.String):
        return str(fields[-2].sval).lower()
    return None


def conjuncts(node: ast.Node | None) -> list[ast.Node]:
    if node is None:
        return []
    if isinstance(node, ast.BoolExpr) and node.boolop == enums.BoolExprType.AND_EXPR:
        return [c for a in node.args or () for c in conjuncts(a)]
    return [node]


# -- the analysis --------------------------------------------------------------------------------


@dataclass
class Query:
    """One SELECT (or UPDATE / DELETE / MERGE) of the tree, with its scope and role."""

    node: ast.Node
    scope: Scope
    role: str  # top, cte, from, lateral, scalar, exists, in, array, set-branch
    derived: Derived | None = None
    window_defs: dict[str, ast.WindowDef] = field(default_factory=dict)


@dataclass
class Site:
    """One expression node, where it stands (`clause`) and the expressions around it."""

    node: ast.Node
    query: Query
    clause: str  # where, join, target, having, order, group, window, other
    parent: Site | None  # the enclosing expression's site (a chain, not a copied path)

    @property
    def ancestors(self) -> Iterator[ast.Node]:
        """The enclosing expressions, nearest first."""
        site = self.parent
        while site is not None:
            yield site.node
            site = site.parent


@dataclass
class CteInfo:
    """A WITH RECURSIVE query: whether it refers to itself, its branches."""

    node: ast.CommonTableExpr
    recursive: bool
    union_all: bool
    anchor: ast.SelectStmt | None
    step: ast.SelectStmt | None


class Analysis:
    """A statement list walked once: every query with its scope, every expression site."""

    def __init__(self, statements: Sequence[ast.Node], catalog: Catalog) -> None:
        self.catalog = catalog
        self.queries: list[Query] = []
        self.sites: list[Site] = []
        self.ctes: list[CteInfo] = []
        self.derived: dict[int, Derived] = {}
        self.query_of: dict[int, Query] = {}  # id(SelectStmt) -> its query
        for stmt in statements:
            self._statement(stmt)
        for query in self.queries:
            self.query_of[id(query.node)] = query

    @cached_property
    def sites_by_type(self) -> dict[type, list[Site]]:
        """The sites grouped by their node's class (the rules each look for one or two)."""
        grouped: dict[type, list[Site]] = {}
        for site in self.sites:
            grouped.setdefault(type(site.node), []).append(site)
        return grouped

    @cached_property
    def outer_readers(self) -> set[int]:
        """ids of the scopes whose expressions, or those of a query nested in them, read a row
        of an enclosing query: a reference resolved `depth` scopes up marks every scope on the
        way there."""
        marked: set[int] = set()
        for site in self.sites:
            if not isinstance(site.node, ast.ColumnRef):
                continue
            resolved = site.query.scope.resolve(site.node)
            scope: Scope | None = site.query.scope
            for _ in range(resolved.depth if resolved is not None else 0):
                if scope is None:
                    break
                marked.add(id(scope))
                scope = scope.parent
        return marked

    # -- statements
    def _statement(self, stmt: ast.Node) -> None:
        if isinstance(stmt, ast.SelectStmt):
            self.select(stmt, None, {}, "top")
        elif isinstance(stmt, (ast.UpdateStmt, ast.DeleteStmt, ast.MergeStmt, ast.InsertStmt)):
            self._modify(stmt)

    def _modify(self, stmt: ast.Node) -> None:
        ctes = self._with(getattr(stmt, "withClause", None), None, {})
        scope = Scope(None)
        query = Query(stmt, scope, "top")
        relation = getattr(stmt, "relation", None)
        if isinstance(relation, ast.RangeVar):
            self._from_item(relation, query, ctes, optional=False)
        if isinstance(stmt, ast.InsertStmt):
            if isinstance(stmt.selectStmt, ast.SelectStmt):
                self.select(stmt.selectStmt, None, ctes, "insert")
            conflict = stmt.onConflictClause
            if conflict is not None and isinstance(relation, ast.RangeVar):
                table = self.catalog.tables.get(str(relation.relname).lower())
                scope.sources.append(Source("excluded", table=table))
                for target in conflict.targetList or ():
                    self._expressions(target, query, ctes, "target")
                self._expressions(conflict.whereClause, query, ctes, "where")
            self.queries.append(query)
            return
        extra = getattr(stmt, "fromClause", None) or getattr(stmt, "usingClause", None) or ()
        for item in extra:
            self._from_item(item, query, ctes, optional=False)
        if isinstance(stmt, ast.MergeStmt) and stmt.sourceRelation is not None:
            self._from_item(stmt.sourceRelation, query, ctes, optional=False)
            self._expressions(stmt.joinCondition, query, ctes, "join")
            for clause in stmt.mergeWhenClauses or ():
                self._expressions(clause, query, ctes, "where")
        self.queries.append(query)
        for target in getattr(stmt, "targetList", None) or ():
            self._expressions(target, query, ctes, "target")
        self._expressions(getattr(stmt, "whereClause", None), query, ctes, "where")
        for qual in scope.join_quals:
            self._expressions(qual, query, ctes, "join")

    # -- queries
    def select(
        self, stmt: ast.SelectStmt, parent: Scope | None, ctes: dict[str, Derived], role: str
    ) -> Derived:
        """Walk one SELECT (recursively) and return what its output is known to be."""
        ctes = self._with(stmt.withClause, parent, ctes)
        if stmt.op != enums.SetOperation.SETOP_NONE:
            left = self.select(stmt.larg, parent, ctes, "set-branch") if stmt.larg else None
            if stmt.rarg is not None:
                self.select(stmt.rarg, parent, ctes, "set-branch")
            scope = Scope(parent)
            query = Query(stmt, scope, role)
            self.queries.append(query)
            for sort in stmt.sortClause or ():
                self._expressions(sort, query, ctes, "order")
            columns = left.columns if left is not None else None
            derived = Derived(
                {k: Info(v.type, None) for k, v in columns.items()} if columns else None, None
            )
            query.derived = derived
            self.derived[id(stmt)] = derived
            return derived
        scope = Scope(parent)
        query = Query(stmt, scope, role)
        for window in stmt.windowClause or ():
            if isinstance(window, ast.WindowDef) and window.name:
                query.window_defs[str(window.name).lower()] = window
        if stmt.valuesLists:
            self.queries.append(query)
            for row in stmt.valuesLists:
                self._expressions(row, query, ctes, "other")
            derived = Derived(None, None)
            self.derived[id(stmt)] = derived
            return derived
        for item in stmt.fromClause or ():
            self._from_item(item, query, ctes, optional=False)
        self.queries.append(query)
        for target in stmt.targetList or ():
            if isinstance(target, ast.ResTarget) and target.name and target.val is not None:
                scope.outputs[str(target.name).lower()] = target.val
        for target in stmt.targetList or ():
            self._expressions(target, query, ctes, "target")
        self._expressions(stmt.whereClause, query, ctes, "where")
        for qual in scope.join_quals:
            self._expressions(qual, query, ctes, "join")
        for group in stmt.groupClause or ():
            self._expressions(group, query, ctes, "group")
        self._expressions(stmt.havingClause, query, ctes, "having")
        for window in stmt.windowClause or ():
            self._expressions(window, query, ctes, "window")
        for sort in stmt.sortClause or ():
            self._expressions(sort, query, ctes, "order")
        for distinct in stmt.distinctClause or ():
            if distinct is not None:
                self._expressions(distinct, query, ctes, "order")
        self._expressions(stmt.limitCount, query, ctes, "other")
        self._expressions(stmt.limitOffset, query, ctes, "other")
        derived = self._derive(stmt, scope)
        query.derived = derived
        self.derived[id(stmt)] = derived
        return derived

    def _with(
        self, clause: ast.WithClause | None, parent: Scope | None, ctes: dict[str, Derived]
    ) -> dict[str, Derived]:
        if clause is None:
            return ctes
        env = dict(ctes)
        for cte in clause.ctes or ():
            if not isinstance(cte, ast.CommonTableExpr):
                continue
            name = str(cte.ctename).lower()
            body = cte.ctequery
            if not isinstance(body, ast.SelectStmt):
                continue
            self_reference = clause.recursive and _refers_to(body, name)
            if self_reference:
                # The recursive term sees the CTE itself as a relation of unknown columns.
                env[name] = Derived(None, None)
                self.ctes.append(
                    CteInfo(
                        cte,
                        True,
                        bool(body.all) and body.op == enums.SetOperation.SETOP_UNION,
                        body.larg,
                        body.rarg,
                    )
                )
            derived = self.select(body, parent, env, "cte")
            names = [
                str(c.sval).lower() for c in cte.aliascolnames or () if isinstance(c, ast.String)
            ]
            env[name] = _renamed(derived, names)
        return env

    def _from_item(
        self, item: ast.Node, query: Query, ctes: dict[str, Derived], optional: bool
    ) -> None:
        scope = query.scope
        if isinstance(item, ast.RangeVar):
            relname = str(item.relname).lower()
            alias = str(item.alias.aliasname).lower() if item.alias else relname
            if item.schemaname is None and relname in ctes:
                derived = ctes[relname]
                if item.alias is not None and item.alias.colnames:
                    derived = _renamed(derived, _alias_names(item.alias))
                scope.sources.append(Source(alias, derived=derived, optional=optional))
            else:
                table = self.catalog.tables.get(relname)
                scope.sources.append(Source(alias, table=table, optional=optional))
        elif isinstance(item, ast.RangeSubselect) and isinstance(item.subquery, ast.SelectStmt):
            role = "lateral" if item.lateral else "from"
            derived = self.select(
                item.subquery, scope if item.lateral else scope.parent, ctes, role
            )
            alias = str(item.alias.aliasname).lower() if item.alias else ""
            if item.alias is not None and item.alias.colnames:
                derived = _renamed(derived, _alias_names(item.alias))
            scope.sources.append(Source(alias, derived=derived, optional=optional))
        elif isinstance(item, ast.RangeFunction):
            alias = str(item.alias.aliasname).lower() if item.alias else ""
            scope.sources.append(Source(alias, optional=optional))
            for entry in item.functions or ():  # (call, column definitions) pairs
                for function in entry if isinstance(entry, tuple) else (entry,):
                    if isinstance(function, ast.Node):
                        self._expressions(function, query, ctes, "other")
        elif isinstance(item, ast.JoinExpr):
            kind = item.jointype
            left_optional = kind in (enums.JoinType.JOIN_RIGHT, enums.JoinType.JOIN_FULL)
            right_optional = kind in (enums.JoinType.JOIN_LEFT, enums.JoinType.JOIN_FULL)
            if left_optional or right_optional:
                scope.outer_joins = True
            if item.larg is not None:
                self._from_item(item.larg, query, ctes, optional or left_optional)
            if item.rarg is not None:
                self._from_item(item.rarg, query, ctes, optional or right_optional)
            if item.quals is not None:
                scope.join_quals.append(item.quals)
        else:
            scope.sources.append(Source("", optional=optional))

    def _expressions(
        self, node: ast.Node | None, query: Query, ctes: dict[str, Derived], clause: str
    ) -> None:
        """Record every expression node of one clause; nested queries get their own walk."""
        if node is None:
            return
        stack: list[tuple[Any, Site | None]] = [(node, None)]
        while stack:
            current, parent = stack.pop()
            if isinstance(current, tuple):  # a VALUES row, a list inside a list
                stack.extend((c, parent) for c in reversed(current) if c is not None)
                continue
            if isinstance(current, ast.SelectStmt):
                role = _sublink_role(parent.node) if parent is not None else "scalar"
                self.select(current, query.scope, ctes, role)
                continue
            site = Site(current, query, clause, parent)
            self.sites.append(site)
            stack.extend((child, site) for child in reversed(list(child_nodes(current))))

    def _derive(self, stmt: ast.SelectStmt, scope: Scope) -> Derived:
        """Output columns and keys of a plain SELECT, as far as they are certain."""
        columns: dict[str, Info] | None = {}
        origin: dict[str, Resolved] = {}
        filtered = non_null_in(stmt.whereClause)
        for target in stmt.targetList or ():
            if not isinstance(target, ast.ResTarget) or target.val is None:
                continue
            value = target.val
            if isinstance(value, ast.ColumnRef) and isinstance(
                (value.fields or (None,))[-1], ast.A_Star
            ):
                columns = _star_columns(value, scope, columns)
                continue
            name = _output_name(target)
            if name is None:
                continue
            if columns is not None:
                info = scope.info(value)
                nullable = False if signature(value) in filtered else info.nullable
                columns[name] = Info(info.type, nullable, value)
            if isinstance(value, ast.ColumnRef):
                resolved = scope.resolve(value)
                if resolved is not None and resolved.depth == 0:
                    origin[name] = resolved
        keys = _derived_keys(stmt, scope, origin)
        return Derived(columns, keys)


def _star_columns(
    ref: ast.ColumnRef, scope: Scope, columns: dict[str, Info] | None
) -> dict[str, Info] | None:
    if columns is None:
        return None
    fields = ref.fields or ()
    qualifier = (
        str(fields[-2].sval).lower()
        if len(fields) >= 2 and isinstance(fields[-2], ast.String)
        else None
    )
    for source in scope.sources:
        if qualifier is not None and source.alias != qualifier:
            continue
        if source.table is not None:
            for name in source.table.columns:
                columns[name] = source.column(name) or UNKNOWN
        elif source.derived is not None and source.derived.columns is not None:
            for name in source.derived.columns:
                columns[name] = source.column(name) or UNKNOWN
        else:
            return None
    return columns


def _derived_keys(
    stmt: ast.SelectStmt, scope: Scope, origin: dict[str, Resolved]
) -> list[frozenset[str]] | None:
    distinct = stmt.distinctClause
    if distinct == (None,):
        names = {_output_name(t) for t in stmt.targetList or () if isinstance(t, ast.ResTarget)}
        return None if None in names else [frozenset(n for n in names if n)]
    if distinct:
        keys = {_ref_name(d, scope) for d in distinct}
        return None if None in keys else [frozenset(k for k in keys if k)]
    has_aggregate = any(
        isinstance(n, ast.FuncCall) and n.over is None and func_name(n) in AGGREGATES
        for t in stmt.targetList or ()
        for n in walk(t)
    )
    if stmt.groupClause:
        if any(not isinstance(g, ast.ColumnRef) for g in stmt.groupClause):
            return None  # expressions, ordinals, grouping sets
        grouped = {scope.resolve(g) for g in stmt.groupClause if isinstance(g, ast.ColumnRef)}
        if None in grouped:
            return None
        group_names = {n for n, r in origin.items() if r in grouped}
        covered = {r for r in origin.values() if r in grouped}
        return [frozenset(group_names)] if covered == grouped else []
    if has_aggregate:
        return [frozenset()]  # one row
    if len(scope.sources) != 1 or scope.sources[0].optional:
        return None
    source = scope.sources[0]
    source_keys = source.keys()
    if source_keys is None:
        return None
    renamed = {r.column: n for n, r in origin.items() if r.source is source}
    return [frozenset(renamed[c] for c in key) for key in source_keys if key <= renamed.keys()]


AGGREGATES = frozenset(
    {
        "count",
        "sum",
        "avg",
        "min",
        "max",
        "bool_and",
        "bool_or",
        "every",
        "array_agg",
        "string_agg",
        "json_agg",
        "jsonb_agg",
        "json_object_agg",
        "jsonb_object_agg",
        "stddev",
        "stddev_pop",
        "stddev_samp",
        "variance",
        "var_pop",
        "var_samp",
        "percentile_cont",
        "percentile_disc",
        "mode",
    }
)


def _ref_name(node: ast.Node | None, scope: Scope) -> str | None:
    if isinstance(node, ast.ColumnRef):
        fields = [f for f in node.fields or () if isinstance(f, ast.String)]
        return str(fields[-1].sval).lower() if fields else None
    return None


def _output_name(target: ast.ResTarget) -> str | None:
    """The name PostgreSQL gives a SELECT-list item."""
    if target.name:
        return str(target.name).lower()
    value = target.val
    if isinstance(value, ast.ColumnRef):
        last = (value.fields or (None,))[-1]
        return str(last.sval).lower() if isinstance(last, ast.String) else None
    if isinstance(value, ast.FuncCall):
        return func_name(value)
    if isinstance(value, ast.TypeCast) and isinstance(value.arg, ast.ColumnRef):
        last = (value.arg.fields or (None,))[-1]
        return str(last.sval).lower() if isinstance(last, ast.String) else None
    return None


def _alias_names(alias: ast.Alias) -> list[str]:
    return [str(c.sval).lower() for c in alias.colnames or () if isinstance(c, ast.String)]


def _renamed(derived: Derived, names: list[str]) -> Derived:
    """A derived table under column aliases (`cte (a, b) AS ...`, `AS s (a, b)`)."""
    if not names:
        return derived
    if derived.columns is None:
        return Derived({n: UNKNOWN for n in names}, None)
    old = list(derived.columns)
    columns = dict(derived.columns)
    mapping = {}
    for position, name in enumerate(names):
        if position < len(old):
            mapping[old[position]] = name
            columns.pop(old[position], None)
    for old_name, new_name in mapping.items():
        columns[new_name] = derived.columns[old_name]
    keys = None
    if derived.keys is not None:
        keys = [frozenset(mapping.get(c, c) for c in key) for key in derived.keys]
    return Derived(columns, keys)


def _refers_to(node: ast.Node, name: str) -> bool:
    return any(
        isinstance(n, ast.RangeVar) and n.schemaname is None and str(n.relname).lower() == name
        for n in walk(node)
    )


def _sublink_role(parent: ast.Node) -> str:
    if isinstance(parent, ast.SubLink):
        return {
            enums.SubLinkType.EXISTS_SUBLINK: "exists",
            enums.SubLinkType.ANY_SUBLINK: "in",
            enums.SubLinkType.ALL_SUBLINK: "in",
            enums.SubLinkType.ARRAY_SUBLINK: "array",
        }.get(enums.SubLinkType(parent.subLinkType or 0), "scalar")
    return "scalar"
