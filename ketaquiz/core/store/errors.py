"""The store's own error: an sqlite3 error said in words a learner can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A problem with the progress database, with what to do about it.

    `kind` says which, for the caller to choose its words and what to offer: "full" (the disk), "readonly",
    "busy" (another program held the write lock too long), "damaged", "newer" (a newer KetaQuiz wrote it),
    "io" (the disk failed), "missing" (a database that held answers is gone), or "error".
    """

    def __init__(self, message: str, *, kind: str = "error") -> None:
        super().__init__(message)
        self.kind = kind


# SQLite's primary result codes (an error's sqlite_errorcode & 0xFF) and the kind of StoreError each is.
_KINDS = {13: "full", 8: "readonly", 3: "readonly", 5: "busy", 6: "busy", 11: "damaged", 26: "damaged", 10: "io",
          14: "io"}


def store_error(e: sqlite3.Error, path: Path, *, busy_timeout: float = 10) -> StoreError:
    """A StoreError in words a learner can act on, for an sqlite3 error met on the database at `path`."""
    code = getattr(e, "sqlite_errorcode", None)
    kind = _KINDS.get(code & 0xFF, "error") if isinstance(code, int) else "error"
    if kind == "error" and type(e) is sqlite3.DatabaseError:
        kind = "damaged"  # "file is not a database", "malformed" raised without a code
    if kind == "full":
        message = (f"the disk holding {path.parent} is full: the last change was not saved (everything saved before it "
                   "is kept); free some space on that disk, then carry on")
    elif kind == "readonly":
        message = f"{path.parent} is read-only: KetaQuiz cannot save progress there ({e})"
    elif kind == "busy":
        message = (f"{path} stayed busy for {busy_timeout:g} s: another program (KetaQuiz's app or terminal quiz) "
                   "was writing to it; nothing was changed, try again")
    elif kind == "damaged":
        message = f"{path} is damaged ({e})"
    elif kind == "io":
        message = f"could not read or write {path} ({e}); check the disk it is on"
    else:
        message = f"{path}: {e}"
    return StoreError(message, kind=kind)
