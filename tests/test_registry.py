"""The track registry: every track package registers itself, and the interfaces use it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.routing import APIRoute

from pgdojo.api.server import create_app
from pgdojo.cli.app import app as cli_app
from pgdojo.config import Settings
from pgdojo.engine import Engine
from pgdojo.registry import resolve, tracks
from pgdojo.services import Services

TRACKS = Path(__file__).resolve().parents[1] / "src" / "pgdojo" / "tracks"


def test_every_track_package_is_registered() -> None:
    """A package with a track.py but no __init__.py would be skipped by the discovery."""
    packages = {p.parent.name for p in TRACKS.glob("*/track.py")}
    assert packages == {spec.id for spec in tracks()}
    assert all((TRACKS / name / "__init__.py").exists() for name in packages)


def test_interfaces_come_from_the_registry(services: Services) -> None:
    commands = {group.name for group in cli_app.registered_groups} | {
        command.name for command in cli_app.registered_commands
    }
    paths = set(create_app(services).openapi()["paths"])
    for spec in tracks():
        for name, target in spec.cli:
            assert name in commands and resolve(target) is not None
        for name, _ in spec.commands:
            assert name in commands
        if spec.api:
            router = resolve(spec.api)
            assert {r.path for r in router.routes if isinstance(r, APIRoute)} <= paths
        if spec.pages:
            resolve(spec.pages)


def test_warming_builds_every_track_and_names_a_broken_one(
    services: Services, settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    assert services.warm() == []
    assert set(services._tracks) == {spec.id for spec in tracks()}
    # A pack with a broken problem: the tracks that read it fail to build, the others do.
    broken = tmp_path / "broken-pack" / "bad-problem"
    broken.mkdir(parents=True)
    (broken / "problem.md").write_text("---\ntitle: [unclosed\n---\n")
    other = Services(replace(settings, content_dirs=(tmp_path / "broken-pack",)))
    other.__dict__["engine"] = engine
    try:
        errors = other.warm()
        # The SQL track, and any track built on its problems, each name the file.
        assert errors and errors[0].startswith("SQL")
        assert all("bad-problem/problem.md" in e for e in errors)
        assert len(other._tracks) == len(tracks()) - len(errors) > 0
    finally:
        other.close()
