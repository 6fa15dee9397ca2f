"""Grading a STAR-T story: deterministic, every point with the sentence it is about.

Each part scores 0..100 and is worth its weight from `behavioral/rubric.yaml`
(Situation 10, Task 10, Action 30, Result 25, Technical 25):

- Situation: present (40), shows the stakes with a figure or a pressure word (30), stays
  short: at most a quarter of the story (30).
- Task: present (40), says what *you* owned (40), says what success meant (20).
- Action: present (20), carries about half the story: a share of the words between 35% and
  65% scores 30, falling to 0 at 10% or 85%; the first-person ratio (the share of "I" among
  I, we and the team as the actor) scores the other 50.
- Result: present (20), quantified (45): one of its sentences has a figure *and* says what
  changed (an arrow, "from ... to", dropped, cut, held, ...), so "16 cores and 3 replicas" does
  not count; the lasting change (35): what was prevented since, what is done differently.
- Technical: present (10), mechanisms explained (90 for four or more): a concept of the
  deep-dive concept bank counts when an explanatory sentence of the Technical part names it
  and explains it (the rubric grader's rule), so a list of terms earns nothing. A
  false claim from the bank's misconceptions costs the part 25 and is flagged.

Ownership: with a first-person ratio below 0.5 in the Action, the whole score is scaled down,
linearly to half at 0: a story that never says what *you* did does not answer the question.

Then, on the whole story: spoken length (150 words a minute) between 2 and 3 minutes is right;
under 1 minute or over 4 costs 10 points, the minute either side of it 3; vague words and
hedges ("some", "a lot", "things", "kind of", ...) past the second cost 2 each, at most 10.

Level, on the seed's rubric: Experience (theoretical → real examples → war stories: figures in
the Result, three or more mechanisms explained) and scope (own work → a team → several teams)
with ownership: staff needs a war story across several teams told in the first person and a
score of 70; senior needs a real example, a first-person ratio of at least 0.3 and a score of
50; anything else is junior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pgdojo.content.behavioral import STORY_PARTS, StoryRubric
from pgdojo.content.rubric import Concept, Misconception
from pgdojo.grading import WORDS_PER_MINUTE, count_words, is_explanation, split_sentences
from pgdojo.grading.grader import concept_evidence, misconception_evidence
from pgdojo.grading.text import shorten
from pgdojo.tracks.story.parts import StoryParts, split_parts

SPOKEN_RIGHT_S = (120, 180)  # 2 to 3 minutes
SPOKEN_TOO_SHORT_S = 60
SPOKEN_TOO_LONG_S = 240
ACTION_SHARE = (0.35, 0.65)  # around half of the story
ACTION_SHARE_ZERO = (0.10, 0.85)
MECHANISMS_FOR_FULL = 4
MECHANISMS_FOR_WAR_STORY = 3
MISCONCEPTION_COST = 25
LENGTH_COST = 10
LENGTH_NEAR_COST = 3  # between 1 and 2 minutes, or 3 and 4
VAGUE_FREE = 2
VAGUE_COST, VAGUE_MAX = 2, 10
STAFF_SCORE, SENIOR_SCORE = 70, 50
# Below this first-person ratio the whole score is scaled down, by up to half at 0.
OWNERSHIP_FULL, OWNERSHIP_CUT = 0.5, 0.5
STAFF_FIRST_PERSON, SENIOR_FIRST_PERSON = 0.5, 0.3

VAGUE = re.compile(
    r"\b(some|a lot|lots of|things?|stuff|kind of|sort of|basically|various|pretty much|"
    r"somehow|a bit|quite|really|very|maybe|probably|i think|i guess)\b",
    re.IGNORECASE,
)
FIGURE = re.compile(r"\d")
CHANGE = re.compile(
    r"(→|->|\bfrom\b.*\bto\b|\bdown to\b|\bup to\b|\bdropped\b|\bfell\b|\brose\b|\bcut\b|"
    r"\breduced\b|\bimproved\b|\bhalved\b|\bdoubled\b|\bwent\b|\bsaved\b|\bheld\b|\bbefore\b|"
    r"\bafter\b|\bwithin\b|\bno longer\b|\bzero\b|\bshrank\b|\bgrew\b|\bfaster\b|\bslower\b|"
    r"\bfewer\b|\brecovered\b|\blost\b|\bback to\b|\bbelow\b|\bunder\b)",
    re.IGNORECASE,
)
LASTING = re.compile(
    r"\b(since then|ever since|since|now|every (new|team|migration|release|service|change)|"
    r"standard|runbook|alert(s|ing)?|polic(y|ies)|lint|ci\b|default|review|template|checklist|"
    r"guardrail|hasn't|haven't|no recurrence|prevent(ed|s)?|never again|still)\b",
    re.IGNORECASE,
)
STAKES = re.compile(
    r"\b(customers?|revenue|peak|outage|p9\d|sla|slo|incident|page[ds]?|timeouts?|"
    r"errors?|deadline|users?|orders?|checkout)\b",
    re.IGNORECASE,
)
OWNED = re.compile(
    r"\b(I|my|me)\b.*\b(own|owned|lead|led|responsible|asked|job|task|role|on call|on-call|"
    r"had to|decided|chose)\b"
    r"|\b(owned|responsible for|my job|my task|i was asked|i volunteered|i took|mine|"
    r"my (call|decision|responsibility|project))\b",
    re.IGNORECASE,
)
SUCCESS = re.compile(
    r"\b(goal|target|objective|rto|rpo|slo|sla|so that|without|by (the|end|friday|monday)|"
    r"deadline|within|success|had to|needed to|must|budget)\b",
    re.IGNORECASE,
)
I_ACTOR = re.compile(r"\bI\b")
WE_ACTOR = re.compile(r"\b(we|the team|our team|my team|they)\b", re.IGNORECASE)
SEVERAL_TEAMS = re.compile(
    r"\b(teams|other teams|across (the )?(org|organisation|organization|company|teams)|"
    r"company-wide|org-wide|every (team|service)|all services|platform|\d+ services|"
    r"standard|guild|engineering-wide)\b",
    re.IGNORECASE,
)
A_TEAM = re.compile(
    r"\b(my team|the team|our team|on-call|teammates?|colleagues?|we|reviewers?)\b",
    re.IGNORECASE,
)


SHOW_STAKES = "Show the stakes in the Situation: a figure, who was hurt."
SITUATION_TOO_LONG = (
    "The Situation is too long: a quarter of the story at most; the Action is what counts."
)
SAY_SUCCESS = "Say what success meant: the goal, the limit, the deadline."


@dataclass(frozen=True)
class PartGrade:
    part: str
    label: str
    present: bool
    words: int
    score: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "present": self.present,
            "words": self.words,
            "score": self.score,
        }


@dataclass(frozen=True)
class Point:
    """One point of feedback: what to do, the sentence it is about, what it is worth."""

    message: str
    sentence: str | None
    value: float

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "sentence": self.sentence, "value": round(self.value, 1)}


@dataclass(frozen=True)
class Mechanism:
    concept_id: str
    concept: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.concept_id, "concept": self.concept, "evidence": self.evidence}


@dataclass(frozen=True)
class FalseClaim:
    misconception_id: str
    claim: str
    correction: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.misconception_id,
            "claim": self.claim,
            "correction": self.correction,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class StoryGrade:
    score: int
    parts: dict[str, PartGrade]
    first_person_ratio: float
    quantified_result: bool
    lasting_change: bool
    spoken_seconds: int
    words: int
    level: str
    experience: str
    scope: str
    labelled: bool
    mechanisms: list[Mechanism] = field(default_factory=list)
    false_claims: list[FalseClaim] = field(default_factory=list)
    vague: list[str] = field(default_factory=list)
    feedback: list[Point] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "parts": {p: g.to_dict() for p, g in self.parts.items()},
            "first_person_ratio": self.first_person_ratio,
            "quantified_result": self.quantified_result,
            "lasting_change": self.lasting_change,
            "spoken_seconds": self.spoken_seconds,
            "words": self.words,
            "level": self.level,
            "experience": self.experience,
            "scope": self.scope,
            "labelled": self.labelled,
            "mechanisms": [m.to_dict() for m in self.mechanisms],
            "misconceptions": [c.to_dict() for c in self.false_claims],
            "vague": self.vague,
            "feedback": [p.to_dict() for p in self.feedback],
        }


@dataclass(frozen=True)
class ConceptBank:
    """The deep-dive concepts and misconceptions a story's technical claims are checked on,
    and the follow-up questions of the topic each concept comes from."""

    concepts: list[Concept]
    misconceptions: list[Misconception]
    follow_ups: dict[str, list[str]] = field(default_factory=dict)


def first_person_ratio(action: str) -> float:
    """The share of "I" among I, we and the team (as actors) in the Action."""
    mine = len(I_ACTOR.findall(action))
    ours = len(WE_ACTOR.findall(action))
    return round(mine / (mine + ours), 2) if mine + ours else 0.0


def _outcome_sentences(text: str) -> list[str]:
    """Sentences with a figure that measures a change (not an inventory of the hardware)."""
    return [s for s in split_sentences(text) if FIGURE.search(s) and CHANGE.search(s)]


def _band(value: float, right: tuple[float, float], zero: tuple[float, float]) -> float:
    """1 inside `right`, falling linearly to 0 at the `zero` ends."""
    low, high = right
    if low <= value <= high:
        return 1.0
    if value < low:
        return max(0.0, (value - zero[0]) / (low - zero[0]))
    return max(0.0, (zero[1] - value) / (zero[1] - high))


def grade_story(text: str, rubric: StoryRubric, bank: ConceptBank) -> StoryGrade:
    """Grade a story's text (front matter removed)."""
    found: StoryParts = split_parts(text)
    words = {p: count_words(found.text[p]) for p in STORY_PARTS}
    total_words = sum(words.values()) or count_words(text)
    points: list[Point] = []

    def lose(part: str, fraction: float, message: str, sentence: str | None) -> None:
        """A point of feedback worth the share of `part`'s weight it would win back."""
        points.append(
            Point(message, shorten(sentence) if sentence else None, rubric.weight(part) * fraction)
        )

    def first(text: str, pattern: re.Pattern[str] | None = None) -> str | None:
        sentences = split_sentences(text)
        if pattern is None:
            return sentences[0] if sentences else None
        return next((s for s in sentences if pattern.search(s)), None)

    scores: dict[str, float] = {}
    for part in STORY_PARTS:
        if not found.present(part):
            scores[part] = 0.0
            lose(
                part,
                1.0,
                f"Add the {rubric.label(part)}: "
                + next(p.about for p in rubric.parts if p.id == part),
                None,
            )

    situation = found.text["situation"]
    if found.present("situation"):
        s = 40.0
        if FIGURE.search(situation) or STAKES.search(situation):
            s += 30
        else:
            lose(
                "situation",
                0.3,
                SHOW_STAKES,
                first(situation),
            )
        if words["situation"] <= 0.25 * total_words:
            s += 30
        else:
            lose(
                "situation",
                0.3,
                SITUATION_TOO_LONG,
                None,
            )
        scores["situation"] = s

    task = found.text["task"]
    if found.present("task"):
        s = 40.0
        if OWNED.search(task):
            s += 40
        else:
            lose("task", 0.4, "Say what you owned in the Task, in the first person.", first(task))
        if SUCCESS.search(task):
            s += 20
        else:
            lose(
                "task",
                0.2,
                SAY_SUCCESS,
                first(task),
            )
        scores["task"] = s

    action = found.text["action"]
    ratio = first_person_ratio(action)
    if found.present("action"):
        share = words["action"] / total_words if total_words else 0.0
        share_score = _band(share, ACTION_SHARE, ACTION_SHARE_ZERO)
        scores["action"] = 20 + 30 * share_score + 50 * ratio
        if share_score < 1:
            lose(
                "action",
                0.3 * (1 - share_score),
                f"The Action is {share:.0%} of the story: make it about half, it is where you show "
                "what you did.",
                None,
            )
        if ratio < 1:
            lose(
                "action",
                0.5 * (1 - ratio),
                "Say what you did: 'we' and 'the team' hide your part (first person in the "
                "Action).",
                first(action, WE_ACTOR),
            )

    result = found.text["result"]
    outcomes = _outcome_sentences(result)
    quantified = bool(outcomes)
    lasting_sentence = first(result, LASTING) or first(found.text["technical"], LASTING)
    lasting = lasting_sentence is not None
    if found.present("result"):
        s = 20.0
        if quantified:
            s += 45
        else:
            lose(
                "result",
                0.45,
                "Give the Result in figures that measure the outcome: before → after, a "
                "percentage, a duration.",
                first(result),
            )
        if lasting:
            s += 35
        else:
            lose(
                "result",
                0.35,
                "End with the lasting change: what has not happened since, what is done "
                "differently now.",
                None,
            )
        scores["result"] = s

    technical = found.text["technical"]
    mechanisms: list[Mechanism] = []
    claims: list[FalseClaim] = []
    explained = [s for s in split_sentences(technical) if is_explanation(s)]
    seen: set[str] = set()
    for concept in bank.concepts:
        if concept.concept in seen:
            continue
        evidence = concept_evidence(concept, explained)
        if evidence:
            seen.add(concept.concept)
            mechanisms.append(Mechanism(concept.id, concept.concept, shorten(evidence)))
    for item in bank.misconceptions:
        evidence = misconception_evidence(item, split_sentences(text))
        if evidence and item.claim not in {c.claim for c in claims}:
            claims.append(FalseClaim(item.id, item.claim, item.correction, shorten(evidence)))
    if found.present("technical"):
        depth = min(len(mechanisms), MECHANISMS_FOR_FULL) / MECHANISMS_FOR_FULL
        scores["technical"] = max(0.0, 10 + 90 * depth - MISCONCEPTION_COST * len(claims))
        if depth < 1:
            listed = next((s for s in split_sentences(technical) if not is_explanation(s)), None)
            lose(
                "technical",
                0.9 * (1 - depth),
                "Explain the mechanisms, not only name them: why the planner, the lock or the "
                "replica behaved as it did, and why your fix works.",
                listed,
            )
    for claim in claims:
        points.append(
            Point(f"This claim is wrong: {claim.correction}", claim.evidence, MISCONCEPTION_COST)
        )

    score = sum(rubric.weight(p) * scores[p] / 100 for p in STORY_PARTS)
    spoken = round(total_words / WORDS_PER_MINUTE * 60)
    if spoken < SPOKEN_TOO_SHORT_S or spoken > SPOKEN_TOO_LONG_S:
        score -= LENGTH_COST
    elif not SPOKEN_RIGHT_S[0] <= spoken <= SPOKEN_RIGHT_S[1]:
        score -= LENGTH_NEAR_COST
    if spoken > SPOKEN_RIGHT_S[1]:
        points.append(
            Point(
                f"About {spoken // 60} min {spoken % 60:02d} s spoken: 2–3 minutes is right; "
                "cut the Situation, keep the Action and the figures.",
                None,
                LENGTH_COST if spoken > SPOKEN_TOO_LONG_S else LENGTH_NEAR_COST,
            )
        )
    elif spoken < SPOKEN_RIGHT_S[0]:
        points.append(
            Point(
                f"About {spoken} s spoken: 2–3 minutes gives room for what you did and why.",
                None,
                LENGTH_COST if spoken < SPOKEN_TOO_SHORT_S else LENGTH_NEAR_COST,
            )
        )
    vague_sentences = [s for s in split_sentences(text) if VAGUE.search(s)]
    vague_words = [m.group(0).lower() for m in VAGUE.finditer(text)]
    if len(vague_words) > VAGUE_FREE:
        cost = min(VAGUE_MAX, VAGUE_COST * (len(vague_words) - VAGUE_FREE))
        score -= cost
        points.append(
            Point(
                "Replace vague words with specifics ("
                + ", ".join(sorted(set(vague_words))[:5])
                + "): which queries, how many, how long.",
                shorten(vague_sentences[0]) if vague_sentences else None,
                cost,
            )
        )
    if not found.labelled:
        points.append(
            Point(
                "Label the parts (## Situation, ## Task, ## Action, ## Result, ## Technical) "
                "so the grade reads them exactly.",
                None,
                0.5,
            )
        )
    if found.present("action") and ratio < OWNERSHIP_FULL:
        # A story that never says what *you* did does not answer a behavioral question.
        score *= 1 - OWNERSHIP_CUT * (1 - ratio / OWNERSHIP_FULL)
    final = max(0, min(100, round(score)))
    experience = _experience(quantified, len(mechanisms), text)
    scope = _scope(text)
    level = _level(final, experience, scope, ratio)
    return StoryGrade(
        score=final,
        parts={
            p: PartGrade(p, rubric.label(p), found.present(p), words[p], round(scores[p]))
            for p in STORY_PARTS
        },
        first_person_ratio=ratio,
        quantified_result=quantified,
        lasting_change=lasting,
        spoken_seconds=spoken,
        words=total_words,
        level=level,
        experience=experience,
        scope=scope,
        labelled=found.labelled,
        mechanisms=mechanisms,
        false_claims=claims,
        vague=sorted(set(vague_words)),
        feedback=sorted(points, key=lambda p: -p.value),
    )


def _experience(quantified: bool, mechanisms: int, text: str) -> str:
    if quantified and mechanisms >= MECHANISMS_FOR_WAR_STORY:
        return "war stories"
    if quantified or (FIGURE.search(text) and mechanisms >= 1):
        return "real examples"
    return "theoretical"


def _scope(text: str) -> str:
    if len(SEVERAL_TEAMS.findall(text)) >= 2:
        return "several teams"
    if A_TEAM.search(text):
        return "a team"
    return "own work"


def _level(score: int, experience: str, scope: str, ratio: float) -> str:
    if (
        experience == "war stories"
        and scope == "several teams"
        and ratio >= STAFF_FIRST_PERSON
        and score >= STAFF_SCORE
    ):
        return "staff"
    if experience != "theoretical" and ratio >= SENIOR_FIRST_PERSON and score >= SENIOR_SCORE:
        return "senior"
    return "junior"
