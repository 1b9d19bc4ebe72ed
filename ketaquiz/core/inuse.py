"""Whether a profile's database is open in another KetaQuiz process (a terminal quiz, another command, the app).

SQLite gives no way to see another connection that is open but idle (in WAL mode a reader holds no lock between
transactions), so each process that opens a profile's database holds a shared advisory lock (flock) on a marker
file beside it, ``ketaquiz.db.in-use``, for as long as the store lives; the kernel drops it when the process ends,
however it ends, so no stale lock is left behind. ``ketaquiz restore`` asks for the lock exclusively and refuses
while anyone holds it. On systems without flock (Windows) nothing is held and nothing is refused: the app's own
lock file (ui/app.py) still guards a restore from under the app.
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import IO, Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".in-use"


def marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def hold(owner: Any, db_path: Path) -> None:
    """Hold the shared lock on `db_path`'s marker for as long as `owner` (the store) lives. Best effort: a read-only
    folder or a system without flock holds nothing."""
    if fcntl is None:
        return
    try:
        f: IO[bytes] = open(marker(db_path), "ab")  # noqa: SIM115 (kept open: the lock lives with the file)
    except OSError:
        return
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:  # someone holds it exclusively: a restore is under way; the store opens as it would anyway
        f.close()
        return
    weakref.finalize(owner, f.close)


def in_use_elsewhere(db_path: Path) -> bool:
    """True when another process (or another store of this one) has the database open (see the module docstring)."""
    if fcntl is None or not db_path.exists():
        return False
    try:
        fd = os.open(marker(db_path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # (closing drops the lock, if it was taken)
    return False
