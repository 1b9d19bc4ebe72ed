"""Store, scheduling and the study session: sync, ratings, queue order, topic filter, undo."""

import json
import shutil
from datetime import timedelta
from pathlib import Path
from random import Random

import pytest
from fsrs import Rating

from ketaquiz.core.scheduling import NEW, Settings, rating_for
from ketaquiz.core.session import StudySession
from ketaquiz.core.setfile import read_set, write_set
from ketaquiz.core.stats import compute_stats
from ketaquiz.core.store import SCHEMA_VERSION, Store, StoreError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini(tmp_path, memory_store):
    for name in ("mini.toml", "mini.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    qset = read_set(tmp_path / "mini.toml")
    memory_store.sync_set(qset)
    return qset


def disk_store_with_mini(tmp_path, clock):
    """A store in a file (not in memory), with the mini set loaded."""
    for name in ("mini.toml", "mini.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    st = Store(tmp_path / "p.db", clock=clock)
    st.sync_set(read_set(tmp_path / "mini.toml"))
    return st


def session(store, clock, rng, **kw):
    return StudySession(store, clock=clock, rng=rng, settings=Settings(fuzz=False), **kw)


def answer_right(s):
    q = s.current
    resp = {"short": q.answer, "choice": q.answer, "truefalse": q.answer, "cloze": q.correct_answer,
            "multi": q.answer, "order": q.items}[q.type]
    return s.submit(resp)


def test_rating_map():
    assert rating_for(False) == Rating.Again
    assert rating_for(False, "easy") == Rating.Again
    assert rating_for(True) == Rating.Good
    assert rating_for(True, "unsure") == Rating.Hard
    assert rating_for(True, "easy") == Rating.Easy


def test_schema_version_and_pragmas(tmp_path):
    st = Store(tmp_path / "p.db")
    assert st.schema_version() == SCHEMA_VERSION
    assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert st.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    st.close()


def test_version_1_database_upgrades_and_keeps_progress(tmp_path, clock, rng):
    st = disk_store_with_mini(tmp_path, clock)
    s = session(st, clock, rng)
    answer_right(s)
    counts = st.topic_counts(clock())
    queue_as_before_v8(st)
    # as a version-1 database was: no Scores cache tables, no card counts
    for table in ("dash_days", "dash_meta", "card_counts"):
        st.conn.execute(f"DROP TABLE {table}")
    for trigger in ("card_counts_insert", "card_counts_delete", "card_counts_update"):
        st.conn.execute(f"DROP TRIGGER {trigger}")
    st.conn.execute("CREATE INDEX questions_set_topic ON questions(set_id, topic, position)")
    st.conn.execute("CREATE INDEX cards_due ON cards(due) WHERE state > 0")
    st.conn.execute("CREATE INDEX reviews_session ON reviews(session)")
    st.conn.execute("ALTER TABLE sets DROP COLUMN file_stat")  # files known by their hash alone
    # totals kept by a trigger on every answer, with no mark of how far they count
    st.catch_up()
    st.conn.execute("DROP TABLE review_totals_upto")
    st.conn.execute(
        "CREATE TRIGGER reviews_total_insert AFTER INSERT ON reviews BEGIN "
        "INSERT INTO review_totals (set_id, topic, reviews, correct, learned_reviews, learned_correct) "
        "VALUES (NEW.set_id, NEW.topic, 1, NEW.correct, NEW.state_before = 2, NEW.state_before = 2 AND NEW.correct) "
        "ON CONFLICT (set_id, topic) DO UPDATE SET reviews = reviews + 1, correct = correct + excluded.correct, "
        "learned_reviews = learned_reviews + excluded.learned_reviews, "
        "learned_correct = learned_correct + excluded.learned_correct; END"
    )
    link_reviews_to_questions(st)  # v1's log held a foreign key to its questions, with an index
    st.conn.execute("PRAGMA user_version = 1")
    st.close()
    st = Store(tmp_path / "p.db", clock=clock)
    assert st.schema_version() == SCHEMA_VERSION == 8
    assert st.is_synced(tmp_path / "mini.toml")  # by its hash, as before
    triggers = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "reviews_total_insert" not in triggers  # v5: answers no longer write the totals
    indexes = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    # v3, v4, v7 and v8 drop only these five
    assert not indexes & {"questions_set_topic", "cards_due", "reviews_session", "reviews_question", "cards_topic"}
    assert {"cards_queue", "cards_new", "reviews_time"} <= indexes
    assert [fk[2] for fk in st.conn.execute("PRAGMA foreign_key_list(reviews)")] == ["sessions"]
    assert st.integrity_check() == "ok"
    assert st.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1
    assert st.topic_counts(clock()) == counts  # card counts filled from the cards
    s2 = session(st, clock, rng)
    answer_right(s2)  # counted by the next reader, once: the one before was counted by the old trigger
    assert compute_stats(st, clock()).reviews_total == 2
    from ketaquiz.core.dashboard import dashboard

    clock.advance(days=2)  # the answer is now folded into the per-day cache
    assert sum(n for _day, n, _right in dashboard(st, clock()).reviews_per_day) == 2
    assert st.conn.execute("SELECT SUM(reviews) FROM dash_days").fetchone()[0] == 2
    st.close()


def queue_as_before_v8(st: Store) -> None:
    """Take out queue_due and its index, and put back cards_topic, as before schema v8."""
    st.conn.execute("DROP INDEX cards_queue")
    st.conn.execute("ALTER TABLE cards DROP COLUMN queue_due")
    st.conn.execute("CREATE INDEX cards_topic ON cards(set_id, topic, retired, state, due)")


def link_reviews_to_questions(st: Store, key: str = " REFERENCES questions(key) ON DELETE CASCADE") -> None:
    """Put back the log's foreign key to its questions (`key` as written) and its index, as before schema v7."""
    c = st.conn
    sql = c.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reviews'").fetchone()[0]
    assert "question INTEGER NOT NULL," in sql
    version = c.execute("PRAGMA schema_version").fetchone()[0]
    c.execute("PRAGMA writable_schema = ON")
    c.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'reviews'",
              (sql.replace("question INTEGER NOT NULL,", f"question INTEGER NOT NULL{key},"),))
    c.execute(f"PRAGMA schema_version = {version + 1}")
    c.execute("PRAGMA writable_schema = OFF")
    c.execute("CREATE INDEX reviews_question ON reviews(question, reviewed_at)")


def test_version_6_log_loses_its_question_key_and_index_and_keeps_every_answer(tmp_path, clock, rng):
    st = disk_store_with_mini(tmp_path, clock)
    s = session(st, clock, rng)
    answer_right(s)
    s.advance()
    s.submit(None)  # a wrong one too
    log = st.conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    link_reviews_to_questions(st)
    queue_as_before_v8(st)
    st.conn.execute("PRAGMA user_version = 6")
    st.close()
    st = Store(tmp_path / "p.db", clock=clock)
    assert st.schema_version() == SCHEMA_VERSION
    assert [fk[2] for fk in st.conn.execute("PRAGMA foreign_key_list(reviews)")] == ["sessions"]
    indexes = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "reviews_question" not in indexes and "reviews_time" in indexes
    assert st.integrity_check() == "ok"
    assert st.conn.execute("SELECT * FROM reviews ORDER BY id").fetchall() == log
    st.purge_set("mini")  # with no key to cascade along, the set's answers still go with it
    assert st.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    assert st.integrity_check() == "ok"
    st.close()


def test_version_6_log_with_a_key_written_otherwise_keeps_it_and_its_index(tmp_path, clock, rng):
    st = disk_store_with_mini(tmp_path, clock)
    answer_right(session(st, clock, rng))
    link_reviews_to_questions(st, " references questions (key) on delete cascade")
    queue_as_before_v8(st)
    st.conn.execute("PRAGMA user_version = 6")
    st.close()
    st = Store(tmp_path / "p.db", clock=clock)
    assert st.schema_version() == SCHEMA_VERSION
    assert {fk[2] for fk in st.conn.execute("PRAGMA foreign_key_list(reviews)")} == {"questions", "sessions"}
    assert st.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reviews_question'").fetchone()  # the key's index
    st.purge_set("mini")
    assert st.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    st.close()


def test_newer_schema_is_refused_with_advice_and_left_as_it_is(tmp_path):
    db = tmp_path / "p.db"
    st = Store(db)
    st.conn.execute("PRAGMA journal_mode = DELETE")  # as a newer KetaQuiz might keep it: opening must not turn on WAL
    st.conn.execute("PRAGMA user_version = 99")
    st.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="written by a newer KetaQuiz .*nothing was changed. Upgrade KetaQuiz") as e:
        Store(db)
    assert e.value.kind == "newer"
    assert db.read_bytes() == before
    assert not (tmp_path / "p.db-wal").exists()


