"""Name the classic mistake a submission makes, not only the hidden case it failed.

A staff interviewer reading a wrong answer says more than "case 3 failed": "NOT IN against a
nullable column returns nothing once a NULL appears". Each rule here has an id (content
declares it on a wrong solution's second line), a title, the why, the fix, and a detector over
the submission's analysed parse tree (analysis.py: PostgreSQL's own parser via pglast, the
problem's catalog, scopes and types).

Some mistakes are only mistakes for a given problem: RANK is right when ties must all appear,
wrong when exactly N rows are required. Those rules also read the problem's reference solution
(it ranks with ROW_NUMBER, it keeps NULLS LAST, its recursion guards against cycles) and stay
silent when it gives no such sign.

Every rule stays silent when it is unsure: an unknown type, an unresolved column, a derived
table whose keys are unknown. A finding is `error` beside a failed verdict and `warning` beside
an accepted one (the construct is still a risk: NOT IN over a nullable column whose data held
no NULL this time). A parse failure, or a rule raising, yields no finding: never a broken
verdict.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from pglast import ast, enums

from pgdojo.content.models import Problem, ProblemKind
from pgdojo.tracks.sql.analysis import (
    AGGREGATES,
    BETWEEN_KINDS,
    COMPARISON_OPERATORS,
    FRACTION_TYPES,
    INTEGER_TYPES,
    MAX_ANALYSED_TOKENS,
    TIMESTAMP_TYPES,
    UNKNOWN,
    Analysis,
    Catalog,
    Column,
    CteInfo,
    Query,
    Scope,
    Site,
    Source,
    Table,
    canonical_type,
    catalog_for,
    child_nodes,
    conjuncts,
    func_name,
    integer_value,
    location_of,
    non_null_in,
    op_name,
    parse_statements,
    qualifier,
    signature,
    walk,
)
from pgdojo.tracks.sql.datasets import text_digest
from pgdojo.tracks.sql.verdict import Finding, Position, Severity, Verdict

_RANKING = frozenset({"row_number", "rank", "dense_rank"})

# Window functions that are not aggregates: their frame does not decide their value.
_NOT_FRAMED = frozenset(
    {"row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead"}
)

# LIKE / ILIKE / SIMILAR TO (and their NOT forms) and IN (...): index-served like comparisons.
_MATCHES = frozenset(
    {
        enums.A_Expr_Kind.AEXPR_LIKE,
        enums.A_Expr_Kind.AEXPR_ILIKE,
        enums.A_Expr_Kind.AEXPR_SIMILAR,
        enums.A_Expr_Kind.AEXPR_IN,
    }
)


# -- rules -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the submission: the problem and its reference solution."""

    kind: ProblemKind
    catalog: Catalog
    reference: Analysis | None


Detector = Callable[[Analysis, Context], Iterable[int | None]]


@dataclass(frozen=True)
class Rule:
    """One classic mistake: its id (content declares it), what a reviewer says, the detector."""

    id: str
    title: str
    why: str
    fix: str
    detect: Detector


RULES: dict[str, Rule] = {}


def rule(id: str, title: str, why: str, fix: str) -> Callable[[Detector], Detector]:
    def register(detect: Detector) -> Detector:
        RULES[id] = Rule(id, title, why, fix, detect)
        return detect

    return register


def _sites(analysis: Analysis, kind: type[ast.Node]) -> Iterator[Site]:
    # pglast's node classes have no subclasses: the exact class is the isinstance test.
    return iter(analysis.sites_by_type.get(kind, ()))


# NOT IN ----------------------------------------------------------------------------------------


@rule(
    "not-in-nullable",
    "NOT IN over a column that can be NULL",
    "x NOT IN (SELECT col ...) is never true once col holds a single NULL: x <> NULL is unknown, "
    "so the whole predicate is unknown and every row is filtered out.",
    "Use NOT EXISTS (SELECT 1 FROM ... WHERE col = x), which treats NULLs as non-matches; or "
    "filter the subquery with WHERE col IS NOT NULL.",
)
def _not_in_nullable(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.BoolExpr):
        node = site.node
        assert isinstance(node, ast.BoolExpr)
        if node.boolop != enums.BoolExprType.NOT_EXPR or len(node.args or ()) != 1:
            continue
        link = (node.args or (None,))[0]
        if not (
            isinstance(link, ast.SubLink)
            and link.subLinkType == enums.SubLinkType.ANY_SUBLINK
            and link.testexpr is not None
            and not link.operName  # `IN`, not `= ANY`
            and isinstance(link.subselect, ast.SelectStmt)
        ):
            continue
        if _first_output_nullable(analysis, link.subselect):
            yield location_of(link) or location_of(node)
    for site in _sites(analysis, ast.A_Expr):
        expr = site.node
        assert isinstance(expr, ast.A_Expr)
        if expr.kind == enums.A_Expr_Kind.AEXPR_IN and op_name(expr) == "<>":
            values = expr.rexpr if isinstance(expr.rexpr, tuple) else ()
            if any(isinstance(v, ast.A_Const) and v.isnull for v in values):
                yield location_of(expr)


