"""The rows the store's report queries return (store/reports.py), each a typed record.

Apart from the queries, and loaded on their first use: the app's start reads none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class DayRow:
    day: int  # date ordinal
    set_id: str
    topic: str
    reviews: int
    correct: int
    young: int
    young_correct: int
    mature: int
    mature_correct: int


@dataclass
class SessionRow:
    id: int
    started_at: float
    ended_at: float | None
    set_id: str | None
    answered: int
    correct: int

    @property
    def score(self) -> float | None:
        return self.correct / self.answered if self.answered else None


class HardRow(NamedTuple):
    """An answered question with its wrong answers (at least FSRS's lapses) and what its recall depends on."""

    key: int
    set_id: str
    question_id: str
    topic: str
    data: str  # the question's stored JSON
    failed: int
    reps: int
    stability: float | None
    last_review: float | None


class ReviewExportRow(NamedTuple):
    reviewed_at: float
    set_id: str
    question_id: str
    topic: str
    data: str
    rating: int
    correct: int
    duration_ms: int | None
    state_before: int
    session: int | None
    response: str | None


class QuestionExportRow(NamedTuple):
    set_id: str
    question_id: str
    topic: str
    data: str
    state: int
    lapses: int
    stability: float | None
    difficulty: float | None
    last_review: float | None
    due: float | None
    reviews: int
    correct: int


class LoggedAnswer(NamedTuple):
    question: int
    rating: int
    reviewed_at: float
    duration_ms: int | None
