"""The progress database's schema: its version, the scripts that build it, the forward migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 8
SUSPENDED = 2  # cards.retired: 0 in the queue, 1 retired (gone from its set file), 2 suspended


# The trigger statements that keep review_totals (schema v1, and v5's after it): a review taken out, or put in.
_TAKE_OUT_OLD = """\
    UPDATE review_totals SET
        reviews = reviews - 1,
        correct = correct - OLD.correct,
        learned_reviews = learned_reviews - (OLD.state_before = 2),
        learned_correct = learned_correct - (OLD.state_before = 2 AND OLD.correct)
    WHERE set_id = OLD.set_id AND topic = OLD.topic;
"""
_PUT_IN_NEW = """\
    INSERT INTO review_totals (set_id, topic, reviews, correct, learned_reviews, learned_correct)
    VALUES (NEW.set_id, NEW.topic, 1, NEW.correct, NEW.state_before = 2, NEW.state_before = 2 AND NEW.correct)
    ON CONFLICT (set_id, topic) DO UPDATE SET
        reviews = reviews + 1,
        correct = correct + excluded.correct,
        learned_reviews = learned_reviews + excluded.learned_reviews,
        learned_correct = learned_correct + excluded.learned_correct;
"""

_SCHEMA_V1 = f"""
CREATE TABLE sets (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    path TEXT,
    article_path TEXT,
    bundled INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    file_hash TEXT,
    synced_at REAL
);
CREATE TABLE topics (
    set_id TEXT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    section TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (set_id, id)
);
CREATE TABLE questions (
    key INTEGER PRIMARY KEY,
    set_id TEXT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    topic TEXT NOT NULL,
    type TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0,
    updated_at REAL,
    UNIQUE (set_id, id)
);
CREATE INDEX questions_set_topic ON questions(set_id, topic, position);
CREATE TABLE cards (
    question INTEGER PRIMARY KEY REFERENCES questions(key) ON DELETE CASCADE,
    -- set_id, topic, position and retired repeat the question's, so that the queue and the
    -- due counts read one table through one index (kept in step by sync_set).
    set_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    position INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 0,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due REAL,
    last_review REAL,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cards_due ON cards(due) WHERE state > 0;
CREATE INDEX cards_new ON cards(set_id, position) WHERE state = 0;
CREATE INDEX cards_topic ON cards(set_id, topic, retired, state, due);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started_at REAL NOT NULL,
    ended_at REAL,
    set_id TEXT,
    topics TEXT,
    answered INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    question INTEGER NOT NULL REFERENCES questions(key) ON DELETE CASCADE,
    set_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    session INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    reviewed_at REAL NOT NULL,
    rating INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    response TEXT,
    duration_ms INTEGER,
    state_before INTEGER NOT NULL,
    card_before TEXT NOT NULL
);
CREATE INDEX reviews_time ON reviews(reviewed_at);
CREATE INDEX reviews_question ON reviews(question, reviewed_at);
CREATE INDEX reviews_session ON reviews(session);
-- Running totals per topic, kept by triggers on reviews, so statistics need not scan the log.
CREATE TABLE review_totals (
    set_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    reviews INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    learned_reviews INTEGER NOT NULL DEFAULT 0,
    learned_correct INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (set_id, topic)
);
CREATE TRIGGER reviews_total_insert AFTER INSERT ON reviews BEGIN
{_PUT_IN_NEW}END;
CREATE TRIGGER reviews_total_delete AFTER DELETE ON reviews BEGIN
{_TAKE_OUT_OLD}END;
CREATE TRIGGER reviews_total_update AFTER UPDATE OF set_id, topic, correct, state_before ON reviews BEGIN
{_TAKE_OUT_OLD}{_PUT_IN_NEW}END;
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# v2: the Scores page's per-day totals (derived from the log, see dashboard.py; dropping them loses nothing).
# IF NOT EXISTS: databases opened by a pre-release Scores page already have them.
_SCHEMA_V2 = """
CREATE TABLE IF NOT EXISTS dash_days (
    day INTEGER NOT NULL,           -- learner day, as a date ordinal
    set_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    reviews INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    young INTEGER NOT NULL,
    young_correct INTEGER NOT NULL,
    mature INTEGER NOT NULL,
    mature_correct INTEGER NOT NULL,
    PRIMARY KEY (day, set_id, topic)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dash_meta (key TEXT PRIMARY KEY, value REAL NOT NULL);
-- Cards per (set, topic, retired, state), kept by triggers, so Home's counts need not scan every card:
-- only the due ones are counted on each call.
CREATE TABLE card_counts (
    set_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    retired INTEGER NOT NULL,
    state INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (set_id, topic, retired, state)
) WITHOUT ROWID;
INSERT INTO card_counts SELECT set_id, topic, retired, state, COUNT(*) FROM cards GROUP BY 1, 2, 3, 4;
CREATE TRIGGER card_counts_insert AFTER INSERT ON cards BEGIN
    INSERT INTO card_counts VALUES (NEW.set_id, NEW.topic, NEW.retired, NEW.state, 1)
    ON CONFLICT (set_id, topic, retired, state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER card_counts_delete AFTER DELETE ON cards BEGIN
    UPDATE card_counts SET n = n - 1
    WHERE set_id = OLD.set_id AND topic = OLD.topic AND retired = OLD.retired AND state = OLD.state;
END;
CREATE TRIGGER card_counts_update AFTER UPDATE OF set_id, topic, retired, state ON cards
WHEN OLD.state IS NOT NEW.state OR OLD.retired IS NOT NEW.retired OR OLD.topic IS NOT NEW.topic
     OR OLD.set_id IS NOT NEW.set_id BEGIN
    UPDATE card_counts SET n = n - 1
    WHERE set_id = OLD.set_id AND topic = OLD.topic AND retired = OLD.retired AND state = OLD.state;
    INSERT INTO card_counts VALUES (NEW.set_id, NEW.topic, NEW.retired, NEW.state, 1)
    ON CONFLICT (set_id, topic, retired, state) DO UPDATE SET n = n + 1;
END;
"""

