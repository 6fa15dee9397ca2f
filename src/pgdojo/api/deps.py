"""FastAPI dependencies: the shared Services, and each track's service from the registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request

from pgdojo.services import Services

S = TypeVar("S")


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def provide(service: type[S]) -> Callable[[Request], S]:
    """A dependency that hands a route the track service `service` (built on first use; a
    content or engine error while building becomes the API's JSON error)."""

    def dependency(request: Request) -> S:
        return services(request).track(service)

    return dependency
