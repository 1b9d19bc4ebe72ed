"""Simulate a year of study to show what load balancing and easy days do to the workload (figures printed, not asserted).

    python benchmarks/workload_sim.py [--questions 5000] [--days 365] [--new 20] [--seed 7] [--weekend reduced|minimum] [--json]

A learner studies every day on a fresh progress store of --questions questions, through the real StudySession
(FSRS through fsrs, the session's queue, load balancing and easy days as the app runs them), answering every due
question and --new new ones a day. Whether an answer is right is drawn from FSRS's own recall probability of that
question at that moment (default parameters; a question seen for the first time is right with P_FIRST), with a
fixed seed. The same year is run three times, the same in all but the settings:

- ``none``: fuzz alone (load balancing off, every weekday normal);
- ``balance``: load balancing on (the default), every weekday normal;
- ``easy``: load balancing on, Saturday and Sunday "reduced" (or --weekend minimum).

Reviews are answers to questions in review (state_before = 2): the work the scheduler spreads (first answers and
learning steps are not moved by it). Printed: ``reviews``, ``daily_max``, ``daily_sd`` (balance run);
``daily_sd_no_balance`` (none run); ``weekend_share`` (easy run) and ``weekend_share_no_easy_days`` (balance run);
``retention`` (easy run: both on) and ``retention_no_balance`` (none run: both off); ``sim_s``. The day-to-day
standard deviation is taken around a centred 7-day mean (a year of study has a trend: the collection grows for
--questions / --new days, then only reviews are left; balancing cannot and should not flatten that); the plain
standard deviation of the daily counts is printed as ``daily_sd_raw``. Days before the first full week are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta, timezone
from random import Random

from ketaquiz.core.clock import ManualClock, day_number
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.scheduling import NEW, Settings, curve, retrievability_at
from ketaquiz.core.session import StudySession
from ketaquiz.core.store import Store

P_FIRST = 0.75  # a question never seen: no FSRS recall probability yet
ANSWER_S = 8  # seconds per answer on the simulated clock
START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)  # a Monday morning
WEEKEND = (5, 6)
RUNS = {
    "none": {"load_balance": False},
    "balance": {"load_balance": True},
    "easy": {"load_balance": True, "easy_days": ["normal"] * 5 + ["reduced"] * 2},
}


def build_store(n: int, clock: ManualClock) -> Store:
    store = Store(":memory:", clock=clock)
    qs = [Question(f"q{i}", "t", "short", f"Question {i}?", f"a{i}", origin="generated") for i in range(n)]
    store.sync_set(QuestionSet("sim", "Simulation", topics=[Topic("t", "T")], questions=qs))
    return store


def simulate(n: int, days: int, new: int, seed: int, **settings: object) -> dict[str, object]:
    """One year (or --days) of study; returns the review counts per day and the review answers' outcomes."""
    clock = ManualClock(START)
    store = build_store(n, clock)
    store.save_settings(Settings(new_per_day=new, reviews_per_day=99999, **settings))  # type: ignore[arg-type]
    answers, sched_rng = Random(seed), Random(seed + 1)
    fd = curve()
    for d in range(days):
        clock.now = START + timedelta(days=d)
        session = StudySession(store, clock=clock, rng=sched_rng)
        while not session.finished:
            card = store.card(session.current_key)  # type: ignore[arg-type]
            if card.state == NEW:
                p = P_FIRST
            else:
                p = retrievability_at(card.stability, card.last_review, clock.now.timestamp(), fd) or P_FIRST
            q = session.current
            session.submit(q.answer if answers.random() < p else None)  # type: ignore[union-attr]
            clock.advance(seconds=ANSWER_S)
            session.advance()
        session.close()
    per_day: Counter[int] = Counter()
    right = total = 0
    for t, correct in store.conn.execute("SELECT reviewed_at, correct FROM reviews WHERE state_before = 2"):
        per_day[day_number(t)] += 1
        right += correct
        total += 1
    first = day_number(START.timestamp())
    store.close()
    return {"counts": [per_day.get(first + i, 0) for i in range(days)], "first": first, "right": right, "total": total}