def _first_output_nullable(analysis: Analysis, select: ast.SelectStmt) -> bool:
    """True only when the subquery's single output column is known to admit NULLs."""
    if select.op != enums.SetOperation.SETOP_NONE or len(select.targetList or ()) != 1:
        return False
    query = analysis.query_of.get(id(select))
    target = (select.targetList or (None,))[0]
    if query is None or not isinstance(target, ast.ResTarget) or target.val is None:
        return False
    info = query.scope.info(target.val)
    if info.nullable is not True:
        return False
    # WHERE col IS NOT NULL, or a comparison on it, keeps NULLs out.
    return signature(target.val) not in non_null_in(select.whereClause)


# ranking filters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RankFilter:
    function: str
    location: int | None


def _rank_filters(analysis: Analysis) -> list[RankFilter]:
    """WHERE / JOIN conditions like `rnk <= 3` on a ranking function of a derived table."""
    found = []
    for site in _sites(analysis, ast.A_Expr):
        expr = site.node
        assert isinstance(expr, ast.A_Expr)
        if site.clause not in ("where", "join") or (
            any(isinstance(a, ast.A_Expr) for a in site.ancestors)
        ):
            continue
        if expr.kind == enums.A_Expr_Kind.AEXPR_OP and op_name(expr) in ("<=", "<", "="):
            ref, bound = expr.lexpr, expr.rexpr
        elif expr.kind in (enums.A_Expr_Kind.AEXPR_BETWEEN, enums.A_Expr_Kind.AEXPR_IN):
            ref, bound = expr.lexpr, None
        else:
            continue
        if bound is not None and integer_value(bound) is None:
            continue
        if op_name(expr) == "=" and integer_value(bound) != 1:
            continue  # `= k` asks for the k-th value, not for a top N
        if not isinstance(ref, ast.ColumnRef):
            continue
        info = site.query.scope.info(ref)
        defining = info.node
        if isinstance(defining, ast.FuncCall) and defining.over is not None:
            name = func_name(defining)
            if name in _RANKING:
                found.append(RankFilter(name, location_of(expr)))
    return found


def _selects_exactly_n(analysis: Analysis) -> bool:
    """The reference takes a fixed number of rows per group: ROW_NUMBER filtered, LIMIT in a
    LATERAL or correlated subquery, or DISTINCT ON."""
    if any(f.function == "row_number" for f in _rank_filters(analysis)):
        return True
    for query in analysis.queries:
        node = query.node
        if not isinstance(node, ast.SelectStmt):
            continue
        if node.distinctClause and node.distinctClause != (None,):
            return True
        if query.role in ("lateral", "scalar") and node.limitCount is not None:
            return True
    return False


def _keeps_ties(analysis: Analysis) -> bool:
    return any(f.function in ("rank", "dense_rank") for f in _rank_filters(analysis))


