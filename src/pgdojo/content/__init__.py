"""The question bank: typed, validated content loaded from the package and from packs."""

from pgdojo.content.loader import load_problem, load_problems
from pgdojo.content.models import (
    Dataset,
    Difficulty,
    HiddenCase,
    Problem,
    ProblemKind,
    ProblemMeta,
    SchemaCheck,
)

__all__ = [
    "Dataset",
    "Difficulty",
    "HiddenCase",
    "Problem",
    "ProblemKind",
    "ProblemMeta",
    "SchemaCheck",
    "load_problem",
    "load_problems",
]
