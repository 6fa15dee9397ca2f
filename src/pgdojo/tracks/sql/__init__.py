"""SQL live coding: problems judged on a real PostgreSQL, with hidden datasets."""

from pgdojo.tracks.sql.judge import Judge
from pgdojo.tracks.sql.sandbox import Sandbox
from pgdojo.tracks.sql.service import ProblemSummary, SqlTrack
from pgdojo.tracks.sql.verdict import JudgeResult, Verdict

__all__ = ["Judge", "JudgeResult", "ProblemSummary", "Sandbox", "SqlTrack", "Verdict"]
