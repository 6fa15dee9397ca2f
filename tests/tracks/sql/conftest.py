from __future__ import annotations

from collections.abc import Iterator

import pytest

from pgdojo.content import Problem, load_problems
from pgdojo.engine import Engine
from pgdojo.engine.provision import JUDGE_DB
from pgdojo.tracks.sql import Judge, Sandbox
from pgdojo.tracks.sql.datasets import DatasetStore


@pytest.fixture(scope="session")
def problems() -> dict[str, Problem]:
    return load_problems()


@pytest.fixture(scope="session")
def datasets(engine: Engine) -> Iterator[DatasetStore]:
    store = DatasetStore(engine.admin_conninfo(JUDGE_DB))
    yield store
    store.close()


@pytest.fixture(scope="session")
def judge(engine: Engine, datasets: DatasetStore) -> Iterator[Judge]:
    """The judge as pgdojo builds it: query problems' datasets read in place."""
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=4, datasets=datasets)
    yield Judge(sandbox)
    sandbox.close()


@pytest.fixture(scope="session")
def loading_judge(engine: Engine) -> Iterator[Judge]:
    """Every dataset loaded per judging (no materialised datasets)."""
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=2)
    yield Judge(sandbox)
    sandbox.close()


@pytest.fixture(scope="session")
def single_judge(engine: Engine, datasets: DatasetStore) -> Iterator[Judge]:
    """One pooled connection: the next submission reuses the hostile one's connection."""
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=1, datasets=datasets)
    yield Judge(sandbox)
    sandbox.close()
