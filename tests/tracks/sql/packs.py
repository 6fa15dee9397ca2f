"""Writing small content packs for tests: one problem folder from its parts."""

from __future__ import annotations

from pathlib import Path

import yaml

HINTS = ["a nudge", "a stronger nudge", "nearly the answer"]


def write_problem(
    pack: Path,
    problem_id: str,
    *,
    schema: str,
    solution: str,
    datasets: dict[str, str],
    kind: str = "query",
    statement: str = "Return the rows the statement asks for.",
    **meta: object,
) -> Path:
    """A problem folder under `pack`; `datasets` maps sample and hidden case names to SQL."""
    folder = pack / problem_id
    (folder / "datasets").mkdir(parents=True)
    front = {
        "title": f"Test problem {problem_id}",
        "kind": kind,
        "difficulty": "easy",
        "patterns": ["test"],
        "target_minutes": 5,
        "hints": HINTS,
        "hidden": [
            {"name": name, "catches": f"the {name} case"} for name in datasets if name != "sample"
        ],
        **meta,
    }
    (folder / "problem.md").write_text(f"---\n{yaml.safe_dump(front)}---\n{statement}\n")
    (folder / "schema.sql").write_text(schema)
    (folder / "solution.sql").write_text(solution)
    (folder / "editorial.md").write_text("Why it works. The pitfall: none.\n")
    for name, sql in datasets.items():
        (folder / "datasets" / f"{name}.sql").write_text(sql)
    return folder
