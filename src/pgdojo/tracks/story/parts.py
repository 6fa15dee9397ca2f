"""Finding the STAR-T parts of a story: headings, labels, or the paragraphs' own cues.

Rules, in order:
- A line that is a heading (`## Situation`), a bold label (`**Situation:**`) or a plain label
  (`Situation:`) starts that part; the part runs until the next such line. "Results",
  "Actions", "Technical depth" and "Tech" count as their part. In a story with headings only
  headings count: a "Result: ..." line inside a part is then text of that part.
- With no labels at all, the story's paragraphs are assigned to parts in order (a story is
  told Situation → Task → Action → Result → Technical), each paragraph to the part whose cue
  words it holds most, never going back to an earlier part; five paragraphs map one to one.
  The grade then notes that labelling the parts makes it exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pgdojo.content.behavioral import STORY_PARTS

_NAMES = {
    "situation": "situation",
    "context": "situation",
    "background": "situation",
    "task": "task",
    "action": "action",
    "actions": "action",
    "result": "result",
    "results": "result",
    "outcome": "result",
    "technical": "technical",
    "technical depth": "technical",
    "tech": "technical",
}
_LABEL = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*|__)?\s*(?P<name>situation|context|background|task|actions?|results?"
    r"|outcome|technical depth|technical|tech)\b\s*(?:\([^)]*\))?\s*(?::\s*)?(?:\*\*|__)?"
    r"\s*(?::\s*)?(?P<rest>.*)$",
    re.IGNORECASE,
)
# Cue words that suggest a paragraph's part when the story is not labelled.
_CUES = {
    "situation": r"\b(was|were|at the time|our (company|service|team)|peak|customers|every day)\b",
    "task": r"\b(my (job|task|role)|i was asked|i owned|responsible|the goal|needed to|had to)\b",
    "action": r"\b(i (ran|found|wrote|added|built|rolled|moved|changed|proposed|started|read))\b"
    r"|\b(first|then|next|after that)\b",
    "result": r"\b(result|dropped|fell|went from|down to|since then|%|ms\b|percent|saved)",
    "technical": r"\b(because|planner|mechanism|under the hood|the reason|lock|wal|mvcc|index)\b",
}


@dataclass(frozen=True)
class StoryParts:
    """The text of each part ('' when absent) and whether the story labelled them."""

    text: dict[str, str]
    labelled: bool

    def present(self, part: str) -> bool:
        return bool(self.text.get(part, "").strip())


def _is_label_line(line: str) -> tuple[str, str] | None:
    match = _LABEL.match(line)
    if not match:
        return None
    stripped = line.strip()
    rest = match.group("rest").strip()
    # "Task" alone, "## Task", "**Task:** ..." and "Task: ..." are labels; a sentence that
    # merely starts with the word ("Actions speak louder...") is not.
    labelled = (
        stripped.startswith(("#", "**", "__")) or ":" in stripped[: len(stripped) - len(rest)]
    )
    if not labelled and rest:
        return None
    return _NAMES[match.group("name").lower()], rest


HEADING = 3


def _style(line: str) -> int:
    """How strongly a label line is marked: 3 a heading, 2 bold, 1 a plain 'Part:'."""
    stripped = line.lstrip()
    return 3 if stripped.startswith("#") else 2 if stripped.startswith(("**", "__")) else 1


def split_parts(text: str) -> StoryParts:
    """The STAR-T parts of `text` (front matter already removed)."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)  # the template's prompts
    found: dict[str, list[str]] = {part: [] for part in STORY_PARTS}
    current: str | None = None
    preamble: list[str] = []
    labelled = False
    # In a story with headings only headings start parts: a line "Result: the queue drained."
    # inside the Action stays in the Action (the web page writes its fields as headings).
    lines = text.splitlines()
    headings = any(_style(line) == HEADING and _is_label_line(line) for line in lines)
    for line in lines:
        label = _is_label_line(line) if not headings or _style(line) == HEADING else None
        if label:
            current, rest = label
            labelled = True
            if rest:
                found[current].append(rest)
            continue
        if current is None:
            preamble.append(line)
        else:
            found[current].append(line)
    if labelled:
        return StoryParts({p: "\n".join(lines).strip() for p, lines in found.items()}, True)
    return StoryParts(_by_cues("\n".join(preamble)), False)


def _by_cues(text: str) -> dict[str, str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    parts: dict[str, list[str]] = {part: [] for part in STORY_PARTS}
    if len(paragraphs) == len(STORY_PARTS):
        for part, paragraph in zip(STORY_PARTS, paragraphs, strict=True):
            parts[part].append(paragraph)
    elif paragraphs:
        for index, part in zip(_monotone_assignment(paragraphs), paragraphs, strict=True):
            parts[STORY_PARTS[index]].append(part)
    return {part: "\n\n".join(texts) for part, texts in parts.items()}


def _monotone_assignment(paragraphs: list[str]) -> list[int]:
    """Each paragraph's part index, non-decreasing, maximising the cue matches (a small DP)."""
    scores = [
        [len(re.findall(_CUES[part], p, re.IGNORECASE)) for part in STORY_PARTS] for p in paragraphs
    ]
    n, k = len(paragraphs), len(STORY_PARTS)
    best = [[0.0] * k for _ in range(n)]
    back = [[0] * k for _ in range(n)]
    for j in range(k):
        best[0][j] = scores[0][j] - 0.5 * j  # a story rarely opens past its Situation
    for i in range(1, n):
        for j in range(k):
            prev = max(range(j + 1), key=lambda q: best[i - 1][q])
            best[i][j] = best[i - 1][prev] + scores[i][j]
            back[i][j] = prev
    j = max(range(k), key=lambda q: best[n - 1][q])
    path = [j]
    for i in range(n - 1, 0, -1):
        j = back[i][j]
        path.append(j)
    return path[::-1]
