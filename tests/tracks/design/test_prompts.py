"""Every design prompt proves itself: its staff and senior designs pass every check, each
flawed design fails exactly the checks it declares, and the grades come out in order."""

from __future__ import annotations

import pytest

from pgdojo.content.design import load_prompts
from pgdojo.services import Services
from pgdojo.tracks.design import DesignTrack

PROMPTS = load_prompts()
CASES = [(p.id, name) for p in PROMPTS.values() for name in sorted(p.designs)]


def test_the_bank_has_the_prompts_the_issue_names() -> None:
    assert {"twitter-timeline", "multi-tenant-saas", "event-sourcing"} <= set(PROMPTS)
    for prompt in PROMPTS.values():
        assert {"staff", "senior"} <= set(prompt.designs)
        assert sum(name.startswith("flawed") for name in prompt.designs) >= 2, prompt.id
        assert len(prompt.meta.clarifying_questions) >= 5, prompt.id


@pytest.mark.slow
@pytest.mark.parametrize(("prompt_id", "design"), CASES)
def test_a_design_fails_exactly_what_it_declares(
    services: Services, prompt_id: str, design: str
) -> None:
    prompt = PROMPTS[prompt_id]
    result = services.track(DesignTrack).run(prompt_id, prompt.designs[design].text)
    assert sorted(result.failed()) == sorted(prompt.designs[design].fails), [
        c.to_dict() for c in result.checks if not c.passed
    ]
    assert result.seconds < 60, f"{prompt_id}/{design} ran {result.seconds:.1f} s"
    if prompt.tenants and not prompt.designs[design].fails:
        assert result.leaks == []
    if "tenant-isolation" in prompt.designs[design].fails:
        assert result.leaks and all(leak.path and leak.message for leak in result.leaks)


@pytest.mark.slow
@pytest.mark.parametrize("prompt_id", sorted(PROMPTS))
def test_grades_come_out_in_order(services: Services, prompt_id: str) -> None:
    prompt = PROMPTS[prompt_id]
    track = services.track(DesignTrack)
    grades = {name: track.grade(prompt_id, d.text) for name, d in prompt.designs.items()}
    assert grades["staff"].level == "staff", grades["staff"].to_dict()["parts"]
    assert grades["senior"].level == "senior", grades["senior"].to_dict()["parts"]
    assert grades["staff"].score > grades["senior"].score
    for name, graded in grades.items():
        if name.startswith("flawed"):
            assert graded.score < grades["senior"].score, (name, graded.score)


@pytest.mark.slow
@pytest.mark.parametrize("prompt_id", sorted(p.id for p in PROMPTS.values() if p.meta.experiments))
def test_experiments_measure_every_variant(services: Services, prompt_id: str) -> None:
    results = services.track(DesignTrack).prove(prompt_id)
    prompt = PROMPTS[prompt_id]
    assert [r.name for r in results] == [e.name for e in prompt.meta.experiments]
    for result, experiment in zip(results, prompt.meta.experiments, strict=True):
        assert len(result.rows) == len(experiment.runs)
        for row in result.rows:
            assert all(row["figures"][m] is not None for m in experiment.measure), row
