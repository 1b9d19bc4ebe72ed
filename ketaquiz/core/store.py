"""The progress store: one SQLite database per profile, through sqlite-utils.

Every user action is one transaction, begun by `Store.write()` (BEGIN IMMEDIATE; nested work as savepoints).
The answer path uses plain SQL (it runs on every answer); the rest also uses sqlite-utils' table helpers.
An sqlite3 error leaves the store as a StoreError that says what it means.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import inspect
import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from .bulk import gc_paused
from .clock import Clock, day_start, utc_now
from .questions import Question, QuestionSet
from .scheduling import CardState, Settings
from .walcheckpoint import BACKSTOP_PAGES, WalCheckpointer

if TYPE_CHECKING:
    import sqlite_utils


def load_sqlite_utils() -> ModuleType:
    """Import sqlite-utils (once). Stores import it on first use of `Store.db`, off the app's start path."""
    # sqlite-utils imports numpy when installed (the generator's lemminflect needs it), only to store
    # numpy values, which KetaQuiz never writes. numpy costs ~150 ms, so it is kept out while
    # sqlite-utils loads; `import numpy` works as usual afterwards.
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        import sqlite_utils
    else:
        sys.modules["numpy"] = None  # type: ignore[assignment]
        try:
            import sqlite_utils
        finally:
            del sys.modules["numpy"]
    return sqlite_utils


SCHEMA_VERSION = 8
SUSPENDED = 2  # cards.retired: 0 in the queue, 1 retired (gone from its set file), 2 suspended

# One encoder for question data: compact, stable key order (so unchanged questions compare equal).


def _json_text(value: Any, *, sort_keys: bool = False) -> str:
    """Compact JSON, text unescaped, as json.dumps with those options writes it (so rows written before
    compare equal): a question's stored form (keys sorted), a response or a card state in the log.
    orjson: 10x faster on a 100k-question sync and on the answer path; json for what it refuses
    (e.g. a lone surrogate from an imported file)."""
    import orjson  # on first use (with uuid and platform under it, ~7 ms a start showing Home need not spend)

    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))


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


# A session's answers, read through reviews_time from the session's start (`sessions` in the outer query).
SESSION_REVIEWS = "FROM reviews WHERE reviewed_at >= sessions.started_at AND session = sessions.id"
# An unfinished session this old was left by a crash (or a machine put to sleep): the next one closes it.
STALE_SESSION = timedelta(hours=12)

# A card's whole schedule, in CardState.to_row()'s order: read, and written.
_READ_CARD = "SELECT state, step, stability, difficulty, due, last_review, reps, lapses FROM cards WHERE question = ?"
_SCHEDULE_BUT_STATE = "step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = ?, lapses = ?"
_SCHEDULE = f"state = ?, {_SCHEDULE_BUT_STATE}"
# Written by an answer, which leaves queue_due to Store.catch_up (schema v8)...
_ANSWER_CARD = f"UPDATE cards SET {_SCHEDULE} WHERE question = ?"
_ANSWER_CARD_SAME_STATE = f"UPDATE cards SET {_SCHEDULE_BUT_STATE} WHERE question = ?"
# ...and with queue_due kept in step (_card_params) by an undo or a re-rating.
_WRITE_CARD = f"UPDATE cards SET {_SCHEDULE}, queue_due = ? WHERE question = ?"

# The settings key counting answers taken out of the log on purpose (see Store.answer_tally).
_REMOVED = "answers_removed"

# Joins `cards c` to its group `k` (see Store._due_groups): one range of cards_queue.
_IN_GROUP = "c.set_id = k.set_id AND c.topic = k.topic AND c.retired = 0"


def _card_params(card: CardState, key: int) -> tuple[Any, ...]:
    """_WRITE_CARD's parameters: the schedule, its queue_due (none before a first answer), the question key."""
    return (*card.to_row(), card.due if card.state > 0 else None, key)


