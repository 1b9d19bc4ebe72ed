"""The store's foundation: the connection, its one write method, settings, and sqlite3 errors as StoreError."""

from __future__ import annotations

import errno
import functools
import inspect
import json
import sqlite3
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..appearance import Appearance
from ..clock import Clock, utc_now
from ..scheduling import Settings
from .errors import StoreError, store_error
from .schema import MIGRATIONS, SCHEMA_VERSION, _statements
from .walcheckpoint import BACKSTOP_PAGES, WalCheckpointer

if TYPE_CHECKING:
    import sqlite_utils


def load_sqlite_utils() -> ModuleType:
    """Import sqlite-utils (once). Stores import it on first use of `Store.db`, off the app's start path (the app
    imports it on a worker thread after its first paint).

    Imported as it is: with numpy installed (the generator's lemminflect needs it) sqlite-utils imports it too
    (~150 ms more). Keeping numpy out by setting sys.modules["numpy"] = None made a concurrent `import numpy` on
    another thread fail; an import on a worker is safe (the import lock makes another thread wait, not fail)."""
    import sqlite_utils

    return sqlite_utils


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


# The settings key counting answers taken out of the log on purpose (see Store.answer_tally).
_REMOVED = "answers_removed"


def _connect(path: str, timeout: float) -> sqlite3.Connection:
    """The store's connection: autocommit (transactions are Store.write's), usable from the thread that has the store."""
    return sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=timeout)


class _Write:
    """A write transaction (see Store.write): BEGIN IMMEDIATE, or a savepoint inside one already open."""

    __slots__ = ("store", "savepoint")

    def __init__(self, store: StoreBase) -> None:
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

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, _tb: Any) -> Literal[False]:
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



class StoreBase:
    """The progress database of one learner (profile): its connection, writes, settings and upkeep. `Store`
    (the package's) adds sets, cards, the queue and the review log."""

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
            conn = connect(str(path)) if connect else _connect(str(path), self.BUSY_TIMEOUT)
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
        """The plain connection, for the store's own parts (and tests): the answer path and every read use it with
        plain SQL. Nothing outside the store uses it."""
        return self._conn

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection: its table helpers, inside a `write()` block (they nest as savepoints)."""
        # Made on first use: importing sqlite-utils costs ~100 ms that the app's start does not need.
        db: sqlite_utils.Database = load_sqlite_utils().Database(self._conn, execute_plugins=False)  # (no plugin hooks)
        return db

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
            self.db.table("settings").upsert({"key": key, "value": json.dumps(value)}, pk="key")

    def settings(self) -> Settings:
        return Settings.from_dict(self.get_setting("study", {}) or {})

    def save_settings(self, settings: Settings) -> None:
        settings.validate()
        with self.write():
            if self.get_setting("appearance") is None:
                # Theme and font size were saved with the study settings until they had their own key: they are
                # kept, under theirs, before the study settings are written without them.
                self.set_setting("appearance", self.appearance().to_dict())
            self.set_setting("study", settings.to_dict())

    def appearance(self) -> Appearance:
        """Theme and font size (where a profile saved before they had their own key keeps them: in "study")."""
        saved = self.get_setting("appearance")
        return Appearance.from_dict(saved if isinstance(saved, dict) else self.get_setting("study", {}) or {})

    def save_appearance(self, appearance: Appearance) -> None:
        appearance.validate()
        self.set_setting("appearance", appearance.to_dict())

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
        def gen(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except sqlite3.Error as e:
                raise self.error(e) from e
        return gen

    @functools.wraps(fn)
    def call(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise self.error(e) from e
    return call
