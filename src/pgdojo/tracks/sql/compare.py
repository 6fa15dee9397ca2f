"""Comparing a candidate's result set with the expected one.

Rules: column count and names (case-insensitive) first; then rows as a multiset, or as a
sequence when the problem demands an order. All numeric types compare as numbers (an int 5
equals numeric 5.00) within the problem's tolerance; NULL equals NULL; arrays, JSON and ranges
compare by value.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from psycopg.types.range import Range

Row = tuple[Any, ...]
MAX_DIFF_ROWS = 10


@dataclass(frozen=True)
class ResultSet:
    """Column names and rows, as fetched from PostgreSQL."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    # An expected result is compared with every submission: its canonical form is computed
    # once, on first use.
    @cached_property
    def canonical(self) -> list[Row]:
        return [canonical_row(r) for r in self.rows]

    @cached_property
    def counts(self) -> Counter[Row]:
        return Counter(self.canonical)

    @cached_property
    def shapes(self) -> list[tuple[type, ...]] | None:
        """Each row's value types, when every value is of a type whose `==` is the judge's
        equality (None otherwise: a bool equals 1 in Python, not here; a JSON 1 equals 1.0)."""
        shapes = [tuple(map(type, row)) for row in self.rows]
        if not _FLAT.issuperset(t for shape in set(shapes) for t in shape):
            return None
        return shapes

    def same_as(self, other: ResultSet) -> bool:
        """Row for row the same values of the same types: equal by the judge's rules, without
        computing either canonical form (a right answer, in the reference's order, is the
        common case). False says nothing: compare the canonical forms."""
        if self.rows != other.rows:  # Python's ==, in C: 5 == 5.0, Decimal('1.0') == 1
            return False
        shapes = self.shapes
        return shapes is not None and shapes == [tuple(map(type, row)) for row in other.rows]


@dataclass
class Comparison:
    """The outcome: equal or not, why, and (for display) which rows are missing or extra."""

    equal: bool
    message: str = ""
    missing: list[Row] = field(default_factory=list)
    extra: list[Row] = field(default_factory=list)
    first_mismatch: int | None = None


# -- value normalisation ---------------------------------------------------------------------

_NUMBER = "n"


# Kept as they are (bool before int: True is not the number 1 here); looked up by exact type
# first, the common case, before the isinstance chain.
_AS_IS = frozenset({type(None), bool, str, date, datetime, time, timedelta})
# Types whose values, equal by Python's == and of the same type, are equal canonical values.
_FLAT = _AS_IS | {int, float, Decimal}


def _canonical(value: Any) -> Any:
    """A hashable value in which equal things are equal: numbers as normalised Decimals."""
    if type(value) in _AS_IS:
        return value
    if value is None or isinstance(value, bool | str | date | datetime | time | timedelta):
        return value
    if isinstance(value, int):
        return (_NUMBER, Decimal(value))
    if isinstance(value, Decimal):
        if value.is_nan():
            return (_NUMBER, "NaN")
        return (_NUMBER, value.normalize() if value != 0 else Decimal(0))
    if isinstance(value, float):
        if math.isnan(value):
            return (_NUMBER, "NaN")
        if math.isinf(value):
            return (_NUMBER, "inf" if value > 0 else "-inf")
        try:
            return (_NUMBER, Decimal(repr(value)).normalize())
        except InvalidOperation:
            return (_NUMBER, repr(value))
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    if isinstance(value, dict):
        return ("json", json.dumps(value, sort_keys=True, default=str))
    if isinstance(value, Range):
        return (
            "range",
            _canonical(value.lower),
            _canonical(value.upper),
            value.bounds,
            value.isempty,
        )
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    return ("other", str(value))


def canonical_row(row: Row) -> Row:
    return tuple(map(_canonical, row))


def _numeric(value: Any) -> Decimal | None:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == _NUMBER:
        number = value[1]
        return number if isinstance(number, Decimal) else None
    return None


def values_close(a: Any, b: Any, tolerance: float) -> bool:
    """Canonical values equal, or both numbers within tolerance (absolute, relative if big)."""
    if a == b:
        return True
    x, y = _numeric(a), _numeric(b)
    if x is None or y is None:
        return False
    scale = max(Decimal(1), abs(x), abs(y))
    return abs(x - y) <= Decimal(str(tolerance)) * scale


def rows_close(a: Row, b: Row, tolerance: float) -> bool:
    return len(a) == len(b) and all(
        values_close(x, y, tolerance) for x, y in zip(a, b, strict=True)
    )


def _sort_key(row: Row) -> tuple[Any, ...]:
    """A total order over canonical rows of mixed types (for pairing and stable output)."""
    return tuple(
        (v is None, type(v).__name__, repr(v) if _numeric(v) is None else float(v[1])) for v in row
    )


# -- comparison ------------------------------------------------------------------------------


def compare_columns(expected: Sequence[str], actual: Sequence[str]) -> str | None:
    """None when the columns match; else a message naming the difference."""
    if len(expected) != len(actual):
        return (
            f"expected {len(expected)} column(s) ({', '.join(expected)}), "
            f"got {len(actual)} ({', '.join(actual)})"
        )
    for index, (want, got) in enumerate(zip(expected, actual, strict=True), start=1):
        if want.lower() != got.lower():
            return (
                f"column {index} is named {got!r} but the problem asks for {want!r} "
                f"(expected columns: {', '.join(expected)})"
            )
    return None


