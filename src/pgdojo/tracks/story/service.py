"""The behavioral track as a service: the story bank, grading, the bank's health, drills,
and the interview-day reference. The CLI, the API and the web UI all call this."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pgdojo.attempts import AttemptLog
from pgdojo.content.behavioral import (
    STORY_PARTS,
    BehavioralBank,
    PowerPhrase,
    Question,
    QuestionFamily,
    QuestionToAsk,
    StoryMeta,
    parse_story_meta,
)
from pgdojo.content.topic_models import Topic
from pgdojo.errors import ContentError, NotFoundError, UsageError
from pgdojo.grading import STRONG_SCORE
from pgdojo.store.story import StoryRecord, StoryStore
from pgdojo.tracks.story.grader import ConceptBank, StoryGrade, grade_story
from pgdojo.tracks.story.parts import split_parts

TRACK = "story"
MAX_STORY_CHARS = 20_000
# The bank's health, from the coaching guides: 8-12 stories, 5 strong, a failure, all families.
BANK_SIZE = (8, 12)
BANK_STRONG = 5
# The drill's clocks: name a story within 10 s, tell it in 2-3 minutes.
NAME_WITHIN_S = 10
TELL_WITHIN_S = (120, 180)


# Paths of the pages and the API under /stories that a story's id must not take.
RESERVED_SLUGS = frozenset({"new", "drill", "template", "bank", "grade"})


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "story"
    return f"{slug}-story" if slug in RESERVED_SLUGS else slug


def concept_bank(topics: dict[str, Topic]) -> ConceptBank:
    """Every deep-dive concept (bonus ones too) and misconception, with its topic's follow-ups."""
    concepts = []
    misconceptions = []
    follow_ups: dict[str, list[str]] = {}
    for topic in sorted(topics.values(), key=lambda t: t.id):
        for part_concepts in topic.meta.rubric.root.values():
            concepts.extend(part_concepts)
        concepts.extend(topic.meta.bonus)
        misconceptions.extend(topic.meta.misconceptions)
        for concept in [
            *topic.meta.bonus,
            *(c for cs in topic.meta.rubric.root.values() for c in cs),
        ]:
            follow_ups[concept.id] = list(topic.meta.follow_ups)
    return ConceptBank(concepts, misconceptions, follow_ups)


@dataclass(frozen=True)
class StorySummary:
    slug: str
    title: str
    families: list[str]
    questions: list[str]
    failure: bool
    revision: int
    score: int | None
    level: str | None

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class StoryView:
    """A story as its page shows it: the latest text, its parts, every revision's grade."""

    slug: str
    title: str
    meta: StoryMeta
    body: str
    revision: int
    revisions: list[dict[str, Any]]
    grade: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "meta": self.meta.model_dump(),
            "body": self.body,
            "revision": self.revision,
            "revisions": self.revisions,
            "grade": self.grade,
        }


@dataclass(frozen=True)
class HealthCheck:
    name: str
    ok: bool
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class BankReport:
    """Question families × stories: which story answers which question; gaps; health."""

    stories: list[StorySummary]
    families: list[dict[str, Any]]  # {id, title, stories: [slug], questions: [{id, text, stories}]}
    gaps: list[str]
    health: list[HealthCheck]

    @property
    def healthy(self) -> bool:
        return all(h.ok for h in self.health)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stories": [s.to_dict() for s in self.stories],
            "families": self.families,
            "gaps": self.gaps,
            "health": [h.to_dict() for h in self.health],
            "healthy": self.healthy,
        }


@dataclass(frozen=True)
class DrillQuestion:
    question_id: str
    text: str
    family_id: str
    family: str
    suggested: list[str]  # slugs of the user's stories tagged for this question or family
    name_within_s: int = NAME_WITHIN_S
    tell_within_s: tuple[int, int] = TELL_WITHIN_S

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "text": self.text,
            "family_id": self.family_id,
            "family": self.family,
            "suggested": self.suggested,
            "name_within_s": self.name_within_s,
            "tell_within_s": list(self.tell_within_s),
        }


