"""Behavioral stories: the bank, a story's editor with its STAR-T grade and revisions, the
drill (name a story within 10 s, tell it in 2-3 minutes), the cheat sheet, questions to ask.

A story is the user's own text: `story_html` renders its Markdown with every HTML tag of it
escaped, and only then wraps the sentences a grade is about in <mark>, so nothing the user
typed reaches the page as markup.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import markdown2
from nicegui import ui
from pydantic import ValidationError

from pgdojo.content.behavioral import STORY_PARTS, StoryMeta, parse_story_meta
from pgdojo.errors import ContentError
from pgdojo.grading import WORDS_PER_MINUTE, count_words
from pgdojo.tracks.story import DrillQuestion, DrillResult, StoryTrack
from pgdojo.tracks.story.grader import SPOKEN_RIGHT_S
from pgdojo.tracks.story.service import StorySummary, StoryView
from pgdojo.web.frame import call, frame, printable, route, safely, track

LEVEL_COLOURS = {"staff": "text-green-400", "senior": "text-yellow-300", "junior": "text-red-400"}
LEVEL_BADGES = {"staff": "green", "senior": "amber", "junior": "red"}
CATEGORY_TITLES = {
    "stack": "The stack",
    "scale": "Scale",
    "operations": "Operations",
    "team": "The team",
}
STORY_CSS = """
mark.evidence-good { background: rgba(42, 157, 143, .35); color: inherit; border-radius: 2px; }
mark.evidence-fix { background: rgba(233, 196, 106, .35); color: inherit; border-radius: 2px; }
mark.evidence-wrong { background: rgba(230, 57, 70, .45); color: inherit; border-radius: 2px; }
.story-text h2 { font-size: 1.1rem; font-weight: 600; margin: .8rem 0 .2rem; }
.story-text p { margin: .3rem 0; }
.story-matrix th, .story-matrix td { padding: .25rem .6rem; border-bottom: 1px solid #334155; }
.story-matrix th { font-weight: 500; text-align: left; vertical-align: bottom; }
"""
# The reference pages: headings at reading size (printed: web.frame.printable).
REFERENCE_CSS = """
.reference h1 { font-size: 2.2rem; line-height: 1.2; margin: .5rem 0 1rem; }
.reference h2 { font-size: 1.6rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }
.reference h3 { font-size: 1.25rem; margin: 1rem 0 .4rem; }
"""


# -- spoken length ------------------------------------------------------------------------------
def spoken_seconds(words: int) -> int:
    """How long `words` take to say, at the grader's speaking rate."""
    return round(words / WORDS_PER_MINUTE * 60)


def spoken_label(seconds: int) -> str:
    return f"~{seconds // 60} min {seconds % 60:02d} s spoken"


def spoken_colour(seconds: int) -> str:
    low, high = SPOKEN_RIGHT_S
    return "text-green-400" if low <= seconds <= high else "text-orange-400"


# -- the story as HTML, its evidence marked -----------------------------------------------------
# code-friendly: pg_stat_activity is a name, not "pg", emphasised "stat", "activity".
MARKDOWN_EXTRAS = ["fenced-code-blocks", "tables", "code-friendly"]
_OPEN = {"good": "\ue001", "fix": "\ue002", "wrong": "\ue003"}
_CLOSE = "\ue000"
_SENTINELS = re.compile("[\ue000-\ue003]")
_TAG = re.compile(r"(<[^>]*>)")  # markdown2 escapes < and > inside text and attributes
# What `split_sentences` turns into a space between two words of a sentence: whitespace,
# Markdown marks (emphasis, code, quotes, headings), and the full stop of "e.g.".
_BETWEEN = r"\.?[\s`*>#_]+"


def sentence_pattern(sentence: str) -> re.Pattern[str] | None:
    """Where a grade's sentence (Markdown marks removed, spaces normalised, maybe cut short
    with an ellipsis) stands in the story's text."""
    words = sentence.rstrip("…").split()
    if not words:
        return None
    pattern = _BETWEEN.join(re.escape(word) for word in words)
    # A sentence cut short is marked to its end.
    return re.compile(pattern + (r"[^\n.!?]*[.!?]?" if sentence.endswith("…") else ""))


def story_html(body: str, marks: list[tuple[str, str]] | None = None) -> str:
    """The story's Markdown as HTML, every tag of the user's text escaped; each (sentence,
    kind) of `marks` (kind: good, fix or wrong; earlier ones win overlaps) is wrapped in
    <mark class="evidence-KIND"> where it first occurs."""
    text = _SENTINELS.sub("", body)
    spans: list[tuple[int, int, str]] = []
    for sentence, kind in marks or []:
        pattern = sentence_pattern(sentence)
        found = pattern.search(text) if pattern else None
        if found and all(found.end() <= start or found.start() >= end for start, end, _ in spans):
            spans.append((found.start(), found.end(), kind))
    for start, end, kind in sorted(spans, reverse=True):
        text = text[:start] + _OPEN[kind] + text[start:end] + _CLOSE + text[end:]
    html = str(markdown2.markdown(text, safe_mode="escape", extras=MARKDOWN_EXTRAS))
    # A mark opens and closes in text only: one that fell inside a tag (an image's alt, a
    # link's address) is dropped, never written into an attribute.
    return "".join(
        _SENTINELS.sub("", chunk) if chunk.startswith("<") else _marked(chunk)
        for chunk in _TAG.split(html)
    )


def _marked(text: str) -> str:
    for kind, sentinel in _OPEN.items():
        text = text.replace(sentinel, f'<mark class="evidence-{kind}">')
    return text.replace(_CLOSE, "</mark>")


def evidence_marks(grade: dict[str, Any]) -> list[tuple[str, str]]:
    """The sentences a grade is about: false claims first, then what to fix, then the
    mechanisms explained."""
    return (
        [(c["evidence"], "wrong") for c in grade.get("misconceptions", []) if c.get("evidence")]
        + [(p["sentence"], "fix") for p in grade.get("feedback", []) if p.get("sentence")]
        + [(m["evidence"], "good") for m in grade.get("mechanisms", []) if m.get("evidence")]
    )


def story_body(text: str) -> str:
    """A story's Markdown without its front matter."""
    try:
        return parse_story_meta(text, Path("story"))[1]
    except ContentError:
        return text


def _when(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")


class SpokenLength(ui.label):
    """Words and spoken time of a story, green when it takes 2-3 minutes to tell."""

    def show(self, words: int) -> None:
        seconds = spoken_seconds(words)
        self.text = f"{words} words · {spoken_label(seconds)}"
        self.classes(replace=f"text-sm {spoken_colour(seconds)}")


# -- the bank -------------------------------------------------------------------------------------
@route("/stories")
async def stories_page() -> None:
    with frame("Stories"):
        ui.add_css(STORY_CSS)
        story = safely(lambda: track(StoryTrack))
        if story is None:
            return
        report = await call(story.bank_report)
        if report is None:
            return
        titles = {f["id"]: f["title"] for f in report.families}
        with ui.row().classes("w-full items-center justify-between"):
            ui.label("Your story bank").classes("text-2xl font-semibold")
            with ui.row().classes("items-center gap-3"):
                ui.link("Cheat sheet", "/cheatsheet")
                ui.link("Questions to ask", "/questions")
                ui.button(
                    "Drill a question",
                    icon="timer",
                    on_click=lambda: ui.navigate.to("/stories/drill"),
                ).props("outline").mark("drill")
                ui.button(
                    "New story", icon="add", on_click=lambda: ui.navigate.to("/stories/new")
                ).mark("new-story")
        if report.stories:
            _story_list(report.stories, titles)
        else:
            ui.label(
                "No story yet. Start with the incident you tell most often: what broke, what "
                "you did, the figures after, and why the fix worked."
            ).classes("text-slate-400").mark("no-stories")
        with ui.row().classes("w-full gap-4 items-start"):
            with ui.card().classes("flex-1 min-w-[18rem]").mark("health"):
                ui.label("Health of the bank").classes("text-lg")
                for check in report.health:
                    with ui.row().classes("items-center gap-2 no-wrap"):
                        if check.ok:
                            ui.icon("check_circle", color="green")
                        else:
                            ui.icon("cancel", color="red")
                        ui.label(check.name).classes("font-medium w-20")
                        ui.label(check.detail).classes(
                            "text-slate-300" if check.ok else "text-red-300"
                        )
            with ui.card().classes("flex-[2] min-w-[24rem] overflow-x-auto").mark("matrix"):
                ui.label("Question families × stories").classes("text-lg")
                _bank_matrix(report.families, report.stories)


def _story_list(stories: list[StorySummary], families: dict[str, str]) -> None:
    grid = ui.grid(columns="minmax(14rem, 3fr) minmax(10rem, 3fr) auto auto auto")
    with grid.classes("w-full items-center gap-x-6 gap-y-2").mark("stories"):
        for heading in ("story", "families", "revision", "score", "level"):
            ui.label(heading).classes("text-xs uppercase text-slate-400")
        for item in stories:
            with ui.row().classes("items-center gap-2"):
                ui.link(item.title, f"/stories/{item.slug}").classes("text-base")
                if item.failure:
                    ui.badge("failure", color="orange").props("outline")
            ui.label(", ".join(families.get(f, f) for f in item.families) or "—").classes(
                "text-sm text-slate-300"
            )
            ui.label(f"rev {item.revision}").classes("text-sm text-slate-400")
            ui.label("—" if item.score is None else f"{item.score}/100").classes("font-mono")
            if item.level:
                ui.badge(item.level, color=LEVEL_BADGES.get(item.level, "grey"))
            else:
                ui.label("ungraded").classes("text-sm text-slate-400")


def _bank_matrix(families: list[dict[str, Any]], stories: list[StorySummary]) -> None:
    """Families as rows, stories as columns, ✓ where a story is tagged; a gap row in red."""
    with ui.element("table").classes("story-matrix w-full text-sm"):
        with ui.element("tr"):
            with ui.element("th"):
                ui.label("family")
            for item in stories:
                with ui.element("th"):
                    short = item.title if len(item.title) <= 18 else item.title[:17] + "…"
                    ui.label(short).tooltip(item.title)
            with ui.element("th"):
                ui.label("questions covered")
        for family in families:
            gap = not family["stories"]
            row = ui.element("tr").classes("bg-red-950/60 text-red-300" if gap else "")
            with row.mark(f"family-{family['id']}"):
                with ui.element("td"), ui.row().classes("items-center gap-2 no-wrap"):
                    ui.label(family["title"])
                    if gap:
                        ui.badge("gap", color="red")
                for item in stories:
                    with ui.element("td").classes("text-center"):
                        ui.label("✓" if item.slug in family["stories"] else "").classes(
                            "text-green-400"
                        )
                covered = sum(1 for q in family["questions"] if q["stories"])
                with ui.element("td").classes("text-center"):
                    ui.label(f"{covered}/{len(family['questions'])}")


# -- a story: the editor, its grade, its revisions ------------------------------------------------
@dataclass
class StoryDraft:
    """The story page's model: the fields, the story they belong to, the grade shown."""

    slug: str | None = None
    title: str = ""
    parts: dict[str, str] = field(default_factory=lambda: dict.fromkeys(STORY_PARTS, ""))
    families: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    failure: bool = False
    follow_ups: list[str] = field(default_factory=list)  # kept from the saved story
    saved_text: str | None = None  # the fields' text when last saved
    revisions: list[dict[str, Any]] = field(default_factory=list)
    grade: dict[str, Any] | None = None
    graded_body: str = ""
    graded_revision: int | None = None  # None: a draft's grade, not saved
    compare: list[int] = field(default_factory=list)  # the two revisions side by side

    @classmethod
    def of(cls, view: StoryView, parts: dict[str, str], text: str) -> StoryDraft:
        """The fields of a saved story (its latest revision), `text` as the fields compose
        it."""
        draft = cls(
            slug=view.slug,
            title=view.meta.title,
            parts={p: parts.get(p, "") for p in STORY_PARTS},
            families=list(view.meta.families),
            questions=list(view.meta.questions),
            failure=view.meta.failure,
            follow_ups=list(view.meta.follow_ups),
        )
        draft.saved_as(view, text)
        if view.grade:
            draft.show_grade(view.grade, story_body(view.body), view.revision)
        return draft

    def saved_as(self, view: StoryView, text: str) -> None:
        """`view` is the story as saved from the fields' `text`."""
        self.saved_text = text
        self.revisions = view.revisions
        numbers = [r["number"] for r in view.revisions]
        self.compare = numbers[-2:] if len(numbers) > 1 else numbers[-1:] * 2

    def show_grade(self, grade: dict[str, Any], body: str, revision: int | None) -> None:
        self.grade, self.graded_body, self.graded_revision = grade, body, revision

    def meta(self) -> StoryMeta:
        return StoryMeta(
            title=self.title.strip() or "Untitled story",
            families=self.families,
            questions=self.questions,
            failure=self.failure,
            follow_ups=self.follow_ups,
        )

    @property
    def words(self) -> int:
        return sum(count_words(text) for text in self.parts.values())

    def revision(self, number: int) -> dict[str, Any] | None:
        return next((r for r in self.revisions if r["number"] == number), None)


class StoryEditor:
    """The view of one story page over its `StoryDraft`."""

    def __init__(self, story: StoryTrack, draft: StoryDraft) -> None:
        self.story = story
        self.draft = draft
        self.rubric = story.bank.rubric
        families = story.families()
        self.family_options = {f.id: f.title for f in families}
        self.question_options = {
            q.id: f"{f.title} · {q.text}" for f in families for q in f.questions
        }

    # -- layout ---------------------------------------------------------------------------------
    def show(self) -> None:
        ui.add_css(STORY_CSS)
        draft = self.draft
        with ui.row().classes("w-full items-center gap-4"):
            ui.input("Title", value=draft.title).props("outlined maxlength=200").classes(
                "flex-1 text-lg"
            ).bind_value_to(draft, "title").mark("title")
            ui.checkbox("A failure story", value=draft.failure).bind_value_to(
                draft, "failure"
            ).mark("failure")
        with ui.row().classes("w-full gap-4"):
            ui.select(
                self.family_options,
                multiple=True,
                label="Question families it answers",
                value=[f for f in draft.families if f in self.family_options],
            ).props("outlined use-chips").classes("flex-1").bind_value_to(draft, "families").mark(
                "families"
            )
            ui.select(
                self.question_options,
                multiple=True,
                label="Questions it answers",
                value=[q for q in draft.questions if q in self.question_options],
            ).props("outlined use-chips").classes("flex-[2]").bind_value_to(
                draft, "questions"
            ).mark("questions")
        with ui.element("div").classes("w-full grid grid-cols-1 lg:grid-cols-2 gap-6"):
            with ui.column().classes("w-full gap-3 min-w-0"):
                self._fields()
            with ui.column().classes("w-full gap-3 min-w-0").mark("grade"):
                self.grade_panel()
        if draft.slug is not None:
            self.revisions()

    def _fields(self) -> None:
        counts: dict[str, ui.label] = {}

        def changed(part: str, value: str | None) -> None:
            self.draft.parts[part] = value or ""
            counts[part].text = f"{count_words(value or '')} words"
            total.show(self.draft.words)

        for part in STORY_PARTS:
            about = next(p.about for p in self.rubric.parts if p.id == part)
            with ui.row().classes("w-full items-baseline justify-between"):
                ui.label(self.rubric.label(part)).classes("text-lg")
                counts[part] = (
                    ui.label(f"{count_words(self.draft.parts[part])} words")
                    .classes("text-xs text-slate-400")
                    .mark(f"words-{part}")
                )
            ui.textarea(placeholder=about.capitalize(), value=self.draft.parts[part]).props(
                "outlined autogrow input-style='min-height: 5rem'"
            ).classes("w-full").on_value_change(lambda e, p=part: changed(p, e.value)).mark(
                f"part-{part}"
            )
        total = SpokenLength().mark("length")
        total.show(self.draft.words)
        with ui.row().classes("gap-2 items-center"):
            ui.button("Grade draft", icon="grading", on_click=self.grade_draft).props(
                "outline"
            ).mark("grade-draft")
            ui.button("Save", icon="save", on_click=lambda: self.save(grade=False)).mark("save")
            ui.button(
                "Save and grade", icon="task_alt", on_click=lambda: self.save(grade=True)
            ).mark("save-grade")
            if self.draft.slug is not None:
                ui.button("Remove", icon="delete", color="red", on_click=self.confirm_remove).props(
                    "flat"
                ).mark("remove")

    @ui.refreshable_method
    def grade_panel(self) -> None:
        grade = self.draft.grade
        if grade is None:
            ui.label(
                "Not graded yet. “Grade draft” grades the fields without saving them; "
                "“Save and grade” keeps the grade with a new revision."
            ).classes("text-slate-400")
            return
        level = grade.get("level", "junior")
        with ui.card().classes("w-full gap-2"):
            with ui.row().classes("items-baseline gap-3"):
                ui.label(f"{grade['score']}/100").classes(
                    f"text-4xl font-bold {LEVEL_COLOURS.get(level, '')}"
                ).mark("score")
                ui.badge(level, color=LEVEL_BADGES.get(level, "grey")).mark("level")
                ui.label(f"{grade.get('experience', '')} · {grade.get('scope', '')}").classes(
                    "text-slate-300"
                )
            ui.label(
                "a draft: not saved"
                if self.draft.graded_revision is None
                else f"revision {self.draft.graded_revision}"
            ).classes("text-xs text-slate-400")
            # In STAR-T order (a grade kept as jsonb comes back with its keys reordered).
            for part in (grade["parts"][p] for p in STORY_PARTS if p in grade["parts"]):
                with ui.row().classes("w-full items-center gap-3 no-wrap"):
                    ui.label(part["label"]).classes("w-32 shrink-0")
                    ui.linear_progress(part["score"] / 100, show_value=False).props(
                        "color=teal size=10px rounded"
                    ).classes("flex-1")
                    ui.label(
                        f"{part['score']}% · {part['words']} words"
                        if part["present"]
                        else "missing"
                    ).classes("w-36 shrink-0 text-right text-sm text-slate-300")
            ratio = grade.get("first_person_ratio", 0.0)
            with ui.row().classes("gap-x-6 gap-y-1 text-sm"):
                ui.label(f"first person in the Action: {ratio:.0%}").classes(
                    "text-green-400" if ratio >= 0.5 else "text-orange-300"
                )
                _flag(grade.get("quantified_result", False), "result quantified")
                _flag(grade.get("lasting_change", False), "lasting change")
                seconds = grade.get("spoken_seconds", 0)
                ui.label(f"{grade.get('words', 0)} words · {spoken_label(seconds)}").classes(
                    spoken_colour(seconds)
                )
        mechanisms = grade.get("mechanisms", [])
        if mechanisms:
            ui.label(f"Mechanisms explained ({len(mechanisms)})").classes("text-lg")
            for item in mechanisms:
                with ui.column().classes("gap-0"):
                    ui.label(f"✓ {item['concept']}").classes("text-green-400")
                    ui.label(f"“{item['evidence']}”").classes("text-sm italic text-slate-400")
        claims = grade.get("misconceptions", [])
        if claims:
            ui.label("False claims").classes("text-lg text-red-400")
            for claim in claims:
                with ui.column().classes("gap-0").mark("false-claim"):
                    ui.label(f"✗ {claim['claim']} — {claim['correction']}").classes("text-red-300")
                    ui.label(f"“{claim['evidence']}”").classes("text-sm italic text-slate-400")
        feedback = grade.get("feedback", [])
        if feedback:
            ui.label("What to fix, most valuable first").classes("text-lg")
            for number, point in enumerate(feedback, start=1):
                with ui.column().classes("gap-0").mark("feedback"):
                    ui.label(f"{number}. {point['message']}  (+{point['value']:g})")
                    if point.get("sentence"):
                        ui.label(f"“{point['sentence']}”").classes(
                            "text-sm italic text-slate-400 pl-4"
                        )
        ui.label("The story, with what the grade is about").classes("text-lg")
        with ui.row().classes("gap-3 text-xs"):
            for kind, legend in (
                ("good", "a mechanism explained"),
                ("fix", "to fix"),
                ("wrong", "a false claim"),
            ):
                ui.html(f'<mark class="evidence-{kind}">{legend}</mark>')
        ui.html(story_html(self.draft.graded_body, evidence_marks(grade))).classes(
            "story-text w-full"
        ).mark("story-text")

    @ui.refreshable_method
    def revisions(self) -> None:
        draft = self.draft
        ui.label("Revisions").classes("text-xl font-semibold")
        rows = [
            {
                "number": r["number"],
                "date": _when(r["created_at"]),
                "score": "—" if r["score"] is None else r["score"],
                "level": r["level"] or "ungraded",
            }
            for r in reversed(draft.revisions)
        ]
        columns = [
            {"name": key, "label": key, "field": key, "align": "left"}
            for key in ("number", "date", "score", "level")
        ]
        ui.table(columns=columns, rows=rows, row_key="number").props("dense flat bordered").classes(
            "w-full max-w-2xl"
        ).mark("revisions")
        if len(draft.revisions) < 2:
            return
        options = {
            r["number"]: f"revision {r['number']}"
            + ("" if r["score"] is None else f" · {r['score']}/100")
            for r in draft.revisions
        }

        def pick(side: int, number: int | None) -> None:
            if number is not None:
                draft.compare[side] = number
                self.comparison.refresh()

        with ui.row().classes("items-center gap-4"):
            ui.label("Compare").classes("text-lg")
            for side in (0, 1):
                ui.select(
                    options, value=draft.compare[side], on_change=lambda e, s=side: pick(s, e.value)
                ).classes("w-48").mark(f"compare-{side}")
        self.comparison()

    @ui.refreshable_method
    def comparison(self) -> None:
        with ui.element("div").classes("w-full grid grid-cols-2 gap-6").mark("comparison"):
            for number in self.draft.compare:
                revision = self.draft.revision(number)
                if revision is None:
                    continue
                with ui.card().classes("w-full min-w-0"):
                    score = (
                        "ungraded"
                        if revision["score"] is None
                        else f"{revision['score']}/100 · {revision['level']}"
                    )
                    ui.label(f"Revision {number} · {score}").classes("text-lg")
                    ui.label(_when(revision["created_at"])).classes("text-xs text-slate-400")
                    ui.html(story_html(story_body(revision["body"]))).classes("story-text w-full")

    # -- actions --------------------------------------------------------------------------------
    def compose(self) -> str | None:
        """The story's text from the fields (None, with a notification, when they are invalid)."""
        try:
            meta = self.draft.meta()
        except ValidationError as exc:
            ui.notify(f"The story's fields are not valid: {exc.errors()[0]['msg']}", type="warning")
            return None
        return self.story.compose(meta, self.draft.parts)

    async def grade_draft(self) -> None:
        text = self.compose()
        if text is None:
            return
        graded = await call(self.story.grade_text, text)
        if graded is None:
            return
        self.draft.show_grade(graded.to_dict(), story_body(text), None)
        self.grade_panel.refresh()

    async def save(self, grade: bool) -> None:
        """Save the fields as a new story, or as a new revision; then grade it if asked."""
        text = self.compose()
        if text is None:
            return
        slug = self.draft.slug
        if slug is None:
            created = await call(self.story.create, text)
            if created is None:
                return
            if grade:
                await call(self.story.grade, created.slug)
            ui.navigate.to(f"/stories/{created.slug}")
            return
        if text != self.draft.saved_text:
            edited = await call(self.story.edit, slug, text)
            if edited is None:
                return
            ui.notify(f"Saved as revision {edited.revision}", type="positive")
        elif not grade:
            ui.notify("Nothing changed since the last revision")
            return
        graded = await call(self.story.grade, slug) if grade else None
        view = await call(self.story.show, slug)
        if view is None:
            return
        self.draft.saved_as(view, text)
        if graded is not None:
            self.draft.show_grade(graded.to_dict(), story_body(text), view.revision)
        self.grade_panel.refresh()
        self.revisions.refresh()

    def confirm_remove(self) -> None:
        slug = self.draft.slug
        if slug is None:
            return
        with ui.dialog() as dialog, ui.card():
            ui.label(f"Remove “{self.draft.title or slug}” from your bank?").classes("text-lg")
            ui.label("Its revisions and grades go with it.").classes("text-slate-400")

            async def remove() -> None:
                removed = await call(self.story.remove, slug)
                dialog.close()
                if removed is not None:
                    ui.notify(f"Removed {slug}", type="positive")
                    ui.navigate.to("/stories")

            with ui.row().classes("w-full justify-end gap-2"):
                ui.button("Cancel", on_click=dialog.close).props("flat").mark("cancel-remove")
                ui.button("Remove", color="red", on_click=remove).mark("confirm-remove")
        dialog.open()


def _flag(ok: bool, label: str) -> None:
    ui.label(("✓ " if ok else "✗ ") + label).classes("text-green-400" if ok else "text-orange-300")


# The fixed paths come before /stories/{slug}: FastAPI matches routes in order.
@route("/stories/new")
async def story_new_page() -> None:
    with frame("New story"):
        story = safely(lambda: track(StoryTrack))
        if story is None:
            return
        with ui.row().classes("items-center gap-4"):
            ui.link("← Your stories", "/stories")
            ui.label("New story").classes("text-2xl font-semibold")
        StoryEditor(story, StoryDraft()).show()


# -- the drill --------------------------------------------------------------------------------
@dataclass
class Drill:
    """One drill, per page: the question, name a story (10 s), tell it (2-3 min), the result."""

    question: DrillQuestion
    stage: str = "name"  # name → tell → done
    started: float = field(default_factory=time.monotonic)
    story: str | None = None
    name_seconds: float | None = None
    tell_started: float = 0.0
    tell_seconds: float | None = None
    result: DrillResult | None = None

    def named(self, slug: str | None) -> None:
        now = time.monotonic()
        self.story, self.name_seconds = slug or None, now - self.started
        self.stage, self.tell_started = "tell", now

    def told(self) -> None:
        self.tell_seconds = time.monotonic() - self.tell_started

    def finished(self, result: DrillResult) -> None:
        self.stage, self.result = "done", result


NAME_CLOCK_WARN_S = 3  # the countdown turns red for its last seconds


def name_clock_colour(left: float) -> str:
    return "text-green-400" if left > NAME_CLOCK_WARN_S else "text-red-400"


def tell_clock_colour(elapsed: float, limits: tuple[int, int]) -> str:
    """Neutral while too short, green within the limits (2-3 min), red past them."""
    low, high = limits
    if elapsed < low:
        return "text-slate-200"
    return "text-green-400" if elapsed <= high else "text-red-400"


class DrillClock(ui.label):
    """A drill's clock as m:ss, coloured by its limits."""

    def show(self, seconds: float, colour: str) -> None:
        whole = max(0, int(seconds))
        self.text = f"{whole // 60}:{whole % 60:02d}"
        self.classes(replace=f"font-mono text-5xl {colour}")


class DrillView:
    """The drill page's view over its `Drill`: one stage at a time, and the ticking clock."""

    def __init__(self, story: StoryTrack, drill: Drill, stories: list[StorySummary]) -> None:
        self.story = story
        self.drill = drill
        self.stories = stories
        self.clock: DrillClock | None = None

    def tick(self) -> None:
        drill, clock = self.drill, self.clock
        if clock is None or clock.is_deleted:
            return
        if drill.stage == "name":
            left = drill.question.name_within_s - (time.monotonic() - drill.started)
            clock.show(left, name_clock_colour(left))
        elif drill.stage == "tell":
            elapsed = time.monotonic() - drill.tell_started
            clock.show(elapsed, tell_clock_colour(elapsed, drill.question.tell_within_s))

    def options(self) -> dict[str, str]:
        """The user's stories, those tagged for the question or its family first."""
        suggested = self.drill.question.suggested
        titles = {s.slug: s.title for s in self.stories}
        first = {slug: f"★ {titles[slug]}" for slug in suggested if slug in titles}
        rest = {s.slug: s.title for s in self.stories if s.slug not in first}
        return {**first, **rest, "": "No story fits"}

    @ui.refreshable_method
    def stage(self) -> None:
        drill = self.drill
        question = drill.question
        with ui.card().classes("w-full p-6"):
            ui.badge(question.family, color="teal").props("outline")
            ui.label(question.text).classes("text-2xl").mark("question")
        if drill.stage == "name":
            self.clock = DrillClock().mark("name-clock")
            ui.label(f"Name the story you would tell, within {question.name_within_s} s.").classes(
                "text-slate-300"
            )
            if not self.stories:
                with ui.row().classes("gap-1 text-slate-400"):
                    ui.label("Your bank has no story yet:")
                    ui.link("write one", "/stories/new")
            options = self.options()
            pick = (
                ui.select(options, value=next(iter(options)), label="Your story")
                .props("outlined")
                .classes("w-full max-w-xl")
                .mark("drill-story")
            )

            async def named() -> None:
                drill.named(pick.value)
                self.stage.refresh()

            ui.button("Named it", icon="record_voice_over", on_click=named).mark("named")
        elif drill.stage == "tell":
            low, high = question.tell_within_s
            title = next((s.title for s in self.stories if s.slug == drill.story), None)
            ui.label(
                f"Tell “{title}” out loud: {low // 60}–{high // 60} minutes."
                if title
                else f"No story named: say how you would answer, {low // 60}–{high // 60} minutes."
            ).classes("text-lg")
            ui.label(" → ".join(self.story.bank.rubric.label(p) for p in STORY_PARTS)).classes(
                "text-slate-400"
            )
            self.clock = DrillClock().mark("tell-clock")

            async def done() -> None:
                drill.told()
                result = await call(
                    self.story.finish_drill,
                    question.question_id,
                    drill.story,
                    drill.name_seconds,
                    drill.tell_seconds,
                )
                if result is not None:
                    drill.finished(result)
                    self.stage.refresh()

            ui.button("Done", icon="stop", on_click=done).mark("done")
        elif drill.result is not None:
            self.clock = None
            self._result(drill.result)
        self.tick()

    def _result(self, result: DrillResult) -> None:
        drill = self.drill
        colour = "text-green-400" if result.score >= 70 else "text-orange-300"
        ui.label(f"{result.score}/100").classes(f"text-4xl font-bold {colour}").mark("drill-score")
        low, high = drill.question.tell_within_s
        told = drill.tell_seconds or 0
        _flag(result.named_in_time, f"named within {drill.question.name_within_s} s")
        _flag(result.fits_question, "the story fits the question")
        _flag(
            result.told_in_time,
            f"told in {int(told) // 60}:{int(told) % 60:02d} ({low // 60}–{high // 60} min)",
        )
        for note in result.notes:
            ui.label(f"· {note}").classes("text-slate-300")
        with ui.card().classes("w-full").mark("follow-ups"):
            ui.label("The follow-ups an interviewer digs with").classes("text-lg")
            for item in result.follow_ups:
                ui.label(f"· {item}")
        with ui.row().classes("gap-3 items-center"):
            ui.button(
                "Another question",
                icon="refresh",
                on_click=lambda: ui.navigate.to("/stories/drill"),
            ).mark("another")
            if result.story:
                ui.link("Improve the story", f"/stories/{result.story}")


@route("/stories/drill")
async def drill_page(question: str = "") -> None:
    with frame("Drill"):
        story = safely(lambda: track(StoryTrack))
        if story is None:
            return
        with ui.row().classes("items-center gap-4"):
            ui.link("← Your stories", "/stories")
            ui.label("Drill: answer as in the interview").classes("text-2xl font-semibold")
        asked = await call(story.drill_question, question or None)
        if asked is None:
            ui.link("A random question instead", "/stories/drill")
            return
        stories = await call(story.list_stories) or []
        view = DrillView(story, Drill(asked), stories)
        view.stage()
        ui.timer(0.25, view.tick)


@route("/stories/{slug}")
async def story_page(slug: str) -> None:
    with frame(slug):
        story = safely(lambda: track(StoryTrack))
        if story is None:
            return
        shown = await call(story.show, slug)
        if shown is None:
            ui.label(f"There is no story “{slug}” in your bank.").classes("text-lg").mark("missing")
            ui.link("Back to your stories", "/stories")
            return
        fields = await call(story.decompose, shown.body)
        if fields is None:
            return
        ui.page_title(f"{shown.title} · pgdojo")
        with ui.row().classes("items-center gap-4"):
            ui.link("← Your stories", "/stories")
            ui.label(shown.title).classes("text-2xl font-semibold")
            ui.badge(f"revision {shown.revision}").props("outline")
        meta, parts = fields
        StoryEditor(story, StoryDraft.of(shown, parts, story.compose(meta, parts))).show()


# -- the interview-day reference ----------------------------------------------------------------
def _labelled(name: str, text: str, classes: str) -> None:
    with ui.row().classes("gap-1 no-wrap items-baseline"):
        ui.label(name).classes(f"font-semibold shrink-0 {classes}")
        ui.label(text).classes(classes)


def _print_button() -> None:
    ui.button("Print", icon="print", on_click=lambda: ui.run_javascript("window.print()")).props(
        "outline"
    )


@route("/cheatsheet")
async def cheatsheet_page() -> None:
    with frame("Cheat sheet"):
        ui.add_css(REFERENCE_CSS)
        printable()
        story = safely(lambda: track(StoryTrack))
        if story is None:
            return
        with ui.column().classes("w-full max-w-4xl mx-auto gap-4"):
            # The sheet opens with its own title.
            with ui.row().classes("w-full justify-end"):
                _print_button()
            ui.markdown(story.cheatsheet()).classes("reference w-full text-base").mark("cheatsheet")
            ui.label("Power phrases").classes("text-3xl mt-4")
            for phrase in story.power_phrases():
                with ui.card().classes("w-full gap-1").mark("phrase"):
                    with ui.row().classes("w-full items-start justify-between no-wrap"):
                        ui.label(f"“{phrase.phrase}”").classes("text-lg font-medium")
                        with ui.row().classes("gap-1 shrink-0"):
                            for name in phrase.round:
                                ui.badge(name).props("outline")
                    _labelled("When:", phrase.when, "text-slate-300")
                    _labelled("Why:", phrase.why, "text-slate-400")


@route("/questions")
async def questions_page() -> None:
    with frame("Questions to ask"):
        ui.add_css(REFERENCE_CSS)
        printable()
        story = safely(lambda: track(StoryTrack))
        if story is None:
            return
        items = story.questions_to_ask()
        with ui.column().classes("w-full max-w-4xl mx-auto gap-4"):
            with ui.row().classes("w-full items-center justify-between"):
                ui.label("Questions to ask your interviewers").classes("text-2xl font-semibold")
                _print_button()
            for category, title in CATEGORY_TITLES.items():
                asked = [q for q in items if q.category == category]
                if not asked:
                    continue
                ui.label(title).classes("text-xl font-semibold mt-2").mark(f"category-{category}")
                for item in asked:
                    with ui.card().classes("w-full gap-1").mark("ask"):
                        ui.label(item.question).classes("text-lg font-medium")
                        _labelled("Why ask:", item.why, "text-slate-300")
                        _labelled("Good answer:", item.good_answer, "text-green-300")
                        _labelled("Worrying answer:", item.worrying_answer, "text-orange-300")
