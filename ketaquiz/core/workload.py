"""Workload: load balancing and easy days, the choice of a review's day inside its fuzz range.

FSRS gives an interval; fsrs's fuzz then picks a day at random in a range around it so that questions learned
together drift apart. Load balancing (as Anki 24.11 does) makes that pick a weighted random choice that favours
the days with fewer reviews already due, and slightly the earlier days (so that intervals are not pushed later on
average, which would lower retention). Easy days give each weekday a load, normal / reduced / minimum: a minimum
day is (nearly) never picked, and a reduced day only while its load stays under half of the other days' average.
The day is always one of the fuzz range, so nothing is due later than fuzz alone could make it.

A review is due from the start of its learner day (4 am local), as in Anki: due at the hour of the last answer, a
question answered in the evening would miss its day's morning session and slip to the next day, whatever day was
chosen for it (a Friday review slipping into a reduced Saturday).

The range is fsrs's own (its FUZZ_RANGES, as its fuzz computes it; a test holds the two equal); the draw is from
the session's injected generator, so the same seed gives the same schedule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from random import Random
from typing import Any

from .clock import day_number, day_start

EASY_DAY_LEVELS = ("normal", "reduced", "minimum")
_LOAD = {"normal": 1.0, "reduced": 0.5, "minimum": 0.0}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NORMAL_WEEK: tuple[str, ...] = ("normal",) * 7
HORIZON_DAYS = 365  # reviews further out are fuzzed as fsrs does, not balanced (the need is small, as in Anki)
_OFF = 1e-4  # the weight factor of a day switched off (not 0: a range of only such days still has a choice)


def check_easy_days(days: Sequence[str]) -> None:
    """Raise ValueError unless `days` gives one level per weekday, Monday first."""
    if len(days) != 7 or any(d not in EASY_DAY_LEVELS for d in days):
        raise ValueError("easy days must give 7 weekdays (Monday first), each normal, reduced or minimum")


@lru_cache(maxsize=4096)
def fuzz_range(interval_days: int, maximum_interval: int) -> tuple[int, int]:
    """The days (min, max) fsrs's fuzz picks from for an interval (computed from fsrs's FUZZ_RANGES)."""
    from fsrs.scheduler import FUZZ_RANGES

    delta = 1.0
    for r in FUZZ_RANGES:
        delta += r["factor"] * max(min(float(interval_days), r["end"]) - r["start"], 0.0)
    lo = max(2, round(interval_days - delta))
    hi = min(round(interval_days + delta), maximum_interval)
    return min(lo, hi), hi


@lru_cache(maxsize=4096)
def _day_of_quarter(quarter: int) -> int:
    return day_number(quarter * 900.0)


def review_day(ts: float) -> int:
    """The learner day (date ordinal) of a UTC timestamp; cached by quarter hour, which every zone's day boundary
    falls on (an answer is scheduled and counted through it, ~10 µs each otherwise)."""
    return _day_of_quarter(int(ts // 900))


class DayLoad:
    """Reviews due on each learner day (by date ordinal) from today on, kept up to date as answers move them."""

    def __init__(self, counts: dict[int, int] | None = None) -> None:
        self.counts: Counter[int] = Counter(counts or {})

    def move(self, old_day: int | None, new_day: int | None) -> None:
        """A review moved from one day to another (None: it was not, or is no longer, a review)."""
        if old_day is not None and self.counts[old_day] > 0:
            self.counts[old_day] -= 1
        if new_day is not None:
            self.counts[new_day] += 1


class Balancer:
    """Chooses the day of each review inside its fuzz range (see the module docstring).

    `now` is the time of the answer being scheduled; the session sets it before each answer.
    """

    def __init__(self, load: DayLoad, rng: Random, *, balance: bool = True,
                 easy_days: Sequence[str] = NORMAL_WEEK) -> None:
        check_easy_days(easy_days)
        self.load = load
        self.rng = rng
        self.balance = balance
        self.easy = [_LOAD[d] for d in easy_days]
        self._all_normal = all(x == 1.0 for x in self.easy)
        self.now = datetime.now(timezone.utc)
        self.today = 0  # the learner day of `now`, as a date ordinal (set with it: see at())
        self._starts: dict[tuple[int, int], datetime] = {}

    def at(self, now: datetime) -> None:
        """Schedule the next answers as given at `now`."""
        self.now = now
        self.today = review_day(now.timestamp())

    def day_start(self, days: int) -> datetime:
        """The start of the learner day `days` after today."""
        key = (self.today, days)
        start = self._starts.get(key)
        if start is None:
            start = self._starts[key] = day_start(self.now + timedelta(days=days))
        return start

    @property
    def active(self) -> bool:
        """True when days are weighed (else the choice is fuzz's: even over the range)."""
        return self.balance or any(x < 1.0 for x in self.easy)

    def pick(self, lo: int, hi: int) -> int:
        """An interval in days, lo..hi inclusive."""
        if hi > HORIZON_DAYS or lo >= hi:
            return lo + int(self.rng.random() * (hi - lo + 1)) if hi > lo else lo
        days = range(lo, hi + 1)
        get, today = self.load.counts.get, self.today
        counts = [get(today + d, 0) for d in days]
        if self.balance:
            # Fewer reviews due weighs more; so does an earlier day, slightly (1/d³: without it the choice drifts
            # later on average, most around the first intervals).
            weights = [(c + 1) ** -2.15 * d ** -3.0 for d, c in zip(days, counts, strict=True)]
            if not self._all_normal:
                weights = [w * e for w, e in zip(weights, self._easy_modifiers(days, counts), strict=True)]
        else:
            weights = self._easy_modifiers(days, counts)  # easy days alone: fuzz's even choice among the days left open
        total = sum(weights)
        x = self.rng.random() * total
        for d, w in zip(days, weights, strict=True):
            x -= w
            if x < 0:
                return d
        return hi

    def _easy_modifiers(self, days: range, counts: list[int]) -> list[float]:
        if self._all_normal:
            return [1.0] * len(days)
        first = date.fromordinal(self.today + days[0]).weekday()
        loads = [self.easy[(first + i) % 7] for i in range(len(days))]
        if all(x == 1.0 for x in loads):
            return loads
        total_count, total_load = sum(counts), sum(loads)
        out = []
        for c, x in zip(counts, loads, strict=True):
            if x == 1.0:
                out.append(1.0)
            elif x == 0.0:
                out.append(_OFF)
            else:  # reduced: open while its load, scaled up to a normal day's, is under the others' average
                others = total_load - x
                out.append(1.0 if others <= 0 or c / x <= (total_count - c) / others else _OFF)
        return out


def install(scheduler: Any, balancer: Balancer) -> None:
    """Make `scheduler` (an fsrs Scheduler with fuzz on) pick review days through `balancer`, each review due from
    its day's start."""

    def fuzzed(*, interval: timedelta) -> timedelta:
        days = interval.days
        if days >= 2.5:  # as fsrs: no fuzz under 2.5 days
            lo, hi = fuzz_range(days, scheduler.maximum_interval)
            days = min(balancer.pick(lo, hi), scheduler.maximum_interval)
        return balancer.day_start(days) - balancer.now

    scheduler._get_fuzzed_interval = fuzzed
