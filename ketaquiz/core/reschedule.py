"""Reschedule every question from its answers after the parameters or desired retention change.

As Anki's "Reschedule cards on change": each answered question's answers are replayed through fsrs with the
parameters and its set's preset in force now (load balancing and easy days included), giving its memory state and
due date as if it had always been scheduled so. A backup is taken first (undo = restore it); the new schedules are
written in one transaction, read and written under the same write lock (an answer given meanwhile waits). The result
says how many due dates moved and how the next days' reviews change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from random import Random
from typing import TYPE_CHECKING

from .backup import make_backup
from .presets import preset_of, settings_for
from .scheduling import NEW, REVIEW, CardState, make_scheduler, review
from .store import Store
from .workload import Balancer, DayLoad, review_day

if TYPE_CHECKING:
    from fsrs import Scheduler

FORECAST_DAYS = 30


@dataclass
class RescheduleResult:
    """What rescheduling did."""

    questions: int  # answered questions rescheduled from their answers
    moved: int  # of those, the ones now due on another day
    forecast_before: list[int] = field(default_factory=list)  # reviews due each of the next days (today: with overdue)
    forecast_after: list[int] = field(default_factory=list)
    backup: Path | None = None

    @property
    def message(self) -> str:
        before, after = sum(self.forecast_before), sum(self.forecast_after)
        text = (f"{self.questions} questions rescheduled from their answers: {self.moved} now come back on another "
                f"day. Next {len(self.forecast_after)} days: {before} → {after} reviews "
                f"(busiest day {max(self.forecast_before, default=0)} → {max(self.forecast_after, default=0)}).")
        if self.backup is not None:
            text += f" To undo, restore the backup {self.backup.name}."
        return text


def _forecast(states: dict[int, CardState], today: int, days: int) -> list[int]:
    out = [0] * days
    for st in states.values():
        if st.state != NEW and st.due is not None:
            d = max(0, review_day(st.due) - today)
            if d < days:
                out[d] += 1
    return out


def reschedule(store: Store, now: datetime, *, backup_dir: Path | None = None, rng: Random | None = None,
               days: int = FORECAST_DAYS) -> RescheduleResult:
    """Reschedule every answered live question from its answers (see the module docstring)."""
    from fsrs import Rating  # (the log holds ratings as numbers)

    backup = make_backup(store, backup_dir, now) if backup_dir is not None else None
    rng = rng if rng is not None else Random(0)
    loads: dict[str, DayLoad] = {}  # per preset, as the session balances (and as Anki does)
    schedulers: dict[str, tuple[Scheduler, Balancer]] = {}
    today = review_day(now.timestamp())
    with store.write():
        live = {key: (sid, st) for key, sid, _topic, st in store.card_states() if st.state != NEW}
        history: dict[int, list[tuple[int, float]]] = {}
        for key, rating, at in store.answer_history():
            if key in live:
                history.setdefault(key, []).append((rating, at))
        new_states: dict[int, CardState] = {}
        for key, answers in history.items():
            set_id = live[key][0]
            if set_id not in schedulers:
                settings = settings_for(store, set_id)
                load = loads.setdefault(preset_of(store, set_id), DayLoad())
                balancer = Balancer(load, rng, balance=settings.load_balance, easy_days=settings.easy_days)
                schedulers[set_id] = (make_scheduler(settings, rng, balancer), balancer)
            scheduler, balancer = schedulers[set_id]
            state = CardState()
            for rating, at in answers:
                moment = datetime.fromtimestamp(at, timezone.utc)
                balancer.at(moment)
                state = review(scheduler, key, state, Rating(rating), moment)
            new_states[key] = state
            if state.state == REVIEW and state.due is not None:
                balancer.load.move(None, review_day(state.due))
        store.write_schedules(list(new_states.items()))
    old = {key: st for key, (_sid, st) in live.items()}
    moved = sum(1 for key, st in new_states.items()
                if (was := old[key].due) is None or st.due is None or review_day(was) != review_day(st.due))
    return RescheduleResult(len(new_states), moved, _forecast(old, today, days),
                            _forecast({**old, **new_states}, today, days), backup)
