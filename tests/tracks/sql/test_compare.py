from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pgdojo.tracks.sql.compare import ResultSet, compare_results


def rs(columns: str, *rows: tuple[object, ...]) -> ResultSet:
    return ResultSet(tuple(columns.split()), tuple(rows))


def test_integer_types_compare_as_numbers() -> None:
    assert compare_results(rs("a", (5,)), rs("a", (Decimal("5.00"),))).equal
    assert compare_results(rs("a", (5,)), rs("a", (5.0,))).equal


def test_null_equals_null_and_differs_from_zero() -> None:
    assert compare_results(rs("a b", (None, 1)), rs("a b", (None, 1))).equal
    result = compare_results(rs("a", (None,)), rs("a", (0,)))
    assert not result.equal
    assert result.missing == [(None,)] and result.extra == [(0,)]


def test_column_count_and_names_are_checked_case_insensitively() -> None:
    assert compare_results(rs("Total", (1,)), rs("total", (1,))).equal
    count = compare_results(rs("a b", (1, 2)), rs("a", (1,)))
    assert not count.equal and "expected 2 column(s)" in count.message
    name = compare_results(rs("a running_total", (1, 2)), rs("a total", (1, 2)))
    assert not name.equal and "'total'" in name.message and "'running_total'" in name.message


def test_multiset_counts_duplicates() -> None:
    result = compare_results(rs("a", (1,), (1,)), rs("a", (1,)))
    assert not result.equal
    assert result.missing == [(1,)] and result.extra == []


def test_ordered_comparison_reports_first_mismatch() -> None:
    expected = rs("a", (1,), (2,), (3,))
    shuffled = rs("a", (1,), (3,), (2,))
    assert compare_results(expected, shuffled, ordered=False).equal
    result = compare_results(expected, shuffled, ordered=True)
    assert not result.equal and result.first_mismatch == 1 and "order" in result.message


def test_tolerance_applies_to_numbers_only() -> None:
    assert compare_results(
        rs("x", (Decimal("1.333333"),)), rs("x", (1.3333334,)), tolerance=1e-6
    ).equal
    assert not compare_results(rs("x", (1.0,)), rs("x", (1.1,)), tolerance=1e-6).equal
    assert not compare_results(rs("d", (date(2026, 1, 1),)), rs("d", ("2026-01-01",))).equal


def test_tolerance_pairs_rows_with_duplicates_of_text() -> None:
    expected = rs("k v", ("a", Decimal("0.3333")), ("a", Decimal("0.6667")))
    actual = rs("k v", ("a", 0.66666), ("a", 0.33333))
    assert compare_results(expected, actual, tolerance=1e-3).equal


values = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**6), max_value=10**6
    ),
    st.text(max_size=5),
    st.dates(),
)
rows = st.lists(st.tuples(values, values), max_size=12)


@given(rows, st.randoms())
def test_multiset_is_order_insensitive(data: list[tuple[object, object]], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(data)
    rnd.shuffle(shuffled)
    assert compare_results(rs("a b", *data), rs("a b", *shuffled)).equal


@given(rows, rows)
def test_comparison_is_symmetric(
    left: list[tuple[object, object]], right: list[tuple[object, object]]
) -> None:
    forward = compare_results(rs("a b", *left), rs("a b", *right))
    backward = compare_results(rs("a b", *right), rs("a b", *left))
    assert forward.equal == backward.equal


@given(rows, st.tuples(values, values))
def test_an_extra_row_is_always_reported(
    data: list[tuple[object, object]], extra: tuple[object, object]
) -> None:
    result = compare_results(rs("a b", *data), rs("a b", *data, extra))
    assert not result.equal
    assert len(result.extra) == 1


@given(st.lists(st.integers(-1000, 1000), max_size=10))
def test_ints_equal_their_numeric_forms(numbers: list[int]) -> None:
    as_int = rs("n", *[(n,) for n in numbers])
    as_dec = rs("n", *[(Decimal(n).quantize(Decimal("0.01")),) for n in reversed(numbers)])
    assert compare_results(as_int, as_dec).equal


any_value = st.one_of(
    values,
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, places=2, min_value=-100, max_value=100),
    st.dictionaries(st.sampled_from("ab"), st.one_of(st.integers(0, 2), st.floats(0, 2))),
    st.lists(st.integers(0, 3), max_size=3),
)


def canonical_equal(left: ResultSet, right: ResultSet) -> bool:
    return left.counts == right.counts


@given(st.lists(st.tuples(any_value, any_value), max_size=8), st.data())
def test_the_fast_path_never_accepts_what_the_canonical_forms_tell_apart(
    data: list[tuple[object, object]], draw: st.DataObject
) -> None:
    """`same_as` (Python's == on the raw rows, plus the same value types) only says yes where
    the canonical forms are equal; True against 1 and the JSON 1 against 1.0 go the long way."""
    twin = [draw.draw(st.sampled_from([row, tuple(_retyped(v) for v in row)])) for row in data]
    left, right = rs("a b", *data), rs("a b", *twin)
    if left.same_as(right):
        assert canonical_equal(left, right)
    assert compare_results(left, right).equal == canonical_equal(left, right)


def _retyped(value: object) -> object:
    """An equal-by-== value of another type, where there is one."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dict):
        return {k: float(v) for k, v in value.items()}
    return value


def test_the_fast_path_takes_same_rows_in_the_same_order() -> None:
    expected = rs("n d", (1, Decimal("2.50")), (None, Decimal("1")))
    assert expected.same_as(rs("n d", (1, Decimal("2.50")), (None, Decimal("1"))))
    assert not expected.same_as(rs("n d", (None, Decimal("1")), (1, Decimal("2.50"))))
    assert not rs("b", (True,)).same_as(rs("b", (1,)))
    assert not compare_results(rs("b", (True,)), rs("b", (1,))).equal
    assert not rs("j", ({"a": 1},)).same_as(rs("j", ({"a": 1},)))  # JSON: the long way
