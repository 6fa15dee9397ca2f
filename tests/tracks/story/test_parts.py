"""Finding STAR-T parts: headings, bold and plain labels, and unlabelled prose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pgdojo.content.behavioral import STORY_PARTS
from pgdojo.tracks.story.parts import split_parts


def test_headings() -> None:
    found = split_parts(
        "## Situation\nCheckout timed out.\n\n## Task\nI owned it.\n## Action\nI ran EXPLAIN."
        "\n## Results\nDown to 5 ms.\n## Technical depth\nThe cast defeated the index."
    )
    assert found.labelled
    assert found.text["situation"] == "Checkout timed out."
    assert found.text["result"] == "Down to 5 ms."
    assert found.text["technical"] == "The cast defeated the index."


def test_bold_and_plain_labels_with_text_on_the_same_line() -> None:
    found = split_parts(
        "**Situation:** checkout timed out at peak.\n**Task**: I owned the fix.\n"
        "Action: I read pg_stat_statements.\nResult: p90 fell from 10 s to 40 ms.\n"
        "Technical: an implicit cast."
    )
    assert found.labelled
    assert found.text["situation"] == "checkout timed out at peak."
    assert found.text["task"] == "I owned the fix."
    assert found.text["action"] == "I read pg_stat_statements."
    assert found.text["technical"] == "an implicit cast."


def test_a_sentence_that_starts_with_a_part_name_is_not_a_label() -> None:
    found = split_parts("## Action\nI fixed it.\nActions speak louder than words, I said.")
    assert "Actions speak louder" in found.text["action"]


def test_unlabelled_five_paragraphs_map_in_order() -> None:
    paragraphs = [f"Paragraph {n} of the story." for n in range(5)]
    found = split_parts("\n\n".join(paragraphs))
    assert not found.labelled
    assert [found.text[p] for p in STORY_PARTS] == paragraphs


def test_unlabelled_prose_is_assigned_by_cues_in_order() -> None:
    found = split_parts(
        "Our checkout service was timing out at peak for customers.\n\n"
        "I ran pg_stat_statements first, then I found the query and I added an index.\n\n"
        "Then I rolled the fix out.\n\n"
        "As a result p90 dropped from 10 s to 40 ms, and since then we alert on it."
    )
    assert "timing out" in found.text["situation"]
    assert "rolled" in found.text["action"]
    assert "dropped" in found.text["result"]


def test_with_headings_a_label_like_line_stays_in_its_part() -> None:
    found = split_parts("## Action\nI ran it.\nResult: the queue drained.\n## Result\nDone.")
    assert found.text["action"] == "I ran it.\nResult: the queue drained."
    assert found.text["result"] == "Done."


def test_template_comments_are_not_part_of_the_story() -> None:
    found = split_parts("## Situation\n<!-- the context -->\nIt broke.\n## Task\n<!-- owned -->")
    assert found.text["situation"] == "It broke."
    assert not found.present("task")


@given(st.lists(st.text(alphabet="abc \n", max_size=40), max_size=8))
def test_splitting_never_fails_and_keeps_to_the_five_parts(chunks: list[str]) -> None:
    found = split_parts("\n\n".join(chunks))
    assert set(found.text) == set(STORY_PARTS)
