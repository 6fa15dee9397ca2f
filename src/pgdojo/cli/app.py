"""`pgdojo`: the root command, global options, `doctor`, `engine` and `serve`."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pgdojo import __version__
from pgdojo.cli import context
from pgdojo.cli.common import JsonOpt
from pgdojo.cli.output import console, emit, fail
from pgdojo.errors import PgdojoError
from pgdojo.registry import DoctorCheck, resolve, tracks

app = typer.Typer(
    name="pgdojo",
    help="Practice senior, staff and principal database interviews on a real PostgreSQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for _spec in tracks():
    for _name, _target in _spec.cli:
        app.add_typer(resolve(_target), name=_name)
    for _name, _target in _spec.commands:
        app.command(_name)(resolve(_target))
engine_app = typer.Typer(help="The PostgreSQL server pgdojo uses.", no_args_is_help=True)
app.add_typer(engine_app, name="engine")


@app.callback()
def root(
    content: Annotated[
        list[Path] | None,
        typer.Option(
            "--content", help="Extra content pack folder (repeatable); PGDOJO_CONTENT also works."
        ),
    ] = None,
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
) -> None:
    if version:
        console.print(f"pgdojo {__version__}")
        raise typer.Exit()
    context.set_content_dirs(tuple(content or ()))


@app.command()
def doctor(as_json: JsonOpt = False) -> None:
    """What is installed, where data lives, whether the engine starts."""
    svc = context.services()
    report: dict[str, object] = {
        "version": __version__,
        "python": sys.version.split()[0],
        "home": str(svc.settings.home),
        "user": svc.settings.user,
        "engine": "external" if svc.settings.database_url else "embedded",
    }
    checks: list[DoctorCheck] = []
    try:
        started = time.perf_counter()
        engine = svc.engine
        info = engine.info()
        report["engine_start_ms"] = round((time.perf_counter() - started) * 1000, 1)
        report["server"] = {
            "version": info.version,
            "location": info.location,
            "running": info.running,
        }
        address = engine.server.tcp_address()
        report["tcp"] = f"{address[0]}:{address[1]}" if address else None
        checks.append(
            DoctorCheck("engine", True, f"{info.version} ({info.kind}) at {info.location}")
        )
    except PgdojoError as exc:
        checks.append(DoctorCheck("engine", False, str(exc)))
    content: dict[str, dict[str, int]] = {}
    for spec in tracks():
        if spec.doctor is None:
            continue
        track_checks = spec.doctor(svc)
        checks.extend(track_checks)
        content[spec.id] = {c.name: c.count or 0 for c in track_checks if c.count is not None}
    report["content"] = content
    report["problems"] = content.get("sql", {}).get("problems", 0)
    usage = shutil.disk_usage(svc.settings.home if svc.settings.home.exists() else Path.home())
    free_gb = usage.free / 1e9
    checks.append(DoctorCheck("disk", free_gb > 1, f"{free_gb:.1f} GB free"))
    report["checks"] = [c.to_dict() for c in checks]
    report["ok"] = all(c.ok for c in checks)

    def render() -> None:
        table = Table(title=f"pgdojo {__version__}", show_header=False)
        for check in checks:
            table.add_row(check.name, "[green]ok[/]" if check.ok else "[red]FAIL[/]", check.detail)
        table.add_row("data", "", str(svc.settings.home))
        if report.get("tcp"):
            table.add_row("tcp", "", str(report["tcp"]))
        console.print(table)

    emit(report, as_json, render)
    if not report["ok"]:
        raise typer.Exit(3)


@engine_app.command("start")
def engine_start(as_json: JsonOpt = False) -> None:
    """Start the embedded PostgreSQL (or check the external one)."""
    svc = context.services()
    try:
        info = svc.engine.info()
    except PgdojoError as exc:
        fail(exc, as_json)
    emit(
        {"ok": True, "running": info.running, "location": info.location},
        as_json,
        lambda: console.print(f"PostgreSQL running: {info.version} at {info.location}"),
    )


@engine_app.command("stop")
def engine_stop(as_json: JsonOpt = False) -> None:
    """Stop the embedded PostgreSQL."""
    from pgdojo.engine import EmbeddedServer
    from pgdojo.engine.server import make_server

    settings = context.services().settings
    server = make_server(settings.database_url, settings.pgdata, settings.port)
    stopped = server.stop() if isinstance(server, EmbeddedServer) else False
    emit(
        {"ok": True, "stopped": stopped},
        as_json,
        lambda: console.print("stopped" if stopped else "not running (or external)"),
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8765,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another name the server is reached by (repeatable), e.g. behind a proxy or "
            "with --host 0.0.0.0; localhost, 127.0.0.1, [::1] and --host are always answered.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The web UI and the JSON API on http://127.0.0.1:8765."""
    from pgdojo.api.server import run_server

    svc = context.services()
    try:
        svc.engine  # noqa: B018 - start PostgreSQL before accepting requests
    except PgdojoError as exc:
        fail(exc, as_json)
    if as_json:
        emit({"ok": True, "url": f"http://{host}:{port}", "pid": os.getpid()}, True, lambda: None)
    # The tracks load their content while the server starts answering.
    threading.Thread(target=svc.warm, name="pgdojo-warm", daemon=True).start()
    run_server(svc, host, port, allow_host or ())


def main() -> None:
    try:
        app()
    except PgdojoError as exc:
        # Raised while building a service (content, engine) outside a command's own guard.
        try:
            fail(exc, "--json" in sys.argv)
        except typer.Exit as exit_:
            sys.exit(exit_.exit_code)
    finally:
        context.close()


if __name__ == "__main__":
    main()