# v3: questions_set_topic goes. No query needs it (cards carry their own set, topic and position for the
# queue; UNIQUE (set_id, id) serves lookups by set), and keeping it cost ~0.2 s of a 100k-question sync.
_SCHEMA_V3 = """
DROP INDEX IF EXISTS questions_set_topic;
"""

# v4: two indexes every answer had to write (about a fifth of each answer's commit) go. Due questions are read
# through cards_topic, one range per (set, topic, state) listed in card_counts; a session's answers through
# reviews_time, from the session's start on.
_SCHEMA_V4 = """
DROP INDEX IF EXISTS cards_due;
DROP INDEX IF EXISTS reviews_session;
"""

# v5: review_totals is no longer kept by a trigger on every answer (a page more for each answer's commit, ~10%
# of its time). It counts the reviews up to review_totals_upto.upto, and a reader first folds in the ones
# recorded since (Store.catch_up). A review taken out or changed that was counted already is still
# taken out of the totals by a trigger; ids are handed out again from the largest up (no AUTOINCREMENT), so
# deleting the largest counted one also moves the mark down to the largest id left.
_SCHEMA_V5 = f"""
CREATE TABLE IF NOT EXISTS review_totals_upto (upto INTEGER NOT NULL);
INSERT INTO review_totals_upto SELECT COALESCE(MAX(id), 0) FROM reviews WHERE NOT EXISTS (SELECT 1 FROM review_totals_upto);
DROP TRIGGER IF EXISTS reviews_total_insert;
DROP TRIGGER IF EXISTS reviews_total_delete;
DROP TRIGGER IF EXISTS reviews_total_update;
CREATE TRIGGER reviews_total_delete AFTER DELETE ON reviews
WHEN OLD.id <= (SELECT upto FROM review_totals_upto) BEGIN
{_TAKE_OUT_OLD}    UPDATE review_totals_upto SET upto = (SELECT COALESCE(MAX(id), 0) FROM reviews)
    WHERE upto > (SELECT COALESCE(MAX(id), 0) FROM reviews);
END;
CREATE TRIGGER reviews_total_update AFTER UPDATE OF set_id, topic, correct, state_before ON reviews
WHEN OLD.id <= (SELECT upto FROM review_totals_upto) BEGIN
{_TAKE_OUT_OLD}{_PUT_IN_NEW}END;
"""

