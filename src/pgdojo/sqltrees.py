"""Parse trees from pglast, built at the speed of its C parser.

pglast's parser hands every node's values to the node class's constructor, and each attribute
assignment goes through `ast.Node.__setattr__`, which checks the value's type and converts it
again (a list into a tuple of nodes, an int into an enum): for values the C parser has just
built with the right types, that work changes nothing, and it is most of the parse (0.52 ms a
reference solution of the bank with it, 0.09 ms without, on the same machine). The judge
parses every submission, so here the check is lifted for the duration of a parse: the trees
are equal node for node (tests/test_sqltrees.py), and nodes built anywhere else are checked as
before.

The check is a class attribute, shared by the process: while one thread parses, a node built
by another thread from Python values (pgdojo builds none; pglast's printers build none) is not
checked either. The lock keeps two parses from restoring it early for each other.
"""

from __future__ import annotations

import threading

import pglast
from pglast import ast
from pglast.parser import ParseError

_CHECKED_SETATTR = ast.Node.__setattr__
_lock = threading.Lock()


def parse_sql(source: str) -> tuple[ast.RawStmt, ...]:
    """`pglast.parse_sql(source)`, without the attribute checks; raises ParseError likewise.
    The caller bounds the text first (`sqlbounds.size_problem`)."""
    with _lock:
        ast.Node.__setattr__ = object.__setattr__  # type: ignore[method-assign,assignment]
        try:
            return tuple(pglast.parse_sql(source))
        finally:
            ast.Node.__setattr__ = _CHECKED_SETATTR  # type: ignore[method-assign]


def error_offset(exc: ParseError, source: str) -> int:
    """Where in `source` a ParseError points: pglast gives a 0-based offset, or None for a
    syntax error at the end of the input (`UPDATE t SET`): the end of the text, trailing
    blank lines aside."""
    location = exc.args[1] if len(exc.args) > 1 else None
    return location if isinstance(location, int) else len(source.rstrip())


_NODE_SLOTS: dict[type, tuple[str, ...]] = {}


def node_slots(cls: type) -> tuple[str, ...]:
    """The attributes of a node class that can hold nodes (not its names, numbers, flags and
    locations): the walks read only those."""
    known = _NODE_SLOTS.get(cls)
    if known is not None:
        return known
    slots = getattr(cls, "__slots__", None)
    holders: list[str] = []
    if not isinstance(slots, dict):
        holders = list(slots or ())
    else:
        for name, info in slots.items():
            types = info.py_type if isinstance(info.py_type, tuple) else (info.py_type,)
            if any(t is tuple or (isinstance(t, type) and issubclass(t, ast.Node)) for t in types):
                holders.append(name)
    _NODE_SLOTS[cls] = tuple(holders)
    return _NODE_SLOTS[cls]
