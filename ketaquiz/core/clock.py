"""The clock and the day boundary, injected everywhere time matters (no patched time in tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone, tzinfo

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock: the current time, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def fixed_clock(start: datetime, step: timedelta = timedelta(0)) -> Clock:
    """A test clock returning `start`, then `start + step`, … on each call."""
    state = {"t": start}

    def clock() -> datetime:
        t = state["t"]
        state["t"] = t + step
        return t

    return clock


class ManualClock:
    """A clock a test moves by hand: ``clock.advance(minutes=10)``."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware datetime")
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now = self.now + timedelta(**kwargs)
        return self.now


def local_tz() -> tzinfo:
    """The machine's local time zone."""
    tz = datetime.now().astimezone().tzinfo
    return tz if tz is not None else timezone.utc


def day_start(now: datetime, tz: tzinfo | None = None, rollover_hour: int = 4) -> datetime:
    """Start of the learner's day containing `now` (days roll over at 4 am local, as in Anki)."""
    tz = tz or local_tz()
    local = now.astimezone(tz) - timedelta(hours=rollover_hour)
    start = datetime.combine(local.date(), time(0), tzinfo=tz) + timedelta(hours=rollover_hour)
    return start.astimezone(timezone.utc)


def day_number(ts: float, tz: tzinfo | None = None, rollover_hour: int = 4) -> int:
    """The learner's day (an ordinal) of a UTC epoch timestamp."""
    tz = tz or local_tz()
    local = datetime.fromtimestamp(ts, tz) - timedelta(hours=rollover_hour)
    return local.date().toordinal()
