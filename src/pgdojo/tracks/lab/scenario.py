"""What a lab scenario is, and the loader that finds them (one folder per scenario).

A scenario folder under `tracks/lab/scenarios/` holds `scenario.md` (the pager briefing,
hints and debrief, with a YAML front matter) and `__init__.py` defining `SCENARIO`, an
instance of a `Scenario` subclass: how to set the incident up, the workload that produces the
symptom, how to measure it, and what counts as the root cause fixed and prevention in place.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import psycopg
from pydantic import BaseModel, ConfigDict, Field

from pgdojo.content.loader import read_content, split_front_matter
from pgdojo.errors import ContentError
from pgdojo.tracks.lab.cluster import LabCluster
from pgdojo.tracks.lab.state import EVENTS_FILE, LabState, read_jsonl, recent_metrics
from pgdojo.tracks.lab.workload import WorkloadContext


class ScenarioDoc(BaseModel):
    """The front matter of scenario.md plus its two sections."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    severity: str = "SEV-2"
    service: str = "shop-api"
    alert: str = Field(min_length=10)
    difficulty: str = "medium"
    forbids_restart: bool = True
    hints: list[str] = Field(min_length=3, max_length=3)
    briefing: str = ""
    debrief: str = ""


@dataclass
class Finding:
    """One line of a check: what was looked at, whether it is fine, and why."""

    name: str
    ok: bool
    detail: str
    measured: dict[str, Any] = field(default_factory=dict)


@dataclass
class Lab:
    """A running lab as scenario code sees it."""

    root: Path
    state: LabState
    cluster: LabCluster

    @contextlib.contextmanager
    def admin(
        self, dbname: str = "shop", standby: bool = False
    ) -> Iterator[psycopg.Connection[Any]]:
        """A superuser connection over the socket, for pgdojo's own measurements."""
        conninfo = (
            self.cluster.standby_admin_conninfo(dbname)
            if standby
            else self.cluster.admin_conninfo(dbname)
        )
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            yield conn

    def metrics(self, seconds: float = 3.0) -> dict[str, Any]:
        return recent_metrics(self.root, seconds)

    def events(self, name: str | None = None) -> list[dict[str, Any]]:
        records = read_jsonl(self.root / EVENTS_FILE)
        return [r for r in records if name is None or r.get("event") == name]


class Scenario:
    """Base class: subclasses fill in the incident."""

    doc: ScenarioDoc
    settings: ClassVar[dict[str, str]] = {}
    needs_standby: ClassVar[bool] = False
    # A symptom must be visible within this many seconds of the workload starting.
    warmup_s: ClassVar[float] = 6.0

    @property
    def id(self) -> str:
        return self.doc.id

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        """Schema and data, as the superuser in database shop (tables owned by app_owner)."""
        raise NotImplementedError

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        """The application's sessions and the culprit's, each a function run in a thread."""
        raise NotImplementedError

    def measure(self, lab: Lab) -> dict[str, Any]:
        """The live symptom figures: the workload's plus whatever the engine shows."""
        return lab.metrics()

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        raise NotImplementedError

    def root_cause(self, lab: Lab) -> Finding:
        raise NotImplementedError

    def prevention(self, lab: Lab) -> Finding:
        raise NotImplementedError

    def diagnosis_terms(self, lab: Lab) -> list[str]:
        """Words one of which a correct root-cause statement names (a pid, a table, ...)."""
        raise NotImplementedError

    def extra_traps(self, lab: Lab) -> list[Finding]:
        """Scenario-specific traps measured on the engine or from workload events."""
        return []


def _doc_for(module_file: str) -> ScenarioDoc:
    path = Path(module_file).with_name("scenario.md")
    data, body = split_front_matter(read_content(path), path)
    sections = {"briefing": "", "debrief": ""}
    for name in sections:
        marker = f"## {name.capitalize()}"
        start = body.find(marker)
        if start == -1:
            raise ContentError(str(path), f"section '{marker}' is missing")
        rest = body[start + len(marker) :]
        end = rest.find("\n## ")
        sections[name] = (rest if end == -1 else rest[:end]).strip()
    try:
        return ScenarioDoc.model_validate({**data, **sections})
    except Exception as exc:
        raise ContentError(str(path), str(exc)) from exc


def scenario_doc(module_file: str) -> ScenarioDoc:
    """For scenario modules: `doc = scenario_doc(__file__)`."""
    return _doc_for(module_file)


def load_scenario(scenario_id: str) -> Scenario:
    """One scenario by id, importing only its own package (the workload process uses this, so
    a broken package elsewhere cannot stop a lab's workload)."""
    from pgdojo.tracks.lab import scenarios as package

    module = importlib.import_module(f"{package.__name__}.{scenario_id.replace('-', '_')}")
    scenario = getattr(module, "SCENARIO", None)
    if not isinstance(scenario, Scenario) or scenario.id != scenario_id:
        raise ContentError(str(module.__file__), f"does not define SCENARIO for {scenario_id!r}")
    return scenario


def load_scenarios() -> dict[str, Scenario]:
    """Every scenario package under tracks/lab/scenarios, by id."""
    from pgdojo.tracks.lab import scenarios as package

    found: dict[str, Scenario] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        scenario = getattr(module, "SCENARIO", None)
        if isinstance(scenario, Scenario):
            found[scenario.id] = scenario
    return found
