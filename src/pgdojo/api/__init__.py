"""The JSON API under /api/v1: a thin layer over the services."""