# v6: a set file's (mtime, size, inode) when it was hashed, so that an unchanged file is known without reading
# it (every start and every reload of the library hashed every set file: ~30 ms for a 100k-question set).
_SCHEMA_V6 = """
ALTER TABLE sets ADD COLUMN file_stat TEXT;
"""

# v7: the log's link to its question is no longer a foreign key, and reviews_question goes with it. That index took
# one random page more in every answer's commit (~20 µs of an answer's ~300), and it served only the key: questions
# are deleted with their set only, and purge_set deletes the set's reviews by set_id first. What read the log by
# question (per-question counts, the optimiser) now groups or sorts the log instead.
_REVIEW_QUESTION_KEY = " REFERENCES questions(key) ON DELETE CASCADE"


def _unlink_reviews_from_questions(conn: sqlite3.Connection) -> None:
    """Schema v7: drop the foreign key, then its index.

    As SQLite's documentation does it for removing a foreign key constraint (ALTER TABLE, "making other kinds of
    table schema changes"): the table's CREATE text is edited in place, which leaves the stored rows as they are,
    where a rebuild would copy the whole log (~5 s for a million answers). A table whose text is not the one this
    code wrote keeps its key, and then its index too.
    """
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reviews'").fetchone()[0]
    if sql.count(_REVIEW_QUESTION_KEY) == 1:
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        try:
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'reviews'",
                         (sql.replace(_REVIEW_QUESTION_KEY, ""),))
            conn.execute(f"PRAGMA schema_version = {version + 1}")
        except sqlite3.DatabaseError:
            pass  # a build that refuses schema edits (SQLITE_DBCONFIG_DEFENSIVE): the key and its index stay
        finally:
            conn.execute("PRAGMA writable_schema = OFF")
    if not any(fk[2] == "questions" for fk in conn.execute("PRAGMA foreign_key_list(reviews)")):
        conn.execute("DROP INDEX IF EXISTS reviews_question")


# v8: the due queries read `queue_due`, a copy of `due` that the answer path leaves behind, through cards_queue
# (state is no longer in that index: a card that was never answered has no queue_due). Every answer used to move the
# card's entry in cards_topic: two random index pages more in its commit, ~15% of an answer. Now the answer writes the
# card's row alone, and whoever reads the due queries first brings queue_due up to due for the cards answered since
# review_totals_upto.upto, the mark the totals already keep (Store.catch_up). Every other writer of a card's schedule
# sets both (see _WRITE_CARD).
_SCHEMA_V8 = """
ALTER TABLE cards ADD COLUMN queue_due REAL;
UPDATE cards SET queue_due = due WHERE state > 0;
DROP INDEX IF EXISTS cards_topic;
CREATE INDEX cards_queue ON cards(set_id, topic, retired, queue_due);
"""

# Forward migrations: MIGRATIONS[n] takes a database at version n to n + 1 (a script, or a function of the connection).
MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
    0: _SCHEMA_V1, 1: _SCHEMA_V2, 2: _SCHEMA_V3, 3: _SCHEMA_V4, 4: _SCHEMA_V5, 5: _SCHEMA_V6,
    6: _unlink_reviews_from_questions, 7: _SCHEMA_V8,
}


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (CREATE TRIGGER bodies hold semicolons of their own)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
