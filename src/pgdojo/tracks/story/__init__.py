"""Behavioral + technical: a STAR-T story bank, graded and drilled; the interview-day reference."""

from pgdojo.tracks.story.grader import StoryGrade, grade_story
from pgdojo.tracks.story.service import BankReport, DrillQuestion, DrillResult, StoryTrack

__all__ = ["BankReport", "DrillQuestion", "DrillResult", "StoryGrade", "StoryTrack", "grade_story"]
