"""Why easy days cannot halve the weekend share of reviews by moving reviews earlier: reviews by the interval that
led to them, and the share of each that falls on a weekend (figures printed, not asserted).

    python benchmarks/weekend_intervals.py [--days 200] [--questions 5000] [--new 20] [--seed 7] [--weekend reduced]

The learner of workload_sim.py (the same answers, seed and settings, Saturday and Sunday --weekend), through the real
StudySession. A review is an answer to a question in review (state_before = 2); its interval is the days since the
question's previous answer. fsrs gives 1- and 2-day intervals no fuzz range, and a 1-day review cannot come any
earlier than the day after its answer: with nothing allowed to become overdue, those weekend reviews stay.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workload_sim as ws  # noqa: E402

from ketaquiz.core.clock import ManualClock, day_number  # noqa: E402
from ketaquiz.core.scheduling import NEW, Settings, curve, retrievability_at  # noqa: E402
from ketaquiz.core.session import StudySession  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=200)
    ap.add_argument("--questions", type=int, default=5000)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--weekend", choices=("normal", "reduced", "minimum"), default="reduced")
    args = ap.parse_args()
    clock = ManualClock(ws.START)
    store = ws.build_store(args.questions, clock)
    store.save_settings(Settings(new_per_day=args.new, reviews_per_day=99999, load_balance=True,
                                 easy_days=["normal"] * 5 + [args.weekend] * 2))
    answers, sched_rng = Random(args.seed), Random(args.seed + 1)
    fd = curve()
    for d in range(args.days):
        clock.now = ws.START + timedelta(days=d)
        s = StudySession(store, clock=clock, rng=sched_rng)
        while not s.finished:
            card = store.card(s.current_key)  # type: ignore[arg-type]
            p = ws.P_FIRST if card.state == NEW else (
                retrievability_at(card.stability, card.last_review, clock.now.timestamp(), fd) or ws.P_FIRST)
            s.submit(s.current.answer if answers.random() < p else None)  # type: ignore[union-attr]
            clock.advance(seconds=ws.ANSWER_S)
            s.advance()
        s.close()
    previous: dict[int, float] = {}
    every: Counter[str] = Counter()
    weekend: Counter[str] = Counter()
    for key, at, state_before in store.conn.execute(
            "SELECT question, reviewed_at, state_before FROM reviews ORDER BY question, reviewed_at"):
        if state_before == 2 and key in previous:
            days = day_number(at) - day_number(previous[key])
            band = str(days) if days < 9 else "9+"
            every[band] += 1
            weekend[band] += date.fromordinal(day_number(at)).weekday() >= 5
        previous[key] = at
    total = sum(every.values())
    print(json.dumps({
        "reviews": total, "weekend_share": round(sum(weekend.values()) / max(1, total), 4),
        "by_interval": {b: {"reviews": every[b], "share_of_reviews": round(every[b] / total, 3),
                            "weekend_share": round(weekend[b] / every[b], 3)} for b in sorted(every, key=lambda b: int(b.rstrip("+")))},
    }))


if __name__ == "__main__":
    main()
