"""The Scores page's figures from the review log: reviews per day, accuracy per topic per week, the calendar
heatmap and streaks, the 30-day due forecast, true retention (young / mature), sessions and the hardest questions.

Speed: a million reviews must not cost a scan per chart. Reviews older than yesterday are folded into a small
derived table, ``dash_days`` (one row per learner day, set and topic; schema v2 of the store), kept in the profile's database. Only the
reviews of yesterday and today (the ones an undo can still remove) are read from the log on each call, through
the ``reviewed_at`` index. The cache is checked on every call against ``review_totals`` (the store's running
totals per topic): when cached + live counts differ (a set purged, a review rewritten), it is rebuilt from the log.
It is derived data only: dropping it loses nothing.

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
import zlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from .clock import EPOCH_ORDINAL, day_shifts, day_start, local_tz, shift_at, shift_sql
from .questions import Question
from .scheduling import curve, retrievability_at
from .stats import longest_streak, streak_from_days
from .store import SESSION_REVIEWS, Store

MATURE_DAYS = 21
_CACHE_VERSION = 2  # 2: days by the offset of each review's moment (was: of today's)

# One aggregate, used for the cache fill and for the live part: per (day, set, topic). {shift} is the
# shift_sql expression of the span read, so that a review falls on its day by the offset of its own moment.
_AGGREGATE = f"""
SELECT CAST((reviewed_at + {{shift}}) / 86400 AS INTEGER) + {EPOCH_ORDINAL} AS day,
       set_id, topic, COUNT(*), SUM(correct),
       SUM(r.state_before = 2 AND r.ivl < {MATURE_DAYS} * 86400),
       SUM(r.state_before = 2 AND r.ivl < {MATURE_DAYS} * 86400 AND correct),
       SUM(r.state_before = 2 AND r.ivl >= {MATURE_DAYS} * 86400),
       SUM(r.state_before = 2 AND r.ivl >= {MATURE_DAYS} * 86400 AND correct)
FROM (SELECT reviewed_at, set_id, topic, correct, state_before,
             CASE WHEN state_before = 2 THEN reviewed_at - COALESCE(json_extract(card_before, '$[5]'), reviewed_at)
             END AS ivl
      FROM reviews WHERE reviewed_at >= :lo AND reviewed_at < :hi) r
