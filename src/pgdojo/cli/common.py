"""Pieces every command module shares: the --json option and turning errors into exits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from pgdojo.cli.output import fail
from pgdojo.errors import PgdojoError

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]
T = TypeVar("T")


def guard(as_json: bool, action: Callable[[], T]) -> T:
    """Run `action`; a PgdojoError becomes a clear message and exit code 2 or 3."""
    try:
        return action()
    except PgdojoError as exc:
        fail(exc, as_json)
