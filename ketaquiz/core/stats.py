"""Learner statistics over the review log: the figures ``ketaquiz stats`` prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from .clock import day_number, day_start, local_tz
from .scheduling import due_by
from .siblings import held_back_counts
from .store import Store


@dataclass
class TopicStats:
    reviews: int
    accuracy: float | None


@dataclass
class Stats:
    """Headline figures; fractions are 0–1, None when there is nothing to measure."""

    reviews_total: int
    reviews_today: int
    accuracy: float | None
    per_topic: dict[str, TopicStats]
    due_now: int
    due_tomorrow: int
    streak_days: int
    retention: float | None  # share of reviews of already-learned questions answered right
    new_remaining: int = 0
    learned: int = 0
    suspended: int = 0  # out of every queue until unsuspended; counted in none of the above
    held_back: int = 0  # due, but held back until tomorrow (a sibling was answered today): not in due_now
    extra: dict[str, Any] = field(default_factory=dict)
    # The Scores page's figures, computed only when the JSON is asked for (the Home page never pays for them).
    dashboard: Callable[[], dict[str, Any]] | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The ``ketaquiz stats --json`` object: the fields above, `extra`'s keys, and "dashboard"."""
        d = asdict(self)  # (a function deep-copies as itself)
        d.pop("dashboard")
        d.update(d.pop("extra"))
        if self.dashboard is not None:
            d["dashboard"] = self.dashboard()
        return d


def streak_from_days(days: set[int], today: int) -> int:
    """Consecutive days with a review ending today (or yesterday, when today has none yet)."""
    if today not in days:
        today -= 1
    n = 0
    while today - n in days:
        n += 1
    return n


def longest_streak(days: set[int]) -> int:
    best = run = 0
    prev = None
    for d in sorted(days):
        run = run + 1 if prev is not None and d == prev + 1 else 1
        best = max(best, run)
        prev = d
    return best


def review_days(store: Store, tz: tzinfo, rollover_hour: int = 4) -> set[int]:
    """The learner's days (ordinals) with at least one review, each by the offset of its own moment."""
    return store.review_days(tz, rollover_hour)


def compute_stats(store: Store, now: datetime, *, set_id: str | None = None, tz: tzinfo | None = None) -> Stats:
    """Reviews, accuracy (overall and per topic), due counts, streak and retention."""
    tz = tz or local_tz()
    per_topic: dict[str, TopicStats] = {}
    total = right = learned_n = learned_right = 0
    for topic, n, r, ln, lr in store.topic_totals(set_id):
        if n:
            per_topic[topic] = TopicStats(n, r / n)
        total, right, learned_n, learned_right = total + n, right + r, learned_n + ln, learned_right + lr
    today = store.answered_since(day_start(now, tz), set_id=set_id)
    held = sum(c["due"] for (sid, _t), c in held_back_counts(store, now, due_by(now)).items() if set_id in (None, sid))
    due_now = store.due_count(due_by(now), set_id=set_id) - held  # as a session started now would take them
    due_tomorrow = store.due_count(day_start(now, tz) + timedelta(days=2), set_id=set_id)
    counts = store.topic_counts(due_by(now), set_id)
    days = review_days(store, tz)
    return Stats(
        reviews_total=int(total),
        reviews_today=int(today),
        accuracy=right / total if total else None,
        per_topic=per_topic,
        due_now=due_now,
        due_tomorrow=due_tomorrow,
        streak_days=streak_from_days(days, day_number(now.timestamp(), tz)),
        retention=learned_right / learned_n if learned_n else None,
        new_remaining=sum(v["new"] for v in counts.values()),
        learned=sum(v["learned"] for v in counts.values()),
        suspended=store.suspended_count(set_id),
        held_back=held,
        extra={"longest_streak_days": longest_streak(days)},
        dashboard=lambda: _dashboard_json(store, now, set_id, tz),
    )


def new_allowed_today(store: Store, now: datetime, set_id: str | None = None) -> int:
    """New questions a session started now would take at most: today's new limit (the set's preset, or Default)
    less today's first answers, as StudySession counts them (here: the session's module loads fsrs)."""
    from .presets import settings_for

    return max(0, settings_for(store, set_id).new_per_day - store.answered_since(day_start(now), new_only=True))


def _dashboard_json(store: Store, now: datetime, set_id: str | None, tz: tzinfo) -> dict[str, Any]:
    from .dashboard import dashboard  # dashboard imports this module

    return dashboard(store, now, set_id=set_id, tz=tz).to_json()


__all__ = ["Stats", "TopicStats", "compute_stats", "streak_from_days", "longest_streak", "review_days"]
