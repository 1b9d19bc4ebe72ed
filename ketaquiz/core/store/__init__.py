"""The progress store: one SQLite database per profile, through sqlite-utils. The only place with SQL.

Every user action is one transaction, begun by `Store.write()` (BEGIN IMMEDIATE; nested work as savepoints).
The answer path uses plain SQL (it runs on every answer); the rest also uses sqlite-utils' table helpers.
An sqlite3 error leaves the store as a StoreError that says what it means. Callers read figures through typed
queries (`reports`) that bring up what the answer path leaves to its readers (`catch_up`) themselves.

The package, one concern a module: `errors` (StoreError), `schema` (tables, migrations), `database` (the
connection, `write()`, settings and appearance, catch-up), `files` (set files' signatures), `sets`, `cards`
(questions and their schedules), `queue` (what is due, in the order scheduling.py states), `log` (answers, undo,
sessions), `reports` (statistics, the Scores page and its cache, the history export, the optimiser), `rows` (the
records those return, loaded on first use), `days` (learner days in SQL), `walcheckpoint` (WAL checkpoints off the
writers' path). `Store` is made of them; callers import from here (the report rows from `store.rows`).

Nothing outside this package holds SQL, imports sqlite3 or touches the connection (tests/test_sql_in_store.py).
The one exception is core/anki/collection.py, which reads a foreign file format that happens to be SQLite (an
Anki collection, opened read-only); it never opens KetaQuiz's database.
"""

from __future__ import annotations

import inspect
from typing import Any

from .cards import _Cards
from .database import FileReport, StoreBase, _guarded, inspect_file, load_sqlite_utils
from .errors import StoreError, store_error
from .files import file_hash, file_stat
from .log import SESSION_REVIEWS, STALE_SESSION, AnswerRecord, _ReviewLog
from .queue import _Queue
from .reports import MATURE_DAYS, _Reports
from .schema import MIGRATIONS, SCHEMA_VERSION, SUSPENDED
from .sets import SetInfo, SyncResult, TopicInfo, _Sets


class Store(_Sets, _Queue, _Reports, _ReviewLog, _Cards, StoreBase):
    """The progress database of one learner (profile)."""


# sqlite3.Error never leaves the store: every public method says what an error means (a full disk, a read-only
# folder, a damaged file) as a StoreError. Those of the answer path turn their errors themselves, and spare every
# answer the wrapper's call (record_answer's SQL all runs in write(), which turns its errors; shown_question's
# read has its own try); `conn` and `db` hand out the connection itself.
_OWN_ERRORS = ("write", "error", "record_answer", "shown_question")
_methods: dict[str, Any] = {}
for _part in reversed(Store.__mro__[:-1]):  # the most derived part's method last, as Store finds it
    _methods.update((n, f) for n, f in vars(_part).items() if not n.startswith("_") and inspect.isfunction(f))
for _name, _fn in _methods.items():
    if _name not in _OWN_ERRORS:
        setattr(Store, _name, _guarded(_fn))

__all__ = [
    "MATURE_DAYS", "MIGRATIONS", "SCHEMA_VERSION", "SESSION_REVIEWS", "STALE_SESSION", "SUSPENDED", "AnswerRecord",
    "FileReport", "SetInfo", "Store", "StoreError", "SyncResult", "TopicInfo", "file_hash", "file_stat",
    "inspect_file", "load_sqlite_utils", "store_error",
]
