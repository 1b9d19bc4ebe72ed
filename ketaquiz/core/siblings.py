"""Sibling spacing: a sibling of a question answered today waits until tomorrow, unless it is the only work left.

Siblings are the questions of one set with the same ``sibling_group`` (several questions drawn from one fact).
Answering one and then its sibling minutes later tests short-term memory of the first answer, not recall, and
the second answer then teaches FSRS a stability the learner does not have. As Anki buries siblings, a new or
review question whose sibling was answered today (in this session or an earlier one) is held back: the session
shows it only when nothing else is left to do. Learning and relearning questions are never held (their steps are
minutes apart by design).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING

from .clock import day_start
from .scheduling import NEW, REVIEW

if TYPE_CHECKING:
    from .store import Store

Group = tuple[str, str]  # (set id, sibling group)


class Siblings:
    """Which questions wait because a sibling was answered today; kept up to date by the session."""

    def __init__(self, answered_today: dict[Group, set[int]] | None = None) -> None:
        self._answered: dict[Group, Counter[int]] = {
            g: Counter(keys) for g, keys in (answered_today or {}).items()
        }
        self._info: dict[int, tuple[Group, int]] = {}  # key -> (group, card state when the session met it)

    def learn(self, info: dict[int, tuple[str, str, int]]) -> None:
        """Remember the groups of questions (store.sibling_info's answer)."""
        for key, (set_id, group, state) in info.items():
            self._info[key] = ((set_id, group), state)

    def group(self, key: int) -> Group | None:
        entry = self._info.get(key)
        return None if entry is None else entry[0]

    def held(self, key: int) -> bool:
        """True when `key` should wait: a new or review question with a sibling answered today."""
        entry = self._info.get(key)
        if entry is None or entry[1] not in (NEW, REVIEW):
            return False
        answered = self._answered.get(entry[0])
        return answered is not None and any(k != key for k, n in answered.items() if n > 0)

    def answered(self, key: int) -> None:
        group = self.group(key)
        if group is not None:
            self._answered.setdefault(group, Counter())[key] += 1

    def unanswered(self, key: int) -> None:
        """An answer of `key` was taken back."""
        group = self.group(key)
        if group is not None and self._answered.get(group, Counter())[key] > 0:
            self._answered[group][key] -= 1

    def split(self, keys: list[int]) -> tuple[list[int], list[int]]:
        """(free, held) of `keys`, each in the given order."""
        free: list[int] = []
        held: list[int] = []
        for k in keys:
            (held if self.held(k) else free).append(k)
        return free, held


def held_back_counts(store: Store, now: datetime, by: datetime) -> dict[tuple[str, str], dict[str, int]]:
    """(set id, topic) → {"due": reviews due by `by`, "new": new questions} that a session started `now` holds
    back because a sibling was answered today (only the (set, topic)s with any)."""
    answered = store.sibling_groups_answered_since(day_start(now))
    if not answered:
        return {}
    siblings = Siblings(answered)
    members = store.sibling_members(answered)
    siblings.learn({k: (sid, g, st) for k, sid, g, _topic, st, _due in members})
    out: dict[tuple[str, str], dict[str, int]] = {}
    t = by.timestamp()
    for k, sid, _g, topic, st, due in members:
        if siblings.held(k) and (st == NEW or (due is not None and due <= t)):
            c = out.setdefault((sid, topic), {"due": 0, "new": 0})
            c["new" if st == NEW else "due"] += 1
    return out
