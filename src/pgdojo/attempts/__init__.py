"""One outcome model for every track: what progress, the plan and mock reports read.

An attempt is one sitting at one item of a track (a SQL problem, a lab incident, a deep-dive
answer, an experiment run, a flashcard review): when it started and finished, the time actually
spent on it, a score 0..100, whether it passed, and the hints used. Track-specific detail
(submissions, lab checks, gradings, experiment steps, card reviews) lives in the track's own
table, keyed by the attempt's id.
"""

from pgdojo.attempts.log import AttemptLog
from pgdojo.attempts.model import ACTIVE_GAP_CAP_S, Attempt, ItemProgress, TrackProgress

__all__ = ["ACTIVE_GAP_CAP_S", "Attempt", "AttemptLog", "ItemProgress", "TrackProgress"]
