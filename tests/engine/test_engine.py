from __future__ import annotations

import socket
from pathlib import Path

import psycopg
import pytest

from pgdojo.config import Settings
from pgdojo.engine import EmbeddedServer, Engine, ExternalServer
from pgdojo.errors import ConfigError, EngineStartError


def test_engine_is_reused_by_a_second_process_view(settings: Settings, engine: Engine) -> None:
    again = Engine.from_settings(settings).start()
    with psycopg.connect(again.store_conninfo()) as conn:
        assert conn.execute("SELECT count(*) FROM schema_migration").fetchone()[0] >= 1  # type: ignore[index]
    assert again.info().running


def test_server_settings_for_the_judge(engine: Engine) -> None:
    with psycopg.connect(engine.admin_conninfo()) as conn:
        rows = dict(
            conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN"
                " ('shared_preload_libraries', 'server_version_num', 'lc_collate', 'TimeZone')"
            ).fetchall()
        )
    assert rows["shared_preload_libraries"] == "pg_stat_statements"
    assert int(rows["server_version_num"]) >= 180000
    assert rows["TimeZone"] == "UTC"


def test_external_server_by_url(engine: Engine) -> None:
    """The same code runs against a server given by URL (here: the test server over its socket)."""
    external = Engine(ExternalServer(engine.admin_conninfo("postgres"))).start()
    with psycopg.connect(external.sandbox_conninfo()) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("pgdojo_sandbox",)
    assert external.info().kind == "external"


def test_bad_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="PGDOJO_DATABASE_URL"):
        ExternalServer("postgresql://[::1")


def test_port_in_use_is_explained(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = EmbeddedServer(tmp_path / "pgdata", port=port)
        with pytest.raises(EngineStartError, match=f"port {port}"):
            server.ensure_running()
    server.stop()


def test_data_dir_that_is_not_postgres_is_refused(tmp_path: Path) -> None:
    pgdata = tmp_path / "pgdata"
    pgdata.mkdir()
    (pgdata / "notes.txt").write_text("mine")
    with pytest.raises(EngineStartError, match="holds no PostgreSQL data directory"):
        EmbeddedServer(pgdata).ensure_running()


def test_bad_port_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGDOJO_PORT", "99999")
    with pytest.raises(ConfigError, match="PGDOJO_PORT"):
        Settings.from_env()
