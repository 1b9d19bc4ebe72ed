"""Learner statistics over the review log: the figures ``ketaquiz stats`` prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from .clock import day_number, day_start, local_tz
from .scheduling import NEW
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
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        extra = d.pop("extra")
        d.update(extra)
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
    """The learner's days (ordinals) with at least one review."""
    offset = datetime.now(tz).utcoffset() or timedelta(0)
    shift = offset.total_seconds() - rollover_hour * 3600
    # One row per distinct local day, computed in SQL: fast on millions of reviews.
    rows = store.conn.execute(
        "SELECT DISTINCT CAST((reviewed_at + ?) / 86400 AS INTEGER) FROM reviews", (shift,)
    ).fetchall()
    epoch_ordinal = datetime(1970, 1, 1).toordinal()
    return {int(r[0]) + epoch_ordinal for r in rows}


def compute_stats(store: Store, now: datetime, *, set_id: str | None = None, tz: tzinfo | None = None) -> Stats:
    """Reviews, accuracy (overall and per topic), due counts, streak and retention."""
    tz = tz or local_tz()
    c = store.conn
    set_sql, set_args = ("WHERE set_id = ?", [set_id]) if set_id else ("", [])
    total, right = c.execute(f"SELECT COUNT(*), SUM(correct) FROM reviews {set_sql}", set_args).fetchone()
    today_start = day_start(now, tz).timestamp()
    and_set = " AND set_id = ?" if set_id else ""
    today = c.execute(f"SELECT COUNT(*) FROM reviews WHERE reviewed_at >= ?{and_set}", [today_start, *set_args]).fetchone()[0]
    per_topic = {
        topic: TopicStats(n, (r or 0) / n if n else None)
        for topic, n, r in c.execute(
            f"SELECT topic, COUNT(*), SUM(correct) FROM reviews {set_sql} GROUP BY topic ORDER BY topic", set_args
        )
    }
    learned_n, learned_right = c.execute(
        f"SELECT COUNT(*), SUM(correct) FROM reviews WHERE state_before = 2{and_set}", set_args
    ).fetchone()
    due_now = store.due_count(now, set_id=set_id)
    due_tomorrow = store.due_count(day_start(now, tz) + timedelta(days=2), set_id=set_id)
    counts = store.topic_counts(now, set_id)
    new_remaining = sum(v["new"] for v in counts.values())
    learned = sum(v["learned"] for v in counts.values())
    days = review_days(store, tz)
    today_n = day_number(now.timestamp(), tz)
    return Stats(
        reviews_total=int(total),
        reviews_today=int(today),
        accuracy=(right or 0) / total if total else None,
        per_topic=per_topic,
        due_now=due_now,
        due_tomorrow=due_tomorrow,
        streak_days=streak_from_days(days, today_n),
        retention=(learned_right or 0) / learned_n if learned_n else None,
        new_remaining=new_remaining,
        learned=learned,
        extra={"longest_streak_days": longest_streak(days)},
    )


__all__ = ["Stats", "TopicStats", "compute_stats", "streak_from_days", "longest_streak", "review_days", "NEW"]
