"""The behavioral round's content: question families, worked STAR-T stories, the reference.

    behavioral/questions/<family>.yaml     a family of questions: what each listens for, its
                                           follow-ups and what junior/senior/staff sound like
    behavioral/stories/<id>/staff.md       a worked story (front matter: families, questions,
                                           failure, follow-ups) with its weaker versions beside
                                           it: senior.md, junior.md, stuffed.md, we.md
    behavioral/rubric.yaml                 the STAR-T parts and their weights
    reference/cheatsheet.md                the interview-day cheat sheet
    reference/power-phrases.yaml           phrases, when to use each and why
    reference/questions-to-ask.yaml        questions for the interviewers, by category

Packs add their own under the same folders (`--content DIR`); every file is validated on
load, and a bad one is a ContentError naming the file, the field and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pgdojo.content.loader import read_content, split_front_matter
from pgdojo.content.models import ID_PATTERN
from pgdojo.errors import ContentError

BUILTIN = Path(str(resources.files("pgdojo.content")))
STORY_PARTS = ("situation", "task", "action", "result", "technical")
# The versions of a worked story beside staff.md, weakest signals last; the tests grade them.
STORY_VERSIONS = ("staff", "senior", "junior", "stuffed", "we")
Level = Literal["junior", "senior", "staff"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"ids are lower-case-with-dashes (got {value!r})")
    return value


class LevelSignals(_Strict):
    junior: str = Field(min_length=10)
    senior: str = Field(min_length=10)
    staff: str = Field(min_length=10)


class Question(_Strict):
    id: str
    text: str = Field(min_length=10)
    seed: bool = False
    listens_for: list[str] = Field(min_length=2)
    follow_ups: list[str] = Field(min_length=2)
    signals: LevelSignals

    _id = field_validator("id")(_check_id)


class QuestionFamily(_Strict):
    id: str
    title: str = Field(min_length=3)
    about: str = Field(min_length=10)
    questions: list[Question] = Field(min_length=1)

    _id = field_validator("id")(_check_id)


class StoryMeta(_Strict):
    """The front matter of a story: which questions it answers. All optional for a draft."""

    title: str = Field(default="Untitled story", min_length=1, max_length=200)
    families: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    failure: bool = False
    follow_ups: list[str] = Field(default_factory=list)


class RubricPart(_Strict):
    id: Literal["situation", "task", "action", "result", "technical"]
    label: str
    weight: int = Field(ge=1, le=100)
    about: str = ""


class StoryRubric(_Strict):
    """How STAR-T parts are weighted (their weights add up to 100)."""

    parts: list[RubricPart] = Field(min_length=5, max_length=5)

    def weight(self, part: str) -> int:
        return next(p.weight for p in self.parts if p.id == part)

    def label(self, part: str) -> str:
        return next(p.label for p in self.parts if p.id == part)


class PowerPhrase(_Strict):
    phrase: str = Field(min_length=8)
    when: str = Field(min_length=8)
    why: str = Field(min_length=8)
    round: list[Literal["deepdive", "design", "sql", "troubleshooting", "behavioral"]] = Field(
        min_length=1
    )


class QuestionToAsk(_Strict):
    category: Literal["stack", "scale", "operations", "team"]
    question: str = Field(min_length=8)
    why: str = Field(min_length=8)
    good_answer: str = Field(min_length=8)
    worrying_answer: str = Field(min_length=8)


@dataclass(frozen=True)
class WorkedStory:
    """A built-in story: its staff telling and the weaker versions, for samples and tests."""

    id: str
    meta: StoryMeta
    versions: dict[str, str]  # version name -> Markdown (front matter removed)
    source: str


@dataclass(frozen=True)
class BehavioralBank:
    families: dict[str, QuestionFamily]
    stories: dict[str, WorkedStory]
    rubric: StoryRubric
    cheatsheet: str
    phrases: list[PowerPhrase]
    questions_to_ask: list[QuestionToAsk]
    questions: dict[str, tuple[QuestionFamily, Question]] = field(default_factory=dict)

    def question(self, question_id: str) -> tuple[QuestionFamily, Question] | None:
        return self.questions.get(question_id)


def _validated(model: Any, data: Any, path: Path, where: str = "") -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        name = ".".join(p for p in (where, loc) if p) or None
        raise ContentError(str(path), first["msg"], field=name) from exc


def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(read_content(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ContentError(str(path), f"is not valid YAML{where}: {exc}") from exc


def parse_story_meta(text: str, path: Path) -> tuple[StoryMeta, str]:
    """A story's front matter (optional) and its Markdown body."""
    if text.lstrip().startswith("---"):
        data, body = split_front_matter(text.lstrip(), path)
        return _validated(StoryMeta, data, path), body
    return StoryMeta(), text.strip()


