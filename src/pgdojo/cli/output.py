"""How commands print: Rich for people, one JSON object on stdout with --json."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from pgdojo.errors import ContentError, EngineError, PgdojoError, UsageError

console = Console()
err_console = Console(stderr=True)

EXIT_OK, EXIT_NOT_ACCEPTED, EXIT_USAGE, EXIT_ENGINE = 0, 1, 2, 3


def _default(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Path | set):
        return str(value) if isinstance(value, Path) else sorted(value)
    return str(value)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, default=_default, indent=2) + "\n")


def emit(data: Any, as_json: bool, render: Callable[[], None]) -> None:
    """Print `data` as JSON, or call `render` to show it to a person."""
    if as_json:
        print_json(data)
    else:
        render()


def fail(error: PgdojoError, as_json: bool) -> NoReturn:
    """Report a user-facing error and exit: 2 for usage errors, 3 for engine/content trouble."""
    code = EXIT_ENGINE if isinstance(error, EngineError | ContentError) else EXIT_USAGE
    if as_json:
        print_json({"ok": False, "error": str(error), "code": error.code})
    else:
        err_console.print(f"[bold red]error:[/] {error}", highlight=False)
    raise typer.Exit(code)


def read_source(path: str) -> str:
    """The SQL in FILE, or on standard input when FILE is '-'."""
    if path == "-":
        return sys.stdin.read()
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"{path}: no such file (give a .sql file, or - to read standard input)")
    return file.read_text(encoding="utf-8", errors="replace")


@contextmanager
def progress_bar(as_json: bool) -> Iterator[Callable[[str, float], None] | None]:
    """A Rich progress bar while a run goes (nothing with --json)."""
    if as_json:
        yield None
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("starting", total=1.0)

        def update(step: str, fraction: float) -> None:
            bar.update(task, description=step[:60], completed=fraction)

        yield update
