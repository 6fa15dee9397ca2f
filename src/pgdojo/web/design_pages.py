"""System design pages (being written)."""
