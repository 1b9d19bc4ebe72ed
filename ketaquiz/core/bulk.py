"""Helpers for bulk work (100k-question sets): the cyclic garbage collector paused while many objects are made."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The collector is process-wide: blocks on several threads (a big set loading on a worker while the UI thread
# saves another) share one pause. The first to enter pauses it, the last to leave restores it.
_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC for the block. Building 100k questions otherwise triggers collections that
    re-scan every object made so far (~40% of reading a 100k-question file); nothing made here forms
    cycles, and reference counting still frees everything as usual.

    What the block made is long-lived (a set in memory), so it is filed with the oldest objects on the way
    out: otherwise the first allocation after the block scans all of it as young (~0.25 s after a
    100k-row import), and the next older collection scans it again."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.freeze()  # every tracked object to the permanent generation…
                gc.unfreeze()  # …and back, into the oldest one: no scan either way
                gc.enable()