def test_new_questions_come_in_article_order(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    assert [memory_store.question(k).id for k in reversed(s._queue)] == ["m1", "m2", "o2"]
    assert s.current.id == "o1"


def test_topic_filter(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng, set_id="mini", topics=["making"])
    seen = []
    while not s.finished and len(seen) < 2:
        seen.append(s.current.id)
        answer_right(s)
        s.advance()
    assert seen == ["m1", "m2"]


def test_answer_is_recorded_with_card_state_and_log(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    clock.advance(seconds=7)
    fb = s.submit("caffeine")
    assert fb.correct
    row = memory_store.conn.execute(
        "SELECT rating, correct, response, duration_ms, state_before, topic FROM reviews").fetchone()
    assert row == (3, 1, '"caffeine"', 7000, NEW, "overview")
    card = memory_store.card(memory_store.question_key("mini", "o1"))
    assert card.state == 1 and card.reps == 1 and card.due == (clock() + timedelta(minutes=10)).timestamp()


def test_wrong_answer_is_again_and_dont_know_is_wrong(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    assert not s.submit(None).correct
    assert memory_store.conn.execute("SELECT rating, correct FROM reviews").fetchone() == (1, 0)


def test_unsure_and_easy_rerate_the_answer(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    s.submit("caffeine")
    s.mark("easy")
    key = memory_store.question_key("mini", "o1")
    assert memory_store.conn.execute("SELECT rating FROM reviews").fetchone() == (4,)
    easy_card = memory_store.card(key)
    assert easy_card.state == 2  # Easy graduates a new card straight to review
    s.mark("unsure")
    assert memory_store.conn.execute("SELECT rating FROM reviews").fetchone() == (2,)
    assert memory_store.card(key).due < easy_card.due
    assert memory_store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone() == (1,)


def test_undo_restores_card_and_removes_log_row(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    key = memory_store.question_key("mini", "o1")
    before = memory_store.card(key)
    s.submit("caffeine")
    s.advance()
    assert s.current.id == "m1"
    assert s.undo().id == "o1"
    assert memory_store.card(key) == before
    assert memory_store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone() == (0,)
    s.close()
    assert memory_store.conn.execute("SELECT answered FROM sessions").fetchone() == (0,)
    answer_right(s)
    s.advance()
    assert s.current.id == "m1"  # the question that was on screen comes next again


def test_due_reviews_first_lowest_retrievability_first(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    for _ in range(4):  # learn all four, each marked easy so they become review cards
        answer_right(s)
        s.mark("easy")
        s.advance()
    keys = {q: memory_store.question_key("mini", q) for q in ("o1", "m1", "m2", "o2")}
    # Make m2 the weakest memory and o1 the next weakest, both overdue.
    with memory_store.write():
        for q, stab in (("m2", 0.5), ("o1", 2.0)):
            memory_store.conn.execute(
                "UPDATE cards SET stability = ?, due = ?, queue_due = ? WHERE question = ?",
                (stab, clock().timestamp(), clock().timestamp(), keys[q]))
    clock.advance(days=1)
    s2 = session(memory_store, clock, rng)
    order = []
    while not s2.finished and len(order) < 2:
        order.append(s2.current.id)
        answer_right(s2)
        s2.advance()
    assert order == ["m2", "o1"]


def test_sync_keeps_progress_after_edit_and_retires_removed(tmp_path, mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng)
    s.submit("caffeine")
    key = memory_store.question_key("mini", "o1")
    state = memory_store.card(key)
    qset = read_set(tmp_path / "mini.toml")
    qset.questions[0].prompt = "Which stimulant is in coffee?"
    qset.questions = [q for q in qset.questions if q.id != "m2"]
    write_set(qset)
    result = memory_store.sync_set(read_set(tmp_path / "mini.toml"))
    assert (result.updated, result.retired, result.added) == (2, 1, 0)  # o1 edited, o2 moved up
    assert memory_store.question_key("mini", "o1") == key
    assert memory_store.card(key) == state
    assert memory_store.question(key).prompt == "Which stimulant is in coffee?"
    assert [q.id for _, q in memory_store.questions("mini")] == ["o1", "m1", "o2"]
    assert memory_store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone() == (1,)
    # Unchanged file: nothing to do.
    assert memory_store.sync_set(read_set(tmp_path / "mini.toml")).skipped


def test_new_per_day_limit(mini, memory_store, clock, rng):
    memory_store.save_settings(Settings(new_per_day=2, fuzz=False))
    s = StudySession(memory_store, clock=clock, rng=rng)
    assert s.planned == 2


def test_session_limit_and_summary(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng, limit=2)
    answer_right(s)
    s.advance()
    s.submit(None)
    assert s.advance() is None
    summary = s.summary()
    assert (summary.answered, summary.correct) == (2, 1)
    assert {t: (v.answered, v.correct) for t, v in summary.per_topic.items()} == {"overview": (1, 1), "making": (1, 0)}
    assert summary.next_due is not None


def test_wrong_question_returns_in_the_same_session(mini, memory_store, clock, rng):
    s = session(memory_store, clock, rng, set_id="mini", topics=["overview"])
    first = s.current.id
    s.submit(None)
    s.advance()
    answer_right(s)
    s.advance()
    clock.advance(minutes=2)
    assert s.current is not None and s.current.id == first


def test_every_answer_is_one_transaction(mini, memory_store, clock, rng):
    statements = []
    memory_store.conn.set_trace_callback(statements.append)
    s = session(memory_store, clock, rng)
    statements.clear()
    s.submit("caffeine")
    writes = [x for x in statements if x.split()[0].upper() in ("UPDATE", "INSERT", "BEGIN", "COMMIT")]
    assert writes[0].startswith("BEGIN") and writes[-1] == "COMMIT"
    assert sum(w.startswith("BEGIN") for w in writes) == 1
    json.dumps(writes)


def brute_counts(store, now):
    out = {}
    for sid, topic, state, due in store.conn.execute(
            "SELECT c.set_id, c.topic, c.state, c.due FROM cards c JOIN sets s ON s.id = c.set_id "
            "WHERE c.retired = 0 AND s.deleted = 0"):
        c = out.setdefault((sid, topic), {"new": 0, "learning": 0, "due": 0, "learned": 0, "total": 0})
        c["total"] += 1
        c["new"] += state == 0
        c["learning"] += state in (1, 3)
        c["learned"] += state == 2
        c["due"] += state > 0 and due <= now.timestamp()
    return out


def test_an_answer_is_scheduled_from_the_card_as_saved_when_answered(tmp_path, clock, rng):
    """The card is read under the answer's write lock: if another program answered it after it was shown here,
    this answer builds on that one (and its undo goes back to it), and the counts follow the state it changed."""
    st = disk_store_with_mini(tmp_path, clock)
    t = clock().timestamp()
    with st.write():  # every question a review, due now
        st.conn.execute("UPDATE cards SET state = 2, stability = 10, difficulty = 5, due = ?, queue_due = ?, last_review = ?, "
                        "reps = 3", (t - 3600, t - 3600, t - 11 * 86400))
    s = session(st, clock, rng)
    shown = s.current_key
    other = Store(tmp_path / "p.db", clock=clock)  # another program: the card is answered wrong there, it lapses
    o = session(other, clock, rng, keys=[shown])
    o.submit(None)
    o.close()
    other.close()
    lapsed = st.card(shown)
    assert (lapsed.state, lapsed.reps, lapsed.lapses) == (3, 4, 1)
    clock.advance(minutes=1)
    answer_right(s)  # relearning answered right: a review again, its lapse kept
    assert (st.card(shown).state, st.card(shown).reps, st.card(shown).lapses) == (2, 5, 1)
    assert st.conn.execute("SELECT state_before FROM reviews WHERE id = ?", (s.feedback.review_id,)).fetchone()[0] == 3
    assert st.topic_counts(clock()) == brute_counts(st, clock())
    s.undo()  # back to the card as the other program left it
    assert st.card(shown) == lapsed
    assert st.topic_counts(clock()) == brute_counts(st, clock())
    answer_right(s)
    s.advance()
    answer_right(s)  # and the usual case, with nothing changed elsewhere
    assert st.card(s.current_key).state == 2 and st.card(s.current_key).reps == 4
    assert st.topic_counts(clock()) == brute_counts(st, clock())
    st.close()


def test_a_lapse_is_a_review_answered_wrong(mini, memory_store, clock, rng):
    st = memory_store
    s = session(st, clock, rng)
    first = s.current_key
    s.submit(None)  # a new question answered wrong: learning again, not a lapse
    assert (st.card(first).state, st.card(first).reps, st.card(first).lapses) == (1, 1, 0)
    t = clock().timestamp()
    with st.write():
        st.conn.execute("UPDATE cards SET state = 2, step = NULL, stability = 10, difficulty = 5, due = ?, queue_due = ?, "
                        "last_review = ?, reps = 4, lapses = 1", (t - 60, t - 60, t - 11 * 86400))
    s = session(st, clock, rng)
    key = s.current_key
    s.submit(None)  # a review answered wrong: a lapse, relearning
    assert (st.card(key).state, st.card(key).reps, st.card(key).lapses) == (3, 5, 2)
    s.advance()
    other = s.current_key
    answer_right(s)  # a review answered right: no lapse
    assert (st.card(other).state, st.card(other).reps, st.card(other).lapses) == (2, 5, 1)


def test_topic_counts_follow_answers_edits_retirement_and_purge(mini, memory_store, clock, rng, tmp_path):
    st = memory_store
    s = session(st, clock, rng)
    for _ in range(3):
        answer_right(s)
        s.advance()
    assert st.topic_counts(clock()) == brute_counts(st, clock())
    clock.advance(days=30)
    assert st.topic_counts(clock()) == brute_counts(st, clock()) and any(
        c["due"] for c in st.topic_counts(clock()).values())
    # an edit moves one question to another topic and removes another (retired)
    qset = read_set(tmp_path / "mini.toml")
    moved, removed = qset.questions[0], qset.questions[-1]
    moved.topic = qset.questions[-2].topic
    qset.questions.remove(removed)
    st.sync_set(qset, force=True)
    assert st.topic_counts(clock()) == brute_counts(st, clock())
    assert sum(c["total"] for c in st.topic_counts(clock()).values()) == len(qset.questions)
    assert s.undo() is not None  # the card goes back to its state before the answer
    assert st.topic_counts(clock()) == brute_counts(st, clock())
    st.purge_set("mini")
    assert st.topic_counts(clock()) == {} == brute_counts(st, clock())
    assert st.conn.execute("SELECT COALESCE(SUM(n), 0) FROM card_counts").fetchone()[0] == 0


def test_due_queries_match_the_cards_they_describe(mini, memory_store, clock):
    """Due counts, due keys and the next due time, read group by group through cards_topic, agree with a
    plain filter over every card: across sets, topics, states, retired questions and a deleted set."""
    import random

    st = memory_store
    st.sync_set(read_set(Path(__file__).parent.parent / "questions" / "ketamine" / "set.toml"))
    now = clock().timestamp()
    rnd = random.Random(5)
    for (key,) in st.conn.execute("SELECT question FROM cards").fetchall():
        state = rnd.choice([0, 1, 2, 2, 3])
        due = None if state == 0 else now + rnd.uniform(-5, 5) * 86400
        st.conn.execute("UPDATE cards SET state = ?, due = ?, queue_due = ?, last_review = ?, stability = ?, retired = ? "
                        "WHERE question = ?",
                        (state, due, due, None if due is None else now - 86400, 1.0, int(rnd.random() < 0.1), key))
    cards = st.conn.execute("SELECT question, set_id, topic, state, due, retired FROM cards").fetchall()
    topics_of = {s: sorted({c[2] for c in cards if c[1] == s}) for s in ("mini", "ketamine")}
    scopes = [(None, None), ("mini", None), ("ketamine", None), ("ketamine", topics_of["ketamine"][:2]),
              ("mini", topics_of["mini"][:1])]

    def expected(at, set_id, topics, deleted=()):
        return {c[0] for c in cards if c[3] > 0 and not c[5] and c[1] not in deleted and c[4] <= at
                and (set_id is None or c[1] == set_id) and (not topics or c[2] in topics)}

    def expected_next(at, set_id, topics, deleted=()):
        later = [c[4] for c in cards if c[3] > 0 and not c[5] and c[1] not in deleted and c[4] > at
                 and (set_id is None or c[1] == set_id) and (not topics or c[2] in topics)]
        return min(later) if later else None

    for deleted in ((), ("mini",)):
        if deleted:
            st.conn.execute("UPDATE sets SET deleted = 1 WHERE id = 'mini'")
        for days in (-6, -1, 0, 2, 6):
            at = clock() + timedelta(days=days)
            for set_id, topics in scopes:
                want = expected(at.timestamp(), set_id, topics, deleted)
                assert st.due_count(at, set_id=set_id, topics=topics) == len(want)
                keys = st.due_keys(at, set_id=set_id, topics=topics)
                assert sorted(keys) == sorted(want)
                nxt = st.next_due_after(at, set_id=set_id, topics=topics)
                want_next = expected_next(at.timestamp(), set_id, topics, deleted)
                assert (nxt.timestamp() if nxt else None) == pytest.approx(want_next)
    assert len(expected(now, None, None)) > 10  # the comparison covered due cards, not just empty sets


def test_a_session_left_open_is_closed_at_its_last_answer_by_the_next(tmp_path, clock, rng):
    st = disk_store_with_mini(tmp_path, clock)
    crashed = session(st, clock, rng)
    answer_right(crashed)
    crashed.advance()
    clock.advance(seconds=30)
    crashed.submit(None)
    last_answer = clock().timestamp()
    # the process dies here: no close(); a day later the learner studies again
    clock.advance(days=1)
    from ketaquiz.core.dashboard import sessions

    assert [(r.answered, r.correct, r.ended_at) for r in sessions(st)] == [(2, 1, None)]
    session(st, clock, rng)
    row = st.conn.execute("SELECT ended_at, answered, correct FROM sessions WHERE id = ?", (crashed.session_id,)).fetchone()
    assert row == (pytest.approx(last_answer), 2, 1)
    st.close()


def test_after_purging_the_set_of_the_latest_answer_the_next_answers_are_counted(tmp_path, clock, rng):
    """A purge takes the set's totals whole and puts the totals' mark back no higher than the largest id left:
    the purged answers' ids are handed out again, and the answers that get them must still be counted."""
    st = disk_store_with_mini(tmp_path, clock)
    st.sync_set(read_set(Path(__file__).parent.parent / "questions" / "ketamine" / "set.toml"))

    def from_log():
        return {(s, t): (n, k) for s, t, n, k in st.conn.execute(
            "SELECT set_id, topic, COUNT(*), SUM(correct) FROM reviews GROUP BY 1, 2")}

    def totals():
        st.catch_up()
        return {(s, t): (n, k) for s, t, n, k in st.conn.execute(
            "SELECT set_id, topic, reviews, correct FROM review_totals WHERE reviews > 0")}

    a = session(st, clock, rng, set_id="ketamine")
    answer_right(a)
    a.advance()
    a.submit(None)
    b = session(st, clock, rng, set_id="mini")
    answer_right(b)
    b.advance()
    answer_right(b)  # the largest ids are the mini set's
    assert totals() == from_log()  # and the mark is at them
    st.purge_set("mini")
    assert totals() == from_log() and {k[0] for k in from_log()} == {"ketamine"}
    a.advance()
    answer_right(a)  # takes an id the purge freed
    a.advance()
    a.submit(None)
    assert totals() == from_log() and sum(n for n, _k in from_log().values()) == 4
    st.close()


def random_step(s, clock, pick):
    """Answer the question shown (right or wrong) if not answered yet, then undo it, re-rate it or move on; time passes."""
    if s.feedback is None:
        answer_right(s) if pick.random() < 0.7 else s.submit(None)
    roll = pick.random()
    if roll < 0.15 and s.can_undo:
        s.undo()  # the id of the answer undone is handed out again by the next one
    elif roll < 0.3 and s.feedback is not None and s.feedback.correct:
        s.mark(pick.choice(["unsure", "easy"]))
    else:
        s.advance()
    clock.advance(minutes=pick.choice([1, 10, 60 * 24]))


def test_review_totals_match_the_log_through_answers_undos_marks_and_a_purge(tmp_path, clock, rng):
    """The answer path leaves the totals to their readers (schema v5): at any read they equal a count of the log,
    whatever mix of answers, undos (which hand the undone id out again), marks and purges came before."""
    import random

    st = disk_store_with_mini(tmp_path, clock)
    st.sync_set(read_set(Path(__file__).parent.parent / "questions" / "ketamine" / "set.toml"))

    def from_log():
        return {(s, t): (n, k, ln, lk) for s, t, n, k, ln, lk in st.conn.execute(
            "SELECT set_id, topic, COUNT(*), SUM(correct), SUM(state_before = 2), SUM(state_before = 2 AND correct) "
            "FROM reviews GROUP BY 1, 2")}

    def totals():
        st.catch_up()
        return {(s, t): (n, k, ln, lk) for s, t, n, k, ln, lk in st.conn.execute(
            "SELECT set_id, topic, reviews, correct, learned_reviews, learned_correct FROM review_totals WHERE reviews > 0")}

    pick = random.Random(11)
    s = session(st, clock, rng)
    checks = 0
    for step in range(120):
        if s.current is None:
            clock.advance(days=3)
            s = session(st, clock, rng)
            if s.current is None:
                break
        random_step(s, clock, pick)
        if pick.random() < 0.25:
            assert totals() == from_log(), f"step {step}"
            checks += 1
    assert checks > 10 and sum(v[0] for v in from_log().values()) > 50
    s.close()
    st.purge_set("mini")  # its reviews go, counted ones taken out by the trigger
    assert totals() == from_log() and all(k[0] != "mini" for k in from_log())
    st.close()


def brute_due(store, at, set_id=None):
    """Keys of live answered questions due by `at`, and the first due after it, from every card's own due."""
    rows = store.conn.execute(
        "SELECT c.question, c.due FROM cards c JOIN sets s ON s.id = c.set_id "
        "WHERE c.retired = 0 AND s.deleted = 0 AND c.state > 0 AND (? IS NULL OR c.set_id = ?)", (set_id, set_id)).fetchall()
    later = [d for _k, d in rows if d > at.timestamp()]
    return {k for k, d in rows if d <= at.timestamp()}, min(later) if later else None


def assert_due_queries_match_the_cards(store, now, note=""):
    for at in (now, now + timedelta(minutes=30), now + timedelta(days=2)):
        assert store.topic_counts(at) == brute_counts(store, at), note
        for set_id in (None, "mini"):
            keys, first_later = brute_due(store, at, set_id)
            assert set(store.due_keys(at, set_id=set_id)) == keys, note
            assert store.due_count(at, set_id=set_id) == len(keys), note
            nxt = store.next_due_after(at, set_id=set_id)
            assert (nxt.timestamp() if nxt else None) == pytest.approx(first_later), note
    # caught up, the queue's copy of each card's due is the card's own (none for a question never answered)
    assert store.conn.execute(
        "SELECT COUNT(*) FROM cards WHERE queue_due IS NOT CASE WHEN state > 0 THEN due END").fetchone()[0] == 0, note


def test_an_answer_that_takes_an_undone_id_is_in_the_due_counts(tmp_path, clock, rng):
    """Answers leave the due index behind (schema v8) for the next reader to catch up from the log's ids. An undo
    hands its id out again: the answer that gets it after a catch-up must still be caught up."""
    st = disk_store_with_mini(tmp_path, clock)
    s = session(st, clock, rng)
    answer_right(s)
    undone = s.feedback.review_id
    assert_due_queries_match_the_cards(st, clock())  # caught up to that answer's id
    s.undo()
    clock.advance(minutes=1)
    s.submit(None)  # the same question again, answered wrong this time: due in minutes
    assert s.feedback.review_id == undone
    s.advance()
    answer_right(s)
    assert_due_queries_match_the_cards(st, clock())
    st.close()


def test_due_queries_match_the_cards_through_answers_undos_marks_another_program_and_a_purge(tmp_path, clock, rng):
    """Whatever mix of answers (here and in another program on the same file), undos, re-ratings and a purge came
    before, the due counts, due keys and next due time agree with every card's own due."""
    import random

    st = disk_store_with_mini(tmp_path, clock)
    st.sync_set(read_set(Path(__file__).parent.parent / "questions" / "ketamine" / "set.toml"))
    other = Store(tmp_path / "p.db", clock=clock)
    pick = random.Random(3)
    s = session(st, clock, rng)
    o = session(other, clock, rng, set_id="mini")
    checks = 0
    for step in range(160):
        here = pick.random() < 0.7
        cur = s if here else o
        if cur.current is None:
            clock.advance(days=2)
            cur = session(st, clock, rng) if here else session(other, clock, rng, set_id="mini")
            s, o = (cur, o) if here else (s, cur)
            if cur.current is None:
                continue
        random_step(cur, clock, pick)
        if pick.random() < 0.2:
            assert_due_queries_match_the_cards(pick.choice([st, other]), clock(), f"step {step}")
            checks += 1
        if step == 100:
            o.close()
            st.purge_set("mini")  # the largest ids may be its answers: the ids are handed out again
            s = session(st, clock, rng)
    assert checks > 15
    assert_due_queries_match_the_cards(st, clock())
    assert st.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] > 40
    st.close()
    other.close()


def test_version_7_cards_get_their_queue_due_and_the_due_queries_agree(tmp_path, clock, rng):
    st = disk_store_with_mini(tmp_path, clock)
    s = session(st, clock, rng)
    answer_right(s)
    s.advance()
    s.submit(None)  # relearning, due in minutes
    s.advance()
    counts_before = st.topic_counts(clock() + timedelta(days=3))
    log = st.conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    queue_as_before_v8(st)
    st.conn.execute("PRAGMA user_version = 7")
    st.close()
    st = Store(tmp_path / "p.db", clock=clock)
    assert st.schema_version() == SCHEMA_VERSION
    indexes = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "cards_queue" in indexes and "cards_topic" not in indexes
    assert st.integrity_check() == "ok"
    assert st.conn.execute("SELECT * FROM reviews ORDER BY id").fetchall() == log
    assert st.topic_counts(clock() + timedelta(days=3)) == counts_before
    assert_due_queries_match_the_cards(st, clock())
    assert st.due_count(clock() + timedelta(minutes=30)) >= 1  # the relearning one
    st.close()


def test_fuzz_draws_from_the_generator_given_not_the_process_one(mini, memory_store, clock):
    """fsrs fuzzes intervals with the random module's shared generator; a session's comes from its own rng, so a
    session seeded alike schedules alike, and the shared generator is left alone."""
    import random as shared

    from ketaquiz.core.scheduling import CardState, make_scheduler, review

    now = clock()
    t = now.timestamp()
    before = CardState(2, None, 40.0, 5.0, t, t - 40 * 86400, 6, 0)  # a review whose next interval is weeks

    def due_with(seed):
        return review(make_scheduler(Settings(fuzz=True), Random(seed)), 1, before, Rating.Good, now).due

    state = shared.getstate()
    assert due_with(1) == due_with(1)
    assert len({due_with(seed) for seed in range(8)}) > 1  # fuzzed, by the seed
    # a session: the same seed gives the same schedule, and the shared generator is not drawn from
    st = memory_store
    with st.write():
        st.conn.execute("UPDATE cards SET state = 2, stability = 40, difficulty = 5, due = ?, queue_due = ?, last_review = ?, "
                        "reps = 6", (t - 60, t - 60, t - 40 * 86400))
    dues = []
    for _run in range(2):
        s = StudySession(st, clock=clock, rng=Random(9), settings=Settings(fuzz=True))
        key = s.current_key
        answer_right(s)
        dues.append(st.card(key).due)
        s.undo()
    assert dues[0] == dues[1]
    assert shared.getstate() == state
