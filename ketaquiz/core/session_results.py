"""What a study session tells the learner: the feedback after an answer, the questions left by kind, and the
end-of-session summary (core/session.py makes them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .grading import Grade
from .questions import Question


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the learner sees after answering."""

    question: Question
    grade: Grade
    review_id: int
    due: datetime  # when the question comes back

    @property
    def correct(self) -> bool:
        return self.grade.correct


@dataclass(frozen=True)
class QueueCounts:
    """Questions left in a session by kind, as Anki shows them."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


@dataclass
class TopicScore:
    answered: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass
class Summary:
    """The end-of-session report."""

    answered: int
    correct: int
    per_topic: dict[str, TopicScore]
    next_due: datetime | None  # the next time a question of this session's scope is due
    due_tomorrow: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None