@dataclass(frozen=True)
class DrillResult:
    question_id: str
    story: str | None
    score: int
    named_in_time: bool
    fits_question: bool
    told_in_time: bool
    follow_ups: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


class StoryTrack:
    """The candidate's story bank, graded STAR-T, drilled as in an interview."""

    def __init__(
        self,
        bank: BehavioralBank,
        concepts: ConceptBank,
        store: StoryStore,
        attempts: AttemptLog,
    ) -> None:
        self.bank = bank
        self.concepts = concepts
        self.store = store
        self.attempts = attempts

    # -- content ---------------------------------------------------------------------------
    def families(self) -> list[QuestionFamily]:
        return sorted(self.bank.families.values(), key=lambda f: f.id)

    def question(self, question_id: str) -> tuple[QuestionFamily, Question]:
        found = self.bank.question(question_id)
        if found is None:
            raise NotFoundError(
                f"no behavioral question {question_id!r}; `pgdojo story questions` lists them"
            )
        return found

    def template(self) -> str:
        """A new story's skeleton: the front matter to fill in and the five parts."""
        families = ", ".join(f.id for f in self.families())
        sections = "\n".join(
            f"## {self.bank.rubric.label(part)}\n{_prompt(self.bank, part)}\n"
            for part in STORY_PARTS
        )
        return (
            "---\ntitle: A short title\n"
            f"# families it answers, from: {families}\n"
            "families: []\n# question ids (`pgdojo story questions --json`)\nquestions: []\n"
            "failure: false\n---\n" + sections
        )

    def compose(self, meta: StoryMeta, parts: dict[str, str]) -> str:
        """A story's text from its front matter and its five parts (the page's fields)."""
        head = yaml.safe_dump(meta.model_dump(), sort_keys=False, allow_unicode=True)
        body = "\n".join(
            f"## {self.bank.rubric.label(p).split()[0]}\n{parts.get(p, '').strip()}\n"
            for p in STORY_PARTS
        )
        return f"---\n{head}---\n{body}"

    def decompose(self, text: str) -> tuple[StoryMeta, dict[str, str]]:
        """The front matter and the five parts of a story's text (for the page's fields)."""
        meta, body = self._parse(text)
        return meta, dict(split_parts(body).text)

    def cheatsheet(self) -> str:
        return self.bank.cheatsheet

    def power_phrases(self) -> list[PowerPhrase]:
        return list(self.bank.phrases)

    def questions_to_ask(self) -> list[QuestionToAsk]:
        return list(self.bank.questions_to_ask)

    # -- the story bank --------------------------------------------------------------------
    def _parse(self, text: str, source: str = "story") -> tuple[StoryMeta, str]:
        if not text.strip():
            raise UsageError("the story is empty: write its five parts first")
        if len(text) > MAX_STORY_CHARS:
            raise UsageError(f"the story is longer than {MAX_STORY_CHARS} characters")
        try:
            meta, body = parse_story_meta(text, Path(source))
        except ContentError as exc:
            raise UsageError(str(exc)) from None
        unknown = [f for f in meta.families if f not in self.bank.families]
        if unknown:
            raise UsageError(
                f"{source}: `families`: unknown {', '.join(unknown)} "
                f"(known: {', '.join(sorted(self.bank.families))})"
            )
        unknown = [q for q in meta.questions if self.bank.question(q) is None]
        if unknown:
            raise UsageError(
                f"{source}: `questions`: unknown {', '.join(unknown)} "
                "(`pgdojo story questions` lists the ids)"
            )
        return meta, body

    def create(self, text: str, source: str = "story") -> StoryView:
        meta, _ = self._parse(text, source)
        base = slugify(meta.title)
        slug, n = base, 2
        while self.store.exists(slug):
            slug, n = f"{base}-{n}", n + 1
        self.store.create(slug, meta.title, text, meta.model_dump())
        return self.show(slug)

    def edit(self, slug: str, text: str) -> StoryView:
        self._record(slug)
        meta, _ = self._parse(text, slug)
        self.store.revise(slug, meta.title, text, meta.model_dump())
        return self.show(slug)

    def remove(self, slug: str) -> dict[str, Any]:
        self._record(slug)
        return {"slug": slug, "removed": self.store.remove(slug)}

    def _record(self, slug: str) -> StoryRecord:
        record = self.store.get(slug)
        if record is None:
            raise NotFoundError(f"no story {slug!r} in your bank; `pgdojo story list` shows them")
        return record

    def show(self, slug: str) -> StoryView:
        record = self._record(slug)
        meta = StoryMeta.model_validate(record.meta)
        return StoryView(
            slug=record.slug,
            title=record.title,
            meta=meta,
            body=record.body,
            revision=record.revision,
            revisions=[
                {
                    "number": r.number,
                    "score": r.score,
                    "level": r.level,
                    "created_at": r.created_at.isoformat(),
                    "body": r.body,
                }
                for r in self.store.revisions(slug)
            ],
            grade=_in_part_order(record.grade),
        )

    def list_stories(self) -> list[StorySummary]:
        out = []
        for r in self.store.all():
            meta = StoryMeta.model_validate(r.meta)
            out.append(
                StorySummary(
                    r.slug,
                    r.title,
                    list(meta.families),
                    list(meta.questions),
                    meta.failure,
                    r.revision,
                    r.score,
                    r.level,
                )
            )
        return out

    # -- grading ---------------------------------------------------------------------------
    def grade_text(self, text: str, source: str = "story") -> StoryGrade:
        """Grade a story's text without keeping it (a file, a draft in the editor)."""
        _, body = self._parse(text, source)
        return grade_story(body, self.bank.rubric, self.concepts)

    def grade_file(self, text: str, source: str) -> StoryGrade:
        """Grade a story from a file: an attempt is recorded, the text is not kept."""
        meta, body = self._parse(text, source)
        graded = grade_story(body, self.bank.rubric, self.concepts)
        self.attempts.record_once(
            TRACK,
            "grade",
            f"file-{slugify(meta.title)}",
            graded.score,
            graded.score >= STRONG_SCORE,
            detail={"level": graded.level},
        )
        return graded

    def grade(self, slug: str) -> StoryGrade:
        """Grade a bank story's latest revision; the grade is kept with the revision."""
        record = self._record(slug)
        _, body = self._parse(record.body, slug)
        graded = grade_story(body, self.bank.rubric, self.concepts)
        attempt = self.attempts.record_once(
            TRACK,
            "grade",
            slug,
            graded.score,
            graded.score >= STRONG_SCORE,
            detail={"revision": record.revision, "level": graded.level},
        )
        self.store.record_grade(
            slug, record.revision, attempt, graded.score, graded.level, graded.to_dict()
        )
        return graded

    def sample(self, story_id: str, version: str = "staff") -> str:
        """A built-in worked story (staff, senior, junior, stuffed or we), to read or grade."""
        story = self.bank.stories.get(story_id)
        if story is None:
            raise NotFoundError(
                f"no worked story {story_id!r}; known: {', '.join(sorted(self.bank.stories))}"
            )
        if version not in story.versions:
            raise UsageError(f"versions are {', '.join(story.versions)}")
        return story.versions[version]

    # -- the bank's health -----------------------------------------------------------------
    def bank_report(self) -> BankReport:
        stories = self.list_stories()
        families = []
        gaps = []
        for family in self.families():
            tagged = [s.slug for s in stories if family.id in s.families]
            questions = [
                {
                    "id": q.id,
                    "text": q.text,
                    "stories": [s.slug for s in stories if q.id in s.questions],
                }
                for q in family.questions
            ]
            families.append(
                {"id": family.id, "title": family.title, "stories": tagged, "questions": questions}
            )
            if not tagged:
                gaps.append(f"no story for {family.title.lower()} ({family.id})")
        strong = [s for s in stories if (s.score or 0) >= STRONG_SCORE]
        low, high = BANK_SIZE
        health = [
            HealthCheck(
                "size", low <= len(stories) <= high, f"{len(stories)} stories ({low}–{high})"
            ),
            HealthCheck(
                "strong",
                len(strong) >= BANK_STRONG,
                f"{len(strong)} graded strong (score ≥ {STRONG_SCORE}; {BANK_STRONG} wanted)",
            ),
            HealthCheck(
                "failure",
                any(s.failure for s in stories),
                "a failure story and what changed"
                if any(s.failure for s in stories)
                else "no failure story: interviewers ask for one (mark it `failure: true`)",
            ),
            HealthCheck(
                "families",
                not gaps,
                "every family covered" if not gaps else f"{len(gaps)} families uncovered",
            ),
        ]
        return BankReport(stories, families, gaps, health)

    # -- drills ----------------------------------------------------------------------------
    def drill_question(
        self, question_id: str | None = None, rng: random.Random | None = None
    ) -> DrillQuestion:
        """The question to drill: the one asked for, or one at random from every family."""
        if question_id is not None:
            family, question = self.question(question_id)
        else:
            pairs = [(f, q) for f in self.families() for q in f.questions]
            if not pairs:
                raise NotFoundError("no behavioral questions are loaded")
            family, question = (rng or random).choice(pairs)
        stories = self.list_stories()
        suggested = [s.slug for s in stories if question.id in s.questions] + [
            s.slug for s in stories if family.id in s.families and question.id not in s.questions
        ]
        return DrillQuestion(question.id, question.text, family.id, family.title, suggested)

    def follow_ups(self, question_id: str, slug: str | None) -> list[str]:
        """What an interviewer digs with: the story's own follow-ups, then those of the
        deep-dive topics its technical claims come from, then the question's."""
        _, question = self.question(question_id)
        asked: list[str] = []
        if slug:
            view = self.show(slug)
            asked.extend(view.meta.follow_ups)
            graded = grade_story(self._parse(view.body, slug)[1], self.bank.rubric, self.concepts)
            for mechanism in graded.mechanisms:
                asked.extend(self.concepts.follow_ups.get(mechanism.concept_id, [])[:1])
        asked.extend(question.follow_ups)
        unique: list[str] = []
        for item in asked:
            if item not in unique:
                unique.append(item)
        return unique[:6]

    def finish_drill(
        self,
        question_id: str,
        slug: str | None,
        name_seconds: float | None,
        tell_seconds: float | None,
    ) -> DrillResult:
        """Score a drill: a story named within 10 s that fits the question, told in 2-3 min."""
        family, question = self.question(question_id)
        notes = []
        fits = False
        if slug:
            meta = self.show(slug).meta
            fits = question.id in meta.questions or family.id in meta.families
            if not fits:
                notes.append(
                    f"{slug!r} is not tagged for this question: tag it, or pick another story"
                )
        else:
            notes.append("no story named: the bank has a gap here (`pgdojo story bank`)")
        named = slug is not None and name_seconds is not None and name_seconds <= NAME_WITHIN_S
        if slug and not named:
            notes.append(f"name the story within {NAME_WITHIN_S} s: know your bank by heart")
        low, high = TELL_WITHIN_S
        told = tell_seconds is not None and low <= tell_seconds <= high
        if tell_seconds is not None and not told:
            notes.append(
                "too short: give the Action and the figures room"
                if tell_seconds < low
                else "too long: interviewers stop listening past 3 minutes"
            )
        score = 30 * named + 30 * fits + 40 * told
        attempt = self.attempts.record_once(
            TRACK,
            "drill",
            question.id,
            score,
            score >= STRONG_SCORE,
            seconds=(name_seconds or 0) + (tell_seconds or 0),
            detail={"story": slug},
        )
        self.store.record_drill(attempt, question.id, slug, name_seconds, tell_seconds)
        return DrillResult(
            question.id,
            slug,
            score,
            named,
            fits,
            told,
            self.follow_ups(question.id, slug),
            notes,
        )


def _in_part_order(grade: dict[str, Any] | None) -> dict[str, Any] | None:
    """A stored grade with its parts in STAR-T order again (jsonb does not keep key order)."""
    if grade is None or "parts" not in grade:
        return grade
    return {**grade, "parts": {p: grade["parts"][p] for p in STORY_PARTS if p in grade["parts"]}}


def _prompt(bank: BehavioralBank, part: str) -> str:
    about = next(p.about for p in bank.rubric.parts if p.id == part)
    return f"<!-- {about} -->"
