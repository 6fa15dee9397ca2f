"""The exceptions pgdojo raises on purpose.

    PgdojoError                 every error meant for the user: message says what, where, what to do
    ├── ConfigError             a bad setting (environment variable, option)
    ├── EngineError             PostgreSQL could not be started, reached or provisioned
    │   └── EngineStartError    the embedded server failed to start (port, permissions, disk)
    ├── ContentError            a malformed question bank file (names the file, field and reason)
    ├── NotFoundError           an unknown id (problem, scenario, topic)
    └── UsageError              a request that cannot be served as asked (e.g. empty submission)

Interfaces map these to exit code 2 (CLI) or a 4xx JSON error (API); anything else is a bug.
"""

from __future__ import annotations


class PgdojoError(Exception):
    """Base of every error pgdojo reports to a user."""

    code = "error"


class ConfigError(PgdojoError):
    code = "config"


class EngineError(PgdojoError):
    code = "engine"


class EngineStartError(EngineError):
    code = "engine_start"


class ContentError(PgdojoError):
    """A question bank file is malformed; the message names the file, the field and the reason."""

    code = "content"

    def __init__(self, path: str, reason: str, field: str | None = None) -> None:
        self.path = path
        self.field = field
        self.reason = reason
        where = f"{path}: `{field}`" if field else path
        super().__init__(f"{where}: {reason}")


class NotFoundError(PgdojoError):
    code = "not_found"


class UsageError(PgdojoError):
    code = "usage"
