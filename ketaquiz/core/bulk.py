"""Helpers for bulk work (100k-question sets): the cyclic garbage collector paused while many objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC for the block. Building 100k questions otherwise triggers collections that
    re-scan every object made so far (~40% of reading a 100k-question file); nothing made here forms
    cycles, and reference counting still frees everything as usual.

    What the block made is long-lived (a set in memory), so it is filed with the oldest objects on the way
    out: otherwise the first allocation after the block scans all of it as young (~0.25 s after a
    100k-row import), and the next older collection scans it again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()  # every tracked object to the permanent generation…
            gc.unfreeze()  # …and back, into the oldest one: no scan either way
            gc.enable()
