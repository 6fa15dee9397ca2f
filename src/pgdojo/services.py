"""Wiring: settings → engine → store and attempts; each track's service from the registry.

Built once per process, lazily: nothing starts until first needed. A track's service is built
by its registry entry (`TrackSpec.build`) the first time `Services.track(ServiceClass)` asks.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import Any, TypeVar

from pgdojo.attempts import AttemptLog
from pgdojo.config import Settings
from pgdojo.engine import Engine
from pgdojo.errors import PgdojoError
from pgdojo.registry import TrackSpec, tracks
from pgdojo.store import Store

S = TypeVar("S")
log = logging.getLogger(__name__)


class Services:
    """The service layer every interface uses."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._tracks: dict[str, Any] = {}
        self._lock = threading.RLock()

    @cached_property
    def engine(self) -> Engine:
        return Engine.from_settings(self.settings).start()

    @cached_property
    def store(self) -> Store:
        return Store(self.engine.store_conninfo(), self.settings.user)

    @cached_property
    def attempts(self) -> AttemptLog:
        return AttemptLog(self.store)

    def spec_for(self, service: type[Any]) -> TrackSpec[Any]:
        for spec in tracks():
            if issubclass(spec.service, service):
                return spec
        raise LookupError(f"no registered track provides {service.__name__}")

    def track(self, service: type[S]) -> S:
        """The service of the track that provides `service`, built on first use."""
        spec = self.spec_for(service)
        with self._lock:
            if spec.id not in self._tracks:
                self._tracks[spec.id] = spec.build(self)
            built: S = self._tracks[spec.id]
        return built

    def warm(self) -> list[str]:
        """Build every track now (a server does, in the background, so that the first visit
        to a page does not wait for its content to load); the errors, one line per track
        (the same error reaches the track's pages when they ask)."""
        errors = []
        for spec in tracks():
            try:
                self.track(spec.service)
            except PgdojoError as exc:
                errors.append(f"{spec.title}: {exc}")
                log.warning("track %s could not be built: %s", spec.id, exc)
        return errors

    def track_by_id(self, track_id: str) -> Any:
        spec = next((s for s in tracks() if s.id == track_id), None)
        if spec is None:
            raise LookupError(f"no track {track_id!r}")
        return self.track(spec.service)

    def close(self) -> None:
        with self._lock:
            for service in self._tracks.values():
                close = getattr(service, "close", None)
                if callable(close):
                    close()
            self._tracks.clear()
        if "store" in self.__dict__:
            self.store.close()
