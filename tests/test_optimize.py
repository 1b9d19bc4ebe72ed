"""Personal FSRS parameters: the missing-extra message, too few answers, and never worse than what is in force."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from random import Random

import pytest
from fsrs import Scheduler

from ketaquiz.core import optimize
from ketaquiz.core.optimize import MIN_REVIEWS, apply_result, log_loss, optimise, review_logs


def fill_log(store, n, rng: Random):
    """n answers over 60 days: mostly right, as a learner whose memory is better than the defaults assume."""
    keys = [k for k, _q in store.questions("ketamine")]
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc).timestamp()
    rows = []
    for i in range(n):
        k = keys[i % len(keys)]
        sid, _qid, topic = store.question_ref(k)
        right = rng.random() < 0.97
        at = start + (i // len(keys)) * 86400 * 3 + i
        rows.append((k, sid, topic, at, 3 if right else 1, int(right)))
    with store.write():
        store.conn.executemany(
            "INSERT INTO reviews (question, set_id, topic, reviewed_at, rating, correct, state_before, card_before) "
            "VALUES (?, ?, ?, ?, ?, ?, 2, '[2, null, 1, 5, null, null, 0, 0]')", rows)


def test_missing_optimizer_explains_how_to_enable_it(store, clock, monkeypatch):
    monkeypatch.setattr(optimize, "optimizer_available", lambda: False)
    r = optimise(store, clock())
    assert r.status == "missing" and "-m pip install 'ketaquiz[optimizer]'" in r.message
    assert apply_result(store, r) == r.message and store.settings().parameters == []


def test_too_few_answers(store, clock, rng):
    fill_log(store, 100, rng)
    r = optimise(store, clock(), fitter=lambda logs: pytest.fail("no fit with too few answers"))
    assert r.status == "too_few" and str(MIN_REVIEWS) in r.message and "100" in r.message


def test_better_parameters_are_kept_and_worse_ones_refused(store, clock, rng):
    fill_log(store, 700, rng)
    logs = review_logs(store)
    defaults = list(Scheduler().parameters)
    # Worse: initial stabilities far too short for a learner who remembers almost everything.
    worse = defaults[:]
    worse[0:4] = [0.01, 0.01, 0.01, 0.01]
    r = optimise(store, clock(), fitter=lambda _logs: worse)
    assert r.status == "kept" and r.loss_after > r.loss_before and r.parameters == []
    apply_result(store, r)
    assert store.settings().parameters == []
    # Better: longer initial stabilities fit this log.
    better = defaults[:]
    better[0:4] = [30.0, 30.0, 30.0, 60.0]
    assert log_loss(logs, better) < log_loss(logs, None)
    r = optimise(store, clock(), fitter=lambda _logs: better)
    assert r.status == "improved" and r.loss_after < r.loss_before
    assert "log-loss" in apply_result(store, r)
    assert store.settings().parameters == pytest.approx(better)
    # Equal is not better: the parameters in force stay.
    r = optimise(store, clock(), fitter=lambda _logs: better)
    assert r.status == "kept"


def test_log_loss_scores_only_answers_a_day_or_more_apart():
    from fsrs import Rating, ReviewLog

    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    same_day = [ReviewLog(1, Rating.Good, t0, None), ReviewLog(1, Rating.Good, t0 + timedelta(hours=2), None)]
    assert log_loss(same_day) is None
    later = [*same_day, ReviewLog(1, Rating.Again, t0 + timedelta(days=5), None)]
    assert log_loss(later) > 0


@pytest.mark.skipif(not optimize.optimizer_available(), reason="fsrs[optimizer] (torch) not installed")
def test_real_fit_is_never_worse(store, clock, rng):  # pragma: no cover - needs torch
    fill_log(store, 600, rng)
    r = optimise(store, clock())
    assert r.status in ("improved", "kept") and (r.loss_after is None or r.status == "kept" or r.loss_after < r.loss_before)
