"""pgdojo: practice database interviews on a real PostgreSQL."""

__version__ = "0.1.0"
