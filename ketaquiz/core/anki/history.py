"""Bring your history: Anki's review log replayed through FSRS, so each imported card's schedule is what
its own answers make it.

Anki's ratings are FSRS's (1 Again, 2 Hard, 3 Good, 4 Easy). Each card's reviews are replayed in time
order from a new card with the learner's scheduler settings; the states before and after every answer go
into KetaQuiz's log as if answered here, and the card keeps the last one.
"""

from __future__ import annotations

from datetime import datetime, timezone
from random import Random

from ..scheduling import CardState, Settings, make_scheduler, review

Entry = tuple[float, int, CardState, CardState]  # (time, rating, state before, state after)


def replay(reviews: list[tuple[float, int]], settings: Settings, card_id: int = 1) -> list[Entry]:
    """The states a new card goes through when answered with `reviews` (epoch seconds, rating 1-4) in order."""
    from fsrs import Rating

    scheduler = make_scheduler(settings, Random(card_id))  # fuzz drawn from a seeded generator: repeatable
    state = CardState()
    out: list[Entry] = []
    for ts, rating in sorted(reviews):
        after = review(scheduler, card_id, state, Rating(rating), datetime.fromtimestamp(ts, timezone.utc))
        out.append((ts, rating, state, after))
        state = after
    return out


def rebuild(history: dict[str, list[tuple[float, int]]], settings: Settings) -> dict[str, list[Entry]]:
    """Every question's replayed history (question id -> entries)."""
    return {qid: replay(reviews, settings, n) for n, (qid, reviews) in enumerate(sorted(history.items()), 1) if reviews}
