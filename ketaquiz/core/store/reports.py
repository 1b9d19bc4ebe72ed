"""Typed report queries: what statistics, the Scores page, the history export and the optimiser read.

Each reader first brings up what the answer path leaves to its readers (`catch_up`), so no caller does.

The Scores page's per-day figures: reviews older than yesterday are folded into a small derived table,
``dash_days`` (one row per learner day, set and topic; schema v2), kept in the profile's database. Only the reviews
of yesterday and today (the ones an undo can still remove) are read from the log on each call, through the
``reviewed_at`` index. The cache is checked on every call against ``review_totals`` (the store's running totals
per topic): when cached + live counts differ (a set purged, a review rewritten), it is rebuilt from the log. It is
derived data only: dropping it loses nothing. True retention counts young (previous answer under MATURE_DAYS
days before) and mature reviews of questions in the Review state apart (see dashboard.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from ..clock import EPOCH_ORDINAL, day_shifts, shift_at
from .database import StoreBase
from .days import shift_sql
from .log import SESSION_REVIEWS
from .queue import LOWEST_RECALL_FIRST

if TYPE_CHECKING:
    from .rows import DayRow, HardRow, LoggedAnswer, QuestionExportRow, ReviewExportRow, SessionRow

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


class _Reports(StoreBase):
    """Read-only figures over the log and the cards (the Scores page's cache aside, which they keep)."""

    def topic_totals(self, set_id: str | None = None) -> list[tuple[str, int, int, int, int]]:
        """Per topic (of one set, or all), by topic: (topic, answers, right ones, answers and right ones of questions
        in review). Plain tuples: Home reads them on every start, before anything else needs the report rows."""
        self.catch_up()
        where, args = ("WHERE set_id = ?", [set_id]) if set_id else ("", [])
        return [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in self.conn.execute(
            f"SELECT topic, SUM(reviews), SUM(correct), SUM(learned_reviews), SUM(learned_correct) FROM review_totals {where} "
            "GROUP BY topic ORDER BY topic",
            args,
        )]

    def review_days(self, tz: tzinfo, rollover_hour: int = 4) -> set[int]:
        """The learner's days (ordinals) with at least one review, each by the offset of its own moment.

        A skip scan over the reviewed_at index: one seek per distinct day, not one row per review; one scan per
        span of a single offset (summer time makes two a year).
        """
        c = self.conn
        # Two queries: each is one seek in reviews_time (asked together, SQLite scans the whole log).
        first = c.execute("SELECT MIN(reviewed_at) FROM reviews").fetchone()[0]
        last = c.execute("SELECT MAX(reviewed_at) FROM reviews").fetchone()[0]
        if first is None:
            return set()
        shifts = day_shifts(tz, first, last, rollover_hour)
        ends = [start for start, _ in shifts[1:]] + [float("inf")]
        days: set[int] = set()
        for (start, shift), end in zip(shifts, ends):
            rows = c.execute(
                """
                WITH RECURSIVE d(day) AS (
                    SELECT CAST(floor((MIN(reviewed_at) + :shift) / 86400) AS INTEGER) FROM reviews
                    WHERE reviewed_at >= :lo AND reviewed_at < :hi
                    UNION ALL
                    SELECT (SELECT CAST(floor((MIN(reviewed_at) + :shift) / 86400) AS INTEGER) FROM reviews
                            WHERE reviewed_at >= (d.day + 1) * 86400 - :shift AND reviewed_at < :hi)
                    FROM d WHERE d.day IS NOT NULL
                )
                SELECT day FROM d WHERE day IS NOT NULL
                """,
                {"shift": shift, "lo": max(start, -1e18), "hi": min(end, 1e18)},
            ).fetchall()
            days.update(int(r[0]) + EPOCH_ORDINAL for r in rows)
        return days

    def day_rows(self, now: datetime, tz: tzinfo) -> list[DayRow]:
        """Per (learner day, set, topic) counts of the whole log: the cache up to yesterday, the log after."""
        from .rows import DayRow

        shift = shift_at(now.timestamp(), tz)
        c = self.conn
        yesterday = int((now.timestamp() + shift) // 86400) + EPOCH_ORDINAL - 1
        cutoff = (yesterday - EPOCH_ORDINAL) * 86400 - shift  # start of yesterday
        first = c.execute("SELECT MIN(reviewed_at) FROM reviews").fetchone()[0]
        shifts = day_shifts(tz, min(first, cutoff) if first is not None else cutoff, max(now.timestamp(), cutoff))
        _bring_up(self, shifts, cutoff)
        live = _aggregate(self, shifts, cutoff, float("inf"))
        cached = [DayRow(*r) for r in c.execute("SELECT * FROM dash_days")]
        totals: dict[tuple[str, str], list[int]] = {}
        for r in (*cached, *live):
            t = totals.setdefault((r.set_id, r.topic), [0, 0])
            t[0] += r.reviews
            t[1] += r.correct
        self.catch_up()
        expected = {(s, t): [n, k] for s, t, n, k in c.execute("SELECT set_id, topic, reviews, correct FROM review_totals WHERE reviews > 0")}
        if totals != expected:
            wrong = {k for k in totals.keys() | expected.keys() if totals.get(k) != expected.get(k)}
            if all(k not in expected for k in wrong):
                # Only whole topics gone (a set purged): drop their rows rather than re-read the log.
                with self.write():
                    c.executemany("DELETE FROM dash_days WHERE set_id = ? AND topic = ?", sorted(wrong))
                live = [r for r in live if (r.set_id, r.topic) not in wrong]
            else:
                _rebuild(self, shifts, cutoff)
            cached = [DayRow(*r) for r in c.execute("SELECT * FROM dash_days")]
        return [*cached, *live]

    def due_by_day(self, now: datetime, today: int, end: float, tz: tzinfo, *,
                   set_id: str | None = None) -> dict[int, int]:
        """Learner day (ordinal) → answered questions due that day, up to `end`; the overdue count on `today`."""
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
        return {int(d): int(n) for d, n in self.conn.execute(sql + " GROUP BY 1", args)}

    def session_rows(self, *, limit: int = 100, set_id: str | None = None) -> list[SessionRow]:
        """The latest sessions with answers, newest first; an unfinished one is counted from the log."""
        from .rows import SessionRow

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
        for r in self.conn.execute(sql, args):
            if r[4]:
                out.append(SessionRow(int(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5])))
                if len(out) >= limit:
                    break
        return out

    def hardest_rows(self, now: datetime, *, by: str = "lapses", limit: int = 20,
                     set_id: str | None = None) -> list[HardRow]:
        """Answered live questions by wrong answers (then lowest recall), or by lowest recall ("retrievability");
        with by="lapses", only those answered wrong at least once."""
        from .rows import HardRow

        if by not in ("lapses", "retrievability"):
            raise ValueError("by must be 'lapses' or 'retrievability'")
        order = "failed DESC, worst DESC" if by == "lapses" else "worst DESC, failed DESC"
        sql = (
            "SELECT q.key, q.set_id, q.id, q.topic, q.data, MAX(c.lapses, COALESCE(f.n, 0)) AS failed, c.reps, "
            f"c.stability, c.last_review, {LOWEST_RECALL_FIRST} AS worst "
            "FROM cards c JOIN questions q ON q.key = c.question "
            "LEFT JOIN (SELECT question, COUNT(*) AS n FROM reviews WHERE correct = 0 GROUP BY question) f "
            "ON f.question = c.question "
            "WHERE c.state > 0 AND c.retired = 0 AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
        )
        args: list[Any] = [now.timestamp()]
        if set_id is not None:
            sql += " AND c.set_id = ?"
            args.append(set_id)
        if by == "lapses":
            sql += " AND failed > 0"
        sql += f" ORDER BY {order}, q.position LIMIT {int(limit)}"
        return [HardRow(int(r[0]), r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), r[7], r[8])
                for r in self.conn.execute(sql, args)]

    def review_export_rows(self, set_id: str | None = None) -> Iterator[ReviewExportRow]:
        """Every review (of one set), oldest first, with its question's id and stored form."""
        from .rows import ReviewExportRow

        sql = (
            "SELECT r.reviewed_at, r.set_id, q.id, r.topic, q.data, r.rating, r.correct, r.duration_ms, r.state_before, "
            "r.session, r.response FROM reviews r JOIN questions q ON q.key = r.question"
        )
        args: list[str] = []
        if set_id is not None:
            sql += " WHERE r.set_id = ?"
            args.append(set_id)
        for r in self.conn.execute(sql + " ORDER BY r.reviewed_at, r.id", args):
            yield ReviewExportRow(*r)

    def question_export_rows(self, set_id: str | None = None) -> Iterator[QuestionExportRow]:
        """Every live question (of one set) in set and article order: its card and its answers (all, right)."""
        from .rows import QuestionExportRow

        # The log has no index by question: it is counted in one pass, grouped, rather than once per question.
        in_set = "" if set_id is None else " WHERE set_id = ?"
        sql = (
            "SELECT q.set_id, q.id, q.topic, q.data, c.state, c.lapses, c.stability, c.difficulty, c.last_review, c.due, "
            "COALESCE(r.n, 0), COALESCE(r.right, 0) "
            "FROM questions q JOIN cards c ON c.question = q.key JOIN sets s ON s.id = q.set_id "
            f"LEFT JOIN (SELECT question, COUNT(*) AS n, SUM(correct) AS right FROM reviews{in_set} GROUP BY question) r "
            "ON r.question = q.key "
            "WHERE q.retired = 0 AND s.deleted = 0"
        )
        args: list[str] = []
        if set_id is not None:
            sql += " AND q.set_id = ?"
            args += [set_id, set_id]
        for r in self.conn.execute(sql + " ORDER BY q.set_id, q.position", args):
            yield QuestionExportRow(*r)

    def logged_answers(self) -> Iterator[LoggedAnswer]:
        """Every answer in the log, by question, oldest first (what the optimiser fits)."""
        from .rows import LoggedAnswer

        for r in self.conn.execute("SELECT question, rating, reviewed_at, duration_ms FROM reviews ORDER BY question, reviewed_at"):
            yield LoggedAnswer(*r)


