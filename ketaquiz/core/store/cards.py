"""Questions and their cards in the store: reading them, their schedules, suspending, siblings."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from ..questions import Question
from ..scheduling import CardState
from .database import StoreBase
from .schema import SUSPENDED

# A card's whole schedule, in CardState.to_row()'s order: read, and written.
_READ_CARD = "SELECT state, step, stability, difficulty, due, last_review, reps, lapses FROM cards WHERE question = ?"
_SCHEDULE_BUT_STATE = "step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = ?, lapses = ?"
_SCHEDULE = f"state = ?, {_SCHEDULE_BUT_STATE}"
# Written by an answer, which leaves queue_due to Store.catch_up (schema v8)...
_ANSWER_CARD = f"UPDATE cards SET {_SCHEDULE} WHERE question = ?"
_ANSWER_CARD_SAME_STATE = f"UPDATE cards SET {_SCHEDULE_BUT_STATE} WHERE question = ?"
# ...and with queue_due kept in step (_card_params) by an undo or a re-rating.
_WRITE_CARD = f"UPDATE cards SET {_SCHEDULE}, queue_due = ? WHERE question = ?"


def _card_params(card: CardState, key: int) -> tuple[Any, ...]:
    """_WRITE_CARD's parameters: the schedule, its queue_due (none before a first answer), the question key."""
    return (*card.to_row(), card.due if card.state > 0 else None, key)