class StoreError(Exception):
    """A problem with the progress database, with what to do about it.

    `kind` says which, for the caller to choose its words and what to offer: "full" (the disk), "readonly",
    "busy" (another program held the write lock too long), "damaged", "newer" (a newer KetaQuiz wrote it),
    "io" (the disk failed), "missing" (a database that held answers is gone), or "error".
    """

    def __init__(self, message: str, *, kind: str = "error") -> None:
        super().__init__(message)
        self.kind = kind


# SQLite's primary result codes (an error's sqlite_errorcode & 0xFF) and the kind of StoreError each is.
_KINDS = {13: "full", 8: "readonly", 3: "readonly", 5: "busy", 6: "busy", 11: "damaged", 26: "damaged", 10: "io",
          14: "io"}


def store_error(e: sqlite3.Error, path: Path, *, busy_timeout: float = 10) -> StoreError:
    """A StoreError in words a learner can act on, for an sqlite3 error met on the database at `path`."""
    code = getattr(e, "sqlite_errorcode", None)
    kind = _KINDS.get(code & 0xFF, "error") if isinstance(code, int) else "error"
    if kind == "error" and type(e) is sqlite3.DatabaseError:
        kind = "damaged"  # "file is not a database", "malformed" raised without a code
    if kind == "full":
        message = (f"the disk holding {path.parent} is full: the last change was not saved (everything saved before it "
                   "is kept); free some space on that disk, then carry on")
    elif kind == "readonly":
        message = f"{path.parent} is read-only: KetaQuiz cannot save progress there ({e})"
    elif kind == "busy":
        message = (f"{path} stayed busy for {busy_timeout:g} s: another program (KetaQuiz's app or terminal quiz) "
                   "was writing to it; nothing was changed, try again")
    elif kind == "damaged":
        message = f"{path} is damaged ({e})"
    elif kind == "io":
        message = f"could not read or write {path} ({e}); check the disk it is on"
    else:
        message = f"{path}: {e}"
    return StoreError(message, kind=kind)


def _connect(path: str) -> sqlite3.Connection:
    """The store's connection: autocommit (transactions are Store.write's), usable from the thread that has the store."""
    return sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=Store.BUSY_TIMEOUT)


class _Write:
    """A write transaction (see Store.write): BEGIN IMMEDIATE, or a savepoint inside one already open."""

    __slots__ = ("store", "savepoint")

    def __init__(self, store: Store) -> None:
        self.store = store
        self.savepoint = ""

    def __enter__(self) -> sqlite3.Connection:
        c = self.store._conn
        try:
            if c.in_transaction:
                self.savepoint = f"write_{id(self):x}"
                c.execute(f"SAVEPOINT {self.savepoint}")
            else:
                c.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise self.store.error(e) from e
        return c

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, _tb: Any) -> bool:
        c, sp = self.store._conn, self.savepoint
        if typ is None:
            try:
                c.execute(f"RELEASE {sp}" if sp else "COMMIT")
                return False
            except sqlite3.Error as e:
                exc = e  # the commit failed (a full disk, say): rolled back below
        # SQLite may have rolled the whole transaction back already (it does on a full disk): a ROLLBACK then
        # fails with "no transaction is active", an error that would hide the one that matters.
        if c.in_transaction:
            try:
                c.execute(f"ROLLBACK TO {sp}" if sp else "ROLLBACK")
                if sp:
                    c.execute(f"RELEASE {sp}")
            except sqlite3.Error:
                pass
        if isinstance(exc, sqlite3.Error):
            raise self.store.error(exc) from exc
        if typ is None and exc is not None:
            raise exc
        return False


@dataclass(frozen=True)
class SyncResult:
    """What loading a set into the store changed."""

    added: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0
    skipped: bool = False  # the file had not changed since the last sync


@dataclass(frozen=True)
class SetInfo:
    id: str
    title: str
    path: str | None
    article_path: str | None
    bundled: bool
    deleted: bool


@dataclass(frozen=True)
class TopicInfo:
    set_id: str
    id: str
    title: str
    section: str


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


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# A file written this shortly before its stat was taken may change again within the clock's grain, unseen by the stat.
RACY_NS = 2_000_000_000


def file_stat(path: Path) -> str | None:
    """A file's "mtime:size:inode:now" (nanoseconds), to tell later that it has not changed; None if unreadable."""
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}:{time.time_ns()}"


