"""A set file's signature: its hash, and the (mtime, size, inode) that tell later that it has not changed."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path


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
