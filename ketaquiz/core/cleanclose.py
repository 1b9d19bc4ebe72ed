"""Whether a profile's database may skip SQLite's quick_check on opening: untouched since a clean close.

Every door checks the database as it opens it (core/health.py), but its quick_check reads the whole file:
0.27 s of every command on a 140 MB profile. A store of the data directory writes, as it closes cleanly, the
signature of the file it leaves (modification time, size and inode of the database and of its write-ahead
log, if any) to ``ketaquiz.db.clean``; opening takes that record away (a process that dies leaves
none) and skips the check when the files still have that signature. Anything else checks: an unclean shutdown
(no record), another program or a copy that changed the file, a file restored from a backup, a log left behind.
A change that keeps size and modification time to the nanosecond (a deliberate forgery) is not seen; SQLite
still reports damage it meets while reading, as a StoreError.
"""

from __future__ import annotations

from pathlib import Path

from .files import FileSignature

SUFFIX = ".clean"


def _record(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX)


def signature(db: Path) -> str | None:
    """The database's and its log's state (files.FileSignature of each), or None when the database is not there."""
    main, log = FileSignature.of(db), FileSignature.of(f"{db}-wal")
    if main is None:
        return None
    return " ".join(":".join(map(str, sig)) if sig is not None else "-" for sig in (main, log))


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
