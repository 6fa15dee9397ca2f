"""The numbers that tune grading, in one place: score levels, sentence rules, feedback.

Tracks and interfaces read these instead of repeating them (the CLI's and the web page's score
colours, the story track's spoken length, the tests' "a strong answer scores at least").
"""

from __future__ import annotations

# -- score levels ----------------------------------------------------------------------------

STRONG_SCORE = 75  # a strong answer: every built-in topic's strong sample reaches it
FAIR_SCORE = 45  # below this an answer misses whole parts
# The level of a score, highest cut-off first: the first level whose cut-off the score reaches.
LEVELS: tuple[tuple[int, str], ...] = ((STRONG_SCORE, "strong"), (FAIR_SCORE, "fair"), (0, "weak"))


def level_for(score: int) -> str:
    """The level of a 0..100 score: strong, fair or weak."""
    for cut_off, level in LEVELS:
        if score >= cut_off:
            return level
    return LEVELS[-1][1]


# -- reading an answer -----------------------------------------------------------------------

MIN_EXPLANATION_WORDS = 7  # a shorter sentence explains nothing, whatever words it holds
WORDS_PER_MINUTE = 150  # speaking pace, for an answer's spoken length (and a story's)
EVIDENCE_CHARS = 180  # evidence sentences shown to the candidate are cut to this length

# -- feedback --------------------------------------------------------------------------------

LIST_OF_TERMS_WORDS = 15  # this many words and not one explanatory sentence: a list of terms
MISSING_SHOWN = 6  # missing concepts listed in the feedback, most valuable first
BONUS_HINT_SCORE = 70  # from this score on, the feedback suggests bonus points not yet made
BONUS_HINTS_SHOWN = 2
LONG_ANSWER_MINUTES = 6  # spoken longer than this, the feedback asks for a shorter answer
