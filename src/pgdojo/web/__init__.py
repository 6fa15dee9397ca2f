"""The web UI (NiceGUI), mounted on the same FastAPI app as the JSON API; pages call services."""
