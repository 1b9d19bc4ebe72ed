"""Backups of a profile's progress database: taken with SQLite's backup API, kept ten deep.

No Qt here: the app calls these on start, once a day and on close; ``restore_backup``
moves the current database aside (never deletes it) before putting a backup in place.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .clock import day_start, local_tz
from .store import Store

KEEP = 10
_NAME = re.compile(r"^ketaquiz-(\d{8}-\d{6})(?:-(\d+))?\.db$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken (from its name)."""

    path: Path
    taken: datetime

    @property
    def label(self) -> str:
        return self.taken.strftime("%Y-%m-%d %H:%M:%S")


def _local(moment: datetime) -> datetime:
    """Naive local time: backup names carry the learner's wall-clock time."""
    return moment.astimezone(local_tz()).replace(tzinfo=None) if moment.tzinfo else moment


def list_backups(directory: Path) -> list[Backup]:
    """The backups in a folder, newest first."""
    if not directory.is_dir():
        return []
    found: list[tuple[datetime, int, Path]] = []
    for p in directory.iterdir():
        m = _NAME.match(p.name)
        if m:
            found.append((datetime.strptime(m.group(1), _STAMP), int(m.group(2) or 1), p))
    found.sort(reverse=True)
    return [Backup(p, taken) for taken, _n, p in found]


def make_backup(store: Store, directory: Path, now: datetime, keep: int = KEEP) -> Path:
    """Back up the live database into `directory` and prune all but the newest `keep` backups."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = _local(now).strftime(_STAMP)
    dest = directory / f"ketaquiz-{stamp}.db"
    n = 2
    while dest.exists():
        dest = directory / f"ketaquiz-{stamp}-{n}.db"
        n += 1
    tmp = dest.with_suffix(".part")
    store.backup_to(tmp)
    os.replace(tmp, dest)  # a half-written backup never carries a backup's name
    for old in list_backups(directory)[keep:]:
        old.path.unlink(missing_ok=True)
    return dest


def maybe_daily_backup(store: Store, directory: Path, now: datetime, keep: int = KEEP) -> Path | None:
    """Take a backup unless one was already taken today (the day turns at 4 am, as for study)."""
    backups = list_backups(directory)
    if backups:
        if backups[0].taken >= _local(day_start(now)):
            return None
    return make_backup(store, directory, now, keep)


def backup_ok(path: Path) -> bool:
    """True when the file is a readable SQLite database passing quick_check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def newest_good_backup(directory: Path) -> Backup | None:
    """The newest backup that passes quick_check, or None."""
    return next((b for b in list_backups(directory) if backup_ok(b.path)), None)


def restore_backup(backup: Path, db_path: Path, now: datetime) -> Path | None:
    """Put `backup` in place of the (closed) database at `db_path`.

    The current database and its WAL/SHM files are moved aside to
    ``ketaquiz.db.before-restore-STAMP`` first; returns that path (None when there was no database).
    """
    if not backup_ok(backup):
        raise ValueError(f"{backup} is not a good backup (it fails SQLite's quick_check)")
    stamp = _local(now).strftime(_STAMP)
    aside: Path | None = None
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        n = 2
        while aside.exists():
            aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
            n += 1
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(db_path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
    import shutil  # only a restore needs it (with bz2 and lzma under it, ~5 ms of every start otherwise)

    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, tmp)
    os.replace(tmp, db_path)
    return aside
