"""The library at a glance: each loaded set with its question counts (``ketaquiz sets``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from .scheduling import due_by
from .store import Store


@dataclass(frozen=True)
class SetSummary:
    """One loaded set: where it is and how many of its questions are new, due now and learned."""

    id: str
    title: str
    path: str | None
    bundled: bool
    topics: int
    total: int
    new: int
    due: int
    learned: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def set_summaries(store: Store, now: datetime) -> list[SetSummary]:
    """Every set not deleted, the bundled course first, then by title; retired questions not counted."""
    counts = store.topic_counts(due_by(now))
    out = []
    for s in store.sets():
        mine = [c for (sid, _topic), c in counts.items() if sid == s.id]
        total = {k: sum(c[k] for c in mine) for k in ("total", "new", "due", "learned")}
        out.append(SetSummary(s.id, s.title, s.path, s.bundled, len(store.topics(s.id)), total["total"],
                              total["new"], total["due"], total["learned"]))
    return out
