"""A study session: a plain object the terminal quiz and the Qt view both drive.

Flow: ``current`` (the question shown) → ``submit(response)`` (graded, recorded at once
as Good or Again) → optionally ``mark("unsure" | "easy")`` (re-rated Hard / Easy) →
``advance()`` → the next ``current``. ``undo()`` takes back the last answer.

The queue is built once: due reviews (lowest retrievability first), then new
questions in article order, within the day's limits. A question answered in the
session comes back when its learning step is due (see scheduling.py: the policy, learn-ahead included).
A sibling of a question answered today is held back and shown only when nothing
else is left (see siblings.py).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from random import Random
from typing import Any

from .clock import Clock, day_start, utc_now
from .grading import Presentation, grade, present
from .presets import settings_for
from .questions import Question
from .scheduling import (
    LEARN_AHEAD,
    REVIEW,
    CardState,
    Confidence,
    Settings,
    comes_back_in_session,
    due_by,
    rating_for,
    review,
)
from .session_presets import SessionPresets, left_today, within_caps
from .session_results import Feedback, QueueCounts, Summary, TopicScore
from .siblings import Siblings
from .store import AnswerRecord, Store
from .workload import Balancer, review_day


@dataclass(slots=True)
class _Answered:
    key: int
    review_id: int
    topic: str
    correct: bool
    before: Any
    reviewed_at: datetime
    response: Any = None
    learning_due: float | None = None
    after: CardState | None = None
    set_id: str = ""


@dataclass(order=True, slots=True)
class _Pending:
    due: float
    key: int = field(compare=False)


class StudySession:
    """One sitting of study over a set (or all sets), optionally some topics, up to a limit."""

    def __init__(
        self,
        store: Store,
        *,
        set_id: str | None = None,
        topics: list[str] | None = None,
        limit: int | None = None,
        clock: Clock = utc_now,
        rng: Random | None = None,
        settings: Settings | None = None,
        extra_new: int = 0,  # new questions beyond today's limit ("study more")
        keys: list[int] | None = None,
    ) -> None:
        self.store = store
        self.set_id = set_id
        self.topics = list(topics) if topics else None
        self.limit = limit
        self.clock = clock
        self.rng = rng if rng is not None else Random()
        # The set's preset; over every set, Default's limits, and each question scheduled by its set's preset.
        self._per_set = settings is None and set_id is None
        self.settings = settings or settings_for(store, set_id)
        now = clock()
        self.started = now
        self._presets = SessionPresets(store, self.settings, self.rng, now, set_id=set_id, per_set=self._per_set)
        self.scheduler, self.balancer = self._presets.scheduler, self._presets.balancer
        today = day_start(now)
        new_left, reviews_left = left_today(store, self.settings, today)
        new_left += extra_new
        self._caps = self._presets.set_caps(today, extra_new) if self._per_set and keys is None else {}
        self._siblings = Siblings(store.sibling_groups_answered_since(today))
        self._held: list[int] = []  # siblings of questions answered today: shown when nothing else is left
        if keys is not None:
            # "Study now" on chosen questions: those, in the given order, due or not (none held back).
            self._queue: list[int] = list(keys)
            self._siblings.learn(store.sibling_info(self._queue))
        else:
            self._queue = self._take(lambda n: store.due_keys(due_by(now), set_id=set_id, topics=self.topics, limit=n,
                                                                order_at=now),
                                     reviews_left, 1)
            self._queue += self._take(lambda n: store.new_keys(set_id=set_id, topics=self.topics, limit=n), new_left, 0)
        self._queue.reverse()  # pop() from the end
        self._learning: list[_Pending] = []  # a heap; entries not matching _pending are stale
        self._pending: dict[int, float] = {}  # key -> due of questions coming back in this session
        self._history: list[_Answered] = []
        self._gone: set[int] = set()  # questions deleted or purged since they were queued (revalidate)
        self._ended = False  # end_session done (the end reached, or closed)
        self._shown_set_id = ""  # the set of the question on screen
        self.session_id = store.start_session(now, set_id, self.topics)
        self.current_key: int | None = None
        self.presentation: Presentation | None = None
        self.feedback: Feedback | None = None
        self.shown_at: datetime | None = None
        self.planned = len(self._queue)
        self._kinds = store.card_state_of([*self._queue, *self._held])  # key -> card state when queued
        self._current_learning = False  # the question on screen came back from a learning step
        self._extra_new = extra_new
        self.advance()

    def _take(self, fetch: Any, limit: int, kind: int) -> list[int]:
        """Up to `limit` keys of `fetch(n)` (the first n in queue order), within each set's own limit (`kind`: 0 new,
        1 reviews; see SessionPresets.set_caps), siblings held back going to _held (within the limit, after the
        rest); asks for more while the held or capped ones leave room."""
        n = limit
        while True:
            fetched = fetch(n)
            caps = {sid: list(c) for sid, c in self._caps.items()}
            keys = within_caps(fetched, self.store.sets_of(fetched), caps, kind) if caps else fetched
            self._siblings.learn(self.store.sibling_info(keys))
            free, held = self._siblings.split(keys)
            if len(free) >= limit or len(fetched) < n:
                break
            n = 2 * n + len(fetched) - len(free)
        self._caps = caps
        free = free[:limit]
        self._held += held[:limit - len(free)]
        return free

    # --- state --------------------------------------------------------------
    @property
    def answered(self) -> int:
        return len(self._history)

    @property
    def correct_count(self) -> int:
        return sum(1 for a in self._history if a.correct)

    @property
    def current(self) -> Question | None:
        return None if self.presentation is None else self.presentation.question

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def remaining(self) -> int:
        """Questions still waiting (the one shown included; learning repeats counted once)."""
        return len(self._queue) + len(self._held) + len(self._pending) + (1 if self.current is not None and self.feedback is None else 0)

    def counts(self) -> QueueCounts:
        """New / learning / review questions still to answer in this session, the one on screen included (as
        Anki's three numbers): a question in learning counts once however many steps it has left."""
        new = learning = rev = 0
        for k in (*self._queue, *self._held):
            st = self._kinds.get(k, 0)
            if st == 0:
                new += 1
            elif st == REVIEW:
                rev += 1
            else:
                learning += 1
        learning += len(self._pending)
        if self.current_key is not None and self.feedback is None:
            st = 1 if self._current_learning else self._kinds.get(self.current_key, 0)
            new, learning, rev = new + (st == 0), learning + (st not in (0, REVIEW)), rev + (st == REVIEW)
        return QueueCounts(new, learning, rev)

    @property
    def new_limit_reached(self) -> bool:
        """Today's new questions are done (the daily limit) while new ones of this scope wait."""
        left = left_today(self.store, self.settings, day_start(self.clock()))[0]  # as the queue was built
        return left + self._extra_new <= 0 and bool(self.store.new_keys(set_id=self.set_id, topics=self.topics, limit=1))

    @property
    def progress(self) -> tuple[int, int]:
        """(answered, answered + remaining) for a progress bar; capped by the limit."""
        total = self.answered + self.remaining
        if self.limit is not None:
            total = min(total, self.limit)
        return self.answered, max(total, self.answered)

    def _show(self, key: int) -> Question:
        """Load a question and present it."""
        self._shown_set_id, q = self.store.shown_question(key)
        self.presentation = present(q, self.rng)
        self.shown_at = self.clock()
        return q

    # --- flow ---------------------------------------------------------------
    def _next_key(self, now: datetime) -> int | None:
        t = now.timestamp()
        while self._learning and self._pending.get(self._learning[0].key) != self._learning[0].due:
            heapq.heappop(self._learning)  # stale: undone or rescheduled since
        self._current_learning = False
        if self._learning and self._learning[0].due <= t:
            self._current_learning = True
            return self._pop_pending()
        if self._queue:
            return self._queue.pop()
        if self._learning and self._learning[0].due <= t + LEARN_AHEAD.total_seconds():
            self._current_learning = True
            return self._pop_pending()
        if self._held:  # the only work left: siblings of questions answered today
            return self._held.pop(0)
        return None

    def _hold_siblings(self, key: int) -> None:
        """`key` was answered: its siblings still queued wait (they go to _held, in queue order)."""
        self._siblings.answered(key)
        group = self._siblings.group(key)
        if group is None:
            return
        moved = [k for k in reversed(self._queue) if self._siblings.group(k) == group and self._siblings.held(k)]
        if moved:
            self._queue = [k for k in self._queue if k not in moved]
            self._held += moved

    def _release_siblings(self, key: int) -> None:
        """An answer of `key` was taken back: siblings held only for it return to the queue (next in line)."""
        self._siblings.unanswered(key)
        back = [k for k in self._held if not self._siblings.held(k)]
        if back:
            self._held = [k for k in self._held if k not in back]
            self._queue += reversed(back)

    def _pop_pending(self) -> int:
        key = heapq.heappop(self._learning).key
        del self._pending[key]
        return key

    def advance(self) -> Question | None:
        """Move to the next question (after feedback, or at the start). Returns it, None at the end."""
        self.feedback = None
        now = self.clock()
        key = None if self.limit is not None and self.answered >= self.limit else self._next_key(now)
        self.current_key = key
        if key is None:  # the end: nothing left, or the limit reached
            self.presentation = None
            self.store.end_session(self.session_id, now)
            self._ended = True
            return None
        return self._show(key)

    def submit(self, response: Any, duration_ms: int | None = None) -> Feedback:
        """Grade and record an answer (None = "I don't know"). Recorded before this returns."""
        if self.current_key is None or self.presentation is None:
            raise RuntimeError("no question to answer: the session has ended")
        if self.feedback is not None:
            raise RuntimeError("this question is answered already; call advance()")
        key = self.current_key
        q = self.presentation.question
        g = grade(q, response)
        now = self.clock()
        if duration_ms is None and self.shown_at is not None:
            duration_ms = max(0, int((now - self.shown_at).total_seconds() * 1000))
        review_id, after_due = self._record(key, q, g.correct, Confidence.NORMAL, response, duration_ms, now)
        self.feedback = Feedback(q, g, review_id, after_due)
        return self.feedback

    def _record(self, key: int, q: Question, correct: bool, confidence: Confidence, response: Any,
                duration_ms: int | None, now: datetime) -> tuple[int, datetime]:
        rating = rating_for(correct, confidence)
        scheduler, balancer = self._presets.scheduler_for(self._shown_set_id)
        balancer.at(now)
        review_id, before, after = self.store.record_answer(
            AnswerRecord(key, self._shown_set_id, q.topic, int(rating), correct, response, duration_ms,
                         now.timestamp(), self.session_id),
            lambda card: review(scheduler, key, card, rating, now),
        )
        entry = _Answered(key, review_id, q.topic, correct, before, now, response, after=after,
                          set_id=self._shown_set_id)
        self._history.append(entry)
        self._move_load(before, after, balancer)
        self._hold_siblings(key)
        self._schedule_repeat(entry, after.due)
        return review_id, datetime.fromtimestamp(after.due or now.timestamp(), now.tzinfo)

    @staticmethod
    def _move_load(old: CardState | None, new: CardState | None, balancer: Balancer) -> None:
        """Keep the balancer's reviews-per-day in step with an answer (or its re-rating or undo)."""
        balancer.load.move(_review_day(old), _review_day(new))

    def _schedule_repeat(self, entry: _Answered, due: float | None) -> None:
        """Bring a question back in this session when its (re)learning step falls due soon."""
        self._drop_pending(entry.key)
        entry.learning_due = None
        if due is not None and comes_back_in_session(entry.reviewed_at.timestamp(), due):
            entry.learning_due = due
            self._pending[entry.key] = due
            heapq.heappush(self._learning, _Pending(due, entry.key))

    def _drop_pending(self, key: int) -> None:
        self._pending.pop(key, None)

    def mark(self, confidence: Confidence | str) -> Feedback:
        """Re-rate the last answer: "unsure" → Hard, "easy" → Easy, "normal" → Good (right answers only)."""
        fb = self.feedback
        if fb is None or not self._history:
            raise RuntimeError("nothing to mark: answer a question first")
        if not fb.correct or not self.can_mark:
            return fb
        last = self._history[-1]
        rating = rating_for(True, confidence)
        scheduler, balancer = self._presets.scheduler_for(last.set_id)
        balancer.at(last.reviewed_at)
        after = review(scheduler, last.key, last.before, rating, last.reviewed_at)
        self.store.revise_review(last.review_id, int(rating), after)
        self._move_load(last.after, after, balancer)
        last.after = after
        self._schedule_repeat(last, after.due)
        self.feedback = Feedback(fb.question, fb.grade, fb.review_id,
                                 datetime.fromtimestamp(after.due or 0, last.reviewed_at.tzinfo))
        return self.feedback

    def suspend_current(self) -> None:
        """Suspend the question on screen: it leaves this session and every queue until unsuspended (its answer,
        if given, stays). Unanswered, the next question is shown."""
        key = self.current_key
        if key is None:
            return
        self.store.suspend([key])
        self._queue = [k for k in self._queue if k != key]
        self._held = [k for k in self._held if k != key]
        self._pending.pop(key, None)
        if self.feedback is None:
            self.advance()

    def reshow(self) -> Question | None:
        """Show the question on screen again as it is in the store now (edited); unanswered ones only."""
        if self.current_key is None or self.feedback is not None:
            return None
        return self._show(self.current_key)

    def overrule(self, right: bool = True) -> Feedback:
        """"I was right": the last answer, graded wrong, is recorded as right (Good) instead; with right=False it
        goes back to wrong (Again). Its card is scheduled again from its state before the answer."""
        fb = self.feedback
        if fb is None or not self._history:
            raise RuntimeError("nothing to overrule: answer a question first")
        last = self._history[-1]
        if not self.can_mark or last.correct == right or (right and fb.correct and not fb.grade.overruled):
            return fb
        rating = rating_for(right, Confidence.NORMAL)
        scheduler, balancer = self._presets.scheduler_for(last.set_id)
        balancer.at(last.reviewed_at)
        after = review(scheduler, last.key, last.before, rating, last.reviewed_at)
        self.store.revise_review(last.review_id, int(rating), after, correct=right)
        self._move_load(last.after, after, balancer)
        last.after, last.correct = after, right
        self._schedule_repeat(last, after.due)
        g = replace(fb.grade, correct=right, overruled=right)
        self.feedback = Feedback(fb.question, g, fb.review_id, datetime.fromtimestamp(after.due or 0, last.reviewed_at.tzinfo))
        return self.feedback

    def undo(self) -> Question | None:
        """Take back the last answer: its card state returns, its log row goes, it is shown again."""
        if not self.can_undo:
            return None
        last = self._history.pop()
        self.store.undo_review(last.review_id)
        self._drop_pending(last.key)
        self._release_siblings(last.key)
        self._move_load(last.after, last.before, self._presets.scheduler_for(last.set_id)[1])
        if self.current_key is not None and self.feedback is None and self.current_key != last.key:
            # Put the question that was on screen back at the front of the queue.
            self._queue.append(self.current_key)
            if self._current_learning:
                self._kinds[self.current_key] = 1
        self.current_key = last.key
        self.feedback = None
        self._kinds[last.key] = last.before.state
        self._current_learning = False
        self._ended = False  # taken back after the end: the session goes on
        return self._show(last.key)

    @property
    def can_undo(self) -> bool:
        return bool(self._history) and self._history[-1].key not in self._gone

    @property
    def can_mark(self) -> bool:
        """Whether the answer on screen can still be re-rated (its question was not taken away meanwhile)."""
        return self.feedback is not None and bool(self._history) and self._history[-1].key not in self._gone

    def revalidate(self) -> str | None:
        """After the library or a question changed (a set deleted, purged or edited while studying): questions no
        longer there leave the queue, their answers can no longer be undone or re-rated, the question on screen
        is skipped if it went (or shown again if it was edited before being answered). A sentence for the learner
        when something they see changed, else None."""
        keys = set(self._queue) | set(self._held) | set(self._pending) | {a.key for a in self._history}
        if self.current_key is not None:
            keys.add(self.current_key)
        gone = keys - self.store.live_keys(keys)
        self._gone |= gone
        self._queue = [k for k in self._queue if k not in gone]
        self._held = [k for k in self._held if k not in gone]
        for k in gone:
            self._pending.pop(k, None)
        key = self.current_key
        if key is None or self.feedback is not None:
            return None
        if key in gone:
            self.advance()
            if self.finished:
                return "The question on screen was deleted from its set or suspended, and nothing else is left in this session."
            return "The question on screen was deleted from its set or suspended: on to the next one."
        _set_id, q = self.store.shown_question(key)
        if self.presentation is not None and q != self.presentation.question:
            self._show(key)
            return "This question was edited: here it is as it is now."
        return None

    def summary(self) -> Summary:
        """Score, per-topic accuracy and when questions of this scope are next due."""
        per: dict[str, TopicScore] = {}
        for a in self._history:
            s = per.setdefault(a.topic, TopicScore())
            s.answered += 1
            s.correct += int(a.correct)
        now = self.clock()
        next_due = self.store.next_due_after(now, set_id=self.set_id, topics=self.topics)
        due_tomorrow = self.store.due_count(day_start(now) + timedelta(days=2), set_id=self.set_id, topics=self.topics)
        return Summary(self.answered, self.correct_count, per, next_due, due_tomorrow)

    def close(self) -> None:
        """End the session now, unless it ended already (its last question answered): a session finished at 9:05
        and left on screen until 11:00 lasted five minutes, not two hours."""
        if not self._ended:
            self.store.end_session(self.session_id, self.clock())
            self._ended = True


def _review_day(card: CardState | None) -> int | None:
    """The learner day a question in review is due (None for any other state)."""
    if card is None or card.state != REVIEW or card.due is None:
        return None
    return review_day(card.due)
