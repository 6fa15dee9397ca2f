"""The rounds a mock is made of, each played through a track's public service.

A round picks its item (weak and unseen first), shows the prompt, takes answers (the first,
then answers to follow-ups), grades them with the track's own grader, and chooses the next
follow-up from what the answer missed, as an interviewer digs where an answer is thin.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pgdojo.errors import NotFoundError
from pgdojo.grading import STRONG_SCORE
from pgdojo.registry import PracticeItem
from pgdojo.tracks.deepdive import DeepDiveTrack, grade_dict
from pgdojo.tracks.design import DesignTrack
from pgdojo.tracks.lab.service import LabTrack, lab_score
from pgdojo.tracks.mock.criteria import (
    Mark,
    deepdive_marks,
    design_marks,
    lab_marks,
    sql_marks,
    story_marks,
)
from pgdojo.tracks.sql import SqlTrack
from pgdojo.tracks.story import StoryTrack

# The seed's time boxes, in minutes.
TIME_BOXES = {
    "deepdive": (30, 45),
    "design": (45, 60),
    "sql": (30, 45),
    "troubleshooting": (30, 45),
    "behavioral": (30, 45),
}
WORD = re.compile(r"[a-z][a-z_]{3,}")


@dataclass
class Outcome:
    """A graded answer: the track's result, its score, the rubric marks, what the candidate
    may see during the mock (a verdict, not a grade), and the follow-up chosen."""

    result: dict[str, Any]
    score: int
    marks: list[Mark]
    visible: dict[str, Any] = field(default_factory=dict)
    follow_up: str | None = None


class Round(Protocol):
    kind: str
    track: str

    def pick(self, item_id: str | None) -> str: ...
    def prompt(self, item_id: str) -> dict[str, Any]: ...
    def begin(self, item_id: str) -> dict[str, Any]: ...
    def answer(self, item_id: str, text: str, previous: list[dict[str, Any]]) -> Outcome: ...
    def marks(self, item_id: str, answers: list[dict[str, Any]]) -> list[Mark]: ...
    def end(self, item_id: str) -> None: ...


def _weakest(items: list[PracticeItem], allowed: Callable[[PracticeItem], bool]) -> str:
    pool = [i for i in items if allowed(i)]
    if not pool:
        raise NotFoundError("no item to practise for this round")
    fresh = [i for i in pool if not i.mastered] or pool
    return fresh[0].item_id


def _closest(candidates: list[str], missing_text: str) -> str | None:
    """The candidate question sharing the most words with what the answer missed."""
    wanted = set(WORD.findall(missing_text.lower()))
    scored = [(len(wanted & set(WORD.findall(c.lower()))), -n, c) for n, c in enumerate(candidates)]
    return max(scored)[2] if scored and max(scored)[0] > 0 else None


class DeepDiveRound:
    """Explain a topic; follow-ups go after the missing concepts."""

    track = "deepdive"

    def __init__(
        self,
        deepdive: DeepDiveTrack,
        items: Callable[[], list[PracticeItem]],
        kind: str = "deepdive",
        topics: tuple[str, ...] | None = None,
    ) -> None:
        self.deepdive = deepdive
        self.items = items
        self.kind = kind
        self.topics = topics

    def pick(self, item_id: str | None) -> str:
        if item_id:
            return self.deepdive.topic(item_id).id
        return _weakest(self.items(), lambda i: self.topics is None or i.item_id in self.topics)

    def prompt(self, item_id: str) -> dict[str, Any]:
        topic = self.deepdive.topic(item_id)
        return {
            "title": topic.title,
            "question": topic.meta.question,
            "hint": "What, Why, How, Trade-offs; compare with another system for bonus points.",
        }

    def begin(self, item_id: str) -> dict[str, Any]:
        return {}

    def _grade(self, item_id: str, text: str) -> dict[str, Any]:
        return grade_dict(self.deepdive.grade(item_id, text))

    def answer(self, item_id: str, text: str, previous: list[dict[str, Any]]) -> Outcome:
        # An answer to a follow-up adds to what was said: the grade reads everything so far.
        full = "\n\n".join([*(a["text"] for a in previous), text])
        grade = self._grade(item_id, full)
        missing = grade["missing_detail"]
        asked = {a.get("follow_up") for a in previous}
        follow_up = None
        if missing:
            topic = self.deepdive.topic(item_id)
            candidates = [
                q for q in [*topic.meta.follow_ups, *topic.meta.variants] if q not in asked
            ]
            follow_up = _closest(candidates, " ".join(m["concept"] for m in missing[:3]))
            if follow_up is None:
                follow_up = f"You did not get to this: {missing[0]['concept']} Explain it."
        return Outcome(grade, grade["score"], deepdive_marks(grade), {"recorded": True}, follow_up)

    def marks(self, item_id: str, answers: list[dict[str, Any]]) -> list[Mark]:
        return deepdive_marks(answers[-1]["result"]) if answers else []

    def end(self, item_id: str) -> None:
        return None


class DesignRound:
    """A system-design round: the answer is the whole submission; it is run and graded."""

    kind = "design"
    track = "design"

    def __init__(self, design: DesignTrack, items: Callable[[], list[PracticeItem]]) -> None:
        self.design = design
        self.items = items

    def pick(self, item_id: str | None) -> str:
        if item_id:
            return self.design.prompt(item_id).id
        return _weakest(self.items(), lambda i: True)

    def prompt(self, item_id: str) -> dict[str, Any]:
        shown = self.design.show(item_id)
        return {
            "title": shown["title"],
            "question": shown["question"],
            "statement": shown["statement"],
            "template": self.design.template(item_id),
        }

    def begin(self, item_id: str) -> dict[str, Any]:
        return {}

    def answer(self, item_id: str, text: str, previous: list[dict[str, Any]]) -> Outcome:
        graded = self.design.grade(item_id, text).to_dict()
        failed = [c for c in graded["run"]["checks"] if not c["passed"]]
        if failed:
            follow_up = (
                f"Your design fails {failed[0]['name']}: {failed[0]['message']}. "
                "Why, and what would you change?"
            )
        else:
            weakest = min(graded["parts"].values(), key=lambda p: p["score"])
            follow_up = (
                f"Tell me more about your {weakest['label'].lower()}: "
                "what breaks first at ten times the load?"
            )
        visible = {"recorded": True}
        return Outcome(graded, graded["score"], design_marks(graded), visible, follow_up)

    def marks(self, item_id: str, answers: list[dict[str, Any]]) -> list[Mark]:
        return design_marks(answers[-1]["result"]) if answers else []

    def end(self, item_id: str) -> None:
        return None


class SqlRound:
    kind = "sql"
    track = "sql"

    def __init__(self, sql: SqlTrack, items: Callable[[], list[PracticeItem]]) -> None:
        self.sql = sql
        self.items = items

    def pick(self, item_id: str | None) -> str:
        if item_id:
            return self.sql.problem(item_id).id
        kinds = {p.id: p.kind.value for p in self.sql.problems.values()}
        return _weakest(self.items(), lambda i: kinds.get(i.item_id) in ("query", "mutation"))

    def prompt(self, item_id: str) -> dict[str, Any]:
        shown = self.sql.show(item_id, with_sample=False)
        return {
            "title": shown["title"],
            "statement": shown["statement"],
            "schema_sql": shown["schema_sql"],
            "time_limit_ms": shown["time_limit_ms"],
        }

    def begin(self, item_id: str) -> dict[str, Any]:
        return {"attempt_id": self.sql.practise(item_id).attempt_id}

    def answer(self, item_id: str, text: str, previous: list[dict[str, Any]]) -> Outcome:
        accepted = next((a for a in previous if a["result"].get("accepted")), None)
        if accepted is not None:
            # Once the query is accepted the interviewer asks about it: the answer is prose,
            # kept with the accepted result (not judged as SQL).
            result = {**accepted["result"], "discussion": text}
            attempt = self.sql.attempt(result["attempt_id"])
            marks = sql_marks(result, 1, attempt.hints_used if attempt else 0)
            return Outcome(result, 100, marks, {"recorded": True}, None)
        attempt_id = next((a["attempt_id"] for a in previous if a.get("attempt_id")), None)
        if attempt_id is None:
            attempt_id = self.sql.practise(item_id).attempt_id
        result = self.sql.judge(item_id, text, attempt_id).to_dict()
        attempt = self.sql.attempt(attempt_id)
        marks = sql_marks(result, len(previous) + 1, attempt.hints_used if attempt else 0)
        if result["accepted"]:
            follow_up = (
                "It is correct. How would it behave on a hundred million rows: which index, "
                "and what would the plan look like?"
            )
        else:
            # A hidden case says what it catches; the sample's message says it all.
            why = result.get("catches") or result["message"]
            follow_up = f"{why[0].upper()}{why[1:]}. What would you change?"
        visible = {"verdict": result["verdict"], "message": result["message"]}
        outcome = Outcome(result, 100 if result["accepted"] else 0, marks, visible, follow_up)
        outcome.result["attempt_id"] = attempt_id
        return outcome

    def marks(self, item_id: str, answers: list[dict[str, Any]]) -> list[Mark]:
        if not answers:
            return []
        accepted = [
            n
            for n, a in enumerate(answers)
            if a["result"]["accepted"] and "discussion" not in a["result"]
        ]
        best = answers[accepted[0]] if accepted else answers[-1]
        attempt = self.sql.attempt(best["result"]["attempt_id"])
        submissions = (accepted[0] + 1) if accepted else len(answers)
        return sql_marks(best["result"], submissions, attempt.hints_used if attempt else 0)

    def end(self, item_id: str) -> None:
        return None


class LabRound:
    """A live incident: the answer is the root-cause statement; then the engine checks."""

    kind = "troubleshooting"
    track = "lab"

    def __init__(self, lab: LabTrack, items: Callable[[], list[PracticeItem]]) -> None:
        self.lab = lab
        self.items = items

    def pick(self, item_id: str | None) -> str:
        if item_id:
            return self.lab.scenario(item_id).id
        return _weakest(self.items(), lambda i: True)

    def prompt(self, item_id: str) -> dict[str, Any]:
        scenario = self.lab.scenario(item_id)
        return {"title": scenario.doc.title, "alert": scenario.doc.alert}

    def begin(self, item_id: str) -> dict[str, Any]:
        started = self.lab.start(item_id)
        return {
            "dsn": started["dsn"],
            "briefing": started["briefing"],
            "severity": started["severity"],
            "answer": "investigate and fix it over the DSN, then answer with your root cause",
        }

    def answer(self, item_id: str, text: str, previous: list[dict[str, Any]]) -> Outcome:
        self.lab.diagnose(item_id, text)
        check = self.lab.check(item_id)
        if not check["solved"]:
            follow_up = (
                "The symptom is still there. What do pg_stat_activity and pg_locks show now, "
                "and what is your next hypothesis?"
            )
        elif not check["prevention"]:
            follow_up = "It is fixed. What stops it from happening again?"
        elif not check["detect"]:
            follow_up = "Name the root cause precisely: which session, query or setting?"
        else:
            follow_up = None
        visible = {"solved": check["solved"], "symptom": check["findings"][0]["detail"]}
        return Outcome(dict(check), lab_score(check), lab_marks(check), visible, follow_up)

    def marks(self, item_id: str, answers: list[dict[str, Any]]) -> list[Mark]:
        return lab_marks(answers[-1]["result"]) if answers else []

    def end(self, item_id: str) -> None:
        self.lab.stop(item_id)


class StoryRound:
    """A behavioral question: the answer is the story told; follow-ups dig at its weakest part."""

    kind = "behavioral"
    track = "story"

    def __init__(self, story: StoryTrack, rng: random.Random | None = None) -> None:
        self.story = story
        self.rng = rng or random.Random()

    def pick(self, item_id: str | None) -> str:
        if item_id:
            return self.story.question(item_id)[1].id
        report = self.story.bank_report()
        strong = {f for s in report.stories if (s.score or 0) >= STRONG_SCORE for f in s.families}
        weak = [(f, q) for f in self.story.families() if f.id not in strong for q in f.questions]
        pool = weak or [(f, q) for f in self.story.families() for q in f.questions]
        if not pool:
            raise NotFoundError("no behavioral questions are loaded")
        return self.rng.choice(pool)[1].id

    def prompt(self, item_id: str) -> dict[str, Any]:
        family, question = self.story.question(item_id)
        return {"title": family.title, "question": question.text, "hint": "STAR-T, 2-3 minutes."}

    def begin(self, item_id: str) -> dict[str, Any]:
        return {}

    def answer(self, item_id: str, text: str, previous: list[dict[str, Any]]) -> Outcome:
        full = "\n\n".join([*(a["text"] for a in previous), text])
        graded = self.story.grade_text(full).to_dict()
        _, question = self.story.question(item_id)
        asked = {a.get("follow_up") for a in previous}
        candidates = []
        if graded["first_person_ratio"] < 0.5:
            candidates.append("What exactly did you do yourself, as opposed to the team?")
        if not graded["quantified_result"]:
            candidates.append("How did you measure the result? Give me the before and after.")
        if not graded["lasting_change"]:
            candidates.append("What changed afterwards, so that it does not happen again?")
        for mechanism in graded["mechanisms"]:
            candidates.extend(self.story.concepts.follow_ups.get(mechanism["id"], [])[:1])
        candidates.extend(question.follow_ups)
        follow_up = next((c for c in candidates if c not in asked), None)
        return Outcome(graded, graded["score"], story_marks(graded), {"recorded": True}, follow_up)

    def marks(self, item_id: str, answers: list[dict[str, Any]]) -> list[Mark]:
        return story_marks(answers[-1]["result"]) if answers else []

    def end(self, item_id: str) -> None:
        return None
