"""The scheduling policy, in one place: FSRS through the `fsrs` package (settings, the grading → rating map, card
conversion), the forgetting curve, and how a session orders and repeats its questions.

Queue order: due questions first, lowest recall first, then new ones in article order (StudySession builds it from
the store). Recall is `retrievability_at`; the store orders by the time since the last answer per unit of stability
(store/queue.py, LOWEST_RECALL_FIRST), which is the same order whatever the curve's parameters (a test checks it).

Repeats: a question answered in a session comes back in it when its next due is under SAME_SESSION away (a learning
or relearning step, minutes), not when it is a review (a day or more). Once nothing else is left, a repeat due within
LEARN_AHEAD is shown at once rather than ending the session (Anki's learn-ahead limit); and a session starting, Home
and `stats` count such a step as due now (due_by).

Rating map (what the learner did → FSRS rating):

========================================  =========
wrong answer, or "I don't know"            Again (1)
right, marked "unsure"                     Hard (2)
right                                      Good (3)
right, marked "easy"                       Easy (4)
========================================  =========
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from enum import Enum
from random import Random
from types import FunctionType, MethodType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fsrs import Card, Rating, Scheduler

    from .workload import Balancer

NEW = 0  # a card never answered; fsrs has no "new" state, so the store keeps it as 0
REVIEW = 2  # fsrs State.Review
# A learning step due this soon counts as due now and is studied now (Anki's learn-ahead limit, 20 minutes): a
# session takes it rather than ending with "next due in 6 minutes", and Home counts it as due.
LEARN_AHEAD = timedelta(minutes=20)
SAME_SESSION = timedelta(hours=12)
_SAME_SESSION_S = SAME_SESSION.total_seconds()  # (asked on every answer)


def due_by(now: datetime) -> datetime:
    """The time up to which answered questions count as due at `now` (the learn-ahead window included)."""
    return now + LEARN_AHEAD


def comes_back_in_session(answered_at: float, due: float) -> bool:
    """Whether a question answered at `answered_at` (UTC epoch seconds), next due at `due`, is asked again in the
    same session: its next step is under SAME_SESSION away."""
    return due - answered_at < _SAME_SESSION_S


_fsrs_module: Any = None
_FSRS_STATES: dict[int, Any] = {}  # fsrs.State by value
_Card: Any = None  # fsrs.Card, with a cheaper copy (see _fsrs)


def _fsrs() -> Any:
    """The fsrs package, imported on first use: with typing_extensions under it that is ~20 ms, which a start
    showing Home (counts only) need not spend."""
    global _fsrs_module, _FSRS_STATES, _Card
    if _fsrs_module is None:  # (an import statement is a dearer lookup, and every answer asks several times)
        import fsrs

        class Card(fsrs.Card):
            """fsrs's Card, copied plainly: review_card copies the card it is given, and copy.copy's generic
            path (__reduce_ex__, then rebuilding the object) is ~4 µs of every answer."""

            __slots__ = ()

            def __copy__(self) -> Card:
                new = object.__new__(type(self))
                new.__dict__.update(self.__dict__)
                return new

        _FSRS_STATES = {s.value: s for s in fsrs.State}
        _Card = Card
        _fsrs_module = fsrs
    return _fsrs_module


class Confidence(str, Enum):
    """What the learner says of a right answer before moving on."""

    NORMAL = "normal"
    UNSURE = "unsure"
    EASY = "easy"


def rating_for(correct: bool, confidence: Confidence | str = Confidence.NORMAL) -> Rating:
    """The FSRS rating for an answer (see the module docstring)."""
    rating: type[Rating] = _fsrs().Rating
    if not correct:
        return rating.Again
    if confidence is Confidence.NORMAL:
        return rating.Good
    confidence = Confidence(confidence)
    if confidence is Confidence.UNSURE:
        return rating.Hard
    if confidence is Confidence.EASY:
        return rating.Easy
    return rating.Good


@dataclass
class Settings:
    """The learner's study settings, saved in the store."""

    desired_retention: float = 0.9
    new_per_day: int = 20
    reviews_per_day: int = 200
    fuzz: bool = True  # spread intervals a little so cards learned together do not stay together
    load_balance: bool = True  # pick the day in the fuzz range with fewer reviews due (workload.py)
    easy_days: list[str] = field(default_factory=lambda: ["normal"] * 7)  # Monday first: normal|reduced|minimum
    learning_steps: list[float] = field(default_factory=lambda: [1.0, 10.0])  # minutes
    relearning_steps: list[float] = field(default_factory=lambda: [10.0])  # minutes
    max_interval: int = 36500  # days
    parameters: list[float] = field(default_factory=list)  # personal FSRS weights; empty = defaults

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Settings:
        """From a saved dict; other keys are left out (theme and font size, saved here before Appearance)."""
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def validate(self) -> None:
        """Raise ValueError with a clear message when a value is out of range."""
        if not 0.7 <= self.desired_retention <= 0.99:
            raise ValueError("desired retention must be between 0.70 and 0.99")
        if not 0 <= self.new_per_day <= 9999:
            raise ValueError("new questions per day must be between 0 and 9999")
        if not 0 <= self.reviews_per_day <= 99999:
            raise ValueError("reviews per day must be between 0 and 99999")
        from .workload import check_easy_days

        check_easy_days(self.easy_days)
        for name, steps in (("learning", self.learning_steps), ("relearning", self.relearning_steps)):
            if len(steps) > 10 or any(not isinstance(x, int | float) or not 0 < x <= 1440 * 7 for x in steps):
                raise ValueError(f"{name} steps must be up to 10 times in minutes, each above 0 and at most a week")
        if not 1 <= self.max_interval <= 36500:
            raise ValueError("maximum interval must be between 1 and 36500 days")


