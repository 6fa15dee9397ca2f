"""EXPLAIN plans of the application's queries, and what a scenario reads from them.

Plans are taken with `Lab.probe()` (the pgdojo_probe role, SELECT on the app's tables and no
more), never as the superuser: planning a candidate's view folds its IMMUTABLE functions, and
those run as whoever plans.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg.abc import Params


def explain(
    conn: psycopg.Connection[Any], query: str, params: Params | None = None
) -> dict[str, Any]:
    """The root node of EXPLAIN (FORMAT JSON) of `query`: planned with these parameters (their
    types matter: a numeric parameter is not a bigint one), not run."""
    row = conn.execute(("EXPLAIN (FORMAT JSON) " + query).encode(), params).fetchone()
    assert row is not None
    return dict(row[0][0]["Plan"])


def plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every node of a plan, depth first."""
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def node_types(plan: dict[str, Any]) -> list[str]:
    """['Limit', 'Sort', 'Seq Scan']: the plan's shape."""
    return [n["Node Type"] for n in plan_nodes(plan)]


def node_labels(plan: dict[str, Any]) -> list[str]:
    """The plan's shape with index names: ['Limit', 'Index Scan (tasks_priority_idx)']."""
    return [
        f"{n['Node Type']} ({n['Index Name']})" if "Index Name" in n else n["Node Type"]
        for n in plan_nodes(plan)
    ]


def indexes_used(plan: dict[str, Any]) -> list[str]:
    """The names of the indexes the plan scans, sorted."""
    return sorted({n["Index Name"] for n in plan_nodes(plan) if "Index Name" in n})
