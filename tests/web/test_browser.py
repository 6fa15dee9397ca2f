"""The web UI in a real browser: solve a problem, watch a lab's chart move, grade an answer,
review a card. Screenshots of each page go to test-artifacts/."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pgdojo.content.loader import BUILTIN_PROBLEMS, load_topics
from pgdojo.web.sql_pages import STARTING_TEXT
from tests.web.conftest import set_editor, shot

WRONG = "SELECT id, date, amount, SUM(amount) OVER (ORDER BY date) AS running_total FROM transactions ORDER BY date, id"


def test_pages_render(page: Page, web_url: str) -> None:
    for path, name, text in [
        ("/", "home", "Today's plan"),
        ("/sql", "sql-list", "SQL problems"),
        ("/labs", "labs", "Troubleshooting labs"),
        ("/deepdive", "deepdive-list", "Technical deep dives"),
    ]:
        page.goto(web_url + path)
        expect(page.get_by_text(text).first).to_be_visible()
        shot(page, name)


def test_solve_a_problem_wrong_then_right(page: Page, web_url: str) -> None:
    page.goto(web_url + "/sql/running-total")
    expect(page.get_by_text("Running total of transactions")).to_be_visible()
    set_editor(page, WRONG)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("WRONG ANSWER", exact=True)).to_be_visible(timeout=15_000)
    expect(page.get_by_text("same-day-ties").first).to_be_visible()
    shot(page, "sql-wrong")
    set_editor(page, (BUILTIN_PROBLEMS / "running-total" / "solution.sql").read_text())
    page.get_by_role("button", name="Run on sample").click()
    expect(page.get_by_text("Your result on the sample")).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("ACCEPTED", exact=True)).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Editorial and reference solution")).to_be_visible()
    shot(page, "sql-accepted")


CLOCK = re.compile(r"^(\d{2,}):(\d{2}) / \d{2,}:00$")  # the problem page's "mm:ss / mm:00"
DRAFT = "SELECT user_id, login_date\n  FROM logins -- my draft, kept over a reload"


def editor_text(page: Page) -> str:
    """The first editor's text, line by line (an empty line reads as a <br>: a newline)."""
    lines = page.locator(".cm-content").first.locator(".cm-line").all_inner_texts()
    return "\n".join(line.strip("\n") for line in lines)


def test_reloading_a_problem_keeps_the_draft_and_the_clock(page: Page, web_url: str) -> None:
    page.goto(web_url + "/sql/longest-login-streak")
    clock = page.get_by_text(CLOCK)
    expect(clock).to_be_visible()
    expect(clock).not_to_have_text(clock.inner_text())  # it ticks: the page is connected
    set_editor(page, DRAFT)
    page.wait_for_timeout(2500)  # the draft reaches the server; the clock moves on
    assert editor_text(page) == DRAFT
    page.reload()
    expect(page.locator(".cm-content")).to_contain_text("my draft, kept over a reload")
    assert editor_text(page) == DRAFT
    expect(clock).to_be_visible()
    found = CLOCK.match(clock.inner_text())
    assert found is not None
    assert int(found.group(1)) * 60 + int(found.group(2)) >= 2, clock.inner_text()
    # Another problem's page, in the same tab, starts from the starting text.
    page.goto(web_url + "/sql/merge-intervals")
    expect(clock).to_be_visible()
    # Once the clock ticks, the page is connected and its draft, if it had one, restored.
    expect(clock).not_to_have_text(clock.inner_text())
    assert editor_text(page) == STARTING_TEXT
    # And back: the draft is still there.
    page.goto(web_url + "/sql/longest-login-streak")
    expect(page.locator(".cm-content")).to_contain_text("my draft, kept over a reload")
    assert editor_text(page) == DRAFT


def test_lab_chart_moves(page: Page, web_url: str) -> None:
    page.goto(web_url + "/labs/lock-contention")
    page.get_by_role("button", name="Start the incident").click()
    expect(page.get_by_text("postgresql://oncall:")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("SYMPTOM PRESENT")).to_be_visible(timeout=15_000)

    chart = page.locator(".nicegui-echart").first
    page.wait_for_timeout(2000)
    before = chart.screenshot()
    page.wait_for_timeout(4000)
    assert chart.screenshot() != before  # redrawn with new points, live
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text("NOT SOLVED")).to_be_visible(timeout=15_000)
    shot(page, "lab-running")
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Start the incident")).to_be_visible(timeout=30_000)


def test_grade_a_deep_dive_answer(page: Page, web_url: str) -> None:
    strong = load_topics()["mvcc"].sample_answers["strong"]
    page.goto(web_url + "/deepdive/mvcc")
    page.get_by_placeholder("What it is").fill(strong)
    page.get_by_role("button", name="Grade my answer").click()
    expect(page.get_by_text("/100")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Staff answer")).to_be_visible()
    shot(page, "deepdive-graded")


def test_review_a_card(page: Page, web_url: str) -> None:
    page.goto(web_url + "/cards")
    front = page.locator(".nicegui-markdown").first.inner_text()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Good (3)")).to_be_visible()
    shot(page, "cards-revealed")
    page.keyboard.press("3")
    expect(page.get_by_text("next review in")).to_be_visible()
    assert page.locator(".nicegui-markdown").first.inner_text() != front
