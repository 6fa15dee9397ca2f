"""System design of the data layer: designs that run on the engine, at a scale that shows."""

from pgdojo.tracks.design.grader import DesignGrade, grade_design
from pgdojo.tracks.design.results import CheckResult, Leak, RunResult
from pgdojo.tracks.design.service import DesignTrack, ExperimentResult

__all__ = [
    "CheckResult",
    "DesignGrade",
    "DesignTrack",
    "ExperimentResult",
    "Leak",
    "RunResult",
    "grade_design",
]
