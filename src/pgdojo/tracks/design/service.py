"""The system-design track as a service: prompts, templates, runs at scale, grades,
experiments and the engine's measured numbers. The CLI, the API and the web UI call this."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pgdojo.attempts import AttemptLog
from pgdojo.content.design import DESIGN_PARTS, DesignPrompt
from pgdojo.engine import Engine
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.grading import STRONG_SCORE
from pgdojo.store.design import DesignStore
from pgdojo.tracks.design.grader import DesignGrade, grade_design
from pgdojo.tracks.design.numbers import measure, numbers_table
from pgdojo.tracks.design.results import RunResult
from pgdojo.tracks.design.runner import DesignRunner, Progress
from pgdojo.tracks.design.submission import Submission, parse_submission

TRACK = "design"
MAX_SUBMISSION_CHARS = 100_000


@dataclass(frozen=True)
class ExperimentResult:
    name: str
    title: str
    explain: str
    measure: list[str]
    rows: list[dict[str, Any]]  # {label, passed, figures: {measure: value}}

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


class DesignTrack:
    """Design prompts run on the engine; every run and grade recorded as an attempt."""

    def __init__(
        self,
        prompts: dict[str, DesignPrompt],
        engine: Engine,
        store: DesignStore,
        attempts: AttemptLog,
    ) -> None:
        self.prompts = prompts
        self.engine = engine
        self.store = store
        self.attempts = attempts
        self.runner = DesignRunner(engine)

    def prompt(self, prompt_id: str) -> DesignPrompt:
        try:
            return self.prompts[prompt_id]
        except KeyError:
            raise NotFoundError(
                f"no design prompt {prompt_id!r}; `pgdojo design list` shows the ids"
            ) from None

    def list_prompts(self) -> list[dict[str, Any]]:
        best = self.attempts.items(TRACK, "grade")
        return [
            {
                "id": p.id,
                "title": p.meta.title,
                "question": p.meta.question,
                "tenants": p.tenants,
                "queries": list(p.meta.queries),
                "best_score": best[p.id].best_score if p.id in best else None,
            }
            for p in sorted(self.prompts.values(), key=lambda p: p.id)
        ]

    def show(self, prompt_id: str) -> dict[str, Any]:
        p = self.prompt(prompt_id)
        return {
            "id": p.id,
            "title": p.meta.title,
            "question": p.meta.question,
            "statement": p.statement,
            "clarifying_questions": p.meta.clarifying_questions,
            "given_sql": p.given_sql,
            "owner": p.meta.owner,
            "app_role": p.meta.app_role,
            "tenant_setting": p.meta.tenant_setting,
            "queries": {name: q.model_dump() for name, q in p.meta.queries.items()},
            "scale": {
                "name": p.meta.scale.name,
                "large_table_rows": p.meta.scale.large_table_rows,
                "write_rows_budget": p.meta.scale.write_rows_budget,
                "full_scale_note": p.meta.scale.full_scale_note,
            },
            "checks": [
                {"name": c.name, "kind": c.kind, "message": c.message} for c in p.meta.checks
            ],
            "estimates": [
                {"name": e.name, "label": e.label, "unit": e.unit} for e in p.meta.estimates
            ],
            "rubric": {
                part.id: [c.concept for c in p.meta.rubric.get(part.id, [])]
                for part in DESIGN_PARTS
            },
            "experiments": [{"name": e.name, "title": e.title} for e in p.meta.experiments],
        }

    def template(self, prompt_id: str) -> str:
        """A submission skeleton: the sections, the estimate names, the named queries."""
        p = self.prompt(prompt_id)
        estimates = "\n".join(f"| {e.name} | ? | {e.unit} |" for e in p.meta.estimates)
        queries = "\n\n".join(
            f"-- name: {name}\n-- {q.contract}\n-- parameters: "
            + (", ".join(f":{k} ({v})" for k, v in q.params.items()) or "none")
            + "\n"
            for name, q in p.meta.queries.items()
        )
        return (
            f"# {p.meta.title}\n\n## Requirements\n\n## Estimation\n"
            f"| estimate | value | unit |\n|---|---|---|\n{estimates}\n\n"
            f"## Schema\n```sql\n-- your tables, indexes, policies, grants "
            f"(runs as {p.meta.owner})\n```\n\n"
            f"## Queries\n```sql\n{queries}```\n\n## Scaling\n\n## Trade-offs\n"
        )

    def parse(self, prompt_id: str, text: str) -> Submission:
        if len(text) > MAX_SUBMISSION_CHARS:
            raise UsageError(f"the submission is longer than {MAX_SUBMISSION_CHARS} characters")
        return parse_submission(text, self.prompt(prompt_id))

    def run(self, prompt_id: str, text: str, progress: Progress | None = None) -> RunResult:
        """Run the design's checks at the prompt's scale; recorded as an attempt."""
        prompt = self.prompt(prompt_id)
        submission = self.parse(prompt_id, text)
        result = self.runner.run(prompt, submission, progress)
        passed = sum(c.passed for c in result.checks)
        score = round(100 * passed / len(result.checks)) if result.checks else 0
        attempt = self.attempts.record_once(
            TRACK, "run", prompt.id, score, result.passed, seconds=result.seconds
        )
        self.store.record(attempt, prompt.id, text, result.to_dict(), None)
        return result

    def grade(self, prompt_id: str, text: str, progress: Progress | None = None) -> DesignGrade:
        """Grade the written sections together with a run of the design."""
        prompt = self.prompt(prompt_id)
        submission = self.parse(prompt_id, text)
        result = self.runner.run(prompt, submission, progress)
        graded = grade_design(prompt, submission, result)
        attempt = self.attempts.record_once(
            TRACK,
            "grade",
            prompt.id,
            graded.score,
            graded.score >= STRONG_SCORE and result.passed,
            seconds=result.seconds,
            detail={"level": graded.level},
        )
        self.store.record(attempt, prompt.id, text, result.to_dict(), graded.to_dict())
        return graded

    def model(self, prompt_id: str, name: str = "staff") -> str:
        """A worked design (staff, senior or a flawed one), to read or to run."""
        prompt = self.prompt(prompt_id)
        if name not in prompt.designs:
            raise NotFoundError(f"designs of {prompt_id}: {', '.join(prompt.designs)}")
        return prompt.designs[name].text

    def prove(self, prompt_id: str, progress: Progress | None = None) -> list[ExperimentResult]:
        """The prompt's experiments: variants of a worked design run side by side."""
        prompt = self.prompt(prompt_id)
        if not prompt.meta.experiments:
            with_experiments = sorted(p.id for p in self.prompts.values() if p.meta.experiments)
            raise NotFoundError(
                f"{prompt_id} has no experiment; these do: {', '.join(with_experiments)}"
            )
        out = []
        runs_total = sum(len(e.runs) for e in prompt.meta.experiments)
        done = 0
        for experiment in prompt.meta.experiments:
            rows = []
            for run in experiment.runs:
                text = prompt.designs[run.design].text
                for old, new in run.replace.items():
                    text = text.replace(old, new)
                submission = parse_submission(text, prompt)

                def step(
                    name: str, fraction: float, label: str = run.label, base: int = done
                ) -> None:
                    if progress:
                        progress(f"{label}: {name}", (base + fraction) / runs_total)

                result = self.runner.run(prompt, submission, step)
                done += 1
                figures = {}
                for measured in experiment.measure:
                    query, _, figure = measured.partition(".")
                    figures[measured] = (
                        result.measured.get("queries", {}).get(query, {}).get(figure)
                    )
                rows.append({"label": run.label, "passed": result.passed, "figures": figures})
            out.append(
                ExperimentResult(
                    experiment.name,
                    experiment.title,
                    experiment.explain,
                    list(experiment.measure),
                    rows,
                )
            )
        return out

    def numbers(self, refresh: bool = False) -> list[dict[str, Any]]:
        """This machine's engine, measured once (then kept), beside the classic figures."""
        stored = self.store.numbers()
        if refresh or not stored:
            stored = measure(self.engine)
            self.store.save_numbers(stored)
        return numbers_table(stored)

    def history(self, prompt_id: str) -> list[dict[str, Any]]:
        return self.store.history(self.prompt(prompt_id).id)
