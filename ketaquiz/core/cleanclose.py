"""Whether a profile's database may skip SQLite's quick_check on opening: untouched since a clean close.

Every door checks the database as it opens it (core/health.py), but PRAGMA quick_check reads the whole file:
0.27 s of every command on a 140 MB profile. A store of the data directory writes, as it closes cleanly, the
signature of the file it leaves (device, inode, size and modification time of the database and of its
write-ahead log, if any) to ``ketaquiz.db.clean``; opening takes that record away (a process that dies leaves
none) and skips the check when the files still have that signature. Anything else checks: an unclean shutdown
(no record), another program or a copy that changed the file, a file restored from a backup, a log left behind.
A change that keeps size and modification time to the nanosecond (a deliberate forgery) is not seen; SQLite
still reports damage it meets while reading, as a StoreError.
"""

from __future__ import annotations

import os
from pathlib import Path

SUFFIX = ".clean"


def _record(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX)


def signature(db: Path) -> str | None:
    """The database's and its log's identity and state, or None when the database is not there."""
    parts = []
    for path in (db, Path(f"{db}-wal")):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if path == db:
                return None
            parts.append("-")
            continue
        parts.append(f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


def take_clean_record(db: Path) -> bool:
    """On opening: True when the files are as a clean close left them. The record is removed either way, so that
    a crash before the next clean close leaves none (and the next opening checks)."""
    record = _record(db)
    try:
        noted = record.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return False
    try:
        record.unlink()
    except OSError:
        return False  # (a read-only folder: it could not be taken away, so it does not count)
    return noted != "" and noted == signature(db)


def note_clean_close(db: Path) -> None:
    """After the store's connection closed cleanly: the files' signature, for the next opening."""
    sig = signature(db)
    if sig is None:
        return
    try:
        _record(db).write_text(sig + "\n", encoding="ascii")
    except OSError:
        pass  # a read-only or full folder: the next opening checks, as it would without a record
