"""One embedded PostgreSQL for the whole run, in a private PGDOJO_HOME; stopped at the end."""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from pgdojo.config import Settings
from pgdojo.engine import EmbeddedServer, Engine
from pgdojo.services import Services

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

# Folders whose tests are slow by nature (real lab clusters, a real browser): marked `slow`, so
# that a plain `pytest` stays fast, and kept together on one xdist worker each (`make test` runs
# everything with `-n 2 --dist loadgroup`), so they do not contend with each other.
SLOW_GROUPS = {"tracks/lab": "labs", "web/test_browser.py": "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    root = Path(__file__).parent
    for item in items:
        relative = item.path.relative_to(root).as_posix()
        for prefix, group in SLOW_GROUPS.items():
            if relative.startswith(prefix):
                item.add_marker(pytest.mark.slow)
                item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def pgdojo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pgdojo-home")


@pytest.fixture(scope="session")
def settings(pgdojo_home: Path) -> Settings:
    return Settings(home=pgdojo_home, user="tester")


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    engine = Engine.from_settings(settings).start()
    yield engine
    if isinstance(engine.server, EmbeddedServer):
        engine.server.stop()


def _gone(server: EmbeddedServer) -> bool:
    """The postmaster is gone: seen twice, half a second apart (not one unlucky read)."""
    if server._running_port() is not None:
        return False
    time.sleep(0.5)
    return server._running_port() is None


@pytest.fixture(autouse=True)
def _session_server_still_runs(request: pytest.FixtureRequest) -> Iterator[None]:
    """The session's server must outlive every test. If one stops it, the test is named (with
    who stopped it, from stops.log) and the server restarted, so the rest of the run is not
    lost to one test."""
    yield
    if "engine" not in request.fixturenames:
        return
    engine: Engine = request.getfixturevalue("engine")
    server = engine.server
    if isinstance(server, EmbeddedServer) and _gone(server):
        stops = server.pgdata.parent / "stops.log"
        who = stops.read_text()[-3000:] if stops.exists() else "(no stops.log entry)"
        server.ensure_running()
        ARTIFACTS.mkdir(exist_ok=True)
        with (ARTIFACTS / "server-stops.txt").open("a") as out:
            out.write(f"after {request.node.nodeid}:\n{who}\n")
        warnings.warn(f"the session's server stopped during {request.node.nodeid}", stacklevel=1)


@pytest.fixture(scope="session")
def services(settings: Settings, engine: Engine) -> Iterator[Services]:
    svc = Services(settings)
    svc.__dict__["engine"] = engine  # share the session's engine
    yield svc
    svc.close()


@pytest.fixture()
def cli_env(pgdojo_home: Path, engine: Engine) -> dict[str, str]:
    """Environment for running the `pgdojo` command against the test server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PGDOJO_")}
    env.update(PGDOJO_HOME=str(pgdojo_home), PGDOJO_USER="cli-tester")
    return env
