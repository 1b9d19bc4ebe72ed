"""The Scores page's figures from a crafted review log with known answers."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from ketaquiz.core.dashboard import dashboard, day_rows, forecast, hardest, sessions
from ketaquiz.core.stats import compute_stats

UTC = timezone.utc
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday (the conftest clock)


def add_review(store, key, when, correct, *, state_before=0, last_review=None, session=None):
    set_id, _qid, topic = store.question_ref(key)
    before = [state_before, None, 5.0 if state_before else None, 5.0 if state_before else None, None,
              last_review.timestamp() if last_review else None, 1, 0]
    with store.write():
        cur = store.conn.execute(
            "INSERT INTO reviews (question, set_id, topic, session, reviewed_at, rating, correct, state_before, card_before) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, set_id, topic, session, when.timestamp(), 3 if correct else 1, int(correct), state_before, json.dumps(before)),
        )
    return cur.lastrowid


@pytest.fixture
def keys(store):
    ks = [k for k, _q in store.questions("ketamine")]
    topics = {k: store.question_ref(k)[2] for k in ks}
    a = ks[0]
    b = next(k for k in ks if topics[k] != topics[a])
    return a, b, topics[a], topics[b]


@pytest.fixture
def logged(store, keys):
    """Today 2 (1 right), yesterday 1, two days ago 1 (wrong), five days ago 2, forty days ago 1."""
    a, b, _ta, _tb = keys
    add_review(store, a, NOW - timedelta(hours=1), True, state_before=2, last_review=NOW - timedelta(days=3))  # young pass
    add_review(store, b, NOW - timedelta(hours=2), False, state_before=2, last_review=NOW - timedelta(days=30))  # mature fail
    add_review(store, a, NOW - timedelta(days=1), True)
    add_review(store, b, NOW - timedelta(days=2), False)
    add_review(store, a, NOW - timedelta(days=5), True, state_before=2, last_review=NOW - timedelta(days=40))  # mature pass
    add_review(store, a, NOW - timedelta(days=5, hours=1), True)
    add_review(store, b, NOW - timedelta(days=40), True)
    return store


def test_reviews_per_day_heatmap_and_streaks(logged):
    d = dashboard(logged, NOW, tz=UTC)
    assert d.today == "2026-03-02"
    assert len(d.reviews_per_day) == 365 and d.reviews_per_day[-1] == ("2026-03-02", 2, 1)
    last30 = {day: (n, c) for day, n, c in d.reviews_last(30)}
    assert last30["2026-03-01"] == (1, 1) and last30["2026-02-28"] == (1, 0) and last30["2026-02-25"] == (2, 2)
    assert sum(n for n, _c in last30.values()) == 6  # the review forty days ago is outside the last 30 days
    assert sum(n for _d, n, _c in d.reviews_last(90)) == 7
    assert d.heatmap == {"2026-01-21": 1, "2026-02-25": 2, "2026-02-28": 1, "2026-03-01": 1, "2026-03-02": 2}
    assert d.current_streak == 3 and d.longest_streak == 3


def test_accuracy_per_topic_by_week(logged, keys):
    _a, _b, ta, tb = keys
    d = dashboard(logged, NOW, tz=UTC, weeks=2)
    # Weeks start on Monday: 2026-02-23 and 2026-03-02 (today).
    assert d.topic_accuracy[ta] == [("2026-02-23", 3, 1.0), ("2026-03-02", 1, 1.0)]
    assert d.topic_accuracy[tb] == [("2026-02-23", 1, 0.0), ("2026-03-02", 1, 0.0)]


def test_true_retention_young_and_mature(logged):
    rows = {r.period: r for r in dashboard(logged, NOW, tz=UTC).retention}
    assert [*rows] == ["Today", "Yesterday", "Last week", "Last month", "Last year", "All time"]
    today = rows["Today"]
    assert (today.young_passed, today.young_total, today.mature_passed, today.mature_total) == (1, 1, 0, 1)
    assert today.young == 1.0 and today.mature == 0.0 and today.total == 0.5
    assert rows["Yesterday"].total is None  # a first answer is not a recall test
    week = rows["Last week"]
    assert (week.young_total, week.mature_passed, week.mature_total) == (1, 1, 2) and week.mature == 0.5


def test_day_rolls_over_at_4am(store, keys):
    add_review(store, keys[0], datetime(2026, 3, 2, 3, 30, tzinfo=UTC), True)  # still March 1st
    d = dashboard(store, NOW, tz=UTC)
    assert d.heatmap == {"2026-03-01": 1}
    assert d.current_streak == 1  # yesterday counts while today has no review yet


def test_forecast_counts_overdue_today_and_skips_beyond_30_days(store, keys):
    a, b, _ta, _tb = keys
    c = [k for k, _q in store.questions("ketamine")][2]
    with store.write():
        for key, due in [(a, NOW - timedelta(days=3)), (b, NOW + timedelta(days=1, hours=2)), (c, NOW + timedelta(days=40))]:
            store.conn.execute("UPDATE cards SET state = 2, stability = 5, due = ?, last_review = ? WHERE question = ?",
                               (due.timestamp(), (NOW - timedelta(days=5)).timestamp(), key))
    f = forecast(store, NOW, tz=UTC)
    assert len(f) == 30 and f[0] == ("2026-03-02", 1) and f[1] == ("2026-03-03", 1)
    assert sum(n for _d, n in f) == 2


def test_session_history_with_scores(store, keys, clock):
    a, b, _ta, _tb = keys
    s1 = store.start_session(NOW - timedelta(days=1), "ketamine", None)
    add_review(store, a, NOW - timedelta(days=1), True, session=s1)
    add_review(store, b, NOW - timedelta(days=1), False, session=s1)
    add_review(store, a, NOW - timedelta(days=1), True, session=s1)
    store.end_session(s1, NOW - timedelta(days=1) + timedelta(minutes=5))
    store.start_session(NOW - timedelta(hours=5), "ketamine", None)  # opened, nothing answered: not listed
    s3 = store.start_session(NOW - timedelta(hours=1), "ketamine", None)  # still running
    add_review(store, b, NOW - timedelta(minutes=30), True, session=s3)
    rows = sessions(store)
    assert [(r.id, r.answered, r.correct) for r in rows] == [(s3, 1, 1), (s1, 3, 2)]
    assert rows[1].score == pytest.approx(2 / 3) and rows[0].ended_at is None


def test_hardest_questions_by_lapses_and_retrievability(store, keys):
    a, b, _ta, _tb = keys
    c = [k for k, _q in store.questions("ketamine")][2]
    t = NOW.timestamp()
    with store.write():
        # a: 4 lapses, recent; b: 1 lapse, long overdue; c: no lapse, lowest recall of all
        for key, lapses, stability, days_ago in [(a, 4, 10.0, 1), (b, 1, 2.0, 20), (c, 0, 1.0, 60)]:
            store.conn.execute(
                "UPDATE cards SET state = 2, lapses = ?, reps = 9, stability = ?, last_review = ?, due = ? WHERE question = ?",
                (lapses, stability, t - days_ago * 86400, t, key),
            )
    by_lapses = hardest(store, NOW)
    assert [h.key for h in by_lapses] == [a, b]  # a question never lapsed is not "hard" by lapses
    assert by_lapses[0].lapses == 4 and by_lapses[0].prompt
    by_recall = hardest(store, NOW, by="retrievability")
    assert [h.key for h in by_recall] == [c, b, a]
    assert by_recall[0].retrievability < by_recall[1].retrievability < by_recall[2].retrievability
    assert 0.8 < by_recall[2].retrievability < 1.0


def test_one_set_only(logged, keys):
    assert sum(n for _d, n, _c in dashboard(logged, NOW, tz=UTC, set_id="nope").reviews_per_day) == 0
    assert sum(n for _d, n, _c in dashboard(logged, NOW, tz=UTC, set_id="ketamine").reviews_per_day) == 7


def test_cache_follows_undo_new_days_and_deleted_history(logged, keys):
    a = keys[0]
    assert sum(r.reviews for r in day_rows(logged, NOW, UTC)) == 7
    assert logged.conn.execute("SELECT SUM(reviews) FROM dash_days").fetchone()[0] == 4  # before yesterday
    rid = add_review(logged, a, NOW - timedelta(minutes=5), True)
    assert dashboard(logged, NOW, tz=UTC).reviews_per_day[-1][1] == 3
    logged.undo_review(rid)
    assert dashboard(logged, NOW, tz=UTC).reviews_per_day[-1][1] == 2
    # Two days later: yesterday's and today's reviews are folded into the cache, nothing counted twice.
    later = NOW + timedelta(days=2)
    d = dashboard(logged, later, tz=UTC)
    assert logged.conn.execute("SELECT SUM(reviews) FROM dash_days").fetchone()[0] == 7
    assert sum(n for _d, n, _c in d.reviews_per_day) == 7 and d.current_streak == 0 and d.longest_streak == 3
    # History rewritten behind the cache's back: it notices and rebuilds.
    with logged.write():
        logged.conn.execute("DELETE FROM reviews WHERE reviewed_at < ?", ((NOW - timedelta(days=30)).timestamp(),))
    d = dashboard(logged, later, tz=UTC)
    assert sum(n for _d, n, _c in d.reviews_per_day) == 6 and "2026-01-21" not in d.heatmap
    # A review back-dated into the cached range is counted too.
    add_review(logged, a, NOW - timedelta(days=10), True)
    assert dashboard(logged, later, tz=UTC).heatmap["2026-02-20"] == 1


def test_a_purged_set_leaves_the_charts(logged):
    dashboard(logged, NOW, tz=UTC)
    logged.purge_set("ketamine")
    d = dashboard(logged, NOW, tz=UTC)
    assert d.heatmap == {} and d.current_streak == 0


def test_time_zone_moves_reviews_to_the_local_day(store, keys):
    add_review(store, keys[0], datetime(2026, 3, 1, 23, 0, tzinfo=UTC), True)
    assert dashboard(store, NOW, tz=UTC).heatmap == {"2026-03-01": 1}
    tokyo = timezone(timedelta(hours=9))  # 08:00 on March 2nd there
    assert dashboard(store, NOW, tz=tokyo).heatmap == {"2026-03-02": 1}


def test_stats_json_keeps_its_keys_and_adds_the_dashboard(logged):
    out = compute_stats(logged, NOW, tz=UTC).to_json()
    for key in ("reviews_total", "reviews_today", "accuracy", "per_topic", "due_now", "due_tomorrow", "streak_days",
                "retention", "longest_streak_days"):
        assert key in out
    assert out["reviews_total"] == 7
    dash = out["dashboard"]
    assert dash["current_streak"] == 3 and dash["reviews_per_day"][-1] == {"day": "2026-03-02", "reviews": 2, "correct": 1}
    assert dash["retention"][0]["period"] == "Today" and dash["retention"][0]["young"] == 1.0
    assert len(dash["forecast"]) == 30
    json.dumps(out)  # plain JSON throughout


def test_summer_reviews_fall_on_their_local_day_when_looked_at_in_winter(store, keys):
    """Berlin: 04:30 in July is 02:30 UTC (summer time, +2); with winter's +1 it would read 03:30, before the
    4 am rollover, and land on the day before."""
    from zoneinfo import ZoneInfo

    from ketaquiz.core.stats import review_days

    berlin = ZoneInfo("Europe/Berlin")
    add_review(store, keys[0], datetime(2025, 7, 10, 2, 30, tzinfo=UTC), True)  # 04:30 CEST: July 10th
    add_review(store, keys[0], datetime(2025, 7, 11, 1, 30, tzinfo=UTC), True)  # 03:30 CEST: still July 10th
    add_review(store, keys[0], datetime(2025, 12, 1, 2, 30, tzinfo=UTC), True)  # 03:30 CET: November 30th
    winter = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    d = dashboard(store, winter, tz=berlin, days=365)
    assert d.heatmap == {"2025-07-10": 2, "2025-11-30": 1}
    assert review_days(store, berlin) == {date(2025, 7, 10).toordinal(), date(2025, 11, 30).toordinal()}
    # the cache built in winter holds when looked at again in summer (and after another day's reviews)
    add_review(store, keys[1], datetime(2026, 6, 1, 2, 30, tzinfo=UTC), True)  # 04:30 CEST: June 1st
    summer = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)
    assert dashboard(store, summer, tz=berlin, days=365).heatmap == {"2025-07-10": 2, "2025-11-30": 1, "2026-06-01": 1}


def test_forecast_counts_questions_due_across_a_clock_change_on_their_local_day(store, keys):
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)  # a Friday; summer time starts on Sunday the 29th
    # 04:30 CEST on Monday the 30th is 02:30 UTC: with Friday's +1 it would read 03:30, Sunday's day
    store.conn.execute("UPDATE cards SET state = 2, due = ? WHERE question = ?",
                       (datetime(2026, 3, 30, 2, 30, tzinfo=UTC).timestamp(), keys[0]))
    f = dict(forecast(store, now, days=7, tz=berlin))
    assert f["2026-03-30"] == 1 and f["2026-03-29"] == 0


def test_day_shifts_find_each_clock_change_to_the_second():
    from zoneinfo import ZoneInfo

    from ketaquiz.core.clock import day_shifts, shift_at

    berlin = ZoneInfo("Europe/Berlin")
    lo, hi = datetime(2025, 1, 1, tzinfo=UTC).timestamp(), datetime(2026, 12, 31, tzinfo=UTC).timestamp()
    shifts = day_shifts(berlin, lo, hi)
    changes = [datetime.fromtimestamp(start, UTC) for start, _ in shifts[1:]]
    assert changes == [datetime(2025, 3, 30, 1, tzinfo=UTC), datetime(2025, 10, 26, 1, tzinfo=UTC),
                       datetime(2026, 3, 29, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, tzinfo=UTC)]
    for start, shift in shifts[1:]:
        assert shift_at(start, berlin) == shift and shift_at(start - 1, berlin) != shift
    assert day_shifts(UTC, lo, hi) == [(float("-inf"), -4 * 3600.0)]


def test_the_local_zone_follows_summer_time(monkeypatch):
    """local_tz() is the system's zone with its changes, not today's fixed offset."""
    import time
    from zoneinfo import ZoneInfo

    from ketaquiz.core.clock import day_start, local_tz

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        berlin, local = ZoneInfo("Europe/Berlin"), local_tz()
        for month in range(1, 13):
            for hour in (0, 1, 2, 3):  # around the changes, which happen at 01:00 UTC
                moment = datetime(2026, month, 29 if month != 2 else 28, hour, 30, tzinfo=UTC)
                assert moment.astimezone(local).utcoffset() == moment.astimezone(berlin).utcoffset()
                assert moment.astimezone(local).replace(tzinfo=None) == moment.astimezone(berlin).replace(tzinfo=None)
        july = datetime(2026, 7, 10, 12, tzinfo=UTC)
        assert day_start(july, local) == day_start(july, berlin) == datetime(2026, 7, 10, 2, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_hardest_counts_failures_while_learning_and_shows_the_prompt_as_seen(store, keys):
    """Issue 16: 11 failures of one question while it was still learning read "No lapses yet" (FSRS counts a lapse
    only when a review is forgotten), and a cloze showed its raw {{markup}}."""
    cloze = next(k for k, q in store.questions("ketamine") if q.type == "cloze")
    for i in range(11):
        add_review(store, cloze, NOW - timedelta(minutes=60 - i), False)
    with store.db.atomic():
        store.conn.execute("UPDATE cards SET state = 1, lapses = 0, reps = 11, stability = 0.1, last_review = ?, "
                           "due = ? WHERE question = ?", (NOW.timestamp() - 600, NOW.timestamp(), cloze))
    [h] = hardest(store, NOW)
    assert h.key == cloze and h.lapses == 11
    assert "{{" not in h.prompt and "_____" in h.prompt
