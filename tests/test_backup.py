"""Backups through SQLite's backup API: daily, pruned to ten, restored without losing the current database."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from ketaquiz.core import backup


def reviews(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM settings WHERE key = 'marker'").fetchone()[0]
    finally:
        conn.close()


def test_make_backup_is_a_consistent_copy_and_keeps_ten(store, clock, tmp_path):
    d = tmp_path / "backups"
    store.set_setting("marker", 1)
    paths = []
    for _ in range(12):
        paths.append(backup.make_backup(store, d, clock()))
        clock.advance(hours=1)
    kept = backup.list_backups(d)
    assert len(kept) == 10
    assert [b.path for b in kept] == list(reversed(paths[2:]))  # newest first, two oldest pruned
    assert backup.backup_ok(kept[0].path)
    assert reviews(kept[0].path) == 1
    assert not list(d.glob("*.part"))


def test_same_second_backups_do_not_overwrite(store, clock, tmp_path):
    a = backup.make_backup(store, tmp_path, clock())
    b = backup.make_backup(store, tmp_path, clock())
    assert a != b and a.exists() and b.exists()
    assert len(backup.list_backups(tmp_path)) == 2


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
