"""The scheduling policy (core/scheduling.py) checked against fsrs and against the store's queue."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from random import Random

import pytest
from fsrs import Card, Scheduler, State
from hypothesis import given, settings
from hypothesis import strategies as st

from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.scheduling import REVIEW, CardState, comes_back_in_session, curve, retrievability_at
from ketaquiz.core.store import Store

UTC = timezone.utc
START = datetime(2026, 1, 1, tzinfo=UTC)
DEFAULT_DECAY = Scheduler().parameters[20]


def _scheduler(decay: float) -> tuple[Scheduler, list[float]]:
    params = list(Scheduler().parameters)
    params[20] = decay
    return Scheduler(parameters=params), params


@settings(max_examples=300, deadline=None)
@given(stability=st.floats(0.01, 36500), days=st.integers(0, 20000), seconds=st.integers(0, 86399),
       decay=st.one_of(st.just(DEFAULT_DECAY), st.floats(0.1, 0.8)))
def test_retrievability_agrees_with_fsrs_at_whole_days_and_lies_between_them(stability, days, seconds, decay):
    """fsrs counts whole days elapsed (`(now - last_review).days`); KetaQuiz's figure counts the fraction of the day
    too, so recall falls through the day (the queue ranks two questions answered hours apart). The two agree at
    each whole day, and between two whole days KetaQuiz's lies between fsrs's figures for them."""
    sched, params = _scheduler(decay)
    card = Card(card_id=1, state=State.Review, step=None, stability=stability, difficulty=5.0, due=START,
                last_review=START)
    now = START + timedelta(days=days, seconds=seconds)
    ours = retrievability_at(stability, START.timestamp(), now.timestamp(), curve(params))
    that_day = sched.get_card_retrievability(card, now)
    next_day = sched.get_card_retrievability(card, now + timedelta(days=1))
    assert next_day * (1 - 1e-12) <= ours <= that_day * (1 + 1e-12)
    if seconds == 0:
        assert ours == pytest.approx(that_day, rel=1e-12)


def test_retrievability_of_a_question_never_answered_is_none_where_fsrs_says_0():
    """None: the Scores page and the export show no figure rather than a recall of 0."""
    assert retrievability_at(None, None, START.timestamp(), curve(None)) is None
    assert Scheduler().get_card_retrievability(Card(card_id=1, due=START), START) == 0


@settings(max_examples=40, deadline=None)
@given(cards=st.lists(st.tuples(st.floats(0.05, 3650), st.integers(0, 400 * 86400)), min_size=2, max_size=12),
       decay=st.one_of(st.just(DEFAULT_DECAY), st.floats(0.1, 0.8)))
def test_the_queue_shows_due_questions_lowest_recall_first(cards, decay):
    """The store orders due questions in SQL (store/queue.py, LOWEST_RECALL_FIRST): that order is the order of
    retrievability_at, whatever the forgetting curve's parameters."""
    now = START + timedelta(days=500)
    store = Store(":memory:", clock=lambda: now)
    try:
        qs = [Question(f"q{i}", "t", "short", f"Question {i}?", f"answer {i}") for i in range(len(cards))]
        store.sync_set(QuestionSet("s", "S", topics=[Topic("t", "T")], questions=qs))
        keys = {store.question_key("s", q.id): i for i, q in enumerate(qs)}
        t = now.timestamp()
        store.write_schedules([
            (key, CardState(REVIEW, None, cards[i][0], 5.0, t - 1, t - cards[i][1], 1, 0)) for key, i in keys.items()
        ])
        fd = curve(_scheduler(decay)[1])
        recall = [retrievability_at(cards[keys[k]][0], t - cards[keys[k]][1], t, fd) for k in store.due_keys(now)]
        assert len(recall) == len(cards)
        assert all(a <= b * (1 + 1e-12) for a, b in zip(recall, recall[1:]))
    finally:
        store.close()


def test_hardest_by_recall_uses_the_queue_order(store, clock):
    """The Scores page's 'lowest recall' list orders as the queue does (one expression, in the store)."""
    from ketaquiz.core.dashboard import hardest

    rng = Random(7)
    keys = [k for k, _q in store.questions("ketamine")][:10]
    t = clock().timestamp()
    store.write_schedules([(k, CardState(REVIEW, None, rng.uniform(0.5, 90), 5.0, t - 1, t - rng.uniform(0, 9e6), 1, 0))
                           for k in keys])
    shown = hardest(store, clock(), by="retrievability", limit=10)
    assert [h.key for h in shown] == store.due_keys(clock())
    assert [h.retrievability for h in shown] == sorted(h.retrievability for h in shown)


@pytest.mark.parametrize(("due_in", "back"), [
    (timedelta(minutes=1), True), (timedelta(minutes=10), True), (timedelta(hours=11, minutes=59), True),
    (timedelta(hours=12), False), (timedelta(days=1), False),
])
def test_a_question_comes_back_in_its_session_when_its_next_step_is_within_half_a_day(due_in, back):
    answered = START.timestamp()
    assert comes_back_in_session(answered, answered + due_in.total_seconds()) is back
