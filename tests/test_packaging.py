"""The wheel ships every content file, and pgdojo works installed from it, not editable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "pgdojo"


def _package_data() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["pgdojo"]
    return patterns


def _matches(relative: str, pattern: str) -> bool:
    # setuptools' '**/' matches zero or more folders.
    return fnmatch(relative, pattern) or fnmatch(relative, pattern.replace("**/", ""))


def test_package_data_covers_every_file_that_is_not_code() -> None:
    patterns = _package_data()
    data_files = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert len(data_files) > 500
    missed = [f for f in data_files if not any(_matches(f, pat) for pat in patterns)]
    assert missed == [], f"not in [tool.setuptools.package-data]: {missed[:10]}"


def _run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=900, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]


@pytest.mark.slow
def test_installed_wheel_finds_all_content(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh venv (as `pip install pgdojo` would), and run
    doctor, lab list and deepdive list there, on a PostgreSQL of the venv's own."""
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)]
    )
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("pgdojo-*.whl"))
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)]).returncode == 0
    installed = _run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)])
    assert installed.returncode == 0, installed.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PGDOJO_", "PYTHON"))}
    env.update(PGDOJO_HOME=str(tmp_path / "home"), PGDOJO_USER="wheel")
    pgdojo = str(venv / "bin" / "pgdojo")
    try:
        # Run from elsewhere, so that nothing can be imported from the source tree.
        doctor = _run([pgdojo, "doctor", "--json"], env=env, cwd=tmp_path)
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        report = json.loads(doctor.stdout)
        assert report["ok"], report["checks"]
        counts = {kind: n for track in report["content"].values() for kind, n in track.items()}
        assert counts["problems"] >= 41 and counts["scenarios"] >= 10
        assert counts["topics"] >= 21 and counts["cards"] >= 200 and counts["experiments"] >= 5
        origin = _run(
            [str(venv / "bin" / "python"), "-c", "import pgdojo; print(pgdojo.__file__)"],
            env=env,
            cwd=tmp_path,
        )
        assert str(venv) in origin.stdout, origin.stdout
        labs = _run([pgdojo, "lab", "list", "--json"], env=env, cwd=tmp_path)
        assert labs.returncode == 0, labs.stderr
        assert len(json.loads(labs.stdout)["scenarios"]) >= 10
        topics = _run([pgdojo, "deepdive", "list", "--json"], env=env, cwd=tmp_path)
        assert topics.returncode == 0, topics.stderr
        assert len(json.loads(topics.stdout)["topics"]) >= 21
    finally:
        _run([pgdojo, "engine", "stop"], env=env, cwd=tmp_path)
