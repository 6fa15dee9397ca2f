"""The SQL live-coding track's registry entry."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING, Any

from pgdojo.content import load_problems
from pgdojo.engine.provision import JUDGE_DB
from pgdojo.registry import DoctorCheck, HomeCard, PracticeItem, TrackSpec, count_checks
from pgdojo.tracks.sql.datasets import DatasetStore
from pgdojo.tracks.sql.judge import Judge
from pgdojo.tracks.sql.sandbox import Sandbox
from pgdojo.tracks.sql.service import ACTIVITY, TRACK, SqlTrack

if TYPE_CHECKING:
    from pgdojo.services import Services


def build(svc: Services) -> SqlTrack:
    problems = load_problems(svc.settings.content_dirs)
    datasets = DatasetStore(svc.engine.admin_conninfo(JUDGE_DB))
    sandbox = Sandbox(svc.engine.sandbox_conninfo(), datasets=datasets)
    return SqlTrack(problems, Judge(sandbox), svc.store, svc.attempts)


def doctor(svc: Services) -> list[DoctorCheck]:
    return count_checks(lambda: load_problems(svc.settings.content_dirs), {"problems": len})


def home(track: SqlTrack) -> HomeCard:
    problems = track.list_problems()
    by_pattern: Counter[str] = Counter()
    for p in problems:
        if p.solved:
            by_pattern.update(p.patterns)
    solved = sum(p.solved for p in problems)
    unsolved = [p for p in problems if not p.solved]
    return HomeCard(
        track=TRACK,
        title="Problems to try",
        link="/sql",
        headline=f"{solved}/{len(problems)} solved",
        next_items=[(f"{p.title} ({p.difficulty})", f"/sql/{p.id}") for p in unsolved[:3]],
        bars_title="Problems solved by pattern",
        bars=[(k, float(v)) for k, v in by_pattern.most_common(12)],
        progress=track.attempts.track_progress(TRACK, ACTIVITY),
    )


def practice(track: SqlTrack) -> list[PracticeItem]:
    """Unsolved problems, never-tried first; solved ones last, as mastered."""
    items = [
        PracticeItem(
            TRACK,
            p.id,
            f"{p.title} ({p.difficulty})",
            f"/sql/{p.id}",
            f"pgdojo sql practice --id {p.id}",
            p.target_minutes,
            0.0 if p.solved else (0.6 if p.attempted else 1.0),
            p.solved,
        )
        for p in track.list_problems()
    ]
    return sorted(items, key=lambda i: -i.weakness)


def progress(track: SqlTrack) -> dict[str, Any]:
    """Solved by pattern and by difficulty; time spent on solved problems against target."""
    problems = track.list_problems()
    items = track.attempts.items(TRACK, ACTIVITY)
    by_pattern: dict[str, dict[str, int]] = {}
    by_difficulty: dict[str, dict[str, int]] = {}
    ratios = []
    for p in problems:
        for table, key in ((by_difficulty, p.difficulty), *((by_pattern, t) for t in p.patterns)):
            row = table.setdefault(key, {"solved": 0, "total": 0})
            row["total"] += 1
            row["solved"] += p.solved
        if p.solved and p.id in items and items[p.id].active_seconds:
            ratios.append(items[p.id].active_seconds / (p.target_minutes * 60))
    return {
        "by_pattern": dict(sorted(by_pattern.items())),
        "by_difficulty": by_difficulty,
        "time_vs_target_median": round(statistics.median(ratios), 2) if ratios else None,
    }


SPEC: TrackSpec[SqlTrack] = TrackSpec(
    id=TRACK,
    title="SQL live coding",
    order=10,
    service=SqlTrack,
    build=build,
    doctor=doctor,
    home=home,
    practice=practice,
    progress=progress,
    cli=(("sql", "pgdojo.cli.sql:sql_app"),),
    api="pgdojo.api.routes_sql:router",
    pages="pgdojo.web.sql_pages",
    nav=(("SQL", "/sql"),),
)
