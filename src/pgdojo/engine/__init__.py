"""PostgreSQL: the embedded or external server, its databases and roles."""

from pgdojo.engine.engine import Engine
from pgdojo.engine.server import EmbeddedServer, ExternalServer, Server, ServerInfo

__all__ = ["EmbeddedServer", "Engine", "ExternalServer", "Server", "ServerInfo"]
