"""Load balancing and easy days: the day a review is given inside its fuzz range."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from random import Random

import pytest

from ketaquiz.core.clock import day_number, day_start
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.scheduling import REVIEW, CardState, Settings, _draw_fuzz_from, make_scheduler, review
from ketaquiz.core.session import StudySession
from ketaquiz.core.workload import Balancer, DayLoad, fuzz_range

MONDAY = date(2026, 3, 2).toordinal()


class FixedDraw(Random):
    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value

    def random(self) -> float:
        return self.value


@pytest.mark.parametrize("interval", [3, 4, 7, 12, 30, 100, 400])
def test_fuzz_range_is_fsrs_own(interval):
    lo, hi = fuzz_range(interval, 36500)
    for value, expected in ((0.0, lo), ((hi - lo + 0.49) / (hi - lo + 1), hi)):
        scheduler = make_scheduler(Settings())
        _draw_fuzz_from(FixedDraw(value), scheduler)
        assert scheduler._get_fuzzed_interval(interval=timedelta(days=interval)).days == expected


def picks(balancer: Balancer, lo: int, hi: int, n: int = 400) -> Counter[int]:
    return Counter(balancer.pick(lo, hi) for _ in range(n))


def test_balancing_favours_the_day_with_fewer_reviews():
    load = DayLoad({MONDAY + d: 40 for d in range(20, 31)})
    load.counts[MONDAY + 27] = 3
    b = Balancer(load, Random(1))
    b.today = MONDAY
    got = picks(b, 20, 30)
    assert got.most_common(1)[0][0] == 27 and got[27] > 300
    fuzz_only = Balancer(load, Random(1), balance=False)
    fuzz_only.today = MONDAY
    assert picks(fuzz_only, 20, 30)[27] < 80  # fuzz alone: an even choice


def test_same_seed_same_choices():
    load = DayLoad({MONDAY + d: d % 3 for d in range(40)})
    a, b = Balancer(load, Random(5)), Balancer(load, Random(5))
    a.today = b.today = MONDAY
    assert [a.pick(5, 12) for _ in range(50)] == [b.pick(5, 12) for _ in range(50)]


def test_minimum_days_are_avoided_and_reduced_days_take_half_a_normal_load():
    weekend_min = ["normal"] * 5 + ["minimum"] * 2
    b = Balancer(DayLoad(), Random(2), balance=False, easy_days=weekend_min)
    b.today = MONDAY  # days 5, 6 (and 12, 13) are a Saturday and a Sunday
    got = picks(b, 3, 9)
    assert got[5] + got[6] <= 1 and set(got) >= {3, 4, 7, 8, 9}
    load = DayLoad()
    b = Balancer(load, Random(3), easy_days=["normal"] * 5 + ["reduced"] * 2)
    b.today = MONDAY
    for _ in range(700):
        load.move(None, MONDAY + b.pick(3, 9))
    per_day = [load.counts[MONDAY + d] for d in range(3, 10)]
    normal = sum(per_day) - per_day[2] - per_day[3]
    assert 0.3 < (per_day[2] + per_day[3]) / 2 / (normal / 5) <= 0.55


def _store_with_reviews(memory_store, clock, n=300):
    qs = [Question(f"q{i}", "t", "short", f"Q{i}?", f"a{i}") for i in range(n)]
    memory_store.sync_set(QuestionSet("w", "W", topics=[Topic("t", "T")], questions=qs))
    return [memory_store.question_key("w", f"q{i}") for i in range(n)]


def _set_card(store, key, due, stability=20.0, last=None):
    state = CardState(REVIEW, None, stability, 5.0, due, last if last is not None else due - stability * 86400, 3, 0)
    store.conn.execute("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, "
                       "reps = ?, lapses = ?, queue_due = ? WHERE question = ?", (*state.to_row(), due, key))
    return state


def test_an_answer_goes_to_the_emptiest_day_of_its_range_and_is_due_from_that_days_start(memory_store, clock):
    keys = _store_with_reviews(memory_store, clock)
    now = clock()
    card = _set_card(memory_store, keys[0], now.timestamp())
    plain = review(make_scheduler(Settings(fuzz=False)), keys[0], card, 3, now)
    interval = round((plain.due - now.timestamp()) / 86400)
    lo, hi = fuzz_range(interval, 36500)
    empty = lo + 1
    full = [d for d in range(lo, hi + 1) if d != empty]
    for i, key in enumerate(keys[1:]):  # every other day of the range is full
        _set_card(memory_store, key, (now + timedelta(days=full[i % len(full)])).timestamp())
    for seed in range(3):
        memory_store.conn.execute("DELETE FROM reviews")
        _set_card(memory_store, keys[0], now.timestamp())
        s = StudySession(memory_store, clock=clock, rng=Random(seed), settings=Settings(), keys=[keys[0]])
        fb = s.submit(s.current.answer)
        assert day_number(fb.due.timestamp()) == day_number(now.timestamp()) + empty
        assert fb.due == day_start(fb.due)  # due from 4 am of its day: a morning session takes it
        s.close()


def test_review_load_counts_reviews_per_learner_day(memory_store, clock):
    keys = _store_with_reviews(memory_store, clock, 6)
    now = clock()
    for key, days in zip(keys, [3, 3, 4, 10, -2, 400], strict=True):
        _set_card(memory_store, key, (now + timedelta(days=days)).timestamp())
    today = day_number(now.timestamp())
    assert memory_store.review_load(now, 365) == {today + 3: 2, today + 4: 1, today + 10: 1}


def test_balancing_is_a_setting_on_by_default():
    assert Settings().load_balance is True
    with pytest.raises(ValueError, match="easy days"):
        Settings(easy_days=["normal"] * 6).validate()
    Settings(easy_days=["normal"] * 5 + ["reduced", "minimum"]).validate()
    assert datetime(2026, 3, 7, tzinfo=timezone.utc).weekday() == 5  # (MONDAY + 5 is a Saturday)


def test_each_preset_balances_over_its_own_sets_reviews(memory_store, clock):
    """As Anki (its load balancer counts the cards of the preset's decks only): a set on another preset is not
    steered by the Default sets' reviews, and the reverse."""
    from ketaquiz.core import presets

    keys_w = _store_with_reviews(memory_store, clock)
    qs = [Question(f"l{i}", "t", "short", f"L{i}?", f"b{i}") for i in range(300)]
    memory_store.sync_set(QuestionSet("l", "L", topics=[Topic("t", "T")], questions=qs))
    keys_l = [memory_store.question_key("l", f"l{i}") for i in range(300)]
    memory_store.save_settings(Settings())  # fuzz on
    presets.add_preset(memory_store, "Light")
    presets.choose_preset(memory_store, "l", "Light")
    now = clock()
    card = _set_card(memory_store, keys_w[0], now.timestamp())
    plain = review(make_scheduler(Settings(fuzz=False)), keys_w[0], card, 3, now)
    lo, hi = fuzz_range(round((plain.due - now.timestamp()) / 86400), 36500)
    free_w, free_l = lo + 1, lo + 2  # the one day of the range without Default's reviews, and without Light's
    for keys, free in ((keys_w, free_w), (keys_l, free_l)):
        full = [d for d in range(lo, hi + 1) if d != free]
        for i, key in enumerate(keys[1:]):
            _set_card(memory_store, key, (now + timedelta(days=full[i % len(full)])).timestamp())
    today = day_number(now.timestamp())
    for seed in range(6):
        for key, free in ((keys_w[0], free_w), (keys_l[0], free_l)):
            memory_store.conn.execute("DELETE FROM reviews")
            _set_card(memory_store, key, now.timestamp())
            s = StudySession(memory_store, clock=clock, rng=Random(seed), keys=[key])  # over every set
            fb = s.submit(s.current.answer)
            assert day_number(fb.due.timestamp()) == today + free, (seed, key)
            s.close()


def test_a_session_orders_due_reviews_by_recall_now_not_at_the_end_of_the_learn_ahead(memory_store, clock):
    """The learn-ahead widens what is due (20 minutes on), not the order: lowest recall first as of now (ordering
    as of 20 minutes on put a card of long stability behind one that would only be lower then)."""
    keys = _store_with_reviews(memory_store, clock, 2)
    t = clock().timestamp()
    _set_card(memory_store, keys[0], t - 60, stability=10.0, last=t - 10 * 86400)  # recall ratio 1.0 now
    _set_card(memory_store, keys[1], t - 60, stability=0.01, last=t - 0.999 * 864)  # 0.999 now, 2.4 in 20 minutes
    s = StudySession(memory_store, clock=clock, rng=Random(1), settings=Settings(fuzz=False))
    assert s.current_key == keys[0]
    s.close()
