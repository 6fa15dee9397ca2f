from __future__ import annotations

from collections.abc import Iterator

import pytest

from pgdojo.content import Problem, load_problems
from pgdojo.engine import Engine
from pgdojo.tracks.sql import Judge, Sandbox


@pytest.fixture(scope="session")
def problems() -> dict[str, Problem]:
    return load_problems()


@pytest.fixture(scope="session")
def judge(engine: Engine) -> Iterator[Judge]:
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=4)
    yield Judge(sandbox)
    sandbox.close()


@pytest.fixture(scope="session")
def single_judge(engine: Engine) -> Iterator[Judge]:
    """One pooled connection: the next submission reuses the hostile one's connection."""
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1)
    yield Judge(sandbox)
    sandbox.close()
