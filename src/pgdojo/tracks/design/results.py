"""What a design run and a design grade return (one serialiser each)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "passed": self.passed, "message": self.message}


@dataclass(frozen=True)
class Leak:
    path: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message}


@dataclass
class RunResult:
    prompt_id: str
    checks: list[CheckResult] = field(default_factory=list)
    measured: dict[str, Any] = field(default_factory=dict)
    leaks: list[Leak] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    def check(self, name: str, passed: bool, message: str) -> None:
        self.checks.append(CheckResult(name, passed, message))

    def failed(self) -> list[str]:
        return [c.name for c in self.checks if not c.passed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "prompt_id": self.prompt_id,
            "passed": self.passed,
            "checks": [c.to_dict() for c in self.checks],
            "measured": self.measured,
            "leaks": [leak.to_dict() for leak in self.leaks],
            "seconds": round(self.seconds, 2),
        }
