"""Time the Scores page's data on a large synthetic review log (figures printed, not asserted).

    python benchmarks/dashboard_bench.py [--reviews 1000000] [--questions 5000] [--years 4] [--repeat 5] [--json]

Builds a store with --questions questions and --reviews review rows spread over the last --years years
(rows written with one executemany in one transaction), then times `dashboard(store, now)` — every chart's data
for all sets. The first call builds the per-day cache (``dash_days``, see ketaquiz/core/dashboard.py) from the
whole log, once per profile; later calls read the cache plus yesterday's and today's reviews. `--json` prints
{"reviews": N, "dashboard_ms": T, "first_call_ms": F} with T the median of --repeat later calls (an answer is
recorded before each, so the live part is never empty) and F the one-off cache build.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from ketaquiz.core.clock import ManualClock
from ketaquiz.core.dashboard import dashboard
from ketaquiz.core.store import Store

TOPICS = ["overview", "mechanism", "theories", "risks", "conclusion"]


def build_store(path: str | Path, reviews: int, questions: int, now: datetime, *, years: float = 4.0,
                seed: int = 1) -> Store:
    """A store holding one set of `questions` questions and `reviews` log rows over the last `years` years."""
    rng = random.Random(seed)
    store = Store(path, clock=ManualClock(now))
    t = now.timestamp()
    span = years * 365 * 86400
    c = store.conn
    c.execute("PRAGMA cache_size = -500000")
    c.execute("PRAGMA foreign_keys = OFF")  # the rows are made consistent by construction
    with store.write():
        c.execute("INSERT INTO sets (id, title, bundled) VALUES ('bench', 'Benchmark', 0)")
        c.executemany(
            "INSERT INTO topics (set_id, id, title, section, position) VALUES ('bench', ?, ?, ?, ?)",
            [(tp, tp.title(), tp, i) for i, tp in enumerate(TOPICS)],
        )
        c.executemany(
            "INSERT INTO questions (key, set_id, id, topic, type, position, data) VALUES (?, 'bench', ?, ?, 'short', ?, ?)",
            [(k, f"q{k}", TOPICS[k % 5], k, json.dumps({"id": f"q{k}", "prompt": f"Question {k}?"})) for k in range(1, questions + 1)],
        )
        c.executemany(
            "INSERT INTO cards (question, set_id, topic, position, state, stability, difficulty, due, last_review, reps, lapses, "
            "queue_due) VALUES (?, 'bench', ?, ?, 2, ?, ?, ?, ?, ?, ?, ?)",
            [
                (k, TOPICS[k % 5], k, rng.uniform(1, 300), rng.uniform(1, 10), due, t - rng.uniform(0, 60) * 86400,
                 rng.randint(1, 400), rng.randint(0, 12), due)
                for k in range(1, questions + 1)
                for due in (t + rng.uniform(-5, 60) * 86400,)
            ],
        )
        n_sessions = max(1, reviews // 40)
        c.executemany(
            "INSERT INTO sessions (id, started_at, ended_at, set_id, topics, answered, correct) VALUES (?, ?, ?, 'bench', '[]', 40, 34)",
            [(i, t - span + i * span / n_sessions, t - span + i * span / n_sessions + 900) for i in range(1, n_sessions + 1)],
        )

        def rows():
            step = span / reviews
            rand = rng.random
            ivls = (0.5, 3.0, 10.0, 30.0, 90.0)
            start = t - span
            for i in range(reviews):
                k = int(rand() * questions) + 1
                at = int(start + i * step)
                ivl = ivls[i % 5]
                state = 2 if ivl >= 1 else 1
                right = 1 if rand() < 0.85 else 0
                yield (k, "bench", TOPICS[k % 5], 1 + i // 40, at, 3 if right else 1, right, None, 4000, state,
                       f"[{state}, null, {ivl * 2:.1f}, 5.0, {at}, {at - int(ivl * 86400)}, 3, 0]")

        c.executemany(
            "INSERT INTO reviews (question, set_id, topic, session, reviewed_at, rating, correct, response, duration_ms, "
            "state_before, card_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows(),
        )
    store.catch_up()  # as the app's reads would have, answer by answer, over those years
    c.execute("PRAGMA foreign_keys = ON")
    c.execute("ANALYZE")
    return store


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--reviews", type=int, default=1_000_000)
    p.add_argument("--questions", type=int, default=5000)
    p.add_argument("--years", type=float, default=4.0)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = build_store(Path(tmp) / "bench.db", args.reviews, args.questions, now, years=args.years)
        build_s = time.perf_counter() - t0
        n = store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        t0 = time.perf_counter()
        dashboard(store, now, tz=timezone.utc)
        cold = (time.perf_counter() - t0) * 1000
        warm = []
        for i in range(max(1, args.repeat)):
            with store.write():  # a fresh answer, as after a study session
                store.conn.execute(
                    "INSERT INTO reviews (question, set_id, topic, reviewed_at, rating, correct, state_before, card_before) "
                    "VALUES (1, 'bench', ?, ?, 3, 1, 2, '[2, null, 5.0, 5.0, 0, 0, 1, 0]')",
                    (TOPICS[1], now.timestamp() - i),
                )
            t0 = time.perf_counter()
            dashboard(store, now, tz=timezone.utc)
            warm.append((time.perf_counter() - t0) * 1000)
        store.close()
    if args.json:
        print(json.dumps({"reviews": n, "dashboard_ms": round(statistics.median(warm), 1), "first_call_ms": round(cold, 1)}))
    else:
        print(f"built {n} reviews in {build_s:.1f} s")
        print(f"dashboard: {statistics.median(warm):.0f} ms (median of {len(warm)}; first call, building the cache: {cold:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
