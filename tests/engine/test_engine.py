from __future__ import annotations

import os
import socket
import stat
import subprocess
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from pgdojo.config import Settings
from pgdojo.engine import EmbeddedServer, Engine, ExternalServer
from pgdojo.engine.server import SERVER_OS_USER
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


# -- the main server's local logins need the admin password ------------------------------------
def _psql_as_server_user(server: EmbeddedServer) -> subprocess.CompletedProcess[str]:
    """psql over the Unix socket as the server's own OS user, offering no password (-w)."""
    socket_dir, port = str(server.socket_dir), str(server.port())
    argv = ["psql", "-h", socket_dir, "-p", port, "-U", "postgres", "-w", "-c", "SELECT 1"]
    return server._run([*argv, "postgres"], check=False)


def _assert_needs_password(server: EmbeddedServer) -> None:
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(make_conninfo(server.admin_conninfo(), password="", passfile=os.devnull))
    result = _psql_as_server_user(server)
    assert result.returncode != 0 and "password" in result.stderr, result.stderr
    with psycopg.connect(server.admin_conninfo()) as conn:
        assert conn.execute(
            "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'"
        ).fetchone() == (0,)


def _assert_private(path: Path) -> None:
    info = path.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600 and info.st_uid == os.geteuid()
    if os.geteuid() == 0:  # the server runs as SERVER_OS_USER, which must not read it
        denied = subprocess.run(["cat", str(path)], user=SERVER_OS_USER, capture_output=True)
        assert denied.returncode != 0


def test_main_server_refuses_a_passwordless_socket_login(engine: Engine) -> None:
    server = engine.server
    assert isinstance(server, EmbeddedServer) and server.local_auth == "scram-sha-256"
    _assert_needs_password(server)
    _assert_private(server.password_file)


def test_engine_starts_in_a_fresh_home_and_after_a_restart(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", user="fresh")
    first = Engine.from_settings(settings).start()
    server = first.server
    assert isinstance(server, EmbeddedServer)
    try:
        with psycopg.connect(first.store_conninfo()) as conn:
            conn.execute("CREATE TABLE kept (n int)")
        _assert_private(server.password_file)
        assert server.password_file.parent == settings.home
        assert server.stop() and not server.is_running()  # what `pgdojo engine stop` does
        again = Engine.from_settings(settings).start()
        with psycopg.connect(again.store_conninfo()) as conn:
            assert conn.execute("SELECT count(*) FROM kept").fetchone() == (0,)
        assert isinstance(again.server, EmbeddedServer)
        _assert_needs_password(again.server)
    finally:
        server.stop()


@pytest.mark.parametrize("old_server", ["stopped", "still running"])
def test_a_trust_data_dir_is_moved_to_a_password(tmp_path: Path, old_server: str) -> None:
    pgdata = tmp_path / "pgdata"
    old = EmbeddedServer(pgdata)  # as earlier pgdojo versions made it: local trust
    old.ensure_running()
    try:
        with psycopg.connect(old.admin_conninfo(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE kept")
        assert not old.password_file.exists()
        if old_server == "stopped":
            old.stop()
        new = EmbeddedServer(pgdata, local_auth="scram-sha-256")
        new.ensure_running()
        assert "password=" in new.admin_conninfo()
        with psycopg.connect(new.admin_conninfo("kept")) as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("postgres",)
        _assert_needs_password(new)
        _assert_private(new.password_file)
        hba = (pgdata / "pg_hba.conf").read_text()
        assert "trust" not in "".join(x for x in hba.splitlines() if x.startswith("local"))
        # The password's text never reached the server: only its SCRAM verifier did.
        password = new.admin_password()
        with psycopg.connect(new.admin_conninfo(), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            texts = conn.execute("SELECT query FROM pg_stat_statements").fetchall()
        assert any("ALTER ROLE" in text for (text,) in texts)
        assert not any(password in text for (text,) in texts)
        assert password not in (tmp_path / "postgres.log").read_text()

        # A deleted password file is replaced (pgdojo owns the data dir), not a dead end.
        new.password_file.unlink()
        renewed = EmbeddedServer(pgdata, local_auth="scram-sha-256")
        renewed.ensure_running()
        assert renewed.admin_password() != password
        _assert_needs_password(renewed)
    finally:
        old.stop()


def test_a_password_file_others_can_read_is_refused(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path / "pgdata", local_auth="scram-sha-256")
    server.password_file.write_text("secret\n")
    server.password_file.chmod(0o644)
    with pytest.raises(EngineStartError, match="0600"):
        server.admin_password()