def detrended_sd(counts: list[int]) -> float:
    """Standard deviation of each day's count around the centred 7-day mean (days with a full window)."""
    res = [counts[i] - statistics.fmean(counts[i - 3:i + 4]) for i in range(3, len(counts) - 3)]
    return statistics.pstdev(res)


def figures(run: dict[str, object], skip: int = 7) -> dict[str, float]:
    counts: list[int] = run["counts"][skip:]  # type: ignore[index]
    first: int = run["first"] + skip  # type: ignore[operator]
    weekend = sum(c for i, c in enumerate(counts) if date.fromordinal(first + i).weekday() in WEEKEND)
    return {
        "reviews": sum(counts),
        "daily_max": max(counts),
        "daily_sd": round(detrended_sd(counts), 2),
        "daily_sd_raw": round(statistics.pstdev(counts), 2),
        "weekend_share": round(weekend / max(1, sum(counts)), 4),
        "retention": round(run["right"] / max(1, run["total"]), 4),  # type: ignore[operator]
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=5000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--new", type=int, default=20, help="new questions a day")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--weekend", choices=("reduced", "minimum"), default="reduced", help="the easy run's weekend days")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    RUNS["easy"]["easy_days"] = ["normal"] * 5 + [args.weekend] * 2
    t0 = time.perf_counter()
    # The three runs are independent: one process each (as many at once as there are cores).
    with ProcessPoolExecutor(max_workers=min(len(RUNS), os.cpu_count() or 1)) as pool:
        futures = {name: pool.submit(simulate, args.questions, args.days, args.new, args.seed, **s)
                   for name, s in RUNS.items()}
        runs = {name: figures(f.result()) for name, f in futures.items()}
    sim_s = round(time.perf_counter() - t0, 1)
    none, bal, easy = runs["none"], runs["balance"], runs["easy"]
    out = {
        "days": args.days,
        "reviews": bal["reviews"],
        "daily_max": bal["daily_max"],
        "daily_sd": bal["daily_sd"],
        "daily_sd_no_balance": none["daily_sd"],
        "weekend_share": easy["weekend_share"],
        "weekend_share_no_easy_days": bal["weekend_share"],
        "retention": easy["retention"],
        "retention_no_balance": none["retention"],
        "sim_s": sim_s,
        "weekend_days": args.weekend,
        "daily_max_no_balance": none["daily_max"],
        "daily_sd_raw": bal["daily_sd_raw"],
        "daily_sd_raw_no_balance": none["daily_sd_raw"],
        "retention_balance_only": bal["retention"],
        "reviews_no_balance": none["reviews"],
        "reviews_easy_days": easy["reviews"],
    }
    if args.json:
        json.dump(out, sys.stdout)
        print()
        return
    print(f"{args.days} days, {args.questions} questions, {args.new} new a day (seed {args.seed}); {sim_s} s")
    for name, r in runs.items():
        print(f"  {name:8} " + "  ".join(f"{k} {v}" for k, v in r.items()))
    sd_cut = 1 - bal["daily_sd"] / none["daily_sd"] if none["daily_sd"] else 0.0
    wk_cut = 1 - easy["weekend_share"] / bal["weekend_share"] if bal["weekend_share"] else 0.0
    print(f"load balancing: day-to-day sd {none['daily_sd']} -> {bal['daily_sd']} ({sd_cut:.0%} less)")
    print(f"easy days (weekends {args.weekend}): weekend share {bal['weekend_share']:.1%} -> {easy['weekend_share']:.1%} "
          f"({wk_cut:.0%} less)")
    print(f"retention: {none['retention']:.2%} (neither) -> {easy['retention']:.2%} (both)")


if __name__ == "__main__":
    main()