def compare_results(
    expected: ResultSet,
    actual: ResultSet,
    ordered: bool = False,
    tolerance: float = 0.0,
    order_by: Sequence[str] | None = None,
) -> Comparison:
    """Compare two result sets by the judge's rules. With `ordered`, the rows must come in the
    expected sequence of `order_by`'s columns (rows that tie on them may come in any order:
    with the same multiset of rows, the same sequence of keys puts the same rows in each
    tie); without `order_by`, or when it names a column the result does not have, in the
    expected sequence of whole rows."""
    column_problem = compare_columns(expected.columns, actual.columns)
    if column_problem:
        return Comparison(False, column_problem)
    if expected.same_as(actual):  # the same rows in the same order: equal, ordered or not
        return Comparison(True)
    exp = expected.canonical
    act = actual.canonical
    missing, extra = _multiset_difference(expected, actual, tolerance)
    raw_missing = [expected.rows[i] for i in missing]
    raw_extra = [actual.rows[i] for i in extra]
    if missing or extra:
        return Comparison(
            False,
            _count_message(len(exp), len(act), len(missing), len(extra)),
            raw_missing[:MAX_DIFF_ROWS],
            raw_extra[:MAX_DIFF_ROWS],
        )
    if ordered:
        key = _key_indexes(expected.columns, order_by)
        for index, (want, got) in enumerate(zip(exp, act, strict=True)):
            if key is not None:
                want, got = tuple(want[i] for i in key), tuple(got[i] for i in key)
            if rows_close(want, got, tolerance):
                continue
            if key is None:
                where = f"should be {_show(expected.rows[index])}, got {_show(actual.rows[index])}"
            else:
                names = ", ".join(expected.columns[i] for i in key)
                where = (
                    f"should have ({names}) = {_show(tuple(expected.rows[index][i] for i in key))}"
                    f", got {_show(tuple(actual.rows[index][i] for i in key))}"
                )
            return Comparison(
                False,
                f"the rows are right but the order is not: row {index + 1} {where}",
                first_mismatch=index,
            )
    return Comparison(True)


def _key_indexes(columns: Sequence[str], order_by: Sequence[str] | None) -> list[int] | None:
    if not order_by:
        return None
    lowered = [c.lower() for c in columns]
    if any(name.lower() not in lowered for name in order_by):
        return None
    return [lowered.index(name.lower()) for name in order_by]


def _multiset_difference(
    expected: ResultSet, actual: ResultSet, tolerance: float
) -> tuple[list[int], list[int]]:
    """Indexes of expected rows with no partner in actual, and of actual rows with none."""
    exp, act = expected.canonical, actual.canonical
    want, got = expected.counts, actual.counts
    if want == got:
        return [], []
    unmatched_exp = _unmatched(exp, got)
    unmatched_act = _unmatched(act, want)
    if tolerance > 0 and unmatched_exp and unmatched_act:
        unmatched_exp, unmatched_act = _pair_within_tolerance(
            exp, act, unmatched_exp, unmatched_act, tolerance
        )
    return unmatched_exp, unmatched_act


def _unmatched(rows: list[Row], other: Counter[Row]) -> list[int]:
    budget = Counter(other)
    result = []
    for index, row in enumerate(rows):
        if budget[row] > 0:
            budget[row] -= 1
        else:
            result.append(index)
    return result


def _pair_within_tolerance(
    exp: list[Row], act: list[Row], exp_idx: list[int], act_idx: list[int], tolerance: float
) -> tuple[list[int], list[int]]:
    """Pair leftover rows that differ only by numbers within tolerance.

    Rows are bucketed by their non-numeric values, then paired in sorted order inside each
    bucket: equal-up-to-tolerance rows sort next to each other.
    """

    def bucket_key(row: Row) -> Row:
        return tuple(None if _numeric(v) is not None else v for v in row)

    buckets: dict[Row, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in exp_idx:
        buckets[bucket_key(exp[i])][0].append(i)
    for j in act_idx:
        buckets[bucket_key(act[j])][1].append(j)
    left_exp: list[int] = []
    left_act: list[int] = []
    for exp_rows, act_rows in buckets.values():
        exp_rows.sort(key=lambda i: _sort_key(exp[i]))
        act_rows.sort(key=lambda j: _sort_key(act[j]))
        k = 0
        for i in exp_rows:
            if k < len(act_rows) and rows_close(exp[i], act[act_rows[k]], tolerance):
                k += 1
                continue
            left_exp.append(i)
        matched = set(act_rows[:k])
        left_act.extend(j for j in act_rows if j not in matched)
    # A greedy pass can leave a matchable pair when rows sort differently; pair leftovers.
    still_exp: list[int] = []
    taken: set[int] = set()
    for i in left_exp:
        partner = next(
            (j for j in left_act if j not in taken and rows_close(exp[i], act[j], tolerance)), None
        )
        if partner is None:
            still_exp.append(i)
        else:
            taken.add(partner)
    return sorted(still_exp), sorted(j for j in left_act if j not in taken)


def _count_message(n_exp: int, n_act: int, n_missing: int, n_extra: int) -> str:
    parts = [f"expected {n_exp} row(s), got {n_act}"]
    if n_missing:
        parts.append(f"{n_missing} expected row(s) missing")
    if n_extra:
        parts.append(f"{n_extra} unexpected row(s)")
    return "; ".join(parts)


def _show(row: Row) -> str:
    return "(" + ", ".join("NULL" if v is None else str(v) for v in row) + ")"


def jsonable(value: Any) -> Any:
    """A JSON-friendly rendering of a fetched value, for diffs and result grids."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    return str(value)
