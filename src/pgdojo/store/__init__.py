"""The store: the user's data in a PostgreSQL database of its own, with versioned migrations."""

from pgdojo.store.migrate import apply_migrations
from pgdojo.store.store import Store

__all__ = ["Store", "apply_migrations"]
