"""The Scores page's figures from the review log: reviews per day, accuracy per topic per week, the calendar
heatmap and streaks, the 30-day due forecast, true retention (young / mature), sessions and the hardest questions.

Speed: a million reviews must not cost a scan per chart: the store keeps the per-day figures in a small derived
table, up to yesterday (see store/reports.py), and reads only yesterday's and today's reviews from the log.

Definitions:

* Learner day: days roll over at 4 am in the learner's time zone (``clock.day_start``); each review counts on
  the day it fell on there, by the zone's offset at that moment (summer time included: ``clock.day_shifts``,
  as ``stats.review_days`` does). The cache holds while those day boundaries stay the same.
* True retention (as Anki's table): only reviews of questions in the Review state count; a review passes when the
  answer was right. *Young*: the time since the question's previous answer (``card_before.last_review``) was under
  21 days; *mature*: 21 days or more.
* Forecast: questions due on each of the next 30 days; day 0 (today) includes everything overdue.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from .clock import EPOCH_ORDINAL, day_start, local_tz, shift_at
from .questions import Question
from .scheduling import curve, retrievability_at
from .stats import longest_streak, streak_from_days
from .store import MATURE_DAYS, Store
from .store.rows import DayRow, SessionRow


@dataclass
class RetentionRow:
    """One line of the true-retention table: pass counts of young and mature reviews over a period."""

    period: str
    young_passed: int
    young_total: int
    mature_passed: int
    mature_total: int

    @property
    def young(self) -> float | None:
        return self.young_passed / self.young_total if self.young_total else None

    @property
    def mature(self) -> float | None:
        return self.mature_passed / self.mature_total if self.mature_total else None

    @property
    def total(self) -> float | None:
        n = self.young_total + self.mature_total
        return (self.young_passed + self.mature_passed) / n if n else None


@dataclass
class HardQuestion:
    key: int
    set_id: str
    question_id: str
    topic: str
    prompt: str  # as the learner sees it (a cloze's gaps blanked)
    lapses: int  # wrong answers (at least FSRS's lapses: failures while learning count too)
    reviews: int
    retrievability: float | None


@dataclass
class Dashboard:
    """Every chart's data. Days are ISO dates (learner days); lists run oldest first."""

    today: str
    reviews_per_day: list[tuple[str, int, int]]  # (day, reviews, correct) for each of the last `days` days
    topic_accuracy: dict[str, list[tuple[str, int, float | None]]]  # topic -> (week's Monday, reviews, accuracy)
    heatmap: dict[str, int]  # day -> reviews, days with reviews in the last `days` days
    current_streak: int
    longest_streak: int
    forecast: list[tuple[str, int]]  # (day, questions due), today (with overdue) first
    retention: list[RetentionRow]
    sessions: list[SessionRow]
    hardest: list[HardQuestion] = field(default_factory=list)

    def reviews_last(self, days: int) -> list[tuple[str, int, int]]:
        return self.reviews_per_day[-days:]

    def to_json(self) -> dict[str, Any]:
        """The figures as plain JSON (what ``ketaquiz stats --json`` adds under "dashboard")."""
        return {
            "today": self.today,
            "reviews_per_day": [{"day": d, "reviews": n, "correct": c} for d, n, c in self.reviews_per_day],
            "topic_accuracy": {
                t: [{"week": w, "reviews": n, "accuracy": a} for w, n, a in rows] for t, rows in self.topic_accuracy.items()
            },
            "heatmap": self.heatmap,
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "forecast": [{"day": d, "due": n} for d, n in self.forecast],
            "retention": [
                {**asdict(r), "young": r.young, "mature": r.mature, "total": r.total} for r in self.retention
            ],
            "sessions": [{**asdict(s), "score": s.score} for s in self.sessions],
            "hardest": [asdict(h) for h in self.hardest],
        }


def _shift(now: datetime, tz: tzinfo) -> float:
    """The shift (see clock.shift_at) of `now`: today's day boundaries."""
    return shift_at(now.timestamp(), tz)


