"""The behavioral track's pages with NiceGUI's simulated user: the bank, a story's editor and
grade, revisions, removal, the drill, the cheat sheet and the questions to ask."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing.user import User

from pgdojo.errors import NotFoundError
from pgdojo.services import Services
from pgdojo.tracks.story import StoryTrack
from pgdojo.web.story_pages import (
    evidence_marks,
    name_clock_colour,
    sentence_pattern,
    spoken_label,
    story_html,
    tell_clock_colour,
)
from tests.web.test_pages import anyio_backend, page_user

__all__ = ["anyio_backend"]  # the fixture, imported for this module's tests
pytestmark = pytest.mark.anyio

QUESTION = "risky-schema-migration"
ACTION = (
    "I found the blocked sessions in pg_stat_activity and the reporting job holding a lock. "
    "We then reran the migration with a lock timeout."
)


def story_text(title: str) -> str:
    return f"""---
title: {title}
families: [migration]
questions: [{QUESTION}]
failure: true
---
## Situation
A deploy added a column to accounts, read by every request, and checkout returned errors.

## Task
I owned the database platform and had to restore service within minutes.

## Action
{ACTION}

## Result
Errors dropped from 40% to 0 within a minute.

## Technical
Some things were slow.
"""


def unique(title: str) -> str:
    return f"{title} {uuid.uuid4().hex[:8]}"


def stories(services: Services) -> StoryTrack:
    return services.track(StoryTrack)


def element(user: User, marker: str) -> Any:
    """The one element marked `marker` on the user's page."""
    found = user.find(marker=marker).elements
    assert len(found) == 1, f"{len(found)} elements marked {marker!r}"
    return next(iter(found))


# -- the story's text as HTML -------------------------------------------------------------------
def test_story_html_escapes_the_users_markup_and_marks_the_evidence() -> None:
    body = (
        "## Action\nI added **an index** <script>alert(1)</script> e.g. a partial one.\n"
        "[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\nThe planner reads statistics."
    )
    html = story_html(
        body,
        [
            ("I added an index <script>alert(1)</script> e.g a partial one.", "fix"),
            ("The planner re…", "good"),
            ("Not in the story at all.", "wrong"),
        ],
    )
    assert "<script>" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html
    assert '<mark class="evidence-fix">I added <strong>an index</strong>' in html
    # A sentence cut short by the grader is marked to its end.
    assert '<mark class="evidence-good">The planner reads statistics.</mark>' in html
    assert "evidence-wrong" not in html


def test_a_mark_never_lands_inside_a_tag() -> None:
    body = '![The planner chose a seq scan](x.png "The planner chose") and [see](http://e.com/The-planner)'
    html = story_html(body, [("The planner chose a seq scan", "wrong")])
    assert "<mark" not in html
    assert 'alt="The planner chose a seq scan"' in html


def test_every_evidence_sentence_of_the_worked_stories_is_found(services: Services) -> None:
    track = stories(services)
    assert track.bank.stories, "no worked stories loaded"
    for worked in track.bank.stories.values():
        for version, body in worked.versions.items():
            graded = track.grade_text(body)
            for sentence, _ in evidence_marks(graded.to_dict()):
                pattern = sentence_pattern(sentence)
                assert pattern and pattern.search(body), (worked.id, version, sentence)


def test_spoken_label() -> None:
    assert spoken_label(130) == "~2 min 10 s spoken"


def test_drill_clock_colours() -> None:
    assert name_clock_colour(7) == "text-green-400"
    assert name_clock_colour(2) == name_clock_colour(-5) == "text-red-400"
    assert tell_clock_colour(90, (120, 180)) == "text-slate-200"
    assert tell_clock_colour(120, (120, 180)) == tell_clock_colour(180, (120, 180))
    assert tell_clock_colour(150, (120, 180)) == "text-green-400"
    assert tell_clock_colour(181, (120, 180)) == "text-red-400"


# -- the bank ---------------------------------------------------------------------------------
async def test_stories_page_lists_a_story_and_the_health_checks(services: Services) -> None:
    title = unique("Lock queue outage")
    created = stories(services).create(story_text(title))
    async with page_user(services) as user:
        await user.open("/stories")
        await user.should_see(title)
        await user.should_see(marker="health")
        await user.should_see("Health of the bank")
        await user.should_see("stories (8–12)")
        await user.should_see("a failure story and what changed")
        await user.should_see(marker="family-migration")
        await user.should_see("New story")
        link = next(
            e
            for e in user.find(title).elements
            if isinstance(e, ui.link) and e.props["href"] == f"/stories/{created.slug}"
        )
        assert link is not None


# -- a story ----------------------------------------------------------------------------------
async def test_story_page_fills_its_fields_and_grades_a_draft(services: Services) -> None:
    title = unique("Grade me")
    track = stories(services)
    created = track.create(story_text(title))
    expected = track.grade_text(story_text(title))
    async with page_user(services) as user:
        await user.open(f"/stories/{created.slug}")
        assert element(user, "title").value == title
        assert element(user, "part-action").value == ACTION
        assert element(user, "families").value == ["migration"]
        assert element(user, "questions").value == [QUESTION]
        assert element(user, "failure").value is True
        await user.should_see("Not graded yet")
        user.find(marker="grade-draft").click()
        await user.should_see(marker="score")
        await user.should_see(f"{expected.score}/100")
        await user.should_see("a draft: not saved")
        await user.should_see(expected.feedback[0].message)
        await user.should_see(marker="feedback")
        highlighted = element(user, "story-text").content
        assert "<mark class=" in highlighted
    assert track.show(created.slug).revision == 1  # grading a draft saves nothing


