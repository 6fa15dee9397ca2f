"""The track registry: every track declares itself once, and the interfaces iterate it.

A track is a package under `pgdojo/tracks/` with a module `track.py` that defines
`SPEC = TrackSpec(...)`: its id and title, how to build its service from the shared
`Services`, its CLI sub-apps, API router and web pages (as "module:attribute" strings, so that
the layers below never import an interface), its navigation links, its part of the home page
and progress, and its doctor checks. `tracks()` finds them; nothing else lists the tracks.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pgdojo.errors import PgdojoError

if TYPE_CHECKING:
    from pgdojo.attempts import TrackProgress
    from pgdojo.services import Services

S = TypeVar("S")
C = TypeVar("C")


@dataclass(frozen=True)
class DoctorCheck:
    """One line of `pgdojo doctor`: a content kind and its count, or another check."""

    name: str
    ok: bool
    detail: str
    count: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "ok": self.ok, "detail": self.detail}
        if self.count is not None:
            data["count"] = self.count
        return data


def count_checks(load: Callable[[], C], kinds: dict[str, Callable[[C], int]]) -> list[DoctorCheck]:
    """Content-kind checks over one load: each kind is ok when at least one is found; a
    content error (a missing or malformed file) fails every kind, naming the file."""
    try:
        loaded = load()
    except PgdojoError as exc:
        return [DoctorCheck(kind, False, str(exc), 0) for kind in kinds]
    checks = []
    for kind, count in kinds.items():
        found = count(loaded)
        checks.append(DoctorCheck(kind, found > 0, f"{found} {kind}", found))
    return checks


@dataclass(frozen=True)
class HomeCard:
    """A track's part of the home page: a headline figure, a few lines, its progress."""

    track: str
    title: str
    link: str
    headline: str
    # (label, link) of the items worth doing next.
    next_items: list[tuple[str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    # A small bar chart: its title and (label, value) bars.
    bars_title: str = ""
    bars: list[tuple[str, float]] = field(default_factory=list)
    progress: TrackProgress | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "title": self.title,
            "link": self.link,
            "headline": self.headline,
            "next_items": [{"label": label, "link": link} for label, link in self.next_items],
            "lines": self.lines,
            "bars_title": self.bars_title,
            "bars": [{"label": label, "value": value} for label, value in self.bars],
            "progress": self.progress.to_dict() if self.progress else None,
        }


@dataclass(frozen=True)
class PracticeItem:
    """Something to practise on a track, as the plan and the mocks pick them: weakest first."""

    track: str
    item_id: str
    title: str
    link: str
    command: str
    minutes: int
    weakness: float  # 1.0 never tried ... 0.0 mastered
    mastered: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "item_id": self.item_id,
            "title": self.title,
            "link": self.link,
            "command": self.command,
            "minutes": self.minutes,
            "weakness": round(self.weakness, 2),
            "mastered": self.mastered,
        }


@dataclass(frozen=True)
class TrackSpec(Generic[S]):
    """What a track declares about itself."""

    id: str
    title: str
    order: int
    service: type[S]
    build: Callable[[Services], S]
    # Its checks, one per content kind it ships (None: the track ships no content).
    doctor: Callable[[Services], list[DoctorCheck]] | None
    home: Callable[[S], HomeCard] | None = None
    # What there is to practise, weakest first (the plan and the mocks read it).
    practice: Callable[[S], list[PracticeItem]] | None = None
    # The track's own figures on the progress page (solved by pattern, traps, ...).
    progress: Callable[[S], dict[str, Any]] | None = None
    # (command name, "module:Typer attribute") for each CLI sub-app the track adds.
    cli: tuple[tuple[str, str], ...] = ()
    # (command name, "module:function") for top-level commands (`pgdojo cheatsheet`).
    commands: tuple[tuple[str, str], ...] = ()
    # "module:APIRouter attribute" mounted under /api/v1.
    api: str | None = None
    # A module whose import registers the track's NiceGUI pages.
    pages: str | None = None
    # (label, path) entries of the navigation bar.
    nav: tuple[tuple[str, str], ...] = ()


def resolve(target: str) -> Any:
    """'package.module:attribute' -> the attribute."""
    module, _, attribute = target.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded


@cache
def tracks() -> tuple[TrackSpec[Any], ...]:
    """Every registered track, in their declared order."""
    from pgdojo import tracks as package

    found: list[TrackSpec[Any]] = []
    for info in pkgutil.iter_modules(package.__path__):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"{package.__name__}.{info.name}.track")
        except ModuleNotFoundError as exc:
            if exc.name == f"{package.__name__}.{info.name}.track":
                continue  # a package without a track module is not a track
            raise
        spec = getattr(module, "SPEC", None)
        if isinstance(spec, TrackSpec):
            found.append(spec)
    return tuple(sorted(found, key=lambda t: (t.order, t.id)))


def track(track_id: str) -> TrackSpec[Any]:
    for spec in tracks():
        if spec.id == track_id:
            return spec
    raise KeyError(track_id)
