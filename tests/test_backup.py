"""Backups through SQLite's backup API: daily, a thinning history, refused for a damaged or emptied database,
restored without losing the current database."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ketaquiz.core import backup
from ketaquiz.core.store import Store


def reviews(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM settings WHERE key = 'marker'").fetchone()[0]
    finally:
        conn.close()


def test_make_backup_is_a_consistent_copy(store, clock, tmp_path):
    d = tmp_path / "backups"
    store.set_setting("marker", 1)
    path = backup.make_backup(store, d, clock())
    assert backup.backup_ok(path) and reviews(path) == 1
    assert not list(d.glob("*.part"))
    conn = sqlite3.connect(path)
    try:  # no -shm needed to read it: checked and restored on a full disk or from a read-only folder
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_same_second_backups_do_not_overwrite(store, clock, tmp_path):
    a = backup.make_backup(store, tmp_path, clock())
    b = backup.make_backup(store, tmp_path, clock())
    assert a != b and b.exists()
    assert [x.path for x in backup.list_backups(tmp_path)] == [b]  # the history keeps a day's newest


def test_daily_backup_at_most_once_a_day(store, clock, tmp_path):
    assert backup.maybe_daily_backup(store, tmp_path, clock()) is not None
    clock.advance(hours=3)
    assert backup.maybe_daily_backup(store, tmp_path, clock()) is None
    clock.advance(days=1)
    assert backup.maybe_daily_backup(store, tmp_path, clock()) is not None
    assert len(backup.list_backups(tmp_path)) == 2


def test_restore_moves_the_current_database_aside(data_dir, clock, tmp_path):
    st = data_dir.open_store(clock=clock)
    st.set_setting("marker", 1)
    b = backup.make_backup(st, data_dir.backups_dir(), clock())
    st.set_setting("after", 2)  # progress after the backup, living in the WAL
    st.close()
    db = data_dir.db_path()
    clock.advance(minutes=5)
    aside = backup.restore_backup(b, db, clock() + timedelta(0))
    assert aside is not None and aside.exists()
    restored = data_dir.open_store(clock=clock)
    assert restored.get_setting("marker") == 1 and restored.get_setting("after") is None
    restored.close()
    conn = sqlite3.connect(aside)
    try:
        assert conn.execute("SELECT value FROM settings WHERE key = 'after'").fetchone()[0] == "2"
    finally:
        conn.close()


def test_a_damaged_backup_is_not_restored_and_not_the_newest_good(data_dir, clock, tmp_path):
    st = data_dir.open_store(clock=clock)
    good = backup.make_backup(st, data_dir.backups_dir(), clock())
    st.close()
    clock.advance(hours=1)
    bad = data_dir.backups_dir() / "ketaquiz-20990101-000000.db"
    bad.write_bytes(b"not a database" * 100)
    assert backup.newest_good_backup(data_dir.backups_dir()).path == good
    with pytest.raises(ValueError):
        backup.restore_backup(bad, data_dir.db_path(), clock())
    assert data_dir.db_path().exists()


def fake(taken: datetime) -> backup.Backup:
    return backup.Backup(Path(f"/b/{taken:%Y%m%d-%H%M%S}.db"), taken)


def test_the_history_keeps_7_days_4_weeks_12_months_and_the_newest_good():
    now = datetime(2026, 12, 4, 21, 0)
    history = [fake(now - timedelta(hours=6 * i)) for i in range(4 * 500)]  # four a day for 500 days, newest first
    keep = backup.kept(history, lambda b: True)
    days = sorted({datetime.strptime(p.stem, "%Y%m%d-%H%M%S").date() for p in keep}, reverse=True)
    assert len(keep) <= 1 + 7 + 4 + 12
    assert days[:7] == [(now - timedelta(days=i)).date() for i in range(7)]  # the last 7 days, each its newest
    assert history[0].path in keep
    oldest = min(days)
    assert timedelta(days=300) < now.date() - oldest < timedelta(days=366)  # about a year back, no further
    # when every backup of the last 200 days fails its check, the newest good one is kept all the same
    good_after = now - timedelta(days=200)
    keep = backup.kept(history, lambda b: b.taken <= good_after)
    assert fake(good_after).path in keep


def test_ten_closes_of_a_damaged_database_keep_the_good_backups(data_dir, clock):
    st = data_dir.open_store(clock=clock)
    st.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", [(f"k{i}", '"' + "x" * 500 + '"') for i in range(300)])
    good = backup.make_backup(st, data_dir.backups_dir(), clock())
    st.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    st.close()
    db = data_dir.db_path()
    raw = bytearray(db.read_bytes())
    raw[-4096 * 3:-4096 * 2] = b"\xff" * 4096  # a page of the settings table overwritten
    db.write_bytes(bytes(raw))
    st = Store(db, clock=clock)
    assert st.quick_check() != "ok"
    for _ in range(10):
        clock.advance(days=1)
        with pytest.raises(backup.BackupRefused, match="fails SQLite's check"):
            backup.make_backup(st, data_dir.backups_dir(), clock())
    st.close()
    assert [b.path for b in backup.list_backups(data_dir.backups_dir())] == [good]


def answer(st: Store, clock, n: int) -> None:
    from ketaquiz.core.session import StudySession

    s = StudySession(st, clock=clock)
    for _ in range(n):
        s.submit(None)
        s.advance()


def test_an_emptied_database_is_not_backed_up_unless_forced(store, data_dir, clock, tmp_path):
    answer(store, clock, 3)
    first = backup.make_backup(store, data_dir.backups_dir(), clock())
    empty = Store(tmp_path / "empty.db", clock=clock)  # as a database that lost its answers
    clock.advance(hours=1)
    with pytest.raises(backup.BackupRefused, match=r"fewer answers \(0\) than the newest backup \(3"):
        backup.make_backup(empty, data_dir.backups_dir(), clock())
    forced = backup.make_backup(empty, data_dir.backups_dir(), clock(), force=True)
    assert {b.path for b in backup.list_backups(data_dir.backups_dir())} == {first, forced}
    empty.close()


def test_answers_taken_out_on_purpose_do_not_stop_backups(store, data_dir, clock):
    answer(store, clock, 3)
    backup.make_backup(store, data_dir.backups_dir(), clock())
    clock.advance(hours=1)
    store.purge_set("ketamine")  # the learner deleted the set and its progress
    assert store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    assert backup.make_backup(store, data_dir.backups_dir(), clock()).exists()
