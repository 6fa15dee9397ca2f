"""Technical deep dives: rubric-graded explanations, live experiments, spaced repetition."""

from pgdojo.tracks.deepdive.cards import CardDeck, DueCard, ReviewOutcome
from pgdojo.tracks.deepdive.experiments import ExperimentRun, ExperimentRunner, StepResult
from pgdojo.tracks.deepdive.grader import Grade, TopicGrade, grade_answer
from pgdojo.tracks.deepdive.service import DeepDiveTrack, grade_dict

__all__ = [
    "CardDeck",
    "DeepDiveTrack",
    "DueCard",
    "ExperimentRun",
    "ExperimentRunner",
    "Grade",
    "ReviewOutcome",
    "StepResult",
    "TopicGrade",
    "grade_answer",
    "grade_dict",
]
