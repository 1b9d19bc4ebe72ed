"""What the presets decide in a study session: the scheduler of each question and the day's limits of each set.

A session over one set uses that set's preset (or the settings it was given). A session over every set takes Default's
daily limits for the whole, schedules each question with its set's preset, and keeps each set whose preset is not
Default within that preset's own daily limits (its caps). As Anki, load balancing and easy days weigh a preset's own
reviews per day, so a light preset's weekends are not filled by another's reviews.
"""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import Any

from .presets import DEFAULT, preset_of, settings_for
from .scheduling import Settings, make_scheduler
from .store import Store
from .workload import HORIZON_DAYS, Balancer, DayLoad


class SessionPresets:
    """The schedulers (each with its load balancer) and the per-set caps of one session."""

    def __init__(self, store: Store, settings: Settings, rng: Random, started: datetime, *, set_id: str | None,
                 per_set: bool) -> None:
        self.store = store
        self.settings = settings
        self.rng = rng
        self.started = started
        self.per_set = per_set  # a session over every set, each question scheduled by its set's preset
        self._loads: dict[str | None, DayLoad] = {}  # preset name (None: every set) -> reviews due per day
        self._schedulers: dict[str, tuple[Any, Balancer]] = {}
        own = preset_of(store, set_id) if set_id is not None else (DEFAULT if per_set else None)
        self.scheduler, self.balancer = self._make_scheduler(settings, own)

    def _make_scheduler(self, settings: Settings, preset: str | None) -> tuple[Any, Balancer]:
        balancer = Balancer(self._preset_load(preset), self.rng, balance=settings.load_balance,
                            easy_days=settings.easy_days)
        return make_scheduler(settings, self.rng, balancer), balancer

    def _preset_load(self, preset: str | None) -> DayLoad:
        """The reviews due per day of the sets that use a preset (None: of every set)."""
        if preset not in self._loads:
            load = DayLoad()
            if self.settings.fuzz:
                sets = None if preset is None else [s.id for s in self.store.sets() if preset_of(self.store, s.id) == preset]
                load = DayLoad(self.store.review_load(self.started, HORIZON_DAYS, set_ids=sets))
            self._loads[preset] = load
        return self._loads[preset]

    def scheduler_for(self, set_id: str) -> tuple[Any, Balancer]:
        """The scheduler (and its balancer) for a question of a set: its preset's in a session over every set."""
        if not self.per_set:
            return self.scheduler, self.balancer
        preset = preset_of(self.store, set_id)
        if preset == DEFAULT:
            return self.scheduler, self.balancer
        if preset not in self._schedulers:
            self._schedulers[preset] = self._make_scheduler(settings_for(self.store, set_id), preset)
        return self._schedulers[preset]

    def set_caps(self, today: datetime, extra_new: int) -> dict[str, list[int]]:
        """set id → [new, reviews] left today, for the sets whose preset is not Default (a session over every set)."""
        caps: dict[str, list[int]] = {}
        for info in self.store.sets():
            if preset_of(self.store, info.id) != DEFAULT:
                new, rev = left_today(self.store, settings_for(self.store, info.id), today, info.id)
                caps[info.id] = [new + extra_new, rev]
        return caps


def left_today(store: Store, settings: Settings, today: datetime, set_id: str | None = None) -> tuple[int, int]:
    """(new, reviews) still allowed today by these settings' daily limits (answers of one set, or all)."""
    new_done = store.answered_since(today, new_only=True, set_id=set_id)
    reviews_done = store.answered_since(today, set_id=set_id) - new_done
    return max(0, settings.new_per_day - new_done), max(0, settings.reviews_per_day - reviews_done)


def within_caps(keys: list[int], sets: dict[int, str], caps: dict[str, list[int]], kind: int) -> list[int]:
    """`keys` but those beyond their set's cap (`kind`: 0 new, 1 reviews; caps are counted down)."""
    out = []
    for k in keys:
        cap = caps.get(sets.get(k, ""))
        if cap is not None:
            if cap[kind] <= 0:
                continue
            cap[kind] -= 1
        out.append(k)
    return out
