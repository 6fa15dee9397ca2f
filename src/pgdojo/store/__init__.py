"""The store: the user's data in a PostgreSQL database of its own, with versioned migrations."""

from pgdojo.store.migrate import apply_migrations
from pgdojo.store.store import Attempt, Store

__all__ = ["Attempt", "Store", "apply_migrations"]
