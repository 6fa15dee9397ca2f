"""What the lab track's service returns: typed shapes of the one dict each result is.

Each is the JSON the CLI prints with --json, the API returns and the pages read, so the
shape is the contract; mypy holds every producer and reader to it.
"""

from __future__ import annotations

from typing import Any, TypedDict


class ScenarioRow(TypedDict):
    id: str
    title: str
    severity: str
    difficulty: str
    running: bool
    solved: bool


class LabPage(TypedDict):
    """A running lab as a candidate needs it: the pager alert, the briefing, the DSNs."""

    scenario: str
    title: str
    alert: str
    severity: str
    briefing: str
    dsn: str
    standby_dsn: str | None
    forbids_restart: bool
    hints_used: int
    elapsed_s: float


class LabStarted(LabPage):
    symptom: dict[str, Any]
    ready_s: float


class LabStopped(TypedDict):
    scenario: str
    stopped: bool


class LabStatus(TypedDict):
    scenario: str
    symptom_present: bool
    measured: dict[str, Any]
    elapsed_s: float


class LabHint(TypedDict):
    number: int
    total: int
    hint: str
    last: bool


class LabDiagnosis(TypedDict):
    scenario: str
    diagnosis: str
    recorded: bool
    names_root_cause: bool


class ConsoleResult(TypedDict):
    columns: list[str]
    rows: list[list[Any]]
    status: str
    error: str | None


class LabCheck(TypedDict):
    """A check: solved (symptom gone and root cause fixed), each finding, traps, method."""

    scenario: str
    solved: bool
    detect: bool
    fix: bool
    prevention: bool
    findings: list[dict[str, Any]]
    traps: list[dict[str, Any]]
    investigation: dict[str, Any]
    commands: int
    hints_used: int
    check_ms: float
    score: int


class LabDebrief(TypedDict):
    scenario: str
    title: str
    debrief: str
