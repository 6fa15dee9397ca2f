"""The STAR-T rubric and the deep-dive concept bank, as the story track uses them."""

from __future__ import annotations

import pytest

from pgdojo.content.behavioral import (
    BehavioralBank,
    StoryRubric,
    load_behavioral,
    load_story_rubric,
)
from pgdojo.content.loader import load_topics
from pgdojo.tracks.story.grader import ConceptBank
from pgdojo.tracks.story.service import concept_bank


@pytest.fixture(scope="session")
def rubric() -> StoryRubric:
    return load_story_rubric()


@pytest.fixture(scope="session")
def behavioral() -> BehavioralBank:
    return load_behavioral()


@pytest.fixture(scope="session")
def bank() -> ConceptBank:
    return concept_bank(load_topics())