async def test_live_word_count_and_spoken_time(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/stories/new")
        await user.should_see("0 words · ~0 min 00 s spoken")
        element(user, "part-action").value = "word " * 325
        await user.should_see("325 words")
        length = element(user, "length")
        assert length.text == "325 words · ~2 min 10 s spoken"
        assert "text-green-400" in length.classes
        element(user, "part-result").value = "word " * 200
        await user.should_see("525 words · ~3 min 30 s spoken")
        assert "text-orange-400" in element(user, "length").classes


async def test_saving_makes_a_new_revision_and_save_and_grade_keeps_the_grade(
    services: Services,
) -> None:
    title = unique("Revise me")
    track = stories(services)
    created = track.create(story_text(title))
    async with page_user(services) as user:
        await user.open(f"/stories/{created.slug}")
        user.find(marker="save").click()
        await user.should_see("Nothing changed since the last revision")
        user.find(marker="part-result").type(" Since then every migration runs with a timeout.")
        user.find(marker="save").click()
        await user.should_see("Saved as revision 2")
        assert track.show(created.slug).revision == 2
        await user.should_see(marker="comparison")
        await user.should_see("Revision 1 · ungraded")
        await user.should_see("Revision 2 · ungraded")
        user.find(marker="part-technical").type(" The lock queue is first in, first out.")
        user.find(marker="save-grade").click()
        await user.should_see("Saved as revision 3")
        await user.should_see("revision 3", marker="grade")
    view = track.show(created.slug)
    assert view.revision == 3
    assert view.revisions[-1]["score"] is not None
    assert "first in, first out" in view.body
    assert view.meta.title == title and view.meta.failure


async def test_new_story_page_creates_the_story(services: Services) -> None:
    title = unique("Written on the page")
    track = stories(services)
    async with page_user(services) as user:
        await user.open("/stories/new")
        element(user, "title").value = title
        element(user, "families").value = ["migration"]
        element(user, "part-action").value = ACTION
        user.find(marker="save-grade").click()
        await user.should_see(marker="revisions")
        await user.should_see(title)
    slug = next(s.slug for s in track.list_stories() if s.title == title)
    view = track.show(slug)
    assert view.meta.families == ["migration"]
    assert view.grade is not None
    assert ACTION in view.body


async def test_removing_a_story_asks_first(services: Services) -> None:
    title = unique("Remove me")
    track = stories(services)
    created = track.create(story_text(title))
    async with page_user(services) as user:
        await user.open(f"/stories/{created.slug}")
        user.find(marker="remove").click()
        await user.should_see("from your bank?")
        user.find(marker="confirm-remove").click()
        await user.should_see("Health of the bank")
        await user.should_not_see(title)
    with pytest.raises(NotFoundError):
        track.show(created.slug)


async def test_unknown_story_says_so(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/stories/no-such-story-here")
        await user.should_see(marker="missing")
        await user.should_see("There is no story “no-such-story-here” in your bank.")
        await user.should_see("Back to your stories")


# -- the drill --------------------------------------------------------------------------------
async def test_drill_names_a_story_tells_it_and_shows_the_follow_ups(services: Services) -> None:
    title = unique("Drill me")
    track = stories(services)
    created = track.create(story_text(title))
    _, question = track.question(QUESTION)
    async with page_user(services) as user:
        await user.open(f"/stories/drill?question={QUESTION}")
        await user.should_see(question.text)
        await user.should_see(marker="name-clock")
        pick = element(user, "drill-story")
        assert f"★ {title}" in pick.options.values()
        pick.value = created.slug
        user.find(marker="named").click()
        await user.should_see(marker="tell-clock")
        await user.should_see(f"Tell “{title}” out loud")
        user.find(marker="done").click()
        await user.should_see(marker="follow-ups")
        await user.should_see(marker="drill-score")
        await user.should_see("too short")
        await user.should_see(question.follow_ups[0])
        await user.should_see("Another question")
        # A reload mid-drill starts a new one.
        user.find(marker="another").click()
        await user.should_see(marker="name-clock")
        await user.should_not_see(marker="follow-ups")
        await user.open(f"/stories/drill?question={QUESTION}")
        user.find(marker="named").click()
        await user.should_see(marker="tell-clock")
        await user.open(f"/stories/drill?question={QUESTION}")
        await user.should_see(marker="name-clock")
        await user.should_not_see(marker="tell-clock")


async def test_drill_of_an_unknown_question_says_so(services: Services) -> None:
    async with page_user(services) as user:
        await user.open("/stories/drill?question=no-such-question")
        await user.should_see("no behavioral question 'no-such-question'")
        await user.should_see("A random question instead")


# -- the reference ----------------------------------------------------------------------------
async def test_cheatsheet_shows_the_sheet_and_the_power_phrases(services: Services) -> None:
    track = stories(services)
    phrase = track.power_phrases()[0]
    async with page_user(services) as user:
        await user.open("/cheatsheet")
        await user.should_see(marker="cheatsheet")
        await user.should_see("Power phrases")
        await user.should_see(f"“{phrase.phrase}”")
        await user.should_see(phrase.when)
        await user.should_see(phrase.why)
        await user.should_see("Print")


async def test_questions_page_groups_the_questions_by_category(services: Services) -> None:
    asks = stories(services).questions_to_ask()
    async with page_user(services) as user:
        await user.open("/questions")
        for item in asks[:3]:
            await user.should_see(item.question)
            await user.should_see(item.why)
            await user.should_see(item.good_answer)
            await user.should_see(item.worrying_answer)
        for category in {item.category for item in asks}:
            await user.should_see(marker=f"category-{category}")