def load_family(path: Path) -> QuestionFamily:
    family: QuestionFamily = _validated(QuestionFamily, _yaml(path), path)
    if family.id != path.stem:
        raise ContentError(str(path), f"id {family.id!r} must match the file name", field="id")
    return family


def load_worked_story(folder: Path) -> WorkedStory:
    staff = folder / "staff.md"
    meta, body = parse_story_meta(read_content(staff), staff)
    versions = {"staff": body}
    for version in STORY_VERSIONS[1:]:
        path = folder / f"{version}.md"
        text = read_content(path)
        if text.startswith("---"):
            raise ContentError(str(path), "only staff.md has a front matter")
        versions[version] = text
    for version, text in versions.items():
        missing = [p for p in STORY_PARTS if f"## {p.capitalize()}" not in text]
        if missing:
            raise ContentError(
                str(folder / f"{version}.md"), f"sections missing: {', '.join(missing)}"
            )
    return WorkedStory(_check_folder_id(folder), meta, versions, str(folder))


def _check_folder_id(folder: Path) -> str:
    if not ID_PATTERN.match(folder.name):
        raise ContentError(str(folder), "folder name must be lower-case-with-dashes")
    return folder.name


def load_story_rubric() -> StoryRubric:
    """The STAR-T parts and their weights (behavioral/rubric.yaml)."""
    path = BUILTIN / "behavioral" / "rubric.yaml"
    rubric: StoryRubric = _validated(StoryRubric, _yaml(path), path)
    if sum(p.weight for p in rubric.parts) != 100:
        raise ContentError(str(path), "part weights must add up to 100", field="parts")
    return rubric


def load_behavioral(extra_packs: tuple[Path, ...] = ()) -> BehavioralBank:
    """The built-in behavioral content and each pack's; ids must be unique across packs."""
    families: dict[str, QuestionFamily] = {}
    stories: dict[str, WorkedStory] = {}
    questions: dict[str, tuple[QuestionFamily, Question]] = {}
    for root in (BUILTIN, *extra_packs):
        for path in sorted((root / "behavioral" / "questions").glob("*.yaml")):
            family = load_family(path)
            if family.id in families:
                raise ContentError(str(path), f"family {family.id!r} is already defined")
            families[family.id] = family
            for question in family.questions:
                if question.id in questions:
                    raise ContentError(
                        str(path), f"question id {question.id!r} is used twice", field="id"
                    )
                questions[question.id] = (family, question)
        story_root = root / "behavioral" / "stories"
        for folder in sorted(p for p in story_root.glob("*") if p.is_dir()):
            story = load_worked_story(folder)
            if story.id in stories:
                raise ContentError(str(folder), f"story {story.id!r} is already defined")
            stories[story.id] = story
    for story in stories.values():
        for family_id in story.meta.families:
            if family_id not in families:
                raise ContentError(
                    f"{story.source}/staff.md", f"unknown family {family_id!r}", field="families"
                )
        for question_id in story.meta.questions:
            if question_id not in questions:
                raise ContentError(
                    f"{story.source}/staff.md",
                    f"unknown question {question_id!r}",
                    field="questions",
                )
    reference = BUILTIN / "reference"
    rubric = load_story_rubric()
    phrases_path = reference / "power-phrases.yaml"
    asks_path = reference / "questions-to-ask.yaml"
    return BehavioralBank(
        families=families,
        stories=stories,
        rubric=rubric,
        cheatsheet=read_content(reference / "cheatsheet.md"),
        phrases=[
            _validated(PowerPhrase, item, phrases_path, f"[{n}]")
            for n, item in enumerate(_list(phrases_path))
        ],
        questions_to_ask=[
            _validated(QuestionToAsk, item, asks_path, f"[{n}]")
            for n, item in enumerate(_list(asks_path))
        ],
        questions=questions,
    )


def _list(path: Path) -> list[Any]:
    data = _yaml(path)
    if not isinstance(data, list) or not data:
        raise ContentError(str(path), "must be a non-empty YAML list")
    return data
