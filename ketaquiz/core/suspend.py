"""Suspending questions: out of every queue (and of the due and new counts) until unsuspended; progress kept."""

from __future__ import annotations

from collections.abc import Iterable

from .store import Store


class SuspendError(ValueError):
    """A set or question id that is not there; the message names it and says where to look."""


def question_keys(store: Store, set_id: str, question_ids: Iterable[str]) -> list[int]:
    """The keys of a set's questions by id; SuspendError naming every id not in the set."""
    info = store.set_info(set_id)
    if info is None or info.deleted:
        raise SuspendError(f"there is no set {set_id!r}; 'ketaquiz sets' lists them")
    keys: list[int] = []
    missing: list[str] = []
    for qid in question_ids:
        key = store.question_key(set_id, qid)
        (missing.append(qid) if key is None else keys.append(key))
    if missing:
        raise SuspendError(f"set {set_id!r} has no question {', '.join(map(repr, missing))}; nothing was changed")
    return keys


def set_suspended(store: Store, set_id: str, question_ids: Iterable[str], suspended: bool = True) -> int:
    """Suspend (or unsuspend) questions of a set by id, all or none; how many changed state."""
    keys = question_keys(store, set_id, question_ids)
    before = set(store.suspended_keys(set_id))
    store.suspend(keys, suspended)
    after = set(store.suspended_keys(set_id))
    return len(before ^ after)


def suspended_ids(store: Store, set_id: str) -> list[str]:
    """The ids of a set's suspended questions, in set order."""
    return [store.question_ref(k)[1] for k in store.suspended_keys(set_id)]


__all__ = ["SuspendError", "question_keys", "set_suspended", "suspended_ids"]