# --- the Scores page's cache (dash_days, dash_meta) ----------------------------
def _aggregate(store: StoreBase, shifts: list[tuple[float, float]], lo: float, hi: float) -> list[DayRow]:
    from .rows import DayRow

    sql = _AGGREGATE.replace("{shift}", shift_sql("reviewed_at", shifts))
    rows = store.conn.execute(sql, {"lo": lo, "hi": hi}).fetchall()
    return [DayRow(int(r[0]), r[1], r[2], *(int(x or 0) for x in r[3:])) for r in rows]


def _meta(store: StoreBase) -> dict[str, float]:
    return {k: v for k, v in store.conn.execute("SELECT key, value FROM dash_meta")}


def _zone_key(shifts: list[tuple[float, float]], upto: float) -> float:
    """A fingerprint of the day boundaries before `upto`: the cache up to there holds only while it is unchanged
    (another time zone, or rules that changed)."""
    import zlib

    return float(zlib.crc32(repr([x for x in shifts if x[0] < upto]).encode()))


def _rebuild(store: StoreBase, shifts: list[tuple[float, float]], cutoff: float) -> None:
    with store.write():
        store.conn.execute("DELETE FROM dash_days")
        store.conn.execute("DELETE FROM dash_meta")
        _fold(store, shifts, float("-inf"), cutoff)


def _cache_is_stale(meta: dict[str, float], shifts: list[tuple[float, float]], cutoff: float) -> bool:
    """True when the cache must be built again: another version, a cutoff past `cutoff`, other day boundaries."""
    return (meta.get("version") != _CACHE_VERSION or meta.get("cutoff", cutoff + 1) > cutoff
            or meta.get("zone") != _zone_key(shifts, meta["cutoff"]))


def _bring_up(store: StoreBase, shifts: list[tuple[float, float]], cutoff: float) -> None:
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


def _fold(store: StoreBase, shifts: list[tuple[float, float]], lo: float, hi: float) -> None:
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
