"""SQL live coding: problems judged on a real PostgreSQL, with hidden datasets."""

from pgdojo.tracks.sql.judge import Judge
from pgdojo.tracks.sql.sandbox import Sandbox
from pgdojo.tracks.sql.service import ProblemSummary, SqlTrack
from pgdojo.tracks.sql.verdict import Finding, JudgeResult, Severity, Verdict
from pgdojo.tracks.sql.verify import MistakeMeasurement, Verification

__all__ = [
    "Finding",
    "Judge",
    "JudgeResult",
    "MistakeMeasurement",
    "ProblemSummary",
    "Sandbox",
    "Severity",
    "SqlTrack",
    "Verdict",
    "Verification",
]