class _Cards(StoreBase):
    """Questions, cards and their schedules."""

    def shown_question(self, key: int) -> tuple[str, Question]:
        """(set id, question): what showing a question needs (its card is read when it is answered)."""
        try:  # (its own, not _guarded's wrapper: showing the next question is the answer path's other half)
            row = self.conn.execute("SELECT set_id, data FROM questions WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as e:
            raise self.error(e) from e
        if row is None:
            raise KeyError(key)
        import orjson

        return row[0], Question.from_dict(orjson.loads(row[1]))

    def question(self, key: int) -> Question:
        row = self.conn.execute("SELECT data FROM questions WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        import orjson

        return Question.from_dict(orjson.loads(row[0]))

    def card_state_of(self, keys: Iterable[int]) -> dict[int, int]:
        """key → card state (0 new, 1 learning, 2 review, 3 relearning) of these questions."""
        keys = list(keys)
        out: dict[int, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            out.update((int(k), int(st)) for k, st in self.conn.execute(
                f"SELECT question, state FROM cards WHERE question IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def live_keys(self, keys: Iterable[int]) -> set[int]:
        """Those of `keys` still to be studied: the question is there, in its set file and its set not deleted."""
        keys = list(keys)
        live: set[int] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            live.update(int(r[0]) for r in self.conn.execute(
                "SELECT c.question FROM cards c WHERE c.retired = 0 AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0) "
                f"AND c.question IN ({','.join('?' * len(chunk))})", chunk))
        return live

    def question_key(self, set_id: str, question_id: str) -> int | None:
        row = self.conn.execute("SELECT key FROM questions WHERE set_id = ? AND id = ?", (set_id, question_id)).fetchone()
        return None if row is None else int(row[0])

    def question_ref(self, key: int) -> tuple[str, str, str]:
        """(set id, question id, topic) of a question key."""
        r = self.conn.execute("SELECT set_id, id, topic FROM questions WHERE key = ?", (key,)).fetchone()
        if r is None:
            raise KeyError(key)
        return r[0], r[1], r[2]

    def questions(self, set_id: str, *, include_retired: bool = False) -> list[tuple[int, Question]]:
        sql = "SELECT key, data FROM questions WHERE set_id = ?"
        if not include_retired:
            sql += " AND retired = 0"
        sql += " ORDER BY position"
        import orjson

        return [(int(k), Question.from_dict(orjson.loads(d))) for k, d in self.conn.execute(sql, (set_id,))]

    def card(self, key: int) -> CardState:
        row = self.conn.execute(_READ_CARD, (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return CardState.from_row(row)

    def card_states(self, set_id: str | None = None) -> Iterator[tuple[int, str, str, CardState]]:
        """(key, set id, topic, state) of every live question, optionally of one set."""
        sql = (
            "SELECT q.key, q.set_id, q.topic, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses "
            "FROM questions q JOIN cards c ON c.question = q.key JOIN sets s ON s.id = q.set_id "
            "WHERE q.retired = 0 AND s.deleted = 0"
        )
        args: tuple[Any, ...] = ()
        if set_id is not None:
            sql += " AND q.set_id = ?"
            args = (set_id,)
        for r in self.conn.execute(sql, args):
            yield int(r[0]), r[1], r[2], CardState.from_row(r[3:])

    def write_schedules(self, cards: list[tuple[int, CardState]]) -> None:
        """Set many cards' schedules (their due index too), in the caller's transaction or one of its own."""
        with self.write():
            self.conn.executemany(_WRITE_CARD, [_card_params(card, key) for key, card in cards])

    def suspend(self, keys: Iterable[int], suspended: bool = True) -> None:
        """Keep questions out of the queue (suspended) or put them back. Their cards are marked with
        retired = SUSPENDED, which every queue and count leaves out as it does retired cards."""
        with self.write() as c:
            c.executemany(f"UPDATE cards SET retired = ? WHERE question = ? AND retired IN (0, {SUSPENDED})",
                          [(SUSPENDED if suspended else 0, k) for k in keys])

    def suspended_count(self, set_id: str | None = None) -> int:
        """Suspended questions of live sets (of one set)."""
        sql = "SELECT COALESCE(SUM(n), 0) FROM card_counts WHERE retired = ? AND set_id IN (SELECT id FROM sets WHERE deleted = 0)"
        args: list[Any] = [SUSPENDED]
        if set_id is not None:
            sql += " AND set_id = ?"
            args.append(set_id)
        return int(self.conn.execute(sql, args).fetchone()[0])

    def suspended_keys(self, set_id: str) -> list[int]:
        return [k for (k,) in self.conn.execute(
            "SELECT question FROM cards WHERE set_id = ? AND retired = ? ORDER BY position", (set_id, SUSPENDED))]

    def sets_of(self, keys: list[int]) -> dict[int, str]:
        """key → set id of questions."""
        if not keys:
            return {}
        rows = self.conn.execute("SELECT question, set_id FROM cards WHERE question IN (SELECT value FROM json_each(?))",
                                 (json.dumps(keys),))
        return {int(k): sid for k, sid in rows}

    def sibling_info(self, keys: list[int]) -> dict[int, tuple[str, str, int]]:
        """key → (set id, sibling group, card state) of those of `keys` that have a sibling group."""
        if not keys:
            return {}
        rows = self.conn.execute(
            "SELECT q.key, q.set_id, json_extract(q.data, '$.sibling_group') AS g, c.state "
            "FROM questions q JOIN cards c ON c.question = q.key "
            "WHERE q.key IN (SELECT value FROM json_each(?)) AND g IS NOT NULL AND g != ''",
            (json.dumps(keys),),
        )
        return {int(k): (sid, str(g), int(st)) for k, sid, g, st in rows}

    def sibling_groups_answered_since(self, since: datetime) -> dict[tuple[str, str], set[int]]:
        """(set id, sibling group) → the keys of that group answered since a time (reviews_time, then each key)."""
        rows = self.conn.execute(
            "SELECT q.key, q.set_id, json_extract(q.data, '$.sibling_group') AS g FROM questions q "
            "WHERE q.key IN (SELECT question FROM reviews WHERE reviewed_at >= ?) AND g IS NOT NULL AND g != ''",
            (since.timestamp(),),
        )
        out: dict[tuple[str, str], set[int]] = {}
        for k, sid, g in rows:
            out.setdefault((sid, str(g)), set()).add(int(k))
        return out

    def sibling_members(self, groups: Iterable[tuple[str, str]]) -> list[tuple[int, str, str, str, int, float | None]]:
        """(key, set id, sibling group, topic, card state, queue_due) of the live questions of these (set id,
        sibling group)s."""
        wanted = {(sid, g) for sid, g in groups}
        if not wanted:
            return []
        self.catch_up()
        rows = self.conn.execute(
            "SELECT q.key, c.set_id, c.topic, c.state, c.queue_due, json_extract(q.data, '$.sibling_group') AS g "
            "FROM questions q JOIN cards c ON c.question = q.key WHERE c.retired = 0 AND g IS NOT NULL "
            "AND c.set_id IN (SELECT value FROM json_each(?)) AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)",
            (json.dumps(sorted({sid for sid, _g in wanted})),),
        )
        return [(int(k), sid, str(g), topic, int(st), qd) for k, sid, topic, st, qd, g in rows if (sid, str(g)) in wanted]