def _day_of(ts: float, shift: float) -> int:
    return int((ts + shift) // 86400) + EPOCH_ORDINAL


def _day_start_ts(day: int, shift: float) -> float:
    return (day - EPOCH_ORDINAL) * 86400 - shift


def day_rows(store: Store, now: datetime, tz: tzinfo | None = None) -> list[DayRow]:
    """Per (learner day, set, topic) counts of the whole log: the cache up to yesterday, the log after."""
    return store.day_rows(now, tz or local_tz())


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


def forecast(store: Store, now: datetime, *, days: int = 30, set_id: str | None = None,
             tz: tzinfo | None = None) -> list[tuple[str, int]]:
    """(day, questions due) for today (with the overdue) and the next days."""
    tz = tz or local_tz()
    shift = _shift(now, tz)
    today = _day_of(now.timestamp(), shift)
    end = _day_start_ts(today + days, shift)
    counts = store.due_by_day(now, today, end, tz, set_id=set_id)
    return [(_iso(today + i), int(counts.get(today + i, 0))) for i in range(days)]


def sessions(store: Store, *, limit: int = 100, set_id: str | None = None) -> list[SessionRow]:
    """The latest sessions with answers, newest first; an unfinished one is counted from the log."""
    return store.session_rows(limit=limit, set_id=set_id)


def hardest(store: Store, now: datetime, *, by: str = "lapses", limit: int = 20,
            set_id: str | None = None) -> list[HardQuestion]:
    """Answered questions by how often they were answered wrong (then lowest retrievability), or by the lowest
    retrievability. Wrong answers, not FSRS's lapses alone: a question failed again and again while still in
    learning has no lapse (a lapse is a forgotten review), and is the hardest of all."""
    t = now.timestamp()
    fd = curve(store.settings().parameters)
    out = []
    for r in store.hardest_rows(now, by=by, limit=limit, set_id=set_id):
        try:
            prompt = Question.from_dict(json.loads(r.data)).display_prompt()  # as the learner sees it: no {{gaps}}
        except (ValueError, AttributeError, TypeError, KeyError):
            prompt = ""
        out.append(HardQuestion(r.key, r.set_id, r.question_id, r.topic, prompt, r.failed, r.reps,
                                retrievability_at(r.stability, r.last_review, t, fd)))
    return out


def _monday(day: int) -> int:
    return day - date.fromordinal(day).weekday()


def dashboard(store: Store, now: datetime, *, set_id: str | None = None, tz: tzinfo | None = None,
              days: int = 365, weeks: int = 12, hardest_limit: int = 20) -> Dashboard:
    """All of the Scores page's figures at `now` (optionally for one set)."""
    tz = tz or local_tz()
    shift = _shift(now, tz)
    today = _day_of(now.timestamp(), shift)
    rows = [r for r in day_rows(store, now, tz) if set_id is None or r.set_id == set_id]

    per_day: dict[int, list[int]] = {}
    for r in rows:
        d = per_day.setdefault(r.day, [0, 0])
        d[0] += r.reviews
        d[1] += r.correct
    first = today - days + 1
    reviews_per_day: list[tuple[str, int, int]] = []
    for day in range(first, today + 1):
        n, right = per_day.get(day, [0, 0])
        reviews_per_day.append((_iso(day), n, right))
    heatmap = {_iso(d): v[0] for d, v in sorted(per_day.items()) if first <= d <= today and v[0]}
    active = {d for d, v in per_day.items() if v[0]}

    week0 = _monday(today) - 7 * (weeks - 1)
    weekly: dict[str, dict[int, list[int]]] = {}
    for r in rows:
        if r.day >= week0:
            w = weekly.setdefault(r.topic, {}).setdefault(_monday(r.day), [0, 0])
            w[0] += r.reviews
            w[1] += r.correct
    topic_accuracy = {
        topic: [(_iso(w), *_rate(by_week.get(w, [0, 0]))) for w in range(week0, _monday(today) + 1, 7)]
        for topic, by_week in sorted(weekly.items())
    }

    periods = [("Today", today), ("Yesterday", today - 1), ("Last week", today - 6), ("Last month", today - 29),
               ("Last year", today - 364), ("All time", None)]
    retention = []
    for name, since in periods:
        sel = [r for r in rows if (since is None or r.day >= since) and (name != "Yesterday" or r.day == today - 1)]
        retention.append(RetentionRow(name, sum(r.young_correct for r in sel), sum(r.young for r in sel),
                                      sum(r.mature_correct for r in sel), sum(r.mature for r in sel)))

    return Dashboard(
        today=_iso(today),
        reviews_per_day=reviews_per_day,
        topic_accuracy=topic_accuracy,
        heatmap=heatmap,
        current_streak=streak_from_days(active, today),
        longest_streak=longest_streak(active),
        forecast=forecast(store, now, set_id=set_id, tz=tz),
        retention=retention,
        sessions=sessions(store, set_id=set_id),
        hardest=hardest(store, now, set_id=set_id, limit=hardest_limit),
    )


def _rate(v: list[int]) -> tuple[int, float | None]:
    return v[0], (v[1] / v[0] if v[0] else None)


def day_start_of(day_iso: str, now: datetime, tz: tzinfo | None = None) -> datetime:
    """When a learner day (ISO date) begins, as an aware UTC datetime."""
    tz = tz or local_tz()
    return day_start(datetime.fromisoformat(day_iso).replace(hour=12, tzinfo=tz), tz)


__all__ = ["Dashboard", "DayRow", "HardQuestion", "RetentionRow", "SessionRow", "dashboard", "day_rows",
           "forecast", "hardest", "sessions", "MATURE_DAYS"]