GROUP BY 1, 2, 3
"""


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


def _aggregate(store: Store, shifts: list[tuple[float, float]], lo: float, hi: float) -> list[DayRow]:
    sql = _AGGREGATE.replace("{shift}", shift_sql("reviewed_at", shifts))
    rows = store.conn.execute(sql, {"lo": lo, "hi": hi}).fetchall()
    return [DayRow(int(r[0]), r[1], r[2], *(int(x or 0) for x in r[3:])) for r in rows]


def _meta(store: Store) -> dict[str, float]:
    return {k: v for k, v in store.conn.execute("SELECT key, value FROM dash_meta")}


def _zone_key(shifts: list[tuple[float, float]], upto: float) -> float:
    """A fingerprint of the day boundaries before `upto`: the cache up to there holds only while it is unchanged
    (another time zone, or rules that changed)."""
    return float(zlib.crc32(repr([x for x in shifts if x[0] < upto]).encode()))


def _rebuild(store: Store, shifts: list[tuple[float, float]], cutoff: float) -> None:
    with store.write():
        store.conn.execute("DELETE FROM dash_days")
        store.conn.execute("DELETE FROM dash_meta")
        _fold(store, shifts, float("-inf"), cutoff)


def _cache_is_stale(meta: dict[str, float], shifts: list[tuple[float, float]], cutoff: float) -> bool:
    """True when the cache must be built again: another version, a cutoff past `cutoff`, other day boundaries."""
    return (meta.get("version") != _CACHE_VERSION or meta.get("cutoff", cutoff + 1) > cutoff
            or meta.get("zone") != _zone_key(shifts, meta["cutoff"]))


def _bring_up(store: Store, shifts: list[tuple[float, float]], cutoff: float) -> None:
    """Bring the cache up to `cutoff` (rebuilt, or the days since its cutoff folded in), when it is not there yet.

    Decided again under the write lock: another program (the terminal's `stats`, a second window) may have
    brought it up since it was read, and folding the same days twice would count them twice."""
    meta = _meta(store)
    if not _cache_is_stale(meta, shifts, cutoff) and meta["cutoff"] >= cutoff:
        return  # up to date: no write transaction
    with store.write():
        meta = _meta(store)
        if _cache_is_stale(meta, shifts, cutoff):
            _rebuild(store, shifts, cutoff)
        elif meta["cutoff"] < cutoff:
            _fold(store, shifts, meta["cutoff"], cutoff)


def _fold(store: Store, shifts: list[tuple[float, float]], lo: float, hi: float) -> None:
    """Add the reviews in [lo, hi) to the cache (inside the caller's transaction)."""
    if hi > lo:
        store.conn.executemany(
            "INSERT INTO dash_days VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, set_id, topic) DO UPDATE SET "
            "reviews = reviews + excluded.reviews, correct = correct + excluded.correct, young = young + excluded.young, "
            "young_correct = young_correct + excluded.young_correct, mature = mature + excluded.mature, "
            "mature_correct = mature_correct + excluded.mature_correct",
            [(r.day, r.set_id, r.topic, r.reviews, r.correct, r.young, r.young_correct, r.mature, r.mature_correct)
             for r in _aggregate(store, shifts, lo, hi)],
        )
    store.conn.executemany(
        "INSERT OR REPLACE INTO dash_meta (key, value) VALUES (?, ?)",
        [("version", _CACHE_VERSION), ("zone", _zone_key(shifts, hi)), ("cutoff", hi)],
    )


def day_rows(store: Store, now: datetime, tz: tzinfo | None = None) -> list[DayRow]:
    """Per (learner day, set, topic) counts of the whole log: the cache up to yesterday, the log after."""
    tz = tz or local_tz()
    shift = _shift(now, tz)
    c = store.conn
    cutoff = _day_start_ts(_day_of(now.timestamp(), shift) - 1, shift)  # start of yesterday
    first = c.execute("SELECT MIN(reviewed_at) FROM reviews").fetchone()[0]
    shifts = day_shifts(tz, min(first, cutoff) if first is not None else cutoff, max(now.timestamp(), cutoff))
    _bring_up(store, shifts, cutoff)
    live = _aggregate(store, shifts, cutoff, float("inf"))
    cached = [DayRow(*r) for r in c.execute("SELECT * FROM dash_days")]
    totals: dict[tuple[str, str], list[int]] = {}
    for r in (*cached, *live):
        t = totals.setdefault((r.set_id, r.topic), [0, 0])
        t[0] += r.reviews
        t[1] += r.correct
    store.catch_up()
    expected = {(s, t): [n, k] for s, t, n, k in c.execute("SELECT set_id, topic, reviews, correct FROM review_totals WHERE reviews > 0")}
    if totals != expected:
        wrong = {k for k in totals.keys() | expected.keys() if totals.get(k) != expected.get(k)}
        if all(k not in expected for k in wrong):
            # Only whole topics gone (a set purged): drop their rows rather than re-read the log.
            with store.write():
                c.executemany("DELETE FROM dash_days WHERE set_id = ? AND topic = ?", sorted(wrong))
            live = [r for r in live if (r.set_id, r.topic) not in wrong]
        else:
            _rebuild(store, shifts, cutoff)
        cached = [DayRow(*r) for r in c.execute("SELECT * FROM dash_days")]
    return [*cached, *live]


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


def forecast(store: Store, now: datetime, *, days: int = 30, set_id: str | None = None,
             tz: tzinfo | None = None) -> list[tuple[str, int]]:
    """(day, questions due) for today (with the overdue) and the next days."""
    tz = tz or local_tz()
    shift = _shift(now, tz)
    today = _day_of(now.timestamp(), shift)
    end = _day_start_ts(today + days, shift)
    sql = (
        f"SELECT MAX(CAST((c.due + {shift_sql('c.due', day_shifts(tz, now.timestamp(), end))}) / 86400 AS INTEGER) "
        "+ :ep, :today), COUNT(*) "
        "FROM cards c WHERE c.state > 0 AND c.due < :end AND c.retired = 0 "
        "AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
    )
    args: dict[str, Any] = {"ep": EPOCH_ORDINAL, "today": today, "end": end}
    if set_id is not None:
        sql += " AND c.set_id = :set"
        args["set"] = set_id
    counts = dict(store.conn.execute(sql + " GROUP BY 1", args).fetchall())
    return [(_iso(today + i), int(counts.get(today + i, 0))) for i in range(days)]


def sessions(store: Store, *, limit: int = 100, set_id: str | None = None) -> list[SessionRow]:
    """The latest sessions with answers, newest first; an unfinished one is counted from the log."""
    sql = (
        "SELECT id, started_at, ended_at, set_id, "
        f"CASE WHEN ended_at IS NULL THEN (SELECT COUNT(*) {SESSION_REVIEWS}) ELSE answered END AS n, "
        f"CASE WHEN ended_at IS NULL THEN (SELECT COALESCE(SUM(correct), 0) {SESSION_REVIEWS}) "
        "ELSE correct END FROM sessions"
    )
    args: list[Any] = []
    if set_id is not None:
        sql += " WHERE set_id = ?"
        args.append(set_id)
    sql += " ORDER BY started_at DESC"
    out: list[SessionRow] = []
    # Sessions opened and left without an answer are noise in the history: skip them.
    for r in store.conn.execute(sql, args):
        if r[4]:
            out.append(SessionRow(int(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5])))
            if len(out) >= limit:
                break
    return out


def hardest(store: Store, now: datetime, *, by: str = "lapses", limit: int = 20,
            set_id: str | None = None) -> list[HardQuestion]:
    """Answered questions by how often they were answered wrong (then lowest retrievability), or by the lowest
    retrievability. Wrong answers, not FSRS's lapses alone: a question failed again and again while still in
    learning has no lapse (a lapse is a forgotten review), and is the hardest of all."""
    if by not in ("lapses", "retrievability"):
        raise ValueError("by must be 'lapses' or 'retrievability'")
    t = now.timestamp()
    # Lowest retrievability = most elapsed time per unit of stability (R falls monotonically with it).
    order = "failed DESC, worst DESC" if by == "lapses" else "worst DESC, failed DESC"
    sql = (
        "SELECT q.key, q.set_id, q.id, q.topic, q.data, MAX(c.lapses, COALESCE(f.n, 0)) AS failed, c.reps, "
        "c.stability, c.last_review, (? - c.last_review) / MAX(c.stability, 1e-9) AS worst "
        "FROM cards c JOIN questions q ON q.key = c.question "
        "LEFT JOIN (SELECT question, COUNT(*) AS n FROM reviews WHERE correct = 0 GROUP BY question) f "
        "ON f.question = c.question "
        "WHERE c.state > 0 AND c.retired = 0 AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
    )
    args: list[Any] = [t]
    if set_id is not None:
        sql += " AND c.set_id = ?"
        args.append(set_id)
    if by == "lapses":
        sql += " AND failed > 0"
    sql += f" ORDER BY {order}, q.position LIMIT {int(limit)}"
    fd = curve(store.settings().parameters)
    out = []
    for key, sid, qid, topic, data, failed, reps, stability, last, _w in store.conn.execute(sql, args):
        try:
            prompt = Question.from_dict(json.loads(data)).display_prompt()  # as the learner sees it: no {{gaps}}
        except (ValueError, AttributeError, TypeError, KeyError):
            prompt = ""
        out.append(HardQuestion(int(key), sid, qid, topic, prompt, int(failed), int(reps),
                                retrievability_at(stability, last, t, fd)))
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
    reviews_per_day = [(_iso(d), *per_day.get(d, [0, 0])) for d in range(first, today + 1)]
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
