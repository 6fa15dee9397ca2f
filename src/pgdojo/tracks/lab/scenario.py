"""What a lab scenario is, and the loader that finds them (one folder per scenario).

A scenario folder under `tracks/lab/scenarios/` holds `scenario.md` (the pager briefing,
hints and debrief, with a YAML front matter) and `__init__.py` defining `SCENARIO`, an
instance of a `Scenario` subclass: how to set the incident up, the workload that produces the
symptom, how to measure it, and what counts as the root cause fixed and prevention in place.
docs/writing-a-lab-scenario.md walks through one.

Everything but `setup` runs while the candidate, as `oncall`, can create functions, operators,
views and triggers in the lab's database. So scenario code reads the catalog and statistics
with `Lab.admin()` (the superuser, names resolved in pg_catalog only; the app's objects
qualified, `public.pg_stat_statements`, `'public.orders'::regclass`) and never reads, plans or
writes an application table there: that goes through `Lab.probe()` (SELECT on the app's tables
and nothing else) or an application role's own login, so whatever the candidate attached to
the table runs with no more power than the candidate has.
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
from pgdojo.tracks.lab.context import WorkloadContext
from pgdojo.tracks.lab.state import EVENTS_FILE, LabState, read_jsonl, recent_metrics
from pgdojo.tracks.lab.symptoms import p95_at_least


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
        """The superuser over the socket, for the catalog and statistics only: its search_path
        is pg_catalog, pg_temp, so qualify the app's objects (`public.pg_stat_statements`), and
        never read, plan or write an application table with it (use `probe`)."""
        conninfo = (
            self.cluster.standby_admin_conninfo(dbname)
            if standby
            else self.cluster.admin_conninfo(dbname)
        )
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            yield conn

    @contextlib.contextmanager
    def probe(self, dbname: str = "shop") -> Iterator[psycopg.Connection[Any]]:
        """pgdojo_probe over the socket: plans (`plans.explain`) and scans of the app's tables.
        It has SELECT on them and nothing else, so a candidate's view, operator or function
        met on the way runs without privileges; names resolve as the application's do."""
        conninfo = self.cluster.probe_conninfo(dbname)
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            yield conn

    def metrics(self, seconds: float = 3.0) -> dict[str, Any]:
        """The workload's figures over the last few seconds (state.recent_metrics)."""
        return recent_metrics(self.root, seconds)

    def events(self, name: str | None = None) -> list[dict[str, Any]]:
        """The workload's events (all, or those called `name`), oldest first."""
        records = read_jsonl(self.root / EVENTS_FILE)
        return [r for r in records if name is None or r.get("event") == name]


class Scenario:
    """Base class: subclasses fill in the incident."""

    doc: ScenarioDoc
    settings: ClassVar[dict[str, str]] = {}
    needs_standby: ClassVar[bool] = False
    # A symptom must be visible within this many seconds of the workload starting.
    warmup_s: ClassVar[float] = 6.0
    # "The application is slow": the symptom is the workload's p95 at or over this.
    p95_limit_ms: ClassVar[float | None] = None

    @property
    def id(self) -> str:
        return self.doc.id

    def setup(self, lab: Lab, admin: psycopg.Connection[Any]) -> None:
        """Schema and data, as the superuser in database shop (tables owned by app_owner:
        `sessions.as_owner`). It runs before the candidate has a DSN; its search_path is
        still pg_catalog only, so the superuser's own statements qualify names."""
        raise NotImplementedError

    def workers(self) -> list[Callable[[WorkloadContext], None]]:
        """The application's sessions and the culprit's, each a function run in a thread."""
        raise NotImplementedError

    def measure(self, lab: Lab) -> dict[str, Any]:
        """The live symptom figures: the workload's plus whatever the engine shows."""
        return lab.metrics()

    def symptom_present(self, measured: dict[str, Any]) -> bool:
        """Whether `measure`'s figures show the incident (by default: p95 over p95_limit_ms)."""
        if self.p95_limit_ms is None:
            raise NotImplementedError
        return p95_at_least(measured, self.p95_limit_ms)

    def developed(self, measured: dict[str, Any]) -> bool:
        """Whether the incident has developed enough to hand over: the start waits for this.
        By default the symptom; a scenario whose symptom can show early on a loaded machine
        also waits for its cause to be visible."""
        return self.symptom_present(measured)

    def root_cause(self, lab: Lab) -> Finding:
        """Finding `root_cause`: the cause is gone from the engine, not only its effect. Its
        detail never names the culprit (finding it is the candidate's Detect score)."""
        raise NotImplementedError

    def prevention(self, lab: Lab) -> Finding:
        """Finding `prevention`: what stops a recurrence is in place (often a role setting:
        `settings.setting_prevention`)."""
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
