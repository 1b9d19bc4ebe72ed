"""Statistics from a crafted review log with known answers."""

from datetime import datetime, timedelta, timezone

from ketaquiz.core.stats import compute_stats, longest_streak, streak_from_days

UTC = timezone.utc


def add_review(store, key, when, correct, state_before=0):
    set_id, qid, topic = store.question_ref(key)
    with store.write():
        store.conn.execute(
            "INSERT INTO reviews (question, set_id, topic, reviewed_at, rating, correct, state_before, card_before) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '[0, null, null, null, null, null, 0, 0]')",
            (key, set_id, topic, when.timestamp(), 3 if correct else 1, int(correct), state_before),
        )


def test_known_log(store, clock):
    now = clock()  # 2026-03-02 09:00 UTC
    keys = [k for k, _q in store.questions("ketamine")]
    topic = {k: store.question_ref(k)[2] for k in keys}
    a, b = keys[0], next(k for k in keys if topic[k] != topic[keys[0]])
    # Three days in a row ending today, a gap, then two older days in a row.
    for days_ago, key, correct, before in [
        (0, a, True, 2), (0, b, False, 0), (1, a, True, 2), (2, b, True, 2), (2, a, False, 2), (5, a, True, 0), (6, b, True, 0),
    ]:
        add_review(store, key, now - timedelta(days=days_ago, hours=1), correct, before)
    st = compute_stats(store, now, tz=UTC)
    assert st.reviews_total == 7
    assert st.reviews_today == 2
    assert st.accuracy == 5 / 7
    assert st.per_topic[topic[a]].reviews == 4 and st.per_topic[topic[a]].accuracy == 3 / 4
    assert st.per_topic[topic[b]].reviews == 3 and st.per_topic[topic[b]].accuracy == 2 / 3
    assert st.retention == 3 / 4  # four reviews of learned questions, three right
    assert st.streak_days == 3
    assert st.extra["longest_streak_days"] == 3


def test_undo_updates_the_totals(store, clock):
    key = store.questions("ketamine")[0][0]
    add_review(store, key, clock(), True)
    rid = store.conn.execute("SELECT MAX(id) FROM reviews").fetchone()[0]
    store.undo_review(rid)
    st = compute_stats(store, clock(), tz=UTC)
    assert st.reviews_total == 0 and st.accuracy is None and st.per_topic == {}


def test_streak_counts_yesterday_when_today_is_empty():
    assert streak_from_days({10, 9, 8}, today=11) == 3
    assert streak_from_days({10, 9, 8}, today=12) == 0
    assert streak_from_days(set(), today=5) == 0
    assert longest_streak({1, 2, 3, 7, 8}) == 3


def test_day_rolls_over_at_4am_local(store):
    key = store.questions("ketamine")[0][0]
    add_review(store, key, datetime(2026, 3, 2, 3, 30, tzinfo=UTC), True)  # counts for March 1st
    st = compute_stats(store, datetime(2026, 3, 2, 10, tzinfo=UTC), tz=UTC)
    assert st.reviews_today == 0 and st.streak_days == 1