def make_scheduler(settings: Settings, rng: Random | None = None, balancer: Balancer | None = None) -> Scheduler:
    """An fsrs Scheduler for these settings; its fuzz draws from `rng` when one is given, and picks review days
    through `balancer` (load balancing, easy days) when one is given and fuzz is on."""
    kwargs: dict[str, Any] = {
        "desired_retention": settings.desired_retention, "enable_fuzzing": settings.fuzz,
        "learning_steps": tuple(timedelta(minutes=m) for m in settings.learning_steps),
        "relearning_steps": tuple(timedelta(minutes=m) for m in settings.relearning_steps),
        "maximum_interval": settings.max_interval,
    }
    if settings.parameters:
        kwargs["parameters"] = tuple(settings.parameters)
    scheduler: Scheduler = _fsrs().Scheduler(**kwargs)
    if settings.fuzz and balancer is not None:
        from .workload import install

        install(scheduler, balancer)
    elif rng is not None and settings.fuzz:
        _draw_fuzz_from(rng, scheduler)
    return scheduler


def _draw_fuzz_from(rng: Random, scheduler: Scheduler) -> None:
    """Make the scheduler's fuzz draw from `rng`.

    fsrs takes no generator: its fuzz calls `random()`, imported from the random module into fsrs.scheduler, so it
    would draw from the process's shared one. This scheduler gets its own copy of fsrs's fuzz function, the same code
    reading its names from a copy of its module's in which `random` is rng's. A later fsrs that fuzzes otherwise
    keeps its own draw (a test fails then: tests/test_store_session.py, fuzz from the session's generator).
    """
    method = getattr(type(scheduler), "_get_fuzzed_interval", None)
    if not isinstance(method, FunctionType) or "random" not in method.__code__.co_names:
        return
    fuzz = FunctionType(method.__code__, {**method.__globals__, "random": rng.random}, method.__name__,
                        method.__defaults__, method.__closure__)
    fuzz.__kwdefaults__ = method.__kwdefaults__
    scheduler._get_fuzzed_interval = MethodType(fuzz, scheduler)  # type: ignore[method-assign]


def _ts(dt: datetime | None) -> float | None:
    return None if dt is None else dt.timestamp()


def _dt(ts: float | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, timezone.utc)


@dataclass(slots=True)
class CardState:
    """A card's schedule as the store keeps it (times as UTC epoch seconds)."""

    state: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: float | None = None
    last_review: float | None = None
    reps: int = 0
    lapses: int = 0

    def to_fsrs(self, card_id: int, now: datetime) -> Card:
        """The fsrs Card (a new card becomes a Learning card at step 0, due now)."""
        fsrs = _fsrs()
        card: Card
        if self.state == NEW:
            card = _Card(card_id, fsrs.State.Learning, 0, due=now)
        else:  # Positional, and no Enum call for the state: this runs on every answer.
            card = _Card(card_id, _FSRS_STATES[self.state], self.step, self.stability, self.difficulty,
                         _dt(self.due), _dt(self.last_review))
        return card

    def after(self, card: Card, rating: Rating) -> CardState:
        """The state after fsrs reviewed this card into `card` with `rating`."""
        lapse = self.state == REVIEW and rating == 1  # Again
        return CardState(card.state.value, card.step, card.stability, card.difficulty, _ts(card.due),
                         _ts(card.last_review), self.reps + 1, self.lapses + lapse)

    def to_row(self) -> tuple[Any, ...]:
        return (self.state, self.step, self.stability, self.difficulty, self.due, self.last_review, self.reps, self.lapses)

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> CardState:
        return cls(*row)


def review(scheduler: Scheduler, card_id: int, before: CardState, rating: Rating, now: datetime) -> CardState:
    """Schedule one answer: the card's state after `rating` at `now`."""
    card, _log = scheduler.review_card(before.to_fsrs(card_id, now), rating, review_datetime=now)
    return before.after(card, rating)


def curve(parameters: list[float] | tuple[float, ...] | None = None) -> tuple[float, float]:
    """(factor, decay) of the FSRS forgetting curve R = (1 + factor * days / S) ** decay."""
    params = tuple(parameters) if parameters else _fsrs().Scheduler().parameters
    decay = -params[20]
    return 0.9 ** (1 / decay) - 1, decay


def retrievability_at(stability: float | None, last_review: float | None, now_ts: float,
                      factor_decay: tuple[float, float]) -> float | None:
    """Probability of recall at `now_ts` (UTC epoch seconds); None for a card never answered.

    fsrs's curve, over the days elapsed with their fraction: fsrs's own `get_card_retrievability` counts whole days
    (and says 0 for a card never answered). Both agree at each whole day; in between this one falls smoothly from
    fsrs's figure for the day to its figure for the next, so the queue and the Scores page tell apart two questions
    answered hours apart (tests/test_scheduling_policy.py checks both against fsrs)."""
    if stability is None or last_review is None or stability <= 0:
        return None
    factor, decay = factor_decay
    elapsed = max(0.0, (now_ts - last_review) / 86400.0)
    return math.pow(1 + factor * elapsed / stability, decay)
