"""Write-ahead-log checkpoints on a background thread, so that no writer waits for them.

SQLite in WAL mode appends every commit to the ``-wal`` file and, by default, the commit that takes
it past 1,000 pages copies it back into the database ("checkpoint") before returning. On the answer
path that is a 25 ms stall every hundred answers or so; after loading a 100,000-question set it is a
quarter of a second more to wait. Here a thread with its own connection does that copy instead: a
passive checkpoint never blocks readers or writers, and the commit that wrote the frames has already
returned (so they are as safe as any committed write in WAL mode: a crash loses nothing).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from ..files import FileSignature

# The writer's own checkpoint, kept only as a backstop should this thread ever stop (~200 MB of log).
BACKSTOP_PAGES = 50_000


class WalCheckpointer:
    """Checkpoints the database at `path` from a daemon thread, at most every `interval` seconds
    when its log has changed, or at once on `nudge()`. `close()` stops it."""

    def __init__(self, path: Path, *, interval: float = 1.0) -> None:
        self.path = Path(path)
        self.interval = interval
        self._wal = Path(f"{path}-wal")
        self._wake = threading.Event()
        self._stopping = False
        self._passes = threading.Condition()
        self._asked = self._finished = 0  # nudges asked for, and the last one a finished pass had seen
        self._thread = threading.Thread(target=self._run, name=f"checkpoint {self.path.name}", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Check the log now rather than at the next interval."""
        with self._passes:
            self._asked += 1
        self._wake.set()

    def wait(self, timeout: float = 5.0) -> bool:
        """Wait for a pass that began after the last `nudge()`; True when one finished."""
        with self._passes:
            asked = self._asked
            return self._passes.wait_for(lambda: self._finished >= asked, timeout)

    def close(self) -> None:
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=10)


    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        checked: FileSignature | None = None
        try:
            while not self._stopping:
                self._wake.wait(self.interval)
                self._wake.clear()
                if self._stopping:
                    break
                with self._passes:
                    seen = self._asked
                signature = FileSignature.of(self._wal)
                if signature is not None and signature != checked:
                    try:
                        if conn is None:
                            conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
                        _busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    except sqlite3.Error:
                        frames, copied = 1, 0  # busy, closing or unreadable: the next pass tries again
                    if copied == frames:
                        # The log as seen before this pass: a commit landing during it makes the next pass run.
                        checked = signature
                with self._passes:
                    self._finished = seen
                    self._passes.notify_all()
        finally:
            if conn is not None:
                conn.close()
