"""The `pgdojo` command: a thin layer over the services."""
