"""The queue: due and new questions, due counts per topic, the review load ahead."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime, tzinfo
from typing import Any

from ..clock import day_start
from .database import StoreBase

# Of `cards c` at a time given as the query's parameter: the larger, the lower the card's recall now. Recall falls
# as the time since the last answer grows per unit of stability (scheduling.retrievability_at, a test checks the
# order), so ordering by it is ordering by recall, in SQL. The queue and the hardest questions both order by it.
LOWEST_RECALL_FIRST = "(? - c.last_review) / MAX(c.stability, 1e-9)"

# Joins `cards c` to its group `k` (see Store._due_groups): one range of cards_queue.
_IN_GROUP = "c.set_id = k.set_id AND c.topic = k.topic AND c.retired = 0"



class _Queue(StoreBase):
    """What is due, and when."""

    @staticmethod
    def _filter(set_id: str | None, topics: list[str] | None) -> tuple[str, list[Any]]:
        """SQL conditions on `cards c` for live questions of a set / topics."""
        if set_id is not None:
            sql = " AND c.retired = 0 AND c.set_id = ? AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
            args: list[Any] = [set_id]
        else:
            sql = " AND c.retired = 0 AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
            args = []
        if topics:
            sql += f" AND c.topic IN ({','.join('?' * len(topics))})"
            args.extend(topics)
        return sql, args

    @staticmethod
    def _due_groups(set_id: str | None, topics: list[str] | None,
                    set_ids: Collection[str] | None = None) -> tuple[str, list[Any]]:
        """A subquery of the (set, topic) groups with answered live questions, as `k`.

        Joined to cards by _IN_GROUP, each group is one range of the cards_queue index, so a condition on
        c.queue_due reads only the cards it matches. The callers catch up first (queue_due is behind `due` for
        the cards answered since).
        """
        sql = "k.retired = 0 AND k.state > 0 AND k.n > 0 AND k.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
        args: list[Any] = []
        if set_id is not None:
            sql += " AND k.set_id = ?"
            args.append(set_id)
        if topics:
            sql += f" AND k.topic IN ({','.join('?' * len(topics))})"
            args.extend(topics)
        if set_ids is not None:
            sql += " AND k.set_id IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(sorted(set_ids)))
        return f"(SELECT DISTINCT k.set_id, k.topic FROM card_counts k WHERE {sql}) k", args

    def due_keys(self, now: datetime, *, set_id: str | None = None, topics: list[str] | None = None,
                 limit: int | None = None, order_at: datetime | None = None) -> list[int]:
        """Questions due by `now`, lowest retrievability first (most elapsed time per unit of stability) at
        `order_at` (default `now`: a session takes those due within the learn-ahead but orders them as of now)."""
        self.catch_up()
        groups, args = self._due_groups(set_id, topics)
        t, order = now.timestamp(), (order_at or now).timestamp()
        sql = (
            f"SELECT c.question FROM {groups} CROSS JOIN cards c ON {_IN_GROUP} WHERE c.queue_due <= ? "
            f"ORDER BY {LOWEST_RECALL_FIRST} DESC, c.due, c.position"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [int(r[0]) for r in self.conn.execute(sql, [*args, t, order])]

    def new_keys(self, *, set_id: str | None = None, topics: list[str] | None = None, limit: int | None = None) -> list[int]:
        """Questions never answered, in article order."""
        where, args = self._filter(set_id, topics)
        sql = (
            f"SELECT c.question FROM cards c WHERE c.state = 0{where} ORDER BY c.set_id, c.position"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [int(r[0]) for r in self.conn.execute(sql, args)]

    def topic_counts(self, now: datetime, set_id: str | None = None) -> dict[tuple[str, str], dict[str, int]]:
        """(set, topic) → {new, learning, learned, due, total} for every live question: new + learning (learning or
        relearning) + learned (in review) = total; due (now) is any of the last two."""
        self.catch_up()
        sql = (
            "SELECT k.set_id, k.topic, k.state, k.n FROM card_counts k JOIN sets s ON s.id = k.set_id "
            "WHERE k.retired = 0 AND k.n > 0 AND s.deleted = 0"
        )
        args: list[Any] = []
        if set_id is not None:
            sql += " AND k.set_id = ?"
            args.append(set_id)
        out: dict[tuple[str, str], dict[str, int]] = {}
        answered: set[tuple[str, str]] = set()
        for sid, topic, state, n in self.conn.execute(sql, args):
            c = out.setdefault((sid, topic), {"new": 0, "learning": 0, "due": 0, "learned": 0, "total": 0})
            c["total"] += n
            if state == 0:
                c["new"] += n
            else:
                c["learned" if state == 2 else "learning"] += n
                answered.add((sid, topic))
        # Each (set, topic) is one range of the cards_queue index: only due cards are read.
        ts = now.timestamp()
        for sid, topic in answered:
            out[(sid, topic)]["due"] = self.conn.execute(
                "SELECT COUNT(*) FROM cards WHERE set_id = ? AND topic = ? AND retired = 0 AND queue_due <= ?",
                (sid, topic, ts),
            ).fetchone()[0]
        return out

    def next_due_after(self, now: datetime, *, set_id: str | None = None, topics: list[str] | None = None) -> datetime | None:
        """When the next question (of a set / topics) falls due after `now`."""
        self.catch_up()
        groups, args = self._due_groups(set_id, topics)
        # The first due after `now` of each group is one seek in cards_queue.
        row = self.conn.execute(
            f"SELECT MIN((SELECT MIN(c.queue_due) FROM cards c WHERE {_IN_GROUP} AND c.queue_due > ?)) FROM {groups}",
            [now.timestamp(), *args],
        ).fetchone()
        return datetime.fromtimestamp(row[0], now.tzinfo) if row and row[0] is not None else None

    def due_count(self, by: datetime, *, set_id: str | None = None, topics: list[str] | None = None) -> int:
        """How many answered questions are due by a time."""
        self.catch_up()
        groups, args = self._due_groups(set_id, topics)
        return int(self.conn.execute(
            f"SELECT COUNT(*) FROM {groups} CROSS JOIN cards c ON {_IN_GROUP} WHERE c.queue_due <= ?",
            [*args, by.timestamp()],
        ).fetchone()[0])

    def review_load(self, now: datetime, days: int, tz: tzinfo | None = None, *,
                    set_ids: Collection[str] | None = None) -> dict[int, int]:
        """Learner day (date ordinal) → answered questions due that day, from today for `days` days (the reviews a
        day holds: a question in learning is due within today); of these sets only, when given."""
        from ..clock import EPOCH_ORDINAL, day_shifts, local_tz
        from .days import shift_sql

        self.catch_up()
        tz = tz or local_tz()
        start = day_start(now, tz).timestamp()
        end = start + (days + 1) * 86400.0
        shift = shift_sql("c.queue_due", day_shifts(tz, start, end))
        groups, args = self._due_groups(None, None, set_ids)
        # One range of cards_queue per (set, topic), read from the index alone: ~30 ms for 100k questions (the
        # cards table read row by row for their state took ~400 ms).
        rows = self.conn.execute(
            f"SELECT CAST((c.queue_due + {shift}) / 86400 AS INTEGER) + {EPOCH_ORDINAL}, COUNT(*) "
            f"FROM {groups} CROSS JOIN cards c ON {_IN_GROUP} WHERE c.queue_due >= ? AND c.queue_due < ? GROUP BY 1",
            (*args, start, end),
        )
        return {int(d): int(n) for d, n in rows}
