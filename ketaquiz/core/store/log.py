"""The review log: recording an answer, undoing and re-rating it, imported history, sessions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from ..scheduling import CardState
from .cards import _ANSWER_CARD, _ANSWER_CARD_SAME_STATE, _READ_CARD, _WRITE_CARD, _card_params, _Cards
from .database import _json_text
from .errors import StoreError

# A session's answers, read through reviews_time from the session's start (`sessions` in the outer query).
SESSION_REVIEWS = "FROM reviews WHERE reviewed_at >= sessions.started_at AND session = sessions.id"
# An unfinished session this old was left by a crash (or a machine put to sleep): the next one closes it.
STALE_SESSION = timedelta(hours=12)


class AnswerRecord(NamedTuple):  # a tuple: built on every answer, in a fraction of a frozen dataclass's time
    """What the store needs to record one answer."""

    question_key: int
    set_id: str
    topic: str
    rating: int
    correct: bool
    response: Any
    duration_ms: int | None
    reviewed_at: float
    session_id: int | None



class _ReviewLog(_Cards):
    """Answers and sessions."""

    # --- answering (plain SQL: this is the hot path) -----------------------
    def record_answer(self, rec: AnswerRecord, schedule: Callable[[CardState], CardState]) -> tuple[int, CardState, CardState]:
        """Save one answer in one transaction: the card's state is read under the write lock, `schedule` gives its
        state after the answer, and both go in with the log row. Returns (review id, state before, state after).

        The card's queue_due is left as it was: the due queries bring it up first (catch_up, schema v8).
        """
        with self.write() as c:
            row = c.execute(_READ_CARD, (rec.question_key,)).fetchone()
            if row is None:
                raise StoreError(f"question {rec.question_key} is no longer in this progress database (its set was purged "
                                 "while it was on screen): the answer was not recorded")
            before = CardState.from_row(row)
            after = schedule(before)
            if after.state == before.state:
                # Most answers leave the card in its state (a review stays a review). Such an update does not set
                # `state`, so SQLite leaves out card_counts_update, a trigger on that column: ~12 µs of every answer.
                c.execute(_ANSWER_CARD_SAME_STATE, (*after.to_row()[1:], rec.question_key))
            else:
                c.execute(_ANSWER_CARD, (*after.to_row(), rec.question_key))
            cur = c.execute(
                "INSERT INTO reviews (question, set_id, topic, session, reviewed_at, rating, correct, response, "
                "duration_ms, state_before, card_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rec.question_key, rec.set_id, rec.topic, rec.session_id, rec.reviewed_at, int(rec.rating),
                    int(rec.correct), _json_text(rec.response), rec.duration_ms, before.state, _json_text(row),
                ),
            )
        return int(cur.lastrowid or 0), before, after

    def review_row(self, review_id: int) -> dict[str, Any] | None:
        cur = self.conn.execute("SELECT * FROM reviews WHERE id = ?", (review_id,))
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))

    def undo_review(self, review_id: int) -> int:
        """Undo one answer: the card gets its state back and the log row goes. Returns the question key."""
        with self.write():
            row = self.review_row(review_id)
            if row is None:
                raise StoreError(f"review {review_id} is not in the log; nothing to undo")
            before = CardState.from_row(tuple(json.loads(row["card_before"])))
            self.conn.execute(_WRITE_CARD, _card_params(before, row["question"]))
            self.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            self._count_removed(1)
        return int(row["question"])

    def revise_review(self, review_id: int, rating: int, after: CardState, *, correct: bool | None = None) -> None:
        """Change the rating of a recorded answer (the learner marked it unsure or easy), and its verdict when
        `correct` is given ("I was right")."""
        with self.write():
            row = self.review_row(review_id)
            if row is None:
                raise StoreError(f"review {review_id} is not in the log")
            self.conn.execute("UPDATE reviews SET rating = ? WHERE id = ?", (int(rating), review_id))
            if correct is not None:
                self.conn.execute("UPDATE reviews SET correct = ? WHERE id = ?", (int(correct), review_id))
            self.conn.execute(_WRITE_CARD, _card_params(after, row["question"]))

    def import_history(self, set_id: str, history: dict[str, list[tuple[float, int, CardState, CardState]]],
                       suspended: Iterable[str] = ()) -> int:
        """Bring reviews made elsewhere (Anki) into the log, in one transaction: for each question id of `set_id`,
        its answers as (time, rating, state before, state after) in time order; the card takes the last state.
        A card already answered here keeps its own progress (its imported history is left out). The questions
        in `suspended` are suspended. Returns the number of reviews written."""
        written = 0
        with self.write() as c:
            keys = {qid: (key, topic, reps) for qid, key, topic, reps in c.execute(
                "SELECT q.id, q.key, c.topic, c.reps FROM questions q JOIN cards c ON c.question = q.key "
                "WHERE q.set_id = ? AND q.retired = 0", (set_id,))}
            for qid, entries in history.items():
                if qid not in keys or keys[qid][2] or not entries:
                    continue
                key, topic, _ = keys[qid]
                c.executemany(
                    "INSERT INTO reviews (question, set_id, topic, session, reviewed_at, rating, correct, response, "
                    "duration_ms, state_before, card_before) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?)",
                    [(key, set_id, topic, ts, rating, int(rating > 1), '{"from": "anki"}', before.state,
                      _json_text(before.to_row())) for ts, rating, before, _after in entries])
                c.execute(_WRITE_CARD, _card_params(entries[-1][3], key))
                written += len(entries)
            self.suspend([keys[q][0] for q in suspended if q in keys])
            if written:
                c.execute("DELETE FROM dash_meta")  # the Scores cache folded those days already: built again
        return written

    def answered_since(self, since: datetime, *, new_only: bool = False, set_id: str | None = None) -> int:
        """Answers recorded since a time (new_only: first answers of new questions), optionally in one set."""
        sql = "SELECT COUNT(*) FROM reviews WHERE reviewed_at >= ?"
        args: list[Any] = [since.timestamp()]
        if new_only:
            sql += " AND state_before = 0"
        if set_id is not None:
            sql += " AND set_id = ?"
            args.append(set_id)
        return int(self.conn.execute(sql, args).fetchone()[0])

    def answer_history(self) -> Iterator[tuple[int, int, float]]:
        """(question key, rating, reviewed_at) of every answer, by question, oldest first."""
        yield from self.conn.execute("SELECT question, rating, reviewed_at FROM reviews ORDER BY question, reviewed_at")

    # --- sessions ---------------------------------------------------------
    def start_session(self, started: datetime, set_id: str | None, topics: list[str] | None) -> int:
        with self.write():
            # A session left open by a crash is closed at its last answer, so that counting it (from its
            # start to now) never grows with the log.
            self.conn.execute(
                f"UPDATE sessions SET ended_at = COALESCE((SELECT MAX(reviewed_at) {SESSION_REVIEWS}), started_at), "
                f"answered = (SELECT COUNT(*) {SESSION_REVIEWS}), correct = (SELECT COALESCE(SUM(correct), 0) {SESSION_REVIEWS}) "
                "WHERE ended_at IS NULL AND started_at < ?",
                (started.timestamp() - STALE_SESSION.total_seconds(),),
            )
            cur = self.conn.execute(
                "INSERT INTO sessions (started_at, set_id, topics) VALUES (?, ?, ?)",
                (started.timestamp(), set_id, json.dumps(topics or [])),
            )
        return int(cur.lastrowid or 0)

    def end_session(self, session_id: int, ended: datetime) -> None:
        """Close a session; its answered/correct counts are taken from the log (so undo and a crash need no fix-up)."""
        with self.write():
            self.conn.execute(
                f"UPDATE sessions SET ended_at = ?, answered = (SELECT COUNT(*) {SESSION_REVIEWS}), "
                f"correct = (SELECT COALESCE(SUM(correct), 0) {SESSION_REVIEWS}) WHERE id = ?",
                (ended.timestamp(), session_id),
            )
