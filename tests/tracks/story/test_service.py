"""The story bank in the store: revisions, grades as attempts, the bank's health, drills."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from pgdojo.attempts import AttemptLog
from pgdojo.content.behavioral import StoryMeta
from pgdojo.errors import NotFoundError, UsageError
from pgdojo.services import Services
from pgdojo.store import Store
from pgdojo.store.story import StoryStore
from pgdojo.tracks.story import StoryTrack


@pytest.fixture()
def stories(services: Services, request: pytest.FixtureRequest) -> Iterator[StoryTrack]:
    """The story track for a user of this test alone (the bank's health counts all stories)."""
    shared = services.track(StoryTrack)
    store = Store(services.engine.store_conninfo(), user=f"stories-{request.node.name}"[:60])
    yield StoryTrack(shared.bank, shared.concepts, StoryStore(store), AttemptLog(store))
    store.close()


def _worked(track: StoryTrack, story_id: str, version: str = "staff") -> str:
    story = track.bank.stories[story_id]
    return track.compose(story.meta, track.decompose(story.versions[version])[1])


def test_create_edit_revisions_and_grades(stories: StoryTrack) -> None:
    story_id = sorted(stories.bank.stories)[0]
    view = stories.create(_worked(stories, story_id, "junior"))
    assert view.revision == 1 and view.meta.families
    weak = stories.grade(view.slug)
    edited = stories.edit(view.slug, _worked(stories, story_id, "staff"))
    assert edited.revision == 2
    strong = stories.grade(view.slug)
    assert strong.score > weak.score
    shown = stories.show(view.slug)
    assert [(r["number"], r["score"]) for r in shown.revisions] == [
        (1, weak.score),
        (2, strong.score),
    ]
    graded = stories.attempts.items("story", "grade")[view.slug]
    assert graded.attempts == 2 and graded.best_score == strong.score
    listed = {s.slug: s for s in stories.list_stories()}
    assert listed[view.slug].score == strong.score and listed[view.slug].revision == 2


def test_same_title_gets_its_own_id_and_removal_frees_it(stories: StoryTrack) -> None:
    text = stories.compose(StoryMeta(title="Lock queue"), {"situation": "It stalled."})
    first, second = stories.create(text), stories.create(text)
    assert (first.slug, second.slug) == ("lock-queue", "lock-queue-2")
    assert stories.remove(first.slug)["removed"]
    with pytest.raises(NotFoundError):
        stories.show(first.slug)
    assert stories.create(text).slug == "lock-queue"


def test_compose_and_decompose_round_trip(stories: StoryTrack) -> None:
    parts = {"action": "I ran the migration.\nResult: the queue drained.\nThen I added a timeout."}
    meta, back = stories.decompose(stories.compose(StoryMeta(title="Round trip"), parts))
    assert meta.title == "Round trip" and back["action"] == parts["action"]


def test_reserved_ids_and_part_order(stories: StoryTrack) -> None:
    view = stories.create(stories.compose(StoryMeta(title="New"), {"action": "I did it."}))
    assert view.slug == "new-story"
    stories.grade(view.slug)
    grade = stories.show(view.slug).grade
    assert grade is not None
    assert list(grade["parts"]) == ["situation", "task", "action", "result", "technical"]


def test_bad_front_matter_names_the_field(stories: StoryTrack) -> None:
    with pytest.raises(UsageError, match=r"families.*no-such-family"):
        stories.create("---\ntitle: X\nfamilies: [no-such-family]\n---\n## Situation\nx")
    with pytest.raises(UsageError, match="questions"):
        stories.create("---\ntitle: X\nquestions: [nope]\n---\n## Situation\nx")
    with pytest.raises(UsageError, match="empty"):
        stories.create("   ")


def test_bank_health_from_empty_to_healthy(stories: StoryTrack) -> None:
    empty = stories.bank_report()
    assert not empty.healthy and len(empty.gaps) == len(stories.bank.families)
    for story_id in sorted(stories.bank.stories):
        view = stories.create(_worked(stories, story_id))
        stories.grade(view.slug)
    report = stories.bank_report()
    checks = {h.name: h.ok for h in report.health}
    assert checks["strong"] and checks["failure"]
    assert checks["size"] == (8 <= len(report.stories) <= 12)
    covered = {f["id"] for f in report.families if f["stories"]}
    assert checks["families"] == (covered == set(stories.bank.families))
    tagged = {q["id"]: q["stories"] for f in report.families for q in f["questions"]}
    assert any(tagged.values())


def test_drill_records_an_attempt_with_follow_ups(stories: StoryTrack) -> None:
    story_id = sorted(stories.bank.stories)[0]
    worked = stories.bank.stories[story_id]
    view = stories.create(_worked(stories, story_id))
    question = stories.drill_question(worked.meta.questions[0])
    assert view.slug in question.suggested
    result = stories.finish_drill(question.question_id, view.slug, 4.0, 150.0)
    assert (result.named_in_time, result.fits_question, result.told_in_time) == (True,) * 3
    assert result.score == 100
    assert worked.meta.follow_ups[0] in result.follow_ups
    late = stories.finish_drill(question.question_id, view.slug, 25.0, 400.0)
    assert late.score == 30 and len(late.notes) == 2
    assert stories.attempts.items("story", "drill")[question.question_id].attempts == 2


def test_a_random_drill_question_comes_from_the_families(stories: StoryTrack) -> None:
    asked = stories.drill_question(rng=random.Random(7))
    family, question = stories.question(asked.question_id)
    assert family.id == asked.family_id and question.text == asked.text
    with pytest.raises(NotFoundError):
        stories.drill_question("no-such-question")