def _unchanged_since(path: Path, recorded: str | None) -> bool:
    """True when `path` has the mtime, size and inode of `recorded` (file_stat's), and was written well before
    that record was taken (else a second write within the clock's grain could hide behind the same stat)."""
    if not recorded:
        return False
    try:
        st = path.stat()
        mtime, size, ino, taken = (int(x) for x in recorded.split(":"))
    except (OSError, ValueError):
        return False
    return (st.st_mtime_ns, st.st_size, st.st_ino) == (mtime, size, ino) and mtime < taken - RACY_NS


class Store:
    """The progress database of one learner (profile)."""

    BUSY_TIMEOUT = 10  # seconds a write waits for another program's write transaction to end
    # Set (to a sentence saying so) on a copy opened because the learner's folder is read-only (health.open_profile).
    read_only: str = ""

    def __init__(self, path: str | Path, *, clock: Clock = utc_now,
                 connect: Callable[[str], sqlite3.Connection] | None = None) -> None:
        """Open (and create, or bring up to this version) the database at `path`. `connect` opens the SQLite
        connection (tests pass one that fails as a full disk would); StoreError when it cannot be used."""
        self.path = Path(path)
        self.clock = clock
        memory = str(path) == ":memory:"
        self.checkpointer: WalCheckpointer | None = None
        try:
            if not memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot make the folder {self.path.parent}: {e.strerror}",
                             kind="readonly" if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM) else "io") from None
        try:
            conn = (connect or _connect)(str(path))
            self._conn = conn
            # SQLite answers "busy" at once, without waiting, while another program's first start switches a new
            # database to WAL or recovers its log: then the setting up is tried again, as a busy write would wait.
            deadline = time.monotonic() + self.BUSY_TIMEOUT
            while True:
                try:
                    self._set_up(memory)
                    break
                except (sqlite3.OperationalError, StoreError) as e:
                    busy = e.kind == "busy" if isinstance(e, StoreError) else self.error(e).kind == "busy"
                    if not busy or time.monotonic() > deadline:
                        raise
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    time.sleep(0.01)
        except sqlite3.Error as e:
            if hasattr(self, "_conn"):
                self._conn.close()
            raise self.error(e) from None
        except StoreError:
            self._conn.close()
            raise
        # Checkpoints off the writers' path (see walcheckpoint.py).
        self.checkpointer = WalCheckpointer(self.path) if not memory else None

    def _set_up(self, memory: bool) -> None:
        """Check the version, set the connection's pragmas, migrate."""
        conn = self._conn
        # Read before anything is written: a database from a newer KetaQuiz is left exactly as it is.
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer KetaQuiz (its schema is version {version}; this KetaQuiz "
                f"knows up to {SCHEMA_VERSION}): nothing was changed. Upgrade KetaQuiz to open it", kind="newer")
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
        conn.execute("PRAGMA synchronous = NORMAL")
        # As sqlite-utils sets it when it wraps the connection (lazily, see `db`): the same from the start.
        conn.execute("PRAGMA recursive_triggers = ON")
        self._migrate()

    def error(self, e: sqlite3.Error) -> StoreError:
        """`e` as a StoreError saying what it means for this database."""
        return store_error(e, self.path, busy_timeout=self.BUSY_TIMEOUT)

    def write(self) -> _Write:
        """The one way to write: ``with store.write() as conn:`` runs the block as one transaction that takes
        the write lock first (BEGIN IMMEDIATE: a read-then-write never meets "database is locked" when another
        program wrote meanwhile; it waits up to BUSY_TIMEOUT), or as a savepoint inside the caller's. Commits
        when the block ends, rolls back on an exception; an sqlite3 error comes out as a StoreError."""
        return _Write(self)

    @property
    def conn(self) -> sqlite3.Connection:
        """The plain connection: the answer path and every read use it with plain SQL."""
        return self._conn

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection: its table helpers, inside a `write()` block (they nest as savepoints)."""
        # Made on first use: importing sqlite-utils costs ~100 ms that the app's start does not need.
        return load_sqlite_utils().Database(self._conn, execute_plugins=False)  # no plugin hooks on our connection

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.conn.close()

    # --- schema -----------------------------------------------------------
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self.write():
            # Read again under the write lock: another program's first start may have migrated it meanwhile.
            version = self.schema_version()
            while version < SCHEMA_VERSION:
                step = MIGRATIONS[version]
                if callable(step):
                    step(self.conn)
                else:
                    for statement in _statements(step):
                        self.conn.execute(statement)
                version += 1
                self.conn.execute(f"PRAGMA user_version = {version}")

    def quick_check(self) -> str:
        """'ok' or the first problem SQLite's quick_check reports."""
        try:
            return str(self.conn.execute("PRAGMA quick_check").fetchone()[0])
        except sqlite3.DatabaseError as e:
            return str(e)

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def backup_to(self, dest: str | Path) -> Path:
        """A consistent copy of the live database through SQLite's backup API."""
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(dest))
        try:
            self.conn.backup(target)
            # A copy in rollback-journal mode: it is read without the -shm file WAL needs, so a backup can be
            # checked and restored on a full disk or from a read-only folder.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        return dest

    def answer_tally(self) -> int:
        """Answers ever recorded here: those in the log, and those taken out of it on purpose (undone, or purged
        with their set). It never goes down while the database keeps its history: a backup guard's measure."""
        return int(self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM reviews) + COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0)",
            (_REMOVED,),
        ).fetchone()[0])

    def _count_removed(self, n: int) -> None:
        """Add `n` answers taken out on purpose to the tally (inside the caller's write)."""
        if n:
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + excluded.value AS TEXT)",
                (_REMOVED, str(n)),
            )

    # --- settings ---------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with self.write():
            self.db["settings"].upsert({"key": key, "value": json.dumps(value)}, pk="key")

    def settings(self) -> Settings:
        return Settings.from_dict(self.get_setting("study", {}) or {})

    def save_settings(self, settings: Settings) -> None:
        settings.validate()
        self.set_setting("study", settings.to_dict())

    # --- sets -------------------------------------------------------------
    def sync_set(self, qset: QuestionSet, *, bundled: bool = False, force: bool = False) -> SyncResult:
        """Load a set: add new questions, update changed ones (progress kept), retire removed ones."""
        stat = file_stat(qset.path) if qset.path else None  # taken before the hash: a write after shows later
        digest = file_hash(qset.path) if qset.path and qset.path.exists() else None
        existing = self.conn.execute("SELECT file_hash, deleted FROM sets WHERE id = ?", (qset.id,)).fetchone()
        if not force and digest and existing and existing[0] == digest and not existing[1]:
            return SyncResult(skipped=True)
        now = self.clock().timestamp()
        added = updated = unchanged = 0
        with gc_paused(), self.write():
            self.db["sets"].upsert(
                {
                    "id": qset.id,
                    "title": qset.title,
                    "path": str(qset.path) if qset.path else None,
                    "article_path": str(qset.article_path()) if qset.article_path() else None,
                    "bundled": int(bundled),
                    "deleted": 0,
                    "file_hash": digest,
                    "file_stat": stat if digest else None,
                    "synced_at": now,
                },
                pk="id",
            )
            self.conn.execute("DELETE FROM topics WHERE set_id = ?", (qset.id,))
            topics = qset.topics or [
                _topic for _topic in _topics_from_questions(qset)
            ]
            self.conn.executemany(
                "INSERT INTO topics (set_id, id, title, section, position) VALUES (?, ?, ?, ?, ?)",
                [(qset.id, t.id, t.title, t.section or t.id, i) for i, t in enumerate(topics)],
            )
            old = {
                row[0]: (row[1], row[2], row[3], row[4], row[5], row[6])
                for row in self.conn.execute(
                    "SELECT id, key, data, topic, type, position, retired FROM questions WHERE set_id = ?", (qset.id,)
                )
            }
            new_rows = []
            seen: set[str] = set()
            for pos, q in enumerate(qset.questions):
                if q.id in seen:
                    continue
                seen.add(q.id)
                data = _json_text(q.to_dict(), sort_keys=True)
                if q.id in old:
                    key, odata, otopic, otype, opos, oretired = old[q.id]
                    if (odata, otopic, otype, opos, oretired) == (data, q.topic, q.type, pos, 0):
                        unchanged += 1
                        continue
                    self.conn.execute(
                        "UPDATE questions SET data = ?, topic = ?, type = ?, position = ?, retired = 0, updated_at = ? WHERE key = ?",
                        (data, q.topic, q.type, pos, now, key),
                    )
                    self.conn.execute(
                        # A suspended card stays suspended; a retired one comes back.
                        "UPDATE cards SET topic = ?, position = ?, retired = CASE retired WHEN ? THEN ? ELSE 0 END "
                        "WHERE question = ?", (q.topic, pos, SUSPENDED, SUSPENDED, key),
                    )
                    updated += 1
                else:
                    new_rows.append((qset.id, q.id, q.topic, q.type, pos, data, now))
            if new_rows:
                self.conn.executemany(
                    "INSERT INTO questions (set_id, id, topic, type, position, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new_rows,
                )
                self.conn.execute(
                    "INSERT INTO cards (question, set_id, topic, position) SELECT key, set_id, topic, position "
                    "FROM questions q WHERE set_id = ? AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.question = q.key)",
                    (qset.id,),
                )
                added = len(new_rows)
            gone = [old[qid][0] for qid in old if qid not in seen and not old[qid][5]]
            self.conn.executemany("UPDATE questions SET retired = 1, updated_at = ? WHERE key = ?", [(now, k) for k in gone])
            self.conn.executemany("UPDATE cards SET retired = 1 WHERE question = ?", [(k,) for k in gone])
        return SyncResult(added=added, updated=updated, retired=len(gone), unchanged=unchanged)

    def is_synced(self, path: Path) -> bool:
        """True when this set file is loaded and unchanged since (its contents hash the same)."""
        row = self.conn.execute("SELECT file_hash, file_stat FROM sets WHERE path = ? AND deleted = 0", (str(path),)).fetchone()
        if not (row and row[0]):
            return False
        if _unchanged_since(path, row[1]):
            return True  # the same file as hashed, unread
        stat = file_stat(path)
        if stat is None or row[0] != file_hash(path):
            return False
        if _unchanged_since(path, stat):  # read and found the same: its stat will do from now on (one statement,
            # its own transaction, in plain SQL: a start need not load sqlite-utils for it)
            with self.write() as c:
                c.execute("UPDATE sets SET file_stat = ? WHERE path = ? AND deleted = 0", (stat, str(path)))
        return True

    def sets(self, include_deleted: bool = False) -> list[SetInfo]:
        sql = "SELECT id, title, path, article_path, bundled, deleted FROM sets"
        if not include_deleted:
            sql += " WHERE deleted = 0"
        sql += " ORDER BY bundled DESC, title"
        return [SetInfo(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in self.conn.execute(sql)]

    def set_info(self, set_id: str) -> SetInfo | None:
        r = self.conn.execute(
            "SELECT id, title, path, article_path, bundled, deleted FROM sets WHERE id = ?", (set_id,)
        ).fetchone()
        return None if r is None else SetInfo(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]))

    def mark_set_deleted(self, set_id: str, deleted: bool = True) -> None:
        """Hide a set; its progress is kept until purge_set."""
        with self.write():
            self.conn.execute("UPDATE sets SET deleted = ?, file_hash = NULL, file_stat = NULL WHERE id = ?", (int(deleted), set_id))

    def purge_set(self, set_id: str) -> None:
        """Remove a set and all of its progress for good."""
        c = self.conn
        with self.write():
            # The log holds no foreign key to its questions (schema v7): its rows go by their set. The set's
            # totals go whole, so the totals' mark is lowered to 0 meanwhile: the trigger that takes each counted
            # answer out of them then has nothing to do (~1.5 s less for a million answers). Then the mark is put back,
            # no higher than the largest id left, since SQLite hands the ids above it out again.
            upto = c.execute("SELECT upto FROM review_totals_upto").fetchone()[0]
            c.execute("UPDATE review_totals_upto SET upto = 0")
            self._count_removed(c.execute("DELETE FROM reviews WHERE set_id = ?", (set_id,)).rowcount)
            c.execute("DELETE FROM review_totals WHERE set_id = ?", (set_id,))
            c.execute("UPDATE review_totals_upto SET upto = MIN(?, (SELECT COALESCE(MAX(id), 0) FROM reviews))", (upto,))
            c.execute("DELETE FROM sets WHERE id = ?", (set_id,))

    def topics(self, set_id: str) -> list[TopicInfo]:
        return [
            TopicInfo(set_id, r[0], r[1], r[2] or r[0])
            for r in self.conn.execute(
                "SELECT id, title, section FROM topics WHERE set_id = ? ORDER BY position", (set_id,)
            )
        ]

    # --- questions and cards ---------------------------------------------
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

    def answer_history(self) -> Iterator[tuple[int, int, float]]:
        """(question key, rating, reviewed_at) of every answer, by question, oldest first."""
        yield from self.conn.execute("SELECT question, rating, reviewed_at FROM reviews ORDER BY question, reviewed_at")

    def write_schedules(self, cards: list[tuple[int, CardState]]) -> None:
        """Set many cards' schedules (their due index too), in the caller's transaction or one of its own."""
        with self.write():
            self.conn.executemany(_WRITE_CARD, [_card_params(card, key) for key, card in cards])

    # --- the queue --------------------------------------------------------
    @staticmethod
    def _filter(set_id: str | None, topics: list[str] | None) -> tuple[str, list[Any]]:
        """SQL conditions on `cards c` for live questions of a set / topics."""
        if set_id is not None:
            sql = " AND c.retired = 0 AND c.set_id = ? AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
            args: list[Any] = [set_id]
        else:
            sql = " AND c.retired = 0 AND c.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
            args = []
        if topics:
            sql += f" AND c.topic IN ({','.join('?' * len(topics))})"
            args.extend(topics)
        return sql, args

    @staticmethod
    def _due_groups(set_id: str | None, topics: list[str] | None) -> tuple[str, list[Any]]:
        """A subquery of the (set, topic) groups with answered live questions, as `k`.

        Joined to cards by _IN_GROUP, each group is one range of the cards_queue index, so a condition on
        c.queue_due reads only the cards it matches. The callers catch up first (queue_due is behind `due` for
        the cards answered since).
        """
        sql = "k.retired = 0 AND k.state > 0 AND k.n > 0 AND k.set_id IN (SELECT id FROM sets WHERE deleted = 0)"
        args: list[Any] = []
        if set_id is not None:
            sql += " AND k.set_id = ?"
            args.append(set_id)
        if topics:
            sql += f" AND k.topic IN ({','.join('?' * len(topics))})"
            args.extend(topics)
        return f"(SELECT DISTINCT k.set_id, k.topic FROM card_counts k WHERE {sql}) k", args

    def due_keys(self, now: datetime, *, set_id: str | None = None, topics: list[str] | None = None,
                 limit: int | None = None) -> list[int]:
        """Questions due by `now`, lowest retrievability first (most elapsed time per unit of stability)."""
        self.catch_up()
        groups, args = self._due_groups(set_id, topics)
        t = now.timestamp()
        sql = (
            f"SELECT c.question FROM {groups} CROSS JOIN cards c ON {_IN_GROUP} WHERE c.queue_due <= ? "
            "ORDER BY (? - c.last_review) / MAX(c.stability, 1e-9) DESC, c.due, c.position"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [int(r[0]) for r in self.conn.execute(sql, [*args, t, t])]

    def new_keys(self, *, set_id: str | None = None, topics: list[str] | None = None, limit: int | None = None) -> list[int]:
        """Questions never answered, in article order."""
        where, args = self._filter(set_id, topics)
        sql = (
            f"SELECT c.question FROM cards c WHERE c.state = 0{where} ORDER BY c.set_id, c.position"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [int(r[0]) for r in self.conn.execute(sql, args)]

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

    def topic_counts(self, now: datetime, set_id: str | None = None) -> dict[tuple[str, str], dict[str, int]]:
        """(set, topic) → {new, learning, learned, due, total} for every live question: new + learning (learning or
        relearning) + learned (in review) = total; due (now) is any of the last two."""
        self.catch_up()
        sql = (
            "SELECT k.set_id, k.topic, k.state, k.n FROM card_counts k JOIN sets s ON s.id = k.set_id "
            "WHERE k.retired = 0 AND k.n > 0 AND s.deleted = 0"
        )
        args: list[Any] = []
        if set_id is not None:
            sql += " AND k.set_id = ?"
            args.append(set_id)
        out: dict[tuple[str, str], dict[str, int]] = {}
        answered: set[tuple[str, str]] = set()
        for sid, topic, state, n in self.conn.execute(sql, args):
            c = out.setdefault((sid, topic), {"new": 0, "learning": 0, "due": 0, "learned": 0, "total": 0})
            c["total"] += n
            if state == 0:
                c["new"] += n
            else:
                c["learned" if state == 2 else "learning"] += n
                answered.add((sid, topic))
        # Each (set, topic) is one range of the cards_queue index: only due cards are read.
        ts = now.timestamp()
        for sid, topic in answered:
            out[(sid, topic)]["due"] = self.conn.execute(
                "SELECT COUNT(*) FROM cards WHERE set_id = ? AND topic = ? AND retired = 0 AND queue_due <= ?",
                (sid, topic, ts),
            ).fetchone()[0]
        return out

    def next_due_after(self, now: datetime, *, set_id: str | None = None, topics: list[str] | None = None) -> datetime | None:
        """When the next question (of a set / topics) falls due after `now`."""
        self.catch_up()
        groups, args = self._due_groups(set_id, topics)
        # The first due after `now` of each group is one seek in cards_queue.
        row = self.conn.execute(
            f"SELECT MIN((SELECT MIN(c.queue_due) FROM cards c WHERE {_IN_GROUP} AND c.queue_due > ?)) FROM {groups}",
            [now.timestamp(), *args],
        ).fetchone()
        return datetime.fromtimestamp(row[0], now.tzinfo) if row and row[0] is not None else None

    def due_count(self, by: datetime, *, set_id: str | None = None, topics: list[str] | None = None) -> int:
        """How many answered questions are due by a time."""
        self.catch_up()
        groups, args = self._due_groups(set_id, topics)
        return int(self.conn.execute(
            f"SELECT COUNT(*) FROM {groups} CROSS JOIN cards c ON {_IN_GROUP} WHERE c.queue_due <= ?",
            [*args, by.timestamp()],
        ).fetchone()[0])

    def review_load(self, now: datetime, days: int, tz: tzinfo | None = None) -> dict[int, int]:
        """Learner day (date ordinal) → answered questions due that day, from today for `days` days (the reviews a
        day holds: a question in learning is due within today)."""
        from .clock import EPOCH_ORDINAL, day_shifts, local_tz, shift_sql

        self.catch_up()
        tz = tz or local_tz()
        start = day_start(now, tz).timestamp()
        end = start + (days + 1) * 86400.0
        shift = shift_sql("c.queue_due", day_shifts(tz, start, end))
        groups, args = self._due_groups(None, None)
        # One range of cards_queue per (set, topic), read from the index alone: ~30 ms for 100k questions (the
        # cards table read row by row for their state took ~400 ms).
        rows = self.conn.execute(
            f"SELECT CAST((c.queue_due + {shift}) / 86400 AS INTEGER) + {EPOCH_ORDINAL}, COUNT(*) "
            f"FROM {groups} CROSS JOIN cards c ON {_IN_GROUP} WHERE c.queue_due >= ? AND c.queue_due < ? GROUP BY 1",
            (*args, start, end),
        )
        return {int(d): int(n) for d, n in rows}

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

    def sets_of(self, keys: list[int]) -> dict[int, str]:
        """key → set id of questions."""
        if not keys:
            return {}
        rows = self.conn.execute("SELECT question, set_id FROM cards WHERE question IN (SELECT value FROM json_each(?))",
                                 (json.dumps(keys),))
        return {int(k): sid for k, sid in rows}

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

    def catch_up(self) -> None:
        """Bring up what the answer path leaves to its readers, for the answers recorded since the last catch-up
        (review_totals_upto.upto): review_totals (schema v5) and the answered cards' queue_due (schema v8).

        Stats and the due queries call it before they read; with nothing new it is one read.
        """
        c = self.conn
        if c.execute("SELECT (SELECT upto FROM review_totals_upto) >= COALESCE((SELECT MAX(id) FROM reviews), 0)").fetchone()[0]:
            return  # nothing new: no write transaction
        with self.write():
            upto = c.execute("SELECT upto FROM review_totals_upto").fetchone()[0]
            last = c.execute("SELECT MAX(id) FROM reviews").fetchone()[0]
            if last is not None and last > upto:
                c.execute(
                    "INSERT INTO review_totals (set_id, topic, reviews, correct, learned_reviews, learned_correct) "
                    "SELECT set_id, topic, COUNT(*), SUM(correct), SUM(state_before = 2), SUM(state_before = 2 AND correct) "
                    "FROM reviews WHERE id > ? GROUP BY set_id, topic "
                    "ON CONFLICT (set_id, topic) DO UPDATE SET reviews = reviews + excluded.reviews, "
                    "correct = correct + excluded.correct, learned_reviews = learned_reviews + excluded.learned_reviews, "
                    "learned_correct = learned_correct + excluded.learned_correct",
                    (upto,),
                )
                c.execute(
                    "UPDATE cards SET queue_due = CASE WHEN state > 0 THEN due END "
                    "WHERE question IN (SELECT question FROM reviews WHERE id > ?) "
                    "AND queue_due IS NOT CASE WHEN state > 0 THEN due END",
                    (upto,),
                )
                c.execute("UPDATE review_totals_upto SET upto = ?", (last,))

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


class FileReport(NamedTuple):
    """A database file looked at without opening it for writing (a backup): its check, and its answers."""

    check: str  # "ok", or what SQLite found wrong
    answers: int | None  # answers in its log (None when unreadable)
    tally: int | None  # Store.answer_tally of it

    @property
    def ok(self) -> bool:
        return self.check == "ok"


def inspect_file(path: Path, *, check: bool = True) -> FileReport:
    """Read a (closed) database file read-only: quick_check (unless `check` is False) and its answer counts.
    Opened immutable: nothing is written beside it (no -shm), so this works on a full disk or a read-only folder."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as e:
        return FileReport(str(e), None, None)
    try:
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0]) if check else "ok"
        answers = int(conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
        removed = conn.execute("SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?", (_REMOVED,)).fetchone()
        return FileReport(result, answers, answers + (int(removed[0] or 0) if removed else 0))
    except sqlite3.Error as e:
        return FileReport(str(e), None, None)
    finally:
        conn.close()


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn` (a Store method) with sqlite3 errors turned into StoreError, for a generator over its whole run."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(self: Store, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except sqlite3.Error as e:
                raise self.error(e) from e
        return gen

    @functools.wraps(fn)
    def call(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise self.error(e) from e
    return call


# sqlite3.Error never leaves the store: every public method says what an error means (a full disk, a read-only
# folder, a damaged file) as a StoreError. Those of the answer path turn their errors themselves, and spare every
# answer the wrapper's call (record_answer's SQL all runs in write(), which turns its errors; shown_question's
# read has its own try); `conn` and `db` hand out the connection itself.
_OWN_ERRORS = ("write", "error", "record_answer", "shown_question")
for _name, _fn in list(vars(Store).items()):
    if not _name.startswith("_") and inspect.isfunction(_fn) and _name not in _OWN_ERRORS:
        setattr(Store, _name, _guarded(_fn))


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


def _topics_from_questions(qset: QuestionSet) -> list[Any]:
    from .questions import Topic

    seen: list[str] = []
    for q in qset.questions:
        if q.topic and q.topic not in seen:
            seen.append(q.topic)
    return [Topic(id=t, title=t.replace("-", " ").capitalize()) for t in seen]
