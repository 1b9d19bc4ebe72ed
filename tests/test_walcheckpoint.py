"""Checkpoints run on a background thread: commits never copy the log into the database themselves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ketaquiz.core.store import Store
from ketaquiz.core.store.walcheckpoint import BACKSTOP_PAGES, WalCheckpointer


def write_log(path: Path, megabytes: int) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
    conn.execute("CREATE TABLE blobs (b BLOB)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO blobs VALUES (randomblob(100000))", [()] * (megabytes * 10))
    conn.execute("COMMIT")
    return conn


def test_the_thread_copies_the_log_into_the_database(tmp_path):
    db = tmp_path / "p.db"
    writer = write_log(db, 8)  # ~2,000 pages: SQLite's own default would have checkpointed in the commit
    assert db.stat().st_size < 1_000_000, "the commit checkpointed by itself"
    cp = WalCheckpointer(db, interval=60)  # only the nudge wakes it
    try:
        cp.nudge()
        assert cp.wait()
        assert db.stat().st_size > 8_000_000
        busy, log, done = writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert (busy, log - done) == (0, 0)  # nothing was left for the writer to copy
        assert writer.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 80
    finally:
        cp.close()
        writer.close()
    assert not cp._thread.is_alive()


def test_a_store_checkpoints_off_its_connection_and_stops_on_close(tmp_path):
    store = Store(tmp_path / "p.db")
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == BACKSTOP_PAGES
    assert store.checkpointer is not None and store.checkpointer._thread.is_alive()
    store.set_setting("k", "v" * 5_000_000)
    store.checkpointer.nudge()
    assert store.checkpointer.wait()
    assert (tmp_path / "p.db").stat().st_size > 5_000_000
    thread = store.checkpointer._thread
    store.close()
    assert not thread.is_alive()
    assert Store(tmp_path / "p.db").get_setting("k") == "v" * 5_000_000


def test_an_in_memory_store_has_no_checkpointer():
    assert Store(":memory:").checkpointer is None
