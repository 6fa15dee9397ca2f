"""Check a problem's own files: the reference is accepted everywhere, each wrong answer is caught.

`pgdojo sql verify` runs this for authors of content packs; the test suite runs it for every
built-in problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pgdojo.content.models import Problem
from pgdojo.errors import ContentError
from pgdojo.tracks.sql.judge import Judge

EXPECT_LINE = re.compile(r"^--\s*expect:\s*(?P<verdict>[a-z_]+)\s+on\s+(?P<case>[a-z0-9-]+)\s*$")


@dataclass
class VerifyReport:
    problem_id: str
    ok: bool
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)


def expected_failure(problem: Problem, name: str, source: str) -> tuple[str, str]:
    """The (verdict, case) a wrong solution declares on its first line."""
    first = source.strip().splitlines()[0] if source.strip() else ""
    match = EXPECT_LINE.match(first.strip())
    if not match:
        raise ContentError(
            f"{problem.source}/wrong/{name}.sql",
            "first line must be `-- expect: wrong_answer on <case>`",
        )
    return match.group("verdict"), match.group("case")


def verify_problem(judge: Judge, problem: Problem) -> VerifyReport:
    report = VerifyReport(problem.id, ok=True)
    try:
        result = judge.judge(problem, problem.solution)
    except ContentError as exc:
        report.ok = False
        report.problems.append(str(exc))
        return report
    if not result.accepted:
        report.ok = False
        report.problems.append(f"reference solution: {result.verdict.value}: {result.message}")
    else:
        report.checked.append(f"reference accepted on {len(result.cases)} datasets")
    for name, source in problem.wrong_solutions.items():
        try:
            verdict, case = expected_failure(problem, name, source)
        except ContentError as exc:
            report.ok = False
            report.problems.append(str(exc))
            continue
        outcome = judge.judge(problem, source)
        got_case = outcome.failed_case or "-"
        if outcome.verdict.value != verdict or got_case != case:
            report.ok = False
            report.problems.append(
                f"wrong/{name}.sql: expected {verdict} on {case}, got "
                f"{outcome.verdict.value} on {got_case}: {outcome.message}"
            )
        else:
            report.checked.append(f"wrong/{name}.sql: {verdict} on {case}")
    return report