@rule(
    "rank-for-exact-n",
    "RANK / DENSE_RANK where exactly N rows are required",
    "RANK and DENSE_RANK give tied rows the same number, so `<= N` returns more than N rows per "
    "group when there is a tie at or above the cut-off (DENSE_RANK counts distinct values, not "
    "rows).",
    "Use ROW_NUMBER() with a tie-breaking ORDER BY that ends in a unique key, so each row gets "
    "its own number.",
)
def _rank_for_exact_n(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    if ctx.reference is None or not _selects_exactly_n(ctx.reference):
        return
    if _keeps_ties(ctx.reference):
        return
    for found in _rank_filters(analysis):
        if found.function in ("rank", "dense_rank"):
            yield found.location


@rule(
    "row-number-drops-ties",
    "ROW_NUMBER where every row tied at the cut-off must appear",
    "ROW_NUMBER numbers tied rows arbitrarily (or by whatever tie-break you gave it), so `<= N` "
    "silently drops rows that tie with the N-th one.",
    "Use RANK() (or DENSE_RANK() when N counts distinct values) so ties share a number and all "
    "of them pass the filter.",
)
def _row_number_drops_ties(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    if ctx.reference is None or not _keeps_ties(ctx.reference):
        return
    if any(f.function == "row_number" for f in _rank_filters(ctx.reference)):
        return
    for found in _rank_filters(analysis):
        if found.function == "row_number":
            yield found.location


# windows -------------------------------------------------------------------------------------


def _window(
    call: ast.FuncCall, query: Query
) -> tuple[Sequence[ast.Node], Sequence[ast.Node], int] | None:
    """A call's window as (PARTITION BY, ORDER BY, frame options), named windows filled in."""
    window = call.over
    if window is None:
        return None
    partition = window.partitionClause or ()
    order = window.orderClause or ()
    frame = int(window.frameOptions or 0)
    name = window.refname or (window.name if not (partition or order) else None)
    for _ in range(10):  # a chain of named windows, each refining the previous one
        base = query.window_defs.get(str(name).lower()) if name else None
        if base is None:
            break
        partition = partition or base.partitionClause or ()
        order = order or base.orderClause or ()
        if not frame & enums.FRAMEOPTION_NONDEFAULT:
            frame = int(base.frameOptions or 0)
        name = base.refname
    return partition, order, frame


def _peers_possible(
    order: Sequence[ast.Node], partition: Sequence[ast.Node], query: Query
) -> bool | None:
    """Whether rows can tie on (partition, order) keys: True, False, or None when unsure.
    Columns the WHERE clause fixes to one value count as keys too."""
    scope = query.scope
    refs = []
    for sort in order:
        node = sort.node if isinstance(sort, ast.SortBy) else sort
        if not isinstance(node, ast.ColumnRef):
            return None
        resolved = scope.resolve(node)
        if resolved is None or resolved.depth != 0:
            return None
        refs.append(resolved)
    sources = {id(r.source) for r in refs}
    if len(sources) != 1:
        return None
    source = refs[0].source
    keys = source.keys()
    if keys is None:
        return None
    columns = {r.column for r in refs} | _pinned(query, source)
    for node in partition:
        if isinstance(node, ast.ColumnRef):
            resolved = scope.resolve(node)
            if resolved is not None and resolved.source is source:
                columns.add(resolved.column)
    return not any(key <= columns for key in keys)


@rule(
    "range-frame-peers",
    "Running aggregate over a non-unique ORDER BY with the default RANGE frame",
    "With ORDER BY and no frame clause the window frame is RANGE ... CURRENT ROW, which includes "
    "every peer of the current row: rows that tie on the ORDER BY key all get the total after the "
    "last of them, so the running total jumps.",
    "Make the ORDER BY unique (add the primary key as a tie-breaker) and say ROWS BETWEEN "
    "UNBOUNDED PRECEDING AND CURRENT ROW.",
)
def _range_frame_peers(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.FuncCall):
        call = site.node
        assert isinstance(call, ast.FuncCall)
        if call.over is None or func_name(call) in _NOT_FRAMED:
            continue
        window = _window(call, site.query)
        if window is None:
            continue
        partition, order, frame = window
        if not order:
            continue
        default = not (frame & enums.FRAMEOPTION_NONDEFAULT)
        range_to_current = (
            frame & enums.FRAMEOPTION_RANGE
            and frame & enums.FRAMEOPTION_START_UNBOUNDED_PRECEDING
            and frame & enums.FRAMEOPTION_END_CURRENT_ROW
        )
        if not (default or range_to_current):
            continue
        if _peers_possible(order, partition, site.query):
            yield location_of(call)


def _desc_sorts(analysis: Analysis) -> Iterator[tuple[ast.SortBy, Site]]:
    for site in _sites(analysis, ast.SortBy):
        sort = site.node
        assert isinstance(sort, ast.SortBy)
        if sort.sortby_dir == enums.SortByDir.SORTBY_DESC:
            yield sort, site


def _excludes_nulls(query: Query, node: ast.Node) -> bool:
    """The query's WHERE keeps only rows where `node` IS NOT NULL."""
    return signature(node) in non_null_in(getattr(query.node, "whereClause", None))


@rule(
    "desc-nulls-first",
    "ORDER BY ... DESC puts NULLs first",
    "PostgreSQL sorts NULL as larger than every value, so DESC lists NULLs first: an unknown "
    "value ranks as the highest (or the latest) one.",
    "Write ORDER BY col DESC NULLS LAST (and index it the same way if the order must be fast).",
)
def _desc_nulls_first(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    if ctx.reference is None:
        return
    # The reference says NULLs rank last: NULLS LAST, or a DESC sort over rows it filtered
    # with IS NOT NULL.
    kept_last = {
        signature(sort.node)
        for sort, site in _desc_sorts(ctx.reference)
        if sort.node is not None
        and (
            sort.sortby_nulls == enums.SortByNulls.SORTBY_NULLS_LAST
            or _excludes_nulls(site.query, sort.node)
        )
    }
    if not kept_last:
        return
    for sort, site in _desc_sorts(analysis):
        if sort.sortby_nulls != enums.SortByNulls.SORTBY_NULLS_DEFAULT or sort.node is None:
            continue
        if not isinstance(sort.node, ast.ColumnRef) or signature(sort.node) not in kept_last:
            continue
        if _excludes_nulls(site.query, sort.node):
            continue
        node = sort.node
        scope = site.query.scope
        name = signature(node)
        target = scope.outputs.get(name) if len(node.fields or ()) == 1 else None
        info = scope.info(node)
        if info is UNKNOWN and target is not None:
            info = scope.info(target)
        if info.nullable:
            yield location_of(node)


# counting ------------------------------------------------------------------------------------


@rule(
    "count-star-outer-join",
    "COUNT(*) over an outer join's optional side",
    "A LEFT JOIN keeps a row with no match as one row of NULLs, and COUNT(*) counts rows: a group "
    "with nothing on the optional side reports 1 instead of 0.",
    "Count a NOT NULL column of the optional side, e.g. COUNT(o.id), which skips the "
    "NULL-extended row.",
)
def _count_star_outer_join(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.FuncCall):
        call = site.node
        assert isinstance(call, ast.FuncCall)
        if func_name(call) != "count" or not call.agg_star or call.over is not None:
            continue
        query = site.query
        select = query.node
        if not isinstance(select, ast.SelectStmt) or not query.scope.outer_joins:
            continue
        if site.clause not in ("target", "having") or not select.groupClause:
            continue
        if _grouped_on_optional_side_only(select, query.scope):
            continue
        condition = call.agg_filter
        if condition is not None and not any(
            isinstance(n, ast.NullTest) and n.nulltesttype == enums.NullTestType.IS_NULL
            for n in walk(condition)
        ):
            continue  # a filter on the optional side's values already skips the NULL row
        yield location_of(call)


def _grouped_on_optional_side_only(select: ast.SelectStmt, scope: Scope) -> bool:
    preserved = False
    for group in select.groupClause or ():
        if isinstance(group, ast.ColumnRef):
            resolved = scope.resolve(group)
            if resolved is None:
                return True  # unsure
            preserved = preserved or not resolved.source.optional
        else:
            return True
    return not preserved


def _counted_columns(analysis: Analysis) -> tuple[set[str], bool]:
    """The column names counted with count(col), and whether rows are counted at all."""
    names: set[str] = set()
    counts = False
    for site in _sites(analysis, ast.FuncCall):
        call = site.node
        assert isinstance(call, ast.FuncCall)
        if func_name(call) != "count":
            continue
        counts = True
        args = list(call.args or ())
        if len(args) == 1 and isinstance(args[0], ast.ColumnRef):
            names.add(signature(args[0]))
    return names, counts


@rule(
    "count-nullable-column",
    "COUNT(column) on a nullable column where rows were meant",
    "COUNT(col) counts the rows where col is not NULL, not the rows: every row with a NULL in "
    "that column silently drops out of the count.",
    "Count rows with COUNT(*) (or COUNT of a NOT NULL key such as the primary key); keep "
    "COUNT(col) for when skipping NULLs is the point.",
)
def _count_nullable_column(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    if ctx.reference is None:
        return
    reference_columns, reference_counts = _counted_columns(ctx.reference)
    if not reference_counts:
        return
    for site in _sites(analysis, ast.FuncCall):
        call = site.node
        assert isinstance(call, ast.FuncCall)
        args = list(call.args or ())
        if func_name(call) != "count" or call.agg_distinct or len(args) != 1:
            continue
        arg = args[0]
        if not isinstance(arg, ast.ColumnRef) or signature(arg) in reference_columns:
            continue
        resolved = site.query.scope.resolve(arg)
        if resolved is None or resolved.source.table is None:
            continue
        column = resolved.source.table.columns.get(resolved.column)
        if column is not None and not column.not_null:
            yield location_of(call)


# NULL comparisons, arithmetic, ranges -------------------------------------------------------------


@rule(
    "eq-null",
    "Comparing with = NULL",
    "Any comparison with NULL yields NULL (unknown), never true: `col = NULL` matches no row and "
    "`col <> NULL` matches no row either.",
    "Write col IS NULL / col IS NOT NULL, or IS [NOT] DISTINCT FROM to compare two values that "
    "may be NULL.",
)
def _eq_null(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.A_Expr):
        expr = site.node
        assert isinstance(expr, ast.A_Expr)
        if expr.kind != enums.A_Expr_Kind.AEXPR_OP or op_name(expr) not in ("=", "<>", "!="):
            continue
        if any(isinstance(s, ast.A_Const) and s.isnull for s in (expr.lexpr, expr.rexpr)):
            yield location_of(expr)
    # CASE x WHEN NULL THEN ...: the simple CASE compares with =, so that branch never runs.
    for site in _sites(analysis, ast.CaseExpr):
        case = site.node
        assert isinstance(case, ast.CaseExpr)
        if case.arg is None:
            continue
        for when in case.args or ():
            null = isinstance(when, ast.CaseWhen) and isinstance(when.expr, ast.A_Const)
            if null and when.expr.isnull:
                yield location_of(when)


@rule(
    "integer-division",
    "Integer division where a fraction is meant",
    "integer / integer is integer division in PostgreSQL: 1 / 3 is 0 and 200 / 3 is 66, so a "
    "ratio, a percentage or an average is truncated before any rounding or cast sees it.",
    "Make one operand numeric before dividing: 100.0 * a / b, a::numeric / b, or avg(x) for an "
    "average.",
)
def _integer_division(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.A_Expr):
        expr = site.node
        assert isinstance(expr, ast.A_Expr)
        if expr.kind != enums.A_Expr_Kind.AEXPR_OP or op_name(expr) != "/":
            continue
        scope = site.query.scope
        left, right = scope.info(expr.lexpr), scope.info(expr.rexpr)
        if left.type not in INTEGER_TYPES or right.type not in INTEGER_TYPES:
            continue
        if _fraction_expected(expr, site.ancestors):
            yield location_of(expr)


def _fraction_expected(expr: ast.A_Expr, ancestors: Iterable[ast.Node]) -> bool:
    """The quotient is rounded to decimals, cast to a fractional type, or is sum / count."""
    for ancestor in ancestors:
        if isinstance(ancestor, ast.FuncCall) and func_name(ancestor) == "round":
            args = list(ancestor.args or ())
            digits = integer_value(args[1]) if len(args) == 2 else None
            return digits is not None and digits > 0
        if isinstance(ancestor, ast.TypeCast):
            return canonical_type(ancestor.typeName) in FRACTION_TYPES
        if isinstance(ancestor, ast.A_Expr) and op_name(ancestor) in ("+", "-", "*", "/"):
            continue
        break
    left, right = expr.lexpr, expr.rexpr
    return (
        isinstance(left, ast.FuncCall)
        and func_name(left) == "sum"
        and isinstance(right, ast.FuncCall)
        and func_name(right) == "count"
    )


@rule(
    "between-timestamps",
    "BETWEEN on a timestamp",
    "BETWEEN includes both ends: `ts BETWEEN '2025-01-01' AND '2025-12-31'` stops at midnight "
    "starting Dec 31 and loses that day, and ranges that share an end instant count a row "
    "twice.",
    "Use a half-open range: ts >= start AND ts < next_start (e.g. < '2026-01-01').",
)
def _between_timestamps(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.A_Expr):
        expr = site.node
        assert isinstance(expr, ast.A_Expr)
        if expr.kind in BETWEEN_KINDS and site.query.scope.info(expr.lexpr).type in TIMESTAMP_TYPES:
            yield location_of(expr)


# recursion -------------------------------------------------------------------------------------


@rule(
    "recursive-union",
    "UNION instead of UNION ALL in a recursive CTE",
    "UNION removes rows equal to one already produced: two paths that legitimately yield the same "
    "row (the same part, the same quantity) collapse into one, and every iteration pays for "
    "hashing the whole result so far.",
    "Use UNION ALL, and guard against cycles explicitly (CYCLE clause, a path array, a depth "
    "bound) where the data can cycle.",
)
def _recursive_union(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for cte in analysis.ctes:
        body = cte.node.ctequery
        if (
            cte.recursive
            and isinstance(body, ast.SelectStmt)
            and body.op == enums.SetOperation.SETOP_UNION
            and not body.all
        ):
            yield location_of(cte.node)


def _guarded(cte: CteInfo) -> bool:
    """A CYCLE clause, a path check, a depth bound or a cycle flag in the recursive step, or a
    deduplicating UNION over rows that do not grow (which then terminates)."""
    if cte.node.cycle_clause is not None:
        return True
    step = cte.step
    if step is None:
        return False
    name = str(cte.node.ctename).lower()
    own = {
        str(n.alias.aliasname).lower() if n.alias else name
        for n in walk(step)
        if isinstance(n, ast.RangeVar) and str(n.relname).lower() == name
    }
    conditions = list(conjuncts(step.whereClause))
    for item in step.fromClause or ():
        conditions.extend(
            c
            for n in walk(item)
            if isinstance(n, ast.JoinExpr) and n.quals is not None
            for c in conjuncts(n.quals)
        )
    for condition in conditions:
        for node in walk(condition):
            if isinstance(node, ast.A_Expr) and node.kind == enums.A_Expr_Kind.AEXPR_OP_ALL:
                return True
            if isinstance(node, ast.BoolExpr) and node.boolop == enums.BoolExprType.NOT_EXPR:
                inner = node.args[0] if node.args else None
                if isinstance(inner, (ast.A_Expr, ast.SubLink, ast.ColumnRef)):
                    return True
            if isinstance(node, ast.NullTest) and isinstance(node.arg, ast.FuncCall):
                return True
        if isinstance(condition, ast.A_Expr) and op_name(condition) in ("<", "<=", ">", ">="):
            sides = (condition.lexpr, condition.rexpr)
            if any(integer_value(s) is not None for s in sides) and any(
                isinstance(s, ast.ColumnRef) and qualifier(s) in (None, *own) for s in sides
            ):
                return True  # a depth bound on the CTE's own counter
    body = cte.node.ctequery
    if isinstance(body, ast.SelectStmt) and not body.all:
        grows = any(
            isinstance(n, ast.A_Expr) and op_name(n) in ("+", "||", "*")
            for t in step.targetList or ()
            for n in walk(t)
        )
        return not grows
    return False


@rule(
    "recursive-no-cycle-guard",
    "Recursive CTE without a cycle guard over data that can cycle",
    "A recursive CTE stops only when an iteration adds no row. Over a graph with a cycle "
    "(A→B→A) the walk goes round forever, until the time limit or the disk runs out.",
    "Add CYCLE col SET is_cycle USING path (PostgreSQL 14+), or carry a path array and test "
    "`next <> ALL (path)`; a depth bound only hides the problem.",
)
def _recursive_no_cycle_guard(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    if ctx.reference is None:
        return
    # The reference guarding its recursion is the sign that this problem's data can cycle.
    if not any(_guarded(c) for c in ctx.reference.ctes if c.recursive):
        return
    for cte in analysis.ctes:
        if cte.recursive and not _guarded(cte):
            yield location_of(cte.node)


# LIMIT, DISTINCT, OFFSET -------------------------------------------------------------------------


@rule(
    "limit-without-order",
    "LIMIT without an ORDER BY that makes the rows deterministic",
    "Without an ORDER BY ending in a unique key, which rows survive LIMIT is up to the plan: a "
    "different plan, a parallel scan or a new row version gives a different answer, and ties "
    "at the cut-off are broken at random.",
    "ORDER BY the intended order and end it with a unique key (... , id) so every row has one "
    "place; use FETCH FIRST n ROWS WITH TIES if ties should all be kept.",
)
def _limit_without_order(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for query in analysis.queries:
        select = query.node
        if not isinstance(select, ast.SelectStmt) or select.limitCount is None:
            continue
        count = select.limitCount
        if isinstance(count, ast.A_Const) and count.isnull:
            continue  # LIMIT ALL
        if query.role == "exists":
            continue  # EXISTS only asks whether a row comes back
        if select.limitOption == enums.LimitOption.LIMIT_OPTION_WITH_TIES:
            continue
        if query.derived is not None and query.derived.keys == [frozenset()]:
            continue  # an aggregate without GROUP BY: one row
        if not select.sortClause:
            if not _at_most_one_row(query):
                yield location_of(count)
            continue
        if _ordering_ties(select, query):
            yield location_of(count)


def _pinned(query: Query, source: Source) -> set[str]:
    """Columns of `source` that the query's WHERE fixes to one value: `col = 5`, or `col =` a
    column of another relation (an outer row, the other side of a join)."""
    pinned = set()
    for condition in conjuncts(getattr(query.node, "whereClause", None)):
        if not (
            isinstance(condition, ast.A_Expr)
            and condition.kind == enums.A_Expr_Kind.AEXPR_OP
            and op_name(condition) == "="
        ):
            continue
        for mine, other in ((condition.lexpr, condition.rexpr), (condition.rexpr, condition.lexpr)):
            if not isinstance(mine, ast.ColumnRef) or not isinstance(other, ast.Node):
                continue
            resolved = query.scope.resolve(mine)
            if resolved is None or resolved.source is not source or resolved.depth != 0:
                continue
            same_row = any(
                isinstance(n, ast.ColumnRef)
                and (r := query.scope.resolve(n)) is not None
                and r.source is source
                and r.depth == 0
                for n in walk(other)
            )
            if not same_row:
                pinned.add(resolved.column)
    return pinned


def _at_most_one_row(query: Query) -> bool:
    """A single relation whose WHERE fixes a whole unique key: LIMIT has nothing to choose."""
    if len(query.scope.sources) != 1:
        return False
    source = query.scope.sources[0]
    keys = source.keys()
    pinned = _pinned(query, source)
    return keys is not None and any(key <= pinned for key in keys)


def _ordering_ties(select: ast.SelectStmt, query: Query) -> bool:
    """True when rows are known to be able to tie on the whole ORDER BY."""
    scope = query.scope
    keys: list[ast.Node] = []
    for sort in select.sortClause or ():
        node = sort.node if isinstance(sort, ast.SortBy) else None
        if isinstance(node, ast.ColumnRef) and len(node.fields or ()) == 1:
            alias = scope.outputs.get(signature(node))
            if alias is not None and scope.resolve(node) is None:
                node = alias
        if node is None:
            return False
        keys.append(node)
    ordered = {signature(k) for k in keys}
    targets = [t.val for t in select.targetList or () if isinstance(t, ast.ResTarget)]
    if targets and all(t is not None and signature(t) in ordered for t in targets):
        return False  # tied rows are identical rows
    if select.groupClause or select.distinctClause:
        return False
    return bool(_peers_possible(keys, (), query))


@rule(
    "distinct-fanout",
    "SELECT DISTINCT papering over a join that multiplies rows",
    "A join to a one-to-many relation repeats each row once per match; DISTINCT collapses the "
    "copies after the fact, so it hides the fan-out (and whatever the join was meant to check) "
    "and costs a sort or hash of every duplicated row.",
    "Ask the question directly: EXISTS / NOT EXISTS for 'has a matching row', or aggregate the "
    "many side in a subquery before joining.",
)
def _distinct_fanout(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for query in analysis.queries:
        select = query.node
        if not isinstance(select, ast.SelectStmt) or len(query.scope.sources) < 2:
            continue
        scope = query.scope
        conditions = [c for q in (*scope.join_quals, select.whereClause) for c in conjuncts(q)]
        fanning = [s for s in scope.sources if _joins_to_many(s, scope, conditions)]
        if not fanning:
            continue
        if select.distinctClause == (None,):
            # The output shows no column of a relation joined one-to-many: its only effect
            # is to repeat rows (and to feed aggregates), which DISTINCT then hides.
            refs = [scope.resolve(n) for t in select.targetList or () for n in _bare_columns(t)]
            if refs and all(r is not None and r.depth == 0 for r in refs):
                shown = {id(r.source) for r in refs if r is not None}
                if any(id(s) not in shown for s in fanning):
                    yield location_of(select.targetList[0]) if select.targetList else None
                    continue
        # sum(DISTINCT x) over a fanned-out join: equal amounts of different rows vanish.
        for target in select.targetList or ():
            for node in walk(target):
                if (
                    isinstance(node, ast.FuncCall)
                    and node.agg_distinct
                    and func_name(node) in ("sum", "avg")
                ):
                    yield location_of(node)


def _bare_columns(node: ast.Node) -> Iterator[ast.ColumnRef]:
    """Column references outside aggregate and window calls."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.ColumnRef):
            yield current
            continue
        if isinstance(current, ast.FuncCall) and (
            current.over is not None or func_name(current) in AGGREGATES
        ):
            continue
        if isinstance(current, ast.SelectStmt):
            continue
        stack.extend(child_nodes(current))


def _joins_to_many(source: Source, scope: Scope, conditions: list[ast.Node]) -> bool:
    """The join equates none of the source's unique keys with other relations' columns."""
    keys = source.keys()
    if keys is None:
        return False
    equated = set()
    for condition in conditions:
        if not (isinstance(condition, ast.A_Expr) and op_name(condition) == "="):
            continue
        for mine, other in ((condition.lexpr, condition.rexpr), (condition.rexpr, condition.lexpr)):
            if isinstance(mine, ast.ColumnRef):
                resolved = scope.resolve(mine)
                if resolved is not None and resolved.source is source and other is not None:
                    equated.add(resolved.column)
    return not any(key <= equated for key in keys)


@rule(
    "offset-pagination",
    "OFFSET for paging",
    "OFFSET n still reads and discards the first n rows on every page, so page 500 costs 500 "
    "pages of work; and a row inserted or deleted meanwhile shifts every later page, showing a "
    "row twice or never.",
    "Page with a keyset: remember the last row's sort key and ask for WHERE (created_at, id) < "
    "(last_created_at, last_id) ORDER BY created_at DESC, id DESC LIMIT n, served by an index on "
    "that key.",
)
def _offset_pagination(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for query in analysis.queries:
        select = query.node
        if not isinstance(select, ast.SelectStmt) or select.limitOffset is None:
            continue
        offset = select.limitOffset
        if integer_value(offset) == 0:
            continue  # OFFSET 0: the planner fence idiom, skips nothing
        page = integer_value(select.limitCount)
        if ctx.kind is not ProblemKind.OPTIMIZE and page is not None and page <= 1:
            continue  # LIMIT 1 OFFSET k picks the k-th row: a query, not a page
        yield location_of(offset)


# indexes and subqueries --------------------------------------------------------------------------


def _wrapped_column(node: ast.Node) -> ast.ColumnRef | None:
    """The column under a chain of function calls and casts: lower(email), ts::date."""
    current: ast.Node | None = node
    wrapped = False
    while True:
        if isinstance(current, ast.TypeCast):
            current, wrapped = current.arg, True
        elif isinstance(current, ast.FuncCall) and current.over is None:
            columns = [a for a in current.args or () if not isinstance(a, ast.A_Const)]
            if len(columns) != 1:
                return None
            current, wrapped = columns[0], True
        else:
            break
    return current if wrapped and isinstance(current, ast.ColumnRef) else None


@rule(
    "function-on-indexed-column",
    "A function or cast on an indexed column in WHERE / JOIN",
    "An index on col stores col's values, not lower(col) or col::date: a condition on the "
    "wrapped column cannot be searched in it, so every candidate row is read and the function "
    "computed on each (a sequential scan, or a far wider index range).",
    "Rewrite the condition on the bare column (created_at >= '2026-01-01' AND created_at < "
    "'2026-01-02' instead of created_at::date = ...), or create an expression index on exactly "
    "that expression.",
)
def _function_on_indexed_column(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.A_Expr):
        expr = site.node
        assert isinstance(expr, ast.A_Expr)
        if site.clause not in ("where", "join"):
            continue
        comparison = (
            expr.kind in BETWEEN_KINDS
            or expr.kind in _MATCHES
            or (expr.kind == enums.A_Expr_Kind.AEXPR_OP and op_name(expr) in COMPARISON_OPERATORS)
        )
        if not comparison:
            continue
        for side in (expr.lexpr, expr.rexpr):
            if not isinstance(side, (ast.FuncCall, ast.TypeCast)):
                continue
            column = _wrapped_column(side)
            if column is None:
                continue
            resolved = site.query.scope.resolve(column)
            if resolved is None or resolved.depth != 0 or resolved.source.table is None:
                continue
            table = resolved.source.table
            if resolved.column not in table.indexed:
                continue
            if signature(side) in table.expression_indexes:
                continue
            col = table.columns.get(resolved.column)
            if (
                isinstance(side, ast.TypeCast)
                and col is not None
                and canonical_type(side.typeName) == col.type
            ):
                continue  # a cast to the column's own type changes nothing
            yield location_of(side)


@rule(
    "correlated-subquery",
    "A correlated scalar subquery per outer row",
    "A scalar subquery that reads the outer row runs again for every outer row: the planner "
    "cannot turn it into a join, so the cost is outer rows × one probe, paid once more for each "
    "such subquery (three columns of the same row, three probes).",
    "Compute it once: join to an aggregate, use a window function, or LEFT JOIN LATERAL (... "
    "LIMIT 1) to fetch several columns of the same row in one probe.",
)
def _correlated_subquery(analysis: Analysis, ctx: Context) -> Iterator[int | None]:
    for site in _sites(analysis, ast.SubLink):
        link = site.node
        assert isinstance(link, ast.SubLink)
        if link.subLinkType != enums.SubLinkType.EXPR_SUBLINK:
            continue
        if isinstance(link.subselect, ast.SelectStmt) and _correlated(link.subselect, analysis):
            yield location_of(link)


def _correlated(select: ast.SelectStmt, analysis: Analysis) -> bool:
    """Whether a column inside the subquery resolves to a relation outside it."""
    if select.op != enums.SetOperation.SETOP_NONE:
        return any(
            isinstance(branch, ast.SelectStmt) and _correlated(branch, analysis)
            for branch in (select.larg, select.rarg)
        )
    query = analysis.query_of.get(id(select))
    return query is not None and id(query.scope) in analysis.outer_readers


# -- running the rules ---------------------------------------------------------------------------


_cache: dict[tuple[str, str], tuple[Catalog, Analysis | None]] = {}
_cache_lock = threading.Lock()


def _problem_key(problem: Problem) -> tuple[str, str]:
    return problem.id, text_digest(
        problem.schema_sql, problem.solution, *(d.sql for d in problem.datasets)
    )


def _reference(problem: Problem) -> tuple[Catalog, Analysis | None]:
    """The problem's catalog and the analysis of its reference solution, computed once."""
    key = _problem_key(problem)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    statements = parse_statements(problem.solution)
    catalog = catalog_for(problem, statements)
    reference = Analysis(statements, catalog) if statements else None
    with _cache_lock:
        _cache[key] = (catalog_for(problem), reference)
    return _cache[key]


def detect(
    problem: Problem,
    source: str,
    is_reference: bool = False,
    trees: Sequence[ast.Node] | None = None,
) -> dict[str, list[int]]:
    """Rule id → offsets in `source` where it fires (-1 when the place is unknown). `trees`:
    the statements as the classifier parsed them, when `source` is surely small enough to
    analyse (a token is at least a character), so it is not parsed twice.

    Raises on a tree the rules cannot read; `find_mistakes` is the safe entry point."""
    if trees is not None and len(source) <= MAX_ANALYSED_TOKENS:
        statements = list(trees)
    else:
        statements = parse_statements(source)
    if not statements:
        return {}
    base, reference = _reference(problem)
    catalog = Catalog({name: _copy_table(t) for name, t in base.tables.items()})
    for stmt in statements:
        catalog.add(stmt)
    analysis = Analysis(statements, catalog)
    context = Context(problem.kind, catalog, None if is_reference else reference)
    found: dict[str, list[int]] = {}
    for rule_id, entry in RULES.items():
        places = [p if p is not None else -1 for p in entry.detect(analysis, context)]
        if places:
            found[rule_id] = sorted(set(places))
    return found


def _copy_table(table: Table) -> Table:
    return Table(
        table.name,
        {n: Column(c.name, c.type, c.not_null) for n, c in table.columns.items()},
        list(table.keys),
        set(table.indexed),
        set(table.expression_indexes),
    )


def find_mistakes(
    problem: Problem, source: str, verdict: Verdict, trees: Sequence[ast.Node] | None = None
) -> list[Finding]:
    """The classic mistakes `source` makes, as findings for the candidate; never raises."""
    try:
        found = detect(problem, source, trees=trees)
    except Exception:  # a rule with a bug (or a tree too deep for it) must not cost a verdict
        return []
    severity = Severity.WARNING if verdict is Verdict.ACCEPTED else Severity.ERROR
    findings = []
    for rule_id, places in found.items():
        entry = RULES[rule_id]
        first = next((p for p in places if p >= 0), None)
        findings.append(
            Finding(
                rule=entry.id,
                title=entry.title,
                why=entry.why,
                fix=entry.fix,
                severity=severity,
                position=Position.at(source, first) if first is not None else None,
            )
        )
    findings.sort(key=lambda f: f.position.offset if f.position else -1)
    return findings
