"""The clock and the day boundary, injected everywhere time matters (no patched time in tests)."""

from __future__ import annotations

import math
import time as _time
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


class SystemLocalTime(tzinfo):
    """The machine's local time, summer time included: each offset is the one the system gives for that moment.

    (``datetime.now().astimezone().tzinfo`` is a fixed offset: today's, wrong for half of a year's history.)
    """

    def fromutc(self, dt: datetime) -> datetime:
        ts = (dt.replace(tzinfo=timezone.utc) - _EPOCH).total_seconds()
        return dt + timedelta(seconds=_time.localtime(ts).tm_gmtoff)

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=_time.localtime().tm_gmtoff)
        # Wall time to a moment: mktime resolves it by the system's rules (a repeated hour takes its first).
        return timedelta(seconds=_time.localtime(_time.mktime((*dt.timetuple()[:8], -1))).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        return _time.strftime("%Z", _time.localtime(_time.mktime((*dt.timetuple()[:8], -1)) if dt else None))

    def __repr__(self) -> str:
        return "SystemLocalTime()"


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
EPOCH_ORDINAL = _EPOCH.date().toordinal()  # day 0 of a UTC timestamp // 86400, as a date ordinal
_LOCAL = SystemLocalTime()


def local_tz() -> tzinfo:
    """The machine's local time zone (with its summer time changes)."""
    return _LOCAL


def shift_at(ts: float, tz: tzinfo, rollover_hour: int = 4) -> float:
    """Seconds to add to a UTC timestamp near `ts` so that whole days of 86400 s fall on learner days."""
    offset = datetime.fromtimestamp(ts, tz).utcoffset() or timedelta(0)
    return offset.total_seconds() - rollover_hour * 3600


def day_shifts(tz: tzinfo, lo: float, hi: float, rollover_hour: int = 4) -> list[tuple[float, float]]:
    """[(from, shift), …]: from each UTC timestamp on (the first from -inf), the shift of `shift_at`.

    Covers [lo, hi]: one entry more per change of the zone's offset (summer time) in that span.
    """
    out = [(float("-inf"), shift_at(lo, tz, rollover_hour))]
    step = 7 * 86400  # offsets change a few times a year at most; each change is then found to the second
    t = float(lo)
    while t < hi:
        nxt = min(t + step, float(hi))
        s = shift_at(nxt, tz, rollover_hour)
        if s != out[-1][1]:
            a, b = int(t), math.ceil(nxt)  # the old shift at a, the new one at b: find the second it changes
            while b - a > 1:
                m = (a + b) // 2
                if shift_at(m, tz, rollover_hour) == s:
                    b = m
                else:
                    a = m
            out.append((float(b), s))
        t = nxt
    return out


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
