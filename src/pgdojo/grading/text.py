"""Reading an answer: sentences, words, phrase matching, explanations, negation.

Pure functions over text; they know nothing of rubrics (grader.py applies them to concepts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pgdojo.grading.thresholds import EVIDENCE_CHARS, MIN_EXPLANATION_WORDS

# Words that make a run of terms a sentence rather than a list.
FUNCTION_WORDS = frozenset(
    "is are was were be been being it its this that these those which who when because so "
    "since by to of in on with then than each every until after before while if can cannot "
    "does do has have had means makes keeps writes reads gets uses sees needs must will would "
    "should could may might not no only also both either instead rather the a an as at from "
    "into for but or and there their they we you keep keeps hold holds take takes make run "
    "runs write read become becomes turn turns let lets add adds mark marks point points".split()
)
# A negation or refutation before a claim: "it is a myth that ...", "without ...".
NEGATIONS = re.compile(
    r"\b(not|never|no|without|isn't|aren't|doesn't|don't|didn't|won't|cannot|can't|myth|misconception|"
    r"wrong|false|rather than|instead of|unlike|contrary)\b",
    re.IGNORECASE,
)
# A refutation after the claim: "X happens in place, which is false".
NEGATION_AFTER = re.compile(
    r"\b(is|are|was|that's|which is)\s+(false|wrong|a myth|not true|incorrect|a misconception)\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=#)")
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|cf|approx)\.", re.IGNORECASE)
LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
WORD = re.compile(r"[a-z0-9_']+")


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of an answer, with Markdown emphasis and code marks removed."""
    cleaned = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    cleaned = ABBREVIATIONS.sub(lambda m: m.group(1), cleaned)  # "e.g." ends no sentence
    cleaned = LIST_MARKER.sub("\n\n", cleaned)  # each list item stands alone
    cleaned = re.sub(r"[`*>#]+", " ", cleaned)
    # Emphasis underscores go; underscores inside identifiers (max_wal_size) stay.
    cleaned = re.sub(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])", " ", cleaned)
    parts = SENTENCE_BREAK.split(cleaned)
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text (identifiers and contractions count as one word)."""
    return WORD.findall(text.lower())


def count_words(text: str) -> int:
    return len(words_of(text))


def is_explanation(sentence: str) -> bool:
    """Long enough, and built like a sentence rather than a list of terms."""
    words = words_of(sentence)
    if len(words) < MIN_EXPLANATION_WORDS:
        return False
    function_words = sum(1 for w in words if w in FUNCTION_WORDS)
    separators = sentence.count(",") + sentence.count(";") + sentence.count("/")
    if function_words < 2:
        return False
    # "xmin, xmax, vacuum, snapshot, clog, hint bits, ..." is a list, not an explanation.
    return not (separators >= 4 and function_words * 2 < separators)


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Match at word starts; spaces in a phrase also match hyphens, underscores and line
    breaks, so the term "max wal size" finds max_wal_size, and "snapshot" finds snapshots."""
    body = r"[\s\-_]+".join(re.escape(part) for part in phrase.split())
    return re.compile(r"(?<![a-z0-9_])" + body, re.IGNORECASE)


def phrase_spans(sentence: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Where in `sentence` each of `phrases` occurs, as (start, end) spans."""
    return [
        match.span() for phrase in phrases for match in phrase_pattern(phrase).finditer(sentence)
    ]


def explaining_sentence(terms: list[str], context: list[str], sentences: list[str]) -> str | None:
    """The first sentence that names a thing (a term) and explains it (a context word that is
    more than the term itself: "snapshot" does not explain the term "snapshot too old")."""
    for sentence in sentences:
        named = phrase_spans(sentence, terms)
        if not named:
            continue
        explained = phrase_spans(sentence, context)
        if any(all(c[1] <= t[0] or c[0] >= t[1] for t in named) for c in explained):
            return sentence
    return None


def asserting_sentence(patterns: list[str], sentences: list[str]) -> str | None:
    """The first sentence that asserts a claim (matches a pattern) rather than refuting it: no
    negation before the match ("it is a myth that ...", "without ..."), no refutation after it
    ("..., which is false")."""
    for sentence in sentences:
        for pattern in patterns:
            match = re.search(pattern, sentence, re.IGNORECASE)
            if (
                match
                and not NEGATIONS.search(sentence[: match.start()])
                and not NEGATION_AFTER.search(sentence[match.end() :])
            ):
                return sentence
    return None


def shorten(sentence: str, limit: int = EVIDENCE_CHARS) -> str:
    """`sentence` cut to `limit` characters, with an ellipsis when cut."""
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
