"""Where pgdojo keeps its data and which PostgreSQL it uses, from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from pgdojo.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Process-wide settings. Built once from the environment by `Settings.from_env`."""

    home: Path
    database_url: str | None = None
    content_dirs: tuple[Path, ...] = field(default_factory=tuple)
    port: int | None = None
    user: str = "local"

    @property
    def pgdata(self) -> Path:
        return self.home / "pgdata"

    @classmethod
    def from_env(cls, content_dirs: tuple[Path, ...] = ()) -> Settings:
        """Read PGDOJO_HOME, PGDOJO_DATABASE_URL, PGDOJO_CONTENT, PGDOJO_PORT, PGDOJO_USER."""
        home_env = os.environ.get("PGDOJO_HOME")
        home = Path(home_env) if home_env else platformdirs.user_data_path("pgdojo")
        extra = tuple(
            Path(p) for p in os.environ.get("PGDOJO_CONTENT", "").split(os.pathsep) if p.strip()
        )
        port_env = os.environ.get("PGDOJO_PORT")
        port = None
        if port_env:
            if not port_env.isdigit() or not 0 < int(port_env) < 65536:
                raise ConfigError(f"PGDOJO_PORT must be a TCP port number (got {port_env!r})")
            port = int(port_env)
        return cls(
            home=home.expanduser().resolve(),
            database_url=os.environ.get("PGDOJO_DATABASE_URL") or None,
            content_dirs=extra + tuple(content_dirs),
            port=port,
            user=os.environ.get("PGDOJO_USER") or _login_name(),
        )


def _login_name() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or "local"
