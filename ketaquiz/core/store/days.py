"""Learner days in SQL: which day a stored UTC time falls on, by its zone's offset at that moment."""

from __future__ import annotations


def shift_sql(column: str, shifts: list[tuple[float, float]]) -> str:
    """An SQL expression: the shift (of `clock.day_shifts`) for the UTC timestamp in `column`."""
    if len(shifts) == 1:
        return repr(shifts[0][1])
    cases = " ".join(f"WHEN {column} < {end!r} THEN {shift!r}" for (_, shift), (end, _) in zip(shifts, shifts[1:]))
    return f"(CASE {cases} ELSE {shifts[-1][1]!r} END)"
