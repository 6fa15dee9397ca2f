"""The Services object a command runs with, built from global options once per process."""

from __future__ import annotations

from pathlib import Path

from pgdojo.config import Settings
from pgdojo.services import Services

_state: dict[str, object] = {"content": ()}
_services: list[Services] = []


def set_content_dirs(dirs: tuple[Path, ...]) -> None:
    _state["content"] = dirs


def services() -> Services:
    if not _services:
        content = _state["content"]
        assert isinstance(content, tuple)
        _services.append(Services(Settings.from_env(content_dirs=content)))
    return _services[0]


def close() -> None:
    while _services:
        _services.pop().close()
