"""Check a problem's own files: the reference is accepted everywhere, each wrong answer is caught,
and the classic-mistake rules (mistakes.py) say what the files declare.

`pgdojo sql verify` runs this for authors of content packs; the test suite runs it for every
built-in problem.

A wrong solution starts with `-- expect: <verdict> on <case>`; when it makes one of the classic
mistakes its second line declares them: `-- mistake: <id>[, <id>]`. Over every reference and
every wrong solution, each rule is measured: a true positive fires where declared, a false
negative is declared and silent, a false positive fires on a reference or on a wrong solution
that does not declare it. A rule firing on a reference solution fails the verification: the
reference is the answer a candidate is told is right.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pgdojo.content.models import Problem
from pgdojo.errors import ContentError
from pgdojo.tracks.sql.judge import Judge
from pgdojo.tracks.sql.mistakes import RULES, detect
from pgdojo.tracks.sql.verdict import Position

EXPECT_LINE = re.compile(r"^--\s*expect:\s*(?P<verdict>[a-z_]+)\s+on\s+(?P<case>[a-z0-9-]+)\s*$")
MISTAKE_LINE = re.compile(r"^--\s*mistakes?\s*:(?P<ids>.*)$")
REFERENCE_FILE = "solution.sql"


@dataclass
class MistakeCheck:
    """What one file declares and which rules fired on it."""

    file: str  # solution.sql or wrong/<name>.sql
    reference: bool
    declared: list[str] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)


@dataclass
class VerifyReport:
    problem_id: str
    ok: bool
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    mistakes: list[MistakeCheck] = field(default_factory=list)


@dataclass
class RuleMeasure:
    """Precision and recall of one rule (or all of them) over the verified files."""

    rule: str
    declared: int = 0
    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0
    missed: list[str] = field(default_factory=list)  # problem/file declared, rule silent
    misfired: list[str] = field(default_factory=list)  # problem/file not declared, rule fired

    @property
    def precision(self) -> float | None:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.declared if self.declared else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "declared": self.declared,
            "true_positives": self.true_positives,
            "false_negatives": self.false_negatives,
            "false_positives": self.false_positives,
            "precision": self.precision,
            "recall": self.recall,
            "missed": self.missed,
            "misfired": self.misfired,
        }


@dataclass
class MistakeMeasurement:
    """Every rule's figures, and the figures over all rules together."""

    rules: list[RuleMeasure]
    overall: RuleMeasure

    def to_dict(self) -> dict[str, Any]:
        return {
            "rules": {m.rule: m.to_dict() for m in self.rules},
            "overall": self.overall.to_dict(),
        }


@dataclass
class Verification:
    """`pgdojo sql verify`: one report per problem and the mistake rules' measurement."""

    reports: list[VerifyReport]
    mistakes: MistakeMeasurement

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.reports)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "reports": self.reports,
            "mistakes": self.mistakes.to_dict(),
        }


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


def declared_mistakes(problem: Problem, name: str, source: str) -> list[str]:
    """The classic mistakes a wrong solution declares on its second line (none when absent)."""
    lines = source.strip().splitlines()
    second = lines[1].strip() if len(lines) > 1 else ""
    match = MISTAKE_LINE.match(second)
    if not match:
        return []
    where = f"{problem.source}/wrong/{name}.sql"
    ids = [part.strip() for part in match.group("ids").split(",")]
    if not second.startswith("-- mistake:") or not all(ids):
        raise ContentError(where, "line 2 must read `-- mistake: <id>[, <id>]`", field="mistake")
    unknown = [i for i in ids if i not in RULES]
    if unknown:
        raise ContentError(
            where,
            f"line 2 declares unknown mistake id(s) {', '.join(map(repr, unknown))}; "
            f"known ids: {', '.join(RULES)}",
            field="mistake",
        )
    return sorted(set(ids))


def check_mistakes(problem: Problem, report: VerifyReport) -> None:
    """Run the rules on the reference and on every wrong solution, recording each outcome."""
    fired = _fired(problem, REFERENCE_FILE, problem.solution, True, report)
    report.mistakes.append(MistakeCheck(REFERENCE_FILE, True, [], sorted(fired)))
    for rule_id, offsets in sorted(fired.items()):
        report.ok = False
        where = next((o for o in offsets if o >= 0), None)
        line = f" (line {Position.at(problem.solution, where).line})" if where is not None else ""
        report.problems.append(
            f"solution.sql: rule {rule_id!r} fires on the reference solution{line}: "
            f"{RULES[rule_id].title}"
        )
    for name, source in problem.wrong_solutions.items():
        file = f"wrong/{name}.sql"
        try:
            declared = declared_mistakes(problem, name, source)
        except ContentError as exc:
            report.ok = False
            report.problems.append(str(exc))
            continue
        found = _fired(problem, file, source, False, report)
        report.mistakes.append(MistakeCheck(file, False, declared, sorted(found)))


def _fired(
    problem: Problem, file: str, source: str, reference: bool, report: VerifyReport
) -> dict[str, list[int]]:
    try:
        return detect(problem, source, is_reference=reference)
    except Exception as exc:  # a broken rule is the engine's bug: say where
        report.ok = False
        report.problems.append(f"{file}: the mistake rules failed on it: {exc!r}")
        return {}


def verify_problem(judge: Judge, problem: Problem) -> VerifyReport:
    report = VerifyReport(problem.id, ok=True)
    check_mistakes(problem, report)
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


def measure_mistakes(reports: Iterable[VerifyReport]) -> MistakeMeasurement:
    """Each rule's true and false positives and false negatives over the reports' files."""
    measures = {rule_id: RuleMeasure(rule_id) for rule_id in RULES}
    for report in reports:
        for check in report.mistakes:
            where = f"{report.problem_id}/{check.file}"
            for rule_id, measure in measures.items():
                declared = rule_id in check.declared and not check.reference
                fired = rule_id in check.fired
                measure.declared += declared
                if declared and fired:
                    measure.true_positives += 1
                elif declared:
                    measure.false_negatives += 1
                    measure.missed.append(where)
                elif fired:
                    measure.false_positives += 1
                    measure.misfired.append(where)
    overall = RuleMeasure("overall")
    for measure in measures.values():
        overall.declared += measure.declared
        overall.true_positives += measure.true_positives
        overall.false_negatives += measure.false_negatives
        overall.false_positives += measure.false_positives
        overall.missed.extend(f"{measure.rule}: {w}" for w in measure.missed)
        overall.misfired.extend(f"{measure.rule}: {w}" for w in measure.misfired)
    return MistakeMeasurement(list(measures.values()), overall)


# Problems verified at once: the judge is thread-safe, and each problem's judgings are
# sequential, so two keep both cores busy (the server's and the judge's share).
VERIFY_WORKERS = 2


def verify_problems(
    judge: Judge,
    problems: Iterable[Problem],
    on_progress: Callable[[str, float], None] | None = None,
) -> Verification:
    """Verify each problem (VERIFY_WORKERS at a time); `on_progress(problem_id, fraction)` is
    told as each one is done. The reports keep the problems' order."""
    todo = list(problems)
    done = 0
    lock = threading.Lock()

    def one(problem: Problem) -> VerifyReport:
        nonlocal done
        report = verify_problem(judge, problem)
        with lock:
            done += 1
            if on_progress is not None:
                on_progress(problem.id, done / len(todo))
        return report

    with ThreadPoolExecutor(VERIFY_WORKERS, thread_name_prefix="pgdojo-verify") as pool:
        reports = list(pool.map(one, todo))
    return Verification(reports, measure_mistakes(reports))
