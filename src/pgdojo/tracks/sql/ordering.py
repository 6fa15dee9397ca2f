"""The ordering key of an ordered problem: the output columns its statement orders by.

Rows that tie on the key may come in any order; PostgreSQL itself returns ties in whatever
order the plan produces them, and the plan changes with the data (a previous dataset's dead
rows, statistics, an index the candidate added). The key is the problem's `order_by`, or
else read from the reference solution's top-level ORDER BY: each item a column of the output
(by name or position). An item that is not (an expression, a column the output lacks) leaves
no key, and the whole rows are compared in sequence.
"""

from __future__ import annotations

import functools

from pglast import ast, parse_sql
from pglast.parser import ParseError

from pgdojo.content.models import Problem


def order_key(problem: Problem) -> tuple[str, ...] | None:
    if not problem.meta.ordered:
        return None
    if problem.meta.order_by:
        return tuple(problem.meta.order_by)
    return reference_order_key(problem.solution)


@functools.lru_cache(maxsize=512)
def reference_order_key(solution: str) -> tuple[str, ...] | None:
    try:
        statements = parse_sql(solution)
    except ParseError:
        return None
    if not statements:
        return None
    select = statements[-1].stmt
    if not isinstance(select, ast.SelectStmt) or not select.sortClause:
        return None
    outputs = _output_names(select)
    names: list[str] = []
    for item in select.sortClause:
        if not isinstance(item, ast.SortBy):
            return None
        name = _sort_item_name(item.node, outputs)
        if name is None:
            return None
        names.append(name)
    return tuple(names)


def _output_names(select: ast.SelectStmt) -> list[str | None]:
    """The names of the output columns, as far as the tree tells them (None where not)."""
    while select.larg is not None and not select.targetList:
        select = select.larg  # a set operation's columns are named by its first branch
    names: list[str | None] = []
    for target in select.targetList or ():
        if not isinstance(target, ast.ResTarget):
            names.append(None)
        elif target.name:
            names.append(target.name)
        elif isinstance(target.val, ast.ColumnRef):
            names.append(_last_name(target.val))
        else:
            names.append(None)
    return names


def _sort_item_name(node: object, outputs: list[str | None]) -> str | None:
    if isinstance(node, ast.ColumnRef):
        return _last_name(node)
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.Integer):
        position = (node.val.ival or 0) - 1
        return outputs[position] if 0 <= position < len(outputs) else None
    return None


def _last_name(ref: ast.ColumnRef) -> str | None:
    last = ref.fields[-1] if ref.fields else None
    return last.sval if isinstance(last, ast.String) else None
