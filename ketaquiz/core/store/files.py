"""A set file's signature: its hash, and its FileSignature (with when it was taken) that tells later that it has not
changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..files import FileSignature


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_stat(path: Path) -> str | None:
    """A file's signature and the moment it was taken (FileSignature.record), to tell later that it has not
    changed; None if unreadable."""
    sig = FileSignature.of(path)
    return None if sig is None else sig.record()


def _unchanged_since(path: Path, recorded: str | None) -> bool:
    """True when `path` still has the signature `recorded` (file_stat's), taken when the file had settled."""
    found = FileSignature.from_record(recorded) if recorded else None
    return found is not None and found[0].unchanged(path, found[1])
